/**
 * Recognition budgets and the departments' spending policy. Persistence: {@link
 * dev.accolade.storefront.budgets.Budget}, {@link dev.accolade.storefront.budgets.Allowance}, {@link
 * dev.accolade.storefront.budgets.Reservation} and {@link dev.accolade.storefront.budgets.SpendingPolicy}
 * are Panache entities that pages read. Every change of a budget's money is made by {@link
 * dev.accolade.storefront.budgets.BudgetLedger} with guarded single statements on the transaction's
 * {@code StatelessSession} (it runs inside the send path's own transactions, through the orders
 * feature's {@code OrderFunds}): the row count of
 * {@code update budget set reserved = reserved + :a where id = :id and amount - settled - reserved >= :a}
 * decides, so no interleaving of requests or replicas can overspend, and a reservation's
 * {@code where state = 'RESERVED'} guard makes its settle or release happen once.
 */
package dev.accolade.storefront.budgets;
