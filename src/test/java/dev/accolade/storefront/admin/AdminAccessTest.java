package dev.accolade.storefront.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.Browser;

/** Only administrators reach /admin: others get 403, anonymous visitors are sent to sign in. */
@QuarkusTest
class AdminAccessTest {

    static final List<String> PAGES = List.of("/admin", "/admin/accounts", "/admin/accounts/new", "/admin/users",
            "/admin/users/new", "/admin/directory", "/admin/status");

    @Test
    void managersAndHrGetForbiddenOnEveryAdminPageAndForm() {
        for (String who : List.of("manager@accolade.test", "hr@accolade.test")) {
            Browser b = Browser.signedIn(who);
            for (String page : PAGES) {
                b.get(page).then().statusCode(403).body(containsString("Not allowed"));
            }
            b.post("/admin/users", "email", "sneaky@accolade.test", "displayName", "Sneaky", "role", "ADMIN")
                    .then().statusCode(403);
            b.post("/admin/accounts/1/fund", "amount", "10").then().statusCode(403);
            b.post("/admin/status", "action", "reset-breaker").then().statusCode(403);
            b.get("/").then().statusCode(200).body(not(containsString("href=\"/admin\"")));
        }
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        for (String page : PAGES) {
            new Browser().get(page).then().statusCode(303).header("Location", startsWith("/login"));
        }
    }

    @Test
    void anAdministratorOpensEveryAdminPageFromTheNav() {
        Browser admin = Browser.signedIn("admin@accolade.test");
        admin.get("/").then().statusCode(200).body(containsString("<a href=\"/admin\">Admin</a>"));
        for (String page : PAGES) {
            admin.get(page).then().statusCode(200).body(containsString("Administration"));
        }
    }

    @Test
    void anUnknownDepartmentOrUserIsNotFound() {
        Browser admin = Browser.signedIn("admin@accolade.test");
        admin.get("/admin/accounts/999999").then().statusCode(404);
        admin.get("/admin/accounts/999999/fund").then().statusCode(404);
        admin.get("/admin/users/999999").then().statusCode(404);
        admin.get("/admin/directory/imports/999999").then().statusCode(404);
    }
}
