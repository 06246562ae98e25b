package dev.accolade.storefront.occasions;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One employee's occasion on one day, prepared once (unique employee, kind and day). */
@Entity
@Table(name = "occasion")
public class Occasion extends PanacheEntityBase {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

    public enum State {
        /** Its draft waits for its time; the manager may change or skip it. */
        DRAFT("Draft"),
        /** The manager skipped it; its reservation was given back. */
        SKIPPED("Skipped"),
        /** Placed on its day. */
        SENT("Sent"),
        /** Placed after its day, or missed its time and waits for the manager's decision. */
        LATE("Late"),
        /** Its draft could not be placed at its time (the reward left the catalog, the budget was gone). */
        FAILED("Not sent"),
        /** No draft was made: {@link Occasion#reason} says why. */
        NOT_PREPARED("Not prepared");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @SequenceGenerator(name = "occasion_seq", sequenceName = "occasion_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "occasion_seq")
    public Long id;
    public Long programId;
    public Long employeeId;
    @Enumerated(EnumType.STRING)
    public OccasionProgram.Kind kind;
    public LocalDate occasionDate;
    public Integer years;
    public String managerEmail;
    public Long managerId;
    public Long departmentId;
    public Long scheduledSendId;
    @Enumerated(EnumType.STRING)
    public State state;
    public String reason;
    public OffsetDateTime createdAt;

    /** "Ada Lovelace's 5-year anniversary on 12 March", "Ada Lovelace's birthday on 12 March". */
    public static String label(OccasionProgram.Kind kind, String name, Integer years, LocalDate day) {
        String on = " on " + day.format(DAY);
        return switch (kind) {
            case ANNIVERSARY -> name + "'s " + years + "-year anniversary" + on;
            case BIRTHDAY -> name + "'s birthday" + on;
            case WELCOME -> "Welcome gift for " + name + on;
        };
    }
}
