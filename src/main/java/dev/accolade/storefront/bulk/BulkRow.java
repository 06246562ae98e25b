package dev.accolade.storefront.bulk;

import dev.accolade.common.Formats;

/**
 * One row of a batch as stored, with its order's outcome once it has one. {@code state} is the row's
 * own (INVALID, READY, CLAIMED, PLACED, NOT_SENT, CANCELLED); a PLACED row's outcome is its order's
 * status.
 */
public record BulkRow(long batchId, int rowNo, String email, String name, String sku, String description, long amount,
        Long employeeId, String subject, String message, String from, String state, String problem, String warning,
        Long orderId, String orderStatus, String raasOrderId, String failureReason) {

    /** The row's outcome in one word: the order's status when placed, else the row's state. */
    public String outcome() {
        return orderStatus != null ? orderStatus : state;
    }

    /** The outcome as a person reads it. */
    public String label() {
        return switch (outcome()) {
            case "INVALID" -> "Not valid";
            case "READY" -> "Waiting";
            case "CLAIMED" -> "Sending";
            case "PLACED", "PENDING" -> "Sending";
            case "NOT_SENT", "FAILED" -> "Not sent";
            case "CANCELLED" -> "Cancelled";
            case "DELIVERED" -> "Delivered";
            case "UNKNOWN" -> "Being checked";
            case "HELD" -> "Waiting for RaaS, will retry";
            default -> outcome();
        };
    }

    /** Why it was not sent, or what to know of it: the row's problem, else the order's reason. */
    public String note() {
        if (problem != null) {
            return problem;
        }
        if ("FAILED".equals(orderStatus) || "UNKNOWN".equals(orderStatus) || "HELD".equals(orderStatus)) {
            return failureReason;
        }
        return warning;
    }

    public String amountText() {
        return amount > 0 ? Formats.dollars(amount) : "";
    }
}
