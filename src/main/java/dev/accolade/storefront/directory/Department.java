package dev.accolade.storefront.directory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.accolade.storefront.security.DepartmentRef;

/** A department and the RaaS account its managers send rewards from. */
@Entity
public class Department extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "department_seq", sequenceName = "department_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "department_seq")
    public Long id;
    public String name;
    public String raasCustomer;
    public String raasAccountIdentifier;
    /** Under this balance (cents) managers see a notice and admins a warning. */
    public long lowBalanceThreshold;
    public OffsetDateTime createdAt;

    public static Optional<Department> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** What the session carries of a department, as read now. */
    public DepartmentRef ref() {
        return new DepartmentRef(id, name, raasCustomer, raasAccountIdentifier, lowBalanceThreshold);
    }

    public static List<Department> listByName() {
        return list("order by name");
    }
}
