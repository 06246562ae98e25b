/**
 * The storefront: pages, domain and jobs, one package per feature. The packages form a tree
 * (ArchitectureTest keeps it so); from the bottom:
 * <ul>
 * <li>{@code ..common} (outside the storefront): money, formats, flash, form errors and their
 * constraints, CSV, the Allow table.</li>
 * <li>{@code ops} (request ids, RaaS health, job runs), {@code audit} (the trail and who acts),
 * {@code errors} (error pages).</li>
 * <li>{@code security}: users who sign in, roles, sessions, the CSRF filter.</li>
 * <li>{@code directory} (departments, employees, the CSV import), then {@code users} (administration
 * and invitations) and {@code accounts} (the departments' RaaS accounts, balance and funding).</li>
 * <li>{@code catalog}, then {@code orders}: the reward order, its ledger, the exactly-once placement
 * every way of sending goes through, the reconciler, "My rewards".</li>
 * <li>{@code send} (the manager's form), {@code reports} (reports, reconciliation, balances, the audit
 * viewer), and the leaves {@code admin}, {@code home} and {@code demo}.</li>
 * </ul>
 * A feature reaches down, never up: the ledger tells the reports of a delivery by an event
 * ({@code orders.OrderDelivered}), not by calling them.
 * <p>
 * Persistence, one style per job:
 * <ul>
 * <li>Hibernate ORM with Panache for entities: what pages read and what administration writes.</li>
 * <li>The send path's writes (a PENDING order, its outcome, its audit row, the reports' monthly sums)
 * on the transaction's {@code StatelessSession}: its insert for the order, and one plain statement
 * each (JDBC on its connection) for the rest, with no persistence context to fill and flush.</li>
 * <li>Plain JDBC with auto-commit, outside any transaction, for the reads every request makes: the
 * session check ({@code security}), a recipient's directory entry ({@code directory}), the shared
 * catalog ({@code catalog}).</li>
 * <li>Native SQL for the reports' aggregations and their CSV exports ({@code reports}): GROUP BY over
 * sums and orders, streamed.</li>
 * </ul>
 * Each package that uses more than Panache says which and why in its own package-info.
 */
package dev.accolade.storefront;
