package dev.accolade.storefront.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.FailedExecution;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.SuccessfulExecution;

/**
 * Records every run of a scheduled job on this replica: a DEBUG line (category
 * {@code dev.accolade.storefront.ops.ScheduledJobRuns}) naming the job and its scheduled fire time, a
 * WARN line when it failed, and the counter {@code accolade.jobs.runs} tagged {@code job} and
 * {@code outcome}. Jobs run on one replica per trigger (Quartz's clustered store), so the counter
 * summed over replicas is the cluster's number of runs.
 */
@ApplicationScoped
public class ScheduledJobRuns {

    private static final Logger LOG = Logger.getLogger(ScheduledJobRuns.class);

    private final MeterRegistry registry;

    ScheduledJobRuns(MeterRegistry registry) {
        this.registry = registry;
    }

    void succeeded(@Observes SuccessfulExecution event) {
        ScheduledExecution run = event.getExecution();
        String job = run.getTrigger().getId();
        counter(job, "success").increment();
        LOG.debugf("Scheduled job %s ran (fire time %s)", job, run.getScheduledFireTime());
    }

    void failed(@Observes FailedExecution event) {
        ScheduledExecution run = event.getExecution();
        String job = run.getTrigger().getId();
        counter(job, "failure").increment();
        LOG.warnf(event.getException(), "Scheduled job %s failed (fire time %s)", job, run.getScheduledFireTime());
    }

    private Counter counter(String job, String outcome) {
        return Counter.builder("accolade.jobs.runs")
                .description("Runs of scheduled jobs on this replica, by job and outcome")
                .tag("job", job)
                .tag("outcome", outcome)
                .register(registry);
    }
}
