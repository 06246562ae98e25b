package dev.accolade.storefront.directory;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person who can receive rewards. */
@Entity
public class Employee extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "employee_seq", sequenceName = "employee_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "employee_seq")
    public Long id;
    public String name;
    public String email;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "department_id")
    public Department department;
    public String managerEmail;
    public boolean active = true;
    /** When the employee was deactivated (left the company); null while active. Their history stays. */
    public java.time.OffsetDateTime deactivatedAt;
    /** Whether the deactivation disabled the employee's sign-in, so that reactivating enables it again. */
    public boolean accountDisabledOnLeave;
    /** The identity provider's id of the employee (SCIM {@code externalId}), if provisioned by SCIM. */
    public String externalId;
    /** The SCIM {@code userName} when the identity provider's is not the email address; else null. */
    public String scimUserName;
    /** The day the employee started: work anniversaries and the welcome gift count from it. */
    public java.time.LocalDate startDate;
    /** The birthday's month (1 to 12) and day, or both null: no year is kept. */
    public Integer birthMonth;
    public Integer birthDay;
    /** The IANA time zone the employee's occasions are sent in; null for the programs' default zone. */
    public String timeZone;
    /** On leave: still employed, but no occasion is prepared for them while it lasts. */
    public boolean onLeave;

    /** What an employee is, as the directory shows it. */
    public enum Status {
        ACTIVE("Active"), ON_LEAVE("On leave"), LEFT("Left");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Left when deactivated; otherwise on leave or active. */
    public Status status() {
        return !active ? Status.LEFT : onLeave ? Status.ON_LEAVE : Status.ACTIVE;
    }

    public static Optional<Employee> findByEmail(String email) {
        return find("lower(email) = ?1", email.toLowerCase()).firstResultOptional();
    }

    /** Active employees whose name or email contains the text, for the recipient type-ahead. */
    public static List<Employee> search(String text, int max) {
        return find("active = true and (lower(name) like ?1 escape '\\' or lower(email) like ?1 escape '\\') "
                + "order by name", like(text))
                .page(0, max).list();
    }

    /** The same search within one department: a manager only ever sees their own colleagues. */
    public static List<Employee> searchInDepartment(long departmentId, String text, int max) {
        return find("department.id = ?1 and active = true "
                + "and (lower(name) like ?2 escape '\\' or lower(email) like ?2 escape '\\') order by name, email", departmentId, like(text)).page(0, max).list();
    }

    private static String like(String text) {
        return dev.accolade.common.Like.containing(text == null ? "" : text.trim());
    }
}
