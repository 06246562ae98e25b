package dev.accolade.it;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;

/**
 * The PostgreSQL database the integration tests run the packaged application on: 127.0.0.1:5432,
 * database {@code accolade_it}, role {@code accolade}/{@code accolade}; {@code IT_PG_HOST},
 * {@code IT_PG_PORT}, {@code IT_PG_DB}, {@code IT_PG_USER}, {@code IT_PG_PASSWORD} override them.
 */
final class ItDatabase {

    static final String HOST = env("IT_PG_HOST", "127.0.0.1");
    static final String PORT = env("IT_PG_PORT", "5432");
    static final String DB = env("IT_PG_DB", "accolade_it");
    static final String USER = env("IT_PG_USER", "accolade");
    static final String PASSWORD = env("IT_PG_PASSWORD", "accolade");

    static {
        ensure();
    }

    private ItDatabase() {
    }

    /**
     * Makes sure the role and the database exist, so that {@code ./mvnw verify} runs on a machine
     * whose PostgreSQL has never seen Accolade: when the configured role cannot connect, they are
     * created through the superuser {@code postgres} (which development machines let in from
     * 127.0.0.1 without a password). Fails with what to do when neither works.
     */
    static void ensure() {
        try (Connection c = DriverManager.getConnection(url(null), USER, PASSWORD)) {
            return;
        } catch (SQLException notYet) {
            String admin = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
            try (Connection c = DriverManager.getConnection(admin, env("IT_PG_SUPERUSER", "postgres"), "");
                    java.sql.Statement s = c.createStatement()) {
                try (java.sql.ResultSet r = s.executeQuery("select 1 from pg_roles where rolname = '" + USER + "'")) {
                    if (!r.next()) {
                        s.execute("create role " + USER + " login password '" + PASSWORD.replace("'", "''") + "'");
                    }
                }
                try (java.sql.ResultSet r = s.executeQuery("select 1 from pg_database where datname = '" + DB + "'")) {
                    if (!r.next()) {
                        s.execute("create database " + DB + " owner " + USER);
                    }
                }
            } catch (SQLException cannot) {
                throw new IllegalStateException("The integration tests need PostgreSQL on " + HOST + ":" + PORT
                        + " with role " + USER + " (password " + PASSWORD.replaceAll(".", "*") + ") owning database "
                        + DB + " (bash .ci/run creates them; IT_PG_* change them), or run ./mvnw verify -DskipITs. "
                        + "Connecting failed: " + notYet.getMessage(), cannot);
            }
        }
    }

    static String url(String schema) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + DB + (schema == null ? "" : "?currentSchema=" + schema);
    }

    static Connection connect(String password) throws SQLException {
        return DriverManager.getConnection(url(null), USER, password);
    }

    /**
     * A password that names nothing else, so a test can look for it in the logs. When the server
     * does not check passwords from this host (trust authentication, as on development machines) it
     * is a fresh random one; otherwise the configured password, which is distinctive only if it is
     * not a part of the database, user or host names.
     */
    static String passwordToUse() {
        String random = "itpw-" + random(18);
        try (Connection c = connect(random)) {
            return random;
        } catch (SQLException checked) {
            return PASSWORD;
        }
    }

    static boolean distinctive(String password) {
        return password.length() >= 8 && !url(null).contains(password) && !USER.contains(password);
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
