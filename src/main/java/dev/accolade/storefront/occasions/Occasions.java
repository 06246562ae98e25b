package dev.accolade.storefront.occasions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accolade.common.Clocks;
import dev.accolade.common.Formats;
import dev.accolade.common.FormErrors;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.budgets.SpendingPolicies;
import dev.accolade.storefront.budgets.SpendingPolicy;
import dev.accolade.storefront.budgets.Verdict;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.directory.Employee;
import dev.accolade.storefront.orders.NotCovered;
import dev.accolade.storefront.orders.OrderRequest;
import dev.accolade.storefront.orders.Requester;
import dev.accolade.storefront.schedule.ScheduledSend;
import dev.accolade.storefront.schedule.ScheduledSends;
import dev.accolade.storefront.schedule.SendTime;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.CurrentUser;

/**
 * A manager's side of occasions: the upcoming list (their reports', or everyone's for HR), and a
 * draft's changes. The message, subject and "From" change in place ({@link ScheduledSends#edit}); a
 * different reward or amount, within the program's most, replaces the draft's send in one
 * transaction (the old reservation given back, the new one taken); skipping cancels the send and
 * gives its reservation back in the transaction that marks the occasion SKIPPED.
 */
@ApplicationScoped
public class Occasions {

    /** A line of the upcoming list: a prepared occasion (with its id) or one still to be prepared. */
    public record Upcoming(LocalDate day, String employee, String label, String manager, String state, Long id,
            String reward) {
    }

    /** An occasion with what its page shows. */
    public record View(Occasion occasion, String employee, String employeeEmail, OccasionProgram program,
            Optional<ScheduledSend> send, boolean canChange) {
        public String label() {
            return Occasion.label(occasion.kind, employee, occasion.years, occasion.occasionDate);
        }
    }

    private final ScheduledSends sends;
    private final Candidates candidates;
    private final CatalogCache catalog;
    private final OccasionOutcomes outcomes;
    private final AuditTrail audit;
    private final Clock clock;
    private final SpendingPolicies spending;

    Occasions(ScheduledSends sends, Candidates candidates, CatalogCache catalog, OccasionOutcomes outcomes,
            AuditTrail audit, Clock clock, SpendingPolicies spending) {
        this.spending = spending;
        this.sends = sends;
        this.candidates = candidates;
        this.catalog = catalog;
        this.outcomes = outcomes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The occasion if the user may see it: a manager of its department (who may change it), HR or an administrator. */
    public Optional<View> visible(long id, CurrentUser me) {
        outcomes.sync();
        return QuarkusTransaction.requiringNew().call(() -> {
            Occasion o = Occasion.findById(id);
            if (o == null) {
                return Optional.<View> empty();
            }
            boolean own = me.isManager() && me.getDepartmentId() != null && me.getDepartmentId().equals(o.departmentId);
            if (!own && !me.isHr() && !me.isAdmin()) {
                return Optional.<View> empty();
            }
            Employee e = Employee.findById(o.employeeId);
            Optional<ScheduledSend> s = o.scheduledSendId == null ? Optional.empty()
                    : ScheduledSend.<ScheduledSend> findByIdOptional(o.scheduledSendId);
            return Optional.of(new View(o, e.name, e.email, OccasionProgram.findById(o.programId), s,
                    own && s.isPresent() && s.get().state.open()));
        });
    }

    /**
     * Changes a draft: its texts, and its reward or amount within the program's limits. Problems go
     * to {@code errors} by field.
     *
     * @return the message to show, empty when there were errors
     */
    public Optional<String> change(View v, String subject, String message, String from, String sku, String amount,
            String by, FormErrors errors) {
        ScheduledSend s = v.send().orElseThrow();
        String wantedSku = sku == null || sku.isBlank() ? s.sku : sku.trim();
        boolean sameReward = wantedSku.equals(s.sku) && (amount == null || amount.isBlank()
                || dev.accolade.common.Dollars.parse(amount).orElse(-1) == s.amount);
        SendTime at = SendTime.of(LocalDateTime.parse(s.localDue).toLocalDate(), LocalDateTime.parse(s.localDue).toLocalTime(),
                ZoneId.of(s.timeZone));
        String sender = QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser> findByIdOptional(s.requesterId)
                .map(u -> u.displayName).orElse(s.requesterEmail));
        String departmentName = QuarkusTransaction.requiringNew()
                .call(() -> Department.<Department> findById(s.departmentId).name);
        if (sameReward) {
            // The department's policy on what changed (the message and "From"); the reward and amount stay.
            SpendingPolicy policy = spending.of(s.departmentId);
            policy.judge(s.amount, true, s.recipientEmail, true, message, from,
                    policy.fromChoices(sender, departmentName), () -> 0L).refusals()
                    .forEach(r -> errors.add(FIELDS.getOrDefault(r.field(), "message"), r.message()));
            if (!errors.isEmpty()) {
                return Optional.empty();
            }
            if (!sends.edit(s, at, subject, message, from)) {
                errors.add("message", "It can no longer be changed: it has been sent or skipped.");
                return Optional.empty();
            }
            return Optional.of("Saved. It goes on " + s.when() + ".");
        }
        RewardChoice.Checked checked = RewardChoice.check(catalog, wantedSku, amount, v.program().maxAmount);
        if (checked.choice().isEmpty()) {
            errors.add(checked.field(), checked.problem());
            return Optional.empty();
        }
        RewardChoice c = checked.choice().get();
        OrderRequest request = new OrderRequest("occ-" + UUID.randomUUID(), c.brand(), c.reward(), c.amount(),
                s.recipientName, s.recipientEmail, s.employeeId, subject, message, from);
        // The department's policy, as for any send: a draft cannot ask for approval, so a change that would
        // need it is refused with the reason.
        Verdict verdict = spending.check(request, s.departmentId, departmentName, s.requesterId, sender, false);
        verdict.errors().forEach((field, problem) -> errors.add(FIELDS.getOrDefault(field, "amount"), problem));
        if (errors.isEmpty() && verdict.needsApproval()) {
            errors.add("amount", "This would need approval under your department's policy ("
                    + String.join(" ", verdict.approvalReasons()) + "). Choose a smaller amount, or skip the draft and"
                    + " send it from the send form.");
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Department d = Department.findById(s.departmentId);
                Optional<ScheduledSend> replaced = sends.replaceWithin(s, request, new Requester(s.requesterId,
                        s.requesterEmail, d.ref()), by);
                if (replaced.isEmpty()) {
                    errors.add("sku", "It can no longer be changed: it has been sent or skipped.");
                    return Optional.<String> empty();
                }
                Occasion.update("scheduledSendId = ?1, state = ?2 where id = ?3", replaced.get().id, Occasion.State.DRAFT,
                        v.occasion().id);
                audit.record("OCCASION_EDIT", "occasion " + v.occasion().id, "DRAFT", "reward now " + c.reward().sku() + " "
                        + Formats.dollars(c.amount()) + " (was " + s.sku + " " + Formats.dollars(s.amount) + ")");
                return Optional.of("Saved: " + c.brand().description() + " " + Formats.dollars(c.amount()) + ", goes on "
                        + replaced.get().when() + ".");
            });
        } catch (NotCovered e) {
            errors.add("amount", e.getMessage() + " Nothing was changed.");
            return Optional.empty();
        }
    }

    /** The draft page's field for a field of the send form the policy names. */
    private static final Map<String, String> FIELDS = Map.of("amount", "amount", "sku", "sku", "message", "message",
            "from", "from");

    /** Skips the occasion: its send cancelled and its reservation given back, the occasion SKIPPED; false when it had gone. */
    public boolean skip(View v, String by) {
        ScheduledSend s = v.send().orElse(null);
        if (s == null) {
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!sends.cancelWithin(s, by + " (occasion skipped)")) {
                return false;
            }
            Occasion.update("state = ?1 where id = ?2", Occasion.State.SKIPPED, v.occasion().id);
            audit.record("OCCASION_SKIP", "occasion " + v.occasion().id, "SKIPPED", v.label() + ": skipped by " + by
                    + "; " + Formats.dollars(s.amount) + " given back");
            return true;
        });
    }

    /**
     * The next {@code days} days' occasions: prepared ones and those still to come, of the manager's
     * reports ({@code managerEmail}) or everyone's (null), at most {@code max}, by day.
     */
    public List<Upcoming> upcoming(String managerEmail, Long managerId, int days, int max) {
        outcomes.sync();
        OffsetDateTime now = Clocks.utcNow(clock);
        LocalDate from = now.toLocalDate().minusDays(1);
        LocalDate to = now.toLocalDate().plusDays(days + 1L);
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Upcoming> out = new ArrayList<>();
            Set<String> prepared = new HashSet<>();
            List<Occasion> rows = managerEmail == null
                    ? Occasion.<Occasion> find("occasionDate between ?1 and ?2 order by occasionDate, id", from, to)
                            .page(0, max).list()
                    : Occasion.<Occasion> find("occasionDate between ?1 and ?2 and (managerId = ?3 or lower(managerEmail) = ?4)"
                            + " order by occasionDate, id", from, to, managerId, managerEmail.toLowerCase()).page(0, max).list();
            Map<Long, Employee> people = new HashMap<>();
            Set<Long> ids = new HashSet<>();
            rows.forEach(o -> ids.add(o.employeeId));
            if (!ids.isEmpty()) {
                Employee.<Employee> list("id in ?1", ids).forEach(e -> people.put(e.id, e));
            }
            Map<Long, ScheduledSend> drafts = new HashMap<>();
            Set<Long> sendIds = new HashSet<>();
            rows.forEach(o -> {
                if (o.scheduledSendId != null) {
                    sendIds.add(o.scheduledSendId);
                }
            });
            if (!sendIds.isEmpty()) {
                ScheduledSend.<ScheduledSend> list("id in ?1", sendIds).forEach(s -> drafts.put(s.id, s));
            }
            for (Occasion o : rows) {
                Employee e = people.get(o.employeeId);
                String name = e == null ? "employee " + o.employeeId : e.name;
                ScheduledSend s = drafts.get(o.scheduledSendId);
                prepared.add(Candidates.key(o.employeeId, o.occasionDate) + o.kind);
                out.add(new Upcoming(o.occasionDate, name, Occasion.label(o.kind, name, o.years, o.occasionDate),
                        o.managerEmail, o.state.label() + (o.reason == null ? "" : ": " + o.reason), o.id,
                        s == null ? "" : s.rewardDescription + " " + Formats.dollars(s.amount)));
            }
            for (OccasionProgram p : OccasionProgram.enabledPrograms()) {
                Set<Integer> tiers = new HashSet<>();
                OccasionReward.of(p.id).forEach(r -> tiers.add(r.years));
                for (Candidates.Due d : candidates.within(p, now, days, managerEmail)) {
                    if (out.size() >= max) {
                        break;
                    }
                    if (!tiers.contains(p.kind.tiered() ? d.years() : 0)
                            || prepared.contains(Candidates.key(d.who().employeeId(), d.day()) + p.kind)) {
                        continue;
                    }
                    out.add(new Upcoming(d.day(), d.who().name(), Occasion.label(p.kind, d.who().name(), d.years(), d.day()),
                            d.who().managerEmail(), "Coming: prepared from " + Occasion.DAY.format(d.day().minusDays(p.daysAhead)),
                            null, ""));
                }
            }
            out.sort(Comparator.comparing(Upcoming::day).thenComparing(Upcoming::employee));
            return out;
        });
    }
}
