package dev.accolade.storefront.accounts;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.mail.Notices;

/**
 * Once a day ({@code accolade.mail.low-balance-cron}), reads every department's balance from RaaS and
 * tells the administrators about each one under its low-balance threshold: once per crossing. The
 * notice is latched until the balance is found at or over the threshold again, so a department that
 * stays low is not reported every day, and one that is funded and falls again is reported again. A
 * balance RaaS cannot tell now changes nothing.
 */
@ApplicationScoped
public class LowBalanceNotices {

    private static final Logger LOG = Logger.getLogger(LowBalanceNotices.class);
    static final Actor ACTOR = Actor.system("system:low-balance");

    private final AccountService accounts;
    private final Notices notices;
    private final Actors actors;

    LowBalanceNotices(AccountService accounts, Notices notices, Actors actors) {
        this.accounts = accounts;
        this.notices = notices;
        this.actors = actors;
    }

    @Scheduled(identity = "low-balance-notices", cron = "${accolade.mail.low-balance-cron:0 0 7 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int written = check();
        if (written > 0) {
            LOG.infof("Low-balance notices: %d written", written);
        }
    }

    /** One check of every department; returns how many messages it wrote. */
    public int check() {
        return actors.runAs(ACTOR, () -> {
            int written = 0;
            for (AccountService.AccountView view : accounts.all()) {
                if (view.balance().isEmpty()) {
                    continue;
                }
                long balance = view.balance().getAsLong();
                var d = view.department();
                if (view.low()) {
                    written += QuarkusTransaction.requiringNew().call(() -> notices.lowBalance(
                            new Notices.Balance(d.id, d.name, balance, d.lowBalanceThreshold)));
                } else {
                    QuarkusTransaction.requiringNew().run(() -> notices.balanceRecovered(d.id));
                }
            }
            return written;
        });
    }
}
