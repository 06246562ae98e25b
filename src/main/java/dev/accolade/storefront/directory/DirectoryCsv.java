package dev.accolade.storefront.directory;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an employee file: UTF-8 (a byte-order mark is skipped), comma-separated, fields quoted as
 * RFC 4180 has them (Apache Commons CSV), a header naming the columns {@code name}, {@code email},
 * {@code department} and {@code manager email} in any order and case, and optionally
 * {@code start date}, {@code birthday}, {@code time zone} and {@code status} (a column the file does
 * not have is null in every row; one it has is the cell as written, empty or not). Rows are numbered
 * from the header, which is row 1. A row that cannot be used gets a message; the rest are read.
 */
final class DirectoryCsv {

    static final int MAX_ROWS = 10_000;

    /** One data row as written in the file; an optional column the file lacks is null. */
    record Row(long row, String name, String email, String department, String managerEmail, String startDate,
            String birthday, String timeZone, String status) {

        /** Every cell of the row, for the checks that apply to all of them. */
        String cells() {
            return name + email + department + managerEmail + Objects.toString(startDate, "")
                    + Objects.toString(birthday, "") + Objects.toString(timeZone, "") + Objects.toString(status, "");
        }
    }

    /** A problem with one row, or with the file (row 0). */
    record Problem(long row, String message) {
    }

    /** The rows that could be read and the problems found on the way. */
    record Parsed(List<Row> rows, List<Problem> problems) {
        boolean fileUnreadable() {
            return rows.isEmpty() && problems.stream().anyMatch(p -> p.row() == 0);
        }
    }

    /** A header's words (letters only, lower case) and the column they name. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("name", "name"),
            Map.entry("fullname", "name"), Map.entry("email", "email"), Map.entry("emailaddress", "email"),
            Map.entry("department", "department"), Map.entry("manageremail", "manager"), Map.entry("manager", "manager"),
            Map.entry("startdate", "startDate"), Map.entry("startedon", "startDate"), Map.entry("hiredate", "startDate"),
            Map.entry("joindate", "startDate"), Map.entry("employmentstartdate", "startDate"),
            Map.entry("birthday", "birthday"), Map.entry("dateofbirth", "birthday"), Map.entry("birthdate", "birthday"),
            Map.entry("timezone", "timeZone"), Map.entry("zone", "timeZone"), Map.entry("tz", "timeZone"),
            Map.entry("status", "status"), Map.entry("employmentstatus", "status"));

    private DirectoryCsv() {
    }

    static Parsed parse(byte[] bytes) {
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(0, "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and upload it again."));
            return new Parsed(rows, problems);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            problems.add(new Problem(0, "The file is empty."));
            return new Parsed(rows, problems);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        long last = 1;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> columns = null;
            int width = 0;
            for (CSVRecord record : parser) {
                last = record.getRecordNumber();
                if (columns == null) {
                    width = record.size();
                    columns = header(record, problems);
                    if (columns == null) {
                        return new Parsed(rows, problems);
                    }
                    continue;
                }
                long row = record.getRecordNumber();
                if (rows.size() >= MAX_ROWS) {
                    problems.add(new Problem(0, "The file has more than " + MAX_ROWS + " rows: split it."));
                    return new Parsed(List.of(), problems);
                }
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                if (record.size() != width) {
                    problems.add(new Problem(row, "Row " + row + " has " + record.size() + " fields; the header has "
                            + width + ". Put quotes around values that contain commas."));
                    continue;
                }
                rows.add(new Row(row, record.get(columns.get("name")), record.get(columns.get("email")),
                        record.get(columns.get("department")), record.get(columns.get("manager")),
                        optional(record, columns, "startDate"), optional(record, columns, "birthday"),
                        optional(record, columns, "timeZone"), optional(record, columns, "status")));
            }
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            problems.add(new Problem(0, "The file could not be read after row " + last
                    + ": a quoted field is not closed, or a quote stands inside an unquoted field."));
            return new Parsed(List.of(), problems);
        }
        return new Parsed(rows, problems);
    }

    private static String optional(CSVRecord record, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        return i == null ? null : record.get(i);
    }

    private static Map<String, Integer> header(CSVRecord record, List<Problem> problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String key = record.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            String column = COLUMNS.get(key);
            if (column != null && !columns.containsKey(column)) {
                columns.put(column, i);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String c : List.of("name", "email", "department", "manager")) {
            if (!columns.containsKey(c)) {
                missing.add(c.equals("manager") ? "manager email" : c);
            }
        }
        if (!missing.isEmpty()) {
            String hint = record.size() == 1 && record.get(0).contains(";")
                    ? " The file seems to use semicolons: save it with commas between fields." : "";
            problems.add(new Problem(0, "The header (row 1) must name the columns name, email, department and "
                    + "manager email; missing: " + String.join(", ", missing) + "." + hint));
            return null;
        }
        return columns;
    }
}
