package dev.accolade.storefront.ops;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.accolade.raas.client.RaasStatus;

/**
 * RaaS in {@code /q/health} and {@code /q/health/ready}, always UP: when RaaS is down the storefront
 * still signs people in, shows the cached catalog, history and reports, and records sends whose
 * outcome the reconciler settles later, so taking the replica out of the load balancer (readiness)
 * or restarting it (liveness) would only make things worse. Its {@code status} says {@code ok} or
 * {@code degraded}, with why (see {@link RaasStatus}); operators alert on that, or on the
 * {@code raas.client.calls} metric, not on the probe.
 */
@Readiness
@ApplicationScoped
public class RaasHealthCheck implements HealthCheck {

    private final RaasStatus raas;

    RaasHealthCheck(RaasStatus raas) {
        this.raas = raas;
    }

    @Override
    public HealthCheckResponse call() {
        RaasStatus.State s = raas.getCurrent();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("RaaS").up()
                .withData("status", s.degraded() ? "degraded" : "ok")
                .withData("summary", s.summary())
                .withData("circuit", s.circuit().name().toLowerCase());
        if (s.lastAnswerAt() != null) {
            b.withData("lastAnswerAt", s.lastAnswerAt().toString());
        }
        if (s.lastFaultAt() != null) {
            b.withData("lastFaultAt", s.lastFaultAt().toString()).withData("lastFault", s.lastFault());
        }
        return b.build();
    }
}
