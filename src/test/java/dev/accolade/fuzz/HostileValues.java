package dev.accolade.fuzz;

import java.util.ArrayList;
import java.util.List;

/** What an attacker types into a field: numbers out of range, overlong and control text, markup, SQL, bad dates, paths. */
final class HostileValues {

    private HostileValues() {
    }

    static final List<String> TEXT = List.of(
            // numbers
            "", " ", "0", "-1", "-0", "1e308", "-1e308", "NaN", "Infinity", "-Infinity", "2147483648", "-2147483649",
            "9223372036854775808", "-9223372036854775809", "99999999999999999999", "9".repeat(400), "0x1F", "1.999",
            "1,000,000,000.00", "12,50", "$-5", "$ 99999999999999999999.99", "1e3", "0.0000001", "١٢٣",
            // text
            "a".repeat(256), "a".repeat(5000), "é".repeat(300), "😀".repeat(200), "\u0000", "a\u0000b", "\u001b[31mred",
            "\t=1+2", "\r\n", "line\nbreak", "\u2028", "\u202e\u0635txt", "\ufeff", "\ud800", "𝒜😀", "ＡＢＣ", "＝1+2",
            "\u00a0=HYPERLINK(\"http://evil.example\")", "\u0000=cmd|' /C calc'!A0",
            // SQL and query syntax
            "' OR '1'='1", "'; DROP TABLE app_user; --", "1; select pg_sleep(5)", "\" or \"\"=\"", "%", "_", "%%", "\\",
            "\\'", "1' union select null--", "*", "?",
            // markup and templates
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "{{7*7}}", "${7*7}", "{#for i in 1}{/for}",
            "{inject:config}", "javascript:alert(1)",
            // dates
            "2025-02-30", "+999999999-12-31", "-999999999-01-01", "0000-00-00", "9999-12-31", "2025-13-01",
            "1970-01-01T00:00:00Z", "2025-1-1", "31/12/2025",
            // paths and addresses
            "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "/etc/passwd", "C:\\Windows\\win.ini", "file:///etc/passwd",
            "http://evil.example", "//evil.example", "/\\evil.example", "%2e%2e/%2e%2e/",
            // words that are values elsewhere
            "null", "undefined", "true", "[]", "{}", "%00", "%ZZ", "ADMIN", "PENDING", "on");

    /** JSON values for a field of a RaaS request body: the texts as strings, and numbers and types a schema refuses. */
    static final List<String> JSON;

    static {
        List<String> json = new ArrayList<>();
        for (String t : TEXT) {
            json.add(jsonString(t));
        }
        json.addAll(List.of("0", "-1", "1.5", "-0.0", "1e308", "2147483648", "9223372036854775808", "9".repeat(400),
                "true", "false", "null", "[]", "{}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
                "{\"a\":{\"b\":{\"c\":1}}}", "\"" + "x".repeat(70000) + "\""));
        JSON = List.copyOf(json);
    }

    /** Whole bodies that are no JSON object, or barely one. */
    static final List<String> BODIES = List.of("", "{", "}", "null", "[]", "\"x\"", "{\"a\":", "{'a':1}", "\u0000",
            "{\"customer\":\"x\",\"customer\":\"y\"}", "[".repeat(5000), "{}".repeat(1000), "<xml/>");

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
