package dev.accolade.raas.sandbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Moves sandbox rows through time, for rules that depend on it (resend every 24 hours, date filters). */
final class SandboxDb {

    private SandboxDb() {
    }

    /** Pretends the order's reward email was last sent {@code ago} before now. */
    static void lastSentAgo(String orderId, Duration ago) {
        OffsetDateTime then = OffsetDateTime.now(ZoneOffset.UTC).minus(ago).withNano(0);
        QuarkusTransaction.requiringNew().run(() -> {
            if (SandboxOrder.update("lastSentAt = ?1 where orderId = ?2", then, orderId) != 1) {
                throw new IllegalStateException("no order " + orderId);
            }
        });
    }

    /** Pretends the order was delivered at the given time. */
    static void deliveredAt(String orderId, OffsetDateTime at) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (SandboxOrder.update("deliveredAt = ?1 where orderId = ?2", at, orderId) != 1) {
                throw new IllegalStateException("no order " + orderId);
            }
        });
    }

    /** Pretends the card's activation delay is over. */
    static void activateNow(String ccToken) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).withNano(0);
        QuarkusTransaction.requiringNew().run(() -> {
            if (SandboxCard.update("activeAt = ?1 where ccToken = ?2", now, ccToken) != 1) {
                throw new IllegalStateException("no card " + ccToken);
            }
        });
    }

    /** Pretends the card was registered with the given expiry month ({@code YYYY-MM}). */
    static void cardExpires(String ccToken, String month) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (SandboxCard.update("expires = ?1 where ccToken = ?2", month, ccToken) != 1) {
                throw new IllegalStateException("no card " + ccToken);
            }
        });
    }

    /** Cards registered to the account and not unregistered. */
    static long cardsOf(String platform, String identifier) {
        return QuarkusTransaction.requiringNew().call(() -> SandboxCard.count(
                "platform = ?1 and accountIdentifier = ?2 and removedAt is null", platform, identifier));
    }

    static int sendCount(String orderId) {
        return QuarkusTransaction.requiringNew().call(
                () -> SandboxOrder.<SandboxOrder>find("orderId", orderId).singleResult().sendCount);
    }

    static long fundsOf(String platform, String identifier) {
        return QuarkusTransaction.requiringNew().call(
                () -> SandboxFund.count("platform = ?1 and accountIdentifier = ?2", platform, identifier));
    }

    static long ordersOf(String platform, String identifier) {
        return QuarkusTransaction.requiringNew().call(
                () -> SandboxOrder.count("platform = ?1 and accountIdentifier = ?2", platform, identifier));
    }
}
