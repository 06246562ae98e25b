package dev.accolade.storefront.send;

import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.accolade.common.Dollars;
import dev.accolade.common.FormErrors;
import dev.accolade.common.Formats;
import dev.accolade.raas.client.Catalog;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Colleagues;
import dev.accolade.storefront.orders.OrderRequest;

/**
 * Checks a send form: the form's own constraints ({@link SendForm.Entered}), then what needs data:
 * the reward is in the catalog and available, a variable amount is in its range, and a recipient
 * from the manager's directory gets their name. One message per field, a field named only when it is
 * itself the problem. "From" is never empty: left blank, it is the signed-in manager's name, so the
 * recipient always sees who sent the reward.
 */
@ApplicationScoped
public class SendValidator {

    private final CatalogCache catalog;
    private final Colleagues colleagues;
    private final FormErrors errors;

    SendValidator(CatalogCache catalog, Colleagues colleagues, FormErrors errors) {
        this.catalog = catalog;
        this.colleagues = colleagues;
        this.errors = errors;
    }

    public Optional<Catalog.Brand> brandOf(String sku) {
        if (sku == null) {
            return Optional.empty();
        }
        return catalog.get().flatMap(s -> s.catalog().brands().stream()
                .filter(b -> b.rewards().stream().anyMatch(r -> sku.equals(r.sku()))).findFirst());
    }

    /** Why a reward that is in the catalog cannot be sent. */
    static String notOrderable(Catalog.Reward reward) {
        return reward.available() ? "This reward cannot be sent: RaaS offers it at no amount."
                : "This reward is not available at the moment.";
    }

    /**
     * The request the form makes for a manager of this department (whose directory fills in a
     * colleague's name), or empty with the form's errors; {@code sender} is the manager's own name,
     * the "From" of a form that leaves it empty.
     */
    public Optional<OrderRequest> validate(SendForm form, long departmentId, String sender) {
        SendForm.Entered entered = form.entered();
        errors.check(entered);
        Optional<Catalog.Brand> brand = brandOf(form.sku);
        Catalog.Reward reward = brand.flatMap(b -> b.rewards().stream().filter(r -> r.sku().equals(form.sku))
                .findFirst()).orElse(null);
        if (reward == null) {
            errors.add("sku", "This reward is not in the catalog.");
        } else if (!reward.orderable()) {
            errors.add("sku", notOrderable(reward));
        }
        long amount = reward == null ? 0 : amount(reward, form.amount);
        String name = entered.recipientName();
        Long employeeId = null;
        if (!errors.failed("recipientEmail")) {
            Optional<Colleagues.Contact> employee = colleagues.inDepartment(departmentId, entered.recipientEmail());
            if (employee.isPresent()) {
                employeeId = employee.get().id();
                if (name == null) {
                    name = employee.get().name();
                    errors.check(SendForm.Entered.class, "recipientName", name);
                }
            } else if (colleagues.deactivated(entered.recipientEmail())) {
                errors.add("recipientEmail", "This person is no longer in the directory (deactivated): "
                        + "rewards cannot be sent to them. Choose another recipient.");
            } else if (name == null) {
                // An empty name is only a problem once the address is right and not in the directory: until
                // then the email's own message says what to fix, and the directory may still fill it in.
                errors.add("recipientName", "Enter the recipient's name (at least 2 characters): "
                        + "this address is not in your department's directory.");
            }
        }
        String from = entered.from();
        if (from == null) {
            from = SendForm.blankToNull(sender);
            errors.check(SendForm.Entered.class, "from", from);
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OrderRequest(form.token, brand.get(), reward, amount, name, entered.recipientEmail(),
                employeeId, entered.subject(), entered.message(), from));
    }

    /** The amount in cents: the reward's price, or the typed amount within a variable reward's range. */
    private long amount(Catalog.Reward reward, String typed) {
        if (!reward.variablePrice()) {
            return reward.unitPrice();
        }
        OptionalLong cents = Dollars.parse(typed);
        long min = reward.minPrice() == null ? 1 : reward.minPrice();
        long max = reward.maxPrice() == null ? Long.MAX_VALUE : reward.maxPrice();
        String range = "Choose an amount from " + Formats.dollars(min) + " to " + Formats.dollars(max) + ".";
        if (cents.isEmpty()) {
            errors.add("amount", Dollars.isOutOfRange(typed) ? range
                    : Dollars.notAnAmount(typed, "Enter an amount in dollars, such as 25 or 25.50."));
        } else if (cents.getAsLong() < min || cents.getAsLong() > max) {
            errors.add("amount", range);
        } else {
            return cents.getAsLong();
        }
        return 0;
    }
}
