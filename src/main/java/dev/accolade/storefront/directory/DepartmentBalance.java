package dev.accolade.storefront.directory;

import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasException;

/** A department's available balance, read from its RaaS account (the hard limit of what it can send). */
@ApplicationScoped
public class DepartmentBalance {

    private static final Logger LOG = Logger.getLogger(DepartmentBalance.class);

    private final RaasClient raas;

    DepartmentBalance(RaasClient raas) {
        this.raas = raas;
    }

    /** The balance in cents, or empty when RaaS cannot tell right now. */
    public OptionalLong of(Department department) {
        if (department == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(raas.account(department.raasCustomer, department.raasAccountIdentifier)
                    .availableBalance());
        } catch (RaasException e) {
            LOG.debugf("Balance of %s unavailable: %s", department.name, e.getMessage());
            return OptionalLong.empty();
        }
    }
}
