package dev.accolade.storefront.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.accolade.common.EmailAddress;
import dev.accolade.common.PlainText;
import dev.accolade.storefront.directory.DirectoryCsv.Problem;
import dev.accolade.storefront.directory.DirectoryCsv.Row;
import dev.accolade.storefront.directory.OccasionFields.Given;

/**
 * An employee file's rules, row by row: a name of 1 to 200 characters, an email address that no
 * earlier row has, an existing department, a manager's email address if any, and, where the file has
 * those columns, a start date, a birthday, a time zone and a status ({@link OccasionFields}). Every
 * problem of a row is named in one message.
 */
final class DirectoryRows {

    /** A row that may be applied, with its optional columns read. */
    record Entry(Row row, OccasionFields.Update update, Given<Employee.Status> status) {
        /** Whether the row says the employee has left. */
        boolean leaves() {
            return status.value() == Employee.Status.LEFT;
        }
    }

    /** The rows that may be applied, a message for each other row (and the file's), and how many rows there were. */
    record Checked(List<Entry> valid, List<Problem> problems, int rows) {
    }

    private DirectoryRows() {
    }

    /** The file's rows, checked one by one against the departments there are (by {@link #key}). */
    static Checked check(byte[] bytes, Map<String, Department> departments) {
        DirectoryCsv.Parsed parsed = DirectoryCsv.parse(bytes);
        List<Problem> problems = new ArrayList<>(parsed.problems());
        List<Entry> valid = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (Row r : parsed.rows()) {
            List<String> wrong = new ArrayList<>();
            String name = r.name().strip();
            String email = r.email().strip().toLowerCase(Locale.ROOT);
            if (!PlainText.Check.isPlain(r.cells(), true)) {
                wrong.add("a cell holds a control character (such as NUL): remove it");
            }
            if (name.isEmpty()) {
                wrong.add("the name is empty");
            } else if (name.length() > 200) {
                wrong.add("the name is longer than 200 characters");
            }
            if (email.isEmpty()) {
                wrong.add("the email is empty");
            } else if (!EmailAddress.Check.isEmail(email)) {
                wrong.add("\"" + truncate(r.email(), 80) + "\" is not an email address");
            } else if (seen.containsKey(email)) {
                wrong.add(email + " is already on row " + seen.get(email));
            }
            if (r.department().isBlank()) {
                wrong.add("the department is empty");
            } else if (!departments.containsKey(key(r.department()))) {
                wrong.add("there is no department \"" + truncate(r.department().strip(), 80)
                        + "\" (create it under Accounts first)");
            }
            String manager = r.managerEmail().strip();
            if (!manager.isEmpty() && !EmailAddress.Check.isEmail(manager)) {
                wrong.add("the manager email \"" + truncate(manager, 80) + "\" is not an email address");
            }
            Given<LocalDate> startDate = read(r.startDate(), OccasionFields::startDate, wrong);
            Given<Birthday> birthday = read(r.birthday(), Birthday::parse, wrong);
            Given<String> timeZone = read(r.timeZone(), OccasionFields::timeZone, wrong);
            Given<Employee.Status> status = r.status() == null ? Given.absent()
                    : read(r.status(), OccasionFields::status, wrong);
            if (!email.isEmpty()) {
                seen.putIfAbsent(email, r.row());
            }
            if (wrong.isEmpty()) {
                Given<Boolean> onLeave = !status.present() || status.value() == Employee.Status.LEFT ? Given.absent()
                        : Given.of(status.value() == Employee.Status.ON_LEAVE);
                valid.add(new Entry(r, new OccasionFields.Update(startDate, birthday, timeZone, onLeave), status));
            } else {
                problems.add(new Problem(r.row(), "Row " + r.row() + ": " + String.join("; ", wrong) + "."));
            }
        }
        problems.sort((a, b) -> Long.compare(a.row(), b.row()));
        int rows = parsed.rows().size() + (int) parsed.problems().stream().filter(p -> p.row() > 0).count();
        return new Checked(valid, problems, rows);
    }

    /**
     * An optional cell: absent when the file has no such column, cleared when the cell is empty, else
     * read; what a bad value is wrong with is added to the row's messages.
     */
    private static <T> Given<T> read(String cell, Function<String, T> reader, List<String> wrong) {
        if (cell == null) {
            return Given.absent();
        }
        if (cell.isBlank()) {
            return Given.of(null);
        }
        try {
            return Given.of(reader.apply(cell));
        } catch (IllegalArgumentException invalid) {
            wrong.add(invalid.getMessage());
            return Given.absent();
        }
    }

    /** A department's name as rows and the directory are matched by: case and spaces around ignored. */
    static String key(String department) {
        return department.strip().toLowerCase(Locale.ROOT);
    }

    /** The text in at most {@code max} characters, the ellipsis that marks a cut included. */
    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
