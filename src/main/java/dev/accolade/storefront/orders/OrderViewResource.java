package dev.accolade.storefront.orders;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Clocks;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.errors.ErrorPages;
import dev.accolade.storefront.security.Role;

/**
 * An order's page for HR and administrators, the ones who read the audit trail and the reports that
 * name it: read-only (no resend), and no more than the reports show of it (its subject, message and
 * "From" line stay between the sender and the recipient). Managers use "My rewards".
 */
@Path("/orders")
@RolesAllowed({ Role.HR_NAME, Role.ADMIN_NAME })
@Produces(MediaType.TEXT_HTML)
public class OrderViewResource {

    /** The order with the names a reader needs: its department's name and the words of its status. */
    public record OrderView(RewardOrder order, String department, OrderProgress progress) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance view(OrderView view);
    }

    private final OrderReconciler reconciler;
    private final Clock clock;

    OrderViewResource(OrderReconciler reconciler, Clock clock) {
        this.reconciler = reconciler;
        this.clock = clock;
    }

    @GET
    @Path("{id}")
    @Transactional
    public Response view(@PathParam("id") String id) {
        RewardOrder order = null;
        try {
            order = RewardOrder.findById(Long.parseLong(id.trim()));
        } catch (NumberFormatException e) {
            // not an order number: no such order
        }
        if (order == null) {
            return ErrorPages.page(404, "Order not found", "There is no order with that number. Order numbers are in"
                    + " the audit trail and in the reports' order download.");
        }
        OffsetDateTime now = Clocks.utcNow(clock);
        Department d = order.departmentId == null ? null : Department.findById(order.departmentId);
        String department = d == null ? null : d.name;
        return Response.ok(Templates.view(new OrderView(order, department, reconciler.progress(order, now)))).build();
    }
}
