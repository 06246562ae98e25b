package dev.accolade.raas.sandbox;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.accolade.raas.sandbox.RaasRequests.Schema;
import dev.accolade.raas.sandbox.SandboxWire.Empty;
import dev.accolade.raas.sandbox.SandboxWire.Order;
import dev.accolade.raas.sandbox.SandboxWire.OrderCreate;
import dev.accolade.raas.sandbox.SandboxWire.OrderList;
import dev.accolade.raas.sandbox.SandboxWire.OrderReply;
import dev.accolade.raas.sandbox.SandboxWire.Recipient;
import dev.accolade.raas.sandbox.SandboxWire.Reward;
import dev.accolade.common.PublicUrl;

/** RaaS v1 order resources. */
@Path("/raas/v1/orders")
public class RaasOrdersResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 100;

    private final SandboxOrders orders;
    private final RaasRequests requests;
    private final RaasResponses responses;
    private final Caller caller;
    private final SandboxConfig config;

    RaasOrdersResource(SandboxOrders orders, RaasRequests requests, RaasResponses responses, Caller caller,
            SandboxConfig config) {
        this.orders = orders;
        this.requests = requests;
        this.responses = responses;
        this.caller = caller;
        this.config = config;
    }

    @POST
    public Response place(byte[] entity, @Context UriInfo uri) {
        OrderCreate request = requests.bind(requests.read(entity, Schema.ORDER_CREATE), OrderCreate.class);
        SandboxOrder order = orders.place(caller.platform(), request, PublicUrl.base() + "/");
        delayAnswer();
        URI location = URI.create(PublicUrl.link("/raas/v1/orders/" + order.orderId));
        return responses.created(new OrderReply(view(order, true)), location);
    }

    @GET
    @Path("{orderId}")
    public Response get(@PathParam("orderId") String orderId) {
        return responses.ok(new OrderReply(view(orders.find(caller.platform(), orderId), true)));
    }

    @GET
    public Response list(@QueryParam("start_date") String start, @QueryParam("end_date") String end,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("customer") String customer, @QueryParam("account_identifier") String account) {
        OffsetDateTime startDate = blank(start) ? null : RaasDates.parse(start, "start_date");
        OffsetDateTime endDate = blank(end) ? null : RaasDates.parse(end, "end_date");
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw RaasException.validation("end_date", "must not be before start_date");
        }
        int from = integer(offset, "offset", 0, 0, Integer.MAX_VALUE);
        // "limit: Defaults to 100 if not provided (and can't be more than 100)": larger values are capped.
        int size = Math.min(integer(limit, "limit", DEFAULT_LIMIT, 1, Integer.MAX_VALUE), MAX_LIMIT);
        SandboxOrders.Page page = orders.list(caller.platform(), new SandboxOrders.Query(
                blank(customer) ? null : customer, blank(account) ? null : account, startDate, endDate, from, size));
        List<Order> views = page.orders().stream().map(o -> view(o, false)).toList();
        return responses.ok(new OrderList(views, from, size, page.totalCount(), views.size()));
    }

    @POST
    @Path("{orderId}/resend")
    public Response resend(@PathParam("orderId") String orderId) {
        orders.resend(caller.platform(), orderId);
        return responses.ok(new Empty());
    }

    private void delayAnswer() {
        long millis = config.orderResponseDelay().toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The order as RaaS shows it; the reward credentials only when RaaS did not send them itself. */
    static Order view(SandboxOrder o, boolean withReward) {
        Reward reward = withReward && !o.sendReward
                ? new Reward(o.rewardToken, o.rewardNumber, o.rewardPin, o.rewardRedemptionUrl)
                : null;
        return new Order(o.orderId, o.accountIdentifier, o.customer, o.sku, o.amount, o.rewardMessage,
                o.rewardSubject, o.rewardFrom, RaasDates.format(o.deliveredAt),
                new Recipient(o.recipientName, o.recipientEmail), reward);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static int integer(String value, String field, int fallback, int min, int max) {
        if (blank(value)) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw RaasException.validation(field, "must be at least " + min);
            }
            return n;
        } catch (NumberFormatException e) {
            throw RaasException.validation(field, "must be a whole number");
        }
    }
}
