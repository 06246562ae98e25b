package dev.accolade.storefront.schedule;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A reward a manager chose to send later, from scheduling it to its order (or its cancelling). */
@Entity
@Table(name = "scheduled_send")
public class ScheduledSend extends PanacheEntityBase {

    public enum State {
        /** Waiting for its time, its amount reserved; the manager may change or cancel it. */
        SCHEDULED,
        /** Its time passed longer ago than the allowed lateness (Accolade was down): the manager decides. */
        OVERDUE,
        /** Claimed by one replica, its order being placed. */
        PLACING,
        /** Its order was placed (the order's own status says how it went). */
        PLACED,
        /** It could not be placed (the reward left the catalog, the budget no longer covers it). */
        FAILED,
        /** Cancelled by the manager; its reservation given back. */
        CANCELLED;

        public String label() {
            return switch (this) {
                case SCHEDULED -> "Scheduled";
                case OVERDUE -> "Missed its time: your decision";
                case PLACING -> "Sending";
                case PLACED -> "Sent";
                case FAILED -> "Not sent";
                case CANCELLED -> "Cancelled";
            };
        }

        /** Whether the manager can still change or cancel it. */
        public boolean open() {
            return this == SCHEDULED || this == OVERDUE;
        }
    }

    @Id
    @SequenceGenerator(name = "scheduled_send_seq", sequenceName = "scheduled_send_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scheduled_send_seq")
    public Long id;
    public String token;
    public Long departmentId;
    public Long requesterId;
    public String requesterEmail;
    public String sku;
    public String rewardDescription;
    public long amount;
    public String recipientName;
    public String recipientEmail;
    public Long employeeId;
    public String rewardSubject;
    public String rewardMessage;
    public String rewardFrom;
    public OffsetDateTime dueAt;
    /** The date and time as the manager entered them, {@code 2026-12-04T09:00}, in {@link #timeZone}. */
    public String localDue;
    public String timeZone;
    @Enumerated(EnumType.STRING)
    public State state;
    public OffsetDateTime createdAt;
    public OffsetDateTime claimedAt;
    public OffsetDateTime closedAt;
    public String note;
    public Long orderId;
    /** The occasion (package {@code occasions}) this send is the draft of; null for a manager's own send. */
    public Long occasionId;
    /** What My rewards calls an occasion's draft ("Ada Lovelace's 5-year anniversary on 12 March"); else null. */
    public String label;

    /** Its own page: an occasion's draft opens on its occasion's page, which knows the program's limits. */
    public String href() {
        return occasionId == null ? "/scheduled/" + id : "/occasions/" + occasionId;
    }

    /** When it goes, as the manager chose it: {@code Fri 4 Dec 2026, 09:00 (Europe/Berlin)}. */
    public String when() {
        return SendTime.display(dueAt, timeZone);
    }

    public String localDate() {
        return localDue.substring(0, 10);
    }

    public String localTime() {
        return localDue.substring(11);
    }

    static List<ScheduledSend> due(OffsetDateTime now, int max) {
        return find("state = ?1 and dueAt <= ?2 order by dueAt, id", State.SCHEDULED, now).page(0, max).list();
    }

    /** Claimed longer ago than {@code before} and still not placed (the replica stopped): to finish. */
    static List<ScheduledSend> stuck(OffsetDateTime before, int max) {
        return find("state = ?1 and claimedAt < ?2 order by claimedAt, id", State.PLACING, before).page(0, max).list();
    }

    static List<ScheduledSend> waitingOf(long requesterId) {
        return find("requesterId = ?1 and (state = ?2 or state = ?3 or state = ?4) order by dueAt, id", requesterId,
                State.SCHEDULED, State.OVERDUE, State.PLACING).list();
    }
}
