package dev.accolade.storefront.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.raas.client.Catalog;

/**
 * The catalog's brand grid as HTML, assembled from fragments rendered once per catalog snapshot.
 *
 * <p>Every signed-in page view shows up to the whole catalog, which changes only when the cache
 * refreshes; rendering each reward's markup again on every request would make the catalog page many
 * times dearer than any other page. Each reward's list item (with and without its Send button) and
 * each brand card are rendered by the templates in {@code templates/CatalogPage/} the first time they
 * are needed for a snapshot and reused until the next snapshot replaces them, so a filtered view
 * costs no more template work than the full one.
 */
@ApplicationScoped
public class CatalogPage {

    /** Brand cards kept per snapshot; beyond this (unusual filter mixes) a card is rendered and not kept. */
    static final int MAX_CARDS = 4096;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rewardItem(Catalog.Reward reward, boolean canSend, boolean over);

        static native TemplateInstance brandCard(String name, String imageUrl, String initial, RawString items);
    }

    /** A filtered selection: one brand and the rewards of it that pass the filter. */
    public record BrandView(String name, String imageUrl, List<Catalog.Reward> rewards) {
    }

    /** The rendered grid and how much it holds. */
    public record Grid(RawString html, int brands, int rewards) {
    }

    private record Fragments(Catalog catalog, ConcurrentHashMap<String, String> items,
            ConcurrentHashMap<String, String> cards) {
    }

    private volatile Fragments fragments;

    /** The grid for these brands, as a sender (with Send buttons) or a viewer sees it. */
    public Grid render(Catalog catalog, List<BrandView> brands, boolean canSend) {
        return render(catalog, brands, canSend, Long.MAX_VALUE);
    }

    /**
     * The same, rewards that cost more than {@code spendable} (cents: what the sender's budget and
     * allowance have left) marked as over the budget. Such a card is kept as its own variant.
     */
    public Grid render(Catalog catalog, List<BrandView> brands, boolean canSend, long spendable) {
        Fragments f = fragmentsOf(catalog);
        StringBuilder html = new StringBuilder(brands.size() * 900);
        int rewards = 0;
        for (BrandView brand : brands) {
            html.append(card(f, brand, canSend, spendable));
            rewards += brand.rewards().size();
        }
        return new Grid(new RawString(html.toString()), brands.size(), rewards);
    }

    private Fragments fragmentsOf(Catalog catalog) {
        Fragments f = fragments;
        if (f == null || f.catalog() != catalog) {
            f = new Fragments(catalog, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
            fragments = f;
        }
        return f;
    }

    /** Whether even the reward's lowest price is more than what is left to spend. */
    static boolean over(Catalog.Reward r, long spendable) {
        if (spendable == Long.MAX_VALUE || !r.orderable()) {
            return false;
        }
        Long lowest = r.variablePrice() ? r.minPrice() : r.unitPrice();
        return lowest != null && lowest > spendable;
    }

    private static String card(Fragments f, BrandView brand, boolean canSend, long spendable) {
        StringBuilder key = new StringBuilder(64).append(canSend ? 'S' : 'V').append('|').append(brand.name());
        for (Catalog.Reward r : brand.rewards()) {
            key.append('|').append(r.sku());
            if (canSend && over(r, spendable)) {
                key.append('!');
            }
        }
        String cardKey = key.toString();
        String cached = f.cards().get(cardKey);
        if (cached != null) {
            return cached;
        }
        StringBuilder items = new StringBuilder(brand.rewards().size() * 300);
        for (Catalog.Reward r : brand.rewards()) {
            boolean over = canSend && over(r, spendable);
            items.append(f.items().computeIfAbsent((over ? "O|" : canSend ? "S|" : "V|") + r.sku(),
                    k -> Templates.rewardItem(r, canSend, over).render()));
        }
        String initial = brand.name().isEmpty() ? "?" : brand.name().substring(0, 1).toUpperCase(Locale.ROOT);
        String card = Templates.brandCard(brand.name(), brand.imageUrl(), initial, new RawString(items.toString()))
                .render();
        if (f.cards().size() < MAX_CARDS) {
            f.cards().putIfAbsent(cardKey, card);
        }
        return card;
    }

    /** The brands and rewards that pass the filter, in catalog order. */
    static List<BrandView> select(Catalog catalog, CatalogResource.Filter filter) {
        String q = filter.q().toLowerCase(Locale.ROOT);
        Long min = filter.minCents();
        Long max = filter.maxCents();
        List<BrandView> result = new ArrayList<>();
        for (Catalog.Brand brand : catalog.brands()) {
            boolean brandMatches = q.isEmpty() || brand.description().toLowerCase(Locale.ROOT).contains(q);
            List<Catalog.Reward> rewards = new ArrayList<>(brand.rewards().size());
            for (Catalog.Reward r : brand.rewards()) {
                if ((filter.all() || r.orderable())
                        && (brandMatches || r.description().toLowerCase(Locale.ROOT).contains(q))
                        && (filter.type().isEmpty() || filter.type().equals("variable") == r.variablePrice())
                        && (min == null || highest(r) >= min)
                        && (max == null || lowest(r) <= max)) {
                    rewards.add(r);
                }
            }
            if (!rewards.isEmpty()) {
                result.add(new BrandView(brand.description(), brand.imageUrl(), List.copyOf(rewards)));
            }
        }
        return result;
    }

    static long lowest(Catalog.Reward r) {
        return r.variablePrice() ? (r.minPrice() == null ? 1 : r.minPrice()) : r.unitPrice();
    }

    static long highest(Catalog.Reward r) {
        return r.variablePrice() ? (r.maxPrice() == null ? Long.MAX_VALUE : r.maxPrice()) : r.unitPrice();
    }
}
