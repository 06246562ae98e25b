/**
 * Users who sign in, roles, sessions, sign-in, the CSRF filter, security headers. Persistence:
 * {@code AppUser} is a Panache entity; the session check on every signed-in request
 * ({@code SessionIdentityProvider}) is one read by primary key of the session's row with its user, in
 * plain JDBC with auto-commit, outside any transaction and persistence context, so it is as fresh as
 * the database and cheap. The sign-in guard, the session rows and the refusal counts are single
 * atomic statements in plain JDBC, so that they hold under any concurrency and on every replica.
 */
package dev.accolade.storefront.security;
