package dev.accolade.storefront;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser for tests: keeps cookies, reads the CSRF token from pages, never follows redirects. One
 * browser may be used from several threads at once (concurrent submissions of one form).
 */
public class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    public final Map<String, String> cookies = new ConcurrentHashMap<>();
    private volatile String csrf;

    public RequestSpecification request() {
        return given().redirects().follow(false).cookies(new HashMap<>(cookies));
    }

    public Response get(String path) {
        Response r = request().get(path);
        remember(r);
        Matcher m = CSRF.matcher(r.asString());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    /** A GET of an address whose query is already encoded (as a link on a page has it), sent as it is. */
    public Response getAsIs(String pathAndQuery) {
        Response r = request().urlEncodingEnabled(false).get(pathAndQuery);
        remember(r);
        return r;
    }

    /**
     * This browser's CSRF token, as the last page showed it; after signing in or out, read from a page
     * first (the token belongs to the session, and changes with it).
     */
    public String csrfToken() {
        if (csrf == null) {
            get(cookies.containsKey("accolade-session") ? "/profile" : "/login");
        }
        return csrf;
    }

    /** Posts a form with this browser's CSRF token, as a page of Accolade would. */
    public Response post(String path, Object... fields) {
        String token = csrfToken(); // first: reading it may set the cookie the request must carry
        RequestSpecification spec = request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token);
        for (int i = 0; i < fields.length; i += 2) {
            spec.formParam((String) fields[i], fields[i + 1]);
        }
        Response r = spec.post(path);
        remember(r);
        return r;
    }

    private void remember(Response r) {
        r.getDetailedCookies().forEach(c -> {
            if (c.getName().equals("accolade-csrf") || c.getName().equals("accolade-session")
                    && !c.getValue().equals(cookies.get("accolade-session"))) {
                // Signed in or out: the next form carries the new session's token, read from a page.
                csrf = null;
            }
            if (c.getMaxAge() == 0 || c.getValue().isEmpty()) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
    }

    public static Browser signedIn(String email) {
        Browser b = new Browser();
        b.get("/login");
        Response r = b.post("/login", "email", email, "password", "accolade-demo");
        if (r.statusCode() != 303 || !b.cookies.containsKey("accolade-session")) {
            throw new AssertionError("sign-in as " + email + " failed: " + r.statusCode());
        }
        return b;
    }
}
