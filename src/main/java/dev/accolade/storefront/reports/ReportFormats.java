package dev.accolade.storefront.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.quarkus.qute.TemplateExtension;

/** Formatting for report pages. */
@TemplateExtension
final class ReportFormats {

    private ReportFormats() {
    }

    /** {@code 125} of {@code 1000} is {@code 12.5%}. */
    static String percentOf(long part, long whole) {
        if (whole == 0) {
            return "–";
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
                .toPlainString() + "%";
    }
}
