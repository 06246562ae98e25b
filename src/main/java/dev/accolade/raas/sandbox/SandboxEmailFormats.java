package dev.accolade.raas.sandbox;

import io.quarkus.qute.TemplateExtension;

import dev.accolade.common.Formats;

/**
 * How a reward's value reads in the sandbox's emails and redemption pages: in the currency of the
 * card's face value (CAD 50.00 for an Amazon.com Canada card), as the catalog's {@code currency_code}
 * gives it, since the recipient holds a card of that currency whatever it cost the account.
 */
@TemplateExtension
final class SandboxEmailFormats {

    private SandboxEmailFormats() {
    }

    static String faceValue(SandboxOrder order) {
        return Formats.money(order.amount, RaasRewardsResource.FaceValue.of(order.brand == null ? "" : order.brand)
                .currencyCode());
    }
}
