package dev.accolade.raas.sandbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.accolade.raas.sandbox.SandboxWire.AccountCreate;
import dev.accolade.raas.sandbox.SandboxWire.CardFund;
import dev.accolade.raas.sandbox.SandboxWire.CardRegister;
import dev.accolade.raas.sandbox.SandboxWire.CardUnregister;
import dev.accolade.raas.sandbox.SandboxWire.FundCreate;

/** Accounts and the money put into them. Every lookup is scoped to the calling platform. */
@ApplicationScoped
public class SandboxAccounts {

    /** The sandbox refuses single fundings above $1,000,000 (the v1 schemas set no ceiling for cc_fund). */
    static final long MAX_FUND_CENTS = 100_000_000L;

    private final RaasIds ids;
    private final CardAuthorizer cards;
    private final SandboxConfig config;
    private final Clock clock;

    SandboxAccounts(RaasIds ids, CardAuthorizer cards, SandboxConfig config, Clock clock) {
        this.ids = ids;
        this.cards = cards;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public SandboxAccount create(String platform, AccountCreate request) {
        if (SandboxAccount.findByIdentifier(platform, request.identifier()).isPresent()) {
            throw RaasException.exists("The account already exists for the platform.");
        }
        SandboxAccount account = new SandboxAccount();
        account.id = ids.next("sandbox_account_seq");
        account.platform = platform;
        account.customer = request.customer();
        account.identifier = request.identifier();
        account.email = request.email();
        account.balance = 0;
        account.createdAt = now();
        account.persistAndFlush();
        return account;
    }

    @Transactional
    public SandboxAccount find(String platform, String customer, String identifier) {
        return SandboxAccount.findOwned(platform, customer, identifier)
                .orElseThrow(() -> RaasException.notFound("The account was not found for the platform."));
    }

    /** {@code POST funds}: authorizes the card details, then credits the account. */
    @Transactional
    public SandboxFund fund(String platform, FundCreate request) {
        long amount = fundAmount(request.amount());
        YearMonth expires = CardAuthorizer.monthSlashYear(request.creditCard().expiration());
        find(platform, request.customer(), request.accountIdentifier());
        CardDecision decision = cards.authorize(request.creditCard().number(), expires);
        if (!decision.approved()) {
            throw RaasException.cardDenied(decision);
        }
        return credit(platform, request.customer(), request.accountIdentifier(), amount, null);
    }

    /**
     * {@code POST cc_register}: authorizes the card and keeps a token for it, never its number. The
     * same card (number and expiry) is registered to an account once: until it is unregistered, a
     * second registration is refused with {@code CC_DUPEREGISTER}. The account's row is locked first,
     * so two registrations of one card at the same time cannot both pass that check.
     */
    @Transactional
    public SandboxCard register(String platform, CardRegister request) {
        YearMonth expires = CardAuthorizer.yearDashMonth(request.creditCard().expiration());
        SandboxAccount.lockOwned(platform, request.customer(), request.accountIdentifier())
                .orElseThrow(() -> RaasException.notFound("The account was not found for the platform."));
        CardDecision decision = cards.authorize(request.creditCard().number(), expires);
        if (!decision.approved()) {
            throw RaasException.cardDenied(decision);
        }
        String fingerprint = CardAuthorizer.fingerprint(request.creditCard().number(),
                config.platforms().get(platform).key());
        if (SandboxCard.isRegistered(platform, request.accountIdentifier(), fingerprint, expires.toString())) {
            throw RaasException.cardDenied(CardDecision.ALREADY_REGISTERED);
        }
        SandboxCard card = new SandboxCard();
        card.id = ids.next("sandbox_card_seq");
        String token;
        do {
            token = ids.cardToken();
        } while (SandboxCard.tokenExists(token));
        card.ccToken = token;
        card.platform = platform;
        card.customer = request.customer();
        card.accountIdentifier = request.accountIdentifier();
        card.expires = expires.toString();
        card.fingerprint = fingerprint;
        card.createdAt = now();
        card.activeAt = card.createdAt.plus(config.cardActivationDelay());
        card.persist();
        return card;
    }

    /**
     * {@code POST cc_fund}: charges a registered card. A card past its expiry month is declined like any
     * expired card; one charged before its {@code active_date} is refused with {@code CC_REVIEW} (it is
     * still in its approval stage), and its {@code denial_message} says when it can fund.
     */
    @Transactional
    public SandboxFund fundByCard(String platform, CardFund request) {
        long amount = fundAmount(request.amount());
        find(platform, request.customer(), request.accountIdentifier());
        SandboxCard card = SandboxCard.findActiveToken(platform, request.customer(), request.accountIdentifier(),
                request.ccToken()).orElseThrow(() -> RaasException.notFound(
                        "The credit card was not found for the account."));
        if (cards.expired(YearMonth.parse(card.expires))) {
            throw RaasException.cardDenied(CardDecision.EXPIRED);
        }
        if (card.activeAt.isAfter(now())) {
            throw RaasException.cardDenied(CardDecision.awaitingApproval(card.activeAt));
        }
        return credit(platform, request.customer(), request.accountIdentifier(), amount, card.ccToken);
    }

    /** {@code POST cc_unregister}. */
    @Transactional
    public void unregister(String platform, CardUnregister request) {
        find(platform, request.customer(), request.accountIdentifier());
        SandboxCard card = SandboxCard.findActiveToken(platform, request.customer(), request.accountIdentifier(),
                request.ccToken()).orElseThrow(() -> RaasException.notFound(
                        "The credit card was not found for the account."));
        card.removedAt = now();
    }

    private SandboxFund credit(String platform, String customer, String identifier, long amount, String token) {
        if (!SandboxAccount.credit(platform, customer, identifier, amount)) {
            throw RaasException.notFound("The account was not found for the platform.");
        }
        SandboxFund fund = new SandboxFund();
        fund.id = ids.next("sandbox_fund_seq");
        fund.fundId = ids.fundId(fund.id);
        fund.platform = platform;
        fund.customer = customer;
        fund.accountIdentifier = identifier;
        fund.amount = amount;
        fund.ccToken = token;
        fund.createdAt = now();
        fund.persist();
        return fund;
    }

    private static long fundAmount(java.math.BigDecimal value) {
        long amount = RaasRequests.cents(value, "amount");
        if (amount > MAX_FUND_CENTS) {
            throw RaasException.validation("amount", "must be at most " + MAX_FUND_CENTS + " cents");
        }
        return amount;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).withNano(0);
    }
}
