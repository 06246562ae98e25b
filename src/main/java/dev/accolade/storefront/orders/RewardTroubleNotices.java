package dev.accolade.storefront.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.accolade.common.Clocks;
import dev.accolade.storefront.mail.Notices;

/**
 * Tells a reward's sender by e-mail when it failed, and when its outcome is still unknown
 * {@code accolade.mail.reward-checking-after} after it was sent (being checked with RaaS, held while
 * RaaS is unavailable, or left sending by a crash). Each order is taken by a conditional update of its
 * notice column, in the transaction that writes the message: on any number of replicas, each order's
 * sender hears each thing once. Runs every minute through Quartz.
 */
@ApplicationScoped
public class RewardTroubleNotices {

    private static final Logger LOG = Logger.getLogger(RewardTroubleNotices.class);
    private static final int MAX = 200;
    private static final List<RewardOrder.Status> UNSETTLED = List.of(RewardOrder.Status.UNKNOWN,
            RewardOrder.Status.HELD, RewardOrder.Status.PENDING);

    /** What one run wrote. */
    public record Run(int failed, int checking) {
    }

    private final Notices notices;
    private final Clock clock;
    private final Duration checkingAfter;

    RewardTroubleNotices(Notices notices, Clock clock,
            @ConfigProperty(name = "accolade.mail.reward-checking-after", defaultValue = "PT15M") Duration checkingAfter) {
        this.notices = notices;
        this.clock = clock;
        this.checkingAfter = checkingAfter;
    }

    @Scheduled(identity = "reward-trouble-notices", every = "60s", delayed = "40s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Run run = run();
        if (run.failed() + run.checking() > 0) {
            LOG.infof("Reward notices: %d not sent, %d still being checked", run.failed(), run.checking());
        }
    }

    /** One run: the messages for orders that failed, or are unsettled for too long, and were not told yet. */
    public Run run() {
        return JobIds.run("reward-trouble-notices", () -> {
            OffsetDateTime now = Clocks.utcNow(clock);
            List<Long> failed = QuarkusTransaction.requiringNew().call(() -> RewardOrder.getEntityManager().createQuery(
                    "select o.id from RewardOrder o where o.status = :status and o.failureNoticedAt is null order by o.id",
                    Long.class).setParameter("status", RewardOrder.Status.FAILED).setMaxResults(MAX).getResultList());
            int failedWritten = 0;
            for (long id : failed) {
                failedWritten += QuarkusTransaction.requiringNew().call(() -> {
                    if (RewardOrder.update("failureNoticedAt = ?1 where id = ?2 and failureNoticedAt is null", now, id) != 1) {
                        return 0; // another replica told it
                    }
                    RewardOrder o = RewardOrder.findById(id);
                    return notices.rewardFailed(o.requesterId, reward(o)) ? 1 : 0;
                });
            }
            OffsetDateTime sentBefore = now.minus(checkingAfter);
            List<Long> checking = QuarkusTransaction.requiringNew().call(() -> RewardOrder.getEntityManager().createQuery(
                    "select o.id from RewardOrder o where o.status in :open and o.createdAt < :before"
                            + " and o.checkingNoticedAt is null order by o.id", Long.class)
                    .setParameter("open", UNSETTLED).setParameter("before", sentBefore).setMaxResults(MAX).getResultList());
            int checkingWritten = 0;
            for (long id : checking) {
                checkingWritten += QuarkusTransaction.requiringNew().call(() -> {
                    if (RewardOrder.update("checkingNoticedAt = ?1 where id = ?2 and checkingNoticedAt is null and status in ?3",
                            now, id, UNSETTLED) != 1) {
                        return 0; // told already, or settled meanwhile
                    }
                    RewardOrder o = RewardOrder.findById(id);
                    return notices.rewardChecking(o.requesterId, reward(o)) ? 1 : 0;
                });
            }
            return new Run(failedWritten, checkingWritten);
        });
    }

    private static Notices.Reward reward(RewardOrder o) {
        return new Notices.Reward(o.id, o.rewardDescription, o.amount, o.recipientName, o.placedAt(), o.failureReason);
    }
}
