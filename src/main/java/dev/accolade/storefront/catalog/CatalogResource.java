package dev.accolade.storefront.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import dev.accolade.common.Dollars;
import dev.accolade.common.Paging;
import dev.accolade.raas.client.Catalog;
import dev.accolade.storefront.accounts.DepartmentBalance;
import dev.accolade.storefront.budgets.BudgetStatus;
import dev.accolade.storefront.budgets.Budgets;
import dev.accolade.storefront.security.CurrentUser;
import dev.accolade.storefront.security.DepartmentRef;

/** The gift-card catalog: search, price and type filters, the department's balance. */
@Path("/catalog")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CatalogResource {

    /** Brand cards per catalog page: a few screens on a phone, two or three rows on a desktop. */
    static final int BRANDS_PER_PAGE = 12;

    /** The filters as entered; prices in whole dollars as typed, null when empty. */
    public record Filter(String q, String min, String max, String type, boolean all) {

        /** This filter as a query string for the given catalog page, e.g. {@code q=itunes&page=2}. */
        public String query(int page) {
            StringBuilder query = new StringBuilder();
            param(query, "q", q);
            param(query, "min", min);
            param(query, "max", max);
            param(query, "type", type);
            param(query, "all", all ? "1" : null);
            param(query, "page", page > 1 ? Integer.toString(page) : null);
            return query.toString();
        }

        private static void param(StringBuilder query, String name, String value) {
            if (value != null && !value.isBlank()) {
                query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
            }
        }

        Long minCents() {
            return cents(min);
        }

        Long maxCents() {
            return cents(max);
        }

        static Long cents(String dollars) {
            OptionalLong cents = Dollars.parse(dollars);
            return cents.isPresent() ? cents.getAsLong() : null;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalog(CatalogPage.Grid grid, Pager pager, Filter filter,
                CatalogCache.Snapshot snapshot, DepartmentRef department, OptionalLong balance,
                List<BudgetStatus> budgets);

        static native TemplateInstance unavailable();
    }

    /** Where the shown brands sit among all that match. */
    public record Pager(int page, int pages, int brands, int rewards) {
    }

    private final CatalogCache cache;
    private final CatalogPage grids;
    private final DepartmentBalance balances;
    private final Budgets budgets;
    private final CurrentUser me;

    CatalogResource(CatalogCache cache, CatalogPage grids, DepartmentBalance balances, CurrentUser me, Budgets budgets) {
        this.budgets = budgets;
        this.cache = cache;
        this.grids = grids;
        this.balances = balances;
        this.me = me;
    }

    @GET
    public TemplateInstance catalog(@QueryParam("q") String q, @QueryParam("min") String min,
            @QueryParam("max") String max, @QueryParam("type") String type, @QueryParam("all") String all,
            @QueryParam("page") String page) {
        var snapshot = cache.get();
        if (snapshot.isEmpty()) {
            return Templates.unavailable();
        }
        Filter filter = new Filter(q == null ? "" : q.trim(), min, max,
                "fixed".equals(type) || "variable".equals(type) ? type : "", all != null);
        Catalog catalog = snapshot.get().catalog();
        List<CatalogPage.BrandView> matching = CatalogPage.select(catalog, filter);
        int pages = Math.max(1, (matching.size() + BRANDS_PER_PAGE - 1) / BRANDS_PER_PAGE);
        int shown = Math.min(Paging.pageNumber(page), pages);
        List<CatalogPage.BrandView> brands = matching.subList((shown - 1) * BRANDS_PER_PAGE,
                Math.min(matching.size(), shown * BRANDS_PER_PAGE));
        Pager pager = new Pager(shown, pages, matching.size(),
                matching.stream().mapToInt(b -> b.rewards().size()).sum());
        DepartmentRef department = me.getDepartment();
        List<BudgetStatus> budget = me.isManager() && department != null
                ? QuarkusTransaction.requiringNew().call(() -> budgets.forManager(department.id(), me.getUserId()))
                : List.of();
        long spendable = budget.stream().mapToLong(BudgetStatus::remaining).min().orElse(Long.MAX_VALUE);
        CatalogPage.Grid grid = grids.render(catalog, brands, me.isManager(), spendable);
        return Templates.catalog(grid, pager, filter, snapshot.get(), department, balances.of(department), budget);
    }
}
