package dev.accolade.storefront.accounts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

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

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.ClientAddress;
import dev.accolade.common.Dollars;
import dev.accolade.common.Formats;
import dev.accolade.common.Flash;
import dev.accolade.storefront.accounts.AccountService.AccountView;
import dev.accolade.storefront.accounts.AccountService.Outcome;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.Role;
import dev.accolade.common.AdminForms;
import dev.accolade.storefront.errors.AdminNotFound;

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
    private final ClientAddress address;
    private final Clock clock;

    FundingResource(AccountService accounts, FundingService funding, Flash flash, ClientAddress address,
            Clock clock) {
        this.accounts = accounts;
        this.funding = funding;
        this.flash = flash;
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
    public Response fund(@PathParam("id") long id, @BeanParam CardForm form, @RestForm String submission) {
        Department d = AccountsResource.find(id);
        String self = "/admin/accounts/" + id + "/fund";
        Map<String, String> errors = new LinkedHashMap<>();
        OptionalLong cents = amount(form.amount, errors);
        errors.putAll(form.errors(YearMonth.now(clock)));
        Optional<String> clientIp = ipv4(address.get());
        if (!errors.isEmpty() || clientIp.isEmpty()) {
            return AdminForms.back(flash, self, clientIp.isEmpty() ? NO_IPV4 : "Please check the highlighted fields. "
                    + "For your safety the card number and security code are never filled in again.", errors,
                    form.keptValues());
        }
        Optional<String> refusal = claim(submission, "new", d);
        if (refusal.isPresent()) {
            return AdminForms.back(flash, self, refusal.get(), Map.of(), form.keptValues());
        }
        Outcome outcome = funding.fundByCard(d, cents.getAsLong(), form, clientIp.get());
        if (!outcome.ok()) {
            return AdminForms.back(flash, self, outcome.message(), Map.of(), form.keptValues());
        }
        flash.put("message", outcome.message());
        return AdminForms.seeOther(self);
    }

    @POST
    @Path("cards/{card}")
    public Response fundBySavedCard(@PathParam("id") long id, @PathParam("card") long cardId, @RestForm String amount,
            @RestForm String securityCode, @RestForm String submission) {
        Department d = AccountsResource.find(id);
        FundingCard card = card(d, cardId);
        String self = "/admin/accounts/" + id + "/fund";
        Map<String, String> errors = new LinkedHashMap<>();
        OptionalLong cents = amount(amount, errors);
        if (securityCode == null || !securityCode.strip().matches("\\d{3,4}")) {
            errors.put("securityCode", "Enter the 3 or 4 digit security code.");
        }
        Optional<String> clientIp = ipv4(address.get());
        if (!errors.isEmpty() || clientIp.isEmpty()) {
            Map<String, String> cardErrors = new LinkedHashMap<>();
            errors.forEach((k, v) -> cardErrors.put("card" + cardId + "." + k, v));
            return AdminForms.back(flash, self, clientIp.isEmpty() ? NO_IPV4 : "Please check the highlighted fields.",
                    cardErrors, Map.of("card" + cardId + ".amount", AdminForms.trim(amount)));
        }
        Optional<String> refusal = claim(submission, "card" + cardId, d);
        if (refusal.isPresent()) {
            flash.put("error", refusal.get());
            return AdminForms.seeOther(self);
        }
        Outcome outcome = funding.fundBySavedCard(d, card, cents.getAsLong(), securityCode.strip(), clientIp.get());
        flash.put(outcome.ok() ? "message" : "error", outcome.message());
        return AdminForms.seeOther(self);
    }

    @POST
    @Path("cards/{card}/remove")
    public Response remove(@PathParam("id") long id, @PathParam("card") long cardId) {
        Department d = AccountsResource.find(id);
        Outcome outcome = funding.remove(d, card(d, cardId));
        flash.put(outcome.ok() ? "message" : "error", outcome.message());
        return AdminForms.seeOther("/admin/accounts/" + id + "/fund");
    }

    /**
     * Claims the form's one-time token (see {@link FundingSubmission}) before RaaS is asked; the reason
     * when this form must not be charged.
     */
    private Optional<String> claim(String submission, String form, Department d) {
        String token = submission == null ? null : submission.strip();
        FundingSubmission.Claim claim = token != null && token.endsWith("-" + form)
                ? FundingSubmission.claim(token, d.id, AdminForms.now(clock))
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

    private static OptionalLong amount(String value, Map<String, String> errors) {
        OptionalLong cents = Dollars.parse(value);
        if (cents.isEmpty() || cents.getAsLong() < FundingService.MIN_CENTS || cents.getAsLong() > FundingService.MAX_CENTS) {
            errors.put("amount", Dollars.notAnAmount(value, "Enter an amount from "
                    + Formats.dollars(FundingService.MIN_CENTS) + " to " + Formats.dollars(FundingService.MAX_CENTS) + "."));
            return OptionalLong.empty();
        }
        return cents;
    }

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
