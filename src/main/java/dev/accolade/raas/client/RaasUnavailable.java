package dev.accolade.raas.client;

import java.util.Optional;

/**
 * RaaS could not be used. For a write this is thrown only when the request was certainly not sent
 * ({@link RaasFaultKind#CIRCUIT_OPEN}, {@link RaasFaultKind#NOT_CONNECTED}), so nothing happened and
 * the write may be tried again later. For a read it is the last fault after the bounded retries.
 */
public final class RaasUnavailable extends RaasException {

    private final RaasFaultKind kind;
    private final Integer status;

    RaasUnavailable(RaasEndpoint endpoint, RaasFaultKind kind, Integer status, Throwable cause) {
        super(endpoint, "RaaS unavailable (" + kind + (status == null ? "" : ", HTTP " + status) + ")", cause);
        this.kind = kind;
        this.status = status;
    }

    public RaasFaultKind kind() {
        return kind;
    }

    public Optional<Integer> status() {
        return Optional.ofNullable(status);
    }

    /** True when the request never reached RaaS. */
    public boolean notSent() {
        return !kind.requestMayHaveArrived();
    }
}
