package dev.accolade.storefront.accounts;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.raas.client.AccountCreate;
import dev.accolade.raas.client.RaasClient;
import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.demo.DemoRaasAccounts;
import dev.accolade.storefront.directory.Department;

/** Departments and their RaaS accounts: create, link on 409, refuse a foreign identifier, list balances. */
@QuarkusTest
class AccountsTest {

    @Inject
    RaasClient raas;
    @Inject
    DemoRaasAccounts demoAccounts;

    Browser admin;

    @BeforeEach
    void setUp() {
        demoAccounts.ensure();
        admin = Browser.signedIn("admin@accolade.test");
    }

    static Department department(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Department.findByName(name).orElse(null));
    }

    static String lastAudit(String action) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AuditEvent e = AuditEvent.find("action = ?1 order by id desc", action).firstResult();
            return e.outcome + " " + e.target + " " + e.detail;
        });
    }

    @Test
    void theListShowsEveryDepartmentWithItsBalanceFromRaas() throws Exception {
        long engineering = raas.account("Accolade", "accolade-engineering").availableBalance();
        admin.get("/admin/accounts").then().statusCode(200)
                .body(containsString("Accolade / accolade-engineering"))
                .body(containsString("Accolade / accolade-sales"))
                .body(containsString(dev.accolade.common.Formats.dollars(engineering)));
    }

    @Test
    void aNewDepartmentGetsANewRaasAccount() throws Exception {
        String id = "acct-new-" + System.nanoTime();
        admin.post("/admin/accounts", "name", "Marketing " + id, "customer", "Accolade", "identifier", id, "email",
                "finance@accolade.test", "threshold", "250").then().statusCode(303);
        Department d = department("Marketing " + id);
        assertEquals(id, d.raasAccountIdentifier);
        assertEquals(25_000, d.lowBalanceThreshold);
        assertEquals(0, raas.account("Accolade", id).availableBalance());
        admin.get("/admin/accounts/" + d.id).then().statusCode(200)
                .body(containsString("The RaaS account " + id + " of Marketing " + id + " is created."))
                .body(containsString("Fund this account"));
        assertTrue(lastAudit("RAAS_ACCOUNT_CREATE").startsWith("SUCCESS Accolade / " + id));
        assertTrue(lastAudit("DEPARTMENT_CREATE").startsWith("SUCCESS Marketing " + id));
        // Zero balance is under the $250 threshold: admins are warned.
        admin.get("/admin").then().body(containsString("Marketing " + id + "</strong>:"));
    }

    @Test
    void anAccountRaasAlreadyHasIsLinkedAfterReadingItBack() throws Exception {
        String id = "acct-existing-" + System.nanoTime();
        raas.createAccount(new AccountCreate("Accolade", id, "finance@accolade.test"));
        admin.post("/admin/accounts", "name", "Existing " + id, "customer", "Accolade", "identifier", id, "email",
                "finance@accolade.test", "threshold", "0").then().statusCode(303);
        Department d = department("Existing " + id);
        admin.get("/admin/accounts/" + d.id).then()
                .body(containsString("RaaS already had the account " + id + "; it is now linked to Existing " + id + "."));
        assertTrue(lastAudit("RAAS_ACCOUNT_LINK").startsWith("SUCCESS Accolade / " + id));
    }

    @Test
    void anIdentifierTakenByAnotherCustomerIsRefusedAndNothingIsStored() throws Exception {
        String id = "acct-foreign-" + System.nanoTime();
        raas.createAccount(new AccountCreate("Someone Else", id, "other@example.test"));
        admin.post("/admin/accounts", "name", "Foreign " + id, "customer", "Accolade", "identifier", id, "email",
                "finance@accolade.test", "threshold", "0").then().statusCode(303)
                .header("Location", endsWith("/admin/accounts/new"));
        admin.get("/admin/accounts/new").then()
                .body(containsString("does not belong to the customer Accolade. Choose another identifier."))
                .body(containsString("value=\"Foreign " + id + "\""));
        assertEquals(null, department("Foreign " + id));
        assertTrue(lastAudit("RAAS_ACCOUNT_CREATE").startsWith("FAILED Accolade / " + id));
    }

    @Test
    void badInputIsExplainedPerField() {
        admin.post("/admin/accounts", "name", "Engineering", "customer", "Ac", "identifier", "bad id!", "email", "nope",
                "threshold", "-5").then().statusCode(303).header("Location", endsWith("/admin/accounts/new"));
        admin.get("/admin/accounts/new").then()
                .body(containsString("A department with this name already exists."))
                .body(containsString("Enter the RaaS customer: 3 to 96 characters."))
                .body(containsString("Use 5 to 96 letters, digits, _, + or -."))
                .body(containsString("Enter the email address RaaS keeps for the account."))
                .body(containsString("Enter an amount in dollars"));
        admin.post("/admin/accounts", "name", "Another", "customer", "Accolade", "identifier", "accolade-sales", "email",
                "a@b.test", "threshold", "1").then().statusCode(303);
        admin.get("/admin/accounts/new").then().body(containsString("Another department already uses this RaaS account."));
    }

    @Test
    void aDepartmentWithoutARaasAccountGetsOneFromItsPage() throws Exception {
        String id = "acct-later-" + System.nanoTime();
        long deptId = QuarkusTransaction.requiringNew().call(() -> {
            Department d = new Department();
            d.name = "Later " + id;
            d.raasCustomer = "Accolade";
            d.raasAccountIdentifier = id;
            d.createdAt = java.time.OffsetDateTime.now();
            d.persist();
            return d.id;
        });
        admin.get("/admin/accounts/" + deptId).then().body(containsString("RaaS has no account"));
        admin.get("/admin/accounts").then().body(containsString("No account at RaaS yet."));
        admin.post("/admin/accounts/" + deptId + "/raas", "email", "finance@accolade.test").then().statusCode(303);
        assertEquals(0, raas.account("Accolade", id).availableBalance());
        admin.get("/admin/accounts/" + deptId).then().body(containsString("is created"));
    }
}
