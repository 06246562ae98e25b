package dev.accolade.raas.client;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET rewards}: brands and their rewards. Prices are in cents of {@code currency_type}. */
public record Catalog(List<Brand> brands) {

    public Catalog {
        brands = brands == null ? List.of() : List.copyOf(brands);
    }

    /** The reward with this SKU, if the catalog lists it. */
    public Optional<Reward> reward(String sku) {
        return brands.stream().flatMap(b -> b.rewards().stream()).filter(r -> sku.equals(r.sku())).findFirst();
    }

    public record Brand(String description, @JsonProperty("image_url") String imageUrl, List<Reward> rewards) {

        public Brand {
            rewards = rewards == null ? List.of() : List.copyOf(rewards);
        }
    }

    /**
     * A reward. A negative {@code unit_price} means a variable price between {@code min_price} and
     * {@code max_price}; fixed-price rewards may also give their face value ({@code denomination},
     * {@code currency_code}, {@code locale}).
     */
    public record Reward(String description, String sku, @JsonProperty("currency_type") String currencyType,
            @JsonProperty("unit_price") Long unitPrice, boolean available,
            @JsonProperty("min_price") Long minPrice, @JsonProperty("max_price") Long maxPrice,
            Long denomination, @JsonProperty("currency_code") String currencyCode, String locale) {

        public boolean variablePrice() {
            return unitPrice != null && unitPrice < 0;
        }

        /**
         * Whether an order for it can succeed: it is available and has a price above zero. RaaS lists
         * some rewards as available with a range of {@code $0.00 – $0.00} (the sandbox's "Clean Water
         * Fund"), which refuses every amount.
         */
        public boolean orderable() {
            if (!available) {
                return false;
            }
            if (variablePrice()) {
                return maxPrice == null || (maxPrice > 0 && (minPrice == null || minPrice <= maxPrice));
            }
            return unitPrice != null && unitPrice > 0;
        }
    }
}
