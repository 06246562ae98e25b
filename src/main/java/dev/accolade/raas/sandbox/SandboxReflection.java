package dev.accolade.raas.sandbox;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The sandbox's wire records and the recorded catalog, bound by the sandbox's own ObjectMappers:
 * registered so a native executable can (de)serialize them. The JSON schemas and the catalog are
 * resources, included by {@code quarkus.native.resources.includes}.
 */
@RegisterForReflection(targets = { SandboxWire.AccountCreate.class, SandboxWire.BillingAddress.class,
        SandboxWire.CreditCard.class, SandboxWire.FundCreate.class, SandboxWire.CardRegister.class,
        SandboxWire.CardFund.class, SandboxWire.CardUnregister.class, SandboxWire.Recipient.class,
        SandboxWire.OrderCreate.class, SandboxWire.Account.class, SandboxWire.AccountReply.class,
        SandboxWire.FundReply.class, SandboxWire.CardRegistered.class, SandboxWire.CardDeleted.class,
        SandboxWire.Reward.class, SandboxWire.Order.class, SandboxWire.OrderReply.class, SandboxWire.OrderList.class,
        SandboxWire.Rewards.class, SandboxWire.CatalogBrand.class, SandboxWire.CatalogReward.class,
        SandboxWire.Empty.class, SandboxCatalog.RecordedCatalog.class, SandboxCatalog.RecordedBrand.class,
        SandboxCatalog.RecordedReward.class, RaasException.InvalidInput.class })
final class SandboxReflection {

    private SandboxReflection() {
    }
}
