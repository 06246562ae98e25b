package dev.accolade.raas.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Runs before every sandbox request: hides the sandbox when it is off, then applies the RaaS v1
 * rules in order: platform authentication (401, then 403) and the {@code Accept} header (400).
 */
public class SandboxGate {

    private final SandboxConfig config;
    private final RaasResponses responses;
    private final Caller caller;

    SandboxGate(SandboxConfig config, RaasResponses responses, Caller caller) {
        this.config = config;
        this.responses = responses;
        this.caller = caller;
    }

    @ServerRequestFilter(preMatching = true)
    public Response filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean api = path.startsWith("/raas/v1");
        if (!api && !path.startsWith("/raas-sandbox")) {
            return null;
        }
        if (!config.enabled()) {
            return Response.status(404).build();
        }
        if (!api) {
            return null;
        }
        try {
            caller.authenticate(authenticate(request));
            checkAccept(request.getHeaders().get(HttpHeaders.ACCEPT));
            return null;
        } catch (RaasException e) {
            return responses.error(e);
        }
    }

    private String authenticate(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw RaasException.authenticationNeeded(realm(request));
        }
        // A header that carries no readable Basic credentials (another scheme, bad Base64, no colon)
        // has not supplied any: "Authentication Needed" (401). Only a readable name and key that do
        // not match a platform are "Bad Authentication" (403).
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw RaasException.authenticationNeeded(realm(request));
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RaasException.authenticationNeeded(realm(request));
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw RaasException.authenticationNeeded(realm(request));
        }
        String name = decoded.substring(0, colon);
        String key = decoded.substring(colon + 1);
        SandboxConfig.Platform platform = config.platforms().get(name);
        // Compare the key even for an unknown platform, so timing does not reveal platform names.
        String expected = platform != null ? platform.key() : "\u0000unknown-platform";
        boolean keyMatches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8));
        if (platform == null || !keyMatches) {
            throw RaasException.authenticationFailed();
        }
        return name;
    }

    private static String realm(ContainerRequestContext request) {
        String host = request.getUriInfo().getBaseUri().getHost();
        return host == null ? "raas-sandbox" : host;
    }

    /** No header, {@code application/json}, {@code application/*} and {@code *}{@code /*} are served. */
    static void checkAccept(List<String> accept) {
        if (accept == null || accept.isEmpty()) {
            return;
        }
        boolean any = false;
        for (String header : accept) {
            for (String range : header.split(",")) {
                String type = range.split(";", 2)[0].trim().toLowerCase();
                if (type.isEmpty()) {
                    continue;
                }
                any = true;
                if (type.equals("*/*") || type.equals("application/*") || type.equals("application/json")) {
                    return;
                }
            }
        }
        if (any) {
            throw RaasException.unacceptable();
        }
    }
}
