package dev.accolade.storefront.scim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON in and out of the SCIM API, read and written here rather than by the REST layer's readers: a
 * body that is not JSON, too deep or not an object becomes a SCIM {@code invalidSyntax} error, and
 * every answer is {@code application/scim+json} (RFC 7644 section 3.1).
 */
@ApplicationScoped
public class ScimJson {

    public static final String MEDIA_TYPE = "application/scim+json";
    static final int MAX_BODY_CHARS = 256 * 1024;

    private final ObjectMapper mapper;

    ScimJson(ObjectMapper mapper) {
        this.mapper = mapper.copy();
        this.mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32)
                .maxStringLength(MAX_BODY_CHARS).build());
    }

    /** The request's body as a JSON object, or a SCIM error that says what is wrong with it. */
    ObjectNode object(String body) {
        if (body == null || body.isBlank()) {
            throw ScimError.invalidSyntax("The request has no body: send a JSON object.");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new ScimError(413, null, "The request body is larger than " + MAX_BODY_CHARS + " characters.");
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException | RuntimeException e) {
            throw ScimError.invalidSyntax("The body is not valid JSON"
                    + (e instanceof JsonProcessingException j && j.getLocation() != null
                            ? " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")"
                            : "") + ".");
        }
        if (node == null || !node.isObject()) {
            throw ScimError.invalidSyntax("The body must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    ObjectNode newObject() {
        return mapper.createObjectNode();
    }

    Response response(int status, Object body) {
        try {
            return Response.status(status).type(MEDIA_TYPE).entity(mapper.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a SCIM answer could not be written", e);
        }
    }
}
