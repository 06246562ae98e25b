package dev.accolade.raas.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An error the sandbox answers with, in the exact shape of the RaaS v1 "Generic Errors" and
 * "Resource Errors": a status, an optional {@code X-Status-Reason}, and the body's fields.
 */
public final class RaasException extends RuntimeException {

    public static final String REASON_HEADER = "X-Status-Reason";

    public final int status;
    public final String reason;
    public final Map<String, Object> fields;
    public final Map<String, String> headers;

    private RaasException(int status, String reason, String message, Map<String, Object> fields,
            Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
        this.fields = fields;
        this.headers = headers;
    }

    public record InvalidInput(String field, String error) {
    }

    public static RaasException authenticationNeeded(String realm) {
        return new RaasException(401, null, "Authentication credentials were not supplied.", Map.of(),
                Map.of("WWW-Authenticate", "Basic realm=\"" + realm + "\""));
    }

    public static RaasException authenticationFailed() {
        return new RaasException(403, "Authentication failed",
                "The supplied platform name or key is not valid.", Map.of(), Map.of());
    }

    public static RaasException validation(List<InvalidInput> inputs) {
        return new RaasException(403, "Validation failed", "The supplied input entity was invalid.",
                Map.of("invalid_inputs", inputs), Map.of());
    }

    public static RaasException validation(String field, String error) {
        return validation(List.of(new InvalidInput(field, error)));
    }

    public static RaasException notFound(String what) {
        return new RaasException(404, null, what, Map.of(), Map.of());
    }

    public static RaasException exists(String what) {
        return new RaasException(409, null, what, Map.of(), Map.of());
    }

    public static RaasException invalidEntity(String why) {
        return new RaasException(400, null, why, Map.of(), Map.of());
    }

    public static RaasException tooLarge(int limit) {
        return new RaasException(413, null,
                "The request entity is larger than " + limit + " bytes.", Map.of(), Map.of());
    }

    public static RaasException unacceptable() {
        return new RaasException(400, null,
                "The Accept header did not contain a content type this API can produce.",
                Map.of("content_types", List.of("application/json")), Map.of());
    }

    public static RaasException cardDenied(CardDecision decision) {
        // No error_message: the spec's body for this error is success, denial_code and denial_message.
        // The header's value ends with a full stop in every version of the spec.
        return new RaasException(400, "Credit card authorization failure.", null,
                Map.of("denial_code", decision.code(), "denial_message", decision.message()), Map.of());
    }

    public static RaasException insufficientFunds(long availableBalance) {
        return new RaasException(400, "Funding Failed", "There was insufficient available funds.",
                Map.of("available_balance", availableBalance), Map.of());
    }

    public static RaasException badRequest(String message) {
        return new RaasException(400, null, message, Map.of(), Map.of());
    }

    /**
     * A method the resource does not answer; {@code allow} lists the ones it does, for the
     * {@code Allow} header a 405 must carry (RFC 9110, 15.5.6), when known.
     */
    public static RaasException methodNotAllowed(Optional<String> allow) {
        return new RaasException(405, null, "The method is not allowed for this resource.", Map.of(),
                allow.map(a -> Map.of("Allow", a)).orElse(Map.of()));
    }

    /** A framework-level refusal (415, ...) in the spec's body shape. */
    public static RaasException statusOnly(int status, String message) {
        return new RaasException(status, null, message, Map.of(), Map.of());
    }

    /** A fatal error; the body carries only an error code for Tango Card engineering. */
    public static RaasException system(String code) {
        return new RaasException(500, null, code, Map.of(), Map.of());
    }
}
