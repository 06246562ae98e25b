package dev.accolade.storefront.directory;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.accolade.common.Clocks;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Sessions;

/**
 * People joining, changing and leaving, whoever says so (an admin's page, a directory import, SCIM).
 * A deactivated employee leaves the recipients (the type-ahead and the send form refuse them) and, if
 * they sign in to Accolade, their account is disabled and every session of theirs ends at once; their
 * rewards and audit history stay. Reactivating undoes exactly that: the account is enabled again only
 * if it was the deactivation that disabled it.
 */
@ApplicationScoped
public class EmployeeLifecycle {

    /** A change that was refused, with the field to show it by (or null) and the message. */
    public static final class Refused extends RuntimeException {
        public final String field;

        public Refused(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    private final AuditTrail audit;
    private final Actors actors;
    private final Sessions sessions;
    private final Clock clock;

    EmployeeLifecycle(AuditTrail audit, Actors actors, Sessions sessions, Clock clock) {
        this.audit = audit;
        this.actors = actors;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Changes an employee's name, email, department and manager, and what occasion programs read of
     * them (each already checked as a form field). The audit names an occasion field's change in
     * words, the birthday's without the date.
     */
    @Transactional
    public Employee update(long id, String name, String email, long departmentId, String managerEmail,
            OccasionFields.Update occasions) {
        Employee e = employee(id);
        String address = email.strip().toLowerCase(Locale.ROOT);
        if (!address.equalsIgnoreCase(e.email)
                && Employee.find("lower(email) = ?1 and id <> ?2", address, id).firstResultOptional().isPresent()) {
            throw new Refused("email", "Another employee has this email address.");
        }
        Department d = Department.findById(departmentId);
        if (d == null) {
            throw new Refused("department", "This department no longer exists.");
        }
        String manager = managerEmail == null || managerEmail.isBlank() ? null : managerEmail.strip().toLowerCase(Locale.ROOT);
        if (address.equals(manager)) {
            throw new Refused("managerEmail", "An employee is not their own manager.");
        }
        String before = describe(e);
        java.util.List<String> changes = occasions.changes(e);
        e.name = name.strip();
        e.email = address;
        e.department = d;
        e.managerEmail = manager;
        occasions.applyTo(e);
        audit.record("EMPLOYEE_UPDATE", e.email, "SUCCESS", before + " -> " + describe(e)
                + (changes.isEmpty() ? "" : "; " + String.join("; ", changes)));
        return e;
    }

    @Transactional
    public Employee deactivate(long id) {
        Employee e = employee(id);
        deactivate(e, "by an administrator");
        return e;
    }

    @Transactional
    public Employee reactivate(long id) {
        Employee e = employee(id);
        reactivate(e, "by an administrator");
        return e;
    }

    /**
     * Deactivates the employee in the caller's transaction, saying how in the audit ("by an
     * administrator", "missing from import 3", "by SCIM"). Refused for the person acting: nobody
     * locks themselves out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deactivate(Employee e, String how) {
        if (!e.active) {
            return;
        }
        Optional<AppUser> account = account(e);
        if (account.isPresent() && account.get().email.equalsIgnoreCase(actors.current().name())) {
            throw new Refused(null, "You cannot deactivate yourself: you would be signed out and locked out.");
        }
        e.active = false;
        e.deactivatedAt = Clocks.utcNow(clock);
        String signIn = "";
        if (account.isPresent() && account.get().enabled) {
            AppUser u = account.get();
            u.enabled = false;
            u.sessionVersion++;
            int ended = sessions.endAll(u.id);
            e.accountDisabledOnLeave = true;
            signIn = "; sign-in disabled, " + ended + (ended == 1 ? " session" : " sessions") + " ended";
            audit.record("USER_DISABLE", u.email, "SUCCESS", "employee deactivated " + how + "; sessions ended");
        }
        audit.record("EMPLOYEE_DEACTIVATE", e.email, "SUCCESS", how + signIn);
    }

    /** Reactivates the employee in the caller's transaction; their sign-in too if leaving had disabled it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reactivate(Employee e, String how) {
        if (e.active) {
            return;
        }
        e.active = true;
        e.deactivatedAt = null;
        String signIn = "";
        if (e.accountDisabledOnLeave) {
            Optional<AppUser> account = account(e);
            if (account.isPresent() && !account.get().enabled) {
                account.get().enabled = true;
                signIn = "; sign-in enabled again";
                audit.record("USER_ENABLE", account.get().email, "SUCCESS", "employee reactivated " + how);
            }
            e.accountDisabledOnLeave = false;
        }
        audit.record("EMPLOYEE_REACTIVATE", e.email, "SUCCESS", how + signIn);
    }

    /** The Accolade account this employee signs in with, if they have one (the same email address). */
    public static Optional<AppUser> account(Employee e) {
        return AppUser.findByEmail(e.email);
    }

    /** The employee with their department read too (pages show it after the transaction). */
    static Employee employee(long id) {
        Employee e = Employee.<Employee>find("select e from Employee e join fetch e.department where e.id = ?1", id)
                .firstResult();
        if (e == null) {
            throw new jakarta.ws.rs.NotFoundException("no employee " + id);
        }
        return e;
    }

    private static String describe(Employee e) {
        return e.name + " <" + e.email + ">, " + e.department.name + ", manager "
                + (e.managerEmail == null ? "none" : e.managerEmail);
    }
}
