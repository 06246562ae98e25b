package dev.accolade.storefront.reports;

import java.util.Locale;

/** What a report groups delivered rewards by. */
public enum Dimension {
    DEPARTMENT("Department", "department", "ALL"),
    MONTH("Month", "month", "ALL"),
    BRAND("Brand", "brand", "BRAND"),
    MANAGER("Manager", "manager", "MANAGER"),
    RECIPIENT("Recipient", "recipient", "RECIPIENT");

    static final String ALL_KEY = "ALL";

    private final String label;
    private final String slug;
    /** The rollup's dimension column for this report. */
    final String rollup;

    Dimension(String label, String slug, String rollup) {
        this.label = label;
        this.slug = slug;
        this.rollup = rollup;
    }

    public String label() {
        return label;
    }

    public String slug() {
        return slug;
    }

    /** The report named in a URL, or null. */
    public static Dimension parse(String s) {
        if (s == null || s.isBlank()) {
            return DEPARTMENT;
        }
        for (Dimension d : values()) {
            if (d.slug.equals(s.trim().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        return null;
    }
}
