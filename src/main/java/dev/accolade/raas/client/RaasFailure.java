package dev.accolade.raas.client;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * RaaS answered and refused the call: for a write, nothing happened. Each subclass is one error of
 * the spec's "Generic Errors" and "Resource Errors" and carries that error's details. The
 * {@link #errorMessage()} is a debug text from RaaS, not meant for end users.
 */
public abstract sealed class RaasFailure extends RaasException {

    private final int status;
    private final String statusReason;
    private final String errorMessage;

    RaasFailure(RaasEndpoint endpoint, String what, int status, String statusReason, String errorMessage) {
        super(endpoint, what + " (HTTP " + status + (statusReason == null ? "" : " " + statusReason) + ")"
                + (errorMessage == null ? "" : ": " + errorMessage), null);
        this.status = status;
        this.statusReason = statusReason;
        this.errorMessage = errorMessage;
    }

    public int status() {
        return status;
    }

    /** The {@code X-Status-Reason} header, when RaaS sent one. */
    public Optional<String> statusReason() {
        return Optional.ofNullable(statusReason);
    }

    /** The body's {@code error_message}, for logs and support; never shown to end users. */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    /** 401: the request carried no credentials. */
    public static final class AuthenticationNeeded extends RaasFailure {
        AuthenticationNeeded(RaasEndpoint endpoint, int status, String reason, String message) {
            super(endpoint, "authentication needed", status, reason, message);
        }
    }

    /** 403 "Authentication failed": the platform name or key is wrong. */
    public static final class AuthenticationFailed extends RaasFailure {
        AuthenticationFailed(RaasEndpoint endpoint, int status, String reason, String message) {
            super(endpoint, "authentication failed", status, reason, message);
        }
    }

    /** 403 "Validation failed": the input broke the resource's schema or rules. */
    public static final class ValidationFailed extends RaasFailure {
        private final List<InvalidInput> invalidInputs;

        ValidationFailed(RaasEndpoint endpoint, int status, String reason, String message, List<InvalidInput> inputs) {
            super(endpoint, "validation failed " + inputs, status, reason, message);
            this.invalidInputs = List.copyOf(inputs);
        }

        public List<InvalidInput> invalidInputs() {
            return invalidInputs;
        }
    }

    /** 404: the account, card or order does not exist for this platform. */
    public static final class NotFound extends RaasFailure {
        NotFound(RaasEndpoint endpoint, int status, String reason, String message) {
            super(endpoint, "not found", status, reason, message);
        }
    }

    /** 409: the resource to create already exists. */
    public static final class AlreadyExists extends RaasFailure {
        AlreadyExists(RaasEndpoint endpoint, int status, String reason, String message) {
            super(endpoint, "already exists", status, reason, message);
        }
    }

    /** 400: the entity could not be read as the resource's JSON. */
    public static final class InvalidEntity extends RaasFailure {
        InvalidEntity(RaasEndpoint endpoint, int status, String reason, String message) {
            super(endpoint, "invalid entity", status, reason, message);
        }
    }

    /** 400 with {@code content_types}: the Accept header named nothing RaaS produces. */
    public static final class UnacceptableAccept extends RaasFailure {
        private final List<String> contentTypes;

        UnacceptableAccept(RaasEndpoint endpoint, int status, String reason, String message, List<String> types) {
            super(endpoint, "unacceptable Accept, RaaS produces " + types, status, reason, message);
            this.contentTypes = List.copyOf(types);
        }

        public List<String> contentTypes() {
            return contentTypes;
        }
    }

    /** 400 "Credit card authorization failure": the card was not charged. */
    public static final class CardDeclined extends RaasFailure {
        private final String denialCode;
        private final String denialMessage;

        CardDeclined(RaasEndpoint endpoint, int status, String reason, String message, String denialCode,
                String denialMessage) {
            super(endpoint, "card declined " + denialCode, status, reason, message);
            this.denialCode = denialCode;
            this.denialMessage = denialMessage;
        }

        /** CC_DECLINED, CC_ERROR, CC_REVIEW, CC_UNKNOWN, or another code RaaS adds. */
        public String denialCode() {
            return denialCode;
        }

        /** A message that may be shown to the person who entered the card. */
        public Optional<String> denialMessage() {
            return Optional.ofNullable(denialMessage);
        }
    }

    /** 400 "Funding Failed": the account's balance does not cover the order. */
    public static final class InsufficientFunds extends RaasFailure {
        private final Long availableBalance;

        InsufficientFunds(RaasEndpoint endpoint, int status, String reason, String message, Long availableBalance) {
            super(endpoint, "insufficient funds, available " + availableBalance, status, reason, message);
            this.availableBalance = availableBalance;
        }

        /** The account's available balance in cents, as RaaS reported it. */
        public OptionalLong availableBalance() {
            return availableBalance == null ? OptionalLong.empty() : OptionalLong.of(availableBalance);
        }
    }

    /** 400 on a resend: the order cannot be resent (RaaS did not send it, or it was resent in the last 24 hours). */
    public static final class ResendRefused extends RaasFailure {
        ResendRefused(RaasEndpoint endpoint, int status, String reason, String message) {
            super(endpoint, "resend refused", status, reason, message);
        }
    }

    /** 500 with an error code, on a read (after retries). On a write a 5xx is {@link RaasOutcomeUnknown}. */
    public static final class SystemError extends RaasFailure {
        private final String errorCode;

        SystemError(RaasEndpoint endpoint, int status, String reason, String errorCode) {
            super(endpoint, "system error", status, reason, errorCode);
            this.errorCode = errorCode;
        }

        /** The code to relay to Tango Card engineering, e.g. {@code RAAS:OC:1003}. */
        public String errorCode() {
            return errorCode;
        }
    }

    /** Any other 4xx (405, 413, 429, ...): refused for a reason without its own type. */
    public static final class Rejected extends RaasFailure {
        Rejected(RaasEndpoint endpoint, int status, String reason, String message) {
            super(endpoint, "rejected", status, reason, message);
        }
    }
}
