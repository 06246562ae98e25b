package dev.accolade.raas.sandbox;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import dev.accolade.raas.sandbox.RaasRequests.Schema;
import dev.accolade.raas.sandbox.SandboxWire.CardDeleted;
import dev.accolade.raas.sandbox.SandboxWire.CardFund;
import dev.accolade.raas.sandbox.SandboxWire.CardRegister;
import dev.accolade.raas.sandbox.SandboxWire.CardRegistered;
import dev.accolade.raas.sandbox.SandboxWire.CardUnregister;
import dev.accolade.raas.sandbox.SandboxWire.FundCreate;
import dev.accolade.raas.sandbox.SandboxWire.FundReply;

/** RaaS v1 fund resources: {@code funds} (2013) and {@code cc_register}, {@code cc_fund}, {@code cc_unregister} (2015). */
@Path("/raas/v1")
public class RaasFundsResource {

    private final SandboxAccounts accounts;
    private final RaasRequests requests;
    private final RaasResponses responses;
    private final Caller caller;

    RaasFundsResource(SandboxAccounts accounts, RaasRequests requests, RaasResponses responses, Caller caller) {
        this.accounts = accounts;
        this.requests = requests;
        this.responses = responses;
        this.caller = caller;
    }

    @POST
    @Path("funds")
    public Response fund(byte[] entity) {
        FundCreate request = requests.bind(requests.read(entity, Schema.FUND_CREATE), FundCreate.class);
        SandboxFund fund = accounts.fund(caller.platform(), request);
        return responses.ok(new FundReply(fund.fundId, fund.amount));
    }

    @POST
    @Path("cc_register")
    public Response register(byte[] entity) {
        CardRegister request = requests.bind(requests.read(entity, Schema.CC_REGISTER), CardRegister.class);
        SandboxCard card = accounts.register(caller.platform(), request);
        return responses.ok(new CardRegistered(card.ccToken, card.activeAt.toEpochSecond()));
    }

    @POST
    @Path("cc_fund")
    public Response fundByCard(byte[] entity) {
        CardFund request = requests.bind(requests.read(entity, Schema.CC_FUND), CardFund.class);
        SandboxFund fund = accounts.fundByCard(caller.platform(), request);
        return responses.ok(new FundReply(fund.fundId, fund.amount));
    }

    @POST
    @Path("cc_unregister")
    public Response unregister(byte[] entity) {
        CardUnregister request = requests.bind(requests.read(entity, Schema.CC_UNREGISTER), CardUnregister.class);
        accounts.unregister(caller.platform(), request);
        return responses.ok(new CardDeleted("This card is no longer present in the system."));
    }
}
