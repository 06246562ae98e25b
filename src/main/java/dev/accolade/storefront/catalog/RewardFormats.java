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
}
