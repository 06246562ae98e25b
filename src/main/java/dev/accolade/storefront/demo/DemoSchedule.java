package dev.accolade.storefront.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import dev.accolade.raas.client.Catalog;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.OrderRequest;
import dev.accolade.storefront.orders.Requester;
import dev.accolade.storefront.schedule.ScheduledSends;
import dev.accolade.storefront.schedule.SendTime;
import dev.accolade.storefront.security.AppUser;

/**
 * A demo scheduled send for dev mode (README.md, "Send later"): Morgan Manager's $25 Amazon card to
 * Ada Lovelace, two days from today at 09:00 in Europe/London, its amount reserved in Engineering's
 * budget. Only when Morgan has nothing scheduled; after the demo budgets, which it is charged to.
 */
@ApplicationScoped
public class DemoSchedule {

    private static final Logger LOG = Logger.getLogger(DemoSchedule.class);
    private static final Catalog.Reward AMAZON = new Catalog.Reward("Amazon E-Gift Card Custom", "AMZN-E-V-STD", "USD",
            -1L, true, 100L, 100000L, null, null, null);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final ScheduledSends sends;
    private final Actors actors;
    private final Clock clock;
    private final boolean enabled;

    DemoSchedule(ScheduledSends sends, Actors actors, Clock clock,
            @ConfigProperty(name = "accolade.demo-data.schedule", defaultValue = "false") boolean enabled) {
        this.sends = sends;
        this.actors = actors;
        this.clock = clock;
        this.enabled = enabled;
    }

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 700) StartupEvent event) {
        if (enabled) {
            actors.runAs(Actor.system("system:demo"), this::load);
        }
    }

    void load() {
        AppUser morgan = QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail("manager@accolade.test").orElse(null));
        Department engineering = QuarkusTransaction.requiringNew().call(() -> Department.findByName("Engineering").orElse(null));
        if (morgan == null || engineering == null || !sends.of(morgan.id).isEmpty()) {
            return;
        }
        SendTime at = SendTime.of(LocalDate.now(clock.withZone(LONDON)).plusDays(2), LocalTime.of(9, 0), LONDON);
        OrderRequest request = new OrderRequest(UUID.randomUUID().toString(), new Catalog.Brand("Amazon.com", null,
                List.of(AMAZON)), AMAZON, 25_00, "Ada Lovelace", "ada.lovelace@accolade.test", null,
                "Happy launch day", "The release goes out today: thank you for the analysis engine.", "Morgan Manager");
        sends.schedule(request, new Requester(morgan.id, morgan.email, engineering.ref()), at);
        LOG.info("Loaded a demo scheduled send: Morgan Manager to Ada Lovelace on " + at.localText() + " (Europe/London)");
    }
}
