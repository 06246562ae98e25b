package dev.accolade.storefront.approvals;

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
import io.quarkus.panache.common.Page;

/** A reward waiting for a second person's approval, and how it was decided. */
@Entity
@Table(name = "approval_request")
public class ApprovalRequest extends PanacheEntityBase {

    public enum State {
        AWAITING, APPROVED, REJECTED, CHANGES_REQUESTED, EXPIRED;

        public String label() {
            return switch (this) {
                case AWAITING -> "Waiting for approval";
                case APPROVED -> "Approved";
                case REJECTED -> "Rejected";
                case CHANGES_REQUESTED -> "Change asked for";
                case EXPIRED -> "Expired";
            };
        }
    }

    @Id
    @SequenceGenerator(name = "approval_request_seq", sequenceName = "approval_request_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "approval_request_seq")
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
    /** Why it needs approval, one reason a line. */
    public String reasons;
    @Enumerated(EnumType.STRING)
    public State state;
    public OffsetDateTime createdAt;
    public OffsetDateTime expiresAt;
    public String decidedBy;
    public OffsetDateTime decidedAt;
    public String decisionNote;
    public Long orderId;

    public List<String> reasonList() {
        return List.of(reasons.split("\n"));
    }

    /** Requests waiting in the departments given (null: every department), oldest first, a page of them. */
    static List<ApprovalRequest> queue(List<Long> departments, int page, int size) {
        if (departments == null) {
            return find("state = ?1 order by createdAt, id", State.AWAITING).page(Page.of(page, size)).list();
        }
        if (departments.isEmpty()) {
            return List.of();
        }
        return find("state = ?1 and departmentId in ?2 order by createdAt, id", State.AWAITING, departments)
                .page(Page.of(page, size)).list();
    }

    static long queued(List<Long> departments) {
        if (departments == null) {
            return count("state", State.AWAITING);
        }
        return departments.isEmpty() ? 0 : count("state = ?1 and departmentId in ?2", State.AWAITING, departments);
    }

    static List<ApprovalRequest> ofRequester(long userId, int max) {
        return find("requesterId = ?1 order by createdAt desc, id desc", userId).page(0, max).list();
    }

    static List<ApprovalRequest> expiredBy(OffsetDateTime now, int max) {
        return find("state = ?1 and expiresAt <= ?2 order by expiresAt, id", State.AWAITING, now).page(0, max).list();
    }
}
