package dev.accolade.raas.client;

import java.util.Optional;

/**
 * A write was sent (or may have been) and no trustworthy answer came back: the order may have been
 * placed, the card charged, the mail resent, or not. It is never retried by the client; find out
 * with a read (for orders: list the account's orders for the time window) before anything else.
 * A 5xx on a write lands here even when RaaS names an error code, which is kept.
 */
public final class RaasOutcomeUnknown extends RaasException {

    private final RaasFaultKind kind;
    private final Integer status;
    private final String errorCode;

    RaasOutcomeUnknown(RaasEndpoint endpoint, RaasFaultKind kind, Integer status, String errorCode, Throwable cause) {
        super(endpoint, "outcome unknown (" + kind + (status == null ? "" : ", HTTP " + status)
                + (errorCode == null ? "" : ", " + errorCode) + ")", cause);
        this.kind = kind;
        this.status = status;
        this.errorCode = errorCode;
    }

    public RaasFaultKind kind() {
        return kind;
    }

    /** The HTTP status, when one was received. */
    public Optional<Integer> status() {
        return Optional.ofNullable(status);
    }

    /** The RaaS error code of a 5xx body (e.g. {@code RAAS:OC:1003}), to relay to Tango Card. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }
}
