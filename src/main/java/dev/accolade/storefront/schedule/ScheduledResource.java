package dev.accolade.storefront.schedule;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Flash;
import dev.accolade.common.FormErrors;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.security.CurrentUser;
import dev.accolade.storefront.security.Role;

/** A scheduled send's page: when it goes, and changing its time and texts, cancelling or (missed) sending it now. */
@Path("/scheduled")
@RolesAllowed(Role.MANAGER_NAME)
@Produces(MediaType.TEXT_HTML)
public class ScheduledResource {

    /** The IANA time zones a form offers, sorted (the browser's own is filled in by app.js). */
    public static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).toList());

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance detail(ScheduledSend send, List<String> zones, String lateness);

        static native TemplateInstance notFound();
    }

    private final ScheduledSends sends;
    private final DueSends due;
    private final CurrentUser me;
    private final Flash flash;
    private final FormErrors errors;
    private final AuditTrail audit;

    ScheduledResource(ScheduledSends sends, DueSends due, CurrentUser me, Flash flash, FormErrors errors,
            AuditTrail audit) {
        this.sends = sends;
        this.due = due;
        this.me = me;
        this.flash = flash;
        this.errors = errors;
        this.audit = audit;
    }

    @GET
    @Path("{id}")
    public Response detail(@PathParam("id") String id) {
        Optional<ScheduledSend> s = own(id);
        if (s.isEmpty()) {
            return notFound(id);
        }
        if (s.get().orderId != null) {
            return Response.seeOther(URI.create("/rewards/" + s.get().orderId)).build();
        }
        if (s.get().occasionId != null) {
            return Response.seeOther(URI.create(s.get().href())).build(); // its occasion's page knows the limits
        }
        return Response.ok(Templates.detail(s.get(), ZONES, lateness(sends.maxLateness()))).build();
    }

    @POST
    @Path("{id}")
    public Response edit(@PathParam("id") String id, @RestForm String sendDate, @RestForm String sendTime,
            @RestForm String sendZone, @RestForm String subject, @RestForm String message, @RestForm String from) {
        Optional<ScheduledSend> s = own(id);
        if (s.isEmpty()) {
            return notFound(id);
        }
        String path = "/scheduled/" + s.get().id;
        SendTime.Parsed at = sends.parse(sendDate, sendTime, sendZone);
        at.problem().ifPresent(p -> errors.add(at.field().get(), p));
        String text = blankToNull(message == null ? null : message.replace("\r\n", "\n"));
        checkLength("subject", subject, "The subject");
        checkLength("message", text, "The message");
        checkLength("from", from, "The sender name");
        if (!errors.isEmpty()) {
            return errors.back(path, "Nothing was changed: please check the highlighted fields.", Map.of());
        }
        if (!sends.edit(s.get(), at.time().get(), blankToNull(subject), text, blankToNull(from))) {
            flash.put("error", "It can no longer be changed: it has been sent or cancelled.");
            return Response.seeOther(URI.create(path)).build();
        }
        flash.put("message", "Changed. It goes on " + SendTime.display(at.time().get().instant(),
                at.time().get().zone().getId()) + ".");
        return Response.seeOther(URI.create(path)).build();
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@PathParam("id") String id) {
        Optional<ScheduledSend> s = own(id);
        if (s.isEmpty()) {
            return notFound(id);
        }
        if (sends.cancel(s.get(), me.getEmail())) {
            flash.put("message", "Cancelled; nothing will be sent and the amount is back in the budget.");
        } else {
            flash.put("error", "It can no longer be cancelled: it has been sent or was cancelled already.");
        }
        return Response.seeOther(URI.create("/scheduled/" + s.get().id)).build();
    }

    /** A send that missed its time by more than the allowed lateness: the manager sends it now. */
    @POST
    @Path("{id}/send-now")
    public Response sendNow(@PathParam("id") String id) {
        Optional<ScheduledSend> s = own(id);
        if (s.isEmpty()) {
            return notFound(id);
        }
        if (!due.sendNow(s.get())) {
            flash.put("error", "Only a send that missed its time can be sent now; change its time otherwise.");
        }
        return Response.seeOther(URI.create("/scheduled/" + s.get().id)).build();
    }

    private void checkLength(String field, String value, String what) {
        if (value != null && value.length() > 255) {
            errors.add(field, what + " can have at most 255 characters.");
        }
    }

    private Optional<ScheduledSend> own(String id) {
        try {
            return sends.visible(Long.parseLong(id), me);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Response notFound(String id) {
        audit.recordAlone("ACCESS_REFUSED", "scheduled " + id, "REFUSED", "not the user's department");
        return Response.status(404).entity(Templates.notFound()).build();
    }

    /** {@code 6 hours}, {@code 90 minutes}. */
    static String lateness(java.time.Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + (minutes == 60 ? " hour" : " hours") : minutes + " minutes";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
