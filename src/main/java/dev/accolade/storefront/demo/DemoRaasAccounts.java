package dev.accolade.storefront.demo;

import java.time.YearMonth;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.accolade.raas.client.AccountCreate;
import dev.accolade.raas.client.BillingAddress;
import dev.accolade.raas.client.CreditCard;
import dev.accolade.raas.client.FundCreate;
import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasException;
import dev.accolade.raas.client.RaasFailure;
import dev.accolade.storefront.directory.Department;

/**
 * In dev mode and tests, gives every demo department a RaaS account in the sandbox, funded with
 * $5,000 from the sandbox's approved test card, through the typed client like any other RaaS call.
 * Runs shortly after start-up (the HTTP server must be listening) and is idempotent.
 */
@ApplicationScoped
public class DemoRaasAccounts {

    private static final Logger LOG = Logger.getLogger(DemoRaasAccounts.class);
    static final long OPENING_FUNDS = 500_000;

    private final RaasClient raas;
    private final boolean enabled;
    private volatile boolean done;

    DemoRaasAccounts(RaasClient raas,
            @ConfigProperty(name = "accolade.demo-data.enabled", defaultValue = "false") boolean enabled) {
        this.raas = raas;
        this.enabled = enabled;
    }

    @Scheduled(identity = "demo-raas-accounts", every = "15s", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (enabled && !done) {
            ensure();
        }
    }

    /** Creates and funds the demo departments' RaaS accounts that do not exist yet. */
    public synchronized void ensure() {
        if (done) {
            return;
        }
        List<Department> departments = QuarkusTransaction.requiringNew().call(Department::listByName);
        if (departments.isEmpty()) {
            return; // the demo directory is still being loaded
        }
        try {
            for (Department d : departments) {
                provision(d);
            }
            done = true;
        } catch (RaasException e) {
            LOG.infof("Demo RaaS accounts not ready yet (%s); retrying shortly", e.getMessage());
        }
    }

    private void provision(Department d) throws RaasException {
        try {
            raas.createAccount(new AccountCreate(d.raasCustomer, d.raasAccountIdentifier, "finance@accolade.test"));
        } catch (RaasFailure.AlreadyExists e) {
            // Created earlier, perhaps by an attempt whose answer was lost: fund it if it never was.
            if (raas.account(d.raasCustomer, d.raasAccountIdentifier).availableBalance() > 0) {
                return;
            }
        }
        String expiry = YearMonth.now().plusYears(3).toString();
        String mmyy = expiry.substring(5, 7) + "/" + expiry.substring(2, 4);
        raas.fund(new FundCreate(d.raasCustomer, d.raasAccountIdentifier, OPENING_FUNDS, "127.0.0.1",
                new CreditCard("4111111111111111", mmyy, "123", new BillingAddress("Avery", "Admin",
                        "1 Demo Street", "Springfield", "WA", "99196", "USA", "finance@accolade.test"))));
        LOG.infof("Created and funded the demo RaaS account %s / %s", d.raasCustomer, d.raasAccountIdentifier);
    }
}
