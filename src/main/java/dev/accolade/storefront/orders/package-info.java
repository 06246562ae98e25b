/**
 * Reward orders. Persistence: {@link dev.accolade.storefront.orders.RewardOrder} is a Panache entity,
 * and pages and the reconciler read it so. The {@link dev.accolade.storefront.orders.OrderLedger}
 * writes every state change (run for every reward sent) on the transaction's Hibernate
 * {@code StatelessSession}: the entity's own insert for a PENDING order (id from its pooled sequence,
 * no persistence context), one JDBC update for a delivery, HQL updates for the rarer outcomes. The
 * audit row and the reports' sums of the same transaction use the same session's connection.
 */
package dev.accolade.storefront.orders;
