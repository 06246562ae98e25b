package dev.accolade.storefront.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasSystemMessages.SystemMessage;
import dev.accolade.common.Clocks;
import dev.accolade.common.Formats;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.orders.OrderBacklog;

/**
 * How RaaS looks from here: its latest note, the client's circuit breaker, the catalog's age, and the
 * orders still to be settled with it.
 */
@ApplicationScoped
public class RaasStatus {

    /** The RaaS client's circuit breaker (one for every call, see RaasCalls). */
    static final String BREAKER = "raas";

    /** A view of the status for the page. */
    public record View(Optional<SystemMessage> systemMessage, String breaker, String breakerMeaning,
            Optional<Duration> catalogAge, boolean catalogStale, String catalogProblem, int brands,
            OrderBacklog.Backlog backlog, String nextCheck, String nextTry) {

        public boolean healthy() {
            return breaker.equals("closed") && !catalogStale && catalogAge.isPresent();
        }

        public String catalogAgeText() {
            return catalogAge.map(RaasStatus::ago).orElse("not loaded yet");
        }
    }

    private final RaasClient raas;
    private final CircuitBreakerMaintenance breakers;
    private final CatalogCache catalog;
    private final OrderBacklog orders;
    private final Clock clock;

    RaasStatus(RaasClient raas, CircuitBreakerMaintenance breakers, CatalogCache catalog, OrderBacklog orders,
            Clock clock) {
        this.raas = raas;
        this.breakers = breakers;
        this.catalog = catalog;
        this.orders = orders;
        this.clock = clock;
    }

    public View now() {
        String state;
        String meaning;
        CircuitBreakerState s;
        try {
            s = breakers.currentState(BREAKER);
        } catch (IllegalArgumentException e) {
            s = null;
        }
        if (s == null) {
            state = "unknown";
            meaning = "The circuit breaker has not been created yet.";
        } else {
            switch (s) {
                case OPEN -> {
                    state = "open";
                    meaning = "Too many recent calls to RaaS failed: calls are refused without trying until the "
                            + "breaker lets a trial call through.";
                }
                case HALF_OPEN -> {
                    state = "half-open";
                    meaning = "Trial calls are going through to see whether RaaS is back.";
                }
                default -> {
                    state = "closed";
                    meaning = "Calls go through to RaaS normally.";
                }
            }
        }
        var snapshot = catalog.current();
        OrderBacklog.Backlog backlog = orders.now();
        return new View(raas.systemMessage(), state, meaning, catalog.age(),
                snapshot.map(CatalogCache.Snapshot::stale).orElse(false),
                snapshot.map(CatalogCache.Snapshot::problem).orElse(null),
                snapshot.map(x -> x.catalog().brands().size()).orElse(0), backlog,
                when(backlog.nextCheck(), "at the reconciler's next pass"), when(backlog.nextTry(), "at the next run"));
    }

    /** A time to come as the page says it: "in 4 min 10 s (date)", or {@code due} once it has passed. */
    private String when(OffsetDateTime at, String due) {
        if (at == null) {
            return due;
        }
        Duration until = Duration.between(Clocks.utcNow(clock), at);
        return until.isNegative() || until.isZero() ? due : "in " + ago(until) + " (" + Formats.display(at) + ")";
    }

    /** Closes the breaker again, for when RaaS is known to be back. */
    public void resetBreaker() {
        breakers.reset(BREAKER);
    }

    static String ago(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
