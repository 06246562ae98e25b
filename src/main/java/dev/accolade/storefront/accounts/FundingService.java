package dev.accolade.storefront.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accolade.common.Clocks;
import dev.accolade.common.Formats;
import dev.accolade.raas.client.CardFund;
import dev.accolade.raas.client.CardRegister;
import dev.accolade.raas.client.CardRegistration;
import dev.accolade.raas.client.CardUnregister;
import dev.accolade.raas.client.CreditCard;
import dev.accolade.raas.client.FundCreate;
import dev.accolade.raas.client.FundReceipt;
import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasException;
import dev.accolade.raas.client.RaasFailure;
import dev.accolade.raas.client.RaasOutcomeUnknown;
import dev.accolade.raas.client.RaasUnavailable;
import dev.accolade.storefront.accounts.AccountService.Outcome;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.directory.Department;

/**
 * Puts money in a department's RaaS account from a credit card: once ({@code POST funds}), or by
 * registering the card ({@code cc_register}, whose token is kept) and charging it
 * ({@code cc_fund}), now and later. Card numbers and security codes go to RaaS and nowhere else;
 * the audit keeps the last four digits and the amount.
 */
@ApplicationScoped
public class FundingService {

    private static final Logger LOG = Logger.getLogger(FundingService.class);
    public static final long MIN_CENTS = 100;
    public static final long MAX_CENTS = 500_000;

    private final RaasClient raas;
    private final AuditTrail audit;
    private final Actors actors;
    private final DepartmentBalance balances;
    private final Clock clock;

    FundingService(RaasClient raas, AuditTrail audit, Actors actors, DepartmentBalance balances, Clock clock) {
        this.raas = raas;
        this.audit = audit;
        this.actors = actors;
        this.balances = balances;
        this.clock = clock;
    }

    /** Charges the card in the form once, or registers it first when the form asks to keep it. */
    public Outcome fundByCard(Department d, long cents, CardForm form, String clientIp) {
        YearMonth expires = form.expires();
        String target = target(d);
        String what = "card ****" + form.lastFour() + ", " + Formats.dollars(cents);
        if (!form.keepCard()) {
            String mmyy = expires.format(CardForm.MM_YY);
            try {
                FundReceipt receipt = raas.fund(new FundCreate(d.raasCustomer, d.raasAccountIdentifier, cents, clientIp,
                        form.card(mmyy)));
                return funded(d, receipt, what);
            } catch (RaasException e) {
                return refused("FUND", d, what, e);
            }
        }
        CreditCard card = form.card(expires.toString());
        CardRegistration registration;
        try {
            registration = raas.registerCard(new CardRegister(d.raasCustomer, d.raasAccountIdentifier, clientIp, card));
        } catch (RaasException e) {
            return refused("CARD_REGISTER", d, "card ****" + form.lastFour(), e);
        }
        OffsetDateTime activeAt = registration.activeAt() == null ? null
                : registration.activeAt().atOffset(ZoneOffset.UTC);
        FundingCard saved = QuarkusTransaction.requiringNew().call(() -> {
            FundingCard c = new FundingCard();
            c.departmentId = d.id;
            c.ccToken = registration.ccToken();
            c.lastFour = card.lastFour();
            c.expiration = expires.toString();
            c.activeAt = activeAt;
            c.registeredBy = actors.current().name();
            c.createdAt = Clocks.utcNow(clock);
            c.persist();
            audit.record("CARD_REGISTER", target, "SUCCESS", "card ****" + c.lastFour + ", expires "
                    + c.expiration + (activeAt == null ? "" : ", usable from " + Formats.display(activeAt)));
            return c;
        });
        if (!saved.usableAt(Clocks.utcNow(clock))) {
            return new Outcome(true, "The card ending " + saved.lastFour + " is registered. RaaS lets it be charged from "
                    + Formats.display(saved.activeAt) + "; fund the account with it then.");
        }
        return charge(d, saved, cents, form.securityCode.strip(), clientIp);
    }

    /** Charges a registered card; RaaS asks for its security code every time. */
    public Outcome fundBySavedCard(Department d, FundingCard card, long cents, String securityCode, String clientIp) {
        if (card.expiredBy(YearMonth.now(clock))) {
            return new Outcome(false, "The card ending " + card.lastFour + " expired at the end of "
                    + card.expires().format(CardForm.MM_YY) + ". Remove it and fund with a card that is still valid.");
        }
        if (!card.usableAt(Clocks.utcNow(clock))) {
            return new Outcome(false, "RaaS lets this card be charged from " + Formats.display(card.activeAt) + ".");
        }
        return charge(d, card, cents, securityCode, clientIp);
    }

    private Outcome charge(Department d, FundingCard card, long cents, String securityCode, String clientIp) {
        String what = "registered card ****" + card.lastFour + ", " + Formats.dollars(cents);
        try {
            FundReceipt receipt = raas.fundByCard(new CardFund(d.raasCustomer, d.raasAccountIdentifier, cents, clientIp,
                    card.ccToken, securityCode));
            return funded(d, receipt, what);
        } catch (RaasException e) {
            return refused("FUND", d, what, e);
        }
    }

    /** Removes a registered card at RaaS ({@code cc_unregister}) and here. */
    public Outcome remove(Department d, FundingCard card) {
        String what = "card ****" + card.lastFour;
        try {
            raas.unregisterCard(new CardUnregister(d.raasCustomer, d.raasAccountIdentifier, card.ccToken));
        } catch (RaasFailure.NotFound gone) {
            LOG.infof("Card ****%s of %s was already gone at RaaS", card.lastFour, d.name);
        } catch (RaasException e) {
            return refused("CARD_UNREGISTER", d, what, e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            FundingCard c = FundingCard.findById(card.id);
            c.removedAt = Clocks.utcNow(clock);
            audit.record("CARD_UNREGISTER", target(d), "SUCCESS", what);
        });
        return new Outcome(true, "The card ending " + card.lastFour + " is removed.");
    }

    private Outcome funded(Department d, FundReceipt receipt, String what) {
        balances.forget(d.id);
        QuarkusTransaction.requiringNew().run(() -> audit.record("FUND", target(d), "SUCCESS",
                what + ", fund " + receipt.fundId()));
        return new Outcome(true, Formats.dollars(receipt.amount()) + " added to " + d.name + "'s account (RaaS fund "
                + receipt.fundId() + ").");
    }

    private Outcome refused(String action, Department d, String what, RaasException e) {
        String outcome;
        String detail;
        String message;
        if (e instanceof RaasFailure.CardDeclined declined) {
            outcome = "DECLINED";
            detail = declined.denialCode() + ", " + what;
            message = declined.denialMessage().orElse("The card was declined.") + " Nothing was charged.";
        } else if (e instanceof RaasFailure.ValidationFailed invalid) {
            outcome = "FAILED";
            String fields = invalid.invalidInputs().stream().map(i -> i.field() + ": " + i.error())
                    .collect(java.util.stream.Collectors.joining("; "));
            detail = "validation failed (" + fields + "), " + what;
            message = "RaaS refused the details: " + fields + ". Nothing was charged.";
        } else if (e instanceof RaasFailure f) {
            outcome = "FAILED";
            detail = "HTTP " + f.status() + ", " + what;
            message = "RaaS refused the request (HTTP " + f.status() + "). Nothing was charged.";
        } else if (e instanceof RaasOutcomeUnknown) {
            outcome = "UNKNOWN";
            detail = "no answer from RaaS, " + what;
            message = "RaaS did not confirm the request. Check the account's balance before trying again, so the "
                    + "card is not charged twice.";
        } else {
            outcome = "FAILED";
            detail = "RaaS unavailable, " + what;
            message = "RaaS cannot be reached right now; nothing was charged. Try again shortly.";
        }
        if (!(e instanceof RaasUnavailable)) {
            LOG.infof("%s for %s: %s (%s)", action, d.name, outcome, detail);
        }
        QuarkusTransaction.requiringNew().run(() -> audit.record(action, target(d), outcome, detail));
        return new Outcome(false, message);
    }

    private static String target(Department d) {
        return d.raasCustomer + " / " + d.raasAccountIdentifier;
    }
}
