package dev.accolade.raas.sandbox;

import java.net.URI;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes every sandbox response: {@code success} first, the resource's fields, and the configured
 * {@code system_message}, as {@code application/json; charset=utf-8}.
 */
@ApplicationScoped
public class RaasResponses {

    public static final String JSON_UTF8 = "application/json; charset=utf-8";

    private final ObjectMapper mapper;
    private final SandboxConfig config;

    RaasResponses(ObjectMapper mapper, SandboxConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    public Response ok(Object payload) {
        return success(200, payload, null);
    }

    public Response created(Object payload, URI location) {
        return success(201, payload, location);
    }

    private Response success(int status, Object payload, URI location) {
        ObjectNode body = mapper.createObjectNode();
        body.put("success", true);
        body.setAll((ObjectNode) mapper.valueToTree(payload));
        addSystemMessage(body);
        Response.ResponseBuilder builder = Response.status(status).type(JSON_UTF8).entity(body);
        if (location != null) {
            builder.location(location);
        }
        return builder.build();
    }

    public Response error(RaasException e) {
        Response.ResponseBuilder builder = Response.status(e.status).type(JSON_UTF8).entity(errorBody(e));
        if (e.reason != null) {
            builder.header(RaasException.REASON_HEADER, e.reason);
        }
        e.headers.forEach(builder::header);
        return builder.build();
    }

    /** The error's body as JSON text, for answers written below JAX-RS (see {@link SandboxBodyLimit}). */
    public String errorJson(RaasException e) {
        try {
            return mapper.writeValueAsString(errorBody(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private ObjectNode errorBody(RaasException e) {
        ObjectNode body = mapper.createObjectNode();
        body.put("success", false);
        if (e.getMessage() != null) {
            body.put("error_message", e.getMessage());
        }
        for (Map.Entry<String, Object> field : e.fields.entrySet()) {
            body.set(field.getKey(), mapper.valueToTree(field.getValue()));
        }
        addSystemMessage(body);
        return body;
    }

    private void addSystemMessage(ObjectNode body) {
        config.systemMessage().filter(m -> !m.isBlank()).ifPresent(m -> body.put("system_message", m));
    }
}
