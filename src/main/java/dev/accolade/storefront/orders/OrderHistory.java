package dev.accolade.storefront.orders;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.accolade.raas.client.OrderPage;
import dev.accolade.raas.client.OrderQuery;
import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasException;
import dev.accolade.raas.client.RaasOrder;

/**
 * An account's RaaS order list over the union of the windows the reconciler looks in, read page by
 * page ({@code offset}/{@code limit} of 100, RaaS's maximum) within a budget of list requests. RaaS v1
 * lists orders by delivery time, oldest first, and offers no other order; new orders therefore only
 * ever land after the pages already read, and an order appearing twice is kept once.
 */
final class OrderHistory {

    static final int PAGE = 100;

    /** A time window of delivered_at, both ends included. */
    record Window(OffsetDateTime from, OffsetDateTime to) {

        boolean covers(Window w) {
            return !w.from.isBefore(from) && !w.to.isAfter(to);
        }

        boolean holds(OffsetDateTime t) {
            return t == null || (!t.isBefore(from) && !t.isAfter(to));
        }
    }

    /** How many list requests a pass may still make. */
    static final class Budget {
        private final int max;
        private int used;

        Budget(int max) {
            this.max = max;
        }

        boolean left() {
            return used < max;
        }

        int used() {
            return used;
        }

        void spend() {
            used++;
        }
    }

    private OrderHistory() {
    }

    /** The windows merged where they overlap or touch, in time order. */
    static List<Window> union(List<Window> windows) {
        List<Window> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparing(Window::from));
        List<Window> merged = new ArrayList<>();
        for (Window w : sorted) {
            Window last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !w.from().isAfter(last.to())) {
                if (w.to().isAfter(last.to())) {
                    merged.set(merged.size() - 1, new Window(last.from(), w.to()));
                }
            } else {
                merged.add(w);
            }
        }
        return merged;
    }

    /**
     * Every order of the account delivered in the window, or empty when the budget ran out before the
     * last page (what was read is then dropped: an order is matched only against a window read whole).
     */
    static Optional<List<RaasOrder>> read(RaasClient raas, String customer, String account, Window window,
            Budget budget) throws RaasException {
        OrderQuery query = OrderQuery.window(customer, account, window.from(), window.to());
        Map<String, RaasOrder> byId = new LinkedHashMap<>();
        int offset = 0;
        while (true) {
            if (!budget.left()) {
                return Optional.empty();
            }
            budget.spend();
            OrderPage page = raas.orders(query.page(offset, PAGE));
            page.orders().forEach(o -> byId.putIfAbsent(o.orderId(), o));
            int received = page.orders().size();
            offset += received;
            boolean done = received == 0
                    || (page.totalCount() != null ? offset >= page.totalCount() : received < PAGE);
            if (done) {
                return Optional.of(new ArrayList<>(byId.values()));
            }
        }
    }
}
