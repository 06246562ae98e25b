package dev.accolade.storefront.occasions;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.directory.Employee;
import dev.accolade.storefront.schedule.ScheduledSend;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/** Programs (one per kind: set as a test needs it), employees with occasions, users of each role. */
final class OccasionFixtures {

    private OccasionFixtures() {
    }

    /** The program of the kind, enabled, with these settings and one reward per row {years, sku, cents, template}. */
    static OccasionProgram program(OccasionProgram.Kind kind, int daysAhead, LocalTime at, String zone, long most,
            Object[]... rewards) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OccasionProgram p = OccasionProgram.ofKind(kind).orElseGet(OccasionProgram::new);
            p.kind = kind;
            p.name = kind.label() + " (test)";
            p.enabled = true;
            p.daysAhead = daysAhead;
            p.sendTime = at;
            p.defaultZone = zone;
            p.maxAmount = most;
            p.createdBy = "test";
            p.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            p.persistAndFlush();
            OccasionReward.delete("programId", p.id);
            OccasionReward.flush();
            for (Object[] r : rewards) {
                OccasionReward reward = new OccasionReward();
                reward.programId = p.id;
                reward.years = (Integer) r[0];
                reward.sku = (String) r[1];
                reward.amount = (Long) r[2];
                reward.messageTemplate = (String) r[3];
                reward.persist();
            }
            return p;
        });
    }

    static void disable(OccasionProgram.Kind kind) {
        QuarkusTransaction.requiringNew().run(() -> OccasionProgram.update("enabled = false where kind = ?1", kind));
    }

    static AppUser user(Role role, Department department, String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AppUser u = new AppUser();
            u.email = role.name().toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@accolade.test";
            u.displayName = name;
            u.role = role;
            u.departmentId = department == null ? null : department.id;
            u.passwordHash = BcryptUtil.bcryptHash("accolade-demo");
            u.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            u.persist();
            return u;
        });
    }

    /** An active employee of the department reporting to the manager's address. */
    static Employee employee(Department department, String name, String managerEmail, LocalDate start, Integer month,
            Integer day, String zone) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Employee e = new Employee();
            e.name = name;
            e.email = name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 8)
                    + "@example.com";
            e.department = Department.findById(department.id);
            e.managerEmail = managerEmail;
            e.startDate = start;
            e.birthMonth = month;
            e.birthDay = day;
            e.timeZone = zone;
            e.persist();
            return e;
        });
    }

    static List<Occasion> occasionsOf(Employee e) {
        return QuarkusTransaction.requiringNew().call(() -> Occasion.<Occasion> list("employeeId = ?1 order by occasionDate",
                e.id));
    }

    static Occasion only(Employee e) {
        List<Occasion> all = occasionsOf(e);
        if (all.size() != 1) {
            throw new AssertionError("expected one occasion of " + e.name + ", found " + all.size());
        }
        return all.get(0);
    }

    static ScheduledSend send(Occasion o) {
        return QuarkusTransaction.requiringNew().call(() -> ScheduledSend.<ScheduledSend> findById(o.scheduledSendId));
    }

    static Occasion reload(Occasion o) {
        return QuarkusTransaction.requiringNew().call(() -> Occasion.<Occasion> findById(o.id));
    }
}
