package dev.accolade.storefront.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasException;

/**
 * A department's available balance, read from its RaaS account (the hard limit of what it can send).
 * Pages show it on every view, so it is kept for a few seconds and forgotten as soon as the
 * department sends; RaaS still refuses any order the real balance does not cover.
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

    DepartmentBalance(RaasClient raas, Clock clock,
            @ConfigProperty(name = "accolade.balance.cache-ttl", defaultValue = "PT5S") Duration ttl) {
        this.raas = raas;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The balance in cents, or empty when RaaS cannot tell right now. */
    public OptionalLong of(Department department) {
        return department == null ? OptionalLong.empty() : of(DepartmentRef.of(department));
    }

    /** The balance in cents, or empty when RaaS cannot tell right now. */
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
