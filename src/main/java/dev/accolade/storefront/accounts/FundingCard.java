package dev.accolade.storefront.accounts;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A card registered with RaaS for a department's fundings: RaaS's token and the last four digits,
 * never the number or the security code.
 */
@Entity
public class FundingCard extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "funding_card_seq", sequenceName = "funding_card_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "funding_card_seq")
    public Long id;
    public Long departmentId;
    public String ccToken;
    public String lastFour;
    /** {@code YYYY-MM}. */
    public String expiration;
    /** When RaaS lets the card be charged (its {@code active_date}). */
    public OffsetDateTime activeAt;
    public String registeredBy;
    public OffsetDateTime createdAt;
    public OffsetDateTime removedAt;

    public static List<FundingCard> activeOf(long departmentId) {
        return list("departmentId = ?1 and removedAt is null order by createdAt desc, id desc", departmentId);
    }

    public YearMonth expires() {
        return YearMonth.parse(expiration);
    }

    /** Whether the card expired before the given month (a card is valid through its expiry month). */
    public boolean expiredBy(YearMonth month) {
        return expires().isBefore(month);
    }

    public boolean usableAt(OffsetDateTime now) {
        return activeAt == null || !activeAt.isAfter(now);
    }
}
