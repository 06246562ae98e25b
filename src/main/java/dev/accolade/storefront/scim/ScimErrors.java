package dev.accolade.storefront.scim;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers every {@link ScimError} with the RFC's error body. */
public class ScimErrors {

    private final ScimJson json;

    ScimErrors(ScimJson json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response scimError(ScimError e) {
        return e.response(json);
    }
}
