package dev.accolade.storefront.send;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Flash;
import dev.accolade.common.FormErrors;
import dev.accolade.common.Formats;
import dev.accolade.raas.client.Catalog;
import dev.accolade.storefront.accounts.DepartmentBalance;
import dev.accolade.storefront.approvals.ApprovalRequest;
import dev.accolade.storefront.approvals.Approvals;
import dev.accolade.storefront.budgets.BudgetStatus;
import dev.accolade.storefront.budgets.Budgets;
import dev.accolade.storefront.budgets.SpendingPolicies;
import dev.accolade.storefront.budgets.Verdict;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.directory.Employee;
import dev.accolade.storefront.orders.NotCovered;
import dev.accolade.storefront.orders.OrderPlacement;
import dev.accolade.storefront.orders.OrderRequest;
import dev.accolade.storefront.orders.Requester;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.schedule.ScheduledResource;
import dev.accolade.storefront.schedule.ScheduledSend;
import dev.accolade.storefront.schedule.ScheduledSends;
import dev.accolade.storefront.schedule.SendTime;
import dev.accolade.storefront.security.CurrentUser;
import dev.accolade.storefront.security.DepartmentRef;
import dev.accolade.storefront.security.Role;

/**
 * Send a reward: the form, a review with the email's preview (POST, nothing stored), then the one POST
 * that places it. Every step carries the form's one-time token and the CSRF token.
 */
@Path("/send")
@RolesAllowed(Role.MANAGER_NAME)
@Produces(MediaType.TEXT_HTML)
public class SendResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Catalog.Brand brand, Catalog.Reward reward, SendForm form,
                List<Employee> colleagues, Department department, OptionalLong balance, List<String> fromChoices,
                List<BudgetStatus> budgets, List<String> zones);

        static native TemplateInstance review(OrderRequest request, SendForm typed, Department department,
                OptionalLong balance, Verdict verdict, boolean balanceShort, String later);

        static native TemplateInstance missing();
    }

    private final SendValidator validator;
    private final OrderPlacement orders;
    private final DepartmentBalance balances;
    private final CurrentUser me;
    private final Flash flash;
    private final FormErrors errors;
    private final SpendingPolicies policies;
    private final Budgets budgets;
    private final Approvals approvals;
    private final ScheduledSends scheduled;

    SendResource(SendValidator validator, OrderPlacement orders, DepartmentBalance balances, CurrentUser me, Flash flash,
            FormErrors errors, SpendingPolicies policies, Budgets budgets, Approvals approvals, ScheduledSends scheduled) {
        this.validator = validator;
        this.orders = orders;
        this.balances = balances;
        this.me = me;
        this.flash = flash;
        this.errors = errors;
        this.policies = policies;
        this.budgets = budgets;
        this.approvals = approvals;
        this.scheduled = scheduled;
    }

    @GET
    @Transactional
    public Response form(@QueryParam("sku") String sku) {
        if (sku == null || sku.isBlank()) {
            // No reward chosen (a bookmark, or the address a sign-in returned to): choose one first.
            return Response.seeOther(URI.create("/catalog")).build();
        }
        Optional<Catalog.Brand> brand = validator.brandOf(sku);
        if (brand.isEmpty()) {
            return missing();
        }
        brand.get().rewards().stream().filter(r -> r.sku().equals(sku) && !r.orderable()).findFirst()
                .ifPresent(r -> errors.add("sku", SendValidator.notOrderable(r)));
        SendForm form = SendForm.of(UUID.randomUUID().toString(), sku, null, null, null, null, null, null);
        return Response.ok(page(brand.get(), form)).build();
    }

    /**
     * The review: the email as the recipient will see it, and the one button that sends it. A POST,
     * because the fields are too long for an address (five texts of 255 characters are up to 11 KB
     * percent-encoded, over the 4 KB request line) and are personal: they do not belong in browser
     * history or access logs. Nothing is stored; invalid input shows the form again with its errors.
     */
    @POST
    @Path("review")
    @Transactional
    public Response review(@BeanParam SendForm form) {
        Optional<Response> sent = alreadySent(form);
        if (sent.isPresent()) {
            return sent.get();
        }
        Optional<Catalog.Brand> brand = validator.brandOf(form.sku);
        if (brand.isEmpty()) {
            return missing();
        }
        Department department = department();
        Optional<OrderRequest> request = validator.validate(form, department.id, me.getDisplayName());
        if (request.isEmpty()) {
            return Response.ok(page(brand.get(), form)).build();
        }
        Optional<SendTime> later = later(form);
        if (later.isEmpty() && !errors.isEmpty()) {
            return Response.ok(page(brand.get(), form)).build();
        }
        Verdict verdict = verdict(request.get(), department.id, department.name, true);
        if (later.isPresent() && verdict.needsApproval()) {
            errors.add("sendDate", NEEDS_APPROVAL);
        }
        if (!verdict.errors().isEmpty() || !errors.isEmpty()) {
            verdict.errors().forEach(errors::add);
            return Response.ok(page(brand.get(), form)).build();
        }
        OptionalLong balance = balances.of(department);
        // A scheduled send is charged to the RaaS account only when it goes: the balance then decides.
        boolean balanceShort = later.isEmpty() && balance.isPresent() && balance.getAsLong() < request.get().amount();
        return Response.ok(Templates.review(request.get(), form, department, balance, verdict, balanceShort,
                later.map(t -> SendTime.display(t.instant(), t.zone().getId())).orElse(null))).build();
    }

    /**
     * A review's address opened with GET (reloaded from the address bar, or returned to after signing
     * in again): the fields are gone, so start from the reward's form, or the catalog.
     */
    @GET
    @Path("review")
    public Response reviewAgain(@QueryParam("sku") String sku) {
        return Response.seeOther(URI.create(validator.brandOf(sku).isPresent()
                ? "/send?sku=" + Formats.urlEncoded(sku) : "/catalog")).build();
    }

    /** "Edit" on the review: the form again, filled in with what was typed and the same one-time token. */
    @POST
    @Path("edit")
    @Transactional
    public Response edit(@BeanParam SendForm form) {
        Optional<Response> sent = alreadySent(form);
        if (sent.isPresent()) {
            return sent.get();
        }
        Optional<Catalog.Brand> brand = validator.brandOf(form.sku);
        if (brand.isEmpty()) {
            return missing();
        }
        if (!SendForm.isToken(form.token)) {
            form.token = UUID.randomUUID().toString();
        }
        return Response.ok(page(brand.get(), form)).build();
    }

    @POST
    public Response send(@BeanParam SendForm form) {
        DepartmentRef department = me.getDepartment();
        if (department == null) {
            throw new jakarta.ws.rs.NotFoundException("no department");
        }
        // Reads only (catalog snapshot, the department's directory): no transaction needed.
        Optional<OrderRequest> request = validator.validate(form, department.id(), me.getDisplayName());
        if (request.isEmpty()) {
            // Only a changed catalog or a hand-made request gets here (the review checked the form).
            // The form is shown again with its errors rather than redirected: the entered values can
            // be larger than a flash cookie may be (4 KB).
            Optional<Catalog.Brand> brand = validator.brandOf(form.sku);
            if (brand.isEmpty()) {
                return missing();
            }
            errors.add("form", "The reward was not sent: please check the highlighted fields.");
            return Response.ok(QuarkusTransaction.requiringNew().call(() -> page(brand.get(), form))).build();
        }
        Requester requester = new Requester(me.getUserId(), me.getEmail(), department);
        Optional<String> refused = Optional.empty();
        Optional<SendTime> later = later(form);
        if (later.isEmpty() && !errors.isEmpty()) {
            refused = Optional.of("The reward was not scheduled: please check the highlighted fields.");
        }
        Verdict verdict = QuarkusTransaction.requiringNew().call(() -> verdict(request.get(), department.id(),
                department.name(), false));
        if (refused.isPresent()) {
            // the send-later fields are wrong: say so before anything else
        } else if (!verdict.errors().isEmpty()) {
            verdict.errors().forEach(errors::add);
            refused = Optional.of("The reward was not sent: please check the highlighted fields.");
        } else if (verdict.notCovered().isPresent()) {
            refused = verdict.notCovered();
        } else if (later.isPresent()) {
            if (verdict.needsApproval()) {
                errors.add("sendDate", NEEDS_APPROVAL);
                refused = Optional.of("The reward was not scheduled: " + NEEDS_APPROVAL);
            } else {
                try {
                    ScheduledSend s = scheduled.schedule(request.get(), requester, later.get());
                    flash.put("message", "Scheduled: it goes on " + s.when() + ". The amount is reserved in the budget "
                            + "until then; you can change or cancel it here until it goes.");
                    return Response.seeOther(URI.create("/scheduled/" + s.id)).build();
                } catch (NotCovered e) {
                    refused = Optional.of("The reward was not scheduled: " + e.getMessage());
                }
            }
        } else if (verdict.needsApproval() || approvals.isRequest(form.token)) {
            try {
                ApprovalRequest asked = approvals.request(request.get(), requester, verdict.approvalReasons(),
                        verdict.approvalReasons().stream().anyMatch(r -> r.contains("allowance")));
                flash.put("message", "Waiting for approval: an approver of " + department.name() + " decides. The amount "
                        + "is reserved in the budget meanwhile.");
                return Response.seeOther(URI.create("/approvals/" + asked.id)).build();
            } catch (NotCovered e) {
                refused = Optional.of(e.getMessage());
            }
        }
        OrderPlacement.Placed sent = null;
        if (refused.isEmpty()) {
            try {
                sent = orders.place(request.get(), requester);
            } catch (NotCovered e) {
                refused = Optional.of("The reward was not sent: " + e.getMessage());
            }
        }
        if (refused.isPresent()) {
            Optional<Catalog.Brand> brand = validator.brandOf(form.sku);
            if (brand.isEmpty()) {
                return missing();
            }
            errors.add("form", refused.get());
            return Response.ok(QuarkusTransaction.requiringNew().call(() -> page(brand.get(), form))).build();
        }
        RewardOrder order = sent.order();
        if (order.departmentId != department.id()) {
            return Response.status(404).build();
        }
        flash.put(order.status == RewardOrder.Status.FAILED ? "error" : "message", summary(order, sent.replay()));
        return Response.seeOther(URI.create("/rewards/" + order.id)).build();
    }

    /**
     * A review or edit of a form whose reward was already sent (the browser went back to the review and
     * reloaded it, resending its POST): the form's one-time token names that order, so go to it and say
     * so instead of offering to send what has been sent.
     */
    private Optional<Response> alreadySent(SendForm form) {
        DepartmentRef department = me.getDepartment();
        if (department == null || !SendForm.isToken(form.token)) {
            return Optional.empty();
        }
        Optional<ScheduledSend> waiting = scheduled.ofToken(form.token).filter(s -> s.departmentId == department.id());
        if (waiting.isPresent()) {
            flash.put("message", "This form was already scheduled once, so nothing was scheduled again.");
            return Optional.of(Response.seeOther(URI.create("/scheduled/" + waiting.get().id)).build());
        }
        return RewardOrder.findByToken(form.token).filter(o -> o.departmentId == department.id()).map(order -> {
            flash.put(order.status == RewardOrder.Status.FAILED ? "error" : "message", summary(order, true));
            return Response.seeOther(URI.create("/rewards/" + order.id)).build();
        });
    }

    static String summary(RewardOrder order, boolean replay) {
        String prefix = replay ? "This form was already sent once, so nothing was sent again. " : "";
        return prefix + switch (order.status) {
            case DELIVERED -> "Your reward is on its way to " + order.recipientName + ".";
            case FAILED -> "The reward was not sent: " + order.failureReason;
            case UNKNOWN -> "RaaS did not confirm the order in time. Accolade is checking with RaaS and will update "
                    + "this page; nothing will be sent twice.";
            case PENDING -> "The reward is being sent.";
            case HELD -> "Waiting for RaaS, will retry: RaaS could not be reached, so nothing was sent yet. "
                    + "Accolade sends it as soon as RaaS is back.";
        };
    }

    private TemplateInstance page(Catalog.Brand brand, SendForm form) {
        Catalog.Reward reward = brand.rewards().stream().filter(r -> r.sku().equals(form.sku)).findFirst().orElseThrow();
        if (form.from == null || form.from.isBlank()) {
            form.from = me.getDisplayName();
        }
        Department department = department();
        List<Employee> colleagues = Employee.searchInDepartment(department.id, "", ColleaguesResource.SUGGESTIONS);
        List<String> fromChoices = policies.of(department.id).fromChoices(me.getDisplayName(), department.name);
        return Templates.form(brand, reward, form, colleagues, department, balances.of(department), fromChoices,
                budgets.forManager(department.id, me.getUserId()), ScheduledResource.ZONES);
    }

    static final String NEEDS_APPROVAL = "This reward needs approval, which cannot be combined with sending later: "
            + "leave the day empty to ask for approval now.";

    /** The form's send-later time; empty when none was entered, or when it is wrong (its error is added). */
    private Optional<SendTime> later(SendForm form) {
        if (!SendTime.entered(form.sendDate, form.sendTime)) {
            return Optional.empty();
        }
        SendTime.Parsed parsed = scheduled.parse(form.sendDate, form.sendTime, form.sendZone);
        parsed.problem().ifPresent(p -> errors.add(parsed.field().get(), p));
        return parsed.time();
    }

    /** The department's policy and budget on the request; {@code forReview}: with the recent rewards to warn of. */
    private Verdict verdict(OrderRequest request, long departmentId, String departmentName, boolean forReview) {
        return policies.check(request, departmentId, departmentName, me.getUserId(), me.getDisplayName(), forReview);
    }

    private static Response missing() {
        return Response.status(Response.Status.NOT_FOUND).entity(Templates.missing()).build();
    }

    private Department department() {
        Long id = me.getDepartmentId();
        Department d = id == null ? null : Department.findById(id);
        if (d == null) {
            throw new jakarta.ws.rs.NotFoundException("no department");
        }
        return d;
    }

}
