/**
 * Users who sign in, roles, sessions, sign-in, the CSRF filter, security headers. Persistence:
 * {@code AppUser} is a Panache entity; the session check on every signed-in request
 * ({@code SessionIdentityProvider}) is one indexed read in plain JDBC with auto-commit, outside any
 * transaction and persistence context, so it is as fresh as the database and cheap.
 */
package dev.accolade.storefront.security;
