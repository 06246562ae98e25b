package dev.accolade.raas.client;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.RestResponse;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.Guard;

/**
 * Runs RaaS calls with their resilience and tells exactly how each one ended.
 * <ul>
 * <li>One circuit breaker guards every call, so a dead RaaS fails fast for all of them. Refusals
 * ({@link RaasFailure}) count as answers, not as faults.</li>
 * <li>Reads are retried a bounded number of times with exponential backoff, never while the circuit
 * is open and never after a refusal.</li>
 * <li>Writes are sent once. A fault after the request may have left is {@link RaasOutcomeUnknown};
 * a fault before it left (circuit open, no connection) is {@link RaasUnavailable}.</li>
 * </ul>
 * Programmatic guards rather than annotations, because the annotations give each method its own
 * breaker, and RaaS is one service. Created at startup, so the breaker {@code raas} exists for
 * maintenance before the first call. Every call is timed in {@code raas.client.calls}.
 */
@Startup
@ApplicationScoped
class RaasCalls {

    private static final Logger LOG = Logger.getLogger(RaasCalls.class);
    /** The name of the one circuit breaker that guards every RaaS call. */
    static final String BREAKER = "raas";
    /** The MDC keys of the request (set for every HTTP request) and of the job a call is made for. */
    static final String REQUEST_ID = "requestId";
    static final String JOB_ID = "jobId";

    private final RaasApi api;
    private final RaasDecoder decoder;
    private final MeterRegistry registry;
    private final RaasStatus status;
    private final Guard breaker;
    private final Guard retry;

    RaasCalls(@RestClient RaasApi api, RaasDecoder decoder, RaasClientConfig config, MeterRegistry registry,
            RaasStatus status) {
        this.api = api;
        this.decoder = decoder;
        this.registry = registry;
        this.status = status;
        RaasClientConfig.CircuitBreaker cb = config.circuitBreaker();
        this.breaker = Guard.create().withDescription("raas")
                .withCircuitBreaker().name(BREAKER)
                .requestVolumeThreshold(cb.requestVolumeThreshold())
                .failureRatio(cb.failureRatio())
                .delay(cb.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(cb.successThreshold())
                .skipOn(RaasFailure.class)
                .done()
                .build();
        RaasClientConfig.Retry r = config.retry();
        long delay = r.delay().toMillis();
        this.retry = Guard.create().withDescription("raas-reads")
                .withRetry()
                .maxRetries(r.maxRetries())
                .delay(delay, ChronoUnit.MILLIS)
                .jitter(delay / 2, ChronoUnit.MILLIS)
                .retryOn(RaasFault.class)
                .abortOn(List.of(RaasFailure.class, CircuitBreakerOpenException.class))
                .withExponentialBackoff().factor(2).maxDelay(Math.max(delay, r.maxDelay().toMillis()), ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
    }

    RaasApi api() {
        return api;
    }

    /** A read: retried on faults; after the last attempt, a 5xx with an error code is a SystemError. */
    <T> T read(RaasEndpoint endpoint, Callable<RestResponse<byte[]>> send, RaasDecoder.Reader<T> reader)
            throws RaasFailure, RaasUnavailable {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "unavailable";
        RaasFaultKind fault = null;
        try {
            T value = guarded(retry, () -> guarded(breaker, () -> attempt(endpoint, send, reader)));
            outcome = "success";
            return value;
        } catch (RaasFailure f) {
            outcome = "failure";
            throw f;
        } catch (RaasFault f) {
            fault = f.kind;
            if (f.kind == RaasFaultKind.SERVER_ERROR && f.errorCode != null) {
                outcome = "failure";
                warn(endpoint, "system error " + f.errorCode, f.kind, f.status);
                throw new RaasFailure.SystemError(endpoint, f.status, null, f.errorCode);
            }
            warn(endpoint, "unavailable after retries", f.kind, f.status);
            throw new RaasUnavailable(endpoint, f.kind, f.status, f);
        } catch (CircuitBreakerOpenException e) {
            fault = RaasFaultKind.CIRCUIT_OPEN;
            warn(endpoint, "not called", RaasFaultKind.CIRCUIT_OPEN, null);
            throw new RaasUnavailable(endpoint, RaasFaultKind.CIRCUIT_OPEN, null, e);
        } catch (Exception e) {
            RaasFault f = RaasFault.of(e);
            fault = f.kind;
            warn(endpoint, "unavailable", f.kind, null);
            throw new RaasUnavailable(endpoint, f.kind, null, e);
        } finally {
            sample.stop(timer(endpoint, outcome));
            observe(endpoint, fault);
        }
    }

    /** A write: sent at most once, never retried here. */
    <T> T write(RaasEndpoint endpoint, Callable<RestResponse<byte[]>> send, RaasDecoder.Reader<T> reader)
            throws RaasFailure, RaasOutcomeUnknown, RaasUnavailable {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "unknown";
        RaasFaultKind fault = null;
        try {
            T value = guarded(breaker, () -> attempt(endpoint, send, reader));
            outcome = "success";
            return value;
        } catch (RaasFailure f) {
            outcome = "failure";
            throw f;
        } catch (CircuitBreakerOpenException e) {
            outcome = "unavailable";
            fault = RaasFaultKind.CIRCUIT_OPEN;
            warn(endpoint, "not sent", RaasFaultKind.CIRCUIT_OPEN, null);
            throw new RaasUnavailable(endpoint, RaasFaultKind.CIRCUIT_OPEN, null, e);
        } catch (Exception e) {
            RaasFault f = RaasFault.of(e);
            fault = f.kind;
            if (!f.kind.requestMayHaveArrived()) {
                outcome = "unavailable";
                warn(endpoint, "not sent", f.kind, f.status);
                throw new RaasUnavailable(endpoint, f.kind, f.status, e);
            }
            warn(endpoint, "outcome unknown", f.kind, f.status);
            throw new RaasOutcomeUnknown(endpoint, f.kind, f.status, f.errorCode, e);
        } finally {
            sample.stop(timer(endpoint, outcome));
            observe(endpoint, fault);
        }
    }

    /**
     * The one line a call that got no usable answer writes: WARN, never a stack trace (a reset, a
     * refusal, a timeout or a 5xx is expected of a network), with the id of the request or job that
     * made the call (MDC {@code requestId}, else {@code jobId}), the endpoint and how it ended.
     */
    private static void warn(RaasEndpoint endpoint, String outcome, RaasFaultKind kind, Integer status) {
        Object id = MDC.get(REQUEST_ID);
        if (id == null) {
            id = MDC.get(JOB_ID);
        }
        LOG.warn("RaaS call " + endpoint + " " + outcome + " (" + kind + (status == null ? "" : ", HTTP " + status)
                + ") " + (MDC.get(REQUEST_ID) != null ? "request " : MDC.get(JOB_ID) != null ? "job " : "")
                + (id == null ? "without request id" : id));
    }

    /** Tells {@link RaasStatus} whether RaaS answered this call (a success or a refusal) or not. */
    private void observe(RaasEndpoint endpoint, RaasFaultKind fault) {
        if (fault == null) {
            status.answered();
        } else {
            status.fault(endpoint, fault);
        }
    }

    private <T> T attempt(RaasEndpoint endpoint, Callable<RestResponse<byte[]>> send, RaasDecoder.Reader<T> reader)
            throws RaasFailure {
        RestResponse<byte[]> response;
        try {
            response = send.call();
        } catch (Exception e) {
            throw RaasFault.of(e);
        }
        return decoder.decode(endpoint, response, reader);
    }

    @SuppressWarnings("unchecked")
    private static <T> T guarded(Guard guard, Callable<T> call) throws Exception {
        return (T) guard.call((Callable<Object>) call, Object.class);
    }

    private Timer timer(RaasEndpoint endpoint, String outcome) {
        return Timer.builder("raas.client.calls")
                .description("Calls to RaaS by endpoint and outcome")
                .tag("endpoint", endpoint.label())
                .tag("outcome", outcome)
                .register(registry);
    }
}
