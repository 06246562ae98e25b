package dev.accolade.storefront.sso;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accolade.storefront.security.SsoConfig;

/**
 * The provider's discovery document, read when someone starts to sign in or signs out: whether the
 * provider answers at all (a clear page instead of a failed redirect), and where to end its session.
 */
@ApplicationScoped
public class SsoProvider {

    /** What the discovery document says, or why it could not be read. */
    public record Discovery(boolean reachable, Optional<String> endSession, String problem) {
    }

    private final SsoConfig config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    SsoProvider(SsoConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    public Discovery discover() {
        String issuer = config.issuer().orElse("");
        if (issuer.isBlank()) {
            return new Discovery(false, Optional.empty(), "no issuer URL is configured (ACCOLADE_SSO_ISSUER)");
        }
        String url = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return new Discovery(false, Optional.empty(), url + " answered HTTP " + answer.statusCode());
            }
            JsonNode doc = json.readTree(answer.body());
            String endSession = doc.path("end_session_endpoint").asText("");
            return new Discovery(true, endSession.isBlank() ? Optional.empty() : Optional.of(endSession), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Discovery(false, Optional.empty(), "no answer from " + url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Discovery(false, Optional.empty(), "interrupted");
        }
    }
}
