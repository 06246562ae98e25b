package dev.accolade.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.ops.Metrics;

/**
 * A bulk send survives its sender being killed. The packaged application (prod profile, PostgreSQL,
 * the embedded sandbox, demo data) sends a 2,000-row batch in the background; once a few hundred rows
 * are placed the process is killed with SIGKILL (no shutdown hook runs; PostgreSQL rolls back what it
 * had open), and the batch must still end with every row sent exactly once: FINISHED, every row's
 * order DELIVERED or FAILED (none left PENDING or UNKNOWN), one sandbox order per delivered row, none
 * for a failed one, no recipient with two. First with one instance, started again on the same
 * database; then with two instances sending the same batch, one of them killed while the other goes on.
 * <p>
 * The instance to be killed answers each order {@link #ANSWER_DELAY} after its sandbox placed it, so
 * that the kill finds orders placed at RaaS whose answer never arrives (the reconciler must find them
 * DELIVERED). One row in {@value #FAILING_EVERY} orders the sandbox's failing denomination (a $20
 * Amazon.com card: HTTP 500, outcome unknown), which the reconciler must settle as not placed.
 * Timings are shortened so that the run stays short: a claim is taken again after 10 s, the
 * reconciler runs every 2 s, looks at a pending order after 5 s and gives up on one RaaS does not list
 * after 20 s. The instances use their own schema ({@value #SCHEMA}), dropped and created at the start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulkCrashIT {

    private static final String SCHEMA = "bulk_crash_it";
    private static final int ROWS = 2000;
    private static final int KILL_AFTER_PLACED = 200;
    private static final int FAILING_EVERY = 100;
    private static final long FAILING_CENTS = 2000;
    private static final int CONCURRENCY = 4;
    private static final Duration SETTLE_WITHIN = Duration.ofMinutes(5);
    /** How long the sandbox of an instance to be killed waits before answering an order it placed. */
    private static final Duration ANSWER_DELAY = Duration.ofMillis(100);
    private static final String CUSTOMER = "Accolade";
    private static final String ACCOUNT = "accolade-engineering";
    private static final String MANAGER = "manager@accolade.test";

    private static final String SESSION_KEY = "bulk-crash-" + ItDatabase.random(24);
    private static final String RAAS_KEY = "bulk-crash-raas-" + ItDatabase.random(12);
    private static final AppInstance.Setup SETUP = new AppInstance.Setup(SCHEMA, "bulk-crash-it", SESSION_KEY, RAAS_KEY);
    private static final List<AppInstance> started = new ArrayList<>();
    /** The instance left running by the last test (each test may start and kill others). */
    private static AppInstance running;

    /** Where a batch stood at one moment. */
    record Standing(String state, Map<String, Integer> rows, Map<String, Integer> orders) {

        int rows(String state) {
            return rows.getOrDefault(state, 0);
        }

        int orders(String status) {
            return orders.getOrDefault(status, 0);
        }

        boolean settled() {
            return "FINISHED".equals(state) && rows("READY") == 0 && rows("CLAIMED") == 0 && orders("PENDING") == 0
                    && orders("UNKNOWN") == 0 && orders("HELD") == 0;
        }
    }

    @BeforeAll
    static void startOneInstance() throws Exception {
        AppInstance.freshSchema(SCHEMA);
        try {
            running = startReady("a", ANSWER_DELAY);
            awaitFundedAccount(running);
        } catch (Exception | AssertionError e) {
            stopAll();
            throw e;
        }
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        for (AppInstance i : started) {
            i.stop();
        }
    }

    @Test
    @Order(1)
    void aBatchKilledMidwayIsFinishedByTheRestartedInstanceSendingEveryRowOnce() throws Exception {
        AppInstance a = running;
        long batch = uploadAndConfirm(a, "one");
        awaitPlaced(batch, KILL_AFTER_PLACED, a);
        Standing atKill = awaitAnswerOnItsWay(batch);

        assertEquals(137, a.kill(), "killed with SIGKILL (exit status 128 + 9)");
        Standing afterKill = standing(batch);
        report("one instance killed", atKill, afterKill);
        assertTrue(afterKill.rows("PLACED") < ROWS, "the batch was still being sent when killed: " + afterKill);
        assertTrue(afterKill.orders("PENDING") > 0, "orders were left waiting for RaaS's answer: " + afterKill);

        running = startReady("a-again", Duration.ZERO);
        Standing end = awaitSettled(batch);
        assertEveryRowSentOnce(batch, "one", end);
    }

    @Test
    @Order(2)
    void aBatchSentByTwoInstancesIsFinishedByTheSurvivorWhenOneIsKilled() throws Exception {
        AppInstance a = running;
        AppInstance b = startReady("b", ANSWER_DELAY); // after a: the schema is migrated and the demo data is there
        double aBefore = ordersPlacedBy(a);
        long batch = uploadAndConfirm(b, "two");
        awaitPlaced(batch, KILL_AFTER_PLACED, a, b);
        // Both send: each instance's RaaS client placed orders of this batch (each calls its own sandbox).
        Instant until = Instant.now().plusSeconds(60);
        while ((ordersPlacedBy(a) == aBefore || ordersPlacedBy(b) == 0) && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertTrue(ordersPlacedBy(a) > aBefore && ordersPlacedBy(b) > 0, "both instances send: a placed "
                + (ordersPlacedBy(a) - aBefore) + ", b placed " + ordersPlacedBy(b));
        Standing atKill = awaitAnswerOnItsWay(batch);

        assertEquals(137, b.kill(), "killed with SIGKILL (exit status 128 + 9)");
        Standing afterKill = standing(batch);
        report("one of two instances killed", atKill, afterKill);
        assertTrue(afterKill.rows("PLACED") < ROWS, "the batch was still being sent when b was killed: " + afterKill);

        Standing end = awaitSettled(batch);
        assertTrue(a.process().isAlive(), "a kept running");
        assertEveryRowSentOnce(batch, "two", end);
    }

    /**
     * Waits (a few seconds at most) for a moment when an order of the batch waits for RaaS's answer: the
     * instance to be killed answers orders {@link #ANSWER_DELAY} after placing them, so one nearly always does.
     */
    private static Standing awaitAnswerOnItsWay(long batch) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(10);
        Standing s = standing(batch);
        while (s.orders("PENDING") == 0 && Instant.now().isBefore(until)) {
            Thread.sleep(5);
            s = standing(batch);
        }
        return s;
    }

    private static void report(String what, Standing atKill, Standing afterKill) {
        System.out.printf("BulkCrashIT: %s at %s; after the kill %s%n", what, atKill, afterKill);
    }

    // --- The checks -----------------------------------------------------------------------------------------

    /**
     * Every row placed once, under its own token, and ended DELIVERED or FAILED; the failing denomination's
     * rows FAILED; other rows FAILED only if they were in flight in a killed instance (their RaaS call died
     * with it, before the sandbox committed); the sandbox holds exactly the delivered rows' orders, one per
     * recipient, each the one its row's order names.
     */
    private static void assertEveryRowSentOnce(long batch, String run, Standing end) throws Exception {
        assertEquals(Map.of("PLACED", ROWS), end.rows(), "every row placed: " + end);
        assertEquals(ROWS, end.orders("DELIVERED") + end.orders("FAILED"), "every order delivered or failed: " + end);

        Map<String, String> deliveredOrderIdByEmail = new HashMap<>();
        List<String> failedEmails = new ArrayList<>();
        int failedInFlight = 0;
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("select r.row_no, r.recipient_email,"
                + " o.status, o.raas_order_id, o.send_token, b.token, r.amount from bulk_row r"
                + " join bulk_batch b on b.id = r.batch_id join reward_order o on o.id = r.order_id"
                + " where r.batch_id = ? order by r.row_no")) {
            s.setLong(1, batch);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int row = rs.getInt(1);
                    String email = rs.getString(2);
                    String status = rs.getString(3);
                    boolean failing = rs.getLong(7) == FAILING_CENTS;
                    assertEquals(rs.getString(6) + "." + row, rs.getString(5), "row " + row + "'s order is its own");
                    if (failing) {
                        assertEquals("FAILED", status, "row " + row + " ($20 Amazon.com, refused by the sandbox)");
                    }
                    if ("DELIVERED".equals(status)) {
                        assertTrue(rs.getString(4) != null, "row " + row + " delivered with a RaaS order id");
                        deliveredOrderIdByEmail.put(email, rs.getString(4));
                    } else {
                        failedEmails.add(email);
                        if (!failing) {
                            failedInFlight++;
                        }
                    }
                }
            }
            // No recipient got a second reward order (a retried row reuses its token's order).
            try (PreparedStatement twice = c.prepareStatement("select recipient_email, count(*) from reward_order"
                    + " where recipient_email like ? group by recipient_email having count(*) > 1")) {
                twice.setString(1, run + "-%");
                List<String> found = new ArrayList<>();
                try (ResultSet rs = twice.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1) + " (" + rs.getInt(2) + ")");
                    }
                }
                assertEquals(List.of(), found, "recipients with two reward orders");
            }
        }
        assertEquals(ROWS / FAILING_EVERY, failedEmails.size() - failedInFlight);
        assertTrue(failedInFlight <= CONCURRENCY, failedInFlight + " rows failed that were not refused by the"
                + " sandbox: more than the orders in flight in the killed instance");

        Map<String, List<String>> atSandbox = sandboxOrdersByEmail(running, run + "-");
        List<String> twice = atSandbox.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
                .toList();
        assertTrue(twice.isEmpty(), "recipients with two sandbox orders: " + twice);
        for (String email : failedEmails) {
            assertTrue(!atSandbox.containsKey(email), "a failed row has a sandbox order: " + email);
        }
        assertEquals(deliveredOrderIdByEmail.keySet(), atSandbox.keySet(), "a sandbox order for every delivered row");
        deliveredOrderIdByEmail.forEach((email, id) -> assertEquals(List.of(id), atSandbox.get(email),
                "the delivered order of " + email + " is its sandbox order"));
        System.out.printf("BulkCrashIT (%s): %d delivered, %d failed (%d of them in flight at the kill); rows taken"
                + " by %s%n", run, deliveredOrderIdByEmail.size(), failedEmails.size(), failedInFlight, claims(batch));
    }

    /** How the rows were taken: the number of claims and the rows of the largest (each asks for concurrency x 4). */
    private static String claims(long batch) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("select count(*), max(n) from (select"
                + " count(*) n from bulk_row where batch_id = ? group by claimed_by) x")) {
            s.setLong(1, batch);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) + " claims, the largest " + rs.getInt(2) + " rows";
            }
        }
    }

    private static boolean failing(int recipient) {
        return recipient % FAILING_EVERY == 0;
    }

    /** Every order of the department's account at the sandbox (GET /raas/v1/orders, paged), by recipient. */
    private static Map<String, List<String>> sandboxOrdersByEmail(AppInstance i, String prefix) {
        Map<String, List<String>> byEmail = new TreeMap<>();
        int offset = 0;
        while (true) {
            JsonPath page = given().auth().preemptive().basic("accolade-demo", RAAS_KEY).accept("application/json")
                    .queryParam("customer", CUSTOMER).queryParam("account_identifier", ACCOUNT)
                    .queryParam("offset", offset).queryParam("limit", 100)
                    .get(i.url("/raas/v1/orders")).then().statusCode(200).extract().jsonPath();
            List<String> emails = page.getList("orders.recipient.email", String.class);
            List<String> ids = page.getList("orders.order_id", String.class);
            for (int k = 0; k < emails.size(); k++) {
                if (emails.get(k).startsWith(prefix)) {
                    byEmail.computeIfAbsent(emails.get(k), e -> new ArrayList<>()).add(ids.get(k));
                }
            }
            offset += emails.size();
            if (emails.isEmpty() || offset >= page.getLong("total_count")) {
                return byEmail;
            }
        }
    }

    private static double ordersPlacedBy(AppInstance i) {
        return Metrics.of(given().get(i.url("/q/metrics")).then().statusCode(200).extract().asString())
                .count("raas_client_calls_seconds_count", "endpoint=\"POST orders\"");
    }

    // --- The batch --------------------------------------------------------------------------------------------

    /** Signs the demo manager in, uploads the file (its dry run), confirms it; returns the batch's id. */
    private static long uploadAndConfirm(AppInstance i, String run) {
        Browser manager = new Browser();
        manager.get(i.url("/login"));
        manager.post(i.url("/login"), "email", MANAGER, "password", "accolade-demo").then().statusCode(303);
        manager.get(i.url("/bulk")).then().statusCode(200);
        Response upload = manager.request().multiPart("csrf-token", manager.csrfToken())
                .multiPart("file", run + ".csv", csv(run).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post(i.url("/bulk"));
        upload.then().statusCode(303);
        String location = upload.getHeader("Location");
        assertTrue(location.matches(".*/bulk/\\d+$"), "the dry run's page: " + location);
        long batch = Long.parseLong(location.replaceAll(".*/", ""));
        manager.get(i.url("/bulk/" + batch)).then().statusCode(200);
        Standing checked = standing(batch);
        assertEquals("CHECKED", checked.state(), "a dry run first");
        assertEquals(Map.of("READY", ROWS), checked.rows(), "every row valid, nothing sent");

        manager.post(i.url("/bulk/" + batch + "/confirm")).then().statusCode(303);
        assertEquals("RUNNING", standing(batch).state(), "started without approval (no budget or policy)");
        return batch;
    }

    /** A recipient per row; $1 Amazon.com cards, and every FAILING_EVERY-th row the sandbox's failing $20. */
    private static String csv(String run) {
        StringBuilder csv = new StringBuilder("email,name,sku,amount,message,from\n");
        for (int n = 1; n <= ROWS; n++) {
            csv.append(run).append('-').append(n).append("@example.com,Recipient ").append(n).append(",AMZN-E-V-STD,")
                    .append(failing(n) ? FAILING_CENTS / 100 : 1).append(",Thanks from batch ").append(run).append(",\n");
        }
        return csv.toString();
    }

    private static Standing awaitPlaced(long batch, int placed, AppInstance... alive) throws Exception {
        Instant until = Instant.now().plusSeconds(120);
        while (true) {
            Standing s = standing(batch);
            if (s.rows("PLACED") >= placed) {
                return s;
            }
            for (AppInstance i : alive) {
                assertTrue(i.process().isAlive(), i.name() + " exited: " + i.tail());
            }
            assertTrue(Instant.now().isBefore(until), "fewer than " + placed + " rows placed within 120 s: " + s);
            Thread.sleep(50);
        }
    }

    private static Standing awaitSettled(long batch) throws Exception {
        Instant until = Instant.now().plus(SETTLE_WITHIN);
        Standing s = standing(batch);
        while (!s.settled()) {
            assertTrue(running.process().isAlive(), running.name() + " exited: " + running.tail());
            assertTrue(Instant.now().isBefore(until), "not settled within " + SETTLE_WITHIN + ": " + s);
            Thread.sleep(500);
            s = standing(batch);
        }
        return s;
    }

    /** The batch's state, its rows by state, and the orders made under its tokens (linked to a row or not yet). */
    private static Standing standing(long batch) {
        try (Connection c = connect()) {
            String state;
            String token;
            try (PreparedStatement s = c.prepareStatement("select state, token from bulk_batch where id = ?")) {
                s.setLong(1, batch);
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next(), "batch " + batch);
                    state = rs.getString(1);
                    token = rs.getString(2);
                }
            }
            return new Standing(state, counts(c, "select state, count(*) from bulk_row where batch_id = ? group by state",
                    batch), counts(c, "select status, count(*) from reward_order where send_token like ? group by status",
                            token + ".%"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Integer> counts(Connection c, String sql, Object key) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, key);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(ItDatabase.url(SCHEMA), ItDatabase.USER, ItDatabase.PASSWORD);
    }

    // --- The instances ----------------------------------------------------------------------------------------

    private static AppInstance startReady(String name, Duration answerDelay) throws Exception {
        AppInstance i = AppInstance.start(SETUP, name, Map.of(
                "ACCOLADE_RAAS_SANDBOX_ORDER_RESPONSE_DELAY", answerDelay.toString(),
                "ACCOLADE_BULK_CONCURRENCY", String.valueOf(CONCURRENCY),
                "ACCOLADE_BULK_CLAIM_LEASE", "PT10S",
                "ACCOLADE_BULK_POLL", "PT0.5S",
                "ACCOLADE_RECONCILE_EVERY", "2s",
                "ACCOLADE_RECONCILE_PENDING_GRACE", "PT5S",
                "ACCOLADE_RECONCILE_RECHECK_AFTER", "PT5S,PT10S",
                "ACCOLADE_RECONCILE_GIVE_UP_AFTER", "PT20S"));
        started.add(i);
        return i.awaitReady();
    }

    /** Waits for the demo data job to create and fund the Engineering department's sandbox account. */
    private static void awaitFundedAccount(AppInstance i) throws InterruptedException {
        AppInstance.waitFor(Duration.ofSeconds(90), "the demo RaaS account was not funded within 90 s", () -> {
            Response r = given().auth().preemptive().basic("accolade-demo", RAAS_KEY).accept("application/json")
                    .get(i.url("/raas/v1/accounts/" + CUSTOMER + "/" + ACCOUNT));
            if (r.statusCode() != 200) {
                return false;
            }
            Long balance = r.jsonPath().getObject("account.available_balance", Long.class);
            return balance != null && balance > 0;
        });
    }
}
