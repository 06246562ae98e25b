package dev.accolade.storefront.scim;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filters the SCIM API answers (RFC 7644 section 3.4.2.2): one attribute compared for equality
 * with a string, {@code userName eq "ada@example.com"}, which is what identity providers send to find
 * a user or group before creating it. Anything else is refused with {@code invalidFilter}, saying
 * what is supported, rather than answered wrongly.
 */
record ScimFilter(String attribute, String value) {

    private static final Pattern EQ = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9.:$_-]*)\\s+(?i:eq)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

    /** The filter, or null when there is none; the attribute in lower case, as attributes are case-insensitive. */
    static ScimFilter parse(String filter, Set<String> attributes) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        if (!dev.accolade.common.PlainText.Check.isPlain(filter, false)) {
            throw ScimError.invalidFilter("The filter holds a control character.");
        }
        Matcher m = EQ.matcher(filter);
        if (!m.matches()) {
            throw ScimError.invalidFilter("Only filters of the form attribute eq \"value\" are supported, with one "
                    + "of: " + String.join(", ", attributes) + ".");
        }
        String attribute = m.group(1).toLowerCase(Locale.ROOT);
        String known = attributes.stream().filter(a -> a.equalsIgnoreCase(attribute)).findFirst().orElse(null);
        if (known == null) {
            throw ScimError.invalidFilter("Filtering by " + m.group(1) + " is not supported; filter by one of: "
                    + String.join(", ", attributes) + ".");
        }
        return new ScimFilter(known, unescape(m.group(2)));
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
    }
}
