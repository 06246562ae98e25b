package dev.accolade.storefront.occasions;

import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import dev.accolade.common.Formats;
import dev.accolade.common.FormErrors;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.schedule.ScheduledResource;
import dev.accolade.storefront.security.CurrentUser;
import dev.accolade.storefront.security.Role;

/**
 * {@code /programs} (HR and administrators): the occasion programs with this month's occasions, a
 * report per program and month (sent, skipped, late), and a page per program to change it, with a
 * preview of its messages for a sample employee. A form with a problem is shown again with the
 * entered values and a message on each field.
 */
@Path("/programs")
@RolesAllowed({ Role.HR_NAME, Role.ADMIN_NAME })
@Produces(MediaType.TEXT_HTML)
public class ProgramsResource {

    /** A program on the list, with its occasions of this month. */
    public record Line(OccasionProgram program, int rewards, OccasionOutcomes.Counts month) {
    }

    /** A report line: one program's occasions of one month. */
    public record ReportLine(String program, String month, OccasionOutcomes.Counts counts) {
    }

    /** A reward row as the form shows it, with its fields' errors. */
    public record RowView(int index, Programs.Row row, String yearsError, String skuError, String amountError,
            String messageError) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Line> lines, List<ReportLine> report, List<OccasionProgram.Kind> missing,
                String month);

        static native TemplateInstance form(Long id, Programs.Entered form, OccasionProgram.Kind kind, List<RowView> rows,
                List<RewardChoice.Option> rewards, List<String> zones, List<Programs.Preview> previews,
                String problem);

        static native TemplateInstance notFound();
    }

    private final Programs programs;
    private final OccasionOutcomes outcomes;
    private final CatalogCache catalog;
    private final CurrentUser me;
    private final Flash flash;
    private final FormErrors errors;
    private final Clock clock;

    private final OccasionPreparer preparer;

    ProgramsResource(Programs programs, OccasionOutcomes outcomes, CatalogCache catalog, CurrentUser me, Flash flash,
            FormErrors errors, Clock clock, OccasionPreparer preparer) {
        this.preparer = preparer;
        this.programs = programs;
        this.outcomes = outcomes;
        this.catalog = catalog;
        this.me = me;
        this.flash = flash;
        this.errors = errors;
        this.clock = clock;
    }

    @GET
    public TemplateInstance list() {
        YearMonth now = YearMonth.now(clock);
        List<OccasionOutcomes.Counts> counts = outcomes.counts(now.minusMonths(11).atDay(1));
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OccasionProgram> all = OccasionProgram.listByKind();
            Map<Long, String> names = new HashMap<>();
            all.forEach(p -> names.put(p.id, p.name));
            List<Line> lines = all.stream().map(p -> new Line(p, (int) OccasionReward.count("programId", p.id),
                    counts.stream().filter(c -> c.programId() == p.id && c.month().equals(now)).findFirst()
                            .orElse(new OccasionOutcomes.Counts(p.id, now, Map.of())))).toList();
            List<ReportLine> report = counts.stream()
                    .map(c -> new ReportLine(names.getOrDefault(c.programId(), "program " + c.programId()),
                            c.month().format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.ENGLISH)), c))
                    .toList();
            List<OccasionProgram.Kind> missing = new ArrayList<>(List.of(OccasionProgram.Kind.values()));
            all.forEach(p -> missing.remove(p.kind));
            return Templates.list(lines, report, missing, now.format(java.time.format.DateTimeFormatter.ofPattern(
                    "MMMM yyyy", java.util.Locale.ENGLISH)));
        });
    }

    /**
     * Runs the occasions job now instead of at its next hour, as HR does after changing a program or the
     * directory: the drafts it prepares, and those it could not, are said on the page.
     */
    @POST
    @Path("prepare")
    public Response prepareNow() {
        long began = System.nanoTime();
        OccasionPreparer.Run run = preparer.prepare();
        double seconds = (System.nanoTime() - began) / 1e9;
        flash.put("message", "Prepared now: " + Formats.counted(run.drafts(), "new draft")
                + (run.notPrepared() == 0 ? "" : ", " + run.notPrepared() + " not prepared (the upcoming list says why)")
                + String.format(java.util.Locale.ROOT, " in %.1f s.", seconds));
        return Response.seeOther(URI.create("/programs")).build();
    }

    @GET
    @Path("new")
    public Response create(@QueryParam("kind") String kind) {
        Optional<OccasionProgram.Kind> k = Programs.kindOf(kind);
        if (k.isEmpty()) {
            return Response.seeOther(URI.create("/programs")).build();
        }
        Optional<OccasionProgram> existing = QuarkusTransaction.requiringNew().call(() -> OccasionProgram.ofKind(k.get()));
        if (existing.isPresent()) {
            return Response.seeOther(URI.create("/programs/" + existing.get().id)).build();
        }
        return Response.ok(form(null, Programs.blank(k.get()), List.of(), null)).build();
    }

    @POST
    @Path("new")
    public Response createPost(@RestForm String kind, @RestForm String name, @RestForm String enabled,
            @RestForm String daysAhead, @RestForm String sendTime, @RestForm String defaultZone, @RestForm String maxAmount,
            @RestForm List<String> rowYears, @RestForm List<String> rowSku, @RestForm List<String> rowAmount,
            @RestForm List<String> rowMessage, @RestForm String action) {
        Programs.Entered e = entered(kind, name, enabled, daysAhead, sendTime, defaultZone, maxAmount, rowYears, rowSku,
                rowAmount, rowMessage);
        return submit(null, e, action);
    }

    @GET
    @Path("{id}")
    public Response edit(@PathParam("id") String id) {
        Optional<OccasionProgram> p = find(id);
        if (p.isEmpty()) {
            return Response.status(404).entity(Templates.notFound()).build();
        }
        List<OccasionReward> rewards = QuarkusTransaction.requiringNew().call(() -> OccasionReward.of(p.get().id));
        return Response.ok(form(p.get().id, Programs.entered(p.get(), rewards, p.get().kind.tiered() ? 2 : 0),
                List.of(), null)).build();
    }

    @POST
    @Path("{id}")
    public Response editPost(@PathParam("id") String id, @RestForm String name, @RestForm String enabled,
            @RestForm String daysAhead, @RestForm String sendTime, @RestForm String defaultZone, @RestForm String maxAmount,
            @RestForm List<String> rowYears, @RestForm List<String> rowSku, @RestForm List<String> rowAmount,
            @RestForm List<String> rowMessage, @RestForm String action) {
        Optional<OccasionProgram> p = find(id);
        if (p.isEmpty()) {
            return Response.status(404).entity(Templates.notFound()).build();
        }
        Programs.Entered e = entered(p.get().kind.name(), name, enabled, daysAhead, sendTime, defaultZone, maxAmount,
                rowYears, rowSku, rowAmount, rowMessage);
        return submit(p.get().id, e, action);
    }

    private Response submit(Long id, Programs.Entered e, String action) {
        if ("preview".equals(action)) {
            return Response.ok(form(id, e, programs.preview(e, me.getDisplayName()), null)).build();
        }
        Optional<OccasionProgram> saved = programs.save(id, e, me.getEmail(), errors);
        if (saved.isEmpty()) {
            return Response.status(400).entity(form(id, e, List.of(), "Nothing was saved: please check the highlighted fields."))
                    .build();
        }
        flash.put("message", "Saved \"" + saved.get().name + "\"." + (saved.get().enabled
                ? " Drafts are prepared " + saved.get().daysAhead + " days ahead from the next run of the job."
                : " It is disabled: no drafts are prepared."));
        return Response.seeOther(URI.create("/programs")).build();
    }

    private TemplateInstance form(Long id, Programs.Entered e, List<Programs.Preview> previews, String problem) {
        OccasionProgram.Kind kind = Programs.kindOf(e.kind()).orElse(OccasionProgram.Kind.BIRTHDAY);
        List<RowView> rows = new ArrayList<>();
        for (int i = 0; i < e.rows().size(); i++) {
            String f = "rows[" + i + "].";
            rows.add(new RowView(i, e.rows().get(i), errors.get(f + "years"), errors.get(f + "sku"),
                    errors.get(f + "amount"), errors.get(f + "message")));
        }
        return Templates.form(id, e, kind, rows, RewardChoice.options(catalog), ScheduledResource.ZONES, previews, problem);
    }

    private static Programs.Entered entered(String kind, String name, String enabled, String daysAhead, String sendTime,
            String defaultZone, String maxAmount, List<String> years, List<String> skus, List<String> amounts,
            List<String> messages) {
        int n = Math.max(Math.max(size(years), size(skus)), Math.max(size(amounts), size(messages)));
        n = Math.min(n, 40); // a form never has more rows; more is not a person typing
        List<Programs.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Programs.Row(at(years, i), at(skus, i), at(amounts, i), at(messages, i)));
        }
        return new Programs.Entered(kind, name, enabled != null, daysAhead, sendTime, defaultZone, maxAmount, rows);
    }

    private static int size(List<String> l) {
        return l == null ? 0 : l.size();
    }

    private static String at(List<String> l, int i) {
        return l == null || i >= l.size() ? "" : l.get(i);
    }

    private static Optional<OccasionProgram> find(String id) {
        try {
            long n = Long.parseLong(id);
            return QuarkusTransaction.requiringNew().call(() -> OccasionProgram.<OccasionProgram> findByIdOptional(n));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
