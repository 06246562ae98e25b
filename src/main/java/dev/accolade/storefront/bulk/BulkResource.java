package dev.accolade.storefront.bulk;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Csv;
import dev.accolade.common.Flash;
import dev.accolade.common.Forms;
import dev.accolade.storefront.accounts.DepartmentBalance;
import dev.accolade.storefront.budgets.Approvers;
import dev.accolade.storefront.budgets.BudgetStatus;
import dev.accolade.storefront.budgets.Budgets;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.CurrentUser;
import dev.accolade.storefront.security.Role;

/**
 * Bulk sends at {@code /bulk}: upload a file, read its dry run, confirm, then follow the batch's
 * progress (the page updates itself with htmx while it runs), pause, resume or cancel it, and download
 * every row's result. Managers send for their own department; HR and administrators for any. A batch
 * is seen by whoever started it, by HR and administrators, and by the approvers of its department.
 */
@Path("/bulk")
@RolesAllowed({ Role.MANAGER_NAME, Role.HR_NAME, Role.ADMIN_NAME })
@Produces(MediaType.TEXT_HTML)
public class BulkResource {

    static final int PAGE = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<BulkBatch> batches, List<BulkBatch> waiting, List<Department> departments,
                Long departmentId, int maxRows);

        static native TemplateInstance batch(BulkBatch batch, Department department, Progress progress,
                List<BulkRow> rows, String filter, int page, int pages, int shown, List<BulkRows.SkuTotal> skus,
                List<BudgetStatus> budgets, OptionalLong balance, List<String> approvalReasons, String notCovered,
                boolean balanceShort, boolean mayDecide, boolean mayControl);

        static native TemplateInstance notFound();
    }

    private final BulkCheck check;
    private final Batches batches;
    private final BulkRows rows;
    private final Budgets budgets;
    private final DepartmentBalance balances;
    private final Approvers approvers;
    private final CurrentUser me;
    private final Flash flash;

    BulkResource(BulkCheck check, Batches batches, BulkRows rows, Budgets budgets, DepartmentBalance balances,
            Approvers approvers, CurrentUser me, Flash flash) {
        this.check = check;
        this.batches = batches;
        this.rows = rows;
        this.budgets = budgets;
        this.balances = balances;
        this.approvers = approvers;
        this.me = me;
        this.flash = flash;
    }

    @GET
    @Transactional
    public TemplateInstance index() {
        List<BulkBatch> mine = me.isManager() ? BulkBatch.recent(null, me.getUserId(), 50)
                : BulkBatch.recent(null, null, 50);
        List<Long> approving = approvers.departmentsOf(me);
        List<BulkBatch> waiting = (me.isManager() || me.isHr())
                ? BulkBatch.<BulkBatch> list("state = ?1 order by createdAt", BulkBatch.State.AWAITING_APPROVAL).stream()
                        .filter(b -> (approving == null || approving.contains(b.departmentId))
                                && !b.requesterId.equals(me.getUserId()))
                        .toList()
                : List.of();
        List<Department> departments = me.isManager() ? List.of() : Department.listByName();
        return Templates.index(mine, waiting, departments, me.getDepartmentId(), BulkSheet.MAX_ROWS);
    }

    @GET
    @Path("template.csv")
    @Produces("text/csv")
    public Response template() {
        return Response.ok(BulkSheet.templateCsv(), "text/csv; charset=utf-8; header=present")
                .header("Content-Disposition", "attachment; filename=\"accolade-bulk-template.csv\"").build();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm("department") String department) {
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            flash.put("error", "Choose a CSV or Excel (.xlsx) file to upload.");
            return Forms.seeOther("/bulk");
        }
        Optional<Long> departmentId = departmentFor(department);
        if (departmentId.isEmpty()) {
            flash.put("error", me.isManager() ? "You have no department to send for."
                    : "Choose the department whose budget and account pay for the batch.");
            return Forms.seeOther("/bulk");
        }
        try {
            BulkBatch b = check.check(file.uploadedFile(), file.fileName(), new BulkCheck.Uploader(me.getUserId(),
                    me.getEmail(), me.getDisplayName(), departmentId.get()));
            // The sender's earlier checked files are replaced by this one.
            QuarkusTransaction.requiringNew().run(() -> BulkBatch.<BulkBatch> list("requesterId = ?1 and state = ?2"
                    + " and id <> ?3", me.getUserId(), BulkBatch.State.CHECKED, b.id).forEach(old -> rows.deleteChecked(old.id)));
            return Forms.seeOther("/bulk/" + b.id);
        } catch (BulkSheet.Unreadable e) {
            flash.put("error", e.getMessage());
            return Forms.seeOther("/bulk");
        }
    }

    @GET
    @Path("{id}")
    @Transactional
    public Response batch(@PathParam("id") long id, @QueryParam("filter") String filter, @QueryParam("page") Integer page) {
        BulkBatch b = visible(id);
        Department department = Department.findById(b.departmentId);
        String shownFilter = filter == null || filter.isBlank() ? (b.state == BulkBatch.State.CHECKED ? "problems" : "")
                : filter;
        int shown = (int) rows.count(id, shownFilter);
        int pages = (int) Math.max(1, (shown + PAGE - 1) / PAGE);
        int current = page == null || page < 1 ? 1 : Math.min(page, pages);
        List<BulkRow> list = rows.page(id, shownFilter, (current - 1) * PAGE, PAGE);
        boolean checked = b.state == BulkBatch.State.CHECKED;
        OptionalLong balance = checked ? balances.of(department) : OptionalLong.empty();
        return Response.ok(Templates.batch(b, department, batches.progress(b), list, shownFilter, current, pages, shown,
                checked ? rows.skuTotals(id) : List.of(), budgets.forManager(b.departmentId, b.requesterId), balance,
                checked ? batches.approvalReasons(b) : b.reasonList(), checked ? batches.notCovered(b).orElse(null) : null,
                checked && balance.isPresent() && balance.getAsLong() < b.totalAmount,
                b.state == BulkBatch.State.AWAITING_APPROVAL && !b.requesterId.equals(me.getUserId())
                        && approvers.mayApprove(me, b.departmentId),
                mayControl(b))).build();
    }

    @GET
    @Path("{id}/results.csv")
    @Produces("text/csv")
    public Response results(@PathParam("id") long id) {
        BulkBatch b = QuarkusTransaction.requiringNew().call(() -> visible(id));
        return Csv.download("batch-" + id + "-results.csv", new String[] { "row", "email", "name", "sku", "reward",
                "amount", "status", "raas_order_id", "order", "error", "warning" }, out -> rows.each(id, r -> {
                    try {
                        out.printRecord(r.rowNo(), Csv.text(r.email()), Csv.text(r.name()), Csv.text(r.sku()),
                                Csv.text(r.description()), r.amount() > 0 ? Csv.money(r.amount()) : "", r.label(),
                                Csv.text(r.raasOrderId()), r.orderId() == null ? "" : r.orderId(),
                                Csv.text(r.problem() != null ? r.problem()
                                        : "FAILED".equals(r.orderStatus()) ? r.failureReason() : null),
                                Csv.text(r.warning()));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
    }

    @POST
    @Path("{id}/confirm")
    public Response confirm(@PathParam("id") long id) {
        BulkBatch b = QuarkusTransaction.requiringNew().call(() -> visible(id));
        if (!b.requesterId.equals(me.getUserId())) {
            throw new NotFoundException();
        }
        if (me.isManager() && !b.departmentId.equals(me.getDepartmentId())) {
            flash.put("error", "You no longer send for this file's department: upload it again.");
            return Forms.seeOther("/bulk/" + id);
        }
        Batches.Outcome outcome = batches.confirm(id);
        flash.put(outcome.done() ? "message" : "error", outcome.message());
        return Forms.seeOther("/bulk/" + id + (outcome.done() ? "" : "?filter=problems"));
    }

    @POST
    @Path("{id}/discard")
    public Response discard(@PathParam("id") long id) {
        BulkBatch b = QuarkusTransaction.requiringNew().call(() -> visible(id));
        if (!b.requesterId.equals(me.getUserId()) || b.state != BulkBatch.State.CHECKED) {
            flash.put("error", "Only a file that was checked and not sent can be discarded.");
            return Forms.seeOther("/bulk/" + id);
        }
        if (!batches.discard(id)) {
            flash.put("error", "This file was confirmed meanwhile, so it was not discarded.");
            return Forms.seeOther("/bulk/" + id);
        }
        flash.put("message", "Discarded; nothing was sent.");
        return Forms.seeOther("/bulk");
    }

    @POST
    @Path("{id}/pause")
    public Response pause(@PathParam("id") long id) {
        return control(id, batches::pause);
    }

    @POST
    @Path("{id}/resume")
    public Response resume(@PathParam("id") long id) {
        return control(id, batches::resume);
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@PathParam("id") long id) {
        return control(id, batches::cancel);
    }

    @POST
    @Path("{id}/approve")
    public Response approve(@PathParam("id") long id) {
        QuarkusTransaction.requiringNew().call(() -> visible(id));
        Batches.Outcome outcome = batches.approve(id, me);
        flash.put(outcome.done() ? "message" : "error", outcome.message());
        return Forms.seeOther("/bulk/" + id);
    }

    @POST
    @Path("{id}/reject")
    public Response reject(@PathParam("id") long id, @RestForm String note) {
        QuarkusTransaction.requiringNew().call(() -> visible(id));
        String why = note == null || note.isBlank() ? null : note.strip();
        if (why != null && why.length() > 500) {
            flash.put("error", "The note can have at most 500 characters.");
            return Forms.seeOther("/bulk/" + id);
        }
        Batches.Outcome outcome = batches.reject(id, me, why);
        flash.put(outcome.done() ? "message" : "error", outcome.message());
        return Forms.seeOther("/bulk/" + id);
    }

    private Response control(long id, java.util.function.BiFunction<Long, CurrentUser, Batches.Outcome> change) {
        BulkBatch b = QuarkusTransaction.requiringNew().call(() -> visible(id));
        if (!mayControl(b)) {
            throw new NotFoundException();
        }
        Batches.Outcome outcome = change.apply(id, me);
        flash.put(outcome.done() ? "message" : "error", outcome.message());
        return Forms.seeOther("/bulk/" + id);
    }

    /** Who started it, HR and administrators may pause, resume and cancel a batch. */
    private boolean mayControl(BulkBatch b) {
        return b.requesterId.equals(me.getUserId()) || me.isHr() || me.isAdmin();
    }

    /** The batch, if this user may see it; else 404 (the same for one that does not exist). */
    private BulkBatch visible(long id) {
        BulkBatch b = BulkBatch.findById(id);
        if (b == null || !(b.requesterId.equals(me.getUserId()) || me.isHr() || me.isAdmin()
                || (b.state != BulkBatch.State.CHECKED && approvers.mayApprove(me, b.departmentId)))) {
            throw new NotFoundException("no batch " + id);
        }
        return b;
    }

    /** The department a batch is for: a manager's own; the one HR or an administrator chose. */
    private Optional<Long> departmentFor(String chosen) {
        if (me.isManager()) {
            return Optional.ofNullable(me.getDepartmentId());
        }
        try {
            long id = Long.parseLong(chosen == null ? "" : chosen.trim());
            return QuarkusTransaction.requiringNew().call(() -> Department.findByIdOptional(id).map(d -> id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    Response notFound(NotFoundException e) {
        return Response.status(404).entity(Templates.notFound()).build();
    }
}
