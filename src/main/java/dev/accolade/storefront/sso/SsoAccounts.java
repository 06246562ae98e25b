package dev.accolade.storefront.sso;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accolade.common.Clocks;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;
import dev.accolade.storefront.security.SsoConfig;

/**
 * Matches the identity the provider vouched for to an Accolade user: by verified e-mail, with role and
 * department from the configured claims, creating the user when that is allowed. Every refusal has a
 * message for the sign-in page and an audit row.
 */
@ApplicationScoped
public class SsoAccounts {

    /** The user to sign in, or why not. */
    public record Match(Optional<AppUser> user, String refusal) {
        static Match refused(String why) {
            return new Match(Optional.empty(), why);
        }
    }

    private final SsoConfig config;
    private final AuditTrail audit;
    private final Actors actors;
    private final Clock clock;

    SsoAccounts(SsoConfig config, AuditTrail audit, Actors actors, Clock clock) {
        this.config = config;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    public Match match(JsonWebToken token) {
        String email = text(token.getClaim("email"));
        if (email == null || email.isBlank()) {
            return refuse(token.getSubject(), "no e-mail claim",
                    "Your sign-in provider did not tell Accolade your e-mail address, so it cannot find your account. "
                            + "Ask your administrator to release the email claim to Accolade.");
        }
        String who = email.strip().toLowerCase(Locale.ROOT);
        if (!config.trustUnverifiedEmail() && !"true".equalsIgnoreCase(text(token.getClaim("email_verified")))) {
            return refuse(who, "e-mail not verified by the provider",
                    "Your sign-in provider has not verified the e-mail address " + who + ", so Accolade cannot "
                            + "match it to an account.");
        }
        Optional<Role> role = config.roleClaim().map(claim -> role(values(token.getClaim(claim))))
                .orElse(Optional.empty());
        if (config.roleClaim().isPresent() && role.isEmpty()) {
            return refuse(who, "no Accolade group in claim " + config.roleClaim().get(),
                    "Your account is in none of Accolade's groups (" + config.managerGroup() + ", " + config.hrGroup()
                            + ", " + config.adminGroup() + "). Ask your administrator to add you to one.");
        }
        String departmentName = config.departmentClaim().map(c -> text(token.getClaim(c))).orElse(null);
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Department> department = departmentName == null ? Optional.empty()
                    : Department.findByName(departmentName.strip());
            Optional<AppUser> found = AppUser.findByEmail(who);
            if (found.isEmpty()) {
                return create(who, text(token.getClaim("name")), role, department, departmentName);
            }
            AppUser user = found.get();
            if (!user.enabled) {
                return refuseHere(who, "account disabled", "This account is disabled. Ask an administrator to enable it.");
            }
            String before = describe(user);
            role.ifPresent(r -> user.role = r);
            department.ifPresent(d -> user.departmentId = d.id);
            if (user.role == Role.MANAGER && user.departmentId == null) {
                return refuseHere(who, "manager without a department", noDepartment(departmentName));
            }
            if (!before.equals(describe(user))) {
                record("USER_UPDATE", who, "SUCCESS", "from single sign-on: " + before + " -> " + describe(user));
            }
            return new Match(Optional.of(user), null);
        });
    }

    private Match create(String email, String name, Optional<Role> role, Optional<Department> department,
            String departmentName) {
        if (!config.createUsers()) {
            return refuseHere(email, "no Accolade account", "There is no Accolade account for " + email
                    + ". Ask an administrator to add you.");
        }
        if (role.isEmpty()) {
            return refuseHere(email, "no role claim to create the account with", "There is no Accolade account for "
                    + email + ", and your sign-in provider does not say which role you should have. Ask an "
                    + "administrator to add you.");
        }
        if (role.get() == Role.MANAGER && department.isEmpty()) {
            return refuseHere(email, "manager without a department", noDepartment(departmentName));
        }
        AppUser u = new AppUser();
        u.email = email;
        u.displayName = name == null || name.isBlank() ? email : name.strip();
        u.role = role.get();
        u.departmentId = department.map(d -> d.id).orElse(null);
        // Signs in through the provider only: a hash of a random secret nobody knows.
        u.passwordHash = BcryptUtil.bcryptHash(java.util.UUID.randomUUID().toString());
        u.createdAt = Clocks.utcNow(clock);
        u.persist();
        record("USER_CREATE", email, "SUCCESS", "from single sign-on: " + describe(u));
        return new Match(Optional.of(u), null);
    }

    private static String noDepartment(String claimed) {
        return claimed == null ? "Managers send from their department's budget, and your account has none. Ask an "
                + "administrator to set your department."
                : "Your sign-in provider names your department \"" + claimed + "\", which Accolade does not have. Ask "
                        + "an administrator to add it or correct your department.";
    }

    private String describe(AppUser u) {
        String department = u.departmentId == null ? "no department"
                : Optional.ofNullable(Department.<Department> findById(u.departmentId)).map(d -> d.name).orElse("?");
        return u.role.label() + ", " + department;
    }

    /** The highest role any of the groups gives. */
    private Optional<Role> role(List<String> groups) {
        if (groups.contains(config.adminGroup())) {
            return Optional.of(Role.ADMIN);
        }
        if (groups.contains(config.hrGroup())) {
            return Optional.of(Role.HR);
        }
        return groups.contains(config.managerGroup()) ? Optional.of(Role.MANAGER) : Optional.empty();
    }

    private Match refuse(String who, String detail, String message) {
        QuarkusTransaction.requiringNew().run(() -> record("SIGN_IN", who, "FAILED", "single sign-on: " + detail));
        return Match.refused(message);
    }

    private Match refuseHere(String who, String detail, String message) {
        record("SIGN_IN", who, "FAILED", "single sign-on: " + detail);
        return Match.refused(message);
    }

    private void record(String action, String who, String outcome, String detail) {
        actors.runAs(actors.current().named(who == null ? "unknown" : who), () -> audit.record(action, who, outcome, detail));
    }

    static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        if (claim == JsonValue.TRUE || claim == JsonValue.FALSE) {
            return String.valueOf(claim == JsonValue.TRUE);
        }
        return claim.toString();
    }

    static List<String> values(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim instanceof JsonArray a) {
            a.forEach(v -> out.add(text(v)));
        } else if (claim instanceof Collection<?> c) {
            c.forEach(v -> out.add(text(v)));
        } else if (claim != null) {
            for (String v : text(claim).split("[\\s,]+")) {
                if (!v.isEmpty()) {
                    out.add(v);
                }
            }
        }
        return out;
    }
}
