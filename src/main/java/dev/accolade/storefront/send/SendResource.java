package dev.accolade.storefront.send;

import java.net.URI;
import java.util.List;
import java.util.Map;
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

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.ClientAddress;
import dev.accolade.common.Flash;
import dev.accolade.common.Formats;
import dev.accolade.raas.client.Catalog;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.directory.DepartmentBalance;
import dev.accolade.storefront.directory.DepartmentRef;
import dev.accolade.storefront.directory.Employee;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.security.Csrf;
import dev.accolade.storefront.security.CurrentUser;
import dev.accolade.storefront.security.Role;

/** Send a reward: the form, a review with the email's preview, then the one POST that places it. */
@Path("/send")
@RolesAllowed(Role.MANAGER_NAME)
@Produces(MediaType.TEXT_HTML)
public class SendResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Catalog.Brand brand, Catalog.Reward reward, SendForm form,
                Map<String, String> errors, List<Employee> colleagues, Department department, OptionalLong balance);

        static native TemplateInstance review(SendRequest request, Department department, OptionalLong balance);

        static native TemplateInstance missing();

        static native TemplateInstance colleagues(List<Employee> colleagues);
    }

    /** Colleagues offered in the recipient list: the first ones without a search, the matches with one. */
    static final int SUGGESTIONS = 25;

    private final SendValidator validator;
    private final SendService sender;
    private final DepartmentBalance balances;
    private final CurrentUser me;
    private final Csrf csrf;
    private final Flash flash;
    private final ClientAddress address;

    SendResource(SendValidator validator, SendService sender, DepartmentBalance balances, CurrentUser me, Csrf csrf,
            Flash flash, ClientAddress address) {
        this.validator = validator;
        this.sender = sender;
        this.balances = balances;
        this.me = me;
        this.csrf = csrf;
        this.flash = flash;
        this.address = address;
    }

    @GET
    @Transactional
    public TemplateInstance form(@QueryParam("sku") String sku) {
        Optional<Catalog.Brand> brand = validator.brandOf(sku);
        if (brand.isEmpty()) {
            return Templates.missing();
        }
        SendForm form = SendForm.of(keptOr("token", UUID.randomUUID().toString()), sku, flash.get("recipientName"),
                flash.get("recipientEmail"), flash.get("amount"), flash.get("subject"), flash.get("message"),
                keptOr("from", me.getDisplayName()));
        return page(brand.get(), sku, form, Map.of());
    }

    /**
     * Recipient type-ahead: the {@code <option>}s of the department's active employees whose name or
     * email contains what was typed (htmx swaps them into the form's datalist as the manager types).
     */
    @GET
    @Path("colleagues")
    @Transactional
    public TemplateInstance colleagues(@QueryParam("recipientEmail") String typed) {
        return Templates.colleagues(Employee.searchInDepartment(department().id, typed, SUGGESTIONS));
    }

    @GET
    @Path("review")
    @Transactional
    public TemplateInstance review(@QueryParam("token") String token, @QueryParam("sku") String sku,
            @QueryParam("recipientName") String recipientName, @QueryParam("recipientEmail") String recipientEmail,
            @QueryParam("amount") String amount, @QueryParam("subject") String subject,
            @QueryParam("message") String message, @QueryParam("from") String from) {
        SendForm form = SendForm.of(token, sku, recipientName, recipientEmail, amount, subject, message, from);
        SendValidator.Result result = validator.validate(form, department().id);
        Optional<Catalog.Brand> brand = validator.brandOf(sku);
        if (brand.isEmpty()) {
            return Templates.missing();
        }
        if (result.request().isEmpty()) {
            return page(brand.get(), sku, form, result.errors());
        }
        Department department = department();
        return Templates.review(result.request().get(), department, balances.of(department));
    }

    @POST
    public Response send(@BeanParam SendForm form, @RestForm(Csrf.FIELD) String token) {
        csrf.verify(token);
        DepartmentRef department = me.getDepartment();
        if (department == null) {
            throw new jakarta.ws.rs.NotFoundException("no department");
        }
        // Reads only (catalog snapshot, the department's directory): no transaction needed.
        SendValidator.Result result = validator.validate(form, department.id());
        if (result.request().isEmpty()) {
            flash.put("error", "Please check the highlighted fields.");
            form.values().forEach(flash::put);
            return Response.seeOther(URI.create("/send?sku=" + Formats.urlEncoded(form.sku))).build();
        }
        SendService.Sent sent = sender.send(result.request().get(), me.getUserId(), me.getEmail(), department,
                address.get());
        balances.forget(department.id());
        RewardOrder order = sent.order();
        if (order.departmentId != department.id()) {
            return Response.status(404).build();
        }
        flash.put(order.status == RewardOrder.Status.FAILED ? "error" : "message", summary(order, sent.replay()));
        return Response.seeOther(URI.create("/rewards/" + order.id)).build();
    }

    static String summary(RewardOrder order, boolean replay) {
        String prefix = replay ? "This form was already sent once, so nothing was sent again. " : "";
        return prefix + switch (order.status) {
            case DELIVERED -> "Your reward is on its way to " + order.recipientName + ".";
            case FAILED -> "The reward was not sent: " + order.failureReason;
            case UNKNOWN -> "RaaS did not confirm the order in time. Accolade is checking with RaaS and will update "
                    + "this page; nothing will be sent twice.";
            case PENDING -> "The reward is being sent.";
        };
    }

    private TemplateInstance page(Catalog.Brand brand, String sku, SendForm form, Map<String, String> errors) {
        Catalog.Reward reward = brand.rewards().stream().filter(r -> r.sku().equals(sku)).findFirst().orElseThrow();
        Department department = department();
        List<Employee> colleagues = Employee.searchInDepartment(department.id, "", SUGGESTIONS);
        return Templates.form(brand, reward, form, errors, colleagues, department, balances.of(department));
    }

    private Department department() {
        Long id = me.getDepartmentId();
        Department d = id == null ? null : Department.findById(id);
        if (d == null) {
            throw new jakarta.ws.rs.NotFoundException("no department");
        }
        return d;
    }

    private String keptOr(String key, String fallback) {
        String v = flash.get(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
