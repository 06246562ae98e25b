package dev.accolade.storefront.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.accolade.common.Clocks;
import dev.accolade.storefront.orders.RewardOrder.Status;

/** What is still to be settled with RaaS, for the administrators' RaaS status page. */
@ApplicationScoped
public class OrderBacklog {

    /**
     * Orders the reconciler is still looking for (UNKNOWN, or PENDING past the grace of a send in
     * progress), the oldest one's send, the reconciler's next look at any of them (null: its next
     * pass), and unattended sends held while RaaS is unavailable with their next try.
     */
    public record Backlog(long unsettled, OffsetDateTime oldest, OffsetDateTime nextCheck, long held,
            OffsetDateTime nextTry) {

        public boolean empty() {
            return unsettled == 0 && held == 0;
        }
    }

    private final Clock clock;
    private final Duration pendingGrace;

    OrderBacklog(Clock clock,
            @ConfigProperty(name = "accolade.reconcile.pending-grace", defaultValue = "PT2M") Duration pendingGrace) {
        this.clock = clock;
        this.pendingGrace = pendingGrace;
    }

    @Transactional
    public Backlog now() {
        OffsetDateTime pendingBefore = Clocks.utcNow(clock).minus(pendingGrace);
        Object[] open = (Object[]) RewardOrder.getEntityManager().createQuery("select count(o), min(o.createdAt),"
                + " min(coalesce(o.nextCheckAt, o.createdAt)) from RewardOrder o where o.status = :unknown"
                + " or (o.status = :pending and coalesce(o.sentAt, o.createdAt) < :before)")
                .setParameter("unknown", Status.UNKNOWN).setParameter("pending", Status.PENDING)
                .setParameter("before", pendingBefore).getSingleResult();
        Object[] held = (Object[]) RewardOrder.getEntityManager().createQuery("select count(o), min(o.nextCheckAt)"
                + " from RewardOrder o where o.status = :held").setParameter("held", Status.HELD).getSingleResult();
        return new Backlog(((Number) open[0]).longValue(), (OffsetDateTime) open[1], (OffsetDateTime) open[2],
                ((Number) held[0]).longValue(), (OffsetDateTime) held[1]);
    }

}
