package dev.accolade.storefront.demo;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;

import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.directory.Employee;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * Demo departments, employees and users for dev mode and tests (README.md lists the sign-ins).
 * Idempotent: existing rows are left alone, so the dev database keeps what you changed.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    public static final String PASSWORD = "accolade-demo";
    public static final String CUSTOMER = "Accolade";

    private final Clock clock;
    private final boolean enabled;
    private final DemoMail mail;

    DemoData(Clock clock, @ConfigProperty(name = "accolade.demo-data.enabled", defaultValue = "false") boolean enabled,
            DemoMail mail) {
        this.clock = clock;
        this.mail = mail;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            load();
        }
    }

    @Transactional
    void load() {
        if (AppUser.count() > 0) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Department engineering = department("Engineering", "accolade-engineering", 5_000, now);
        Department sales = department("Sales", "accolade-sales", 5_000, now);
        Department people = department("People", "accolade-people", 5_000, now);

        employee("Ada Lovelace", "ada.lovelace@accolade.test", engineering, "manager@accolade.test");
        employee("Grace Hopper", "grace.hopper@accolade.test", engineering, "manager@accolade.test");
        employee("Alan Turing", "alan.turing@accolade.test", engineering, "manager@accolade.test");
        employee("Katherine Johnson", "katherine.johnson@accolade.test", engineering, "manager@accolade.test");
        employee("Linus Pauling", "linus.pauling@accolade.test", sales, "sales.manager@accolade.test");
        employee("Marie Curie", "marie.curie@accolade.test", sales, "sales.manager@accolade.test");
        employee("Rosalind Franklin", "rosalind.franklin@accolade.test", people, "hr@accolade.test");
        // Someone who left: kept in the directory with their history, but no longer a recipient.
        Employee left = employee("Charles Babbage", "charles.babbage@accolade.test", engineering, "manager@accolade.test");
        left.active = false;
        left.deactivatedAt = now;

        String hash = BcryptUtil.bcryptHash(PASSWORD);
        user("manager@accolade.test", "Morgan Manager", Role.MANAGER, engineering, hash, now);
        user("sales.manager@accolade.test", "Sam Sales", Role.MANAGER, sales, hash, now);
        user("hr@accolade.test", "Harper HR", Role.HR, people, hash, now);
        user("admin@accolade.test", "Avery Admin", Role.ADMIN, null, hash, now);
        LOG.info("Loaded demo data: 3 departments, 8 employees (1 deactivated), 4 users (password " + PASSWORD + ")");
        mail.write(engineering.id);
    }

    private static Department department(String name, String account, long threshold, OffsetDateTime now) {
        Department d = new Department();
        d.name = name;
        d.raasCustomer = CUSTOMER;
        d.raasAccountIdentifier = account;
        d.lowBalanceThreshold = threshold;
        d.createdAt = now;
        d.persist();
        return d;
    }

    private static Employee employee(String name, String email, Department department, String manager) {
        Employee e = new Employee();
        e.name = name;
        e.email = email;
        e.department = department;
        e.managerEmail = manager;
        e.persist();
        return e;
    }

    private static void user(String email, String name, Role role, Department department, String hash,
            OffsetDateTime now) {
        AppUser u = new AppUser();
        u.email = email;
        u.displayName = name;
        u.role = role;
        u.departmentId = department == null ? null : department.id;
        u.passwordHash = hash;
        u.createdAt = now;
        u.persist();
    }
}
