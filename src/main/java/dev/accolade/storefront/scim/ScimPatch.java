package dev.accolade.storefront.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A PATCH request's operations (RFC 7644 section 3.5.2): {@code op} is {@code add}, {@code replace}
 * or {@code remove} in any case (Microsoft Entra ID writes {@code Replace}), with an optional
 * {@code path} and a {@code value}.
 */
final class ScimPatch {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    record Operation(String op, String path, JsonNode value) {
    }

    private ScimPatch() {
    }

    static List<Operation> operations(ObjectNode body) {
        JsonNode schemas = body.get("schemas");
        boolean patchOp = false;
        if (schemas != null && schemas.isArray()) {
            for (JsonNode s : schemas) {
                patchOp |= SCHEMA.equals(s.asText());
            }
        }
        if (!patchOp) {
            throw ScimError.invalidSyntax("A PATCH body must name the schema " + SCHEMA + ".");
        }
        JsonNode ops = body.get("Operations");
        if (ops == null) {
            ops = body.get("operations");
        }
        if (ops == null || !ops.isArray() || ops.isEmpty()) {
            throw ScimError.invalidSyntax("A PATCH body needs a non-empty Operations array.");
        }
        List<Operation> operations = new ArrayList<>();
        for (JsonNode o : ops) {
            if (!o.isObject() || !o.path("op").isTextual()) {
                throw ScimError.invalidSyntax("Each operation is an object with an op: add, replace or remove.");
            }
            String op = o.get("op").asText().toLowerCase(Locale.ROOT);
            if (!List.of("add", "replace", "remove").contains(op)) {
                throw ScimError.invalidSyntax("Unknown op \"" + o.get("op").asText() + "\": use add, replace or remove.");
            }
            JsonNode path = o.get("path");
            if (path != null && !path.isNull() && !path.isTextual()) {
                throw ScimError.invalidPath("path must be a string.");
            }
            String p = path == null || path.isNull() || path.asText().isBlank() ? null : path.asText();
            if (!op.equals("remove") && (o.get("value") == null || o.get("value").isNull())) {
                throw ScimError.invalidValue("The " + op + " operation" + (p == null ? "" : " on " + p) + " needs a value.");
            }
            operations.add(new Operation(op, p, o.get("value")));
        }
        return operations;
    }
}
