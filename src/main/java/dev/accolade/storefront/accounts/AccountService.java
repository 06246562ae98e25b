package dev.accolade.storefront.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accolade.common.Clocks;
import dev.accolade.common.Formats;
import dev.accolade.raas.client.AccountCreate;
import dev.accolade.raas.client.RaasAccount;
import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasFailure;
import dev.accolade.raas.client.RaasOutcomeUnknown;
import dev.accolade.raas.client.RaasUnavailable;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.directory.Department;

/**
 * Departments and their RaaS accounts. Creating an account that RaaS already has (409) links it
 * after reading it back, so submitting again after a lost answer is always safe.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    /** A department with what RaaS says about its account. */
    public record AccountView(Department department, Optional<RaasAccount> account, boolean missing,
            String problem) {

        public OptionalLong balance() {
            return account.map(a -> OptionalLong.of(a.availableBalance())).orElse(OptionalLong.empty());
        }

        /** Under the department's low-balance threshold (only when the balance is known). */
        public boolean low() {
            return account.isPresent() && account.get().availableBalance() < department.lowBalanceThreshold;
        }
    }

    /** What became of a request: a message for the page, and whether it worked. */
    public record Outcome(boolean ok, String message) {
    }

    private final RaasClient raas;
    private final AuditTrail audit;
    private final Clock clock;

    AccountService(RaasClient raas, AuditTrail audit, Clock clock) {
        this.raas = raas;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every department with its RaaS account and balance, read from RaaS now. */
    public List<AccountView> all() {
        List<Department> departments = QuarkusTransaction.requiringNew().call(Department::listByName);
        return departments.stream().map(this::view).collect(Collectors.toList());
    }

    public AccountView view(Department d) {
        try {
            return new AccountView(d, Optional.of(raas.account(d.raasCustomer, d.raasAccountIdentifier)), false, null);
        } catch (RaasFailure.NotFound e) {
            return new AccountView(d, Optional.empty(), true, "No account at RaaS yet.");
        } catch (RaasFailure e) {
            LOG.warnf("Account %s / %s: %s", d.raasCustomer, d.raasAccountIdentifier, e.getMessage());
            return new AccountView(d, Optional.empty(), false, "RaaS refused to show this account (HTTP " + e.status() + ").");
        } catch (RaasUnavailable e) {
            return new AccountView(d, Optional.empty(), false, "RaaS cannot be reached right now.");
        }
    }

    /**
     * Creates the RaaS account of a department (new or existing), linking RaaS's account when it
     * already exists under the same customer. A new department is stored only once RaaS has the account.
     */
    public Outcome open(Department draft, String email) {
        boolean isNew = draft.id == null;
        String target = draft.raasCustomer + " / " + draft.raasAccountIdentifier;
        String action;
        String detail;
        try {
            RaasAccount created = raas.createAccount(new AccountCreate(draft.raasCustomer, draft.raasAccountIdentifier, email));
            action = "RAAS_ACCOUNT_CREATE";
            detail = "department " + draft.name + ", balance " + Formats.dollars(created.availableBalance());
        } catch (RaasFailure.AlreadyExists exists) {
            Optional<RaasAccount> existing = existingAccount(draft);
            if (existing.isEmpty()) {
                record("RAAS_ACCOUNT_CREATE", target, "FAILED", "identifier taken by another customer");
                return new Outcome(false, "RaaS already has an account " + draft.raasAccountIdentifier
                        + " that does not belong to the customer " + draft.raasCustomer + ". Choose another identifier.");
            }
            action = "RAAS_ACCOUNT_LINK";
            detail = "department " + draft.name + ", existing account, balance "
                    + Formats.dollars(existing.get().availableBalance());
        } catch (RaasFailure.ValidationFailed e) {
            String fields = e.invalidInputs().stream().map(i -> i.field() + ": " + i.error())
                    .collect(Collectors.joining("; "));
            record("RAAS_ACCOUNT_CREATE", target, "FAILED", "validation failed: " + fields);
            return new Outcome(false, "RaaS refused the account: " + fields);
        } catch (RaasFailure e) {
            LOG.warnf("Account %s refused: %s", target, e.getMessage());
            record("RAAS_ACCOUNT_CREATE", target, "FAILED", "HTTP " + e.status());
            return new Outcome(false, "RaaS refused the account (HTTP " + e.status() + "). Nothing was created.");
        } catch (RaasOutcomeUnknown e) {
            record("RAAS_ACCOUNT_CREATE", target, "UNKNOWN", e.getMessage());
            return new Outcome(false, "RaaS did not confirm the account. Submit the form again: if RaaS did create "
                    + "it, Accolade links it.");
        } catch (RaasUnavailable e) {
            return new Outcome(false, "RaaS cannot be reached right now; nothing was created. Try again shortly.");
        }
        String finalAction = action;
        String finalDetail = detail;
        QuarkusTransaction.requiringNew().run(() -> {
            if (isNew) {
                draft.createdAt = Clocks.utcNow(clock);
                draft.persist();
                audit.record("DEPARTMENT_CREATE", draft.name, "SUCCESS",
                        "RaaS account " + target + ", low-balance threshold " + Formats.dollars(draft.lowBalanceThreshold));
            }
            audit.record(finalAction, target, "SUCCESS", finalDetail);
        });
        return new Outcome(true, finalAction.equals("RAAS_ACCOUNT_LINK")
                ? "RaaS already had the account " + draft.raasAccountIdentifier + "; it is now linked to " + draft.name + "."
                : "The RaaS account " + draft.raasAccountIdentifier + " of " + draft.name + " is created.");
    }

    private Optional<RaasAccount> existingAccount(Department d) {
        try {
            RaasAccount a = raas.account(d.raasCustomer, d.raasAccountIdentifier);
            return a.customer() == null || a.customer().equals(d.raasCustomer) ? Optional.of(a) : Optional.empty();
        } catch (RaasFailure.NotFound e) {
            return Optional.empty();
        } catch (RaasFailure | RaasUnavailable e) {
            LOG.warnf("Existing account %s / %s could not be read: %s", d.raasCustomer, d.raasAccountIdentifier,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** Changes a department's name and low-balance threshold. */
    public Outcome update(long departmentId, String name, long threshold) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Department d = Department.findById(departmentId);
            if (d == null) {
                return new Outcome(false, "This department no longer exists.");
            }
            Optional<Department> clash = Department.findByName(name);
            if (clash.isPresent() && !clash.get().id.equals(d.id)) {
                return new Outcome(false, "Another department is already called " + name + ".");
            }
            String before = d.name + ", threshold " + Formats.dollars(d.lowBalanceThreshold);
            d.name = name;
            d.lowBalanceThreshold = threshold;
            audit.record("DEPARTMENT_UPDATE", d.name, "SUCCESS",
                    before + " -> " + d.name + ", threshold " + Formats.dollars(threshold));
            return new Outcome(true, d.name + " is saved.");
        });
    }

    private void record(String action, String target, String outcome, String detail) {
        QuarkusTransaction.requiringNew().run(() -> audit.record(action, target, outcome, detail));
    }
}
