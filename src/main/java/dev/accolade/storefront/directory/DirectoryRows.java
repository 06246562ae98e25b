package dev.accolade.storefront.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.accolade.common.EmailAddress;
import dev.accolade.common.PlainText;
import dev.accolade.storefront.directory.DirectoryCsv.Problem;
import dev.accolade.storefront.directory.DirectoryCsv.Row;

/**
 * An employee file's rules, row by row: a name of 1 to 200 characters, an email address that no
 * earlier row has, an existing department, a manager's email address if any. Every problem of a row
 * is named in one message.
 */
final class DirectoryRows {

    /** The rows that may be applied, a message for each other row (and the file's), and how many rows there were. */
    record Checked(List<Row> valid, List<Problem> problems, int rows) {
    }

    private DirectoryRows() {
    }

    /** The file's rows, checked one by one against the departments there are (by {@link #key}). */
    static Checked check(byte[] bytes, Map<String, Department> departments) {
        DirectoryCsv.Parsed parsed = DirectoryCsv.parse(bytes);
        List<Problem> problems = new ArrayList<>(parsed.problems());
        List<Row> valid = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (Row r : parsed.rows()) {
            List<String> wrong = new ArrayList<>();
            String name = r.name().strip();
            String email = r.email().strip().toLowerCase(Locale.ROOT);
            if (!PlainText.Check.isPlain(r.name() + r.email() + r.department() + r.managerEmail(), true)) {
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
            if (!email.isEmpty()) {
                seen.putIfAbsent(email, r.row());
            }
            if (wrong.isEmpty()) {
                valid.add(r);
            } else {
                problems.add(new Problem(r.row(), "Row " + r.row() + ": " + String.join("; ", wrong) + "."));
            }
        }
        problems.sort((a, b) -> Long.compare(a.row(), b.row()));
        int rows = parsed.rows().size() + (int) parsed.problems().stream().filter(p -> p.row() > 0).count();
        return new Checked(valid, problems, rows);
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
