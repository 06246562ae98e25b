package dev.accolade.storefront.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.accolade.common.Clocks;
import dev.accolade.raas.client.Catalog;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.Handful;
import dev.accolade.storefront.orders.OrderPlacement;
import dev.accolade.storefront.orders.OrderRequest;
import dev.accolade.storefront.orders.Requester;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.security.DepartmentRef;

/**
 * Sends running batches in the background, on every replica: {@code accolade.bulk.concurrency}
 * senders each take a few rows at a time ({@link BulkRows#claim}, each row by one replica) and place
 * them through {@link OrderPlacement}, so that many orders are in flight towards RaaS, as
 * {@code system:bulk-sends}; a handful's orders are committed together and those RaaS accepted are
 * settled together ({@link OrderPlacement#placeAllUnattended}), with no audit row per order: the
 * batch's events are audited and each row's outcome is kept in the batch. Each row's order has the row's own token, so a row taken again after its
 * replica died (its claim older than {@code accolade.bulk.claim-lease}) finds the order the first try
 * made instead of sending it twice; an order whose RaaS call had no answer stays UNKNOWN for the
 * reconciler. A batch whose rows are all placed or refused is finished once.
 */
@ApplicationScoped
public class BulkSender {

    private static final Logger LOG = Logger.getLogger(BulkSender.class);
    static final Actor ACTOR = Actor.system("system:bulk-sends");

    private final BulkRows rows;
    private final Batches batches;
    private final OrderPlacement placement;
    private final CatalogCache catalog;
    private final Actors actors;
    private final Clock clock;
    private final int concurrency;
    private final Duration lease;
    private final Duration pendingGrace;
    private final Duration poll;
    private final boolean enabled;
    private final ExecutorService pool;
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Released when a batch starts running here, to end the sender's wait before its next poll. */
    private final Semaphore wake = new Semaphore(0);
    private Thread loop;

    BulkSender(BulkRows rows, Batches batches, OrderPlacement placement, CatalogCache catalog, Actors actors, Clock clock,
            @ConfigProperty(name = "accolade.bulk.concurrency", defaultValue = "4") int concurrency,
            @ConfigProperty(name = "accolade.bulk.claim-lease", defaultValue = "PT2M") Duration lease,
            @ConfigProperty(name = "accolade.reconcile.pending-grace", defaultValue = "PT2M") Duration pendingGrace,
            @ConfigProperty(name = "accolade.bulk.poll", defaultValue = "PT1S") Duration poll,
            @ConfigProperty(name = "accolade.bulk.worker.enabled", defaultValue = "true") boolean enabled) {
        this.rows = rows;
        this.batches = batches;
        this.placement = placement;
        this.catalog = catalog;
        this.actors = actors;
        this.clock = clock;
        this.concurrency = Math.max(1, concurrency);
        this.lease = lease;
        this.pendingGrace = pendingGrace;
        this.poll = poll;
        this.enabled = enabled;
        this.pool = Executors.newFixedThreadPool(this.concurrency, r -> {
            Thread t = new Thread(r, "bulk-send");
            t.setDaemon(true);
            return t;
        });
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        loop = new Thread(this::run, "bulk-sends");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping.set(true);
        if (loop != null) {
            loop.interrupt();
        }
        pool.shutdown();
    }

    /**
     * A batch was confirmed, approved or resumed on this replica: the sender looks at once rather than
     * at its next poll (other replicas find it at theirs).
     */
    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) BatchRunning running) {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void run() {
        while (!stopping.get()) {
            try {
                if (drain() == 0 && wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (stopping.get()) {
                    return;
                }
                LOG.warn("Bulk sends: a pass failed; the next one goes on where it stopped", e);
                try {
                    Thread.sleep(poll.toMillis() * 5);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Sends what running batches have waiting until none has any; returns how many rows were taken. */
    public int drain() {
        return actors.runAs(ACTOR, this::drainAll);
    }

    private int drainAll() {
        int taken = 0;
        while (!stopping.get()) {
            List<BulkBatch> open = QuarkusTransaction.requiringNew().call(() -> BulkBatch
                    .<BulkBatch> find("state in ?1 order by createdAt, id",
                            List.of(BulkBatch.State.RUNNING, BulkBatch.State.PAUSED)).page(0, 20).list());
            int round = 0;
            for (BulkBatch b : open) {
                if (b.state == BulkBatch.State.RUNNING) {
                    round += send(b.id);
                } else {
                    batches.finishIfDone(b.id); // paused after its last rows were taken
                }
            }
            if (round == 0) {
                settleStaleClaims();
                return taken;
            }
            taken += round;
        }
        return taken;
    }

    /**
     * Most rows one sender takes at a time. A handful's orders are committed in one transaction and
     * settled in another, so the larger it is the fewer round trips to the database each row costs;
     * each row's RaaS call is still made on its own, in turn.
     */
    static final int HANDFUL = 32;

    /** Rows a sender takes first, before it knows how fast RaaS answers. */
    static final int FIRST_HANDFUL = 8;

    /**
     * How many rows a sender takes next, from how long its last handful took: as many as it placed in a
     * quarter of the pending grace at that pace, between 1 and {@link #HANDFUL}. A handful's orders
     * whose turn comes after half of the grace are left to the held sends' job, which sends them only
     * once the grace is over; at a quarter, a handful ends well before that even if RaaS slows to
     * half its pace.
     */
    static int nextHandful(int rows, Duration took, Duration pendingGrace) {
        long perRow = Math.max(1, took.toNanos() / Math.max(1, rows));
        return (int) Math.max(1, Math.min(HANDFUL, pendingGrace.dividedBy(4).toNanos() / perRow));
    }

    /**
     * Sends a running batch with {@code accolade.bulk.concurrency} senders until it has no row waiting
     * (or it is paused or cancelled), each taking a handful of rows at a time, so that no sender waits
     * for another's slowest order; then finishes the batch if nothing is left. Returns the rows taken.
     */
    int send(long batchId) {
        BulkBatch batch = QuarkusTransaction.requiringNew().call(() -> BulkBatch.<BulkBatch> findById(batchId));
        DepartmentRef department = QuarkusTransaction.requiringNew()
                .call(() -> Department.<Department> findById(batch.departmentId).ref());
        Requester requester = new Requester(batch.requesterId, batch.requesterEmail, department);
        List<Future<Integer>> lanes = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            lanes.add(pool.submit(() -> actors.runAs(ACTOR, () -> lane(batch, requester))));
        }
        int taken = 0;
        for (Future<Integer> lane : lanes) {
            try {
                taken += lane.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                LOG.warn("Bulk sends: a sender stopped unexpectedly; its rows are taken again after their lease",
                        e.getCause());
            }
        }
        if (taken == 0) {
            batches.finishIfDone(batchId);
        }
        return taken;
    }

    /** One sender: handful after handful until the batch has none left or stops running. */
    private int lane(BulkBatch batch, Requester requester) {
        int taken = 0;
        int size = FIRST_HANDFUL;
        while (!stopping.get()) {
            String claimer = UUID.randomUUID().toString();
            OffsetDateTime now = Clocks.utcNow(clock);
            int handful = size;
            List<BulkRow> claimed = QuarkusTransaction.requiringNew().call(() -> rows.claim(batch.id, claimer, handful,
                    now, now.minus(lease)));
            if (claimed.isEmpty()) {
                return taken;
            }
            taken += claimed.size();
            boolean placed;
            long started = System.nanoTime();
            try {
                placed = place(batch, requester, claimed, claimer);
                size = nextHandful(claimed.size(), Duration.ofNanos(System.nanoTime() - started), pendingGrace);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Bulk sends: rows %d to %d of batch %d failed unexpectedly; they are taken again after"
                        + " their claim's lease", claimed.get(0).rowNo(), claimed.get(claimed.size() - 1).rowNo(),
                        batch.id);
                continue;
            }
            if (!placed) {
                // Paused or cancelled since the rows were taken: they are not placed here.
                QuarkusTransaction.requiringNew().run(() -> rows.release(batch.id, claimer));
                return taken;
            }
        }
        return taken;
    }

    /**
     * Places the orders of a handful of claimed rows together ({@link OrderPlacement#placeAllUnattended}).
     * In the transaction that commits their orders the claim is renewed, which only holds while the
     * batch runs (else nothing is placed and false is returned), and the rows are marked PLACED with
     * their orders. A row refused before any order is NOT_SENT at once.
     */
    private boolean place(BulkBatch batch, Requester requester, List<BulkRow> claimed, String claimer) {
        Optional<Catalog> snapshot = catalog.get().map(CatalogCache.Snapshot::catalog);
        List<Integer> sent = new ArrayList<>(claimed.size());
        List<OrderRequest> requests = new ArrayList<>(claimed.size());
        for (BulkRow row : claimed) {
            Optional<OrderRequest> request = snapshot.flatMap(c -> c.brands().stream()
                    .flatMap(b -> b.rewards().stream().filter(r -> r.sku().equals(row.sku()) && r.orderable())
                            .map(r -> new OrderRequest(batch.rowToken(row.rowNo()), b, r, row.amount(), row.name(),
                                    row.email(), row.employeeId(), row.subject(), row.message(), row.from())))
                    .findFirst());
            if (request.isPresent()) {
                sent.add(row.rowNo());
                requests.add(request.get());
                continue;
            }
            // An order made by an earlier try of this row still counts: look for it before refusing.
            Optional<RewardOrder> earlier = QuarkusTransaction.requiringNew()
                    .call(() -> RewardOrder.findByToken(batch.rowToken(row.rowNo())));
            QuarkusTransaction.requiringNew().run(() -> {
                if (earlier.isPresent()) {
                    rows.placed(batch.id, claimer, List.of(row.rowNo()), List.of(earlier.get()));
                } else {
                    rows.notSent(batch.id, row.rowNo(), claimer,
                            "The reward is no longer in the catalog or available, so it was not sent.");
                }
            });
        }
        if (requests.isEmpty()) {
            return true;
        }
        Handful handful = new Handful() {
            @Override
            public boolean wanted() {
                return rows.stillMine(batch.id, claimer, Clocks.utcNow(clock)) > 0;
            }

            @Override
            public void committed(List<RewardOrder> orders) {
                rows.placed(batch.id, claimer, sent, orders);
            }
        };
        List<OrderPlacement.Outcome> outcomes = placement.placeAllUnattended(requests, requester, handful);
        if (outcomes.isEmpty()) {
            return false;
        }
        for (int i = 0; i < outcomes.size(); i++) {
            String refused = outcomes.get(i).notCovered();
            if (refused != null) {
                int rowNo = sent.get(i);
                QuarkusTransaction.requiringNew().run(() -> rows.notSent(batch.id, rowNo, claimer, "Not sent: " + refused));
            }
        }
        return true;
    }

    /**
     * Claims left behind in a batch that stopped running (cancelled or rejected while a replica that then
     * died had them): the order the claim made, found by its token, is the row's; without one the row
     * is cancelled.
     */
    void settleStaleClaims() {
        QuarkusTransaction.requiringNew().run(rows::cancelStrays);
        OffsetDateTime before = Clocks.utcNow(clock).minus(lease);
        List<BulkRow> stale = QuarkusTransaction.requiringNew().call(() -> rows.staleInStopped(before, 100));
        for (BulkRow row : stale) {
            QuarkusTransaction.requiringNew().run(() -> {
                BulkBatch b = BulkBatch.findById(row.batchId());
                Optional<RewardOrder> order = RewardOrder.findByToken(b.rowToken(row.rowNo()));
                rows.settleStale(row.batchId(), row.rowNo(), order.map(o -> o.id).orElse(null));
            });
        }
    }
}
