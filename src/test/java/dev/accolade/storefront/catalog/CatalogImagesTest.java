package dev.accolade.storefront.catalog;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;

/**
 * The catalog shows brand images at the absolute addresses RaaS gives; the page's
 * Content-Security-Policy lets a browser load them from another origin, while scripts, styles,
 * fonts and connections stay on this one.
 */
@QuarkusTest
class CatalogImagesTest {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https: http:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Test
    void theCatalogsBrandImagesAreAllowedWhicheverHostNameTheBrowserUses() {
        Response page = Browser.signedIn("manager@accolade.test").get("/catalog");
        page.then().statusCode(200).header("Content-Security-Policy", equalTo(POLICY));
        List<String> images = imageSources(page.asString());
        assertFalse(images.isEmpty(), "the catalog shows brand images");
        String imgSrc = directive(page.getHeader("Content-Security-Policy"), "img-src");
        int port = RestAssured.port;
        // The sandbox names its images by localhost; a browser may have opened Accolade as 127.0.0.1.
        for (String origin : List.of("http://localhost:" + port, "http://127.0.0.1:" + port)) {
            for (String image : images) {
                assertTrue(allows(imgSrc, origin, image), image + " is blocked on a page from " + origin);
            }
        }
        String tangoCard = "https://static.tangocard.com/images/rewards/amazon-gift-card.png";
        assertTrue(allows(imgSrc, "https://accolade.example.com", tangoCard), "a real RaaS catalog's images load");
    }

    @Test
    void everythingButImagesStaysOnThisOrigin() {
        String policy = Browser.signedIn("manager@accolade.test").get("/").getHeader("Content-Security-Policy");
        for (String d : List.of("default-src", "script-src", "style-src", "font-src", "connect-src")) {
            assertEquals("'self'", directive(policy, d), d + " is this origin only");
        }
        assertFalse(allows(directive(policy, "script-src"), "http://127.0.0.1:8080", "http://localhost:8080/x.js"));
    }

    private static List<String> imageSources(String html) {
        Matcher m = Pattern.compile("<img\\s[^>]*src=\"([^\"]+)\"").matcher(html);
        List<String> sources = new ArrayList<>();
        while (m.find()) {
            sources.add(m.group(1).replace("&amp;", "&"));
        }
        return sources;
    }

    private static String directive(String policy, String name) {
        return Arrays.stream(policy.split(";")).map(String::trim).filter(d -> d.startsWith(name + " "))
                .map(d -> d.substring(name.length() + 1).trim()).findFirst().orElseThrow();
    }

    /** Whether a source list admits the address on a page from the origin (CSP Level 3, source expressions). */
    static boolean allows(String sources, String pageOrigin, String address) {
        URI page = URI.create(pageOrigin);
        URI target = page.resolve(address);
        for (String source : sources.split("\\s+")) {
            boolean match = switch (source) {
                case "'self'" -> origin(target).equals(origin(page));
                case "data:" -> "data".equals(target.getScheme());
                // A scheme source: http: also admits https (CSP3, 6.7.2.8).
                case "http:" -> "http".equals(target.getScheme()) || "https".equals(target.getScheme());
                case "https:" -> "https".equals(target.getScheme());
                default -> false;
            };
            if (match) {
                return true;
            }
        }
        return false;
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }
}
