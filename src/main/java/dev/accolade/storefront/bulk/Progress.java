package dev.accolade.storefront.bulk;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import dev.accolade.common.Formats;

/**
 * Where a batch stands: its valid rows by outcome (delivered, not sent, being checked with RaaS,
 * waiting to be sent, cancelled), the rate since it started and the time left at that rate.
 */
public record Progress(long valid, long delivered, long failed, long checking, long waiting, long cancelled,
        long deliveredAmount, double perSecond) {

    static Progress of(BulkBatch b, Map<String, long[]> outcomes, OffsetDateTime now) {
        long delivered = n(outcomes, "DELIVERED");
        long failed = n(outcomes, "FAILED") + n(outcomes, "NOT_SENT");
        long checking = n(outcomes, "UNKNOWN") + n(outcomes, "PENDING") + n(outcomes, "HELD") + n(outcomes, "PLACED");
        long waiting = n(outcomes, "READY") + n(outcomes, "CLAIMED");
        long cancelled = n(outcomes, "CANCELLED");
        long valid = delivered + failed + checking + waiting + cancelled;
        long done = delivered + failed + checking;
        double perSecond = 0;
        if (b.startedAt != null && done > 0) {
            OffsetDateTime end = b.finishedAt != null ? b.finishedAt : now;
            double seconds = Math.max(1, Duration.between(b.startedAt, end).toMillis() / 1000.0);
            perSecond = done / seconds;
        }
        long[] amount = outcomes.get("DELIVERED");
        return new Progress(valid, delivered, failed, checking, waiting, cancelled, amount == null ? 0 : amount[1],
                perSecond);
    }

    private static long n(Map<String, long[]> outcomes, String key) {
        long[] v = outcomes.get(key);
        return v == null ? 0 : v[0];
    }

    /** Rows placed or refused so far, of the valid rows, in percent (whole). */
    public int percent() {
        return valid == 0 ? 100 : (int) ((delivered + failed + checking + cancelled) * 100 / valid);
    }

    public int deliveredPercent() {
        return valid == 0 ? 0 : (int) (delivered * 100 / valid);
    }

    public int failedPercent() {
        return valid == 0 ? 0 : (int) (failed * 100 / valid);
    }

    public int checkingPercent() {
        return valid == 0 ? 0 : (int) (checking * 100 / valid);
    }

    public int cancelledPercent() {
        return valid == 0 ? 0 : (int) (cancelled * 100 / valid);
    }

    public String deliveredAmountText() {
        return Formats.dollars(deliveredAmount);
    }

    /** The rate, as a person reads it; empty before the first row. */
    public String rate() {
        if (perSecond <= 0) {
            return "";
        }
        return perSecond >= 1 ? String.format(java.util.Locale.ROOT, "%.1f rows a second", perSecond)
                : String.format(java.util.Locale.ROOT, "%.0f rows a minute", perSecond * 60);
    }

    /** The time left at the rate so far; empty when nothing waits or there is no rate yet. */
    public String timeLeft() {
        if (waiting == 0 || perSecond <= 0) {
            return "";
        }
        long seconds = (long) Math.ceil(waiting / perSecond);
        if (seconds < 60) {
            return "under a minute";
        }
        long minutes = (seconds + 59) / 60;
        return minutes < 60 ? "about " + Formats.counted((int) minutes, "minute")
                : "about " + (minutes / 60) + " h " + (minutes % 60) + " min";
    }

    /** One line for the audit trail and messages. */
    public String summary() {
        return delivered + " delivered, " + failed + " not sent, " + checking + " being checked, " + waiting
                + " waiting, " + cancelled + " cancelled";
    }
}
