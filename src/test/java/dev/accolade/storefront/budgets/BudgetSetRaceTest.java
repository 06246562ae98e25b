package dev.accolade.storefront.budgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * Several HR users setting the same department's budget for the same period at the same moment each
 * get an answer (one sets it, the others are told it exists already), never an error page; one budget
 * and one audit row result. Run on H2 and on PostgreSQL ({@code -Dquarkus.test.profile=test-pg}).
 */
@QuarkusTest
@TestProfile(BudgetProfile.class)
class BudgetSetRaceTest {

    private static final int PEOPLE = 6;

    @Test
    void peopleSettingTheSameBudgetAtOnceEachGetAnAnswerAndOneBudgetIsSet() throws Exception {
        List<Browser> hr = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            AppUser u = BudgetFixtures.user("setter", Role.HR, null);
            hr.add(Browser.signedIn(u.email));
        }
        for (int round = 0; round < 3; round++) {
            Department department = BudgetFixtures.department("Budget set race");
            List<Response> answers = race(hr, department, round);

            int set = 0;
            int refused = 0;
            for (Response r : answers) {
                assertEquals(303, r.statusCode(), "an answer, not an error page: " + r.asString());
                assertEquals("/budgets/" + department.id, java.net.URI.create(r.getHeader("Location")).getPath());
                String flash = flash(r);
                if (flash.contains("\"message\"") && flash.contains("is set")) {
                    set++;
                } else if (flash.contains("\"error\"") && flash.contains("already has a budget")) {
                    refused++;
                } else {
                    throw new AssertionError("unexpected answer: " + flash);
                }
            }
            assertEquals(1, set, "one of them set the budget");
            assertEquals(PEOPLE - 1, refused, "the others were told it is set already");
            long budgets = QuarkusTransaction.requiringNew().call(() -> Budget.count("departmentId", department.id));
            assertEquals(1, budgets, "one budget for the period");
            long audited = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                    "action = ?1 and detail like ?2", "BUDGET_SET", department.name + ",%"));
            assertEquals(1, audited, "one BUDGET_SET row in the audit trail");
        }
    }

    private static List<Response> race(List<Browser> hr, Department department, int round) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(hr.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < hr.size(); i++) {
                Browser b = hr.get(i);
                String token = b.csrfToken();
                String amount = String.valueOf(1000 + 100 * i + round);
                futures.add(pool.submit(() -> {
                    start.await();
                    return b.request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", token)
                            .formParam("period", "MONTH").formParam("amount", amount)
                            .post("/budgets/" + department.id + "/set");
                }));
            }
            start.countDown();
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The flash cookie's content (JSON) that the page after the redirect shows. */
    static String flash(Response r) {
        String v = r.getCookie("accolade-flash");
        return v == null ? "" : new String(Base64.getUrlDecoder().decode(v), StandardCharsets.UTF_8);
    }
}
