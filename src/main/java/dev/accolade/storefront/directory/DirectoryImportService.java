package dev.accolade.storefront.directory;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.accolade.common.Clocks;
import dev.accolade.common.Formats;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.directory.DirectoryCsv.Problem;
import dev.accolade.storefront.directory.DirectoryCsv.Row;

/**
 * Employee files: a dry run that lists every change and every problem, then the application of
 * exactly those changes. Employees are matched by email (case ignored); a row equal to the
 * directory changes nothing, so importing the same file twice changes nothing the second time.
 * Employees missing from the file are left as they are. A file with problems is not applied.
 */
@ApplicationScoped
public class DirectoryImportService {

    /** A change the file makes to one employee. */
    public record Change(long row, String kind, String name, String email, String description) {
    }

    /** What applying a file would do. */
    public record Plan(List<Change> changes, List<Problem> problems, int unchanged, int rows) {
        public boolean applicable() {
            return problems.isEmpty() && !changes.isEmpty();
        }
    }

    private final AuditTrail audit;
    private final Actors actors;
    private final Clock clock;

    DirectoryImportService(AuditTrail audit, Actors actors, Clock clock) {
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    /** Keeps an uploaded file for its dry run and audits the upload. */
    @Transactional
    public DirectoryImport upload(String fileName, byte[] bytes) {
        DirectoryImport i = new DirectoryImport();
        i.fileName = fileName == null || fileName.isBlank() ? "upload.csv" : DirectoryRows.truncate(fileName.strip(), 255);
        i.content = Base64.getEncoder().encodeToString(bytes);
        i.sha256 = sha256(bytes);
        i.uploadedBy = actors.current().name();
        i.uploadedAt = Clocks.utcNow(clock);
        i.persist();
        Plan plan = plan(bytes);
        audit.record("DIRECTORY_DRY_RUN", i.fileName, plan.problems().isEmpty() ? "SUCCESS" : "FAILED",
                "import " + i.id + ", sha256 " + i.sha256 + ", " + summary(plan));
        return i;
    }

    /** The dry run of a kept file against the directory as it is now. */
    @Transactional
    public Plan plan(DirectoryImport i) {
        return plan(bytes(i));
    }

    /** Applies a kept file: exactly the changes its dry run lists now, all or nothing. */
    @Transactional
    public Plan apply(long importId) {
        DirectoryImport i = DirectoryImport.findById(importId);
        if (i == null) {
            throw new jakarta.ws.rs.NotFoundException("no import " + importId);
        }
        if (i.appliedAt != null) {
            throw new IllegalStateException("This file was already applied on "
                    + dev.accolade.common.Formats.display(i.appliedAt) + ".");
        }
        Plan plan = plan(bytes(i));
        if (!plan.problems().isEmpty()) {
            throw new IllegalStateException("The file has problems; fix them and upload it again.");
        }
        Map<String, Department> departments = departments();
        DirectoryRows.Checked rows = DirectoryRows.check(bytes(i), departments);
        for (Row r : rows.valid()) {
            Department d = departments.get(DirectoryRows.key(r.department()));
            Employee e = Employee.findByEmail(r.email().strip()).orElse(null);
            if (e == null) {
                e = new Employee();
                e.email = r.email().strip().toLowerCase(Locale.ROOT);
            }
            e.name = r.name().strip();
            e.department = d;
            e.managerEmail = manager(r);
            e.active = true;
            e.persist();
        }
        i.appliedAt = Clocks.utcNow(clock);
        i.appliedBy = actors.current().name();
        i.appliedChanges = plan.changes().size();
        audit.record("DIRECTORY_IMPORT", i.fileName, "SUCCESS", "import " + i.id + ", sha256 " + i.sha256
                + ", " + summary(plan));
        return plan;
    }

    Plan plan(byte[] bytes) {
        Map<String, Department> departments = departments();
        DirectoryRows.Checked parsed = DirectoryRows.check(bytes, departments);
        List<Change> changes = new ArrayList<>();
        int unchanged = 0;
        for (Row r : parsed.valid()) {
            Department d = departments.get(DirectoryRows.key(r.department()));
            Employee e = Employee.findByEmail(r.email().strip()).orElse(null);
            String name = r.name().strip();
            String manager = manager(r);
            if (e == null) {
                changes.add(new Change(r.row(), "new", name, r.email().strip().toLowerCase(Locale.ROOT),
                        "added to " + d.name + (manager == null ? "" : ", manager " + manager)));
                continue;
            }
            List<String> diffs = new ArrayList<>();
            if (!e.name.equals(name)) {
                diffs.add("name " + e.name + " → " + name);
            }
            if (!e.department.id.equals(d.id)) {
                diffs.add("department " + e.department.name + " → " + d.name);
            }
            if (!Objects.equals(e.managerEmail, manager)) {
                diffs.add("manager " + (e.managerEmail == null ? "none" : e.managerEmail) + " → "
                        + (manager == null ? "none" : manager));
            }
            if (!e.active) {
                diffs.add("active again");
            }
            if (diffs.isEmpty()) {
                unchanged++;
            } else {
                changes.add(new Change(r.row(), e.active ? "changed" : "reactivated", name, e.email,
                        String.join("; ", diffs)));
            }
        }
        return new Plan(changes, parsed.problems(), unchanged, parsed.rows());
    }

    private static Map<String, Department> departments() {
        Map<String, Department> byName = new HashMap<>();
        Department.<Department>listAll().forEach(d -> byName.put(DirectoryRows.key(d.name), d));
        return byName;
    }

    private static String manager(Row r) {
        String m = r.managerEmail().strip().toLowerCase(Locale.ROOT);
        return m.isEmpty() ? null : m;
    }

    static String summary(Plan plan) {
        long added = plan.changes().stream().filter(c -> c.kind().equals("new")).count();
        return Formats.counted(plan.rows(), "row") + ": " + added + " new, " + (plan.changes().size() - added)
                + " changed, " + plan.unchanged() + " unchanged, " + Formats.counted(plan.problems().size(), "problem");
    }

    private static byte[] bytes(DirectoryImport i) {
        return Base64.getDecoder().decode(i.content);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
