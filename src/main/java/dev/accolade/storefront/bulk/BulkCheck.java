package dev.accolade.storefront.bulk;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accolade.common.Clocks;
import dev.accolade.common.Dollars;
import dev.accolade.common.EmailAddress;
import dev.accolade.common.Formats;
import dev.accolade.raas.client.Catalog;
import dev.accolade.storefront.budgets.BudgetPeriod;
import dev.accolade.storefront.budgets.Budgets;
import dev.accolade.storefront.budgets.SpendingPolicy;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.RecipientTotals;

/**
 * The dry run: reads an uploaded file as a stream ({@link BulkSheet}) and checks every row as the send
 * form and the department's policy would (address, reward in the catalog and available, amount in its
 * range, lengths, recipients the policy allows, message and "From" rules), plus what only a batch
 * can get wrong: the same recipient twice in the file, and a recipient the department rewarded in the
 * last days (a warning). Rows are stored with their verdict as a CHECKED batch; nothing is reserved
 * or sent. What needs data (directory, catalog, running totals, recent rewards) is read once per
 * file, not per row, so 50,000 rows are checked in seconds.
 */
@ApplicationScoped
public class BulkCheck {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BulkCheck.class);

    static final int CHUNK = 1000;

    /** Who uploads, and for which department. */
    public record Uploader(long userId, String email, String displayName, long departmentId) {
    }

    private final CatalogCache catalog;
    private final Budgets budgets;
    private final BulkRows rows;
    private final AgroalDataSource data;
    private final Clock clock;
    private final int defaultRecentDays;

    BulkCheck(CatalogCache catalog, Budgets budgets, BulkRows rows, AgroalDataSource data, Clock clock,
            @ConfigProperty(name = "accolade.bulk.recent-days", defaultValue = "30") int defaultRecentDays) {
        this.catalog = catalog;
        this.budgets = budgets;
        this.rows = rows;
        this.data = data;
        this.clock = clock;
        this.defaultRecentDays = defaultRecentDays;
    }

    /**
     * Checks the file and stores it as a CHECKED batch; nothing is reserved or sent.
     *
     * @throws BulkSheet.Unreadable when the file as a whole cannot be used (nothing is stored then)
     */
    public BulkBatch check(Path file, String fileName, Uploader uploader) throws BulkSheet.Unreadable {
        Catalog snapshot = catalog.get().map(CatalogCache.Snapshot::catalog).orElseThrow(() -> new BulkSheet.Unreadable(
                "The reward catalog could not be loaded from RaaS, so the rows cannot be checked. Try again in a minute."));
        Rules rules = QuarkusTransaction.requiringNew().call(() -> rules(snapshot, uploader));
        BulkBatch batch = QuarkusTransaction.requiringNew().call(() -> {
            BulkBatch b = new BulkBatch();
            b.token = UUID.randomUUID().toString();
            b.departmentId = uploader.departmentId();
            b.requesterId = uploader.userId();
            b.requesterEmail = uploader.email();
            b.fileName = fileName == null || fileName.isBlank() ? "upload" : Formats.shortened(fileName, 255);
            b.state = BulkBatch.State.CHECKED;
            b.createdAt = Clocks.utcNow(clock);
            b.persist();
            return b;
        });
        List<BulkRows.NewRow> chunk = new ArrayList<>(CHUNK);
        BulkSheet.Summary summary;
        try {
            summary = BulkSheet.read(file, row -> {
                chunk.add(rules.check(row));
                if (chunk.size() == CHUNK) {
                    flush(batch.id, chunk);
                }
            });
            flush(batch.id, chunk);
        } catch (BulkSheet.Unreadable e) {
            QuarkusTransaction.requiringNew().run(() -> rows.deleteChecked(batch.id));
            throw e;
        } catch (RuntimeException e) {
            // A file the reader could not open or follow (a damaged workbook, an unreadable upload).
            LOG.warnf(e, "Bulk file %s of user %d could not be read", fileName, uploader.userId());
            QuarkusTransaction.requiringNew().run(() -> rows.deleteChecked(batch.id));
            throw new BulkSheet.Unreadable("The file could not be read. Save it again as CSV (UTF-8) or Excel .xlsx "
                    + "and upload it again.");
        }
        if (summary.rows() == 0) {
            QuarkusTransaction.requiringNew().run(() -> rows.deleteChecked(batch.id));
            throw new BulkSheet.Unreadable("The file has a header but no rows to send.");
        }
        rows.refreshStatistics();
        QuarkusTransaction.requiringNew().run(() -> BulkBatch.update("rowCount = ?1, validCount = ?2, totalAmount = ?3,"
                + " approvalReasons = ?4, ignoredColumns = ?5 where id = ?6", rules.rows, rules.valid, rules.total,
                rules.approvalReasons(), summary.ignoredColumns().isEmpty() ? null
                        : Formats.shortened(String.join("\n", summary.ignoredColumns()), 1000), batch.id));
        return batch;
    }

    private void flush(long batchId, List<BulkRows.NewRow> chunk) {
        if (!chunk.isEmpty()) {
            List<BulkRows.NewRow> copy = List.copyOf(chunk);
            QuarkusTransaction.requiringNew().run(() -> rows.insert(batchId, copy));
            chunk.clear();
        }
    }

    /** What the rows are checked against, read once. */
    private Rules rules(Catalog snapshot, Uploader uploader) {
        Department department = Department.findById(uploader.departmentId());
        SpendingPolicy policy = SpendingPolicy.of(uploader.departmentId());
        Optional<Budgets.Standing> standing = budgets.standing(uploader.departmentId(), uploader.userId());
        LocalDate periodStart = standing.map(s -> s.budget().periodStart)
                .orElse(BudgetPeriod.MONTH.startOf(budgets.today(), 1));
        int recentDays = policy.recentDays > 0 ? policy.recentDays : defaultRecentDays;
        Rules r = new Rules(snapshot, policy, policy.fromChoices(uploader.displayName(), department.name),
                uploader.displayName());
        try (Connection c = data.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("select lower(email), id, name, active from employee"
                    + " where department_id = ?")) {
                s.setLong(1, uploader.departmentId());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        r.directory.put(rs.getString(1), new Person(rs.getLong(2), rs.getString(3), rs.getBoolean(4)));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("select lower(email) from employee where active = false")) {
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        r.directory.putIfAbsent(rs.getString(1), new Person(0, null, false));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("select recipient_key, sum(amount) from recipient_day_total"
                    + " where department_id = ? and sent_on >= ? group by recipient_key")) {
                s.setLong(1, uploader.departmentId());
                s.setObject(2, periodStart);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        r.already.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("select recipient_key, max(created_at) from reward_order"
                    + " where department_id = ? and created_at >= ? and status in ('PENDING', 'DELIVERED', 'UNKNOWN',"
                    + " 'HELD') group by recipient_key")) {
                s.setLong(1, uploader.departmentId());
                s.setObject(2, Clocks.utcNow(clock).minusDays(recentDays));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        r.recent.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read what the rows are checked against", e);
        }
        r.recentDays = recentDays;
        return r;
    }

    private record Person(long id, String name, boolean active) {
    }

    /** The checks, with what they read once and what they count over the file. */
    private static final class Rules {
        final Map<String, Catalog.Reward> bySku = new HashMap<>();
        final Map<String, Catalog.Brand> brandOfSku = new HashMap<>();
        final Map<String, Catalog.Brand> byBrand = new HashMap<>();
        final Map<String, Person> directory = new HashMap<>();
        final Map<String, Long> already = new HashMap<>();
        final Map<String, OffsetDateTime> recent = new HashMap<>();
        final Map<String, Integer> seen = new HashMap<>();
        final Map<String, Integer> reasons = new LinkedHashMap<>();
        final SpendingPolicy policy;
        final List<String> froms;
        final String sender;
        int recentDays;
        int rows;
        int valid;
        long total;

        Rules(Catalog catalog, SpendingPolicy policy, List<String> froms, String sender) {
            for (Catalog.Brand b : catalog.brands()) {
                byBrand.putIfAbsent(b.description().toLowerCase(Locale.ROOT).strip(), b);
                for (Catalog.Reward r : b.rewards()) {
                    bySku.put(r.sku().toUpperCase(Locale.ROOT), r);
                    brandOfSku.put(r.sku().toUpperCase(Locale.ROOT), b);
                }
            }
            this.policy = policy;
            this.froms = froms;
            this.sender = sender;
        }

        BulkRows.NewRow check(BulkSheet.Row row) {
            rows++;
            List<String> problems = new ArrayList<>();
            String email = row.email();
            String key = email == null ? null : RecipientTotals.key(email);
            Person person = null;
            if (email == null) {
                problems.add("Email: enter the recipient's email address.");
            } else if (!EmailAddress.Check.isEmail(email)) {
                problems.add("Email: \"" + Formats.shortened(email, 60) + "\" is not an email address (such as ada@example.com).");
            } else {
                person = directory.get(key);
                if (person != null && !person.active()) {
                    problems.add("Email: this person is no longer in the directory (deactivated).");
                    person = null;
                } else if (person != null && person.id() == 0) {
                    person = null;
                }
                Integer first = seen.putIfAbsent(key, (int) row.number());
                if (first != null) {
                    problems.add("Email: the same recipient is already on row " + first + " of this file.");
                }
            }
            String name = row.name() != null ? row.name() : person != null ? person.name() : null;
            if (name == null || name.length() < 2) {
                problems.add("Name: enter the recipient's name (at least 2 characters).");
            } else if (name.length() > 255) {
                problems.add("Name: at most 255 characters.");
            }
            Catalog.Reward reward = null;
            Catalog.Brand brand = null;
            if (row.sku() != null) {
                reward = bySku.get(row.sku().toUpperCase(Locale.ROOT));
                brand = reward == null ? null : brandOfSku.get(row.sku().toUpperCase(Locale.ROOT));
                if (reward == null) {
                    problems.add("SKU: \"" + Formats.shortened(row.sku(), 40) + "\" is not in the catalog.");
                }
            } else if (row.brand() != null) {
                brand = byBrand.get(row.brand().toLowerCase(Locale.ROOT).strip());
                if (brand == null) {
                    problems.add("Brand: \"" + Formats.shortened(row.brand(), 60) + "\" is not in the catalog.");
                } else {
                    reward = pick(brand, row.amount(), problems);
                }
            } else {
                problems.add("Reward: give a SKU or a brand.");
            }
            long amount = 0;
            if (reward != null) {
                if (!reward.orderable()) {
                    problems.add("SKU: " + reward.description() + " is not available at the moment.");
                    reward = null;
                } else {
                    amount = amount(reward, row.amount(), problems);
                }
            }
            length(problems, "Subject", row.subject());
            length(problems, "Message", row.message());
            length(problems, "From", row.from());
            String from = row.from() != null ? row.from() : sender;
            String warning = null;
            if (problems.isEmpty()) {
                policy(problems, person != null, email, row.message(), from, amount, key);
                OffsetDateTime last = recent.get(key);
                if (last != null) {
                    warning = "Your department sent this person a reward on " + Formats.displayDay(last)
                            + " (within the last " + recentDays + " days).";
                }
            }
            boolean ok = problems.isEmpty();
            if (ok) {
                valid++;
                total += amount;
            }
            return new BulkRows.NewRow((int) row.number(), email, name, reward == null ? row.sku() : reward.sku(),
                    reward == null ? (brand == null ? row.brand() : brand.description()) : reward.description(), amount,
                    person == null ? null : person.id(), row.subject(), row.message(), from, ok,
                    ok ? null : String.join(" ", problems), warning);
        }

        /** A brand's reward for the amount: its variable one, or its fixed one of that price. */
        private Catalog.Reward pick(Catalog.Brand brand, String typed, List<String> problems) {
            List<Catalog.Reward> orderable = brand.rewards().stream().filter(Catalog.Reward::orderable).toList();
            if (orderable.isEmpty()) {
                problems.add("Brand: " + brand.description() + " has no reward available at the moment.");
                return null;
            }
            Optional<Catalog.Reward> variable = orderable.stream().filter(Catalog.Reward::variablePrice).findFirst();
            if (variable.isPresent()) {
                return variable.get();
            }
            OptionalLong cents = Dollars.parse(typed);
            if (orderable.size() == 1 && typed == null) {
                return orderable.get(0);
            }
            Optional<Catalog.Reward> priced = orderable.stream()
                    .filter(r -> cents.isPresent() && r.unitPrice() == cents.getAsLong()).findFirst();
            if (priced.isEmpty()) {
                problems.add("Amount: " + brand.description() + " comes at " + String.join(", ", orderable.stream()
                        .map(r -> Formats.dollars(r.unitPrice())).toList()) + "; give one of these or the reward's SKU.");
                return null;
            }
            return priced.get();
        }

        private static long amount(Catalog.Reward reward, String typed, List<String> problems) {
            if (!reward.variablePrice()) {
                OptionalLong cents = Dollars.parse(typed);
                if (typed != null && (cents.isEmpty() || cents.getAsLong() != reward.unitPrice())) {
                    problems.add("Amount: " + reward.description() + " costs " + Formats.dollars(reward.unitPrice())
                            + "; leave the amount empty or write " + Formats.plainDollars(reward.unitPrice()) + ".");
                    return 0;
                }
                return reward.unitPrice();
            }
            long min = reward.minPrice() == null ? 1 : reward.minPrice();
            long max = reward.maxPrice() == null ? Long.MAX_VALUE : reward.maxPrice();
            OptionalLong cents = Dollars.parse(typed);
            String range = "between " + Formats.dollars(min) + " and " + Formats.dollars(max);
            if (typed == null) {
                problems.add("Amount: enter an amount " + range + ".");
            } else if (cents.isEmpty()) {
                problems.add("Amount: \"" + Formats.shortened(typed, 30) + "\" is not an amount in dollars, such as 25 or 25.50.");
            } else if (cents.getAsLong() < min || cents.getAsLong() > max) {
                problems.add("Amount: " + Formats.dollars(cents.getAsLong()) + " is not " + range + ".");
            } else {
                return cents.getAsLong();
            }
            return 0;
        }

        /**
         * The department's policy, by the same rules as one send ({@link SpendingPolicy#judge}): a
         * refusal is the row's problem, named by its column; approval reasons are tallied for the
         * batch, and only for a row that is otherwise valid.
         */
        private void policy(List<String> problems, boolean inDirectory, String email, String message, String from,
                long amount, String key) {
            SpendingPolicy.Findings found = policy.judge(amount, true, email, inDirectory, message, from, froms,
                    () -> already.getOrDefault(key, 0L));
            for (SpendingPolicy.Refusal r : found.refusals()) {
                problems.add(COLUMNS.getOrDefault(r.field(), r.field()) + ": "
                        + Character.toLowerCase(r.message().charAt(0)) + r.message().substring(1));
            }
            if (problems.isEmpty()) {
                found.approvals().forEach(a -> reason(a.brief()));
            }
        }

        /** The file's column for a field of the send form. */
        private static final Map<String, String> COLUMNS = Map.of("amount", "Amount", "sku", "Amount",
                "recipientEmail", "Email", "message", "Message", "from", "From");

        private void reason(String why) {
            reasons.merge(why, 1, Integer::sum);
        }

        String approvalReasons() {
            if (reasons.isEmpty()) {
                return null;
            }
            List<String> lines = new ArrayList<>();
            reasons.forEach((why, n) -> lines.add(Formats.counted(n, "row") + (n == 1 ? " is " : " are ") + why + "."));
            return String.join("\n", lines);
        }

        private static void length(List<String> problems, String field, String value) {
            if (value != null && value.length() > 255) {
                problems.add(field + ": at most 255 characters (this one has " + value.length() + ").");
            }
        }
    }
}
