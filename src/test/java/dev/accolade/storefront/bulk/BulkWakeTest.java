package dev.accolade.storefront.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.accolade.raas.client.RaasClient;
import dev.accolade.storefront.Browser;
import dev.accolade.storefront.budgets.BudgetFixtures;
import dev.accolade.storefront.budgets.SpendingPolicy;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.schedule.ScheduleFixtures;
import dev.accolade.storefront.security.AppUser;

/**
 * The background sender starts a batch as soon as it is confirmed or approved on this replica, not at
 * its next poll: with the poll an hour long, the batch is still sent within seconds.
 */
@QuarkusTest
@TestProfile(BulkWakeTest.HourlyPoll.class)
class BulkWakeTest {

    /** The sender on, polling once an hour; the scheduled jobs off, as in every test. */
    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accolade.bulk.worker.enabled", "true",
                    "accolade.bulk.poll", "PT1H",
                    "quarkus.scheduler.enabled", "false",
                    "quarkus.datasource.jdbc.acquisition-timeout", "PT60S");
        }
    }

    @Inject
    RaasClient raas;

    @Inject
    CatalogCache catalog;

    Department department;
    AppUser manager;
    Browser browser;

    void setup() {
        catalog.refresh();
        department = BudgetFixtures.department("Wake", raas);
        manager = ScheduleFixtures.manager(department);
        BudgetFixtures.monthBudget(department, 1000_00);
        browser = Browser.signedIn(manager.email);
    }

    /** Waits up to 30 s for the batch to finish; the sender's poll, an hour, would not have come yet. */
    static BulkBatch finished(long id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            BulkBatch b = BulkSendTest.batch(id);
            if (b.state == BulkBatch.State.FINISHED) {
                return b;
            }
            Thread.sleep(100);
        }
        return BulkSendTest.batch(id);
    }

    @Test
    void aConfirmedBatchIsSentAtOnce() throws InterruptedException {
        setup();
        long id = BulkSendTest.batchId(BulkSendTest.upload(browser, "now.csv",
                BulkSendTest.rows("now-" + UUID.randomUUID() + "-", 5, 10)));
        assertEquals(303, browser.post("/bulk/" + id + "/confirm").statusCode());
        BulkBatch b = finished(id);
        assertEquals(BulkBatch.State.FINISHED, b.state, "sent without waiting for the hourly poll");
        assertEquals(5, BulkSendTest.orders(b).size());
        assertTrue(BulkSendTest.orders(b).stream().allMatch(o -> o.status == RewardOrder.Status.DELIVERED));
    }

    @Test
    void anApprovedBatchIsSentAtOnce() throws InterruptedException {
        setup();
        QuarkusTransaction.requiringNew().run(() -> {
            SpendingPolicy p = new SpendingPolicy();
            p.departmentId = department.id;
            p.approvalThreshold = 50_00L;
            p.recipients = SpendingPolicy.Recipients.ANYONE;
            p.fromRule = SpendingPolicy.FromRule.ANY;
            p.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            p.persist();
        });
        long id = BulkSendTest.batchId(BulkSendTest.upload(browser, "approved.csv",
                BulkSendTest.rows("approved-" + UUID.randomUUID() + "-", 2, 75)));
        browser.post("/bulk/" + id + "/confirm");
        assertEquals(BulkBatch.State.AWAITING_APPROVAL, BulkSendTest.batch(id).state);

        Browser.signedIn("hr@accolade.test").post("/bulk/" + id + "/approve").then().statusCode(303);
        BulkBatch b = finished(id);
        assertEquals(BulkBatch.State.FINISHED, b.state, "sent without waiting for the hourly poll");
        assertEquals(2, BulkSendTest.orders(b).size());
    }
}
