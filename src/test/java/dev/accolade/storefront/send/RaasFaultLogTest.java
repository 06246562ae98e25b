package dev.accolade.storefront.send;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.demo.DemoRaasAccounts;
import dev.accolade.storefront.orders.OrderReconciler;

/**
 * A connection reset by RaaS is one WARN line per call, naming the request (or the job) that made
 * it, the endpoint and how the call ended, without a stack trace; nothing is logged as an ERROR.
 */
@QuarkusTest
@TestProfile(ReconcileProfile.class)
class RaasFaultLogTest {

    static final String CLIENT = "dev.accolade.raas.client.RaasCalls";

    @Inject
    DemoRaasAccounts demoAccounts;
    @Inject
    OrderReconciler reconciler;
    @Inject
    CircuitBreakerMaintenance breakers;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    final List<LogRecord> records = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                records.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void setUp() {
        String url = base.toString();
        String sandbox = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        RaasProxy.server.resetAll();
        RaasProxy.server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(sandbox)));
        breakers.resetAll();
        demoAccounts.ensure();
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void tearDown() {
        Logger.getLogger("").removeHandler(capture);
        breakers.resetAll();
    }

    private List<LogRecord> client() {
        return records.stream().filter(r -> CLIENT.equals(r.getLoggerName())).toList();
    }

    private static String text(LogRecord r) {
        return r instanceof org.jboss.logmanager.ExtLogRecord e ? e.getFormattedMessage() : r.getMessage();
    }

    @Test
    void aResetSendIsOneWarningWithTheRequestIdAndNoStackTrace() throws Exception {
        RaasProxy.server.stubFor(post(urlPathEqualTo("/raas/v1/orders")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String requestId = Browser.signedIn("manager@accolade.test").post("/send", SendRewardTest.form(
                UUID.randomUUID().toString(), "APPL-E-1000-STD", "ada.lovelace@accolade.test", "", "Logged once"))
                .getHeader("X-Request-Id");
        assertNotNull(requestId);
        Thread.sleep(300);
        List<LogRecord> client = client();
        assertEquals(1, client.size(), client.stream().map(RaasFaultLogTest::text).toList().toString());
        LogRecord line = client.get(0);
        assertEquals(Level.WARNING.intValue(), line.getLevel().intValue());
        assertTrue(text(line).contains("request " + requestId), text(line));
        assertTrue(text(line).contains("POST orders") && text(line).contains("outcome unknown"), text(line));
        assertNull(line.getThrown(), "no stack trace for a reset");
        assertNoErrors();

        // The reconciler's read of the order list is reset too (after its retries): one line, with the job.
        records.clear();
        RaasProxy.server.stubFor(get(urlPathEqualTo("/raas/v1/orders")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        reconciler.reconcile();
        List<LogRecord> job = client();
        assertEquals(1, job.size(), job.stream().map(RaasFaultLogTest::text).toList().toString());
        assertTrue(text(job.get(0)).contains("GET orders") && text(job.get(0)).contains("job reconcile-"),
                text(job.get(0)));
        assertNull(job.get(0).getThrown());
        assertNoErrors();
    }

    private void assertNoErrors() {
        List<String> errors = records.stream().filter(r -> r.getLevel().intValue() > Level.WARNING.intValue()
                || r.getThrown() != null).map(r -> r.getLoggerName() + ": " + text(r)).toList();
        assertTrue(errors.isEmpty(), errors.toString());
    }
}
