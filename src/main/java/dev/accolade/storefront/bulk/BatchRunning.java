package dev.accolade.storefront.bulk;

/**
 * A batch has just become RUNNING (confirmed, approved or resumed), fired in the transaction that
 * says so: this replica's sender, observing it once that transaction has committed, starts at once
 * instead of at its next poll.
 */
record BatchRunning(long batchId) {
}
