package dev.accolade.storefront.occasions;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An occasion program HR set up: which occasions, how far ahead, at what local time, and the most a manager may send. */
@Entity
@Table(name = "occasion_program")
public class OccasionProgram extends PanacheEntityBase {

    public enum Kind {
        ANNIVERSARY("Work anniversary"), BIRTHDAY("Birthday"), WELCOME("Welcome gift");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether its rewards are per years of service (one row each) rather than one row. */
        public boolean tiered() {
            return this == ANNIVERSARY;
        }
    }

    @Id
    @SequenceGenerator(name = "occasion_program_seq", sequenceName = "occasion_program_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "occasion_program_seq")
    public Long id;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String name;
    public boolean enabled = true;
    public int daysAhead = 7;
    public LocalTime sendTime = LocalTime.of(9, 0);
    public String defaultZone = "UTC";
    /** The most a manager may change a draft's amount to, in cents. */
    public long maxAmount;
    public String createdBy;
    public OffsetDateTime createdAt;
    public String updatedBy;
    public OffsetDateTime updatedAt;

    public static List<OccasionProgram> listByKind() {
        return list("order by kind");
    }

    public static List<OccasionProgram> enabledPrograms() {
        return list("enabled = true order by kind");
    }

    public static Optional<OccasionProgram> ofKind(Kind kind) {
        return find("kind", kind).firstResultOptional();
    }

    public String sendTimeText() {
        return sendTime.toString();
    }
}
