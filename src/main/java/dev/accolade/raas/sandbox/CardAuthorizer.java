package dev.accolade.raas.sandbox;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sandbox's card network. Test cards decide the outcome (see README.md, "Test cards"):
 * 4111111111111111 is approved, 4000000000000002 declined (CC_DECLINED), 4000000000000119 errors
 * (CC_ERROR), 4000000000000101 goes to review (CC_REVIEW), and any other number is CC_UNKNOWN. The
 * expiry must be a month in the resource's format, but a past one is not declined: the spec's own
 * examples ({@code 02/20}, {@code 2016-11}) must work as written. The number is looked at here and
 * nowhere else; it is never kept.
 */
@ApplicationScoped
public class CardAuthorizer {

    public static final String APPROVED_CARD = "4111111111111111";

    private static final DateTimeFormatter MONTH_SLASH_YEAR = DateTimeFormatter.ofPattern("MM/yy");
    private static final DateTimeFormatter YEAR_DASH_MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    public CardDecision authorize(String number) {
        String digits = number == null ? "" : number.replaceAll("[\\s-]", "");
        return switch (digits) {
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
}
