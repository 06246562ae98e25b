package dev.accolade.raas.client;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * Whether RaaS is usable right now, as this replica saw it, for the health check and the admin
 * banner ({@code {inject:raasStatus.…}}). It never calls RaaS itself: it is what the real calls
 * told, so a health probe costs nothing and cannot trip the circuit.
 * <p>
 * RaaS is <b>degraded</b> when the shared circuit breaker is not closed (open: calls refused without
 * being sent; half-open: trial calls), or when the latest call got no answer from RaaS (it could not
 * connect, timed out, lost the connection, got a 5xx or an unreadable body). It is <b>ok</b> again as
 * soon as a call gets an answer with the circuit closed. A refusal (a 4xx such as insufficient funds)
 * is an answer: RaaS works, the request was wrong. Before any call, it is ok (nothing says otherwise;
 * the catalog is read within a minute of start-up).
 */
@Named("raasStatus")
@ApplicationScoped
public class RaasStatus {

    /** A snapshot for pages and the health check. {@code lastFault} names the endpoint and the kind. */
    public record State(boolean degraded, String summary, CircuitBreakerState circuit, Instant lastAnswerAt,
            Instant lastFaultAt, String lastFault) {
    }

    private record Last(boolean answered, Instant at, String fault) {
    }

    private final CircuitBreakerMaintenance breakers;
    private final Clock clock;
    private volatile Last last;
    private volatile Instant lastAnswerAt;
    private volatile Instant lastFaultAt;
    private volatile String lastFault;

    RaasStatus(CircuitBreakerMaintenance breakers, Clock clock) {
        this.breakers = breakers;
        this.clock = clock;
    }

    /** Called by the client when RaaS answered (a success or a refusal). */
    void answered() {
        Instant now = clock.instant();
        lastAnswerAt = now;
        last = new Last(true, now, null);
    }

    /** Called by the client when a call got no usable answer (including the circuit refusing it). */
    void fault(RaasEndpoint endpoint, RaasFaultKind kind) {
        Instant now = clock.instant();
        String what = endpoint.label() + ": " + kind.name().toLowerCase().replace('_', ' ');
        lastFaultAt = now;
        lastFault = what;
        last = new Last(false, now, what);
    }

    public State getCurrent() {
        CircuitBreakerState circuit = circuit();
        Last l = last;
        String summary;
        boolean degraded;
        if (circuit == CircuitBreakerState.OPEN) {
            degraded = true;
            summary = "RaaS is failing: its circuit is open and calls are refused until it is tried again";
        } else if (circuit == CircuitBreakerState.HALF_OPEN) {
            degraded = true;
            summary = "RaaS was failing: trial calls are being made";
        } else if (l != null && !l.answered()) {
            degraded = true;
            summary = "RaaS did not answer the latest call (" + l.fault() + ")";
        } else {
            degraded = false;
            summary = l == null ? "RaaS not called yet" : "RaaS answers";
        }
        return new State(degraded, summary, circuit, lastAnswerAt, lastFaultAt, lastFault);
    }

    public boolean isDegraded() {
        return getCurrent().degraded();
    }

    private CircuitBreakerState circuit() {
        try {
            CircuitBreakerState s = breakers.currentState(RaasCalls.BREAKER);
            return s == null ? CircuitBreakerState.CLOSED : s;
        } catch (IllegalArgumentException notCreatedYet) {
            return CircuitBreakerState.CLOSED;
        }
    }
}
