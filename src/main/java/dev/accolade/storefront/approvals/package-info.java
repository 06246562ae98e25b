/**
 * Four-eyes approval of rewards that the department's policy or the manager's allowance does not let
 * through on their own. Persistence: {@link dev.accolade.storefront.approvals.ApprovalRequest} is a
 * Panache entity; every decision is a conditional update ({@code where state = 'AWAITING'}) in the
 * transaction that also gives back the budget reservation (reject, expiry) or before the order is
 * placed under the request's own token through the exactly-once send path (approve), so a request is
 * decided once and placed at most once.
 */
package dev.accolade.storefront.approvals;
