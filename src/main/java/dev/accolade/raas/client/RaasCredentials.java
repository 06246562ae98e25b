package dev.accolade.raas.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * The HTTP Basic {@code Authorization} header of every RaaS call, from
 * {@code accolade.raas.platform-name} and {@code platform-key}. It is encoded once: the settings are
 * fixed for the life of the process, and every reward sent makes a call.
 */
@ApplicationScoped
public class RaasCredentials implements ClientHeadersFactory {

    private final String authorization;

    RaasCredentials(RaasClientConfig config) {
        // RFC 7617: user-id ":" password, UTF-8, Base64.
        String pair = config.platformName() + ":" + config.platformKey();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incomingHeaders,
            MultivaluedMap<String, String> clientOutgoingHeaders) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle(HttpHeaders.AUTHORIZATION, authorization);
        return headers;
    }

    @Override
    public String toString() {
        return "RaasCredentials[Basic, hidden]";
    }
}
