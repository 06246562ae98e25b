package dev.accolade.storefront.occasions;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accolade.common.Clocks;
import dev.accolade.common.Dollars;
import dev.accolade.common.Formats;
import dev.accolade.common.FormErrors;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.catalog.CatalogCache;

/**
 * Checking and saving a program as HR enters it. Every field's problem is said on the field: a
 * number of days ahead from 0 to 60, a time of day, an IANA zone, a most amount, and per reward row a
 * years of service (anniversaries; each once), a reward orderable in the catalog, an amount within
 * the reward's price and the program's most, and a message whose placeholders are all known. One
 * program per kind. Each save is audited ({@code PROGRAM_CREATE}, {@code PROGRAM_EDIT}).
 */
@ApplicationScoped
public class Programs {

    /** A reward row as entered. */
    public record Row(String years, String sku, String amount, String message) {
        boolean blank() {
            return isBlank(years) && isBlank(sku) && isBlank(amount) && isBlank(message);
        }
    }

    /** The form as entered (or as stored, to show it). */
    public record Entered(String kind, String name, boolean enabled, String daysAhead, String sendTime,
            String defaultZone, String maxAmount, List<Row> rows) {
    }

    /** A rendered example of a row's message. */
    public record Preview(String label, String subject, String message) {
    }

    private record Checked(OccasionProgram.Kind kind, String name, int daysAhead, LocalTime sendTime, ZoneId zone,
            long most, List<OccasionReward> rewards) {
    }

    private final CatalogCache catalog;
    private final AuditTrail audit;
    private final Clock clock;

    Programs(CatalogCache catalog, AuditTrail audit, Clock clock) {
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /** The stored program as its form shows it, with {@code extraRows} empty rows to add. */
    public static Entered entered(OccasionProgram p, List<OccasionReward> rewards, int extraRows) {
        List<Row> rows = new ArrayList<>();
        for (OccasionReward r : rewards) {
            rows.add(new Row(String.valueOf(r.years), r.sku, Formats.plainDollars(r.amount), r.messageTemplate));
        }
        for (int i = 0; i < extraRows; i++) {
            rows.add(new Row("", "", "", ""));
        }
        return new Entered(p.kind.name(), p.name, p.enabled, String.valueOf(p.daysAhead), p.sendTimeText(),
                p.defaultZone, Formats.plainDollars(p.maxAmount), rows);
    }

    /** A new program's form for the kind, with a sensible start. */
    public static Entered blank(OccasionProgram.Kind kind) {
        List<Row> rows = new ArrayList<>();
        switch (kind) {
            case ANNIVERSARY -> {
                rows.add(new Row("1", "", "25", "Happy 1-year anniversary, {first_name}! Thank you for a great first year. {manager}"));
                rows.add(new Row("5", "", "100", "{years} years, {first_name}! Thank you for all you do. {manager}"));
                rows.add(new Row("", "", "", ""));
            }
            case BIRTHDAY -> rows.add(new Row("0", "", "25", "Happy birthday, {first_name}! Enjoy your day. {manager}"));
            case WELCOME -> rows.add(new Row("0", "", "50", "Welcome to the team, {first_name}! {manager}"));
        }
        return new Entered(kind.name(), kind.label(), true, "7", "09:00", "UTC", "200", rows);
    }

    /** The rows' messages for a sample employee, Ada Lovelace, and the signed-in manager's name. */
    public List<Preview> preview(Entered e, String manager) {
        OccasionProgram.Kind kind = kindOf(e.kind()).orElse(OccasionProgram.Kind.BIRTHDAY);
        LocalDate day = LocalDate.now(clock).plusDays(7);
        List<Preview> out = new ArrayList<>();
        for (Row r : e.rows()) {
            if (r.blank() || isBlank(r.message())) {
                continue;
            }
            Integer years = kind.tiered() ? parseYears(r.years()).orElse(5) : null;
            out.add(new Preview(Occasion.label(kind, "Ada Lovelace", years, day), OccasionPreparer.subject(kind,
                    "Ada Lovelace", years), MessageTemplate.render(r.message(), "Ada Lovelace", years, manager)));
        }
        return out;
    }

    /**
     * Checks the form and saves it (a new program when {@code id} is null); the errors go to
     * {@code errors}, field by field ({@code rows[2].sku} for a row's).
     */
    public Optional<OccasionProgram> save(Long id, Entered e, String by, FormErrors errors) {
        Optional<Checked> checked = check(id, e, errors);
        if (checked.isEmpty()) {
            return Optional.empty();
        }
        Checked c = checked.get();
        return QuarkusTransaction.requiringNew().call(() -> {
            OccasionProgram p;
            boolean created = id == null;
            if (created) {
                if (OccasionProgram.ofKind(c.kind()).isPresent()) {
                    errors.add("kind", "There is a " + c.kind().label().toLowerCase() + " program already: change that one.");
                    return Optional.<OccasionProgram> empty();
                }
                p = new OccasionProgram();
                p.kind = c.kind();
                p.createdBy = by;
                p.createdAt = Clocks.utcNow(clock);
            } else {
                p = OccasionProgram.findById(id);
                if (p == null) {
                    return Optional.<OccasionProgram> empty();
                }
                p.updatedBy = by;
                p.updatedAt = Clocks.utcNow(clock);
            }
            p.name = c.name();
            p.enabled = e.enabled();
            p.daysAhead = c.daysAhead();
            p.sendTime = c.sendTime();
            p.defaultZone = c.zone().getId();
            p.maxAmount = c.most();
            p.persistAndFlush();
            OccasionReward.delete("programId", p.id);
            OccasionReward.flush();
            StringBuilder rewards = new StringBuilder();
            for (OccasionReward r : c.rewards()) {
                r.programId = p.id;
                r.persist();
                rewards.append(rewards.isEmpty() ? "" : ", ").append(p.kind.tiered() ? r.years + " years: " : "")
                        .append(r.sku).append(' ').append(Formats.dollars(r.amount));
            }
            audit.record(created ? "PROGRAM_CREATE" : "PROGRAM_EDIT", "program " + p.id, p.enabled ? "ENABLED" : "DISABLED",
                    p.kind.label() + " \"" + p.name + "\": " + p.daysAhead + " days ahead at " + p.sendTimeText() + " ("
                            + p.defaultZone + "), at most " + Formats.dollars(p.maxAmount) + "; " + rewards);
            return Optional.of(p);
        });
    }

    private Optional<Checked> check(Long id, Entered e, FormErrors errors) {
        Optional<OccasionProgram.Kind> kind = kindOf(e.kind());
        if (kind.isEmpty()) {
            errors.add("kind", "Choose work anniversary, birthday or welcome gift.");
        }
        String name = e.name() == null ? "" : e.name().trim();
        if (name.isEmpty() || name.length() > 120) {
            errors.add("name", "Give the program a name of at most 120 characters.");
        }
        int days = -1;
        try {
            days = Integer.parseInt(e.daysAhead() == null ? "" : e.daysAhead().trim());
        } catch (NumberFormatException ignored) {
            // said below
        }
        if (days < 0 || days > 60) {
            errors.add("daysAhead", "Enter how many days ahead to prepare drafts: a whole number from 0 to 60.");
        }
        LocalTime time = null;
        try {
            time = LocalTime.parse(e.sendTime() == null ? "" : e.sendTime().trim()).withSecond(0).withNano(0);
        } catch (DateTimeParseException ex) {
            errors.add("sendTime", "Enter the local time of day to send at as hours and minutes, such as 09:00.");
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(e.defaultZone() == null ? "" : e.defaultZone().trim());
        } catch (DateTimeException ex) {
            errors.add("defaultZone", "Choose a time zone from the list, such as Europe/Berlin.");
        }
        OptionalLong most = Dollars.parse(e.maxAmount());
        if (most.isEmpty() || most.getAsLong() <= 0) {
            errors.add("maxAmount", Dollars.notAnAmount(e.maxAmount(), "Enter the most a manager may send, in dollars, such as 150."));
        }
        List<OccasionReward> rewards = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        boolean tiered = kind.map(OccasionProgram.Kind::tiered).orElse(false);
        int filled = 0;
        for (int i = 0; i < e.rows().size(); i++) {
            Row r = e.rows().get(i);
            if (r.blank()) {
                continue;
            }
            String f = "rows[" + i + "].";
            int years = 0;
            if (tiered) {
                Optional<Integer> y = parseYears(r.years());
                if (y.isEmpty()) {
                    errors.add(f + "years", "Enter the years of service, a whole number from 1 to 80.");
                } else if (!seen.add(y.get())) {
                    errors.add(f + "years", "There is a reward for " + y.get() + " years already.");
                } else {
                    years = y.get();
                }
            } else if (++filled > 1) {
                errors.add(f + "sku", "This kind of program has one reward: empty this row.");
                continue;
            }
            RewardChoice.Checked choice = RewardChoice.check(catalog, r.sku(), r.amount(),
                    most.isPresent() && most.getAsLong() > 0 ? most.getAsLong() : Long.MAX_VALUE);
            if (choice.choice().isEmpty()) {
                errors.add(f + choice.field(), choice.problem());
            }
            String message = r.message() == null ? "" : r.message().replace("\r\n", "\n").trim();
            List<String> unknown = MessageTemplate.unknown(message);
            if (message.isEmpty() || message.length() > 255) {
                errors.add(f + "message", "Write the message, at most 255 characters.");
            } else if (!unknown.isEmpty()) {
                errors.add(f + "message", "Unknown placeholder " + String.join(", ", unknown)
                        + ": use {first_name}, {name}, {years} or {manager}.");
            }
            if (choice.choice().isPresent()) {
                OccasionReward reward = new OccasionReward();
                reward.years = years;
                reward.sku = choice.choice().get().reward().sku();
                reward.amount = choice.choice().get().amount();
                reward.messageTemplate = message;
                rewards.add(reward);
            }
        }
        if (rewards.isEmpty() && errors.isEmpty()) {
            errors.add("rows[0].sku", "Choose the reward to send.");
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Checked(kind.get(), name, days, time, zone, most.getAsLong(), rewards));
    }

    static Optional<OccasionProgram.Kind> kindOf(String text) {
        try {
            return Optional.of(OccasionProgram.Kind.valueOf(text == null ? "" : text.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> parseYears(String text) {
        try {
            int y = Integer.parseInt(text == null ? "" : text.trim());
            return y >= 1 && y <= 80 ? Optional.of(y) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
