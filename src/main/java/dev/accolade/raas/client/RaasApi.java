package dev.accolade.raas.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;

/**
 * The RaaS v1 resources, one method each. Requests are typed records; answers come back as the raw
 * status, headers and bytes, and {@link RaasDecoder} alone turns them into records or typed
 * exceptions. That is deliberate: the framework's JSON reader reports a malformed body as an HTTP
 * 400, which on a write would turn "we cannot know" into a false "refused".
 * <p>
 * Sends {@code Content-Type} and {@code Accept: application/json} and HTTP Basic credentials from
 * {@code accolade.raas.platform-name} / {@code platform-key} ({@link RaasCredentials}). Only
 * {@link RaasClient} uses it.
 */
@RegisterRestClient(configKey = "raas")
@RegisterClientHeaders(RaasCredentials.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface RaasApi {

    @ClientObjectMapper
    static ObjectMapper objectMapper(ObjectMapper applicationMapper) {
        return RaasJson.MAPPER;
    }

    @POST
    @Path("accounts")
    RestResponse<byte[]> createAccount(AccountCreate request);

    @GET
    @Path("accounts/{customer}/{identifier}")
    RestResponse<byte[]> account(@PathParam("customer") String customer, @PathParam("identifier") String identifier);

    @POST
    @Path("funds")
    RestResponse<byte[]> fund(FundCreate request);

    @POST
    @Path("cc_register")
    RestResponse<byte[]> registerCard(CardRegister request);

    @POST
    @Path("cc_fund")
    RestResponse<byte[]> fundByCard(CardFund request);

    @POST
    @Path("cc_unregister")
    RestResponse<byte[]> unregisterCard(CardUnregister request);

    @GET
    @Path("rewards")
    RestResponse<byte[]> rewards();

    @POST
    @Path("orders")
    RestResponse<byte[]> placeOrder(OrderCreate request);

    @GET
    @Path("orders/{orderId}")
    RestResponse<byte[]> order(@PathParam("orderId") String orderId);

    /** Dates arrive already percent-encoded (see {@link RaasJson#queryDate}). */
    @GET
    @Path("orders")
    RestResponse<byte[]> orders(@QueryParam("start_date") @Encoded String startDate,
            @QueryParam("end_date") @Encoded String endDate,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @QueryParam("customer") String customer, @QueryParam("account_identifier") String accountIdentifier);

    @POST
    @Path("orders/{orderId}/resend")
    RestResponse<byte[]> resend(@PathParam("orderId") String orderId);
}
