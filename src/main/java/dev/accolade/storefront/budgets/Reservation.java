package dev.accolade.storefront.budgets;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The amount of one send charged to a budget, from its request to its outcome. */
@Entity
@Table(name = "budget_reservation")
public class Reservation extends PanacheEntityBase {

    /** RESERVED until the send's outcome; then SETTLED (delivered) or RELEASED (failed, rejected, expired). */
    public enum State {
        RESERVED, SETTLED, RELEASED
    }

    @Id
    @SequenceGenerator(name = "budget_reservation_seq", sequenceName = "budget_reservation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "budget_reservation_seq")
    public Long id;
    public String token;
    public Long budgetId;
    public Long allowanceId;
    public Long departmentId;
    public Long userId;
    public long amount;
    @Enumerated(EnumType.STRING)
    public State state;
    public Long orderId;
    public OffsetDateTime createdAt;
    public OffsetDateTime resolvedAt;
}
