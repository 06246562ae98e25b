package dev.accolade.raas.sandbox;

import java.net.URI;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.exception.ConstraintViolationException;

import dev.accolade.raas.sandbox.RaasRequests.Schema;
import dev.accolade.raas.sandbox.SandboxWire.Account;
import dev.accolade.raas.sandbox.SandboxWire.AccountCreate;
import dev.accolade.raas.sandbox.SandboxWire.AccountReply;
import dev.accolade.common.PublicUrl;

/** RaaS v1 account resources. */
@Path("/raas/v1/accounts")
public class RaasAccountsResource {

    private final SandboxAccounts accounts;
    private final RaasRequests requests;
    private final RaasResponses responses;
    private final Caller caller;

    RaasAccountsResource(SandboxAccounts accounts, RaasRequests requests, RaasResponses responses, Caller caller) {
        this.accounts = accounts;
        this.requests = requests;
        this.responses = responses;
        this.caller = caller;
    }

    @POST
    public Response create(byte[] entity, @Context UriInfo uri) {
        AccountCreate request = requests.bind(requests.read(entity, Schema.ACCOUNT_CREATE), AccountCreate.class);
        SandboxAccount account;
        try {
            account = accounts.create(caller.platform(), request);
        } catch (ConstraintViolationException e) {
            // Two creations raced; the unique constraint let exactly one through. Any other failure
            // is the sandbox's own error (500), not the caller's.
            if (e.getConstraintName() == null
                    || !e.getConstraintName().toLowerCase(Locale.ROOT).contains("sandbox_account_identifier_uk")) {
                throw e;
            }
            throw RaasException.exists("The account already exists for the platform.");
        }
        URI location = jakarta.ws.rs.core.UriBuilder.fromUri(PublicUrl.base()).path("raas/v1/accounts/{customer}/{identifier}")
                .build(account.customer, account.identifier);
        return responses.created(new AccountReply(Account.of(account)), location);
    }

    @GET
    @Path("{customer}/{identifier}")
    public Response get(@PathParam("customer") String customer, @PathParam("identifier") String identifier) {
        SandboxAccount account = accounts.find(caller.platform(), customer, identifier);
        return responses.ok(new AccountReply(Account.of(account)));
    }
}
