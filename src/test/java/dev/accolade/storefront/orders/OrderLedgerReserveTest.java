package dev.accolade.storefront.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.raas.client.Catalog;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.directory.Employee;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.DepartmentRef;

/**
 * The PENDING order is inserted through a stateless session (the send path's speed): here every
 * mapped attribute of the order {@code reserve} returns must equal the row Hibernate reads back, so a
 * field set when reserving but not written fails this test.
 */
@QuarkusTest
class OrderLedgerReserveTest {

    @Inject
    OrderLedger ledger;

    @Inject
    Actors actors;

    @Inject
    EntityManager em;

    @Test
    void theReservedRowHoldsEveryAttributeOfTheOrder() {
        Catalog.Reward reward = new Catalog.Reward("Ledger Brand gift card (variable)", "LEDGER-VAR-00000", "USD", -1L,
                true, 100L, 100000L, null, "USD", "en_US");
        Catalog.Brand brand = new Catalog.Brand("Ledger Brand", null, List.of(reward));
        long ada = QuarkusTransaction.requiringNew()
                .call(() -> Employee.findByEmail("ada.lovelace@accolade.test").orElseThrow().id);
        RewardOrder reserved = reserve(new OrderRequest("ledger-" + UUID.randomUUID(), brand, reward, 4321,
                "Ada Lovelace", "ada.lovelace@accolade.test", ada, "Thank you", "For the engine notes.", "The team"));

        RewardOrder read = QuarkusTransaction.requiringNew().call(() -> RewardOrder.findById(reserved.id));
        assertNotNull(read, "the order is committed");
        EntityPersister persister = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel().getEntityDescriptor(RewardOrder.class);
        for (String attribute : persister.getPropertyNames()) {
            int i = persister.getPropertyIndex(attribute);
            Object expected = persister.getValue(reserved, i);
            Object actual = persister.getValue(read, i);
            if (expected instanceof OffsetDateTime e && actual instanceof OffsetDateTime a) {
                // The database keeps microseconds.
                assertTrue(Duration.between(e, a).abs().toNanos() < 1_000, attribute + ": " + e + " read as " + a);
            } else {
                assertEquals(expected, actual, attribute);
            }
        }
        assertEquals(4321, read.amount);
        assertEquals(ada, read.employeeId);
        assertEquals(RewardOrder.Status.PENDING, read.status);
    }

    @Test
    void anOrderWithoutAnEmployeeIdKeepsItNull() {
        Catalog.Reward reward = new Catalog.Reward("Ledger Brand $25", "LEDGER-FIX-00025", "USD", 2500L, true, null, null,
                2500L, "USD", "en_US");
        Catalog.Brand brand = new Catalog.Brand("Ledger Brand", null, List.of(reward));
        RewardOrder reserved = reserve(new OrderRequest("ledger-" + UUID.randomUUID(), brand, reward, 2500, "Grace Hopper",
                "grace.hopper@accolade.test", null, null, null, null));

        RewardOrder read = QuarkusTransaction.requiringNew().call(() -> RewardOrder.findById(reserved.id));
        assertEquals(null, read.employeeId);
        assertEquals(false, read.variablePrice);
        assertEquals(null, read.rewardMessage);
    }

    @Test
    void aReplayedTokenIsRefused() {
        Catalog.Reward reward = new Catalog.Reward("Ledger Brand $10", "LEDGER-FIX-00010", "USD", 1000L, true, null, null,
                1000L, "USD", "en_US");
        Catalog.Brand brand = new Catalog.Brand("Ledger Brand", null, List.of(reward));
        OrderRequest request = new OrderRequest("ledger-" + UUID.randomUUID(), brand, reward, 1000, "Grace Hopper",
                "grace.hopper@accolade.test", null, null, null, null);
        RewardOrder first = reserve(request);
        assertThrows(RuntimeException.class, () -> reserve(request));
        long rows = QuarkusTransaction.requiringNew().call(
                () -> RewardOrder.count("sendToken", request.token()));
        assertEquals(1, rows, "one order for the token");
        assertNotNull(first.id);
    }

    private RewardOrder reserve(OrderRequest request) {
        DepartmentRef department = QuarkusTransaction.requiringNew()
                .call(() -> Department.findByName("Engineering").orElseThrow().ref());
        AppUser manager = QuarkusTransaction.requiringNew()
                .call(() -> AppUser.<AppUser> find("email", "manager@accolade.test").firstResult());
        Requester requester = new Requester(manager.id, manager.email, department);
        return actors.runAs(new Actor(manager.email, "127.0.0.1"), () -> ledger.reserve(request, requester));
    }
}
