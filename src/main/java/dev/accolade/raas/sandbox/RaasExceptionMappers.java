package dev.accolade.raas.sandbox;

import java.util.UUID;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.accolade.common.AllowedMethods;

/**
 * Turns every failure under {@code /raas/v1} into the spec's error bodies. Framework errors (an
 * unknown path, a wrong method) keep their status; anything unexpected becomes a 500 that carries
 * only an error code, never a stack trace. Anywhere else an unexpected failure is logged (with the
 * request's id) and answered by a 500 without a body, which the storefront's error pages fill in.
 */
public class RaasExceptionMappers {

    private static final Logger LOG = Logger.getLogger(RaasExceptionMappers.class);

    private final RaasResponses responses;
    private final AllowedMethods allowed;

    RaasExceptionMappers(RaasResponses responses, AllowedMethods allowed) {
        this.responses = responses;
        this.allowed = allowed;
    }

    @ServerExceptionMapper
    public Response raas(RaasException e) {
        return responses.error(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (!isRaas(uri)) {
            if (status >= 500) {
                // The error page names the request's id as the reference: it must be on a log line.
                LOG.error("Unhandled error", e);
            }
            return e.getResponse();
        }
        if (status == 404) {
            return responses.error(RaasException.notFound("The requested resource was not found."));
        }
        if (status >= 500) {
            return unexpected(e);
        }
        return responses.error(switch (status) {
            case 405 -> RaasException.methodNotAllowed(allowed.of(uri.getPath()));
            case 406 -> RaasException.unacceptable();
            case 415 -> RaasException.statusOnly(415, "The entity provided does not match the content type.");
            default -> RaasException.statusOnly(status, "The request could not be processed.");
        });
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (!isRaas(uri)) {
            LOG.error("Unhandled error", e);
            return Response.serverError().build();
        }
        return unexpected(e);
    }

    private Response unexpected(Exception e) {
        String ref = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        LOG.errorf(e, "RaaS sandbox system error RAAS:SYS:%s", ref);
        return responses.error(RaasException.system("RAAS:SYS:" + ref));
    }

    static boolean isRaas(UriInfo uri) {
        return uri != null && uri.getPath() != null && uri.getPath().startsWith("/raas/v1");
    }
}
