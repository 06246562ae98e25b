package dev.accolade.storefront.catalog;

import io.quarkus.qute.TemplateExtension;

import dev.accolade.common.Formats;
import dev.accolade.raas.client.Catalog;

/** How a reward's price reads on a page: {@code $25.00}, or {@code $1.00 – $1,000.00} for a variable one. */
@TemplateExtension
public final class RewardFormats {

    private RewardFormats() {
    }

    public static String price(Catalog.Reward reward) {
        if (reward.variablePrice()) {
            return Formats.dollars(CatalogPage.lowest(reward)) + " – " + Formats.dollars(CatalogPage.highest(reward));
        }
        return Formats.dollars(reward.unitPrice());
    }

    /**
     * The face value of a card in another currency than the account's US dollars ({@code CAD 50.00}),
     * from the catalog's {@code denomination} and {@code currency_code}; null for a US card or a
     * variable-price one (whose amount is what it costs). {@link #price} stays what the department pays.
     */
    public static String faceValue(Catalog.Reward reward) {
        return foreign(reward) ? Formats.money(reward.denomination(), reward.currencyCode()) : null;
    }

    /** Whether the card's face value is in another currency than the US dollars it costs. */
    public static boolean foreign(Catalog.Reward reward) {
        return !reward.variablePrice() && reward.denomination() != null && reward.currencyCode() != null
                && !reward.currencyCode().isBlank() && !"USD".equals(reward.currencyCode());
    }
}
