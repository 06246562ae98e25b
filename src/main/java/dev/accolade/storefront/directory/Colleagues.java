package dev.accolade.storefront.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Looks a recipient up in a manager's directory (their own department) on every send: one indexed
 * read straight through JDBC with auto-commit, before the send's transaction, so it opens no JTA
 * transaction and no persistence context and holds its connection only for the read.
 */
@ApplicationScoped
public class Colleagues {

    /** An employee's id and name: what a send needs to know of its recipient. */
    public record Contact(long id, String name) {
    }

    private static final String QUERY = "select id, name from employee where department_id = ? and lower(email) = ?"
            + " and active = true order by id fetch first 1 rows only";

    private static final String DEACTIVATED = "select 1 from employee where lower(email) = ? and active = false";

    private final DataSource dataSource;

    Colleagues(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The department's active employee with this email (any case), if any. */
    public Optional<Contact> inDepartment(long departmentId, String email) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(QUERY)) {
            q.setLong(1, departmentId);
            q.setString(2, email.toLowerCase(Locale.ROOT));
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(new Contact(r.getLong(1), r.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the directory could not be read", e);
        }
    }

    /** Whether this address (any case) is a deactivated employee's: someone who left cannot be sent to. */
    public boolean deactivated(String email) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(DEACTIVATED)) {
            q.setString(1, email.toLowerCase(Locale.ROOT));
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the directory could not be read", e);
        }
    }
}
