package dev.accolade.storefront.sso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.restassured.response.Response;

import dev.accolade.storefront.Browser;

/**
 * Walks a browser through "Sign in with SSO" against the real provider, one redirect at a time, so
 * that a test can stop at any step or tamper with one.
 */
final class SsoFlow {

    private SsoFlow() {
    }

    /** Starts sign-in at Accolade; returns the provider's authorization URL Accolade sent the browser to. */
    static String authorizationUrl(Browser b) {
        return authorizationUrl(b, "/sso/start");
    }

    /** As {@link #authorizationUrl(Browser)}, starting at the given address (such as the button's with a {@code next}). */
    static String authorizationUrl(Browser b, String start) {
        Response startResponse = b.getAsIs(start);
        if (startResponse.statusCode() != 303) {
            throw new AssertionError(start + " answered " + startResponse.statusCode() + ": " + startResponse.asString());
        }
        Response login = b.get("/sso/login");
        if (login.statusCode() != 302 || !login.getHeader("Location").startsWith(OidcProviderProcess.issuer())) {
            throw new AssertionError("/sso/login did not send the browser to the provider: " + login.statusCode() + " "
                    + login.getHeader("Location"));
        }
        return login.getHeader("Location");
    }

    /**
     * Signs in at the provider's page as {@code subject} (with extra claims as JSON, or null for the
     * provider's own for that person); returns Accolade's callback URL with the code and state.
     */
    static String providerSignIn(String authorizationUrl, String subject, String claimsJson) {
        String form = "username=" + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                + (claimsJson == null ? "" : "&claims=" + URLEncoder.encode(claimsJson, StandardCharsets.UTF_8));
        try {
            // As the browser posts the provider's sign-in form: to the authorization URL exactly as given.
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(authorizationUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 302) {
                throw new AssertionError("the provider's sign-in answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.headers().firstValue("Location").orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Brings the browser back to Accolade with the callback URL; returns Accolade's last answer. */
    static Response back(Browser b, String callbackUrl) {
        Response callback = b.get(callbackUrl);
        if (callback.statusCode() != 302) {
            return callback;
        }
        return b.get("/sso/login");
    }

    /** The whole sign-in; returns Accolade's final answer (a 303 to the next page, or to /login with a message). */
    static Response signIn(Browser b, String subject, String claimsJson) {
        return back(b, providerSignIn(authorizationUrl(b), subject, claimsJson));
    }

    /** Claims of a person with a verified address, in the given groups and department (null for none). */
    static String claims(String email, String group, String department) {
        return "{\"email\": \"" + email + "\", \"email_verified\": true, \"name\": \"SSO Person\""
                + (group == null ? "" : ", \"groups\": [\"" + group + "\"]")
                + (department == null ? "" : ", \"department\": \"" + department + "\"") + "}";
    }

    /** The error or notice the sign-in page shows after a refused sign-in (its flash cookie). */
    static String message(Browser b) {
        String html = b.get("/login").asString();
        var m = java.util.regex.Pattern.compile("<div class=\"notice (?:bad|warn)\" role=\"(?:alert|status)\">([^<]*)</div>")
                .matcher(html);
        return m.find() ? m.group(1).replace("&quot;", "\"").replace("&#39;", "'") : "";
    }
}
