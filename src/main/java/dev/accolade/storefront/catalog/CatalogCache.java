package dev.accolade.storefront.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import dev.accolade.raas.client.Catalog;
import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasException;

/**
 * The RaaS catalog, kept in memory and refreshed on a schedule. When RaaS cannot be reached the last
 * good copy is served and marked stale, so managers can still browse.
 * <p>
 * With several replicas the scheduled refresh runs on one of them per trigger (Quartz's clustered
 * store), so its result is shared through the database ({@link CatalogStore}): every replica checks
 * the stored version at most every {@code accolade.catalog.recheck-every} and reloads the catalog
 * when it changed. Only when no replica ever stored one does a page load it from RaaS itself.
 */
@ApplicationScoped
public class CatalogCache {

    private static final Logger LOG = Logger.getLogger(CatalogCache.class);

    /** A catalog and how fresh it is. */
    public record Snapshot(Catalog catalog, Instant fetchedAt, boolean stale, String problem) {
    }

    private final RaasClient raas;
    private final CatalogStore store;
    private final Clock clock;
    private final Duration recheck;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile Snapshot snapshot;
    private volatile Instant checkedAt = Instant.MIN;

    CatalogCache(RaasClient raas, CatalogStore store, Clock clock,
            @ConfigProperty(name = "accolade.catalog.recheck-every", defaultValue = "PT15S") Duration recheck) {
        this.raas = raas;
        this.store = store;
        this.clock = clock;
        this.recheck = recheck;
    }

    /**
     * The catalog, loading it on first use; empty only when RaaS has never been reachable. Outside
     * the caller's transaction (suspended), like every RaaS call.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<Snapshot> get() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                if (snapshot == null) {
                    sync();
                }
                if (snapshot == null) {
                    refresh();
                }
            }
            return Optional.ofNullable(snapshot);
        }
        if (checkedAt.plus(recheck).isBefore(clock.instant()) && checking.compareAndSet(false, true)) {
            try {
                sync();
            } catch (RuntimeException e) {
                LOG.warnf("Catalog snapshot not checked, serving the one in memory: %s", e.getMessage());
            } finally {
                checking.set(false);
            }
        }
        return Optional.ofNullable(snapshot);
    }

    /** Reads the shared snapshot if it is not the one in memory (or its stale mark changed). */
    private void sync() {
        checkedAt = clock.instant();
        Optional<CatalogStore.Version> version = store.version();
        if (version.isEmpty()) {
            return;
        }
        Snapshot s = snapshot;
        CatalogStore.Version v = version.get();
        if (s == null || !s.fetchedAt().equals(v.fetchedAt())) {
            store.load().ifPresent(loaded -> snapshot = loaded);
        } else if (s.stale() != (v.problem() != null)) {
            snapshot = new Snapshot(s.catalog(), s.fetchedAt(), v.problem() != null, v.problem());
        }
    }

    /** Reads the catalog from RaaS and shares it; on failure, keeps serving the last one as stale. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    @Scheduled(identity = "catalog-refresh", every = "${accolade.catalog.refresh-every:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            Catalog catalog = raas.catalog();
            snapshot = new Snapshot(catalog, now, false, null);
            store.save(catalog, now);
            checkedAt = now;
        } catch (RaasException e) {
            Snapshot previous = snapshot;
            if (previous == null) {
                previous = store.load().orElse(null);
            }
            LOG.warnf("Catalog refresh failed, %s: %s", previous == null ? "no catalog yet" : "serving the cached one",
                    e.getMessage());
            if (previous != null) {
                snapshot = new Snapshot(previous.catalog(), previous.fetchedAt(), true, e.getMessage());
                store.problem(e.getMessage(), now);
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
