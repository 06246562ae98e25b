package dev.accolade.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Occasions with several replicas, as operators run them: two instances of the packaged application
 * on one PostgreSQL schema both run the occasions job (every 3 s) and the scheduled sends' job (every
 * 2 s). Two employees have an occasion today:
 * <ul>
 * <li>a birthday, whose draft is prepared once and sent once at its time while both instances run;</li>
 * <li>a welcome gift, whose draft is prepared, then both instances are killed (SIGKILL) before its
 * time, which passes while Accolade is down; the instance started again sends it once.</li>
 * </ul>
 * The two programs send at a time of today a little ahead (40 s and 75 s after the employees are
 * added, in UTC), so both are due on the real clock. The instances use their own schema
 * ({@value #SCHEMA}), dropped and created at the start.
 */
class OccasionClusterIT {

    private static final String SCHEMA = "occasion_it";
    private static final String SESSION_KEY = "occasion-it-" + ItDatabase.random(24);
    private static final String RAAS_KEY = "occasion-it-raas-" + ItDatabase.random(12);
    private static final AppInstance.Setup SETUP = new AppInstance.Setup(SCHEMA, "occasion-it", SESSION_KEY, RAAS_KEY);
    private static final String MANAGER = "manager@accolade.test"; // the demo manager, Engineering
    private static final String SKU = "AMZN-E-V-STD";
    private static final List<AppInstance> started = new ArrayList<>();

    @BeforeAll
    static void freshSchema() throws SQLException {
        AppInstance.freshSchema(SCHEMA);
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        for (AppInstance i : started) {
            i.stop();
        }
    }

    @Test
    void aDueDraftIsSentOnceByTwoInstancesAndOnceAfterAnOutageSpanningItsTime() throws Exception {
        AppInstance a = start("a"); // migrates the schema and loads the demo data
        AppInstance b = start("b");

        // Both occasions are today (UTC, the program's zone): the first due in 40 s, the second in 75 s.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ZonedDateTime firstDue = now.plusSeconds(40).atZone(ZoneOffset.UTC);
        ZonedDateTime secondDue = now.plusSeconds(75).atZone(ZoneOffset.UTC);
        long first;
        long second;
        try (Connection c = connect()) {
            // One program per kind: birthdays send at the first time, welcome gifts at the second.
            insertProgram(c, 900001, "BIRTHDAY", firstDue.toLocalTime());
            insertProgram(c, 900002, "WELCOME", secondDue.toLocalTime());
            first = insertEmployee(c, 900001, "occasion.first", firstDue.toLocalDate(), null);
            second = insertEmployee(c, 900002, "occasion.second", null, secondDue.toLocalDate());
        }

        long firstSend = awaitDraft(first);
        long secondSend = awaitDraft(second);
        assertEquals(1, occasions(first), "one occasion for the birthday, though both instances prepare");
        assertEquals(1, occasions(second), "one occasion for the welcome gift");

        awaitPlaced(firstSend, Duration.ofSeconds(90));
        assertTrue(a.process().isAlive() && b.process().isAlive(), "both instances ran while the first was due");
        assertSentOnce(first, "occasion.first");

        assertTrue(Instant.now().isBefore(secondDue.toInstant().minusSeconds(3)),
                "the second draft is still ahead when Accolade goes down");
        assertEquals(137, a.kill(), "a killed with SIGKILL");
        assertEquals(137, b.kill(), "b killed with SIGKILL");
        while (Instant.now().isBefore(secondDue.toInstant().plusSeconds(5))) {
            Thread.sleep(250);
        }
        assertEquals("SCHEDULED", sendState(secondSend), "nothing sent it while Accolade was down");

        start("a-again");
        awaitPlaced(secondSend, Duration.ofSeconds(90));
        assertSentOnce(second, "occasion.second");
        assertSentOnce(first, "occasion.first"); // and the first was not sent again by the restart
    }

    private static AppInstance start(String name) throws Exception {
        AppInstance i = AppInstance.start(SETUP, name, Map.of(
                "ACCOLADE_OCCASIONS_PREPARE_EVERY", "3s",
                "ACCOLADE_SCHEDULE_CHECK_EVERY", "2s"));
        started.add(i);
        return i.awaitReady();
    }

    private static void insertProgram(Connection c, long id, String kind, LocalTime sendTime) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into occasion_program (id, kind, name, enabled,"
                + " days_ahead, send_time, default_zone, max_amount, created_by, created_at)"
                + " values (?, ?, ?, true, 1, ?, 'UTC', 10000, 'occasion-it', now())")) {
            p.setLong(1, id);
            p.setString(2, kind);
            p.setString(3, kind + " (occasion-it)");
            p.setObject(4, sendTime);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("insert into occasion_reward (id, program_id, years, sku, amount,"
                + " message_template) values (?, ?, 0, ?, 2500, 'For you, {first_name}! {manager}')")) {
            p.setLong(1, id);
            p.setLong(2, id);
            p.setString(3, SKU);
            p.executeUpdate();
        }
    }

    private static long insertEmployee(Connection c, long id, String prefix, LocalDate birthday, LocalDate start)
            throws SQLException {
        long department;
        try (PreparedStatement p = c.prepareStatement("select department_id from app_user where email = ?")) {
            p.setString(1, MANAGER);
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next(), "the demo manager is there");
                department = rs.getLong(1);
            }
        }
        try (PreparedStatement p = c.prepareStatement("insert into employee (id, name, email, department_id,"
                + " manager_email, active, account_disabled_on_leave, start_date, birth_month, birth_day, time_zone,"
                + " on_leave) values (?, ?, ?, ?, ?, true, false, ?, ?, ?, 'UTC', false)")) {
            p.setLong(1, id);
            p.setString(2, "Occasion " + prefix.substring(prefix.indexOf('.') + 1));
            p.setString(3, prefix + "@example.com");
            p.setLong(4, department);
            p.setString(5, MANAGER);
            p.setObject(6, start);
            p.setObject(7, birthday == null ? null : birthday.getMonthValue(), java.sql.Types.INTEGER);
            p.setObject(8, birthday == null ? null : birthday.getDayOfMonth(), java.sql.Types.INTEGER);
            p.executeUpdate();
        }
        return id;
    }

    /** Waits for the employee's draft; returns its scheduled send. */
    private static long awaitDraft(long employee) throws Exception {
        long[] send = { 0 };
        AppInstance.waitFor(Duration.ofSeconds(60), "no draft for employee " + employee + " within 60 s", () -> {
            try (Connection c = connect(); PreparedStatement p = c.prepareStatement("select scheduled_send_id from"
                    + " occasion where employee_id = ? and state = 'DRAFT'")) {
                p.setLong(1, employee);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        send[0] = rs.getLong(1);
                        return true;
                    }
                    return false;
                }
            } catch (SQLException e) {
                return false;
            }
        });
        return send[0];
    }

    private static void awaitPlaced(long send, Duration limit) throws Exception {
        AppInstance.waitFor(limit, "scheduled send " + send + " not placed within " + limit.toSeconds() + " s",
                () -> "PLACED".equals(sendState(send)));
    }

    private static String sendState(long send) {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement("select state from scheduled_send"
                + " where id = ?")) {
            p.setLong(1, send);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    private static long occasions(long employee) throws SQLException {
        return number("select count(*) from occasion where employee_id = ?", employee);
    }

    /** One order, delivered, for the occasion's one scheduled send; one sandbox order for the address. */
    private static void assertSentOnce(long employee, String prefix) throws SQLException {
        String email = prefix + "@example.com";
        assertEquals(1, number("select count(*) from scheduled_send where recipient_email = ?", email),
                "one scheduled send for " + email);
        assertEquals(1, number("select count(*) from reward_order where recipient_email = ?", email),
                "one order for " + email);
        assertEquals(1, number("select count(*) from reward_order o join scheduled_send s on s.order_id = o.id"
                + " where o.recipient_email = ? and o.status = 'DELIVERED'", email), "its order delivered");
        assertEquals(1, number("select count(*) from sandbox_order where recipient_email = ?", email),
                "one card bought at RaaS for " + email);
        assertEquals(1, occasions(employee));
    }

    private static long number(String sql, Object value) throws SQLException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, value);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(ItDatabase.url(SCHEMA), ItDatabase.USER, ItDatabase.PASSWORD);
    }
}
