package dev.accolade.raas.sandbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import dev.accolade.raas.sandbox.SandboxCatalog.Reward;
import dev.accolade.raas.sandbox.SandboxWire.OrderCreate;

/**
 * Orders: placed with one guarded balance update and one insert in a single transaction, so that a
 * balance can never be overspent however many orders arrive at once.
 */
@ApplicationScoped
public class SandboxOrders {

    /** The documented sandbox failure: "some Amazon.com denominations, like $20, may fail". */
    static final String AMAZON_FAILING_SKU = "AMZN-E-V-STD";
    static final long AMAZON_FAILING_AMOUNT = 2000;

    /** A filter of {@code GET orders}; nulls are "any". */
    public record Query(String customer, String accountIdentifier, OffsetDateTime start, OffsetDateTime end,
            int offset, int limit) {
    }

    public record Page(List<SandboxOrder> orders, long totalCount) {
    }

    private final SandboxCatalog catalog;
    private final RewardCodes codes;
    private final RaasIds ids;
    private final SandboxConfig config;
    private final Clock clock;

    SandboxOrders(SandboxCatalog catalog, RewardCodes codes, RaasIds ids, SandboxConfig config, Clock clock) {
        this.catalog = catalog;
        this.codes = codes;
        this.ids = ids;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public SandboxOrder place(String platform, OrderCreate request, String publicBase) {
        Reward reward = catalog.sku(request.sku())
                .orElseThrow(() -> RaasException.validation("sku", "no reward has the SKU " + request.sku()));
        if (!reward.available()) {
            throw RaasException.validation("sku", "the reward " + reward.sku() + " is not available");
        }
        long amount = amount(reward, request);
        if (config.simulateAmazonFailure() && AMAZON_FAILING_SKU.equals(reward.sku())
                && amount == AMAZON_FAILING_AMOUNT) {
            throw RaasException.system("RAAS:OC:1003");
        }
        if (!SandboxAccount.debit(platform, request.customer(), request.accountIdentifier(), amount)) {
            SandboxAccount account = SandboxAccount.findOwned(platform, request.customer(), request.accountIdentifier())
                    .orElseThrow(() -> RaasException.notFound("The account was not found for the platform."));
            throw RaasException.insufficientFunds(account.balance);
        }
        SandboxOrder order = new SandboxOrder();
        order.id = ids.next("sandbox_order_seq");
        order.orderId = ids.orderId(order.id);
        order.platform = platform;
        order.customer = request.customer();
        order.accountIdentifier = request.accountIdentifier();
        order.sku = reward.sku();
        order.brand = reward.brand().description();
        order.amount = amount;
        order.recipientName = request.recipient().name();
        order.recipientEmail = request.recipient().email();
        order.rewardSubject = request.rewardSubject();
        order.rewardMessage = request.rewardMessage();
        order.rewardFrom = request.rewardFrom();
        order.sendReward = request.sendReward() == null || request.sendReward();
        order.deliveredAt = now();
        codes.issue(order, reward, publicBase);
        if (order.sendReward) {
            order.lastSentAt = order.deliveredAt;
            order.sendCount = 1;
        }
        order.insert();
        return order;
    }

    /** Variable SKUs need an amount within their range; fixed SKUs must not carry one. */
    private static long amount(Reward reward, OrderCreate request) {
        if (!reward.variable()) {
            if (request.amount() != null) {
                throw RaasException.validation("amount", "must not be present for the fixed-price SKU "
                        + reward.sku() + " (" + reward.unitPrice() + " cents)");
            }
            return reward.unitPrice();
        }
        if (request.amount() == null) {
            throw RaasException.validation("amount", "is required for the variable-price SKU " + reward.sku());
        }
        long amount = RaasRequests.cents(request.amount(), "amount");
        long min = reward.minPrice() == null ? 1 : reward.minPrice();
        long max = reward.maxPrice() == null ? Long.MAX_VALUE : reward.maxPrice();
        if (amount < min || amount > max) {
            throw RaasException.validation("amount", "must be between " + min + " and " + max
                    + " cents for the SKU " + reward.sku());
        }
        return amount;
    }

    @Transactional
    public SandboxOrder find(String platform, String orderId) {
        return SandboxOrder.findByOrderId(platform, orderId)
                .orElseThrow(() -> RaasException.notFound("order not found"));
    }

    @Transactional
    public Page list(String platform, Query q) {
        StringBuilder where = new StringBuilder("platform = :platform");
        Parameters params = Parameters.with("platform", platform);
        if (q.customer() != null) {
            where.append(" and customer = :customer");
            params.and("customer", q.customer());
        }
        if (q.accountIdentifier() != null) {
            where.append(" and accountIdentifier = :account");
            params.and("account", q.accountIdentifier());
        }
        if (q.start() != null) {
            where.append(" and deliveredAt >= :start");
            params.and("start", q.start());
        }
        if (q.end() != null) {
            where.append(" and deliveredAt <= :end");
            params.and("end", q.end());
        }
        PanacheQuery<SandboxOrder> query = SandboxOrder.find(where.toString(),
                Sort.ascending("deliveredAt", "id"), params);
        long total = query.count();
        List<SandboxOrder> page = total <= q.offset() ? new ArrayList<>()
                : query.range(q.offset(), q.offset() + q.limit() - 1).list();
        return new Page(page, total);
    }

    /**
     * Sends the reward email again. Allowed only for orders whose email RaaS sent, once per
     * resend interval (24 hours), at the platform level (any of its accounts).
     */
    @Transactional
    public void resend(String platform, String orderId) {
        SandboxOrder order = find(platform, orderId);
        if (!order.sendReward) {
            throw RaasException.badRequest("Unable to resend requested reward.");
        }
        OffsetDateTime now = now();
        OffsetDateTime allowedBefore = now.minus(config.resendInterval());
        int updated = SandboxOrder.update("lastSentAt = ?1, sendCount = sendCount + 1 where id = ?2"
                + " and lastSentAt <= ?3", now, order.id, allowedBefore);
        if (updated != 1) {
            SandboxOrder.getEntityManager().refresh(order);
            throw RaasException.badRequest("Cannot send more than once every 24 hours (last send at "
                    + RaasDates.format(order.lastSentAt) + ")");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).withNano(0);
    }
}
