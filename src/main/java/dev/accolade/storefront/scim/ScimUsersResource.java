package dev.accolade.storefront.scim;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /scim/v2/Users} (RFC 7644 section 3): create, read, replace, patch, deactivate, list and filter. */
@Path("/scim/v2/Users")
public class ScimUsersResource {

    private final ScimUsers users;
    private final ScimCaller caller;
    private final ScimJson json;

    ScimUsersResource(ScimUsers users, ScimCaller caller, ScimJson json) {
        this.users = users;
        this.caller = caller;
        this.json = json;
    }

    @GET
    public Response list(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count) {
        return json.response(200, caller.run(() -> users.list(filter, startIndex, count)));
    }

    @POST
    public Response create(String body) {
        ObjectNode created = caller.run(() -> users.create(json.object(body)));
        return Response.fromResponse(json.response(201, created))
                .header("Location", created.path("meta").path("location").asText()).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return json.response(200, caller.run(() -> users.get(id)));
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, String body) {
        return json.response(200, caller.run(() -> users.replace(id, json.object(body))));
    }

    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, String body) {
        return json.response(200, caller.run(() -> users.patch(id, json.object(body))));
    }

    /** Deactivates the employee (their history stays): see {@link ScimUsers#delete}. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        caller.run(() -> {
            users.delete(id);
            return null;
        });
        return Response.noContent().build();
    }
}
