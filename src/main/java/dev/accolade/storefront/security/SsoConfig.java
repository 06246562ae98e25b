package dev.accolade.storefront.security;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Single sign-on through the company's OpenID Connect provider, under {@code accolade.sso}. The
 * provider connection itself (issuer, client id, secret) is passed on to {@code quarkus.oidc}.
 */
@ConfigMapping(prefix = "accolade.sso")
public interface SsoConfig {

    /** Offer "Sign in with SSO". */
    @WithDefault("false")
    boolean enabled();

    /** The provider's issuer URL (its discovery document is at {@code /.well-known/openid-configuration}). */
    Optional<String> issuer();

    /** Accolade's client id at the provider. */
    @WithDefault("accolade")
    String clientId();

    /** Accolade's client secret at the provider (passed on to quarkus.oidc; never logged or shown). */
    Optional<String> clientSecret();

    /** The provider's name on the sign-in button ("Sign in with Okta"). */
    @WithDefault("SSO")
    String providerName();

    /**
     * The claim that lists the user's groups (e.g. {@code groups}). When set, every SSO sign-in sets
     * the user's role from it; when not, roles stay as set in Accolade.
     */
    Optional<String> roleClaim();

    /** The group that makes a user an administrator. */
    @WithDefault("accolade-admins")
    String adminGroup();

    /** The group that makes a user HR. */
    @WithDefault("accolade-hr")
    String hrGroup();

    /** The group that makes a user a manager. */
    @WithDefault("accolade-managers")
    String managerGroup();

    /** The claim that names the user's department (as named in Accolade). When not set, it stays as set in Accolade. */
    Optional<String> departmentClaim();

    /** Create an Accolade user at their first SSO sign-in (their role must then come from {@link #roleClaim()}). */
    @WithDefault("false")
    boolean createUsers();

    /**
     * Accept e-mail addresses the provider does not mark {@code email_verified} (Entra ID sends no such
     * claim; its addresses are managed by the tenant's administrators).
     */
    @WithDefault("false")
    boolean trustUnverifiedEmail();

    /** Allow password sign-in. When false, only {@link #breakGlass()} accounts may use a password. */
    @WithDefault("true")
    boolean passwordSignIn();

    /** Accounts that may still sign in with a password when {@link #passwordSignIn()} is off. */
    Optional<List<String>> breakGlass();

    /** True when this address may sign in with a password. */
    default boolean passwordAllowed(String email) {
        return !enabled() || passwordSignIn() || email != null && breakGlass().orElse(List.of()).stream()
                .anyMatch(b -> b.strip().equalsIgnoreCase(email.strip()));
    }
}
