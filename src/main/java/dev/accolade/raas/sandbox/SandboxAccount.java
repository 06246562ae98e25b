package dev.accolade.raas.sandbox;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A platform's account: unique by identifier within its platform, invisible to other platforms. */
@Entity
@Table(name = "sandbox_account")
public class SandboxAccount extends PanacheEntityBase {

    @Id
    public long id;
    public String platform;
    public String customer;
    public String identifier;
    public String email;
    /** Available balance in cents; never negative (a database check enforces it too). */
    public long balance;
    public OffsetDateTime createdAt;

    public static Optional<SandboxAccount> findByIdentifier(String platform, String identifier) {
        return find("platform = ?1 and identifier = ?2", platform, identifier).firstResultOptional();
    }

    /** The account of the given customer, or empty when it is absent or belongs to another customer. */
    public static Optional<SandboxAccount> findOwned(String platform, String customer, String identifier) {
        return find("platform = ?1 and customer = ?2 and identifier = ?3", platform, customer, identifier)
                .firstResultOptional();
    }

    /**
     * {@link #findOwned}, locking the account's row until the transaction ends: changes that check the
     * account's other rows first (a card registered twice) are made one at a time per account.
     */
    public static Optional<SandboxAccount> lockOwned(String platform, String customer, String identifier) {
        return find("platform = ?1 and customer = ?2 and identifier = ?3", platform, customer, identifier)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * Takes {@code amount} from the balance in one guarded statement, so that concurrent orders can
     * never take the balance below zero. Returns false when the account is absent or the funds short.
     */
    public static boolean debit(String platform, String customer, String identifier, long amount) {
        return update("balance = balance - ?1 where platform = ?2 and customer = ?3 and identifier = ?4"
                + " and balance >= ?1", amount, platform, customer, identifier) == 1;
    }

    public static boolean credit(String platform, String customer, String identifier, long amount) {
        return update("balance = balance + ?1 where platform = ?2 and customer = ?3 and identifier = ?4",
                amount, platform, customer, identifier) == 1;
    }
}
