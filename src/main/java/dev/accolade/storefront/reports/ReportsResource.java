package dev.accolade.storefront.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Csv;
import dev.accolade.common.PublicUrl;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.Role;

/**
 * HR's reports: spend and number of delivered rewards by department, month, brand, manager and
 * recipient, with a chart, the same figures as a table, a printable view and CSV downloads.
 */
@Path("/reports")
@RolesAllowed({ Role.HR_NAME, Role.ADMIN_NAME })
@Produces(MediaType.TEXT_HTML)
public class ReportsResource {

    /** Rows shown on a page for the long reports; the CSV has every row. */
    static final int SHOWN = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(Reports.Report report, List<Reports.Row> shown, List<Department> departments,
                Dimension[] dimensions, String departmentName, String chartType);

        static native TemplateInstance print(Reports.Report report, List<Reports.Row> shown, String departmentName);

        static native TemplateInstance missing(String title, String message);
    }

    private final Reports reports;
    private final Clock clock;
    private final DataSource dataSource;

    ReportsResource(Reports reports, Clock clock, DataSource dataSource) {
        this.reports = reports;
        this.clock = clock;
        this.dataSource = dataSource;
    }

    @GET
    public Response report(@QueryParam("by") String by, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("department") String department) {
        return page(by, from, to, department, false);
    }

    @GET
    @Path("print")
    public Response print(@QueryParam("by") String by, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("department") String department) {
        return page(by, from, to, department, true);
    }

    private Response page(String by, String from, String to, String department, boolean print) {
        Dimension d = Dimension.parse(by);
        if (d == null) {
            return Response.status(404).entity(Templates.missing("No such report",
                    "Reports are by department, month, brand, manager or recipient.")).build();
        }
        List<Department> departments = QuarkusTransaction.requiringNew().call(Department::listByName);
        ReportFilter filter = filter(from, to, department, departments);
        Reports.Report report = reports.report(d, filter);
        List<Reports.Row> shown = d == Dimension.MONTH || d == Dimension.DEPARTMENT ? report.rows()
                : report.rows().subList(0, Math.min(SHOWN, report.rows().size()));
        String name = departments.stream().filter(x -> x.id.equals(filter.departmentId())).map(x -> x.name)
                .findFirst().orElse(null);
        TemplateInstance page = print ? Templates.print(report, shown, name)
                : Templates.report(report, shown, departments, Dimension.values(), name,
                        d == Dimension.MONTH ? "line" : "bar");
        return Response.ok(page).build();
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("by") String by, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("department") String department) {
        Dimension d = Dimension.parse(by);
        if (d == null) {
            return Response.status(404).type(MediaType.TEXT_PLAIN).entity("No such report.").build();
        }
        List<Department> departments = QuarkusTransaction.requiringNew().call(Department::listByName);
        ReportFilter filter = filter(from, to, department, departments);
        Reports.Report report = reports.report(d, filter);
        String file = "rewards-by-" + d.slug() + "-" + filter.from() + "-to-" + filter.to() + ".csv";
        // The rows' labels, as the page shows them: their internal keys (department and user ids) mean
        // nothing to whoever opens the file.
        return Csv.download(file, new String[] { d.label(), "Rewards", "Spend (USD)" }, out -> {
            for (Reports.Row r : report.rows()) {
                out.printRecord(Csv.text(r.label()), r.rewards(), Csv.money(r.spend()));
            }
        });
    }

    /** Every order of the period (any status), streamed from the database. */
    @GET
    @Path("orders.csv")
    @Produces("text/csv")
    public Response orders(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("department") String department) {
        List<Department> departments = QuarkusTransaction.requiringNew().call(Department::listByName);
        ReportFilter filter = filter(from, to, department, departments);
        String sql = "select o.id, o.created_at, o.delivered_at, o.status, d.name, o.requester_email, o.recipient_name,"
                + " o.recipient_email, o.brand, o.reward_description, o.sku, o.amount, o.raas_order_id"
                + " from reward_order o join department d on d.id = o.department_id"
                + " where o.created_at >= ? and o.created_at < ?" + (filter.departmentId() == null ? "" : " and o.department_id = ?")
                + " order by o.created_at, o.id";
        String[] header = { "Order", "Sent at (UTC)", "Delivered at (UTC)", "Status", "Department", "Manager",
                "Recipient name", "Recipient email", "Brand", "Reward", "SKU", "Amount (USD)", "Tango Card order",
                "Order page" };
        String pages = PublicUrl.link("/orders/");
        return Csv.download("orders-" + filter.from() + "-to-" + filter.to() + ".csv", header,
                out -> QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
                    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setFetchSize(1000);
                        ps.setObject(1, filter.start());
                        ps.setObject(2, filter.end());
                        if (filter.departmentId() != null) {
                            ps.setLong(3, filter.departmentId());
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.printRecord(rs.getLong(1), Csv.time(rs.getObject(2, OffsetDateTime.class)),
                                        Csv.time(rs.getObject(3, OffsetDateTime.class)), rs.getString(4),
                                        Csv.text(rs.getString(5)), Csv.text(rs.getString(6)), Csv.text(rs.getString(7)),
                                        Csv.text(rs.getString(8)), Csv.text(rs.getString(9)), Csv.text(rs.getString(10)),
                                        Csv.text(rs.getString(11)), Csv.money(rs.getLong(12)), Csv.text(rs.getString(13)),
                                        pages + rs.getLong(1));
                            }
                        }
                    } catch (java.sql.SQLException | java.io.IOException e) {
                        throw new IllegalStateException("CSV export stopped: " + e.getMessage(), e);
                    }
                }));
    }

    private ReportFilter filter(String from, String to, String department, List<Department> departments) {
        ReportFilter f = ReportFilter.parse(from, to, department, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        if (f.departmentId() != null && departments.stream().noneMatch(d -> d.id.equals(f.departmentId()))) {
            return f.withoutDepartment("There is no such department: every department is shown.");
        }
        return f;
    }
}
