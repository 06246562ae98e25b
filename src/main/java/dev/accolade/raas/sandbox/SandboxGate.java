package dev.accolade.raas.sandbox;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import dev.accolade.common.PublicUrl;

/**
 * Runs before every sandbox request: hides the sandbox when it is off, then applies the RaaS v1
 * rules in order: platform authentication (401, then 403) and the {@code Accept} header (400).
 */
public class SandboxGate {

    private final SandboxConfig config;
    private final RaasResponses responses;
    private final Caller caller;
    private final SandboxCredentials credentials;

    SandboxGate(SandboxConfig config, RaasResponses responses, Caller caller, SandboxCredentials credentials) {
        this.config = config;
        this.responses = responses;
        this.caller = caller;
        this.credentials = credentials;
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
            caller.authenticate(credentials.platform(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                    SandboxCredentials.realm(PublicUrl.host())));
            checkAccept(request.getHeaders().get(HttpHeaders.ACCEPT));
            checkNoNul(request);
            return null;
        } catch (RaasException e) {
            return responses.error(e);
        }
    }

    /**
     * No identifier or query value RaaS stores or looks up may hold NUL: one in the path names nothing
     * (404), one in a query parameter is a validation error on that parameter.
     */
    static void checkNoNul(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().indexOf(0) >= 0) {
            throw RaasException.notFound("resource");
        }
        for (var p : request.getUriInfo().getQueryParameters().entrySet()) {
            if (p.getKey().indexOf(0) >= 0 || p.getValue().stream().anyMatch(v -> v.indexOf(0) >= 0)) {
                throw RaasException.validation(p.getKey().replace((char) 0, '?'), "may not contain the NUL character");
            }
        }
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
