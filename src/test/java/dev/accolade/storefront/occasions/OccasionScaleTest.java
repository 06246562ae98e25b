package dev.accolade.storefront.occasions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.accolade.raas.client.RaasClient;
import dev.accolade.storefront.budgets.BudgetFixtures;
import dev.accolade.storefront.budgets.BudgetProfile;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * How long preparing a large directory takes (issue 20: 100,000 employees in at most 10 s). Not part
 * of the suite: {@code -Doccasions.scale=100000} runs it (bench/occasions measures it properly).
 */
@QuarkusTest
@TestProfile(BudgetProfile.class)
@EnabledIfSystemProperty(named = "occasions.scale", matches = "\\d+")
class OccasionScaleTest {

    @Inject
    OccasionPreparer preparer;

    @Inject
    AgroalDataSource data;

    @Inject
    CatalogCache catalog;

    @Inject
    RaasClient raas;

    @Test
    void aLargeDirectoryIsPreparedInTime() throws Exception {
        int size = Integer.getInteger("occasions.scale");
        catalog.refresh();
        OccasionFixtures.program(OccasionProgram.Kind.BIRTHDAY, 7, LocalTime.of(9, 0), "UTC", 50_00,
                new Object[] { 0, "AMZN-E-V-STD", 25_00L, "Happy birthday, {first_name}! {manager}" });
        OccasionFixtures.program(OccasionProgram.Kind.ANNIVERSARY, 7, LocalTime.of(9, 0), "UTC", 200_00,
                new Object[] { 1, "AMZN-E-V-STD", 25_00L, "One year, {first_name}!" },
                new Object[] { 5, "AMZN-E-V-STD", 100_00L, "{years} years, {first_name}!" },
                new Object[] { 10, "AMZN-E-V-STD", 150_00L, "{years} years, {first_name}!" });
        OccasionFixtures.program(OccasionProgram.Kind.WELCOME, 7, LocalTime.of(9, 0), "UTC", 100_00,
                new Object[] { 0, "AMZN-E-V-STD", 50_00L, "Welcome, {first_name}!" });
        List<String> managers = new ArrayList<>();
        List<Department> departments = new ArrayList<>();
        for (int d = 0; d < 20; d++) {
            Department department = BudgetFixtures.department("Scale");
            BudgetFixtures.monthBudget(department, 10_000_000_00L);
            departments.add(department);
            for (int m = 0; m < 25; m++) {
                String email = "scale.manager." + d + "." + m + "@accolade.test";
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                    AppUser u = new AppUser();
                    u.email = email;
                    u.displayName = "Scale Manager";
                    u.role = Role.MANAGER;
                    u.departmentId = department.id;
                    u.passwordHash = "x";
                    u.createdAt = OffsetDateTime.now();
                    u.persist();
                });
                managers.add(email);
            }
        }
        Random random = new Random(20);
        LocalDate today = LocalDate.of(2027, 5, 10);
        try (Connection c = data.getConnection(); PreparedStatement insert = c.prepareStatement("insert into employee (id, name,"
                + " email, department_id, manager_email, active, account_disabled_on_leave, start_date, birth_month, birth_day,"
                + " time_zone, on_leave) values (?, ?, ?, ?, ?, true, false, ?, ?, ?, ?, false)")) {
            for (int i = 0; i < size; i++) {
                LocalDate start = today.minusDays(random.nextInt(365 * 20) - 30);
                LocalDate birthday = LocalDate.ofYearDay(2028, 1 + random.nextInt(366));
                insert.setLong(1, 50_000_000L + i);
                insert.setString(2, "Scale Person " + i);
                insert.setString(3, "scale." + i + "@example.com");
                insert.setLong(4, departments.get(i % departments.size()).id);
                insert.setString(5, managers.get(i % managers.size()));
                insert.setObject(6, start);
                insert.setInt(7, birthday.getMonthValue());
                insert.setInt(8, birthday.getDayOfMonth());
                insert.setString(9, i % 3 == 0 ? "America/New_York" : i % 3 == 1 ? "Europe/Berlin" : null);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        long began = System.nanoTime();
        OccasionPreparer.Run run = preparer.prepareAt(OffsetDateTime.parse("2027-05-10T06:00:00Z"));
        long ms = (System.nanoTime() - began) / 1_000_000;
        System.out.printf("OCCASION SCALE: %d employees, %d drafts, %d not prepared in %d ms%n", size, run.drafts(),
                run.notPrepared(), ms);
        long again = System.nanoTime();
        OccasionPreparer.Run second = preparer.prepareAt(OffsetDateTime.parse("2027-05-10T07:00:00Z"));
        System.out.printf("OCCASION SCALE: a second run made %d drafts in %d ms%n", second.drafts(),
                (System.nanoTime() - again) / 1_000_000);
        assertTrue(ms <= 10_000, ms + " ms");
    }
}
