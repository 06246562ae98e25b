package dev.accolade.storefront.reports;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Csv;
import dev.accolade.common.Flash;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.errors.ErrorPages;
import dev.accolade.storefront.security.Role;

/** The audit viewer: filter, page, export, and verify the hash chain. */
@Path("/audit")
@RolesAllowed({ Role.HR_NAME, Role.ADMIN_NAME })
@Produces(MediaType.TEXT_HTML)
public class AuditResource {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance viewer(AuditQuery query, List<AuditEvent> events, Long before, Long older,
                long total);
    }

    private final AuditTrail audit;
    private final Flash flash;

    AuditResource(AuditTrail audit, Flash flash) {
        this.audit = audit;
        this.flash = flash;
    }

    /** Newest first, {@value #PAGE_SIZE} a page; {@code before} pages to older rows (row ids below it). */
    @GET
    public TemplateInstance viewer(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("outcome") String outcome, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("before") String before, @QueryParam("target") String target) {
        AuditQuery q = AuditQuery.parse(actor, action, outcome, from, to, target);
        Long below = parseId(before);
        return QuarkusTransaction.requiringNew().call(() -> {
            Parameters p = new Parameters();
            String where = q.where(p);
            long total = AuditEvent.count(where, p);
            if (below != null) {
                p.and("below", below);
            }
            List<AuditEvent> events = AuditEvent.find(where + (below == null ? "" : " and id < :below") + " order by id desc", p)
                    .page(0, PAGE_SIZE + 1).list();
            Long older = null;
            if (events.size() > PAGE_SIZE) {
                events = events.subList(0, PAGE_SIZE);
                older = events.get(PAGE_SIZE - 1).id;
            }
            return Templates.viewer(q, events, below, older, total);
        });
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("outcome") String outcome, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("target") String target) {
        AuditQuery q = AuditQuery.parse(actor, action, outcome, from, to, target);
        if (!q.problems().isEmpty()) {
            // A download cannot show why rows are missing: a filter it cannot apply is refused, never
            // answered with the rows of another filter or with a header alone.
            return ErrorPages.page(400, "The rows were not exported", String.join(" ", q.problems()).replace(
                    " and was ignored.", ".") + " Correct the filter on the audit page and download again.");
        }
        String[] header = { "Row", "When (UTC)", "Actor", "Action", "Target", "Outcome", "Detail", "From", "Previous hash",
                "Hash" };
        return Csv.download("audit.csv", header, out -> QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
            Parameters p = new Parameters();
            String where = q.where(p);
            // Newest first, as the audit page shows them: pages of 1000 rows below the last one written.
            long last = Long.MAX_VALUE;
            while (true) {
                p.and("below", last);
                List<AuditEvent> rows = AuditEvent.find(where + " and id < :below order by id desc", p).page(0, 1000)
                        .list();
                for (AuditEvent e : rows) {
                    try {
                        out.printRecord(e.id, Csv.time(e.occurredAt), Csv.text(e.actor), Csv.text(e.action),
                                Csv.text(e.target), Csv.text(e.outcome), Csv.text(e.detail), Csv.text(e.ip), e.prevHash,
                                e.hash);
                    } catch (java.io.IOException io) {
                        throw new IllegalStateException("CSV export stopped: " + io.getMessage(), io);
                    }
                    last = e.id;
                }
                AuditEvent.getEntityManager().clear();
                if (rows.size() < 1000) {
                    return;
                }
            }
        }));
    }

    /** Recomputes the whole chain, records that it was checked, and shows the verdict. */
    @POST
    @Path("verify")
    public Response verify() {
        AuditTrail.Verification v = audit.verify();
        if (v.intact()) {
            audit.recordAlone("audit.verify", "audit trail", "INTACT", v.rowsChecked() + " rows checked");
            flash.put("message", "The audit trail is intact: " + v.rowsChecked() + " rows checked, every hash matches.");
            return Response.seeOther(URI.create("/audit")).build();
        }
        long bad = v.firstBadRow().orElseThrow();
        audit.recordAlone("audit.verify", "audit trail", "BROKEN", "first bad row " + bad + ": " + v.problem());
        flash.put("error", "The audit trail has been tampered with. First bad row: " + bad + ". " + capital(v.problem()) + ".");
        return Response.seeOther(URI.create("/audit?before=" + (bad + 1))).build();
    }

    private static String capital(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Long parseId(String s) {
        try {
            return s == null || s.isBlank() ? null : Math.max(0, Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
