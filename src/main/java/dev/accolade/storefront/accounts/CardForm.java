package dev.accolade.storefront.accounts;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import dev.accolade.common.Amount;
import dev.accolade.common.Dollars;
import dev.accolade.common.EmailAddress;
import dev.accolade.common.Forms;
import dev.accolade.raas.client.BillingAddress;
import dev.accolade.raas.client.CreditCard;

/**
 * The card forms: a charge to a registered card (its amount and the security code RaaS asks for every
 * time, {@link Charge}) or to a card given in full with its billing address ({@link Card}), with the
 * form's one-time token ({@link FundingSubmission}). The number and security code are only passed on
 * to RaaS: they are never stored, logged, audited or put back into a page ({@link #toString()} and
 * {@link #keptValues()} leave them out).
 */
public class CardForm {

    static final DateTimeFormatter MM_YY = DateTimeFormatter.ofPattern("MM/yy");
    private static final String EXPIRY = "^(0[1-9]|1[0-2])\\s*/\\s*(\\d{2}|\\d{4})$";
    private static final java.util.regex.Pattern EXPIRY_PATTERN = java.util.regex.Pattern.compile(EXPIRY);
    private static final String LONG = "Use at most {max} characters.";

    @RestForm
    public String amount;
    @RestForm
    public String securityCode;
    @RestForm
    public String submission;
    @RestForm
    public String number;
    @RestForm
    public String expiry;
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

    /** A charge: the amount (dollars as typed) and the card's security code. */
    record Charge(
            @Amount(min = FundingService.MIN_CENTS, max = FundingService.MAX_CENTS,
                    message = "Enter an amount from {min} to {max}.") String amount,
            @Pattern(regexp = "\\d{3,4}", message = "Enter the 3 or 4 digit security code.") String securityCode) {

        long cents() {
            return Dollars.parse(amount).orElseThrow();
        }
    }

    /**
     * A card given in full: the number's digits, the expiry as typed (a card is valid through its
     * expiry month, which the page checks against today) and the billing address.
     */
    record Card(
            @Valid Charge charge,
            @Pattern(regexp = "\\d{12,19}", message = "Enter the card number: 12 to 19 digits.") String number,
            @Pattern(regexp = EXPIRY, message = "Enter the expiry as MM/YY, for example 09/28.") String expiry,
            @NotBlank(message = "Enter the first name on the card.") @Size(max = 50, message = LONG) String firstName,
            @NotBlank(message = "Enter the last name on the card.") @Size(max = 50, message = LONG) String lastName,
            @NotBlank(message = "Enter the billing address.") @Size(max = 60, message = LONG) String address,
            @NotBlank(message = "Enter the city.") @Size(max = 40, message = LONG) String city,
            @NotBlank(message = "Enter the state or region.") @Size(max = 40, message = LONG) String state,
            @NotBlank(message = "Enter the postal code.") @Size(max = 20, message = LONG) String zip,
            @Size(max = 60, message = LONG) String country,
            @NotBlank(message = "Enter the billing email address.")
            @EmailAddress(message = "Enter the billing email address.") String email) {
    }

    static Charge charge(String amount, String securityCode) {
        return new Charge(amount, Forms.trim(securityCode));
    }

    Card card() {
        return new Card(charge(amount, securityCode), digits(), Forms.trim(expiry), Forms.trim(firstName),
                Forms.trim(lastName), Forms.trim(address), Forms.trim(city), Forms.trim(state), Forms.trim(zip),
                Forms.trim(country), Forms.trim(email));
    }

    public boolean keepCard() {
        return "on".equals(keep) || "true".equals(keep);
    }

    /** The digits of the number. */
    String digits() {
        return number == null ? "" : number.replaceAll("[\\s-]", "");
    }

    /** The expiry month, when it is a month. */
    YearMonth expires() {
        var m = EXPIRY_PATTERN.matcher(Forms.trim(expiry));
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(2));
        return YearMonth.of(year < 100 ? 2000 + year : year, Integer.parseInt(m.group(1)));
    }

    /** The card for RaaS, its expiry written as RaaS's resource wants it. */
    CreditCard card(String expiration) {
        String c = Forms.trim(country);
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
