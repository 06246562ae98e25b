package dev.accolade.storefront.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.bulk.BulkBatch;
import dev.accolade.storefront.bulk.BulkCheck;
import dev.accolade.storefront.bulk.BulkSheet;
import dev.accolade.storefront.bulk.Batches;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.AppUser;

/**
 * A demo bulk send for dev mode (README.md, "Bulk send"): Morgan Manager's "team-thanks.csv", seven
 * rows of which three are refused by the dry run (an address that is not one, someone who left, the
 * same person twice with an amount over the card's range), the four others sent in the background. It runs once the application answers (the
 * rows are checked against the sandbox's catalog, which the application itself serves), and only
 * while Morgan has no batch.
 */
@ApplicationScoped
public class DemoBulk {

    private static final Logger LOG = Logger.getLogger(DemoBulk.class);
    static final String FILE = """
            email,name,sku,amount,message,from
            ada.lovelace@accolade.test,Ada Lovelace,AMZN-E-V-STD,25,Thank you for the analysis engine.,Morgan Manager
            grace.hopper@accolade.test,Grace Hopper,AMZN-E-V-STD,25,"For finding the bug, literally.",Morgan Manager
            alan.turing@accolade.test,Alan Turing,APPL-E-2500-STD,,Thanks for cracking the hard one.,Morgan Manager
            katherine.johnson@accolade.test,Katherine Johnson,TNGO-E-V-STD,40,Your numbers got us home.,Morgan Manager
            not-an-address,Someone,AMZN-E-V-STD,25,,Morgan Manager
            charles.babbage@accolade.test,Charles Babbage,AMZN-E-V-STD,25,For the difference engine.,Morgan Manager
            grace.hopper@accolade.test,Grace Hopper,TNGO-E-V-STD,5000,Too much for this card.,Morgan Manager
            """;

    private final BulkCheck check;
    private final Batches batches;
    private final Actors actors;
    private final boolean enabled;

    DemoBulk(BulkCheck check, Batches batches, Actors actors,
            @ConfigProperty(name = "accolade.demo-data.bulk", defaultValue = "false") boolean enabled) {
        this.check = check;
        this.batches = batches;
        this.actors = actors;
        this.enabled = enabled;
    }

    @Scheduled(identity = "demo-bulk", every = "1h", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (enabled) {
            actors.runAs(Actor.system("system:demo"), this::load);
        }
    }

    void load() {
        AppUser morgan = QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail("manager@accolade.test").orElse(null));
        Department engineering = QuarkusTransaction.requiringNew().call(() -> Department.findByName("Engineering").orElse(null));
        if (morgan == null || engineering == null
                || QuarkusTransaction.requiringNew().call(() -> BulkBatch.count("requesterId", morgan.id)) > 0) {
            return;
        }
        Path file;
        try {
            file = Files.createTempFile("team-thanks", ".csv");
            Files.writeString(file, FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            BulkBatch b = check.check(file, "team-thanks.csv", new BulkCheck.Uploader(morgan.id, morgan.email,
                    morgan.displayName, engineering.id));
            LOG.info("Loaded a demo bulk send for Morgan Manager: " + batches.confirm(b.id).message());
        } catch (BulkSheet.Unreadable e) {
            LOG.warn("The demo bulk send could not be checked: " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }
}
