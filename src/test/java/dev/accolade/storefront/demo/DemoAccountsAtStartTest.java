package dev.accolade.storefront.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasException;
import dev.accolade.raas.client.RaasFailure;

/**
 * With the scheduled jobs running, as in dev mode, every demo department has its funded RaaS account
 * within seconds of the application answering, not one job interval (15 s) later: a demo user who
 * signs in and sends a reward at once must not be told that RaaS does not know their department's
 * account. Nothing here calls the job; only the application's own start does.
 */
@QuarkusTest
@TestProfile(DemoAccountsAtStartTest.JobsRun.class)
class DemoAccountsAtStartTest {

    /** The scheduler on, as in dev mode (the other jobs start 20 s or more after start-up). */
    public static class JobsRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "true");
        }
    }

    private static final Duration WITHIN = Duration.ofSeconds(8);

    @Inject
    RaasClient raas;

    @Test
    void theDemoDepartmentsAccountsAreFundedAsSoonAsTheApplicationAnswers() throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        for (String identifier : new String[] { "accolade-engineering", "accolade-people", "accolade-sales" }) {
            while (true) {
                try {
                    if (raas.account("Accolade", identifier).availableBalance() > 0) {
                        assertEquals(DemoRaasAccounts.OPENING_FUNDS,
                                raas.account("Accolade", identifier).availableBalance());
                        break;
                    }
                } catch (RaasFailure.NotFound e) {
                    // not created yet
                } catch (RaasException e) {
                    fail("RaaS call failed: " + e.getMessage());
                }
                if (System.nanoTime() > deadline) {
                    fail("The demo account " + identifier + " was not funded within " + WITHIN.toSeconds()
                            + " s of the application answering");
                }
                Thread.sleep(200);
            }
        }
    }
}
