package dev.accolade.storefront.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasException;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.DepartmentRef;

/**
 * A department's available balance, read from its RaaS account (the hard limit of what it can send).
 * Pages show it on every view, so it is kept for a few seconds and forgotten as soon as the
 * department sends; RaaS still refuses any order the real balance does not cover.
 * <p>
 * The gauge {@code accolade.department.balance} (Prometheus {@code accolade_department_balance_cents},
 * tagged {@code department}) reports the last balance this replica read, however old: a scrape never
 * calls RaaS. Replicas report their own last reading; aggregate with {@code max} (or the latest).
 */
@ApplicationScoped
public class DepartmentBalance {

    private static final Logger LOG = Logger.getLogger(DepartmentBalance.class);

    private record Known(long cents, Instant at) {
    }

    private final RaasClient raas;
    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentHashMap<Long, Known> known = new ConcurrentHashMap<>();
    /** The last balance read per department, kept after {@link #forget} for the gauge. */
    private final ConcurrentHashMap<Long, Long> lastRead = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    DepartmentBalance(RaasClient raas, Clock clock, MeterRegistry registry,
            @ConfigProperty(name = "accolade.balance.cache-ttl", defaultValue = "PT5S") Duration ttl) {
        this.raas = raas;
        this.clock = clock;
        this.registry = registry;
        this.ttl = ttl;
    }

    /**
     * The balance in cents, or empty when RaaS cannot tell right now. Pages call it inside their
     * transaction; the RaaS call runs outside it (suspended), so a slow or failing RaaS neither holds
     * a database connection nor shares the transaction with the HTTP client's threads.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public OptionalLong of(Department department) {
        return department == null ? OptionalLong.empty() : of(department.ref());
    }

    /** The same for the department the session carries; RaaS is called outside any transaction too. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public OptionalLong of(DepartmentRef department) {
        if (department == null) {
            return OptionalLong.empty();
        }
        Known k = known.get(department.id());
        Instant now = clock.instant();
        if (k != null && k.at().plus(ttl).isAfter(now)) {
            return OptionalLong.of(k.cents());
        }
        try {
            long cents = raas.account(department.raasCustomer(), department.raasAccountIdentifier()).availableBalance();
            known.put(department.id(), new Known(cents, now));
            if (lastRead.put(department.id(), cents) == null) {
                long id = department.id();
                Gauge.builder("accolade.department.balance", lastRead, m -> m.getOrDefault(id, 0L).doubleValue())
                        .description("Available RaaS balance of a department, as last read by this replica")
                        .baseUnit("cents")
                        .tag("department", department.name())
                        .strongReference(true)
                        .register(registry);
            }
            return OptionalLong.of(cents);
        } catch (RaasException e) {
            LOG.debugf("Balance of %s unavailable: %s", department.name(), e.getMessage());
            return OptionalLong.empty();
        }
    }

    /** Forgets the department's balance, after it sent or received money. */
    public void forget(long departmentId) {
        known.remove(departmentId);
    }
}
