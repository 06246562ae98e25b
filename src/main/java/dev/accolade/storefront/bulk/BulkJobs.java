package dev.accolade.storefront.bulk;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;

/**
 * Batches nobody decided: rejected as expired after {@code accolade.approvals.expire-after}, as single
 * approval requests are, so that their reservation does not hold the budget for ever. Hourly, on one
 * replica (Quartz's clustered store).
 */
@ApplicationScoped
public class BulkJobs {

    private static final Logger LOG = Logger.getLogger(BulkJobs.class);

    private final Batches batches;
    private final Actors actors;

    BulkJobs(Batches batches, Actors actors) {
        this.batches = batches;
        this.actors = actors;
    }

    @Scheduled(identity = "bulk-approvals-expire", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        int expired = actors.runAs(Actor.system("system:approvals"), batches::expire);
        if (expired > 0) {
            LOG.infof("Bulk sends: %d batches waiting for approval expired; their reservations are given back", expired);
        }
    }
}
