package dev.accolade.storefront.accounts;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.RestForm;

import dev.accolade.raas.client.BillingAddress;
import dev.accolade.raas.client.CreditCard;
import dev.accolade.common.AdminForms;

/**
 * The card form. The number and security code are only passed on to RaaS: they are never stored,
 * logged, audited or put back into a page ({@link #toString()} and {@link #keptValues()} leave them out).
 */
public class CardForm {

    static final DateTimeFormatter MM_YY = DateTimeFormatter.ofPattern("MM/yy");
    private static final Pattern EXPIRY = Pattern.compile("^(0[1-9]|1[0-2])\\s*/\\s*(\\d{2}|\\d{4})$");
    private static final Pattern CVV = Pattern.compile("^\\d{3,4}$");

    @RestForm
    public String amount;
    @RestForm
    public String number;
    @RestForm
    public String expiry;
    @RestForm
    public String securityCode;
    @RestForm
    public String firstName;
    @RestForm
    public String lastName;
    @RestForm
    public String address;
    @RestForm
    public String city;
    @RestForm
    public String state;
    @RestForm
    public String zip;
    @RestForm
    public String country;
    @RestForm
    public String email;
    /** "on" to register the card with RaaS (cc_register) and keep its token for later fundings. */
    @RestForm
    public String keep;

    public boolean keepCard() {
        return "on".equals(keep) || "true".equals(keep);
    }

    /** The digits of the number. */
    String digits() {
        return number == null ? "" : number.replaceAll("[\\s-]", "");
    }

    /** The expiry month, when it is a month. */
    YearMonth expires() {
        var m = EXPIRY.matcher(AdminForms.trim(expiry));
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(2));
        return YearMonth.of(year < 100 ? 2000 + year : year, Integer.parseInt(m.group(1)));
    }

    /** Field errors of everything but the amount; a card is valid through its expiry month. */
    Map<String, String> errors(YearMonth thisMonth) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!digits().matches("\\d{12,19}")) {
            errors.put("number", "Enter the card number: 12 to 19 digits.");
        }
        YearMonth expires = expires();
        if (expires == null) {
            errors.put("expiry", "Enter the expiry as MM/YY, for example 09/28.");
        } else if (expires.isBefore(thisMonth)) {
            errors.put("expiry", "This card expired at the end of " + expires.format(MM_YY)
                    + ". Use a card that is still valid.");
        }
        if (securityCode == null || !CVV.matcher(securityCode.strip()).matches()) {
            errors.put("securityCode", "Enter the 3 or 4 digit security code.");
        }
        required(errors, "firstName", firstName, 50, "the first name on the card");
        required(errors, "lastName", lastName, 50, "the last name on the card");
        required(errors, "address", address, 60, "the billing address");
        required(errors, "city", city, 40, "the city");
        required(errors, "state", state, 40, "the state or region");
        required(errors, "zip", zip, 20, "the postal code");
        if (country != null && country.strip().length() > 60) {
            errors.put("country", "Use at most 60 characters.");
        }
        if (!AdminForms.isEmail(AdminForms.trim(email))) {
            errors.put("email", "Enter the billing email address.");
        }
        return errors;
    }

    private static void required(Map<String, String> errors, String field, String value, int max, String what) {
        String v = AdminForms.trim(value);
        if (v.isEmpty()) {
            errors.put(field, "Enter " + what + ".");
        } else if (v.length() > max) {
            errors.put(field, "Use at most " + max + " characters.");
        }
    }

    /** The card for RaaS, its expiry written as RaaS's resource wants it. */
    CreditCard card(String expiration) {
        String c = AdminForms.trim(country);
        return new CreditCard(digits(), expiration, securityCode.strip(), new BillingAddress(firstName.strip(),
                lastName.strip(), address.strip(), city.strip(), state.strip(), zip.strip(), c.isEmpty() ? null : c,
                email.strip()));
    }

    /** The values a page may show again after an error: never the number or the security code. */
    Map<String, String> keptValues() {
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("amount", amount);
        kept.put("expiry", expiry);
        kept.put("firstName", firstName);
        kept.put("lastName", lastName);
        kept.put("address", address);
        kept.put("city", city);
        kept.put("state", state);
        kept.put("zip", zip);
        kept.put("country", country);
        kept.put("email", email);
        kept.put("keep", keepCard() ? "on" : null);
        return kept;
    }

    @Override
    public String toString() {
        return "CardForm[amount=" + amount + ", number=****" + lastFour() + ", security_code=***]";
    }

    String lastFour() {
        String d = digits();
        return d.length() < 4 ? "" : d.substring(d.length() - 4);
    }
}
