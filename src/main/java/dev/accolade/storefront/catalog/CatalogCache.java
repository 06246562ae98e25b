package dev.accolade.storefront.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import dev.accolade.raas.client.Catalog;
import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasException;

/**
 * The RaaS catalog, kept in memory and refreshed on a schedule. When RaaS cannot be reached the last
 * good copy is served and marked stale, so managers can still browse.
 */
@ApplicationScoped
public class CatalogCache {

    private static final Logger LOG = Logger.getLogger(CatalogCache.class);

    /** A catalog and how fresh it is. */
    public record Snapshot(Catalog catalog, Instant fetchedAt, boolean stale, String problem) {
    }

    private final RaasClient raas;
    private final Clock clock;
    private volatile Snapshot snapshot;

    CatalogCache(RaasClient raas, Clock clock) {
        this.raas = raas;
        this.clock = clock;
    }

    /** The catalog, loading it on first use; empty only when RaaS has never been reachable. */
    public Optional<Snapshot> get() {
        Snapshot s = snapshot;
        if (s == null) {
            refresh();
            s = snapshot;
        }
        return Optional.ofNullable(s);
    }

    @Scheduled(every = "${accolade.catalog.refresh-every:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try {
            Catalog catalog = raas.catalog();
            snapshot = new Snapshot(catalog, clock.instant(), false, null);
        } catch (RaasException e) {
            Snapshot previous = snapshot;
            LOG.warnf("Catalog refresh failed, %s: %s", previous == null ? "no catalog yet" : "serving the cached one",
                    e.getMessage());
            if (previous != null) {
                snapshot = new Snapshot(previous.catalog(), previous.fetchedAt(), true, e.getMessage());
            }
        }
    }

    /** The cached catalog as it is, without loading it (for the admin status page). */
    public Optional<Snapshot> current() {
        return Optional.ofNullable(snapshot);
    }

    /** Age of the cached catalog, for the admin status page and metrics. */
    public Optional<Duration> age() {
        Snapshot s = snapshot;
        return s == null ? Optional.empty() : Optional.of(Duration.between(s.fetchedAt(), clock.instant()));
    }
}
