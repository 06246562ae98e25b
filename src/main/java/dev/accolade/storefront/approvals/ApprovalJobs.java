package dev.accolade.storefront.approvals;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;

/**
 * As {@code system:approvals}, through Quartz's clustered store (one replica per run): expires the
 * requests nobody decided within {@code accolade.approvals.expire-after}, giving their reservations
 * back, and places approved requests whose order the approver's request did not get to place.
 */
@ApplicationScoped
public class ApprovalJobs {

    private static final Logger LOG = Logger.getLogger(ApprovalJobs.class);
    static final Actor ACTOR = Actor.system("system:approvals");

    private final Approvals approvals;
    private final Actors actors;

    ApprovalJobs(Approvals approvals, Actors actors) {
        this.approvals = approvals;
        this.actors = actors;
    }

    @Scheduled(identity = "approvals", every = "${accolade.approvals.check-every:5m}", delayed = "40s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int[] done = run();
        if (done[0] + done[1] > 0) {
            LOG.infof("Approvals: %d expired, %d approved rewards placed", done[0], done[1]);
        }
    }

    /** One run: {expired, placed}. */
    public int[] run() {
        return actors.runAs(ACTOR, () -> new int[] { approvals.expire(), approvals.placeApprovedLeftBehind() });
    }
}
