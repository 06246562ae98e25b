package dev.accolade.raas.sandbox;

import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.Produces;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Like;
import dev.accolade.common.Paging;

/**
 * The sandbox's delivered-email inbox: every reward email RaaS would have sent (orders placed with
 * {@code send_reward} true, and their resends), shown as the recipient would see it. The inbox is for
 * those {@link SandboxInboxAccess} lets in; a reward's redemption page is reached by its unguessable
 * link, as the recipient of a real email would.
 */
@Path("/raas-sandbox")
@Produces(MediaType.TEXT_HTML)
public class SandboxInboxResource {

    static final int PAGE_SIZE = 25;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(List<SandboxOrder> emails, String q, int page, boolean more, long total);

        static native TemplateInstance email(SandboxOrder email);

        static native TemplateInstance redeem(SandboxOrder reward);
    }

    private final SandboxInboxAccess access;

    SandboxInboxResource(SandboxInboxAccess access) {
        this.access = access;
    }

    @GET
    @Path("inbox")
    @Transactional
    public TemplateInstance inbox(@QueryParam("q") String q, @QueryParam("page") String page) {
        access.check();
        int p = Paging.pageNumber(page, PAGE_SIZE);
        String query = "sendReward = true";
        Parameters params = new Parameters();
        String filter = q == null ? "" : q.trim();
        if (!filter.isEmpty()) {
            query += " and (lower(recipientEmail) like :q escape '\\' or lower(recipientName) like :q escape '\\')";
            params.and("q", Like.containing(filter));
        }
        var found = SandboxOrder.find(query, Sort.descending("lastSentAt", "id"), params);
        long total = found.count();
        List<SandboxOrder> emails = found.page(Page.of(p - 1, PAGE_SIZE)).list();
        return Templates.inbox(emails, filter, p, (long) p * PAGE_SIZE < total, total);
    }

    @GET
    @Path("inbox/{token}")
    @Transactional
    public TemplateInstance email(@PathParam("token") String token) {
        access.check();
        SandboxOrder order = SandboxOrder.findByToken(token).filter(o -> o.sendReward)
                .orElseThrow(NotFoundException::new);
        return Templates.email(order);
    }

    @GET
    @Path("redeem/{token}")
    @Transactional
    public TemplateInstance redeem(@PathParam("token") String token) {
        return Templates.redeem(SandboxOrder.findByToken(token).orElseThrow(NotFoundException::new));
    }
}
