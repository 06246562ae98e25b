package dev.accolade.raas.client;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The wire records the client reads and writes with its own ObjectMapper ({@link RaasJson}), which
 * Quarkus cannot see through: registered here so a native executable can (de)serialize them. The
 * catalog is also stored as JSON by the storefront's shared catalog snapshot.
 */
@RegisterForReflection(targets = { AccountCreate.class, BillingAddress.class, CardFund.class, CardRegister.class,
        CardRegistration.class, CardRemoval.class, CardUnregister.class, Catalog.class, Catalog.Brand.class,
        Catalog.Reward.class, CreditCard.class, FundCreate.class, FundReceipt.class, InvalidInput.class,
        OrderCreate.class, OrderPage.class, RaasAccount.class, RaasOrder.class, Recipient.class,
        RewardCredentials.class })
final class RaasReflection {

    private RaasReflection() {
    }
}
