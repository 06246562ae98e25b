package dev.accolade.raas.client;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@code system_message} notes RaaS adds to its responses (planned outages and the like, meant
 * for the platform's operators, not end users). Each distinct text is logged once; every response
 * carrying one is counted in {@code raas.system_messages}; the current one is shown to admins.
 */
@ApplicationScoped
public class RaasSystemMessages {

    /** A note from RaaS, with when it was first and last seen. */
    public record SystemMessage(String text, Instant firstSeen, Instant lastSeen) {
    }

    private static final Logger LOG = Logger.getLogger(RaasSystemMessages.class);
    /** Distinct texts remembered for "log once"; beyond this, repeats may be logged again. */
    private static final int REMEMBERED = 256;

    private final Counter counter;
    private final Clock clock;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private volatile SystemMessage current;

    RaasSystemMessages(MeterRegistry registry, Clock clock) {
        this.counter = Counter.builder("raas.system_messages")
                .description("RaaS responses that carried a system_message")
                .register(registry);
        this.clock = clock;
    }

    /**
     * The note RaaS sent with its latest readable response, if that response had one. It goes away
     * as soon as RaaS answers without one.
     */
    public Optional<SystemMessage> current() {
        return Optional.ofNullable(current);
    }

    /** Called with the {@code system_message} of every readable RaaS body (null when absent). */
    void observe(String text) {
        if (text == null || text.isBlank()) {
            current = null;
            return;
        }
        String note = text.strip();
        counter.increment();
        Instant now = clock.instant();
        SystemMessage previous = current;
        current = previous != null && previous.text().equals(note)
                ? new SystemMessage(note, previous.firstSeen(), now)
                : new SystemMessage(note, now, now);
        if (logged.size() >= REMEMBERED) {
            logged.clear();
        }
        if (logged.add(note)) {
            LOG.warnf("RaaS system message: %s", note);
        }
    }
}
