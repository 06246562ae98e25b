package dev.accolade.storefront.accounts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.ClientAddress;
import dev.accolade.common.Clocks;
import dev.accolade.common.Flash;
import dev.accolade.common.FormErrors;
import dev.accolade.common.Forms;
import dev.accolade.storefront.accounts.AccountService.AccountView;
import dev.accolade.storefront.accounts.AccountService.Outcome;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.errors.AdminNotFound;
import dev.accolade.storefront.security.Role;

/** Funding a department's RaaS account by credit card, and its registered cards. */
@Path("/admin/accounts/{id}/fund")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class FundingResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance fund(AccountView account, List<FundingCard> cards, long minCents, long maxCents,
                YearMonth thisMonth, String submission);
    }

    private final AccountService accounts;
    private final FundingService funding;
    private final Flash flash;
    private final FormErrors errors;
    private final ClientAddress address;
    private final Clock clock;

    FundingResource(AccountService accounts, FundingService funding, Flash flash, FormErrors errors,
            ClientAddress address, Clock clock) {
        this.accounts = accounts;
        this.funding = funding;
        this.flash = flash;
        this.errors = errors;
        this.address = address;
        this.clock = clock;
    }

    @GET
    public TemplateInstance page(@PathParam("id") long id) {
        Department d = AccountsResource.find(id);
        return Templates.fund(accounts.view(d), QuarkusTransaction.requiringNew().call(() -> FundingCard.activeOf(id)),
                FundingService.MIN_CENTS, FundingService.MAX_CENTS, YearMonth.now(clock), FundingSubmission.newPageToken());
    }

    @POST
    public Response fund(@PathParam("id") long id, @BeanParam CardForm form) {
        Department d = AccountsResource.find(id);
        String self = "/admin/accounts/" + id + "/fund";
        CardForm.Card card = form.card();
        errors.check(card);
        YearMonth expires = form.expires();
        if (!errors.failed("expiry") && expires.isBefore(YearMonth.now(clock))) {
            errors.add("expiry", "This card expired at the end of " + expires.format(CardForm.MM_YY)
                    + ". Use a card that is still valid.");
        }
        Optional<String> clientIp = ipv4(address.get());
        if (!errors.isEmpty() || clientIp.isEmpty()) {
            return errors.back(self, clientIp.isEmpty() ? NO_IPV4 : "Please check the highlighted fields. "
                    + "For your safety the card number and security code are never filled in again.", form.keptValues());
        }
        Optional<String> refusal = claim(form.submission, "new", d);
        if (refusal.isPresent()) {
            return errors.back(self, refusal.get(), form.keptValues());
        }
        Outcome outcome = funding.fundByCard(d, card.charge().cents(), form, clientIp.get());
        if (!outcome.ok()) {
            return errors.back(self, outcome.message(), form.keptValues());
        }
        flash.put("message", outcome.message());
        return Forms.seeOther(self);
    }

    @POST
    @Path("cards/{card}")
    public Response fundBySavedCard(@PathParam("id") long id, @PathParam("card") long cardId,
            @BeanParam CardForm form) {
        Department d = AccountsResource.find(id);
        FundingCard card = card(d, cardId);
        String self = "/admin/accounts/" + id + "/fund";
        String prefix = "card" + cardId + ".";
        CardForm.Charge charge = CardForm.charge(form.amount, form.securityCode);
        errors.check(charge, prefix);
        Optional<String> clientIp = ipv4(address.get());
        if (!errors.isEmpty() || clientIp.isEmpty()) {
            return errors.back(self, clientIp.isEmpty() ? NO_IPV4 : "Please check the highlighted fields.",
                    Map.of(prefix + "amount", Forms.trim(form.amount)));
        }
        Optional<String> refusal = claim(form.submission, "card" + cardId, d);
        if (refusal.isPresent()) {
            flash.put("error", refusal.get());
            return Forms.seeOther(self);
        }
        Outcome outcome = funding.fundBySavedCard(d, card, charge.cents(), charge.securityCode(), clientIp.get());
        flash.put(outcome.ok() ? "message" : "error", outcome.message());
        return Forms.seeOther(self);
    }

    @POST
    @Path("cards/{card}/remove")
    public Response remove(@PathParam("id") long id, @PathParam("card") long cardId) {
        Department d = AccountsResource.find(id);
        Outcome outcome = funding.remove(d, card(d, cardId));
        flash.put(outcome.ok() ? "message" : "error", outcome.message());
        return Forms.seeOther("/admin/accounts/" + id + "/fund");
    }

    /**
     * Claims the form's one-time token (see {@link FundingSubmission}) before RaaS is asked; the reason
     * when this form must not be charged.
     */
    private Optional<String> claim(String submission, String form, Department d) {
        String token = submission == null ? null : submission.strip();
        FundingSubmission.Claim claim = token != null && token.endsWith("-" + form)
                ? FundingSubmission.claim(token, d.id, Clocks.utcNow(clock))
                : FundingSubmission.Claim.NOT_A_FORM;
        return switch (claim) {
            case CLAIMED -> Optional.empty();
            case ALREADY_SENT -> Optional.of("This form was already sent, so it was not sent again: nothing more was "
                    + "charged. Check the balance above before funding again.");
            case NOT_A_FORM -> Optional.of("This page was out of date, so nothing was charged. Please enter the amount "
                    + "and card again.");
        };
    }

    private static final String NO_IPV4 = "RaaS needs the IPv4 address of the person funding, and this request "
            + "came over IPv6. Open Accolade over IPv4 (or through a proxy that forwards it) to fund an account.";

    private static FundingCard card(Department d, long cardId) {
        FundingCard card = QuarkusTransaction.requiringNew().call(() -> FundingCard.findById(cardId));
        if (card == null || !card.departmentId.equals(d.id) || card.removedAt != null) {
            throw new NotFoundException("no card " + cardId);
        }
        return card;
    }

    /** The client's address as RaaS wants it (IPv4); IPv4-mapped and loopback IPv6 addresses are converted. */
    static Optional<String> ipv4(String ip) {
        if (ip == null) {
            return Optional.empty();
        }
        try {
            InetAddress a = InetAddress.getByName(ip.startsWith("[") ? ip.substring(1, ip.length() - 1) : ip);
            if (a instanceof java.net.Inet4Address) {
                return Optional.of(a.getHostAddress());
            }
            return a.isLoopbackAddress() ? Optional.of("127.0.0.1") : Optional.empty();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    Response notFound(NotFoundException e) {
        return AdminNotFound.page();
    }
}
