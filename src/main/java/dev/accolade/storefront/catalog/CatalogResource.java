package dev.accolade.storefront.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import dev.accolade.raas.client.Catalog;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.directory.DepartmentBalance;
import dev.accolade.storefront.security.CurrentUser;

/** The gift-card catalog: search, price and type filters, the department's balance. */
@Path("/catalog")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CatalogResource {

    /** The filters as entered; prices in whole dollars as typed, null when empty. */
    public record Filter(String q, String min, String max, String type, boolean all) {
        Long minCents() {
            return cents(min);
        }

        Long maxCents() {
            return cents(max);
        }

        static Long cents(String dollars) {
            if (dollars == null || dollars.isBlank()) {
                return null;
            }
            try {
                return Math.round(Double.parseDouble(dollars.trim()) * 100);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** A brand with the rewards that pass the filter. */
    public record BrandView(String name, String imageUrl, List<Catalog.Reward> rewards) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalog(List<BrandView> brands, int rewardCount, Filter filter,
                CatalogCache.Snapshot snapshot, Department department, OptionalLong balance);

        static native TemplateInstance unavailable();
    }

    private final CatalogCache cache;
    private final DepartmentBalance balances;
    private final CurrentUser me;

    CatalogResource(CatalogCache cache, DepartmentBalance balances, CurrentUser me) {
        this.cache = cache;
        this.balances = balances;
        this.me = me;
    }

    @GET
    @Transactional
    public TemplateInstance catalog(@QueryParam("q") String q, @QueryParam("min") String min,
            @QueryParam("max") String max, @QueryParam("type") String type, @QueryParam("all") String all) {
        var snapshot = cache.get();
        if (snapshot.isEmpty()) {
            return Templates.unavailable();
        }
        Filter filter = new Filter(q == null ? "" : q.trim(), min, max,
                "fixed".equals(type) || "variable".equals(type) ? type : "", all != null);
        List<BrandView> brands = filter(snapshot.get().catalog(), filter);
        int count = brands.stream().mapToInt(b -> b.rewards().size()).sum();
        Department department = me.getDepartmentId() == null ? null : Department.findById(me.getDepartmentId());
        return Templates.catalog(brands, count, filter, snapshot.get(), department, balances.of(department));
    }

    static List<BrandView> filter(Catalog catalog, Filter f) {
        String q = f.q().toLowerCase(Locale.ROOT);
        Long min = f.minCents();
        Long max = f.maxCents();
        List<BrandView> result = new ArrayList<>();
        for (Catalog.Brand brand : catalog.brands()) {
            boolean brandMatches = q.isEmpty() || brand.description().toLowerCase(Locale.ROOT).contains(q);
            List<Catalog.Reward> rewards = brand.rewards().stream()
                    .filter(r -> f.all() || r.available())
                    .filter(r -> brandMatches || r.description().toLowerCase(Locale.ROOT).contains(q))
                    .filter(r -> f.type().isEmpty() || (f.type().equals("variable") == r.variablePrice()))
                    .filter(r -> min == null || highest(r) >= min)
                    .filter(r -> max == null || lowest(r) <= max)
                    .toList();
            if (!rewards.isEmpty()) {
                result.add(new BrandView(brand.description(), brand.imageUrl(), rewards));
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
