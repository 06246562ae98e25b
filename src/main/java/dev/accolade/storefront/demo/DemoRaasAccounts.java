package dev.accolade.storefront.demo;

import java.time.YearMonth;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.http.HttpServerStart;

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
 * Runs as soon as the HTTP server listens (the sandbox is reached over HTTP), after the demo directory
 * has been loaded, and again every 15 s until it has succeeded, never before the server listens; it is
 * idempotent. Where the scheduled jobs are off (tests, which call {@link #ensure()} themselves) it
 * does not run on its own.
 */
@ApplicationScoped
public class DemoRaasAccounts {

    private static final Logger LOG = Logger.getLogger(DemoRaasAccounts.class);
    static final long OPENING_FUNDS = 500_000;

    private final RaasClient raas;
    private final boolean enabled;
    private final boolean jobsRun;
    private volatile boolean done;
    /** The sandbox is reached over this server's HTTP port: nothing is tried before it listens. */
    private volatile boolean listening;

    DemoRaasAccounts(RaasClient raas,
            @ConfigProperty(name = "accolade.demo-data.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.scheduler.enabled", defaultValue = "true") boolean jobsRun) {
        this.raas = raas;
        this.enabled = enabled;
        this.jobsRun = jobsRun;
    }

    /**
     * The first run, when the server starts listening: the scheduler's first run can come before the
     * demo directory is loaded, and then nothing happened until the next one, 15 s later, while a
     * demo user could already be sending rewards from departments without an account.
     */
    void onHttpStart(@ObservesAsync HttpServerStart event) {
        listening = true;
        if (jobsRun) {
            onSchedule();
        }
    }

    @Scheduled(identity = "demo-raas-accounts", every = "15s", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        // A run before the server listens would only meet "connection refused", and with the client's
        // retries hold the lock past the run that the server's start makes.
        if (enabled && !done && listening) {
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
