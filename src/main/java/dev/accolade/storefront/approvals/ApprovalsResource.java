package dev.accolade.storefront.approvals;

import java.net.URI;
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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Flash;
import dev.accolade.common.Paging;
import dev.accolade.storefront.security.CurrentUser;
import dev.accolade.storefront.security.Role;

/**
 * {@code /approvals}: an approver's queue (HR: every department; a named manager: their departments),
 * a manager's own requests, a page per request with Approve, Reject (with a reason) and Ask for a
 * change. A request of a department the user neither belongs to as requester nor approves for does
 * not exist for them (404); deciding one's own request is refused (403, audited).
 */
@Path("/approvals")
@RolesAllowed({ Role.MANAGER_NAME, Role.HR_NAME })
@Produces(MediaType.TEXT_HTML)
public class ApprovalsResource {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ApprovalRequest> queue, long waiting, int page, int pages,
                List<ApprovalRequest> mine, boolean approver);

        static native TemplateInstance detail(ApprovalRequest request, boolean mayDecide, boolean own, String problem);

        static native TemplateInstance notFound();
    }

    private final Approvals approvals;
    private final CurrentUser me;
    private final Flash flash;

    ApprovalsResource(Approvals approvals, CurrentUser me, Flash flash) {
        this.approvals = approvals;
        this.me = me;
        this.flash = flash;
    }

    @GET
    public TemplateInstance list(@QueryParam("page") String page) {
        long waiting = approvals.waitingFor(me);
        int pages = (int) Math.max(1, (waiting + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(Paging.pageNumber(page), pages);
        List<ApprovalRequest> queue = approvals.queue(me, p - 1, PAGE_SIZE);
        boolean approver = me.isHr() || waiting > 0 || !queue.isEmpty();
        List<ApprovalRequest> mine = me.isManager() ? approvals.mine(me) : List.of();
        return Templates.list(queue, waiting, p, pages, mine, approver);
    }

    @GET
    @Path("{id}")
    public Response detail(@PathParam("id") String id) {
        Long n = id(id);
        return n == null ? notFound() : approvals.visible(n, me)
                .map(a -> Response.ok(Templates.detail(a, approvals.mayDecide(a, me), a.requesterId.equals(me.getUserId()), null)).build())
                .orElseGet(ApprovalsResource::notFound);
    }

    @POST
    @Path("{id}/approve")
    public Response approve(@PathParam("id") String id) {
        Long n = id(id);
        return n == null ? notFound() : answer(n, approvals.approve(n, me));
    }

    @POST
    @Path("{id}/reject")
    public Response reject(@PathParam("id") String id, @RestForm String reason) {
        Long n = id(id);
        if (n == null) {
            return notFound();
        }
        if (reason == null || reason.isBlank()) {
            flash.put("error", "Give a reason for rejecting: the requester reads it.");
            return Response.seeOther(URI.create("/approvals/" + n)).build();
        }
        return answer(n, approvals.reject(n, me, clip(reason)));
    }

    @POST
    @Path("{id}/change")
    public Response change(@PathParam("id") String id, @RestForm String reason) {
        Long n = id(id);
        if (n == null) {
            return notFound();
        }
        if (reason == null || reason.isBlank()) {
            flash.put("error", "Say what should change: the requester reads it.");
            return Response.seeOther(URI.create("/approvals/" + n)).build();
        }
        return answer(n, approvals.askForChange(n, me, clip(reason)));
    }

    private Response answer(long id, Approvals.Outcome outcome) {
        return switch (outcome.decision()) {
            case NOT_FOUND -> notFound();
            case OWN_REQUEST -> {
                yield Response.status(Response.Status.FORBIDDEN).entity(Templates.detail(
                        approvals.visible(id, me).orElseThrow(), false, true, outcome.message())).build();
            }
            case DONE -> {
                flash.put("message", outcome.message());
                yield Response.seeOther(URI.create("/approvals/" + id)).build();
            }
            case ALREADY_DECIDED, UNAVAILABLE -> {
                flash.put("error", outcome.message());
                yield Response.seeOther(URI.create("/approvals/" + id)).build();
            }
        };
    }

    private static Long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String clip(String s) {
        String t = s.strip();
        return t.length() <= 500 ? t : t.substring(0, 500);
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).entity(Templates.notFound()).build();
    }
}
