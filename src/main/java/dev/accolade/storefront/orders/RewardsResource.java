package dev.accolade.storefront.orders;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Flash;
import dev.accolade.common.Formats;
import dev.accolade.common.Like;
import dev.accolade.common.Paging;
import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasFailure;
import dev.accolade.raas.client.RaasOutcomeUnknown;
import dev.accolade.raas.client.RaasUnavailable;
import dev.accolade.storefront.security.CurrentUser;
import dev.accolade.storefront.security.Role;

/** "My rewards": what a manager sent, with status, filters and paging; a page per order; resend. */
@Path("/rewards")
@RolesAllowed(Role.MANAGER_NAME)
@Produces(MediaType.TEXT_HTML)
public class RewardsResource {

    private static final Logger LOG = Logger.getLogger(RewardsResource.class);

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<RewardOrder> orders, String status, String q, int page, int pages,
                long total, List<WaitingSend> waiting);

        static native TemplateInstance detail(RewardOrder order, boolean resendable, OrderProgress progress);

        static native TemplateInstance notFound();
    }

    private final CurrentUser me;
    private final RaasClient raas;
    private final OrderLedger ledger;
    private final Flash flash;
    private final Clock clock;
    private final OrderReconciler reconciler;
    private final WaitingSends waitingSends;

    RewardsResource(CurrentUser me, RaasClient raas, OrderLedger ledger, Flash flash, Clock clock,
            OrderReconciler reconciler, WaitingSends waitingSends) {
        this.me = me;
        this.reconciler = reconciler;
        this.raas = raas;
        this.ledger = ledger;
        this.flash = flash;
        this.clock = clock;
        this.waitingSends = waitingSends;
    }

    @GET
    @Transactional
    public Response list(@QueryParam("status") String status, @QueryParam("q") String q,
            @QueryParam("page") String page) {
        int p = Paging.pageNumber(page);
        StringBuilder where = new StringBuilder("requesterId = :me");
        Parameters params = Parameters.with("me", me.getUserId());
        RewardOrder.Status wanted = parseStatus(status);
        if (wanted != null) {
            where.append(" and status = :status");
            params.and("status", wanted);
        }
        String text = q == null ? "" : q.trim();
        if (!text.isEmpty()) {
            where.append(" and (lower(recipientName) like :q escape '\\' or lower(recipientEmail) like :q escape '\\' "
                    + "or lower(brand) like :q escape '\\')");
            params.and("q", Like.containing(text));
        }
        var query = RewardOrder.find(where + " order by createdAt desc, id desc", params);
        long total = query.count();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        boolean onlyWaiting = SCHEDULED.equals(status);
        String shown = onlyWaiting ? SCHEDULED : wanted == null ? "" : wanted.name();
        // Sends waiting for their time are not orders yet: listed above them on the first page.
        List<WaitingSend> waiting = p > 1 || (wanted != null) ? List.of() : waitingSends.of(me.getUserId()).stream()
                .filter(w -> text.isEmpty() || matches(w, text)).toList();
        if (onlyWaiting) {
            return Response.ok(Templates.list(List.of(), shown, text, 1, 1, 0, waiting)).build();
        }
        if (p > pages) {
            // Past the end (an old link, a hand-typed number): the last page there is, same filters.
            return Response.seeOther(URI.create(listAddress(shown, text, pages))).build();
        }
        List<RewardOrder> orders = query.page(Page.of(p - 1, PAGE_SIZE)).list();
        return Response.ok(Templates.list(orders, shown, text, p, pages, total, waiting)).build();
    }

    /** The status filter's value for sends waiting for their time. */
    static final String SCHEDULED = "SCHEDULED";

    private static boolean matches(WaitingSend w, String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return w.recipientName().toLowerCase(java.util.Locale.ROOT).contains(t)
                || w.recipientEmail().toLowerCase(java.util.Locale.ROOT).contains(t)
                || w.description().toLowerCase(java.util.Locale.ROOT).contains(t);
    }

    static String listAddress(String status, String q, int page) {
        StringBuilder query = new StringBuilder();
        if (!status.isEmpty()) {
            query.append("&status=").append(Formats.urlEncoded(status));
        }
        if (!q.isEmpty()) {
            // %20, not +: the redirect's query is re-encoded, and a + would become a literal plus.
            query.append("&q=").append(Formats.urlEncoded(q).replace("+", "%20"));
        }
        if (page > 1) {
            query.append("&page=").append(page);
        }
        return "/rewards" + (query.length() == 0 ? "" : "?" + query.substring(1));
    }

    @GET
    @Path("{id}")
    @Transactional
    public Response detail(@PathParam("id") String id) {
        RewardOrder order = own(id);
        if (order == null) {
            return notFound(id);
        }
        OffsetDateTime now = now();
        return Response.ok(Templates.detail(order, order.resendableAt(now), reconciler.progress(order, now))).build();
    }

    @POST
    @Path("{id}/resend")
    public Response resend(@PathParam("id") String id) {
        RewardOrder order = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> own(id));
        if (order == null) {
            return notFound(id);
        }
        URI back = URI.create("/rewards/" + order.id);
        if (order.status != RewardOrder.Status.DELIVERED || order.raasOrderId == null) {
            flash.put("error", "Only a delivered reward can be sent again.");
            return Response.seeOther(back).build();
        }
        if (!order.resendableAt(now())) {
            // The page offers no button then; a stale page or a second tab can still post. RaaS would refuse.
            ledger.resent(order.id, "REFUSED", "before " + order.getResendableAfter());
            flash.put("error", "The email was not sent again: RaaS sends a reward's email at most once every "
                    + "24 hours. It can be sent again after " + Formats.display(order.getResendableAfter()) + ".");
            return Response.seeOther(back).build();
        }
        try {
            raas.resend(order.raasOrderId);
            ledger.resent(order.id, "SUCCESS", "Tango Card order " + order.raasOrderId);
            flash.put("message", "The reward email was sent again to " + order.recipientEmail + ".");
        } catch (RaasFailure f) {
            // RaaS's text is for the log and the audit trail, not for the page.
            String raasText = f.errorMessage().orElse(f.getMessage());
            LOG.warnf("RaaS refused to resend order %d (RaaS order %s): %s", order.id, order.raasOrderId, raasText);
            ledger.resent(order.id, "FAILED", raasText);
            flash.put("error", f instanceof RaasFailure.ResendRefused
                    ? "The email was not sent again: RaaS declined to resend it. RaaS sends a reward's email at most "
                            + "once every 24 hours, so try again later."
                    : "The email was not sent again: RaaS refused the request. Try again later, or ask an "
                            + "administrator to check Accolade's connection to RaaS.");
        } catch (RaasOutcomeUnknown u) {
            ledger.resent(order.id, "UNKNOWN", u.getMessage());
            flash.put("error", "RaaS did not confirm the resend; the email may or may not have been sent again.");
        } catch (RaasUnavailable u) {
            ledger.resent(order.id, "FAILED", u.getMessage());
            flash.put("error", "RaaS cannot be reached right now; nothing was resent. Try again later.");
        }
        return Response.seeOther(back).build();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** The order if it belongs to the caller's department; anything else does not exist for them. */
    private RewardOrder own(String id) {
        Long department = me.getDepartmentId();
        if (department == null) {
            return null;
        }
        try {
            return RewardOrder.findInDepartment(Long.parseLong(id), department).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Response notFound(String id) {
        ledger.refused("reward order " + id);
        return Response.status(404).entity(Templates.notFound()).build();
    }

    private static RewardOrder.Status parseStatus(String s) {
        try {
            return s == null || s.isBlank() ? null : RewardOrder.Status.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
