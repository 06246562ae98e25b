package dev.accolade.raas.sandbox;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A placed order, with the reward it bought (the sandbox's own sample codes, never real ones). */
@Entity
@Table(name = "sandbox_order")
public class SandboxOrder extends PanacheEntityBase {

    @Id
    public long id;
    public String orderId;
    public String platform;
    public String customer;
    public String accountIdentifier;
    public String sku;
    public String brand;
    public long amount;
    public String recipientName;
    public String recipientEmail;
    public String rewardSubject;
    public String rewardMessage;
    public String rewardFrom;
    public boolean sendReward;
    public OffsetDateTime deliveredAt;
    public String rewardToken;
    public String rewardNumber;
    public String rewardPin;
    public String rewardRedemptionUrl;
    /** When the reward email was last sent (the original send or a resend); null when not sent. */
    public OffsetDateTime lastSentAt;
    public int sendCount;

    public static Optional<SandboxOrder> findByOrderId(String platform, String orderId) {
        return find("platform = ?1 and orderId = ?2", platform, orderId).firstResultOptional();
    }

    public static Optional<SandboxOrder> findByToken(String token) {
        return find("rewardToken", token).firstResultOptional();
    }
}
