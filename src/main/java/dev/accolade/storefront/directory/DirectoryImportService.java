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
import java.util.Set;
import java.util.HashSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.accolade.common.Clocks;
import dev.accolade.common.Formats;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.directory.DirectoryCsv.Problem;
import dev.accolade.storefront.directory.DirectoryCsv.Row;
import dev.accolade.storefront.security.AppUser;

/**
 * Employee files: a dry run that lists every change and every problem, then the application of
 * exactly those changes. Employees are matched by email (case ignored); a row equal to the
 * directory changes nothing, so importing the same file twice changes nothing the second time.
 * Employees missing from the file are left as they are, unless the admin chooses in the dry run to
 * deactivate them ({@link EmployeeLifecycle}); a row whose status is left deactivates its employee
 * the same way. The optional columns (start date, birthday, time zone, status) change only where the
 * file has them ({@link OccasionFields}). Rows that name deactivated or disabled people are
 * applied with a warning. A file with problems is not applied. An applied file keeps the exact changes
 * it made ({@link DirectoryImportChange}), which its page shows from then on.
 */
@ApplicationScoped
public class DirectoryImportService {

    /** A change the file makes to one employee; row 0 for an employee missing from the file. */
    public record Change(long row, String kind, String name, String email, String description) {
    }

    /**
     * What applying a file would do (or, for an applied file, what it did): the changes, the problems
     * that stop it, the warnings that do not (rows naming disabled or deactivated people).
     */
    public record Plan(List<Change> changes, List<Problem> problems, List<Problem> warnings, int unchanged, int rows,
            boolean deactivateMissing) {
        public boolean applicable() {
            return problems.isEmpty() && !changes.isEmpty();
        }

        /** The employees this deactivates: rows with the status left, and those missing if chosen. */
        public int deactivations() {
            return (int) changes.stream().filter(c -> c.kind().equals(DEACTIVATED)).count();
        }

        /** The active employees missing from the file that this deactivates. */
        public int missingDeactivations() {
            return (int) changes.stream().filter(c -> c.kind().equals(DEACTIVATED) && c.row() == 0).count();
        }
    }

    static final String DEACTIVATED = "deactivated";

    private final AuditTrail audit;
    private final Actors actors;
    private final Clock clock;
    private final EmployeeLifecycle lifecycle;

    DirectoryImportService(AuditTrail audit, Actors actors, Clock clock, EmployeeLifecycle lifecycle) {
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
        this.lifecycle = lifecycle;
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
        Plan plan = plan(bytes, false);
        audit.record("DIRECTORY_DRY_RUN", i.fileName, plan.problems().isEmpty() ? "SUCCESS" : "FAILED",
                "import " + i.id + ", sha256 " + i.sha256 + ", " + summary(plan));
        return i;
    }

    /**
     * The dry run of a kept file against the directory as it is now, with or without deactivating the
     * employees missing from it; for an applied file, the changes it made as they were kept then.
     */
    @Transactional
    public Plan plan(DirectoryImport i, boolean deactivateMissing) {
        if (i.appliedAt != null) {
            return applied(i);
        }
        return plan(bytes(i), deactivateMissing);
    }

    /** Applies a kept file: exactly the changes its dry run lists now, all or nothing, and keeps them. */
    @Transactional
    public Plan apply(long importId, boolean deactivateMissing) {
        DirectoryImport i = DirectoryImport.findById(importId);
        if (i == null) {
            throw new jakarta.ws.rs.NotFoundException("no import " + importId);
        }
        if (i.appliedAt != null) {
            throw new IllegalStateException("This file was already applied on "
                    + dev.accolade.common.Formats.display(i.appliedAt) + ".");
        }
        Plan plan = plan(bytes(i), deactivateMissing);
        if (!plan.problems().isEmpty()) {
            throw new IllegalStateException("The file has problems; fix them and upload it again.");
        }
        String how = "by directory import " + i.id;
        Map<String, Department> departments = departments();
        DirectoryRows.Checked rows = DirectoryRows.check(bytes(i), departments);
        for (DirectoryRows.Entry entry : rows.valid()) {
            Row r = entry.row();
            Department d = departments.get(DirectoryRows.key(r.department()));
            Employee e = Employee.findByEmail(r.email().strip()).orElse(null);
            if (e == null) {
                e = new Employee();
                e.email = r.email().strip().toLowerCase(Locale.ROOT);
            }
            e.name = r.name().strip();
            e.department = d;
            e.managerEmail = manager(r);
            entry.update().applyTo(e);
            if (e.id == null) {
                e.persist();
            }
            if (entry.leaves()) {
                lifecycle.deactivate(e, how + " (row " + r.row() + ": status left)");
            } else {
                lifecycle.reactivate(e, how);
            }
        }
        for (Change c : plan.changes()) {
            if (c.kind().equals(DEACTIVATED) && c.row() == 0) {
                lifecycle.deactivate(Employee.findByEmail(c.email()).orElseThrow(), how + " (missing from the file)");
            }
        }
        i.appliedAt = Clocks.utcNow(clock);
        i.appliedBy = actors.current().name();
        i.appliedChanges = plan.changes().size();
        i.appliedRows = plan.rows();
        i.appliedUnchanged = plan.unchanged();
        i.deactivateMissing = deactivateMissing;
        int line = 0;
        for (Change c : plan.changes()) {
            keep(i, ++line, c.row(), c.kind(), c.name(), c.email(), c.description());
        }
        for (Problem w : plan.warnings()) {
            keep(i, ++line, w.row(), DirectoryImportChange.WARNING, "", "", w.message());
        }
        audit.record("DIRECTORY_IMPORT", i.fileName, "SUCCESS", "import " + i.id + ", sha256 " + i.sha256
                + ", " + summary(plan));
        return plan;
    }

    private static void keep(DirectoryImport i, int line, long row, String kind, String name, String email,
            String description) {
        DirectoryImportChange c = new DirectoryImportChange();
        c.importId = i.id;
        c.lineNo = line;
        c.rowNo = row;
        c.kind = kind;
        c.name = DirectoryRows.truncate(name, 200);
        c.email = DirectoryRows.truncate(email, 255);
        c.description = DirectoryRows.truncate(description, 4000);
        c.persist();
    }

    /** An applied import as it was applied: its kept changes and warnings. */
    static Plan applied(DirectoryImport i) {
        List<Change> changes = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        for (DirectoryImportChange c : DirectoryImportChange.of(i.id)) {
            if (c.kind.equals(DirectoryImportChange.WARNING)) {
                warnings.add(new Problem(c.rowNo, c.description));
            } else {
                changes.add(new Change(c.rowNo, c.kind, c.name, c.email, c.description));
            }
        }
        return new Plan(changes, List.of(), warnings, i.appliedUnchanged == null ? 0 : i.appliedUnchanged,
                i.appliedRows == null ? 0 : i.appliedRows, i.deactivateMissing);
    }

    Plan plan(byte[] bytes, boolean deactivateMissing) {
        Map<String, Department> departments = departments();
        DirectoryRows.Checked parsed = DirectoryRows.check(bytes, departments);
        Map<String, Employee> directory = new HashMap<>();
        Employee.<Employee>list("select e from Employee e join fetch e.department")
                .forEach(e -> directory.put(e.email.toLowerCase(Locale.ROOT), e));
        Set<String> disabled = new HashSet<>();
        AppUser.<AppUser>list("enabled = false").forEach(u -> disabled.add(u.email.toLowerCase(Locale.ROOT)));
        Set<String> inFile = new HashSet<>();
        Set<String> leaving = new HashSet<>();
        parsed.valid().forEach(v -> (v.leaves() ? leaving : inFile).add(v.row().email().strip().toLowerCase(Locale.ROOT)));
        List<Change> changes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(parsed.problems());
        List<Problem> warnings = new ArrayList<>();
        String me = actors.current().name();
        int unchanged = 0;
        for (DirectoryRows.Entry entry : parsed.valid()) {
            Row r = entry.row();
            Department d = departments.get(DirectoryRows.key(r.department()));
            String email = r.email().strip().toLowerCase(Locale.ROOT);
            Employee e = directory.get(email);
            String name = r.name().strip();
            String manager = manager(r);
            warnings.addAll(warnings(entry, e, manager, directory, disabled, inFile, leaving, deactivateMissing));
            if (entry.leaves() && me != null && email.equalsIgnoreCase(me) && (e == null || e.active)) {
                problems.add(new Problem(r.row(), "Row " + r.row() + ": you (" + email + ") would deactivate "
                        + "yourself with the status left. Change your row's status, or leave the column empty."));
                continue;
            }
            if (e == null) {
                List<String> set = new ArrayList<>();
                set.add("added to " + d.name + (manager == null ? "" : ", manager " + manager));
                set.addAll(entry.update().settings());
                if (entry.leaves()) {
                    set.add("left: not a recipient" + (signsIn(email, disabled) ? "; sign-in disabled" : ""));
                }
                changes.add(new Change(r.row(), "new", name, email, String.join(", ", set)));
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
            diffs.addAll(entry.update().changes(e));
            String kind = "changed";
            if (entry.leaves() && e.active) {
                kind = DEACTIVATED;
                diffs.add("left: leaves the recipients" + (signsIn(e.email, disabled)
                        ? "; sign-in disabled and sessions ended" : ""));
            } else if (!entry.leaves() && !e.active) {
                kind = "reactivated";
                diffs.add("active again" + (e.accountDisabledOnLeave ? ", sign-in enabled again" : ""));
            }
            if (diffs.isEmpty()) {
                unchanged++;
            } else {
                changes.add(new Change(r.row(), kind, name, e.email, String.join("; ", diffs)));
            }
        }
        if (deactivateMissing) {
            directory.values().stream().filter(e -> e.active && !inFile.contains(e.email.toLowerCase(Locale.ROOT))
                    && !leaving.contains(e.email.toLowerCase(Locale.ROOT)))
                    .sorted(java.util.Comparator.comparing((Employee e) -> e.name).thenComparing(e -> e.email))
                    .forEach(e -> {
                        if (me != null && e.email.equalsIgnoreCase(me)) {
                            problems.add(new Problem(0, "You (" + e.email + ") are not in the file: you would "
                                    + "deactivate yourself. Add your row, or do not deactivate those missing."));
                            return;
                        }
                        changes.add(new Change(0, DEACTIVATED, e.name, e.email, "not in the file: leaves the "
                                + "recipients" + (signsIn(e.email, disabled) ? "; sign-in disabled and sessions ended" : "")));
                    });
        }
        problems.sort((a, b) -> Long.compare(a.row(), b.row()));
        return new Plan(changes, problems, warnings, unchanged, parsed.rows(), deactivateMissing);
    }

    /** What a row refers to that an admin should see before applying it: people who left or cannot sign in. */
    private static List<Problem> warnings(DirectoryRows.Entry entry, Employee e, String manager,
            Map<String, Employee> directory, Set<String> disabled, Set<String> inFile, Set<String> leaving,
            boolean deactivateMissing) {
        List<Problem> warnings = new ArrayList<>();
        Row r = entry.row();
        String at = "Row " + r.row() + ": ";
        if (e != null && !e.active && !entry.leaves()) {
            warnings.add(new Problem(r.row(), at + e.email + " was deactivated"
                    + (e.deactivatedAt == null ? "" : " on " + Formats.display(e.deactivatedAt))
                    + "; applying the file makes them a recipient again."));
        }
        if (e != null && disabled.contains(e.email.toLowerCase(Locale.ROOT)) && (e.active || !e.accountDisabledOnLeave)) {
            warnings.add(new Problem(r.row(), at + e.email + "'s Accolade sign-in is disabled; the import "
                    + "does not enable it."));
        }
        if (manager != null) {
            Employee m = directory.get(manager);
            if (leaving.contains(manager)) {
                warnings.add(new Problem(r.row(), at + "the manager " + manager + " has the status left in this file."));
            } else if (m != null && !m.active && !inFile.contains(manager)) {
                warnings.add(new Problem(r.row(), at + "the manager " + manager + " is deactivated in the directory."));
            } else if (m != null && m.active && deactivateMissing && !inFile.contains(manager)) {
                warnings.add(new Problem(r.row(), at + "the manager " + manager
                        + " is not in the file and will be deactivated."));
            }
            if (disabled.contains(manager)) {
                warnings.add(new Problem(r.row(), at + "the manager " + manager
                        + " cannot sign in: their Accolade account is disabled."));
            }
        }
        return warnings;
    }

    /** Whether the address signs in to Accolade with an enabled account (leaving disables it). */
    private static boolean signsIn(String email, Set<String> disabled) {
        return !disabled.contains(email.toLowerCase(Locale.ROOT)) && AppUser.findByEmail(email).isPresent();
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
        long deactivated = plan.deactivations();
        return Formats.counted(plan.rows(), "row") + ": " + added + " new, "
                + (plan.changes().size() - added - deactivated) + " changed, " + plan.unchanged() + " unchanged, "
                + (plan.deactivateMissing() || deactivated > 0 ? deactivated + " deactivated, " : "")
                + Formats.counted(plan.problems().size(), "problem")
                + (plan.warnings().isEmpty() ? "" : ", " + Formats.counted(plan.warnings().size(), "warning"));
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
