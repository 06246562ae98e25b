package dev.accolade.storefront.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Looks the session and its user up on every request, so that signing out (which ends the session's
 * row), disabling a user or raising their session version ends the session at once, on every replica.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationMechanism.SessionRequest> {

    public static final String USER_ID = "accolade.user-id";
    public static final String DEPARTMENT_ID = "accolade.department-id";
    public static final String DEPARTMENT = "accolade.department";
    public static final String DISPLAY_NAME = "accolade.display-name";
    public static final String SIGNED_IN_AT = "accolade.signed-in-at";
    public static final String SESSION_VERSION = "accolade.session-version";
    public static final String SESSION_ID = "accolade.session-id";

    private final DataSource dataSource;

    SessionIdentityProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Class<SessionAuthenticationMechanism.SessionRequest> getRequestType() {
        return SessionAuthenticationMechanism.SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationMechanism.SessionRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> identity(request.session));
    }

    /**
     * One read by primary key of the session, its user and their department per request, straight
     * through JDBC with auto-commit: the session check must be as fresh as the database, and it runs before every
     * signed-in page, so it opens no JTA transaction and no persistence context.
     */
    SecurityIdentity identity(SessionCookies.Session session) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(USER_QUERY)) {
            q.setString(1, session.id());
            try (ResultSet r = q.executeQuery()) {
                if (!r.next() || r.getLong("user_id") != session.userId() || !r.getBoolean("enabled")
                        || r.getInt("session_version") != session.version()) {
                    throw new AuthenticationFailedException("session is no longer valid");
                }
                QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(r.getString("email")))
                        .addRole(Role.valueOf(r.getString("role")).name())
                        .addAttribute(USER_ID, session.userId())
                        .addAttribute(DISPLAY_NAME, r.getString("display_name"))
                        .addAttribute(SIGNED_IN_AT, session.signedInAt())
                        .addAttribute(SESSION_VERSION, session.version())
                        .addAttribute(SESSION_ID, session.id());
                long departmentId = r.getLong("department_id");
                if (!r.wasNull()) {
                    builder.addAttribute(DEPARTMENT_ID, departmentId);
                    builder.addAttribute(DEPARTMENT, new DepartmentRef(departmentId, r.getString("department_name"),
                            r.getString("raas_customer"), r.getString("raas_account_identifier"),
                            r.getLong("low_balance_threshold")));
                }
                return builder.build();
            }
        } catch (SQLException e) {
            throw new AuthenticationFailedException("the session could not be checked", e);
        }
    }

    /** The session's row (by its primary key, while it has not ended), its user and their department. */
    private static final String USER_QUERY = """
            select s.user_id, u.email, u.display_name, u.role, u.enabled, u.session_version, u.department_id,
                   d.name as department_name, d.raas_customer, d.raas_account_identifier, d.low_balance_threshold
              from user_session s join app_user u on u.id = s.user_id
                   left join department d on d.id = u.department_id
             where s.id = ? and s.ended_at is null""";
}
