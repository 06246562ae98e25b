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

/** {@code /scim/v2/Groups}: departments as groups; membership moves employees between departments. */
@Path("/scim/v2/Groups")
public class ScimGroupsResource {

    private final ScimGroups groups;
    private final ScimCaller caller;
    private final ScimJson json;

    ScimGroupsResource(ScimGroups groups, ScimCaller caller, ScimJson json) {
        this.groups = groups;
        this.caller = caller;
        this.json = json;
    }

    @GET
    public Response list(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count) {
        return json.response(200, caller.run(() -> groups.list(filter, startIndex, count)));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return json.response(200, caller.run(() -> groups.get(id)));
    }

    @POST
    public Response create(String body) {
        throw caller.run(() -> groups.create(json.object(body)));
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, String body) {
        return json.response(200, caller.run(() -> groups.replace(id, json.object(body))));
    }

    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, String body) {
        return json.response(200, caller.run(() -> groups.patch(id, json.object(body))));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        caller.run(() -> ScimGroups.department(id));
        throw new ScimError(403, null, "Departments are removed in Accolade by an administrator, not through SCIM.");
    }
}
