package dev.accolade.storefront.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.accolade.raas.client.OrderQuery;
import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasException;
import dev.accolade.raas.client.RaasFailure;
import dev.accolade.raas.client.RaasOrder;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.reports.ReconciliationItem.Kind;

/**
 * Compares Accolade's delivered orders with RaaS's own records ({@code GET orders}, every page, for
 * every department's account) over a period: matched, at RaaS but not here, here but not at RaaS,
 * and differing in amount, SKU or recipient. An order near the period's edges that one side dates
 * differently is looked up by its RaaS order id on the other side before it is called missing.
 * Every run is stored; runs on demand and nightly (yesterday, UTC).
 */
@ApplicationScoped
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class);
    static final Actor NIGHTLY_ACTOR = Actor.system("system:reconciliation");

    private final RaasClient raas;
    private final AuditTrail audit;
    private final Actors actors;
    private final Clock clock;

    Reconciliation(RaasClient raas, AuditTrail audit, Actors actors, Clock clock) {
        this.raas = raas;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    @Scheduled(cron = "${accolade.reconciliation.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        ReconciliationRun run = runNightly();
        LOG.infof("Nightly reconciliation %d: %s, %d discrepancies", run.id, run.status, run.getDiscrepancies());
    }

    /** Yesterday (UTC), as the nightly job runs it: as {@code system:reconciliation}. */
    public ReconciliationRun runNightly() {
        LocalDate yesterday = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
        return actors.runAs(NIGHTLY_ACTOR, () -> run(yesterday, yesterday, "NIGHTLY"));
    }

    /**
     * Runs a reconciliation over whole UTC days {@code from} to {@code to} (both included) and stores it,
     * as requested by the current actor.
     */
    public ReconciliationRun run(LocalDate from, LocalDate to, String trigger) {
        String actor = actors.current().name();
        OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        ReconciliationRun run = QuarkusTransaction.requiringNew().call(() -> {
            ReconciliationRun r = new ReconciliationRun();
            r.triggerKind = trigger;
            r.requestedBy = actor;
            r.periodStart = start;
            r.periodEnd = end;
            r.startedAt = now();
            r.status = "RUNNING";
            r.persist();
            return r;
        });
        List<ReconciliationItem> items = new ArrayList<>();
        String error = null;
        Map<String, Department> accounts = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().call(Department::listByName)
                .forEach(d -> accounts.putIfAbsent(d.raasCustomer + "/" + d.raasAccountIdentifier, d));
        try {
            for (Department d : accounts.values()) {
                compare(run, d, start, end, items);
            }
        } catch (RaasException e) {
            error = "RaaS could not be read: " + e.getMessage();
        }
        String failure = error;
        return QuarkusTransaction.requiringNew().call(() -> {
            ReconciliationRun r = ReconciliationRun.findById(run.id);
            r.accounts = accounts.size();
            r.raasOrders = run.raasOrders;
            r.localOrders = run.localOrders;
            r.matched = run.matched;
            for (ReconciliationItem i : items) {
                i.runId = r.id;
                i.persist();
                switch (i.kind) {
                    case RAAS_ONLY -> r.raasOnly++;
                    case LOCAL_ONLY -> r.localOnly++;
                    case DIFFERING -> r.differing++;
                }
            }
            r.status = failure == null ? "COMPLETE" : "FAILED";
            r.error = failure == null ? null : failure.length() > 500 ? failure.substring(0, 500) : failure;
            r.finishedAt = now();
            audit.record("reconciliation.run", "reconciliation " + r.id + " (" + from + " to " + to + ")",
                    r.status, failure != null ? r.error : r.matched + " matched, " + r.raasOnly + " at RaaS only, "
                            + r.localOnly + " here only, " + r.differing + " differing");
            return r;
        });
    }

    private void compare(ReconciliationRun run, Department d, OffsetDateTime start, OffsetDateTime end,
            List<ReconciliationItem> items) throws RaasException {
        List<RaasOrder> remote = raas.allOrders(OrderQuery.window(d.raasCustomer, d.raasAccountIdentifier, start,
                end.minusSeconds(1)));
        List<RewardOrder> local = QuarkusTransaction.requiringNew().call(() -> RewardOrder.<RewardOrder>list(
                "raasCustomer = ?1 and raasAccountIdentifier = ?2 and status = ?3 and createdAt >= ?4 and createdAt < ?5"
                        + " order by createdAt, id", d.raasCustomer, d.raasAccountIdentifier, RewardOrder.Status.DELIVERED,
                start, end));
        run.raasOrders += remote.size();
        run.localOrders += local.size();
        Map<String, RaasOrder> remoteById = new HashMap<>();
        remote.forEach(r -> remoteById.put(r.orderId(), r));
        for (RewardOrder o : local) {
            RaasOrder r = o.raasOrderId == null ? null : remoteById.remove(o.raasOrderId);
            if (r == null && o.raasOrderId != null) {
                r = lookUp(o.raasOrderId); // dated outside the period at RaaS?
            }
            if (r == null) {
                items.add(ReconciliationItem.of(Kind.LOCAL_ONLY, d, o, null, "RaaS has no order " + (o.raasOrderId == null
                        ? "for this delivered order (no RaaS order id)" : o.raasOrderId)));
            } else {
                check(run, d, o, r, items);
            }
        }
        for (RaasOrder r : remoteById.values()) {
            RewardOrder o = QuarkusTransaction.requiringNew()
                    .call(() -> RewardOrder.<RewardOrder>find("raasOrderId", r.orderId()).firstResult());
            if (o == null) {
                items.add(ReconciliationItem.of(Kind.RAAS_ONLY, d, null, r, "Ordered at RaaS outside Accolade"));
            } else {
                check(run, d, o, r, items);
            }
        }
    }

    private RaasOrder lookUp(String orderId) throws RaasException {
        try {
            return raas.order(orderId);
        } catch (RaasFailure.NotFound e) {
            return null;
        }
    }

    private static void check(ReconciliationRun run, Department d, RewardOrder o, RaasOrder r,
            List<ReconciliationItem> items) {
        List<String> differences = new ArrayList<>();
        if (!Objects.equals(r.amount(), o.amount)) {
            differences.add("amount " + dollars(o.amount) + " here, " + (r.amount() == null ? "none" : dollars(r.amount()))
                    + " at RaaS");
        }
        if (!Objects.equals(o.sku, r.sku())) {
            differences.add("SKU " + o.sku + " here, " + r.sku() + " at RaaS");
        }
        String remoteEmail = r.recipient() == null ? null : r.recipient().email();
        if (remoteEmail == null || !o.recipientEmail.toLowerCase(Locale.ROOT).equals(remoteEmail.toLowerCase(Locale.ROOT))) {
            differences.add("recipient " + o.recipientEmail + " here, " + remoteEmail + " at RaaS");
        }
        if (differences.isEmpty()) {
            run.matched++;
        } else {
            items.add(ReconciliationItem.of(Kind.DIFFERING, d, o, r, String.join("; ", differences)));
        }
    }

    private static String dollars(long cents) {
        return dev.accolade.common.Formats.dollars(cents);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
