package dev.accolade.raas.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * RaaS v1 platform authentication: HTTP Basic with the platform's name and key. Used by
 * {@link SandboxGate} for every request and by {@link SandboxBodyLimit}, so that an entity too large
 * to read is still refused for its credentials first.
 */
@ApplicationScoped
public class SandboxCredentials {

    private final SandboxConfig config;

    SandboxCredentials(SandboxConfig config) {
        this.config = config;
    }

    /**
     * The platform the {@code Authorization} header names; 401 "Authentication Needed" without
     * readable Basic credentials, 403 "Authentication failed" when they match no platform.
     */
    public String platform(String header, String realm) {
        if (header == null || header.isBlank()) {
            throw RaasException.authenticationNeeded(realm);
        }
        // A header that carries no readable Basic credentials (another scheme, bad Base64, no colon)
        // has not supplied any: "Authentication Needed" (401). Only a readable name and key that do
        // not match a platform are "Bad Authentication" (403).
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw RaasException.authenticationNeeded(realm);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RaasException.authenticationNeeded(realm);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw RaasException.authenticationNeeded(realm);
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

    /** The realm of a 401's challenge: the host the client called. */
    static String realm(String host) {
        return host == null || host.isBlank() ? "raas-sandbox" : host;
    }
}
