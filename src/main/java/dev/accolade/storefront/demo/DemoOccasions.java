package dev.accolade.storefront.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.directory.Employee;
import dev.accolade.storefront.occasions.OccasionProgram;
import dev.accolade.storefront.occasions.OccasionReward;

/**
 * Demo occasions for dev mode (docs/occasions.md): a program of each kind, and demo employees with
 * occasions in the coming days: Ada Lovelace's birthday in three days, Grace Hopper's 5-year work
 * anniversary in five, Alan Turing starting in two (welcome gift), Linus Pauling's first anniversary
 * in four (Sales), and Katherine Johnson's birthday in twelve (listed as coming, prepared later).
 * The occasions job prepares their drafts 20 seconds after the start (it needs the catalog, which the
 * sandbox serves once the HTTP server is up). Only when there is no program yet.
 */
@ApplicationScoped
public class DemoOccasions {

    private static final Logger LOG = Logger.getLogger(DemoOccasions.class);
    private static final String AMAZON = "AMZN-E-V-STD";

    private final AuditTrail audit;
    private final Actors actors;
    private final Clock clock;
    private final boolean enabled;

    DemoOccasions(AuditTrail audit, Actors actors, Clock clock,
            @ConfigProperty(name = "accolade.demo-data.occasions", defaultValue = "false") boolean enabled) {
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
        this.enabled = enabled;
    }

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 800) StartupEvent event) {
        if (enabled) {
            actors.runAs(Actor.system("system:demo"), () -> QuarkusTransaction.requiringNew().run(this::load));
        }
    }

    void load() {
        if (OccasionProgram.count() > 0) {
            return;
        }
        program(OccasionProgram.Kind.ANNIVERSARY, "Service awards", 250_00,
                new Object[] { 1, 25_00L, "Happy first anniversary, {first_name}! Thank you for a great year. {manager}" },
                new Object[] { 5, 100_00L, "{years} years, {first_name}! Thank you for everything you do. {manager}" },
                new Object[] { 10, 200_00L, "Ten years, {first_name}: thank you. {manager}" });
        program(OccasionProgram.Kind.BIRTHDAY, "Birthdays", 50_00,
                new Object[] { 0, 25_00L, "Happy birthday, {first_name}! Enjoy your day. {manager}" });
        program(OccasionProgram.Kind.WELCOME, "Welcome gifts", 100_00,
                new Object[] { 0, 50_00L, "Welcome to the team, {first_name}! Lunch is on us. {manager}" });
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        birthday("ada.lovelace@accolade.test", today.plusDays(3), "Europe/London");
        start("grace.hopper@accolade.test", today.plusDays(5).minusYears(5), "America/New_York");
        start("alan.turing@accolade.test", today.plusDays(2), "Europe/London");
        start("linus.pauling@accolade.test", today.plusDays(4).minusYears(1), "America/Los_Angeles");
        birthday("katherine.johnson@accolade.test", today.plusDays(12), null);
        LOG.info("Loaded demo occasion programs; the occasions job prepares their drafts 20 s after the start");
    }

    private void program(OccasionProgram.Kind kind, String name, long most, Object[]... rewards) {
        OccasionProgram p = new OccasionProgram();
        p.kind = kind;
        p.name = name;
        p.enabled = true;
        p.daysAhead = 7;
        p.sendTime = LocalTime.of(9, 0);
        p.defaultZone = "Europe/London";
        p.maxAmount = most;
        p.createdBy = "system:demo";
        p.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        p.persistAndFlush();
        for (Object[] r : rewards) {
            OccasionReward reward = new OccasionReward();
            reward.programId = p.id;
            reward.years = (Integer) r[0];
            reward.sku = AMAZON;
            reward.amount = (Long) r[1];
            reward.messageTemplate = (String) r[2];
            reward.persist();
        }
        audit.record("PROGRAM_CREATE", "program " + p.id, "ENABLED", kind.label() + " \"" + name + "\" (demo data)");
    }

    private static void birthday(String email, LocalDate day, String zone) {
        Employee.findByEmail(email).ifPresent(e -> {
            e.birthMonth = day.getMonthValue();
            e.birthDay = day.getDayOfMonth();
            e.timeZone = zone;
        });
    }

    private static void start(String email, LocalDate day, String zone) {
        Employee.findByEmail(email).ifPresent(e -> {
            e.startDate = day;
            e.timeZone = zone;
        });
    }
}
