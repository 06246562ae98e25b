package dev.accolade.storefront.reports;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Csv;
import dev.accolade.storefront.budgets.BudgetLine;
import dev.accolade.storefront.budgets.Budgets;
import dev.accolade.storefront.security.Role;

/**
 * Budget against actual for today's budgets, per department and per manager: a chart of what was
 * spent (the report pages' chart, drawn from the table), the table and a CSV download.
 */
@Path("/reports/budgets")
@RolesAllowed({ Role.HR_NAME, Role.ADMIN_NAME })
public class BudgetReportResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance budgets(List<BudgetLine> lines, String today);
    }

    private final Budgets budgets;

    BudgetReportResource(Budgets budgets) {
        this.budgets = budgets;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.budgets(budgets.budgetVsActual(), budgets.today().toString());
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export() {
        List<BudgetLine> lines = budgets.budgetVsActual();
        return Csv.download("budget-vs-actual-" + budgets.today() + ".csv", new String[] { "Department", "Manager",
                "Period", "Budget (USD)", "Spent (USD)", "Reserved (USD)", "Left (USD)" }, out -> {
                    for (BudgetLine l : lines) {
                        out.printRecord(Csv.text(l.department()), Csv.text(l.manager() == null ? "" : l.manager()),
                                Csv.text(l.period()), Csv.money(l.budget()), Csv.money(l.spent()), Csv.money(l.reserved()),
                                Csv.money(l.remaining()));
                    }
                });
    }
}
