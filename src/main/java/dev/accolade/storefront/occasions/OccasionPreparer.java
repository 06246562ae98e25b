package dev.accolade.storefront.occasions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.accolade.common.Clocks;
import dev.accolade.common.Formats;
import dev.accolade.raas.client.Catalog;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.budgets.SpendingPolicies;
import dev.accolade.storefront.budgets.SpendingPolicy;
import dev.accolade.storefront.budgets.Verdict;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.NotCovered;
import dev.accolade.storefront.orders.OrderRequest;
import dev.accolade.storefront.orders.Requester;
import dev.accolade.storefront.schedule.ScheduledSend;
import dev.accolade.storefront.schedule.ScheduledSends;
import dev.accolade.storefront.schedule.SendTime;
import dev.accolade.storefront.security.DepartmentRef;

/**
 * Prepares the occasions of every enabled program, as {@code system:occasions}, through Quartz's
 * clustered store (each run on one replica; {@code accolade.occasions.prepare-every}). For each
 * employee whose occasion falls within the program's days ahead (in their zone) and who has no
 * occasion row for it yet, it makes one: a DRAFT with a scheduled send for their manager, due on the
 * day at the program's local time in the employee's zone, its amount reserved in the manager's
 * department's budget; or NOT_PREPARED with the reason (no manager who can send, the reward not in the
 * catalog, the budget does not cover it), retried at the next runs while the day is ahead.
 * <p>
 * The unique (employee, kind, day) makes a second run, or another replica, find the row rather than
 * make a second. Managers, departments and the catalog are read once per run, the employees by one
 * query per program ({@link Candidates}), and drafts are written 200 to a transaction (one by one
 * only when one of them is refused, so that the others still go in).
 */
@ApplicationScoped
public class OccasionPreparer {

    private static final Logger LOG = Logger.getLogger(OccasionPreparer.class);
    static final Actor ACTOR = Actor.system("system:occasions");
    private static final int CHUNK = 200;

    /** What one run did. */
    public record Run(int drafts, int notPrepared) {
    }

    /** A manager who can send, as read once per run. */
    record Manager(long id, String email, String name, DepartmentRef department) {
    }

    /** One occasion to prepare: for a new row ({@code existingId} null) or a NOT_PREPARED one to try again. */
    private record Plan(OccasionProgram program, OccasionReward reward, Candidates.Due due, Manager manager,
            Long existingId) {
    }

    private final Candidates candidates;
    private final ScheduledSends sends;
    private final CatalogCache catalog;
    private final OccasionOutcomes outcomes;
    private final AuditTrail audit;
    private final Actors actors;
    private final Clock clock;
    private final SpendingPolicies spending;

    OccasionPreparer(Candidates candidates, ScheduledSends sends, CatalogCache catalog, OccasionOutcomes outcomes,
            AuditTrail audit, Actors actors, Clock clock, SpendingPolicies spending) {
        this.spending = spending;
        this.candidates = candidates;
        this.sends = sends;
        this.catalog = catalog;
        this.outcomes = outcomes;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    @Scheduled(identity = "occasions", every = "${accolade.occasions.prepare-every:1h}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        prepare();
    }

    /** One run at the clock's time. */
    public Run prepare() {
        return prepareAt(Clocks.utcNow(clock));
    }

    /** One run as at {@code now} (tests give the day of the world they build). */
    public Run prepareAt(OffsetDateTime now) {
        long began = System.nanoTime();
        Run run = actors.runAs(ACTOR, () -> pass(now));
        // bench/occasions reads this line: keep its words.
        LOG.infof("Occasions: prepare run as of %s: %d drafts, %d not prepared in %d ms", now.toLocalDate(),
                run.drafts(), run.notPrepared(), (System.nanoTime() - began) / 1_000_000);
        return run;
    }

    private Run pass(OffsetDateTime now) {
        outcomes.sync();
        Optional<CatalogCache.Snapshot> snapshot = catalog.get();
        if (snapshot.isEmpty()) {
            LOG.warn("Occasions not prepared: the catalog could not be read; the next run tries again");
            return new Run(0, 0);
        }
        Map<String, Catalog.Brand> brands = new HashMap<>();
        Map<String, Catalog.Reward> rewards = new HashMap<>();
        for (Catalog.Brand b : snapshot.get().catalog().brands()) {
            for (Catalog.Reward r : b.rewards()) {
                if (r.orderable()) {
                    brands.put(r.sku(), b);
                    rewards.put(r.sku(), r);
                }
            }
        }
        List<Plan> plans = QuarkusTransaction.requiringNew().call(() -> plan(now));
        Map<Long, SpendingPolicy> policies = QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, SpendingPolicy> byDepartment = new HashMap<>();
            plans.stream().filter(p -> p.manager() != null).map(p -> p.manager().department().id()).distinct()
                    .forEach(id -> byDepartment.put(id, spending.of(id)));
            return byDepartment;
        });
        int drafts = 0;
        int notPrepared = 0;
        for (int i = 0; i < plans.size(); i += CHUNK) {
            List<Plan> chunk = plans.subList(i, Math.min(plans.size(), i + CHUNK));
            int[] made = write(chunk, brands, rewards, policies, now);
            drafts += made[0];
            notPrepared += made[1];
        }
        return new Run(drafts, notPrepared);
    }

    /** Every occasion to prepare now, read with one query per program plus the managers and departments once. */
    private List<Plan> plan(OffsetDateTime now) {
        List<OccasionProgram> programs = OccasionProgram.enabledPrograms();
        if (programs.isEmpty()) {
            return List.of();
        }
        Map<String, Manager> managers = managers();
        List<Plan> plans = new ArrayList<>();
        for (OccasionProgram p : programs) {
            Map<Integer, OccasionReward> tiers = new HashMap<>();
            OccasionReward.of(p.id).forEach(r -> tiers.put(r.years, r));
            Map<String, Object[]> prepared = candidates.prepared(p.kind, now.toLocalDate().minusDays(1),
                    now.toLocalDate().plusDays(p.daysAhead + 1L));
            for (Candidates.Due due : candidates.within(p, now, p.daysAhead, null)) {
                OccasionReward reward = tiers.get(p.kind.tiered() ? due.years() : 0);
                if (reward == null) {
                    continue; // no reward for these years of service: not an occasion of this program
                }
                Object[] row = prepared.get(Candidates.key(due.who().employeeId(), due.day()));
                if (row != null && !Occasion.State.NOT_PREPARED.name().equals(row[1])) {
                    continue;
                }
                String email = due.who().managerEmail();
                Manager m = email == null ? null : managers.get(email.trim().toLowerCase());
                plans.add(new Plan(p, reward, due, m, row == null ? null : (Long) row[0]));
            }
        }
        return plans;
    }

    /** Enabled managers with a department, by lower-cased email. */
    private static Map<String, Manager> managers() {
        Map<Long, DepartmentRef> departments = new HashMap<>();
        Department.<Department> listAll().forEach(d -> departments.put(d.id, d.ref()));
        Map<String, Manager> out = new HashMap<>();
        for (Object[] u : dev.accolade.storefront.security.AppUser.getEntityManager().createQuery(
                "select u.id, u.email, u.displayName, u.departmentId from AppUser u where u.role = ?1 and u.enabled = true"
                        + " and u.departmentId is not null", Object[].class)
                .setParameter(1, dev.accolade.storefront.security.Role.MANAGER).getResultList()) {
            DepartmentRef d = departments.get((Long) u[3]);
            if (d != null) {
                out.put(((String) u[1]).toLowerCase(), new Manager((Long) u[0], (String) u[1],
                        u[2] == null ? (String) u[1] : (String) u[2], d));
            }
        }
        return out;
    }

    /** Writes a chunk in one transaction; when any is refused, one by one. Returns {drafts, not prepared}. */
    private int[] write(List<Plan> chunk, Map<String, Catalog.Brand> brands, Map<String, Catalog.Reward> rewards,
            Map<Long, SpendingPolicy> policies, OffsetDateTime now) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                int[] made = new int[3];
                for (Plan p : chunk) {
                    made[make(p, brands, rewards, policies, now)]++;
                }
                return made;
            });
        } catch (RuntimeException e) {
            int[] made = new int[3];
            for (Plan p : chunk) {
                try {
                    made[QuarkusTransaction.requiringNew().call(() -> make(p, brands, rewards, policies, now))]++;
                } catch (NotCovered refused) {
                    if (notPrepared(p, "The budget does not cover it: " + refused.getMessage(), now)) {
                        made[1]++;
                    }
                } catch (RuntimeException other) {
                    // Another replica (or run) prepared it at the same moment: its row stands.
                    LOG.debugf(other, "Occasion of employee %d on %s not prepared here", p.due().who().employeeId(),
                            p.due().day());
                }
            }
            return made;
        }
    }

    private static final int DRAFT = 0;
    private static final int NOT_PREPARED = 1;
    private static final int NOTHING = 2;

    /**
     * Prepares one occasion in the caller's transaction: {@link #DRAFT}, {@link #NOT_PREPARED} (a new
     * row saying why) or {@link #NOTHING} (tried again and still not possible, or another run's).
     *
     * @throws NotCovered when the budget cannot cover it: the caller's rollback undoes the row and the send
     */
    private int make(Plan p, Map<String, Catalog.Brand> brands, Map<String, Catalog.Reward> rewards,
            Map<Long, SpendingPolicy> policies, OffsetDateTime now) {
        String reason = null;
        if (p.manager() == null) {
            reason = p.due().who().managerEmail() == null || p.due().who().managerEmail().isBlank()
                    ? "The employee has no manager in the directory."
                    : "No manager who can send signs in as " + p.due().who().managerEmail() + ".";
        } else if (!rewards.containsKey(p.reward().sku)) {
            reason = "The program's reward " + p.reward().sku + " is not in the catalog or not available.";
        }
        if (reason != null) {
            return notPreparedWithin(p, reason, now) ? NOT_PREPARED : NOTHING;
        }
        Candidates.Candidate who = p.due().who();
        DepartmentRef department = p.manager().department();
        // Signed as the department's policy signs rewards (the manager's name unless it says otherwise).
        List<String> froms = policies.computeIfAbsent(department.id(), spending::of)
                .fromChoices(p.manager().name(), department.name());
        String from = froms.isEmpty() ? p.manager().name() : froms.get(0);
        OrderRequest request = new OrderRequest("occ-" + UUID.randomUUID(), brands.get(p.reward().sku),
                rewards.get(p.reward().sku), p.reward().amount, who.name(), who.email(), who.employeeId(),
                subject(p.program().kind, who.name(), p.due().years()),
                MessageTemplate.render(p.reward().messageTemplate, who.name(), p.due().years(), p.manager().name()),
                from);
        // The department's policy applies as to any send: a refusal, or a reward that needs approval (which
        // only the send form asks for), leaves the occasion to the manager with the reason.
        Verdict verdict = spending.check(request, department.id(), department.name(), p.manager().id(),
                p.manager().name(), false);
        if (!verdict.errors().isEmpty()) {
            reason = "The department's policy refuses it: " + String.join(" ", verdict.errors().values());
        } else if (verdict.needsApproval()) {
            reason = "It needs approval under the department's policy (" + String.join(" ", verdict.approvalReasons())
                    + "); the manager can send it from the send form, which asks for it.";
        }
        if (reason != null) {
            return notPreparedWithin(p, reason, now) ? NOT_PREPARED : NOTHING;
        }
        Occasion o = occasionRow(p, now);
        if (o == null) {
            return NOTHING; // a NOT_PREPARED row another run turned into a draft first
        }
        String label = Occasion.label(p.program().kind, who.name(), p.due().years(), p.due().day());
        SendTime at = SendTime.of(p.due().day(), p.program().sendTime, p.due().zone());
        ScheduledSend s = sends.draft(request, new Requester(p.manager().id(), p.manager().email(),
                p.manager().department()), at, o.id, label);
        o.scheduledSendId = s.id;
        audit.record("OCCASION_PREPARED", "occasion " + o.id, "DRAFT", label + ": draft for " + p.manager().email()
                + ", " + Formats.dollars(p.reward().amount) + " " + p.reward().sku + ", goes " + s.when());
        return DRAFT;
    }

    /** A new DRAFT row, or a NOT_PREPARED one taken for a draft by a conditional update (one caller wins). */
    private Occasion occasionRow(Plan p, OffsetDateTime now) {
        if (p.existingId() != null) {
            int n = Occasion.update("state = ?1, reason = null, managerId = ?2, managerEmail = ?3, departmentId = ?4"
                    + " where id = ?5 and state = ?6", Occasion.State.DRAFT, p.manager().id(), p.manager().email(),
                    p.manager().department().id(), p.existingId(), Occasion.State.NOT_PREPARED);
            return n == 1 ? Occasion.findById(p.existingId()) : null;
        }
        Occasion o = fresh(p, now);
        o.state = Occasion.State.DRAFT;
        o.managerId = p.manager().id();
        o.managerEmail = p.manager().email();
        o.departmentId = p.manager().department().id();
        o.persist();
        return o;
    }

    private static Occasion fresh(Plan p, OffsetDateTime now) {
        Occasion o = new Occasion();
        o.programId = p.program().id;
        o.employeeId = p.due().who().employeeId();
        o.kind = p.program().kind;
        o.occasionDate = p.due().day();
        o.years = p.due().years();
        o.managerEmail = p.due().who().managerEmail();
        o.createdAt = now;
        return o;
    }

    private boolean notPrepared(Plan p, String reason, OffsetDateTime now) {
        return QuarkusTransaction.requiringNew().call(() -> notPreparedWithin(p, reason, now));
    }

    /** Records why it was not prepared, once (a row tried again keeps its first audit row); true when new. */
    private boolean notPreparedWithin(Plan p, String reason, OffsetDateTime now) {
        if (p.existingId() != null) {
            Occasion.update("reason = ?1 where id = ?2 and state = ?3", reason, p.existingId(), Occasion.State.NOT_PREPARED);
            return false;
        }
        Occasion o = fresh(p, now);
        o.state = Occasion.State.NOT_PREPARED;
        o.reason = reason;
        o.persist();
        audit.record("OCCASION_NOT_PREPARED", "occasion " + o.id, "NOT_PREPARED", Occasion.label(p.program().kind,
                p.due().who().name(), p.due().years(), p.due().day()) + ": " + reason);
        return true;
    }

    /** The email subject of an occasion's reward. */
    static String subject(OccasionProgram.Kind kind, String name, Integer years) {
        String first = name == null || name.isBlank() ? "" : ", " + name.trim().split("\\s+")[0];
        return switch (kind) {
            case ANNIVERSARY -> "Happy " + years + "-year work anniversary" + first + "!";
            case BIRTHDAY -> "Happy birthday" + first + "!";
            case WELCOME -> "Welcome to the team" + first + "!";
        };
    }
}
