package dev.accolade.common;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV downloads: UTF-8, RFC 4180 (quoted where needed, CRLF line ends), streamed. Text cells that a
 * spreadsheet would run as a formula are neutralised with a leading apostrophe, as OWASP advises for
 * CSV injection: those starting with a control character (tab, carriage return, NUL, ...) and those
 * whose first visible character, after any spaces (no-break ones too), controls and invisible format
 * characters, is =, +, -, @ or a full-width or small form of one (＝ ＋ － ＠), which some spreadsheets
 * read as the same.
 */
public final class Csv {

    /** Writes rows to a printer; may throw, which ends the download. */
    @FunctionalInterface
    public interface Body {
        void write(CSVPrinter out) throws IOException;
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private Csv() {
    }

    /** A streamed download named {@code filename}, with the header row first. */
    public static Response download(String filename, String[] header, Body body) {
        StreamingOutput stream = (OutputStream os) -> {
            var writer = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            try (CSVPrinter out = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header).get())) {
                body.write(out);
            }
        };
        return Response.ok(stream, "text/csv; charset=utf-8; header=present")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    /** A text cell a spreadsheet shows as text, never runs. */
    public static String text(String s) {
        if (s == null || s.isEmpty()) {
            return s == null ? "" : s;
        }
        int i = 0;
        while (i < s.length() && invisible(s.charAt(i))) {
            i++;
        }
        return Character.isISOControl(s.charAt(0)) || i < s.length() && formula(s.charAt(i)) ? "'" + s : s;
    }

    private static boolean invisible(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT;
    }

    private static boolean formula(char c) {
        return switch (c) {
            case '=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\uFE66', '\uFE62', '\uFE63', '\uFE6B',
                    '\u2212' -> true;
            default -> false;
        };
    }

    /** Cents as a plain decimal amount: {@code 1250} is {@code 12.50}. */
    public static String money(long cents) {
        return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
    }

    public static String time(OffsetDateTime t) {
        return t == null ? "" : t.withOffsetSameInstant(ZoneOffset.UTC).format(TIME);
    }
}
