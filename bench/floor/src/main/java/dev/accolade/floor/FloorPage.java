package dev.accolade.floor;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.scheduler.Scheduled;

/** The floor's one page, at the address bench/startup times (it reads the database), and its one job. */
@Path("/login")
public class FloorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(String text, long count);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance page() {
        Greeting first = Greeting.findById(1L);
        return Templates.page(first == null ? "" : first.text, Greeting.count());
    }

    @Scheduled(cron = "0 0 3 * * ?", identity = "floor-nightly")
    void nightly() {
    }
}
