package dev.accolade.storefront.scim;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.accolade.common.PublicUrl;

/**
 * What the service offers (RFC 7644 section 4): {@code ServiceProviderConfig}, {@code ResourceTypes}
 * and {@code Schemas}, describing exactly the attributes and operations the API supports; and a SCIM
 * 404 for any other address under {@code /scim/v2}.
 */
@Path("/scim/v2")
public class ScimDiscoveryResource {

    private final ScimJson json;
    private final ScimCaller caller;

    ScimDiscoveryResource(ScimJson json, ScimCaller caller) {
        this.json = json;
        this.caller = caller;
    }

    @GET
    @Path("ServiceProviderConfig")
    public Response serviceProviderConfig() {
        return json.response(200, caller.run(this::config));
    }

    @GET
    @Path("ResourceTypes")
    public Response resourceTypes() {
        return json.response(200, caller.run(() -> ScimPage.listResponse(json, 2, 1, resourceTypeList())));
    }

    @GET
    @Path("ResourceTypes/{name}")
    public Response resourceType(@PathParam("name") String name) {
        return json.response(200, caller.run(() -> resourceTypeList().stream()
                .filter(t -> t.get("id").asText().equals(name)).findFirst()
                .orElseThrow(() -> ScimError.notFound("No resource type " + name + "."))));
    }

    @GET
    @Path("Schemas")
    public Response schemas() {
        return json.response(200, caller.run(() -> ScimPage.listResponse(json, 3, 1, schemaList())));
    }

    @GET
    @Path("Schemas/{id}")
    public Response schema(@PathParam("id") String id) {
        return json.response(200, caller.run(() -> schemaList().stream().filter(s -> s.get("id").asText().equals(id))
                .findFirst().orElseThrow(() -> ScimError.notFound("No schema " + id + "."))));
    }

    /** Any other address under /scim/v2, by any method: a SCIM 404. */
    @GET
    @Path("{other: .+}")
    public Response otherGet(@PathParam("other") String other) {
        throw ScimError.notFound("No SCIM resource at /scim/v2/" + other + ".");
    }

    @POST
    @Path("{other: .+}")
    public Response otherPost(@PathParam("other") String other) {
        return otherGet(other);
    }

    @PUT
    @Path("{other: .+}")
    public Response otherPut(@PathParam("other") String other) {
        return otherGet(other);
    }

    @PATCH
    @Path("{other: .+}")
    public Response otherPatch(@PathParam("other") String other) {
        return otherGet(other);
    }

    @DELETE
    @Path("{other: .+}")
    public Response otherDelete(@PathParam("other") String other) {
        return otherGet(other);
    }

    private ObjectNode config() {
        ObjectNode c = json.newObject();
        c.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        c.putObject("patch").put("supported", true);
        c.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        c.putObject("filter").put("supported", true).put("maxResults", ScimPage.MAX);
        c.putObject("changePassword").put("supported", false);
        c.putObject("sort").put("supported", false);
        c.putObject("etag").put("supported", false);
        c.putArray("authenticationSchemes").addObject().put("type", "oauthbearertoken")
                .put("name", "Bearer token").put("description", "A token an Accolade administrator makes for the "
                        + "identity provider, sent as Authorization: Bearer.").put("primary", true);
        c.putObject("meta").put("resourceType", "ServiceProviderConfig")
                .put("location", PublicUrl.link("/scim/v2/ServiceProviderConfig"));
        return c;
    }

    private List<ObjectNode> resourceTypeList() {
        List<ObjectNode> types = new ArrayList<>();
        ObjectNode user = resourceType("User", "/Users", "Employees of the directory", ScimUsers.SCHEMA);
        user.putArray("schemaExtensions").addObject().put("schema", ScimUsers.ENTERPRISE).put("required", false);
        types.add(user);
        types.add(resourceType("Group", "/Groups", "Departments", ScimGroups.SCHEMA));
        return types;
    }

    private ObjectNode resourceType(String name, String endpoint, String description, String schema) {
        ObjectNode t = json.newObject();
        t.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
        t.put("id", name);
        t.put("name", name);
        t.put("endpoint", endpoint);
        t.put("description", description);
        t.put("schema", schema);
        t.putObject("meta").put("resourceType", "ResourceType").put("location",
                PublicUrl.link("/scim/v2/ResourceTypes/" + name));
        return t;
    }

    private List<ObjectNode> schemaList() {
        ObjectNode user = schema(ScimUsers.SCHEMA, "User", "An employee");
        ArrayNode u = (ArrayNode) user.get("attributes");
        u.add(attribute("userName", "string", true, "readWrite", "server"));
        ObjectNode name = attribute("name", "complex", false, "readWrite", "none");
        name.putArray("subAttributes").add(attribute("formatted", "string", false, "readWrite", "none"))
                .add(attribute("givenName", "string", false, "readWrite", "none"))
                .add(attribute("familyName", "string", false, "readWrite", "none"));
        u.add(name);
        u.add(attribute("displayName", "string", false, "readWrite", "none"));
        ObjectNode emails = attribute("emails", "complex", false, "readWrite", "server").put("multiValued", true);
        emails.putArray("subAttributes").add(attribute("value", "string", false, "readWrite", "server"))
                .add(attribute("type", "string", false, "readWrite", "none"))
                .add(attribute("primary", "boolean", false, "readWrite", "none"));
        u.add(emails);
        u.add(attribute("active", "boolean", false, "readWrite", "none"));
        ObjectNode groups = attribute("groups", "complex", false, "readOnly", "none").put("multiValued", true);
        groups.putArray("subAttributes").add(attribute("value", "string", false, "readOnly", "none"))
                .add(attribute("display", "string", false, "readOnly", "none"));
        u.add(groups);

        ObjectNode group = schema(ScimGroups.SCHEMA, "Group", "A department");
        ArrayNode g = (ArrayNode) group.get("attributes");
        g.add(attribute("displayName", "string", true, "readOnly", "server"));
        ObjectNode members = attribute("members", "complex", false, "readWrite", "none").put("multiValued", true);
        members.putArray("subAttributes").add(attribute("value", "string", false, "immutable", "none"))
                .add(attribute("display", "string", false, "readOnly", "none"));
        g.add(members);

        ObjectNode enterprise = schema(ScimUsers.ENTERPRISE, "EnterpriseUser", "The employee's department by name");
        ((ArrayNode) enterprise.get("attributes")).add(attribute("department", "string", false, "readWrite", "none"));
        return List.of(user, group, enterprise);
    }

    private ObjectNode schema(String id, String name, String description) {
        ObjectNode s = json.newObject();
        s.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Schema");
        s.put("id", id);
        s.put("name", name);
        s.put("description", description);
        s.putArray("attributes");
        s.putObject("meta").put("resourceType", "Schema").put("location", PublicUrl.link("/scim/v2/Schemas/" + id));
        return s;
    }

    private ObjectNode attribute(String name, String type, boolean required, String mutability, String uniqueness) {
        ObjectNode a = json.newObject();
        a.put("name", name);
        a.put("type", type);
        a.put("multiValued", false);
        a.put("required", required);
        a.put("caseExact", false);
        a.put("mutability", mutability);
        a.put("returned", "default");
        a.put("uniqueness", uniqueness);
        return a;
    }
}
