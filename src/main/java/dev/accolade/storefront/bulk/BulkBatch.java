package dev.accolade.storefront.bulk;

import java.time.OffsetDateTime;
import java.util.Arrays;
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

/** A bulk send: one uploaded file, its dry run, and once confirmed its sending. */
@Entity
@Table(name = "bulk_batch")
public class BulkBatch extends PanacheEntityBase {

    public enum State {
        /** Checked (the dry run); nothing reserved or sent. */
        CHECKED,
        /** Confirmed; its amount is reserved and an approver decides. */
        AWAITING_APPROVAL,
        RUNNING,
        PAUSED,
        /** Every row placed or refused (some orders may still be being checked with RaaS). */
        FINISHED,
        CANCELLED,
        REJECTED;

        public String label() {
            return switch (this) {
                case CHECKED -> "Checked, not sent";
                case AWAITING_APPROVAL -> "Waiting for approval";
                case RUNNING -> "Sending";
                case PAUSED -> "Paused";
                case FINISHED -> "Finished";
                case CANCELLED -> "Cancelled";
                case REJECTED -> "Rejected";
            };
        }

        /** Whether rows may still be sent (running, paused, or waiting for approval). */
        public boolean open() {
            return this == AWAITING_APPROVAL || this == RUNNING || this == PAUSED;
        }
    }

    @Id
    @SequenceGenerator(name = "bulk_batch_seq", sequenceName = "bulk_batch_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bulk_batch_seq")
    public Long id;
    public String token;
    public Long departmentId;
    public Long requesterId;
    public String requesterEmail;
    public String fileName;
    @Enumerated(EnumType.STRING)
    public State state;
    public int rowCount;
    public int validCount;
    public long totalAmount;
    public boolean reserved;
    /** Why it needs approval, one reason a line; null when it does not. */
    public String approvalReasons;
    public String ignoredColumns;
    public String decidedBy;
    public OffsetDateTime decidedAt;
    public String decisionNote;
    public OffsetDateTime createdAt;
    public OffsetDateTime startedAt;
    public OffsetDateTime finishedAt;

    public boolean needsApproval() {
        return approvalReasons != null && !approvalReasons.isBlank();
    }

    public List<String> reasonList() {
        return needsApproval() ? List.of(approvalReasons.split("\n")) : List.of();
    }

    public List<String> ignoredList() {
        return ignoredColumns == null || ignoredColumns.isBlank() ? List.of() : Arrays.asList(ignoredColumns.split("\n"));
    }

    /** The token of one row's order: the batch's token, a point, the row's number in the file. */
    public String rowToken(int rowNo) {
        return token + "." + rowNo;
    }

    /** The audit trail's name for it. */
    public String target() {
        return "batch " + id;
    }

    public String path() {
        return "/bulk/" + id;
    }

    /** Batches of these departments (null: all), newest first. */
    static List<BulkBatch> recent(List<Long> departments, Long requesterId, int max) {
        if (requesterId != null) {
            return find("requesterId = ?1 and state <> ?2 order by createdAt desc, id desc", requesterId, State.CHECKED)
                    .page(0, max).list();
        }
        if (departments == null) {
            return find("state <> ?1 order by createdAt desc, id desc", State.CHECKED).page(0, max).list();
        }
        return departments.isEmpty() ? List.of()
                : find("departmentId in ?1 and state <> ?2 order by createdAt desc, id desc", departments, State.CHECKED)
                        .page(0, max).list();
    }
}
