package dev.accolade.storefront.audit;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.qute.TemplateExtension;


/**
 * An audit row in words for people: what happened ("Signed out" for {@code SIGN_OUT}), how it ended,
 * where from ("this computer" for a loopback address), and the order it is about, to link to. The codes
 * stay on the page beside the words and in the CSV: they are what the filter and the chain use.
 */
@TemplateExtension
public final class AuditWords {

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("SEND_ATTEMPT", "Reward submitted"),
            Map.entry("SEND_OUTCOME", "RaaS answered a reward order"),
            Map.entry("RECONCILE", "Reward outcome found in RaaS's order history"),
            Map.entry("RESEND", "Reward email sent again"),
            Map.entry("SIGN_IN", "Signed in"),
            Map.entry("SIGN_OUT", "Signed out"),
            Map.entry("SIGN_OUT_EVERYWHERE", "Signed out everywhere"),
            Map.entry("ACCESS_REFUSED", "Refused access"),
            Map.entry("USER_CREATE", "User added"),
            Map.entry("USER_UPDATE", "User changed"),
            Map.entry("USER_ENABLE", "User enabled"),
            Map.entry("USER_DISABLE", "User disabled"),
            Map.entry("USER_INVITE", "Invitation sent"),
            Map.entry("INVITATION_ACCEPT", "Invitation accepted"),
            Map.entry("USER_PASSWORD_RESET", "Password reset by an administrator"),
            Map.entry("USER_PASSWORD_CHANGE", "Password changed"),
            Map.entry("DEPARTMENT_CREATE", "Department added"),
            Map.entry("DEPARTMENT_UPDATE", "Department changed"),
            Map.entry("DIRECTORY_IMPORT", "Employee list imported"),
            Map.entry("DIRECTORY_DRY_RUN", "Employee list checked"),
            Map.entry("RAAS_ACCOUNT_CREATE", "Gift card account opened"),
            Map.entry("RAAS_ACCOUNT_LINK", "Gift card account connected"),
            Map.entry("FUND", "Money added to a gift card account"),
            Map.entry("CARD_REGISTER", "Payment card saved"),
            Map.entry("CARD_UNREGISTER", "Payment card removed"),
            Map.entry("CATALOG_REFRESH", "Catalog refreshed"),
            Map.entry("RAAS_BREAKER_RESET", "Connection to RaaS retried"),
            Map.entry("audit.verify", "Audit trail checked"),
            Map.entry("reconciliation.run", "Orders compared with RaaS"));

    private static final Map<String, String> OUTCOMES = Map.ofEntries(
            Map.entry("SUCCESS", "Done"),
            Map.entry("FAILED", "Failed"),
            Map.entry("PENDING", "Submitted"),
            Map.entry("DELIVERED", "Delivered"),
            Map.entry("UNKNOWN", "Not known yet"),
            Map.entry("REFUSED", "Refused"),
            Map.entry("DECLINED", "Declined"),
            Map.entry("THROTTLED", "Too many attempts"),
            Map.entry("LOCKED", "Locked"),
            Map.entry("INTACT", "Intact"),
            Map.entry("BROKEN", "Broken"));

    private static final Pattern ORDER = Pattern.compile("order (\\d{1,18})");

    private AuditWords() {
    }

    /** {@code SIGN_OUT} reads "Signed out"; a code without words reads as itself in lower case. */
    static String actionWords(AuditEvent e) {
        return words(ACTIONS, e.action);
    }

    static String outcomeWords(AuditEvent e) {
        return words(OUTCOMES, e.outcome);
    }

    /** Where the request came from: a loopback address is this computer. */
    static String fromWords(AuditEvent e) {
        return place(e.ip);
    }

    private static String place(String ip) {
        if (ip == null) {
            return null;
        }
        if (ip.startsWith("127.") || ip.equals("::1") || ip.equals("0:0:0:0:0:0:0:1")) {
            return "this computer (localhost)";
        }
        return ip;
    }

    /** The number of the reward order the row is about ({@code order 123}), or null. */
    static Long orderId(AuditEvent e) {
        if (e.target == null) {
            return null;
        }
        Matcher m = ORDER.matcher(e.target);
        return m.matches() ? Long.valueOf(m.group(1)) : null;
    }

    private static String words(Map<String, String> known, String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String w = known.get(code);
        if (w != null) {
            return w;
        }
        String plain = code.replace('_', ' ').replace('.', ' ').toLowerCase(Locale.ROOT).trim();
        return plain.isEmpty() ? code : Character.toUpperCase(plain.charAt(0)) + plain.substring(1);
    }
}
