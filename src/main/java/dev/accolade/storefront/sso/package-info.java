/**
 * Single sign-on with the company's OpenID Connect provider. {@code quarkus-oidc} runs the
 * authorization code flow with PKCE, state and nonce on one path, {@code /sso/login}; there the
 * provider's verified identity is matched to an Accolade user by e-mail ({@code SsoAccounts}) and an
 * ordinary Accolade session is started, so idle and absolute timeouts, disabling and signing out
 * everywhere hold for SSO users exactly as for password users. The provider's own session cookie is
 * dropped at once. Signing out of an SSO session also signs out at the provider.
 */
package dev.accolade.storefront.sso;
