package dev.accolade.storefront.send;

import org.jboss.resteasy.reactive.RestForm;

/**
 * What a manager enters to send a reward. The same fields travel through the form, the review page
 * and the final POST; {@code token} identifies this one send and is what makes it happen once.
 */
public class SendForm {

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

    static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
