package dev.accolade.raas.sandbox;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The sandbox's own wire model of RaaS v1 (it shares nothing with the client's records, so each side
 * checks the other). Requests are bound only after the official schema accepted them.
 */
public final class SandboxWire {

    private SandboxWire() {
    }

    // ---- requests ----

    public record AccountCreate(String identifier, String email, String customer) {
    }

    public record BillingAddress(@JsonProperty("f_name") String firstName, @JsonProperty("l_name") String lastName,
            String address, String city, String state, String zip, String country, String email) {
    }

    /** Card details: passed to the authorization, never stored, never printed. */
    public record CreditCard(String number, String expiration, @JsonProperty("security_code") String securityCode,
            @JsonProperty("billing_address") BillingAddress billingAddress) {

        @Override
        public String toString() {
            return "CreditCard[number=****, security_code=***]";
        }
    }

    public record FundCreate(String customer, @JsonProperty("account_identifier") String accountIdentifier,
            BigDecimal amount, @JsonProperty("client_ip") String clientIp,
            @JsonProperty("credit_card") CreditCard creditCard) {
    }

    public record CardRegister(String customer, @JsonProperty("account_identifier") String accountIdentifier,
            @JsonProperty("client_ip") String clientIp, @JsonProperty("credit_card") CreditCard creditCard) {
    }

    public record CardFund(String customer, @JsonProperty("account_identifier") String accountIdentifier,
            BigDecimal amount, @JsonProperty("client_ip") String clientIp,
            @JsonProperty("cc_token") String ccToken, @JsonProperty("security_code") String securityCode) {

        @Override
        public String toString() {
            return "CardFund[customer=" + customer + ", account_identifier=" + accountIdentifier + ", amount="
                    + amount + ", cc_token=" + ccToken + ", security_code=***]";
        }
    }

    public record CardUnregister(String customer, @JsonProperty("account_identifier") String accountIdentifier,
            @JsonProperty("cc_token") String ccToken) {
    }

    public record Recipient(String name, String email) {
    }

    public record OrderCreate(String customer, @JsonProperty("account_identifier") String accountIdentifier,
            Recipient recipient, String sku, BigDecimal amount,
            @JsonProperty("reward_subject") String rewardSubject,
            @JsonProperty("reward_message") String rewardMessage,
            @JsonProperty("reward_from") String rewardFrom,
            @JsonProperty("send_reward") Boolean sendReward) {
    }

    // ---- responses ----

    public record Account(String identifier, String email, String customer,
            @JsonProperty("available_balance") long availableBalance) {

        static Account of(SandboxAccount a) {
            return new Account(a.identifier, a.email, a.customer, a.balance);
        }
    }

    public record AccountReply(Account account) {
    }

    public record FundReply(@JsonProperty("fund_id") String fundId, long amount) {
    }

    public record CardRegistered(@JsonProperty("cc_token") String ccToken,
            @JsonProperty("active_date") long activeDate) {
    }

    public record CardDeleted(String message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reward(String token, String number, String pin,
            @JsonProperty("redemption_url") String redemptionUrl) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Order(@JsonProperty("order_id") String orderId,
            @JsonProperty("account_identifier") String accountIdentifier,
            String customer, String sku, long amount,
            @JsonProperty("reward_message") String rewardMessage,
            @JsonProperty("reward_subject") String rewardSubject,
            @JsonProperty("reward_from") String rewardFrom,
            @JsonProperty("delivered_at") String deliveredAt,
            Recipient recipient,
            @JsonInclude(JsonInclude.Include.NON_NULL) Reward reward) {
    }

    public record OrderReply(Order order) {
    }

    public record OrderList(List<Order> orders, long offset, long limit,
            @JsonProperty("total_count") long totalCount, @JsonProperty("result_count") long resultCount) {
    }

    public record Rewards(List<CatalogBrand> brands) {
    }

    public record CatalogBrand(String description, @JsonProperty("image_url") String imageUrl,
            List<CatalogReward> rewards) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CatalogReward(String description, String sku, @JsonProperty("currency_type") String currencyType,
            @JsonProperty("unit_price") long unitPrice, boolean available,
            @JsonProperty("min_price") Long minPrice, @JsonProperty("max_price") Long maxPrice,
            Long denomination, @JsonProperty("currency_code") String currencyCode, String locale) {
    }

    public record Empty() {
    }
}
