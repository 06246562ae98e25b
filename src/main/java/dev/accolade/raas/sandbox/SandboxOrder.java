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

    /**
     * Inserts this new order with one statement. Placing orders is the sandbox's hot path: a plain
     * insert spares the persistence context's flush bookkeeping for a row this transaction never
     * reads back.
     */
    public void insert() {
        getEntityManager().createNativeQuery("insert into sandbox_order (id, order_id, platform, customer,"
                + " account_identifier, sku, brand, amount, recipient_name, recipient_email, reward_subject,"
                + " reward_message, reward_from, send_reward, delivered_at, reward_token, reward_number, reward_pin,"
                + " reward_redemption_url, last_sent_at, send_count)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)")
                .setParameter(1, id).setParameter(2, orderId).setParameter(3, platform).setParameter(4, customer)
                .setParameter(5, accountIdentifier).setParameter(6, sku).setParameter(7, brand)
                .setParameter(8, amount).setParameter(9, recipientName).setParameter(10, recipientEmail)
                .setParameter(11, rewardSubject).setParameter(12, rewardMessage).setParameter(13, rewardFrom)
                .setParameter(14, sendReward).setParameter(15, deliveredAt).setParameter(16, rewardToken)
                .setParameter(17, rewardNumber).setParameter(18, rewardPin).setParameter(19, rewardRedemptionUrl)
                .setParameter(20, lastSentAt).setParameter(21, sendCount)
                .executeUpdate();
    }

    public static Optional<SandboxOrder> findByOrderId(String platform, String orderId) {
        return find("platform = ?1 and orderId = ?2", platform, orderId).firstResultOptional();
    }

    public static Optional<SandboxOrder> findByToken(String token) {
        return find("rewardToken", token).firstResultOptional();
    }
}
