package dev.accolade.storefront.reports;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.mail.Notices;
import dev.accolade.storefront.orders.RewardOrder;

/**
 * The weekly digest for HR (who turn it on, on their account page): every Monday
 * ({@code accolade.mail.weekly-digest-cron}) the week before, Monday to Sunday in UTC: rewards
 * delivered and their amount, rewards not sent and still being checked (by the day they were sent), and
 * the delivered ones by department. Each HR user gets one digest per week however often it runs.
 */
@ApplicationScoped
public class WeeklyDigest {

    private static final Logger LOG = Logger.getLogger(WeeklyDigest.class);

    private final Notices notices;
    private final Clock clock;

    WeeklyDigest(Notices notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    @Scheduled(identity = "weekly-digest", cron = "${accolade.mail.weekly-digest-cron:0 0 7 ? * MON}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int written = send(LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusWeeks(1));
        LOG.infof("Weekly digest: %d written", written);
    }

    /** The figures of the week (Monday to Sunday, UTC) that holds {@code day}. */
    @Transactional
    public Notices.Week figures(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        OffsetDateTime from = monday.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = from.plusWeeks(1);
        List<Notices.DepartmentWeek> departments = new ArrayList<>();
        long delivered = 0;
        long amount = 0;
        List<Object[]> rows = RewardOrder.getEntityManager().createQuery(
                "select o.departmentId, count(o), sum(o.amount) from RewardOrder o where o.status = :status"
                        + " and o.createdAt >= :from and o.createdAt < :to group by o.departmentId", Object[].class)
                .setParameter("status", RewardOrder.Status.DELIVERED).setParameter("from", from).setParameter("to", to)
                .getResultList();
        for (Object[] row : rows) {
            Department d = row[0] == null ? null : Department.findById(row[0]);
            long count = ((Number) row[1]).longValue();
            long sum = row[2] == null ? 0 : ((Number) row[2]).longValue();
            delivered += count;
            amount += sum;
            departments.add(new Notices.DepartmentWeek(d == null ? "(no department)" : d.name, count, sum));
        }
        departments.sort((a, b) -> a.department().compareToIgnoreCase(b.department()));
        long failed = RewardOrder.count("status = ?1 and createdAt >= ?2 and createdAt < ?3", RewardOrder.Status.FAILED,
                from, to);
        long checking = RewardOrder.count("status in ?1 and createdAt >= ?2 and createdAt < ?3",
                List.of(RewardOrder.Status.UNKNOWN, RewardOrder.Status.HELD, RewardOrder.Status.PENDING), from, to);
        return new Notices.Week(monday, monday.plusDays(6), delivered, amount, failed, checking, departments);
    }

    /** Writes the digest of the week that holds {@code day} to each HR user who wants it; returns how many. */
    @Transactional
    public int send(LocalDate day) {
        return notices.weeklyDigest(figures(day));
    }
}
