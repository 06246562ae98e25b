package dev.accolade.storefront.accounts;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.directory.Department;

/**
 * A failure nobody planned for (here: the balance lookup behind the home page breaks) answers the
 * error page in the application's layout with status 500 and the request's id as the reference to
 * give an administrator, never the exception or its message.
 */
@QuarkusTest
class UnexpectedFailurePageTest {

    private static final String SECRET = "connection to db-internal.example:5432 refused (secret detail)";

    @Test
    void anUnexpectedFailureIsAStyledPageNamingTheRequestIdAndNothingElse() {
        QuarkusMock.installMockForType(new DepartmentBalance(null, null, null, Duration.ZERO) {
            @Override
            public OptionalLong of(Department department) {
                throw new IllegalStateException(SECRET);
            }
        }, DepartmentBalance.class);
        Browser manager = Browser.signedIn("manager@accolade.test");

        var response = manager.request().accept("text/html").get("/");
        String id = response.getHeader("X-Request-Id");
        assertTrue(id != null && !id.isBlank(), "a request id");
        response.then().statusCode(500)
                .contentType(containsString("text/html"))
                .body("html.head.title", equalTo("Something went wrong · Accolade"))
                .body(containsString("Accolade could not complete this request."))
                .body(containsString("give your administrator this reference: <code>" + id + "</code>"))
                .body(containsString("Sign out"))
                .body(not(containsString("secret detail")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("at dev.accolade")));

        // The id a proxy set is the one shown, so the page, the proxy's log and Accolade's log agree.
        manager.request().accept("text/html").header("X-Request-Id", "edge-7f3a").get("/").then().statusCode(500)
                .body(containsString("<code>edge-7f3a</code>"));
    }
}
