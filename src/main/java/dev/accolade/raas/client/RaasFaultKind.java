package dev.accolade.raas.client;

/** Why a call did not get a usable answer from RaaS. */
public enum RaasFaultKind {

    /** The circuit breaker is open: the request was not sent. */
    CIRCUIT_OPEN(false),
    /** No connection could be made (refused, connect timeout, unknown host, TLS peer not trusted): not sent. */
    NOT_CONNECTED(false),
    /** No answer within the read timeout after the request was sent. */
    TIMEOUT(true),
    /** The connection broke (reset, closed) while the request or its answer was in flight. */
    CONNECTION_LOST(true),
    /** HTTP 5xx. */
    SERVER_ERROR(true),
    /** A success status whose body is empty, not JSON, or lacks what the spec promises. */
    UNREADABLE_RESPONSE(true),
    /** A status the spec does not use (1xx, 3xx). */
    UNEXPECTED_STATUS(true);

    private final boolean requestMayHaveArrived;

    RaasFaultKind(boolean requestMayHaveArrived) {
        this.requestMayHaveArrived = requestMayHaveArrived;
    }

    /** False only when the request certainly did not reach RaaS. */
    public boolean requestMayHaveArrived() {
        return requestMayHaveArrived;
    }
}
