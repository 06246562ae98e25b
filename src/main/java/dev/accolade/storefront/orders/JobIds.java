package dev.accolade.storefront.orders;

import java.util.UUID;
import java.util.function.Supplier;

import org.jboss.logging.MDC;

/**
 * Gives a run of a job an id (MDC {@code jobId}, like {@code requestId} for a request), so that the
 * lines it writes, the RaaS client's included, can be told apart and found together.
 */
final class JobIds {

    static final String MDC_KEY = "jobId";

    private JobIds() {
    }

    static <T> T run(String job, Supplier<T> work) {
        Object outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, job + "-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outer);
            }
        }
    }
}
