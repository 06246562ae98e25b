package dev.accolade.storefront.mail;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Flash;
import dev.accolade.common.Forms;
import dev.accolade.storefront.security.Role;

/**
 * The administrators' view of outgoing mail: how many messages wait, are being sent, were sent or
 * were given up, the dead letters with their last error (and a button to try again), and the latest
 * messages. Bodies are never shown here: an invitation's link is for its recipient.
 */
@Path("/admin/mail")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class MailResource {

    /** The outbox's counts by status. */
    public record Counts(long queued, long sending, long sent, long dead) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance outbox(Counts counts, List<OutboxMail> dead, List<OutboxMail> latest,
                boolean devInbox);
    }

    private final DeadLetters deadLetters;
    private final Flash flash;
    private final boolean devInbox;

    MailResource(DeadLetters deadLetters, Flash flash, MailConfig config) {
        this.deadLetters = deadLetters;
        this.flash = flash;
        this.devInbox = config.devServer().enabled();
    }

    @GET
    @Transactional
    public TemplateInstance outbox() {
        Counts counts = new Counts(OutboxMail.count(OutboxMail.Status.QUEUED), OutboxMail.count(OutboxMail.Status.SENDING),
                OutboxMail.count(OutboxMail.Status.SENT), OutboxMail.count(OutboxMail.Status.DEAD));
        return Templates.outbox(counts, OutboxMail.dead(100), OutboxMail.latest(50), devInbox);
    }

    @POST
    @Path("{id}/retry")
    public Response retry(@PathParam("id") long id) {
        if (deadLetters.requeue(id)) {
            flash.put("message", "The message is queued again; the next pass of the sender sends it.");
        } else {
            flash.put("error", "This message is not a dead letter (any more).");
        }
        return Forms.seeOther("/admin/mail");
    }
}
