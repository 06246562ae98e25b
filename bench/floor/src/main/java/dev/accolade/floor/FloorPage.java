package dev.accolade.floor;

import java.net.URI;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.scheduler.Scheduled;

/**
 * The floor's one page, at the address bench/startup times (it reads the database), and its one job.
 * A form posted to it is answered as the application answers a refused sign-in, so deploy/aot-train
 * trains the floor's cache with the same requests as the application's.
 */
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

    @POST
    public Response refusedSignIn() {
        return Response.seeOther(URI.create("/login")).build();
    }

    @Scheduled(cron = "0 0 3 * * ?", identity = "floor-nightly")
    void nightly() {
    }
}
