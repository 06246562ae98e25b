package dev.accolade.storefront.reports;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.audit.AuditTrail;

/**
 * The audit viewer: filters, paging, CSV, and "verify" naming the first row that was edited, removed
 * or inserted directly in SQL. Each test restores the table so the chain is intact again afterwards.
 */
@QuarkusTest
class AuditViewerTest {

    @Inject
    AuditTrail audit;

    @Inject
    Actors actors;

    @Inject
    EntityManager em;

    private final List<Runnable> restore = new ArrayList<>();
    private Browser hr;

    @BeforeEach
    void signIn() {
        hr = Browser.signedIn("hr@accolade.test");
    }

    @AfterEach
    void restoreTable() {
        restore.forEach(Runnable::run);
        restore.clear();
        assertTrue(audit.verify().intact(), "the chain is intact again after the test");
    }

    /** Appends a row in a transaction of its own and returns the number it has once committed. */
    private long append(String action, String outcome) {
        QuarkusTransaction.requiringNew().run(
                () -> actors.runAs(new Actor("viewer-test@accolade.test", "127.0.0.1"),
                        () -> audit.record(action, "target", outcome, "=detail, \"quoted\"")));
        // Rows are appended one at a time here, and only this test writes these actions.
        AuditEvent row = QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.<AuditEvent> find("action = ?1 order by id desc", action).firstResult());
        return row.id;
    }

    private void sql(String statement, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
    }

    /** Verifies through the page and returns the message shown after the redirect. */
    private String verify() {
        hr.get("/audit");
        Response r = hr.post("/audit/verify");
        assertEquals(303, r.statusCode());
        return hr.get(r.getHeader("Location").replaceFirst("^https?://[^/]+", "")).asString();
    }

    @Test
    void anIntactChainIsReportedIntact() {
        append("VIEWER_OK", "SUCCESS");
        assertTrue(verify().contains("The audit trail is intact"));
        hr.get("/audit?action=audit.verify&outcome=INTACT").then().body(containsString("rows checked"));
    }

    @Test
    void anEditedRowIsNamed() {
        long id = append("VIEWER_EDIT", "SUCCESS");
        append("VIEWER_AFTER", "SUCCESS");
        sql("update audit_event set detail = 'nothing to see' where id = ?1", id);
        restore.add(() -> sql("update audit_event set detail = '=detail, \"quoted\"' where id = ?1", id));
        String page = verify();
        assertTrue(page.contains("First bad row: " + id + ". Row " + id + " was altered."), page);
        assertTrue(page.contains("id=\"row-" + id + "\""), "the viewer opens at the bad row");
    }

    @Test
    void aRemovedRowIsNamed() {
        long id = append("VIEWER_REMOVE", "SUCCESS");
        append("VIEWER_AFTER", "SUCCESS");
        AuditEvent copy = QuarkusTransaction.requiringNew().call(() -> AuditEvent.findById(id));
        sql("delete from audit_event where id = ?1", id);
        restore.add(() -> sql("insert into audit_event (id, occurred_at, actor, action, target, outcome, detail, ip,"
                + " prev_hash, hash) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", copy.id, copy.occurredAt,
                copy.actor, copy.action, copy.target, copy.outcome, copy.detail, copy.ip, copy.prevHash, copy.hash));
        String page = verify();
        assertTrue(page.contains("First bad row: " + id + ". Row " + id + " is missing"), page);
    }

    @Test
    void anInsertedRowIsNamed() {
        long before = append("VIEWER_BEFORE", "SUCCESS");
        long after = append("VIEWER_AFTER", "SUCCESS");
        sql("update audit_event set id = ?1 where id = ?2", after + 1000, after);
        sql("insert into audit_event (id, occurred_at, actor, action, target, outcome, detail, ip, prev_hash, hash)"
                + " select ?1, occurred_at, actor, 'FORGED', target, outcome, detail, ip, hash, hash from audit_event"
                + " where id = ?2", after, before);
        // Rows appended meanwhile (the verification) chain onto the real row's hash, as the head does.
        restore.add(() -> {
            sql("delete from audit_event where id = ?1", after);
            sql("update audit_event set id = ?1 where id = ?2", after, after + 1000);
        });
        String page = verify();
        assertTrue(page.contains("First bad row: " + after + ". Row " + after + " was inserted"), page);
    }

    @Test
    void filtersPagingAndCsv() {
        for (int i = 0; i < 55; i++) {
            append("VIEWER_PAGE", i % 2 == 0 ? "SUCCESS" : "FAILED");
        }
        hr.get("/audit?action=VIEWER_PAGE").then().statusCode(200).body(containsString("55 rows match"))
                .body(containsString("Older"));
        hr.get("/audit?action=VIEWER_PAGE&outcome=FAILED").then().body(containsString("27 rows match"));
        hr.get("/audit?actor=VIEWER-TEST&action=VIEWER_PAGE&from=2000-01-01&to=2999-12-31").then()
                .body(containsString("55 rows match"));
        hr.get("/audit?action=VIEWER_PAGE&from=not-a-date").then().statusCode(200)
                .body(containsString("The start date is not a date"));
        String first = hr.get("/audit?action=VIEWER_PAGE").asString();
        String older = first.replaceAll("(?s).*href=\"/audit\\?([^\"]*before=\\d+)\".*", "$1").replace("&amp;", "&");
        hr.get("/audit?" + older).then().body(containsString("VIEWER_PAGE")).body(not(containsString(">Older<")));
        String csv = hr.get("/audit/export.csv?action=VIEWER_PAGE&outcome=SUCCESS").asString();
        String[] lines = csv.split("\r\n");
        assertEquals(29, lines.length, "header and 28 rows");
        assertTrue(lines[1].contains(",viewer-test@accolade.test,VIEWER_PAGE,target,SUCCESS,\"'=detail, \"\"quoted\"\"\",127.0.0.1,"),
                lines[1]);
    }

    @Test
    void actionAndOutcomeMatchInAnyCase() {
        append("VIEWER_CASE", "SUCCESS");
        append("VIEWER_CASE", "FAILED");
        append("VIEWER_CASE", "FAILED");
        hr.get("/audit?action=viewer_case").then().statusCode(200).body(containsString("3 rows match"));
        hr.get("/audit?action=Viewer_Ca&outcome=failed").then().body(containsString("2 rows match"));
        hr.get("/audit?action=VIEWER_CASE&outcome=Success").then().body(containsString("1 row matches"));
        // The outcome is the whole word, not its beginning.
        hr.get("/audit?action=VIEWER_CASE&outcome=fail").then().body(containsString("0 rows match"));
        String csv = hr.get("/audit/export.csv?action=viewer_case&outcome=failed").asString();
        assertEquals(3, csv.split("\r\n").length, "header and the 2 failed rows: " + csv);
    }

    @Test
    void aStartDateAfterTheEndDateIsExplainedAndIgnored() {
        append("VIEWER_PERIOD", "SUCCESS");
        hr.get("/audit?action=VIEWER_PERIOD&from=2999-01-01&to=2000-01-01").then().statusCode(200)
                .body(containsString("The start date is after the end date"))
                .body(containsString("1 row matches"))
                .body(containsString("id=\"from\" name=\"from\" type=\"date\" value=\"\""));
        hr.get("/audit?action=VIEWER_PERIOD&from=2000-01-01&to=2000-01-01").then()
                .body(not(containsString("The start date is after the end date")))
                .body(containsString("0 rows match"));
    }
}
