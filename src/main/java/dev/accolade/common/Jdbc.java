package dev.accolade.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Plain JDBC where a hot or lock-ordered path runs its own statements on a connection it was given. */
public final class Jdbc {

    private Jdbc() {
    }

    /** Whether the connection is to PostgreSQL (else H2, the development and test database). */
    public static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    /** Runs one insert, update or delete with the values bound in order; returns its row count. */
    public static int execute(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        }
    }
}
