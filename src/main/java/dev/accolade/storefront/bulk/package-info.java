/**
 * Bulk sends: a spreadsheet of recipients ({@link dev.accolade.storefront.bulk.BulkSheet}) checked row
 * by row in a dry run ({@link dev.accolade.storefront.bulk.BulkCheck}), then, once confirmed, sent in
 * the background ({@link dev.accolade.storefront.bulk.BulkSender}) on every replica.
 * <p>
 * Money: confirming reserves the batch's total in the department's budget under the batch's token,
 * in the transaction that starts it (or asks for its approval). Each row's order is placed through the
 * exactly-once send path under the token {@code <batch token>.<row number>}; the budget ledger carves
 * the row's amount out of the batch's reservation ({@code BudgetLedger}), so the batch never reserves
 * twice. Cancelling, rejecting or finishing gives back what no row took.
 * <p>
 * Crash safety: a row is taken by a conditional update (READY to CLAIMED, with
 * {@code FOR UPDATE SKIP LOCKED} on PostgreSQL so that replicas skip each other's rows instead of
 * waiting), then placed. A claim whose replica died is taken again after a lease; its token then
 * finds the order the first try made, so a row is never sent twice, and an order whose RaaS call had
 * no answer stays UNKNOWN for the reconciler. Rows are read and written with plain JDBC (a batch has
 * up to 50,000); the batch is a Panache entity whose state changes are conditional updates.
 */
package dev.accolade.storefront.bulk;
