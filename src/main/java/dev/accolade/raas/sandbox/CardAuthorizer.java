package dev.accolade.raas.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sandbox's card network. A card past its expiry month is declined ({@code CC_DECLINED}), as a
 * card processor declines it; otherwise the test card decides the outcome (see README.md, "Test
 * cards"): 4111111111111111 is approved, 4000000000000002 declined (CC_DECLINED), 4000000000000119
 * errors (CC_ERROR), 4000000000000101 goes to review (CC_REVIEW), and any other number is CC_UNKNOWN.
 * The number is looked at here and nowhere else; it is never kept, only a keyed fingerprint of it
 * that tells a second registration of the same card apart.
 */
@ApplicationScoped
public class CardAuthorizer {

    public static final String APPROVED_CARD = "4111111111111111";

    private static final DateTimeFormatter MONTH_SLASH_YEAR = DateTimeFormatter.ofPattern("MM/yy");
    private static final DateTimeFormatter YEAR_DASH_MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final Clock clock;

    CardAuthorizer(Clock clock) {
        this.clock = clock;
    }

    /** Authorizes the card with the given number and expiry month now. */
    public CardDecision authorize(String number, YearMonth expires) {
        if (expired(expires)) {
            return CardDecision.EXPIRED;
        }
        return switch (digits(number)) {
            case APPROVED_CARD -> CardDecision.APPROVED;
            case "4000000000000002" -> new CardDecision(false, "CC_DECLINED",
                    "The credit card was declined. Please use another card or contact your bank.");
            case "4000000000000119" -> new CardDecision(false, "CC_ERROR",
                    "The credit card could not be processed because of an error. Please try again later.");
            case "4000000000000101" -> new CardDecision(false, "CC_REVIEW",
                    "The payment is held for review. Please contact Tango Card support before trying again.");
            default -> new CardDecision(false, "CC_UNKNOWN",
                    "The credit card could not be authorized. Please check the details or use another card.");
        };
    }

    /** Whether a card with this expiry can no longer be charged: it is valid through its expiry month (UTC). */
    public boolean expired(YearMonth expires) {
        return expires.isBefore(YearMonth.now(clock));
    }

    /**
     * Identifies a card number without keeping it: HMAC-SHA256 of its digits under the platform's
     * key, so the database alone cannot be searched for a number, and platforms never share a value.
     */
    public static String fingerprint(String number, String platformKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(platformKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(digits(number).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** {@code MM/YY}, as in {@code POST funds}. */
    public static YearMonth monthSlashYear(String value) {
        try {
            return YearMonth.parse(value, MONTH_SLASH_YEAR);
        } catch (DateTimeParseException e) {
            throw RaasException.validation("credit_card.expiration", "must be a month in MM/YY format");
        }
    }

    /** {@code YYYY-MM}, as in {@code POST cc_register}. */
    public static YearMonth yearDashMonth(String value) {
        try {
            return YearMonth.parse(value, YEAR_DASH_MONTH);
        } catch (DateTimeParseException e) {
            throw RaasException.validation("credit_card.expiration", "must be a month in YYYY-MM format");
        }
    }

    /** The number as written, without the spaces or dashes people put between its groups. */
    private static String digits(String number) {
        return number == null ? "" : number.replaceAll("[\\s-]", "");
    }
}
