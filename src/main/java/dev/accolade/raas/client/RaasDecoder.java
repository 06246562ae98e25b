package dev.accolade.raas.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one place where a RaaS answer (status, {@code X-Status-Reason}, body) becomes a record or a
 * typed exception. 2xx with a readable body: the record. 4xx: the {@link RaasFailure} the spec
 * defines for it. 5xx, an unreadable 2xx body, or a status the spec does not use: a {@link RaasFault}
 * that the caller turns into "unknown" (writes) or retries (reads). The {@code system_message} of
 * every readable body is noted.
 */
@ApplicationScoped
class RaasDecoder {

    static final String STATUS_REASON = "X-Status-Reason";

    /** Reads the record out of a successful body. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ObjectNode body) throws IOException;
    }

    private final RaasSystemMessages systemMessages;

    RaasDecoder(RaasSystemMessages systemMessages) {
        this.systemMessages = systemMessages;
    }

    <T> T decode(RaasEndpoint endpoint, RestResponse<byte[]> response, Reader<T> reader) throws RaasFailure {
        int status = response.getStatus();
        ObjectNode body = parse(bytes(response));
        if (body != null) {
            systemMessages.observe(text(body, "system_message"));
        }
        if (status >= 200 && status < 300) {
            if (body == null) {
                throw new RaasFault(RaasFaultKind.UNREADABLE_RESPONSE, status, null, "no JSON object in the body", null);
            }
            JsonNode success = body.get("success");
            if (success != null && success.isBoolean() && !success.booleanValue()) {
                throw new RaasFault(RaasFaultKind.UNREADABLE_RESPONSE, status, null, "success false with a 2xx", null);
            }
            try {
                return reader.read(body);
            } catch (IOException | RuntimeException e) {
                throw new RaasFault(RaasFaultKind.UNREADABLE_RESPONSE, status, null, "body does not match the spec", e);
            }
        }
        String reason = response.getHeaderString(STATUS_REASON);
        String message = body == null ? null : text(body, "error_message");
        if (status >= 500) {
            throw new RaasFault(RaasFaultKind.SERVER_ERROR, status, message, null, null);
        }
        if (status >= 400) {
            throw failure(endpoint, status, reason, message, body == null ? RaasJson.MAPPER.createObjectNode() : body);
        }
        throw new RaasFault(RaasFaultKind.UNEXPECTED_STATUS, status, null, null, null);
    }

    static RaasFailure failure(RaasEndpoint endpoint, int status, String reason, String message, ObjectNode body) {
        switch (status) {
            case 401:
                return new RaasFailure.AuthenticationNeeded(endpoint, status, reason, message);
            case 403:
                if (reasonIs(reason, "Authentication failed")) {
                    return new RaasFailure.AuthenticationFailed(endpoint, status, reason, message);
                }
                if (reasonIs(reason, "Validation failed") || body.has("invalid_inputs")) {
                    return new RaasFailure.ValidationFailed(endpoint, status, reason, message, invalidInputs(body));
                }
                return new RaasFailure.Rejected(endpoint, status, reason, message);
            case 404:
                return new RaasFailure.NotFound(endpoint, status, reason, message);
            case 409:
                return new RaasFailure.AlreadyExists(endpoint, status, reason, message);
            case 400:
                if (body.has("content_types")) {
                    return new RaasFailure.UnacceptableAccept(endpoint, status, reason, message,
                            texts(body.get("content_types")));
                }
                if (reasonIs(reason, "Credit card authorization failure") || body.has("denial_code")) {
                    return new RaasFailure.CardDeclined(endpoint, status, reason, message,
                            text(body, "denial_code"), text(body, "denial_message"));
                }
                if (reasonIs(reason, "Funding Failed") || body.has("available_balance")) {
                    JsonNode balance = body.get("available_balance");
                    return new RaasFailure.InsufficientFunds(endpoint, status, reason, message,
                            balance != null && balance.canConvertToLong() ? balance.asLong() : null);
                }
                if (endpoint == RaasEndpoint.ORDER_RESEND) {
                    // A resend has no entity to be invalid: a plain 400 is RaaS declining to resend.
                    return new RaasFailure.ResendRefused(endpoint, status, reason, message);
                }
                return new RaasFailure.InvalidEntity(endpoint, status, reason, message);
            default:
                return new RaasFailure.Rejected(endpoint, status, reason, message);
        }
    }

    /** Compares an {@code X-Status-Reason}, ignoring case and the spec's occasional trailing period. */
    private static boolean reasonIs(String header, String expected) {
        if (header == null) {
            return false;
        }
        String value = header.trim().toLowerCase(Locale.ROOT);
        if (value.endsWith(".")) {
            value = value.substring(0, value.length() - 1);
        }
        return value.equals(expected.toLowerCase(Locale.ROOT));
    }

    private static List<InvalidInput> invalidInputs(ObjectNode body) {
        List<InvalidInput> inputs = new ArrayList<>();
        JsonNode array = body.get("invalid_inputs");
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                inputs.add(new InvalidInput(text(item, "field"), text(item, "error")));
            }
        }
        return inputs;
    }

    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (node != null && !node.isNull()) {
            values.add(node.asText());
        }
        return values;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** The raw body: already read for a 2xx, still a stream for other statuses. */
    static byte[] bytes(RestResponse<byte[]> response) {
        Object entity = ((RestResponse<?>) response).getEntity();
        if (entity instanceof byte[] read) {
            return read;
        }
        if (entity instanceof InputStream stream) {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new RaasFault(RaasFaultKind.CONNECTION_LOST, response.getStatus(), null, "body cut off", e);
            }
        }
        return null;
    }

    /** The body as a JSON object, or null when it is empty, not JSON, or not an object. */
    static ObjectNode parse(byte[] entity) {
        if (entity == null || entity.length == 0) {
            return null;
        }
        try {
            JsonNode node = RaasJson.BODY.readTree(entity);
            return node instanceof ObjectNode object ? object : null;
        } catch (IOException e) {
            return null;
        }
    }
}
