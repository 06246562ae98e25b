/**
 * HR's pages: reports, reconciliation with RaaS, balances, the audit viewer. Persistence: native SQL
 * where the job is an aggregation ({@code Reports}: GROUP BY over the monthly sums and the orders of
 * partial months; {@code ReportLabels}), a streamed read ({@code ReportsResource}'s orders CSV, plain
 * JDBC with a fetch size), or the monthly sums kept at each delivery ({@code ReportRollup}, plain JDBC
 * on the delivering transaction's stateless session, locking in a fixed order). Reconciliation runs
 * and their items are Panache entities.
 */
package dev.accolade.storefront.reports;
