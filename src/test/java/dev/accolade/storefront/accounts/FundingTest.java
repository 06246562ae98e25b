package dev.accolade.storefront.accounts;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.accolade.raas.client.RaasClient;
import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.demo.DemoRaasAccounts;
import dev.accolade.storefront.directory.Department;

/**
 * Funding by card: approved, each decline, registered cards; and after all of it, neither the card
 * numbers nor the security code are anywhere in the log output or the database.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class FundingTest {

    static final String CVV = "4826";
    static final List<String> CARDS = List.of("4111111111111111", "4000000000000002", "4000000000000119",
            "4000000000000101", "4242424242424242");
    static SecretScan.LogCapture log;
    static final List<String> pages = new ArrayList<>();
    /** Matches in the database before any funding: sandbox reward PINs are random 4-digit tokens too. */
    static List<String> before;

    @Inject
    RaasClient raas;
    @Inject
    DemoRaasAccounts demoAccounts;
    @Inject
    DataSource dataSource;

    Browser admin;
    /** A department of this test's own, so that no other test's balances move. */
    static Department engineering;

    @BeforeAll
    static void listen() {
        log = new SecretScan.LogCapture();
    }

    @AfterAll
    static void stopListening() {
        log.close();
    }

    @BeforeEach
    void setUp() {
        demoAccounts.ensure();
        admin = Browser.signedIn("admin@accolade.test");
        if (engineering == null) {
            String id = "funding-test-" + System.nanoTime();
            try {
                raas.createAccount(new dev.accolade.raas.client.AccountCreate("Accolade", id, "finance@accolade.test"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            engineering = QuarkusTransaction.requiringNew().call(() -> {
                Department d = new Department();
                d.name = "Funding " + id;
                d.raasCustomer = "Accolade";
                d.raasAccountIdentifier = id;
                d.createdAt = java.time.OffsetDateTime.now();
                d.persist();
                return d;
            });
        }
    }

    static String future() {
        YearMonth m = YearMonth.now().plusYears(2);
        return String.format("%02d/%02d", m.getMonthValue(), m.getYear() % 100);
    }

    Response fund(String amount, String number, String expiry, boolean keep) {
        return fund(submission("new"), amount, number, expiry, keep);
    }

    Response fund(String submission, String amount, String number, String expiry, boolean keep) {
        List<Object> fields = new ArrayList<>(List.of("submission", submission == null ? "" : submission, "amount", amount,
                "number", number, "expiry", expiry,
                "securityCode", CVV, "firstName", "Avery", "lastName", "Admin", "address", "1 Main Street",
                "city", "Springfield", "state", "WA", "zip", "99196", "email", "finance@accolade.test"));
        if (keep) {
            fields.add("keep");
            fields.add("on");
        }
        return admin.post("/admin/accounts/" + engineering.id + "/fund", fields.toArray());
    }

    /** A one-time token for one funding form, in the form the page gives its forms. */
    public static String submission(String form) {
        return UUID.randomUUID() + "-" + form;
    }

    String page() {
        String html = admin.get("/admin/accounts/" + engineering.id + "/fund").then().statusCode(200).extract().asString();
        pages.add(html);
        return html;
    }

    long balance() throws Exception {
        return raas.account(engineering.raasCustomer, engineering.raasAccountIdentifier).availableBalance();
    }

    static AuditEvent lastAudit(String action) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find("action = ?1 order by id desc", action)
                .firstResult());
    }

    static List<Pattern> secrets() {
        List<Pattern> secrets = new ArrayList<>();
        CARDS.forEach(n -> secrets.add(Pattern.compile(Pattern.quote(n))));
        secrets.add(SecretScan.token(CVV));
        return secrets;
    }

    @Test
    @Order(0)
    void theDatabaseIsScannedBeforeAnyFunding() throws Exception {
        before = SecretScan.database(dataSource, secrets());
        assertTrue(before.stream().noneMatch(h -> CARDS.stream().anyMatch(h::contains)), before.toString());
    }

    @Test
    @Order(1)
    void anApprovedCardAddsTheAmountAndTheAuditKeepsOnlyTheLastFourDigits() throws Exception {
        long before = balance();
        fund("250", "4111 1111 1111 1111", future(), false).then().statusCode(303);
        assertTrue(page().contains("$250.00 added to " + engineering.name));
        assertEquals(before + 25_000, balance());
        AuditEvent e = lastAudit("FUND");
        assertEquals("SUCCESS", e.outcome);
        assertEquals("admin@accolade.test", e.actor);
        assertTrue(e.detail.startsWith("card ****1111, $250.00, fund "), e.detail);
    }

    @ParameterizedTest
    @CsvSource({
            "4000000000000002, CC_DECLINED, The credit card was declined. Please use another card or contact your bank.",
            "4000000000000119, CC_ERROR, The credit card could not be processed because of an error. Please try again later.",
            "4000000000000101, CC_REVIEW, The payment is held for review. Please contact Tango Card support before trying again.",
            "4242424242424242, CC_UNKNOWN, The credit card could not be authorized. Please check the details or use another card." })
    @Order(2)
    void eachDeclineShowsRaasDenialMessageAndMovesNoMoney(String number, String code, String message) throws Exception {
        long before = balance();
        fund("100", number, future(), false).then().statusCode(303);
        String html = page();
        assertTrue(html.contains(message + " Nothing was charged."), html);
        assertTrue(html.contains("value=\"100\""), "the amount is kept for another try");
        assertEquals(before, balance());
        AuditEvent e = lastAudit("FUND");
        assertEquals("DECLINED", e.outcome);
        assertEquals(code + ", card ****" + number.substring(12) + ", $100.00", e.detail);
    }

    @Test
    @Order(3)
    void anExpiredCardIsRefusedBeforeRaasIsAskedAndACardIsValidThroughItsExpiryMonth() throws Exception {
        long before = balance();
        AuditEvent lastFund = lastAudit("FUND");
        fund("100", "4111111111111111", "01/20", false).then().statusCode(303);
        String html = page();
        assertTrue(html.contains("This card expired at the end of 01/20. Use a card that is still valid."), html);
        assertTrue(html.contains("value=\"100\""), "the amount is kept for another try");
        assertEquals(before, balance());
        assertEquals(lastFund.id, lastAudit("FUND").id, "RaaS was not asked");

        YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
        fund("1", "4111111111111111", thisMonth.format(DateTimeFormatter.ofPattern("MM/yy")), false)
                .then().statusCode(303);
        assertTrue(page().contains("$1.00 added to " + engineering.name));
        assertEquals(before + 100, balance());
    }

    @Test
    @Order(4)
    void aKeptCardIsRegisteredChargedAgainWithItsSecurityCodeAndRemoved() throws Exception {
        long before = balance();
        fund("75.50", "4111111111111111", future(), true).then().statusCode(303);
        assertTrue(page().contains("$75.50 added to " + engineering.name));
        FundingCard card = QuarkusTransaction.requiringNew().call(() -> FundingCard.activeOf(engineering.id).get(0));
        assertEquals("1111", card.lastFour);
        assertNotNull(card.ccToken);
        assertEquals("CARD_REGISTER", lastAudit("CARD_REGISTER").action);

        String once = submission("card" + card.id);
        admin.post("/admin/accounts/" + engineering.id + "/fund/cards/" + card.id, "submission", once, "amount", "20",
                "securityCode", CVV).then().statusCode(303);
        assertTrue(page().contains("$20.00 added to " + engineering.name));
        assertEquals(before + 7_550 + 2_000, balance());
        // The same form sent again (a retry after a slow answer) is not charged again.
        admin.post("/admin/accounts/" + engineering.id + "/fund/cards/" + card.id, "submission", once, "amount", "20",
                "securityCode", CVV).then().statusCode(303);
        assertTrue(page().contains("This form was already sent, so it was not sent again"));
        assertEquals(before + 7_550 + 2_000, balance());
        assertEquals("registered card ****1111, $20.00, fund ", lastAudit("FUND").detail.substring(0, 39));

        admin.post("/admin/accounts/" + engineering.id + "/fund/cards/" + card.id, "submission",
                submission("card" + card.id), "amount", "20", "securityCode", "12")
                .then().statusCode(303);
        assertTrue(page().contains("Enter the 3 or 4 digit security code."));

        admin.post("/admin/accounts/" + engineering.id + "/fund/cards/" + card.id + "/remove").then().statusCode(303);
        assertTrue(page().contains("The card ending 1111 is removed."));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> FundingCard.activeOf(engineering.id).isEmpty()));
        admin.post("/admin/accounts/" + engineering.id + "/fund/cards/" + card.id, "submission",
                submission("card" + card.id), "amount", "20", "securityCode", CVV)
                .then().statusCode(404);
    }

    @Test
    @Order(5)
    void aKeptCardPastItsExpiryIsShownAsExpiredAndNotCharged() throws Exception {
        FundingCard card = QuarkusTransaction.requiringNew().call(() -> {
            FundingCard c = new FundingCard();
            c.departmentId = engineering.id;
            c.ccToken = "expired-card-" + System.nanoTime();
            c.lastFour = "1111";
            c.expiration = "2016-11";
            c.registeredBy = "admin@accolade.test";
            c.createdAt = java.time.OffsetDateTime.parse("2016-01-04T10:00:00Z");
            c.persist();
            return c;
        });
        long before = balance();
        String html = page();
        assertTrue(html.contains("This card expired at the end of 2016-11 and can no longer be charged."), html);
        assertFalse(html.contains("action=\"/admin/accounts/" + engineering.id + "/fund/cards/" + card.id + "\""),
                "no charge form for it");

        AuditEvent lastFund = lastAudit("FUND");
        admin.post("/admin/accounts/" + engineering.id + "/fund/cards/" + card.id, "submission",
                submission("card" + card.id), "amount", "20", "securityCode", CVV)
                .then().statusCode(303);
        assertTrue(page().contains("The card ending 1111 expired at the end of 11/16. Remove it and fund with a card "
                + "that is still valid."));
        assertEquals(before, balance());
        assertEquals(lastFund.id, lastAudit("FUND").id, "RaaS was not asked");

        admin.post("/admin/accounts/" + engineering.id + "/fund/cards/" + card.id + "/remove").then().statusCode(303);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> FundingCard.activeOf(engineering.id).isEmpty()));
    }

    @Test
    @Order(5)
    void aDecimalCommaIsRefusedRatherThanReadAsThousands() throws Exception {
        long before = balance();
        AuditEvent lastFund = lastAudit("FUND");
        for (String amount : List.of("12,50", "5,00", "12,5")) {
            fund(amount, "4111111111111111", future(), false).then().statusCode(303);
            String html = page();
            assertTrue(html.contains("Use a point for cents, as in 12.50 (a comma only separates thousands, as in "
                    + "1,250.00)."), amount + ": " + html);
        }
        assertEquals(before, balance());
        assertEquals(lastFund.id, lastAudit("FUND").id, "RaaS was not asked");

        fund("1,250.00", "4111111111111111", future(), false).then().statusCode(303);
        assertTrue(page().contains("$1,250.00 added to " + engineering.name));
        assertEquals(before + 125_000, balance());
    }

    @Test
    @Order(5)
    void oneFundingFormSentTwiceOrSeveralTimesAtOnceChargesOnce() throws Exception {
        Matcher form = Pattern.compile("name=\"submission\" value=\"([0-9a-f-]{36}-new)\"").matcher(page());
        assertTrue(form.find(), "the form carries a one-time token");
        String token = form.group(1);
        long before = balance();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return fund(token, "3", "4111111111111111", future(), false).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertEquals(303, status.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 300, balance(), "charged once");

        fund(token, "3", "4111111111111111", future(), false).then().statusCode(303);
        assertTrue(page().contains("This form was already sent, so it was not sent again: nothing more was charged."));
        assertEquals(before + 300, balance());
    }

    @Test
    @Order(5)
    void aFormWithoutItsOwnTokenChargesNothing() throws Exception {
        long before = balance();
        AuditEvent lastFund = lastAudit("FUND");
        fund(null, "3", "4111111111111111", future(), false).then().statusCode(303);
        assertTrue(page().contains("This page was out of date, so nothing was charged."));
        // A saved card form's token does not fund by the new-card form.
        fund(submission("card1"), "3", "4111111111111111", future(), false).then().statusCode(303);
        assertTrue(page().contains("This page was out of date, so nothing was charged."));
        assertEquals(before, balance());
        assertEquals(lastFund.id, lastAudit("FUND").id, "RaaS was not asked");
    }

    @Test
    @Order(5)
    void badInputIsShownPerFieldAndTheCardIsNeverFilledInAgain() {
        fund("0.5", "4111-1111-1111-1111", "13/30", false).then().statusCode(303);
        String html = page();
        assertTrue(html.contains("Enter an amount from $1.00 to $5,000.00."));
        assertTrue(html.contains("Enter the expiry as MM/YY, for example 09/28."));
        assertFalse(html.contains("1111-1111"));
        fund("6000", "", future(), false).then().statusCode(303);
        html = page();
        assertTrue(html.contains("Enter the card number: 12 to 19 digits."));
        assertTrue(html.contains("Enter an amount from $1.00 to $5,000.00."));
    }

    @Test
    @Order(6)
    void underItsThresholdADepartmentWarnsAdminsAndNotifiesItsManagers() throws Exception {
        Department sales = QuarkusTransaction.requiringNew().call(() -> Department.findByName("Sales").orElseThrow());
        String threshold = dev.accolade.common.Formats.plainDollars(sales.lowBalanceThreshold);
        Browser manager = Browser.signedIn("sales.manager@accolade.test");
        manager.get("/").then().statusCode(200).body(not(containsString("The balance is low")));
        admin.post("/admin/accounts/" + sales.id, "name", "Sales", "threshold", "1,000,000.00").then().statusCode(303);
        try {
            // The manager's balance is cached for a few seconds; the notice compares against the new threshold at once.
            manager.get("/").then().statusCode(200).body(containsString("The balance is low: ask an administrator to add funds."));
            admin.get("/admin").then().statusCode(200).body(containsString("under its threshold of $1,000,000.00"));
            admin.get("/admin/accounts").then().statusCode(200).body(containsString("Low: under threshold"));
            assertEquals("Sales, threshold " + dev.accolade.common.Formats.dollars(sales.lowBalanceThreshold)
                    + " -> Sales, threshold $1,000,000.00", lastAudit("DEPARTMENT_UPDATE").detail);
        } finally {
            admin.post("/admin/accounts/" + sales.id, "name", "Sales", "threshold", threshold).then().statusCode(303);
        }
        admin.get("/admin").then().body(not(containsString("<strong>Sales</strong>:")));
    }

    @Test
    @Order(100)
    void noCardNumberOrSecurityCodeIsInTheLogsTheDatabaseOrAnyPage() throws Exception {
        List<Pattern> secrets = secrets();
        assertTrue(log.lines.size() >= 5, "the log capture heard the funding flows: " + log.lines.size());
        assertTrue(log.lines.stream().anyMatch(l -> l.contains("FUND for " + engineering.name)), "the capture hears Accolade's own log");
        List<String> inLog = log.lines.stream().filter(l -> SecretScan.contains(secrets, l)).toList();
        assertEquals(List.of(), inLog);
        List<String> after = new ArrayList<>(SecretScan.database(dataSource, secrets));
        after.removeAll(before);
        assertEquals(List.of(), after, "the funding flows left a card number or security code in the database");
        assertTrue(pages.size() >= 10);
        assertEquals(List.of(), pages.stream().filter(html -> SecretScan.contains(secrets, html)).toList(),
                "pages that show a card number or security code");
        // UUIDs aside, not the secrets' neighbours: a code right after a token still counts.
        assertTrue(SecretScan.contains(secrets, UUID.randomUUID() + "-" + CVV + " "));
        assertFalse(SecretScan.contains(secrets, "f47ac10b-58cc-" + CVV + "-b29e-0a12f4f3c2d1"));
        // The scan itself finds what it looks for.
        assertFalse(SecretScan.database(dataSource, List.of(Pattern.compile(engineering.raasAccountIdentifier))).isEmpty());
    }
}
