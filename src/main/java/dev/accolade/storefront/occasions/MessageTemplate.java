package dev.accolade.storefront.occasions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program's message with placeholders: {@code {first_name}}, {@code {name}}, {@code {years}} and
 * {@code {manager}}, filled in when the draft is made. Any other word in braces is refused when the
 * program is saved, so a draft never carries an unfilled placeholder.
 */
public final class MessageTemplate {

    public static final Set<String> PLACEHOLDERS = Set.of("first_name", "name", "years", "manager");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private MessageTemplate() {
    }

    /** The placeholders in the text that are not known, as written ({@code {firstname}}). */
    public static List<String> unknown(String template) {
        List<String> bad = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1).trim())) {
                bad.add(m.group());
            }
        }
        return bad;
    }

    /** The message for one employee, at most 255 characters (a scheduled send's message). */
    public static String render(String template, String name, Integer years, String manager) {
        String first = name == null || name.isBlank() ? "" : name.trim().split("\\s+")[0];
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1).trim()) {
                case "first_name" -> first;
                case "name" -> name == null ? "" : name;
                case "years" -> years == null ? "" : years.toString();
                case "manager" -> manager == null ? "" : manager;
                default -> m.group();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String text = out.toString();
        return text.length() > 255 ? text.substring(0, 254) + "…" : text;
    }
}
