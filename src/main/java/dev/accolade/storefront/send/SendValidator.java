package dev.accolade.storefront.send;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.accolade.common.Dollars;
import dev.accolade.common.Formats;
import dev.accolade.raas.client.Catalog;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Colleagues;
import dev.accolade.storefront.orders.OrderRequest;

/**
 * Checks a send form against the catalog and the RaaS order schema (recipient name 2–255 characters,
 * an email address, subject up to 255, message and from up to 255), with one message per field: a
 * field is named only when it is itself the problem. "From" is never empty: left blank, it is the
 * signed-in manager's name, so the recipient always sees who sent the reward.
 */
@ApplicationScoped
public class SendValidator {

    static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
    static final Pattern TOKEN = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    /** The result: a request, or the errors by field name. */
    public record Result(Optional<OrderRequest> request, Map<String, String> errors) {
    }

    private final CatalogCache catalog;
    private final Colleagues colleagues;

    SendValidator(CatalogCache catalog, Colleagues colleagues) {
        this.catalog = catalog;
        this.colleagues = colleagues;
    }

    public Optional<Catalog.Brand> brandOf(String sku) {
        if (sku == null) {
            return Optional.empty();
        }
        return catalog.get().flatMap(s -> s.catalog().brands().stream()
                .filter(b -> b.rewards().stream().anyMatch(r -> sku.equals(r.sku()))).findFirst());
    }

    /**
     * Checks the form for a manager of this department (whose directory fills in a colleague's name);
     * {@code sender} is the manager's own name, the "From" of a form that leaves it empty.
     */
    public Result validate(SendForm form, long departmentId, String sender) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Catalog.Brand> brand = brandOf(form.sku);
        Catalog.Reward reward = brand.flatMap(b -> b.rewards().stream().filter(r -> r.sku().equals(form.sku))
                .findFirst()).orElse(null);
        if (reward == null) {
            errors.put("sku", "This reward is not in the catalog.");
        } else if (!reward.available()) {
            errors.put("sku", "This reward is not available at the moment.");
        }
        long amount = 0;
        if (reward != null) {
            if (reward.variablePrice()) {
                OptionalLong cents = Dollars.parse(form.amount);
                long min = reward.minPrice() == null ? 1 : reward.minPrice();
                long max = reward.maxPrice() == null ? Long.MAX_VALUE : reward.maxPrice();
                String range = "Choose an amount from " + Formats.dollars(min) + " to " + Formats.dollars(max) + ".";
                if (cents.isEmpty()) {
                    errors.put("amount", Dollars.isNegative(form.amount) ? range
                            : Dollars.notAnAmount(form.amount, "Enter an amount in dollars, such as 25 or 25.50."));
                } else if (cents.getAsLong() < min || cents.getAsLong() > max) {
                    errors.put("amount", range);
                } else {
                    amount = cents.getAsLong();
                }
            } else {
                amount = reward.unitPrice();
            }
        }
        String email = SendForm.trim(form.recipientEmail);
        String name = SendForm.trim(form.recipientName);
        Long employeeId = null;
        boolean emailValid = false;
        if (email == null || email.isEmpty()) {
            errors.put("recipientEmail", "Enter the recipient's email address.");
        } else if (email.length() > 255 || !EMAIL.matcher(email).matches()) {
            errors.put("recipientEmail", "Enter a valid email address, such as ada@example.com.");
        } else {
            emailValid = true;
            Optional<Colleagues.Contact> employee = colleagues.inDepartment(departmentId, email);
            if (employee.isPresent()) {
                employeeId = employee.get().id();
                if (name == null || name.isEmpty()) {
                    name = employee.get().name();
                }
            }
        }
        if (name == null || name.isEmpty()) {
            // An empty name is only a problem once the address is right and not in the directory: until
            // then the email's own message says what to fix, and the directory may still fill it in.
            if (emailValid) {
                errors.put("recipientName", "Enter the recipient's name (at least 2 characters): "
                        + "this address is not in your department's directory.");
            }
        } else if (name.length() < 2) {
            errors.put("recipientName", "Enter the recipient's name (at least 2 characters).");
        } else if (name.length() > 255) {
            errors.put("recipientName", "The name can have at most 255 characters.");
        }
        String subject = blankToNull(form.subject);
        if (subject != null && subject.length() > 255) {
            errors.put("subject", "The subject can have at most 255 characters.");
        }
        // A browser submits a textarea's line breaks as CRLF but counts each as one character against
        // its maxlength: count them the same way, so a message the form accepted is never refused.
        String message = blankToNull(form.message == null ? null : form.message.replace("\r\n", "\n"));
        if (message != null && message.length() > 255) {
            errors.put("message", "The message can have at most 255 characters (it has " + message.length() + ").");
        }
        String from = blankToNull(form.from);
        if (from == null) {
            from = blankToNull(sender);
        }
        if (from != null && from.length() > 255) {
            errors.put("from", "The sender name can have at most 255 characters.");
        }
        if (form.token == null || !TOKEN.matcher(form.token).matches()) {
            errors.put("token", "This form has expired: start again from the catalog.");
        }
        if (!errors.isEmpty()) {
            return new Result(Optional.empty(), errors);
        }
        return new Result(Optional.of(new OrderRequest(form.token, brand.get(), reward, amount, name, email, employeeId,
                subject, message, from)), errors);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
