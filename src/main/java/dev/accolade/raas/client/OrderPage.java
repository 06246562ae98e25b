package dev.accolade.raas.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of {@code GET orders}. The paging fields came with the 2015 API and may be absent
 * (null) from older servers.
 */
public record OrderPage(List<RaasOrder> orders, Integer offset, Integer limit,
        @JsonProperty("total_count") Long totalCount, @JsonProperty("result_count") Integer resultCount) {

    public OrderPage {
        orders = orders == null ? List.of() : List.copyOf(orders);
    }
}
