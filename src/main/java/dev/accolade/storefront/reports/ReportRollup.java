package dev.accolade.storefront.reports;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.accolade.storefront.orders.RewardOrder;

/**
 * Keeps {@code report_rollup}: delivered rewards summed per month (UTC), department and dimension.
 * Called in the transaction that marks an order DELIVERED (a final status), so the rollup commits or
 * rolls back with it and always equals a GROUP BY over the delivered orders of whole months.
 */
@ApplicationScoped
public class ReportRollup {

    private final EntityManager em;

    ReportRollup(EntityManager em) {
        this.em = em;
    }

    /** Adds an order that has just become DELIVERED; must run in the transaction that delivered it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delivered(long orderId) {
        RewardOrder o = em.createQuery("from RewardOrder where id = ?1 and status = ?2", RewardOrder.class)
                .setParameter(1, orderId).setParameter(2, RewardOrder.Status.DELIVERED).getSingleResult();
        // Serialises rollup writers, so that "update, else insert" cannot insert one key twice.
        em.createNativeQuery("select id from report_rollup_lock where id = 1 for update").getResultList();
        int month = monthOf(o.createdAt);
        add(month, o.departmentId, Dimension.ALL_KEY, "", o.amount);
        add(month, o.departmentId, "BRAND", o.brand, o.amount);
        add(month, o.departmentId, "MANAGER", o.requesterEmail, o.amount);
        add(month, o.departmentId, "RECIPIENT", o.recipientEmail.toLowerCase(Locale.ROOT), o.amount);
    }

    /** {@code 2024-03-31T23:30Z} is month {@code 202403}: months are UTC calendar months. */
    static int monthOf(OffsetDateTime time) {
        OffsetDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC);
        return utc.getYear() * 100 + utc.getMonthValue();
    }

    private void add(int month, long departmentId, String dimension, String key, long amount) {
        int n = em.createNativeQuery("update report_rollup set rewards = rewards + 1, spend = spend + ?1"
                + " where dimension = ?2 and period_month = ?3 and department_id = ?4 and dim_key = ?5")
                .setParameter(1, amount).setParameter(2, dimension).setParameter(3, month)
                .setParameter(4, departmentId).setParameter(5, key).executeUpdate();
        if (n == 0) {
            em.createNativeQuery("insert into report_rollup (period_month, department_id, dimension, dim_key, rewards,"
                    + " spend) values (?1, ?2, ?3, ?4, 1, ?5)")
                    .setParameter(1, month).setParameter(2, departmentId).setParameter(3, dimension)
                    .setParameter(4, key).setParameter(5, amount).executeUpdate();
        }
    }
}
