package dev.accolade.storefront.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The gauge {@code accolade.catalog.age} (Prometheus {@code accolade_catalog_age_seconds}): how old
 * the catalog this replica serves is, NaN before it has one. It grows past the refresh interval when
 * RaaS cannot be read.
 */
@ApplicationScoped
class CatalogMetrics {

    void register(@Observes StartupEvent start, MeterRegistry registry, CatalogCache cache) {
        Gauge.builder("accolade.catalog.age", cache,
                c -> c.age().map(a -> a.toMillis() / 1000.0).orElse(Double.NaN))
                .description("Age of the catalog served by this replica")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }
}
