package dev.accolade.raas.client;

/**
 * Everything a RaaS call can end in other than success. There are exactly three kinds, and a caller
 * that moves money must tell them apart:
 * <ul>
 * <li>{@link RaasFailure}: RaaS answered and refused; nothing happened. Final.</li>
 * <li>{@link RaasOutcomeUnknown}: a write may or may not have happened (timeout after sending, lost
 * connection, server error, unreadable answer). Reconcile before doing anything else.</li>
 * <li>{@link RaasUnavailable}: RaaS could not be used. For a write this always means the request was
 * never sent (circuit open, no connection, TLS peer refused); for a read, that it failed after retries.</li>
 * </ul>
 * Messages never contain credentials or card data.
 */
public abstract sealed class RaasException extends Exception
        permits RaasFailure, RaasOutcomeUnknown, RaasUnavailable {

    private final RaasEndpoint endpoint;

    RaasException(RaasEndpoint endpoint, String message, Throwable cause) {
        super(endpoint + ": " + message, cause);
        this.endpoint = endpoint;
    }

    public RaasEndpoint endpoint() {
        return endpoint;
    }
}
