package dev.accolade.storefront.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.raas.client.Catalog;

/**
 * The catalog refresh runs on one replica per trigger; what it read reaches every replica through
 * the database. Here the "other replica" is the store written directly. Tests recheck the stored
 * version on every read (accolade.catalog.recheck-every=PT0S in the test profile).
 */
@QuarkusTest
class CatalogSharingTest {

    @Inject
    CatalogCache cache;
    @Inject
    CatalogStore store;

    @Test
    void aCatalogStoredByAnotherReplicaIsServedAndItsProblemMarksItStale() {
        cache.refresh();
        CatalogCache.Snapshot own = cache.get().orElseThrow();
        assertFalse(own.stale());
        assertTrue(own.catalog().brands().size() > 10);
        assertEquals(own.fetchedAt(), store.version().orElseThrow().fetchedAt(), "the refresh stored what it read");

        Catalog.Brand brand = own.catalog().brands().get(0);
        Catalog other = new Catalog(List.of(new Catalog.Brand(brand.description(), brand.imageUrl(),
                List.of(brand.rewards().get(0)))));
        Instant later = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        store.save(other, later);
        CatalogCache.Snapshot shared = cache.get().orElseThrow();
        assertEquals(later, shared.fetchedAt());
        assertEquals(other, shared.catalog());

        store.problem("RaaS GET rewards unavailable", Instant.now());
        CatalogCache.Snapshot stale = cache.get().orElseThrow();
        assertTrue(stale.stale());
        assertEquals("RaaS GET rewards unavailable", stale.problem());
        assertEquals(other, stale.catalog(), "a failed refresh keeps the stored catalog");

        cache.refresh();
        CatalogCache.Snapshot fresh = cache.get().orElseThrow();
        assertFalse(fresh.stale());
        assertEquals(own.catalog(), fresh.catalog());
    }
}
