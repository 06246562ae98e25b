package dev.accolade.storefront.reports;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.accolade.common.Csv;
import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;

/** Report figures against {@link ReportFixtures}, worked out by hand; CSV content and escaping. */
@QuarkusTest
class ReportFiguresTest {

    private static final Pattern ROW = Pattern.compile("<tr data-label=\"([^\"]*)\" data-spend=\"(\\d+)\" data-rewards=\"(\\d+)\">");

    @Inject
    ReportFixtures fixtures;

    Browser hr;

    @BeforeEach
    void load() {
        fixtures.ensure();
        hr = Browser.signedIn("hr@accolade.test");
    }

    /** The report table's rows as "label=rewards/cents". */
    private List<String> rows(String query) {
        Response r = hr.get("/reports?" + query);
        r.then().statusCode(200);
        List<String> rows = new ArrayList<>();
        Matcher m = ROW.matcher(r.asString());
        while (m.find()) {
            rows.add(m.group(1) + "=" + m.group(3) + "/" + m.group(2));
        }
        return rows;
    }

    @Test
    void wholeMonthsByEveryDimension() {
        String q = "from=2021-01-01&to=2021-04-30";
        assertEquals(List.of("Sales=2/10700", "Engineering=4/8000"), rows("by=department&" + q));
        assertEquals(List.of("Jan 2021=2/3500", "Feb 2021=2/14000", "Mar 2021=1/500", "Apr 2021=1/700"), rows("by=month&" + q));
        assertEquals(List.of("Brand A=3/16500", "Brand B=2/1500", "Brand C=1/700"), rows("by=brand&" + q));
        assertEquals(List.of("Sam Sales &lt;sales.manager@accolade.test&gt;=2/10700",
                "Morgan Manager &lt;manager@accolade.test&gt;=4/8000"), rows("by=manager&" + q));
        assertEquals(List.of("Marie Curie &lt;marie.curie@accolade.test&gt;=2/10700",
                "Ada Lovelace &lt;ada.lovelace@accolade.test&gt;=3/7500",
                "Grace Hopper &lt;grace.hopper@accolade.test&gt;=1/500"), rows("by=recipient&" + q));
    }

    @Test
    void partialMonthsAtBothEndsAreCountedToTheDay() {
        // Jan 15-31 and Mar 1 come from the orders, February from the rollup.
        assertEquals(List.of("Brand A=2/14000", "Brand B=2/1500"), rows("by=brand&from=2021-01-15&to=2021-03-01"));
        assertEquals(List.of("Jan 2021=1/1000", "Feb 2021=2/14000", "Mar 2021=1/500"),
                rows("by=month&from=2021-01-15&to=2021-03-01"));
        // No whole month at all.
        assertEquals(List.of("Engineering=2/5000"), rows("by=department&from=2021-01-20&to=2021-02-20"));
    }

    @Test
    void theDepartmentFilterAndTheTotals() {
        String sales = hr.get("/reports?by=department").asString();
        Matcher m = Pattern.compile("<option value=\"(\\d+)\">Sales</option>").matcher(sales);
        assertTrue(m.find(), "Sales is offered as a filter");
        String id = m.group(1);
        assertEquals(List.of("Brand A=1/10000", "Brand C=1/700"), rows("by=brand&from=2021-01-01&to=2021-04-30&department=" + id));
        hr.get("/reports?by=brand&from=2021-01-01&to=2021-04-30").then()
                .body(containsString("<strong>6</strong> rewards delivered, <strong>$187.00</strong> spent."))
                .body(containsString("1 order is still being checked with RaaS and not counted yet."))
                .body(containsString("data-chart-table=\"report-table\""));
    }

    @Test
    void badInputIsExplainedNeverAFailure() {
        hr.get("/reports?by=brand&from=yesterday&to=2021-13-45&department=abc").then().statusCode(200)
                .body(containsString("The start date is not a date like 2025-01-31 and the end date is not a date like"
                        + " 2025-01-31."))
                .body(containsString("There is no such department"));
        hr.get("/reports?by=brand&from=2021-05-01&to=2021-01-01").then().statusCode(200)
                .body(containsString("The start date is after the end date. Shown instead: "));
        hr.get("/reports?by=department&department=999999").then().statusCode(200)
                .body(containsString("There is no such department"));
        hr.get("/reports?by=nothing").then().statusCode(404).body(containsString("No such report"));
    }

    @Test
    void impossibleDatesGiveOneWarningNamingThePeriodShown() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate twelveMonths = today.withDayOfMonth(1).minusMonths(11);
        String page = hr.get("/reports?by=brand&from=2999-01-01&to=1900-01-01").then().statusCode(200).extract().asString();
        java.util.regex.Matcher warnings = Pattern.compile("<p class=\"notice warn\" role=\"alert\">([^<]*)</p>").matcher(page);
        List<String> found = new java.util.ArrayList<>();
        while (warnings.find()) {
            found.add(warnings.group(1));
        }
        assertEquals(List.of("The start date is in the future (a report covers days up to today) and the end date is"
                + " before 2000-01-01, the first day a report covers. Shown instead: " + twelveMonths + " to " + today
                + ", the last twelve months."), found);
        assertTrue(page.contains("Delivered rewards from " + twelveMonths + " to " + today), "the period shown");
    }

    @Test
    void aPeriodReachesFrom2000ToTodayAndADateOutsideIsMovedIntoItWithTheReason() {
        hr.get("/reports?by=brand&from=1900-01-01&to=2021-04-30").then().statusCode(200)
                .body(containsString("The start date is before 2000-01-01, the first day a report covers. Shown instead:"
                        + " 2000-01-01 to 2021-04-30."))
                .body(not(containsString("not a date like")))
                .body(containsString("Delivered rewards from 2000-01-01 to 2021-04-30"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // A thousand years by month would be 12,000 rows: the period ends today.
        List<String> months = rows("by=month&from=2000-01-01&to=2999-12-31");
        assertEquals(ChronoUnit.MONTHS.between(YearMonth.of(2000, 1), YearMonth.from(today)) + 1, months.size());
        assertTrue(months.get(0).startsWith("Jan 2000="), months.get(0));
        hr.get("/reports?by=month&from=2000-01-01&to=2999-12-31").then()
                .body(containsString("The end date is in the future (a report covers days up to today). Shown instead:"
                        + " 2000-01-01 to " + today + "."))
                .body(not(containsString("2999")));
        hr.get("/reports/export.csv?by=month&from=2000-01-01&to=2999-12-31").then()
                .header("Content-Disposition", containsString("rewards-by-month-2000-01-01-to-" + today + ".csv"));
        hr.get("/reports?by=brand&from=2021-01-01&to=" + today).then()
                .body(not(containsString("Shown instead")))
                // The date pickers offer the same bounds, so a date outside is not chosen in the first place.
                .body(containsString("name=\"from\" type=\"date\" value=\"2021-01-01\" min=\"2000-01-01\" max=\"" + today + "\""))
                .body(containsString("name=\"to\" type=\"date\" value=\"" + today + "\" min=\"2000-01-01\" max=\"" + today + "\""));
    }

    @Test
    void theReportCsvHasTheSameFiguresAndNeutralisesFormulas() {
        Response r = hr.get("/reports/export.csv?by=brand&from=2021-01-01&to=2021-06-30");
        r.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("rewards-by-brand-2021-01-01-to-2021-06-30.csv"));
        assertEquals("Brand,Rewards,Spend (USD)\r\n"
                + "Brand A,3,165.00\r\n"
                + "Brand B,2,15.00\r\n"
                + "\"'=HYPERLINK(\"\"http://x.test\"\")\",1,12.00\r\n"
                + "Brand C,1,7.00\r\n", r.asString());
    }

    @Test
    void theOrderListCsvQuotesAndNeutralisesEveryTextCell() {
        Response r = hr.get("/reports/orders.csv?from=2021-06-01&to=2021-06-30");
        r.then().statusCode(200).contentType(containsString("charset=utf-8"));
        String[] lines = r.asString().split("\r\n");
        assertEquals(2, lines.length, r.asString());
        assertEquals("Order,Sent at (UTC),Delivered at (UTC),Status,Department,Manager,Recipient name,Recipient email,"
                + "Brand,Reward,SKU,Amount (USD),Tango Card order,Order page", lines[0]);
        String id = lines[1].substring(0, lines[1].indexOf(','));
        assertTrue(lines[1].endsWith("/orders/" + id), "each order links to its read-only page: " + lines[1]);
        assertTrue(lines[1].contains(",2021-06-05T10:00:00Z,2021-06-05T10:00:00Z,DELIVERED,Sales,"
                + "sales.manager@accolade.test,\"O'Hara, \"\"Kit\"\"\",kit.ohara@example.com,"
                + "\"'=HYPERLINK(\"\"http://x.test\"\")\",\"'=HYPERLINK(\"\"http://x.test\"\") gift card\",SKU-27,12.00,"), lines[1]);
        // Every status is listed: February has a delivered order and a refused one.
        String feb = hr.get("/reports/orders.csv?from=2021-02-01&to=2021-02-28").asString();
        assertEquals(4, feb.split("\r\n").length, feb);
        assertTrue(feb.contains(",FAILED,"), feb);
    }

    @Test
    void csvCellsThatLookLikeFormulasAreText() {
        assertEquals("'=1+2", Csv.text("=1+2"));
        assertEquals("'+1", Csv.text("+1"));
        assertEquals("'-1", Csv.text("-1"));
        assertEquals("'@SUM(A1)", Csv.text("@SUM(A1)"));
        assertEquals("'\tx", Csv.text("\tx"));
        assertEquals("'\rx", Csv.text("\rx"));
        assertEquals("plain, text", Csv.text("plain, text"));
        assertEquals("", Csv.text(null));
    }

    @Test
    void thePrintableViewAndBalances() {
        hr.get("/reports/print?by=month&from=2021-01-01&to=2021-04-30").then().statusCode(200)
                .body(containsString("class=\"print-view\""))
                .body(containsString("data-label=\"Feb 2021\" data-spend=\"14000\""))
                .body(not(containsString("<nav aria-label=\"Main\">")));
        hr.get("/reports/balances").then().statusCode(200)
                .body(containsString("Engineering"))
                .body(containsString("action <code>FUND</code>"))
                .body(containsString("Balance now"));
    }

    @Inject
    AuditTrail audit;

    @Inject
    Actors actors;

    private static final Pattern MONTH_ROW = Pattern.compile(
            "<tr><th scope=\"row\">([A-Z][a-z]{2} \\d{4})</th><td class=\"num\">(\\d+)</td><td class=\"num\">\\$([\\d,]+\\.\\d\\d)</td>");

    /** The last month row of the balances page (the current month): fundings and funds in, in cents. */
    private long[] currentMonthFundsIn() {
        Matcher m = MONTH_ROW.matcher(hr.get("/reports/balances").asString());
        long[] last = null;
        while (m.find()) {
            last = new long[] { Long.parseLong(m.group(2)),
                    new java.math.BigDecimal(m.group(3).replace(",", "")).movePointRight(2).longValueExact() };
        }
        assertTrue(last != null, "the balances page lists months");
        return last;
    }

    @Test
    void fundsInCountTheAdministrationsCardFundingsAndNothingRefused() {
        long[] before = currentMonthFundsIn();
        // As the administration's funding pages record them (accounts.FundingService).
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> actors.runAs(
                new Actor("admin@accolade.test", "127.0.0.1"), () -> {
                    audit.record("FUND", "Accolade / accolade-engineering", "SUCCESS",
                            "card ****1111, $1,234.56, fund RF11-22223333-44");
                    audit.record("FUND", "Accolade / accolade-engineering", "DECLINED",
                            "CC_DECLINED, card ****0002, $900.00");
                }));
        long[] after = currentMonthFundsIn();
        assertEquals(before[0] + 1, after[0], "one funding more");
        assertEquals(before[1] + 123456, after[1], "its amount is in funds in; the declined one is not");
    }
}
