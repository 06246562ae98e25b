package dev.accolade.storefront.reports;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Flash;
import dev.accolade.common.Paging;
import dev.accolade.storefront.security.Role;

/** Reconciliation with RaaS: start a run for a period, list past runs, reopen one. */
@Path("/reconciliation")
@RolesAllowed({ Role.HR_NAME, Role.ADMIN_NAME })
@Produces(MediaType.TEXT_HTML)
public class ReconciliationResource {

    static final int ITEMS_PAGE = 100;
    /** A run reads every RaaS order of the period: keep it to a quarter at a time. */
    static final int MAX_DAYS = 92;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance runs(List<ReconciliationRun> runs, LocalDate from, LocalDate today,
                LocalDate firstDay);

        static native TemplateInstance run(ReconciliationRun run, List<ReconciliationItem> items, String kind, int page,
                boolean more);

        static native TemplateInstance missing(String title, String message);
    }

    private final Reconciliation reconciliation;
    private final Flash flash;
    private final Clock clock;

    ReconciliationResource(Reconciliation reconciliation, Flash flash, Clock clock) {
        this.reconciliation = reconciliation;
        this.flash = flash;
        this.clock = clock;
    }

    @GET
    public TemplateInstance runs() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<ReconciliationRun> runs = QuarkusTransaction.requiringNew().call(
                () -> ReconciliationRun.<ReconciliationRun>find("order by startedAt desc, id desc").page(0, 30).list());
        return Templates.runs(runs, today.minusDays(7), today, ReportFilter.FIRST_DAY);
    }

    @POST
    public Response start(@RestForm String from, @RestForm String to) {
        LocalDate f;
        LocalDate t;
        try {
            f = LocalDate.parse(from == null ? "" : from.trim());
            t = LocalDate.parse(to == null ? "" : to.trim());
        } catch (DateTimeParseException e) {
            flash.put("error", "Give the period as two dates like 2025-01-31.");
            return Response.seeOther(URI.create("/reconciliation")).build();
        }
        String problem = problem(f, t, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        if (problem != null) {
            flash.put("error", problem);
            return Response.seeOther(URI.create("/reconciliation")).build();
        }
        ReconciliationRun run = reconciliation.run(f, t, "MANUAL");
        if ("FAILED".equals(run.status)) {
            flash.put("error", "The reconciliation could not finish: " + run.error);
        } else {
            flash.put("message", "Reconciliation finished: " + run.matched + " matched, " + run.getDiscrepancies()
                    + " discrepancies.");
        }
        return Response.seeOther(URI.create("/reconciliation/" + run.id)).build();
    }

    /**
     * Why a period cannot be reconciled, or null. A period ends today at the latest: RaaS holds no
     * orders of days to come, and a run of them would be stored as if it had checked them.
     */
    static String problem(LocalDate from, LocalDate to, LocalDate today) {
        if (from.isAfter(to)) {
            return "The start date is after the end date.";
        }
        if (from.isBefore(ReportFilter.FIRST_DAY)) {
            return "Choose a start date from " + ReportFilter.FIRST_DAY + " on.";
        }
        if (to.isAfter(today)) {
            return "Choose an end date up to today (" + today + "): a reconciliation covers days that have begun.";
        }
        if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            return "A reconciliation covers at most " + MAX_DAYS + " days: choose a shorter period.";
        }
        return null;
    }

    @GET
    @Path("{id}")
    public Response run(@PathParam("id") String id, @QueryParam("kind") String kind, @QueryParam("page") String page) {
        Long runId;
        try {
            runId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            runId = null;
        }
        ReconciliationItem.Kind k = parse(kind);
        int p = Paging.pageNumber(page, ITEMS_PAGE + 1);
        Long rid = runId;
        ReconciliationRun run = rid == null ? null : QuarkusTransaction.requiringNew().call(() -> ReconciliationRun.findById(rid));
        if (run == null) {
            return Response.status(404).entity(Templates.missing("No such reconciliation",
                    "There is no reconciliation run " + id + ".")).build();
        }
        List<ReconciliationItem> items = QuarkusTransaction.requiringNew().call(() -> (k == null
                ? ReconciliationItem.<ReconciliationItem>find("runId = ?1 order by kind, id", rid)
                : ReconciliationItem.<ReconciliationItem>find("runId = ?1 and kind = ?2 order by id", rid, k))
                .page(p - 1, ITEMS_PAGE + 1).list());
        boolean more = items.size() > ITEMS_PAGE;
        return Response.ok(Templates.run(run, more ? items.subList(0, ITEMS_PAGE) : items, k == null ? "" : k.name(), p,
                more)).build();
    }

    private static ReconciliationItem.Kind parse(String s) {
        try {
            return s == null || s.isBlank() ? null : ReconciliationItem.Kind.valueOf(s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
