package dev.accolade.storefront.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.accolade.BuiltClasses;
import dev.accolade.common.AllowedMethods;
import dev.accolade.storefront.Browser;

/**
 * Every state-changing storefront route refuses a form without its CSRF token. The routes are read
 * from the resource classes' JAX-RS annotations, so a new route is checked without being listed here;
 * each is posted to by a user whose role the route admits, so the refusal seen is the CSRF check's.
 */
@QuarkusTest
class EveryFormNeedsItsTokenTest {

    /** A state-changing route: its method, its address with sample path parameters, who may call it. */
    record Route(String method, String path, String role, boolean multipart) {
    }

    private static final Map<String, String> USERS = Map.of(Role.MANAGER_NAME, "manager@accolade.test",
            Role.HR_NAME, "hr@accolade.test", Role.ADMIN_NAME, "admin@accolade.test");

    @Inject
    AllowedMethods allowed;

    @Test
    void everyStateChangingRouteRefusesAFormWithoutItsToken() {
        List<Route> routes = routes();
        // The scan finds forms of every kind: signed out, by role, multipart.
        assertTrue(routes.contains(new Route("POST", "/login", "", false)), routes.toString());
        assertTrue(routes.contains(new Route("POST", "/send", Role.MANAGER_NAME, false)), routes.toString());
        assertTrue(routes.contains(new Route("POST", "/admin/directory/imports", Role.ADMIN_NAME, true)),
                routes.toString());
        Map<String, Browser> browsers = new HashMap<>();
        List<String> accepted = new ArrayList<>();
        for (Route route : routes) {
            Browser browser = browsers.computeIfAbsent(route.role(), EveryFormNeedsItsTokenTest::browserFor);
            RequestSpecification request = browser.request();
            request = route.multipart() ? request.multiPart("note", "no token")
                    : request.contentType("application/x-www-form-urlencoded").formParam("note", "no token");
            Response response = request.request(route.method(), route.path());
            if (response.statusCode() != 400 || !response.asString().contains("This form has expired")) {
                accepted.add(route + " answered " + response.statusCode());
            }
        }
        assertEquals(List.of(), accepted, "routes that did not refuse a form without its CSRF token");
    }

    /**
     * The routes left out of the form check are the machine APIs only (SCIM under {@code /scim/v2}),
     * and each of them refuses a request without its bearer token with 401, so no route is left
     * with neither check.
     */
    @Test
    void theRoutesWithoutAFormTokenAreTheScimApiAndNeedItsBearerToken() {
        List<Route> apis = allRoutes().stream().filter(r -> CsrfFilter.notAForm(r.path())).toList();
        assertTrue(apis.contains(new Route("POST", "/scim/v2/Users", "", false)), apis.toString());
        List<String> open = new ArrayList<>();
        // Even a signed-in administrator's browser, cookies and all, gets nowhere without the bearer token.
        Browser admin = Browser.signedIn("admin@accolade.test");
        for (Route route : apis) {
            assertTrue(route.path().startsWith("/scim/v2/"), route + " is left out of the form check");
            Response response = admin.request().contentType("application/scim+json").body("{}")
                    .request(route.method(), route.path());
            if (response.statusCode() != 401 || !response.asString().contains("urn:ietf:params:scim:api:messages:2.0:Error")) {
                open.add(route + " answered " + response.statusCode());
            }
        }
        assertEquals(List.of(), open, "API routes that did not refuse a call without its bearer token");
    }

    @Test
    void theRoleIsCheckedBeforeTheToken() {
        Browser manager = Browser.signedIn("manager@accolade.test");
        manager.request().contentType("application/x-www-form-urlencoded").formParam("note", "no token")
                .post("/admin/users").then().statusCode(403);
        Browser visitor = new Browser();
        visitor.get("/login");
        visitor.request().contentType("application/x-www-form-urlencoded").formParam("note", "no token")
                .post("/send").then().statusCode(303).header("Location", org.hamcrest.Matchers.startsWith("/login?ended=form"));
    }

    @Test
    void theRoutesReadAreTheApplicationsStorefrontRoutes() {
        TreeSet<String> served = new TreeSet<>();
        allowed.resources().stream().map(Class::getName).filter(n -> n.startsWith("dev.accolade.storefront."))
                .forEach(served::add);
        TreeSet<String> scanned = new TreeSet<>();
        storefront().stream().filter(c -> c.isAnnotatedWith(Path.class)).forEach(c -> scanned.add(c.getName()));
        assertEquals(served, scanned, "every resource class the application serves is scanned for forms");
    }

    private static Browser browserFor(String role) {
        if (role.isEmpty()) {
            Browser visitor = new Browser();
            visitor.get("/login");
            return visitor;
        }
        return Browser.signedIn(USERS.get(role));
    }

    /** The storefront's state-changing routes that take forms: all but the APIs {@link CsrfFilter#NOT_FORMS} names. */
    static List<Route> routes() {
        return allRoutes().stream().filter(r -> !CsrfFilter.notAForm(r.path())).toList();
    }

    static List<Route> allRoutes() {
        List<Route> routes = new ArrayList<>();
        for (JavaClass resource : storefront()) {
            if (!resource.isAnnotatedWith(Path.class)) {
                continue;
            }
            String base = resource.getAnnotationOfType(Path.class).value();
            for (JavaMethod m : resource.getMethods()) {
                Optional<String> verb = verb(m);
                if (verb.isEmpty() || List.of("GET", "HEAD", "OPTIONS").contains(verb.get())) {
                    continue;
                }
                String sub = m.isAnnotatedWith(Path.class) ? m.getAnnotationOfType(Path.class).value() : "";
                String path = ("/" + base + "/" + sub).replaceAll("/{2,}", "/").replaceAll("\\{[^}]*}", "1");
                routes.add(new Route(verb.get(), path.length() > 1 && path.endsWith("/") ? path.substring(0,
                        path.length() - 1) : path, role(resource, m), multipart(resource, m)));
            }
        }
        return routes;
    }

    /** The storefront's classes that this build includes (a class a build-time property leaves out is not served). */
    private static List<JavaClass> storefront() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.accolade.storefront").stream().filter(BuiltClasses::builtIn).toList();
    }

    private static Optional<String> verb(JavaMethod m) {
        for (JavaAnnotation<JavaMethod> a : m.getAnnotations()) {
            if (a.getRawType().isAnnotatedWith(HttpMethod.class)) {
                return Optional.of(a.getRawType().getAnnotationOfType(HttpMethod.class).value());
            }
        }
        return Optional.empty();
    }

    /** A role the route admits ("" when it needs nobody signed in; a manager for any signed-in user). */
    private static String role(JavaClass resource, JavaMethod m) {
        RolesAllowed roles = m.isAnnotatedWith(RolesAllowed.class) ? m.getAnnotationOfType(RolesAllowed.class)
                : resource.isAnnotatedWith(RolesAllowed.class) ? resource.getAnnotationOfType(RolesAllowed.class) : null;
        if (roles != null) {
            return roles.value()[0];
        }
        boolean signedIn = m.isAnnotatedWith(io.quarkus.security.Authenticated.class)
                || resource.isAnnotatedWith(io.quarkus.security.Authenticated.class);
        return signedIn ? Role.MANAGER_NAME : "";
    }

    private static boolean multipart(JavaClass resource, JavaMethod m) {
        Consumes consumes = m.isAnnotatedWith(Consumes.class) ? m.getAnnotationOfType(Consumes.class)
                : resource.isAnnotatedWith(Consumes.class) ? resource.getAnnotationOfType(Consumes.class) : null;
        return consumes != null && List.of(consumes.value()).contains(MediaType.MULTIPART_FORM_DATA);
    }
}
