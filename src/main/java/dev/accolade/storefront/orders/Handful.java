package dev.accolade.storefront.orders;

import java.util.List;

/**
 * What the owner of a handful of unattended sends (a batch's sender) does in the transaction that
 * commits their PENDING orders ({@link OrderPlacement#placeAllUnattended}), so that the orders and the
 * owner's own record of them commit together or not at all.
 */
public interface Handful {

    /** First in that transaction: whether the orders are still wanted; false commits and places none. */
    boolean wanted();

    /**
     * Last in that transaction: the orders, in the order of the requests, null for a request that made
     * none (refused before any order).
     */
    void committed(List<RewardOrder> orders);
}
