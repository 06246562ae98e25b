package dev.accolade.storefront.reports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasException;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.Role;

/**
 * Each department's RaaS balance (read from RaaS now), and money in and out month by month: rewards
 * out are the delivered orders; funds in are Accolade's own records of funding (audit rows whose
 * action is {@code FUND}, written by the administration's funding pages), because RaaS v1 has no
 * funding history.
 */
@Path("/reports/balances")
@RolesAllowed({ Role.HR_NAME, Role.ADMIN_NAME })
@Produces(MediaType.TEXT_HTML)
public class BalancesResource {

    /** The audit action of a card funding through the administration pages (accounts.FundingService). */
    static final String FUNDED_ACTION = "FUND";


    /** A department's account and balance (null when RaaS cannot tell). */
    public record Account(Department department, Long balance, long outLastYear) {
    }

    /** One month: funding events and the amounts they name, and rewards delivered. */
    public record Month(String label, int fundings, long fundsIn, long rewardsOut, long rewards) {
    }

    static final Pattern AMOUNT = Pattern.compile("\\$\\s?([0-9][0-9,]*(?:\\.[0-9]{1,2})?)");
    static final List<String> NOT_DONE = List.of("FAILED", "REFUSED", "UNKNOWN", "DECLINED", "DENIED", "ERROR");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance balances(List<Account> accounts, List<Month> months, LocalDate from, LocalDate to);
    }

    private final RaasClient raas;
    private final Reports reports;
    private final Clock clock;

    BalancesResource(RaasClient raas, Reports reports, Clock clock) {
        this.raas = raas;
        this.reports = reports;
        this.clock = clock;
    }

    @GET
    public TemplateInstance balances() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        ReportFilter year = ReportFilter.parse(null, null, null, today);
        Map<String, Reports.Row> outByDepartment = Reports.byKey(reports.report(Dimension.DEPARTMENT, year).rows());
        List<Account> accounts = new ArrayList<>();
        for (Department d : QuarkusTransaction.requiringNew().call(Department::listByName)) {
            Long balance;
            try {
                balance = raas.account(d.raasCustomer, d.raasAccountIdentifier).availableBalance();
            } catch (RaasException e) {
                balance = null;
            }
            Reports.Row out = outByDepartment.get(String.valueOf(d.id));
            accounts.add(new Account(d, balance, out == null ? 0 : out.spend()));
        }
        Map<String, long[]> in = fundsIn(year);
        List<Month> months = new ArrayList<>();
        for (Reports.Row r : reports.report(Dimension.MONTH, year).rows()) {
            long[] f = in.getOrDefault(r.key(), new long[2]);
            months.add(new Month(r.label(), (int) f[0], f[1], r.spend(), r.rewards()));
        }
        return Templates.balances(accounts, months, year.from(), year.to());
    }

    /** Funding events per month (key yyyy-MM): count and the sum of the dollar amounts their details name. */
    private static Map<String, long[]> fundsIn(ReportFilter period) {
        Map<String, long[]> byMonth = new LinkedHashMap<>();
        List<AuditEvent> rows = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "action = ?1 and occurredAt >= ?2 and occurredAt < ?3 order by id", FUNDED_ACTION, period.start(),
                period.end()));
        for (AuditEvent e : rows) {
            if (e.outcome != null && NOT_DONE.contains(e.outcome.toUpperCase(Locale.ROOT))) {
                continue;
            }
            String key = YearMonth.from(e.occurredAt.withOffsetSameInstant(ZoneOffset.UTC)).toString();
            long[] v = byMonth.computeIfAbsent(key, k -> new long[2]);
            v[0]++;
            v[1] += cents(e.detail);
        }
        return byMonth;
    }

    /** The first dollar amount in a text, in cents ({@code "$1,250.50"} is 125050); 0 when none. */
    static long cents(String text) {
        if (text == null) {
            return 0;
        }
        Matcher m = AMOUNT.matcher(text);
        return m.find() ? new BigDecimal(m.group(1).replace(",", "")).movePointRight(2).longValue() : 0;
    }
}
