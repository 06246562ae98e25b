package dev.accolade.storefront.send;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import dev.accolade.common.EmailAddress;
import dev.accolade.common.MaxLength;
import dev.accolade.storefront.catalog.Sku;

/**
 * What a manager enters to send a reward. The same fields travel through the form, the review page
 * and the final POST, as typed (a form shown again shows them so); {@code token} identifies this one
 * send and is what makes it happen once.
 */
public class SendForm {

    /** A form's one-time token: a random UUID, as the form is rendered with. */
    static final String TOKEN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    private static final java.util.regex.Pattern TOKEN_PATTERN = java.util.regex.Pattern.compile(TOKEN);
    private static final String EXPIRED = "This form has expired: start again from the catalog.";

    @RestForm
    public String token;
    @RestForm
    public String sku;
    @RestForm
    public String recipientName;
    @RestForm
    public String recipientEmail;
    /** Dollars as typed, for variable-price rewards. */
    @RestForm
    public String amount;
    @RestForm
    public String subject;
    @RestForm
    public String message;
    @RestForm
    public String from;
    /** Send later: the day ({@code 2026-12-04}), empty to send at once; the time and its time zone. */
    @RestForm
    public String sendDate;
    @RestForm
    public String sendTime;
    @RestForm
    public String sendZone;

    public static SendForm of(String token, String sku, String recipientName, String recipientEmail, String amount,
            String subject, String message, String from) {
        SendForm f = new SendForm();
        f.token = token;
        f.sku = sku;
        f.recipientName = recipientName;
        f.recipientEmail = recipientEmail;
        f.amount = amount;
        f.subject = subject;
        f.message = message;
        f.from = from;
        return f;
    }

    /** Whether the text is a form's one-time token. */
    static boolean isToken(String text) {
        return text != null && TOKEN_PATTERN.matcher(text).matches();
    }

    /** The fields as the rules read them. */
    Entered entered() {
        // A browser submits a textarea's line breaks as CRLF but counts each as one character against
        // its maxlength: count them the same way, so a message the form accepted is never refused.
        return new Entered(sku, trim(recipientEmail), trimToNull(recipientName), amount, blankToNull(subject),
                blankToNull(message == null ? null : message.replace("\r\n", "\n")), blankToNull(from), token);
    }

    /**
     * The form's fields as its rules read them, trimmed, an empty optional text as none, and the rules
     * that need nothing but the text (the RaaS order schema's: a recipient name of 2 to 255
     * characters, an email address, texts up to 255). The catalog's rules (the reward exists and is
     * available, a variable amount in its range) and the directory's are {@link SendValidator}'s.
     */
    record Entered(
            @Sku String sku,
            @NotBlank(message = "Enter the recipient's email address.")
            @EmailAddress(message = "Enter a valid email address, such as ada@example.com.") String recipientEmail,
            @Size(min = 2, message = "Enter the recipient's name (at least 2 characters).")
            @Size(max = 255, message = "The name can have at most 255 characters.") String recipientName,
            String amount,
            @Size(max = 255, message = "The subject can have at most 255 characters.") String subject,
            @MaxLength(value = 255, message = "The message can have at most 255 characters (it has {length}).")
            String message,
            @Size(max = 255, message = "The sender name can have at most 255 characters.") String from,
            @NotNull(message = EXPIRED) @Pattern(regexp = TOKEN, message = EXPIRED) String token) {
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static String trimToNull(String s) {
        return s == null || s.trim().isEmpty() ? null : s.trim();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
