package dev.accolade.raas.client;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A completed funding: RaaS's reference and the amount credited in cents. */
public record FundReceipt(@JsonProperty("fund_id") String fundId, Long amount) {

    public FundReceipt {
        Objects.requireNonNull(fundId, "fund_id");
        Objects.requireNonNull(amount, "amount");
    }
}
