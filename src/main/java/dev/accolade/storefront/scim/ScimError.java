package dev.accolade.storefront.scim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/**
 * A SCIM error (RFC 7644 section 3.12): the HTTP status, an optional {@code scimType} and a detail a
 * person can act on, answered as the RFC's error body. Every refusal of the SCIM API is one of these.
 */
public final class ScimError extends RuntimeException {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    final int status;
    final String scimType;

    ScimError(int status, String scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    static ScimError invalidSyntax(String detail) {
        return new ScimError(400, "invalidSyntax", detail);
    }

    static ScimError invalidValue(String detail) {
        return new ScimError(400, "invalidValue", detail);
    }

    static ScimError invalidFilter(String detail) {
        return new ScimError(400, "invalidFilter", detail);
    }

    static ScimError invalidPath(String detail) {
        return new ScimError(400, "invalidPath", detail);
    }

    static ScimError uniqueness(String detail) {
        return new ScimError(409, "uniqueness", detail);
    }

    static ScimError mutability(String detail) {
        return new ScimError(400, "mutability", detail);
    }

    static ScimError notFound(String detail) {
        return new ScimError(404, null, detail);
    }

    /** The RFC's error body. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemas", List.of(SCHEMA));
        body.put("status", Integer.toString(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", getMessage());
        return body;
    }

    Response response(ScimJson json) {
        Response response = json.response(status, body());
        return status != 401 ? response
                : Response.fromResponse(response).header("WWW-Authenticate", "Bearer realm=\"accolade-scim\"").build();
    }
}
