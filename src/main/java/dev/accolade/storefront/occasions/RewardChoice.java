package dev.accolade.storefront.occasions;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.accolade.common.Dollars;
import dev.accolade.common.Formats;
import dev.accolade.raas.client.Catalog;
import dev.accolade.storefront.catalog.CatalogCache;

/**
 * A reward and amount chosen for an occasion (HR's per program, a manager's per draft): the reward
 * orderable in the catalog as it is now, the amount the reward's price (fixed) or within its range
 * (variable), and never above the program's most.
 */
public record RewardChoice(Catalog.Brand brand, Catalog.Reward reward, long amount) {

    /** A reward a form offers: its SKU and what it says. */
    public record Option(String sku, String label) {
    }

    /** The choice, or the message for the field that is wrong ({@code sku} or {@code amount}). */
    public record Checked(Optional<RewardChoice> choice, String field, String problem) {
    }

    /** Every orderable reward, by brand and description. */
    public static List<Option> options(CatalogCache catalog) {
        return catalog.get().map(s -> s.catalog().brands().stream()
                .flatMap(b -> b.rewards().stream().filter(Catalog.Reward::orderable).map(r -> new Option(r.sku(),
                        b.description() + ": " + r.description() + " (" + price(r) + ")")))
                .sorted(Comparator.comparing(Option::label)).toList()).orElse(List.of());
    }

    static String price(Catalog.Reward r) {
        if (!r.variablePrice()) {
            return Formats.dollars(r.unitPrice());
        }
        return (r.minPrice() == null ? "$0.01" : Formats.dollars(r.minPrice())) + " to "
                + (r.maxPrice() == null ? "any amount" : Formats.dollars(r.maxPrice()));
    }

    /** Checks a SKU and a typed amount (empty for a fixed-price reward: its price) against the catalog and the most. */
    public static Checked check(CatalogCache catalog, String sku, String typed, long most) {
        String wanted = sku == null ? "" : sku.trim();
        Optional<RewardChoice> found = catalog.get().flatMap(s -> s.catalog().brands().stream()
                .flatMap(b -> b.rewards().stream().filter(r -> r.sku().equals(wanted) && r.orderable())
                        .map(r -> new RewardChoice(b, r, 0)))
                .findFirst());
        if (wanted.isEmpty()) {
            return bad("sku", "Choose a reward from the catalog.");
        }
        if (found.isEmpty()) {
            return bad("sku", "This reward is not in the catalog or not available now: choose another.");
        }
        Catalog.Reward r = found.get().reward();
        long cents;
        if (!r.variablePrice()) {
            cents = r.unitPrice();
            OptionalLong entered = Dollars.parse(typed);
            if (typed != null && !typed.isBlank() && (entered.isEmpty() || entered.getAsLong() != cents)) {
                return bad("amount", "This reward has a fixed price of " + Formats.dollars(cents)
                        + ": leave the amount empty or enter that.");
            }
        } else {
            OptionalLong entered = Dollars.parse(typed);
            long min = r.minPrice() == null ? 1 : r.minPrice();
            long max = r.maxPrice() == null ? Long.MAX_VALUE : r.maxPrice();
            if (entered.isEmpty()) {
                return bad("amount", Dollars.notAnAmount(typed, "Enter an amount in dollars, such as 25 or 25.50."));
            }
            cents = entered.getAsLong();
            if (cents < min || cents > max) {
                return bad("amount", "Choose an amount from " + Formats.dollars(min) + " to "
                        + (max == Long.MAX_VALUE ? "any amount" : Formats.dollars(max)) + " for this reward.");
            }
        }
        if (cents > most) {
            return bad("amount", "At most " + Formats.dollars(most) + " for this program.");
        }
        return new Checked(Optional.of(new RewardChoice(found.get().brand(), r, cents)), null, null);
    }

    private static Checked bad(String field, String problem) {
        return new Checked(Optional.empty(), field, problem);
    }
}
