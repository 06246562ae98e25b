package dev.accolade.raas.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The RaaS v1 API as the rest of Accolade sees it: one method per resource, records in and out,
 * money in cents. How a call ends is always one of: the record; a {@link RaasFailure} (RaaS refused,
 * nothing happened); for writes, {@link RaasOutcomeUnknown} (it may have happened: reconcile, do
 * not resend); {@link RaasUnavailable} (RaaS could not be used; for a write, nothing was sent).
 * Writes are never retried; reads are retried a bounded number of times.
 */
@ApplicationScoped
public class RaasClient {

    /** RaaS's default and largest page of orders. */
    public static final int MAX_PAGE = 100;
    /** A window with more pages than this is refused rather than read forever. */
    static final int MAX_PAGES = 10_000;

    private final RaasCalls calls;
    private final RaasSystemMessages systemMessages;

    RaasClient(RaasCalls calls, RaasSystemMessages systemMessages) {
        this.calls = calls;
        this.systemMessages = systemMessages;
    }

    // ---- accounts ----

    public RaasAccount createAccount(AccountCreate request) throws RaasFailure, RaasOutcomeUnknown, RaasUnavailable {
        return calls.write(RaasEndpoint.ACCOUNT_CREATE, () -> calls.api().createAccount(request),
                body -> field(body, "account", RaasAccount.class));
    }

    public RaasAccount account(String customer, String identifier) throws RaasFailure, RaasUnavailable {
        return calls.read(RaasEndpoint.ACCOUNT_GET, () -> calls.api().account(customer, identifier),
                body -> field(body, "account", RaasAccount.class));
    }

    // ---- funds ----

    /** {@code POST funds}: charges the card in the request (2013 API). */
    public FundReceipt fund(FundCreate request) throws RaasFailure, RaasOutcomeUnknown, RaasUnavailable {
        return calls.write(RaasEndpoint.FUND_CREATE, () -> calls.api().fund(request),
                body -> RaasJson.MAPPER.treeToValue(body, FundReceipt.class));
    }

    public CardRegistration registerCard(CardRegister request) throws RaasFailure, RaasOutcomeUnknown, RaasUnavailable {
        return calls.write(RaasEndpoint.CARD_REGISTER, () -> calls.api().registerCard(request),
                body -> RaasJson.MAPPER.treeToValue(body, CardRegistration.class));
    }

    public FundReceipt fundByCard(CardFund request) throws RaasFailure, RaasOutcomeUnknown, RaasUnavailable {
        return calls.write(RaasEndpoint.CARD_FUND, () -> calls.api().fundByCard(request),
                body -> RaasJson.MAPPER.treeToValue(body, FundReceipt.class));
    }

    public CardRemoval unregisterCard(CardUnregister request) throws RaasFailure, RaasOutcomeUnknown, RaasUnavailable {
        return calls.write(RaasEndpoint.CARD_UNREGISTER, () -> calls.api().unregisterCard(request),
                body -> RaasJson.MAPPER.treeToValue(body, CardRemoval.class));
    }

    // ---- rewards ----

    public Catalog catalog() throws RaasFailure, RaasUnavailable {
        return calls.read(RaasEndpoint.REWARDS_LIST, () -> calls.api().rewards(), body -> {
            if (!body.path("brands").isArray()) {
                throw new IllegalArgumentException("no brands");
            }
            return RaasJson.MAPPER.treeToValue(body, Catalog.class);
        });
    }

    // ---- orders ----

    /**
     * Places an order. On {@link RaasOutcomeUnknown} the reward may have been bought and sent: look
     * for it with {@link #allOrders(OrderQuery)} over the account and time window; never call this
     * again for the same reward until that has been settled.
     */
    public RaasOrder placeOrder(OrderCreate request) throws RaasFailure, RaasOutcomeUnknown, RaasUnavailable {
        return calls.write(RaasEndpoint.ORDER_CREATE, () -> calls.api().placeOrder(request),
                body -> field(body, "order", RaasOrder.class));
    }

    public RaasOrder order(String orderId) throws RaasFailure, RaasUnavailable {
        return calls.read(RaasEndpoint.ORDER_GET, () -> calls.api().order(orderId),
                body -> field(body, "order", RaasOrder.class));
    }

    /** One page of orders, as RaaS returns it. */
    public OrderPage orders(OrderQuery query) throws RaasFailure, RaasUnavailable {
        return calls.read(RaasEndpoint.ORDER_LIST, () -> calls.api().orders(RaasJson.queryDate(query.startDate()),
                RaasJson.queryDate(query.endDate()), query.offset(), query.limit(), query.customer(),
                query.accountIdentifier()), body -> {
                    if (!body.path("orders").isArray()) {
                        throw new IllegalArgumentException("no orders");
                    }
                    return RaasJson.MAPPER.treeToValue(body, OrderPage.class);
                });
    }

    /**
     * Every order matching the query, reading page after page (of {@code query.limit()}, at most
     * {@value #MAX_PAGE}) from {@code query.offset()} until {@code total_count} is reached. Each
     * order appears once even if the pages shifted while they were read.
     */
    public List<RaasOrder> allOrders(OrderQuery query) throws RaasFailure, RaasUnavailable {
        int size = query.limit() == null ? MAX_PAGE : Math.max(1, Math.min(query.limit(), MAX_PAGE));
        int offset = query.offset() == null ? 0 : query.offset();
        Map<String, RaasOrder> byId = new LinkedHashMap<>();
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            OrderPage page = orders(query.page(offset, size));
            page.orders().forEach(o -> byId.putIfAbsent(o.orderId(), o));
            int received = page.orders().size();
            offset += received;
            boolean done = received == 0
                    || (page.totalCount() != null ? offset >= page.totalCount() : received < size);
            if (done) {
                return new ArrayList<>(byId.values());
            }
        }
        throw new IllegalArgumentException("More than " + MAX_PAGES + " pages of orders: narrow the window");
    }

    /**
     * Asks RaaS to mail an order's reward again (only for orders RaaS mailed itself, once per 24
     * hours). {@link RaasFailure.ResendRefused} when RaaS declines.
     */
    public void resend(String orderId) throws RaasFailure, RaasOutcomeUnknown, RaasUnavailable {
        calls.write(RaasEndpoint.ORDER_RESEND, () -> calls.api().resend(orderId), body -> Boolean.TRUE);
    }

    // ---- notes from RaaS ----

    /** The {@code system_message} RaaS is currently sending, for the admin banner. */
    public Optional<RaasSystemMessages.SystemMessage> systemMessage() {
        return systemMessages.current();
    }

    private static <T> T field(ObjectNode body, String name, Class<T> type) throws java.io.IOException {
        if (!body.path(name).isObject()) {
            throw new IllegalArgumentException("no " + name);
        }
        return RaasJson.MAPPER.treeToValue(body.get(name), type);
    }
}
