package dev.accolade.raas.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;

/** Rules of the client that need no server: classification of faults, masking, safety settings. */
class RaasClientRulesTest {

    @Test
    void onlyFaultsBeforeTheRequestLeavesCountAsNotSent() {
        assertEquals(RaasFaultKind.NOT_CONNECTED, RaasFault.of(new ProcessingException(new ConnectException("refused"))).kind);
        assertEquals(RaasFaultKind.NOT_CONNECTED, RaasFault.of(new ProcessingException(new UnknownHostException("x"))).kind);
        assertEquals(RaasFaultKind.NOT_CONNECTED, RaasFault.of(new ProcessingException(
                new IOException(new SSLHandshakeException("PKIX path building failed")))).kind);
        assertEquals(RaasFaultKind.TIMEOUT, RaasFault.of(new ProcessingException(new TimeoutException())).kind);
        assertEquals(RaasFaultKind.CONNECTION_LOST, RaasFault.of(new ProcessingException(new SocketException("Connection reset"))).kind);
        assertEquals(RaasFaultKind.CONNECTION_LOST, RaasFault.of(new IllegalStateException("anything else")).kind);
        assertFalse(RaasFaultKind.NOT_CONNECTED.requestMayHaveArrived());
        assertFalse(RaasFaultKind.CIRCUIT_OPEN.requestMayHaveArrived());
        assertTrue(RaasFaultKind.CONNECTION_LOST.requestMayHaveArrived());
    }

    @Test
    void cardNumbersAndSecurityCodesNeverAppearInToString() {
        CreditCard card = new CreditCard("4111 1111 1111 1111", "12/39", "739", new BillingAddress("John", "Doe",
                "1 Main St", "Smallville", "WA", "11111", null, "test@example.com"));
        String[] texts = {
                card.toString(),
                new FundCreate("C", "acct-12345", 100, "127.0.0.1", card).toString(),
                new CardRegister("C", "acct-12345", "127.0.0.1", card).toString(),
                new CardFund("C", "acct-12345", 100, "127.0.0.1", "152686945", "987").toString() };
        for (String text : texts) {
            assertFalse(text.replace(" ", "").contains("4111111111111111"), text);
            assertFalse(text.contains("739") || text.contains("987"), text);
        }
        assertEquals("1111", card.lastFour());
        RewardCredentials reward = new RewardCredentials("tok", "27VP-CJRLS6-HFV7", "1234", null, null, null);
        assertFalse(reward.toString().contains("27VP") || reward.toString().contains("1234"), reward.toString());
    }

    @Test
    void queryDatesArePercentEncodedWithTheirOffset() {
        assertEquals("2013-03-01T00%3A00%3A00%2B01%3A00", RaasJson.queryDate(OffsetDateTime.parse("2013-03-01T00:00:00+01:00")));
        assertEquals("2013-03-01T00%3A00%3A00-08%3A00", RaasJson.queryDate(OffsetDateTime.parse("2013-03-01T00:00:00.5-08:00")));
        assertEquals(OffsetDateTime.parse("2013-03-12T15:17:16Z"), RaasJson.parseDate("2013-03-12T15:17:16+0000"));
    }

    @Test
    void aBodyIsReadOnlyWhenItIsOneWholeJsonObject() {
        assertTrue(RaasDecoder.parse("{\"success\": true}".getBytes()) != null);
        assertEquals(null, RaasDecoder.parse("{\"success\": true} trailing".getBytes()));
        assertEquals(null, RaasDecoder.parse("[1, 2]".getBytes()));
        assertEquals(null, RaasDecoder.parse(new byte[0]));
    }

    @Test
    void settingsThatWouldWeakenTlsOrLogCardNumbersAreRefused() {
        Map<String, String> safe = Map.of("quarkus.rest-client.raas.tls-configuration-name", "raas-client");
        assertTrue(RaasClientPolicy.violations(k -> Optional.ofNullable(safe.get(k))).isEmpty());

        Map<String, String> unsafe = Map.of(
                "quarkus.rest-client.raas.tls-configuration-name", "lax",
                "quarkus.tls.lax.trust-all", "true",
                "quarkus.tls.lax.hostname-verification-algorithm", "NONE",
                "quarkus.rest-client.verify-host", "false",
                "quarkus.rest-client.raas.hostname-verifier", "com.example.AcceptAll",
                "quarkus.rest-client.raas.logging.scope", "request-response");
        List<String> violations = RaasClientPolicy.violations(k -> Optional.ofNullable(unsafe.get(k)));
        assertEquals(5, violations.size(), violations.toString());
    }
}
