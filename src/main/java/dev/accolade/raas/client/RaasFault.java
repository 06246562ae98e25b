package dev.accolade.raas.client;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Inside the client only: one attempt got no usable answer. The circuit breaker counts it, reads
 * retry on it, and {@link RaasCalls} turns it into {@link RaasOutcomeUnknown} or {@link RaasUnavailable}.
 */
final class RaasFault extends RuntimeException {

    final RaasFaultKind kind;
    final Integer status;
    final String errorCode;

    RaasFault(RaasFaultKind kind, Integer status, String errorCode, String message, Throwable cause) {
        super(kind + (status == null ? "" : " HTTP " + status) + (message == null ? "" : ": " + message), cause);
        this.kind = kind;
        this.status = status;
        this.errorCode = errorCode;
    }

    /**
     * Classifies an exception from the HTTP layer. Only faults that certainly happen before a
     * request leaves (no connection, TLS peer refused) are {@link RaasFaultKind#NOT_CONNECTED};
     * anything not recognised is {@link RaasFaultKind#CONNECTION_LOST}, i.e. "it may have arrived".
     */
    static RaasFault of(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (c instanceof RaasFault fault) {
                return fault;
            }
            if (c instanceof ConnectException || c instanceof UnknownHostException
                    || c instanceof NoRouteToHostException || c instanceof SSLHandshakeException
                    || c instanceof SSLPeerUnverifiedException || c instanceof CertificateException) {
                return new RaasFault(RaasFaultKind.NOT_CONNECTED, null, null, c.getClass().getSimpleName(), error);
            }
        }
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (c instanceof TimeoutException || c instanceof SocketTimeoutException
                    || c.getClass().getSimpleName().contains("Timeout")) {
                return new RaasFault(RaasFaultKind.TIMEOUT, null, null, c.getClass().getSimpleName(), error);
            }
        }
        return new RaasFault(RaasFaultKind.CONNECTION_LOST, null, null, error.getClass().getSimpleName(), error);
    }
}
