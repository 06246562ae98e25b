package dev.accolade.storefront.scim;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.directory.Employee;
import dev.accolade.storefront.security.AppUser;

/**
 * SCIM provisioning driven by a real SCIM 2 client (UnboundID's SDK), as an identity provider would:
 * create, read, filter, patch, replace, deactivate, groups as departments, discovery, and refusals.
 */
@QuarkusTest
class ScimClientTest {

    @TestHTTPResource("/scim/v2")
    String base;

    Client client;
    ScimService scim;
    String token;

    /** Makes a token on the admin page, as an administrator would, and reads it from the page (shown once). */
    static String makeToken(String name) {
        Browser admin = Browser.signedIn("admin@accolade.test");
        admin.get("/admin/scim");
        admin.post("/admin/scim/tokens", "name", name).then().statusCode(303);
        String page = admin.get("/admin/scim").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("id=\"scim-token\">(acs_[A-Za-z0-9_-]+)<").matcher(page);
        assertTrue(m.find(), page);
        admin.get("/admin/scim").then().body(not(containsString(m.group(1))));
        return m.group(1);
    }

    @BeforeEach
    void connect() {
        token = makeToken("Test IdP " + System.nanoTime());
        client = ClientBuilder.newClient().register((ClientRequestFilter) request -> request.getHeaders()
                .putSingle("Authorization", "Bearer " + token));
        scim = new ScimService(client.target(base));
    }

    @AfterEach
    void close() {
        client.close();
    }

    static UserResource newUser(String email, String given, String family) {
        UserResource u = new UserResource();
        u.setUserName(email);
        u.setName(new Name().setGivenName(given).setFamilyName(family));
        u.setEmails(List.of(new Email().setValue(email).setType("work").setPrimary(true)));
        u.setActive(true);
        u.setExternalId("idp-" + email);
        return u;
    }

    static UserResource inDepartment(UserResource u, String department) throws Exception {
        com.unboundid.scim2.common.types.EnterpriseUserExtension e = new com.unboundid.scim2.common.types.EnterpriseUserExtension();
        e.setDepartment(department);
        u.setExtension(e);
        return u;
    }

    static Employee employee(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Employee.findByEmail(email).map(e -> {
            e.department.name.length();
            return e;
        }).orElse(null));
    }

    @Test
    void createReadFilterPatchReplaceAndDeactivateAUser() throws Exception {
        String email = "scim." + System.nanoTime() + "@accolade.test";
        UserResource created = scim.create("Users", inDepartment(newUser(email, "Hedy", "Lamarr"), "engineering"));
        assertNotNull(created.getId());
        assertEquals(email, created.getUserName());
        assertEquals("Hedy Lamarr", created.getDisplayName());
        assertEquals(Boolean.TRUE, created.getActive());
        Employee e = employee(email);
        assertEquals("Hedy Lamarr", e.name);
        assertEquals("Engineering", e.department.name);
        assertEquals("idp-" + email, e.externalId);

        UserResource read = scim.retrieve("Users", created.getId(), UserResource.class);
        assertEquals(email, read.getEmails().get(0).getValue());
        assertEquals("Engineering", read.getGroups().get(0).getDisplay());

        ListResponse<UserResource> byUserName = scim.searchRequest("Users")
                .filter("userName eq \"" + email.toUpperCase() + "\"").invoke(UserResource.class);
        assertEquals(1, byUserName.getTotalResults());
        assertEquals(created.getId(), byUserName.getResources().get(0).getId());
        ListResponse<UserResource> byEmail = scim.searchRequest("Users").filter("emails.value eq \"" + email + "\"")
                .invoke(UserResource.class);
        assertEquals(1, byEmail.getTotalResults());
        assertEquals(0, scim.searchRequest("Users").filter("userName eq \"nobody@accolade.test\"")
                .invoke(UserResource.class).getTotalResults());

        UserResource patched = scim.modifyRequest("Users", created.getId()).replaceValue("displayName", "Hedy K. Lamarr")
                .invoke(UserResource.class);
        assertEquals("Hedy K. Lamarr", patched.getDisplayName());
        assertEquals("Hedy K. Lamarr", employee(email).name);

        read = scim.retrieve("Users", created.getId(), UserResource.class);
        read.setDisplayName("Hedy Lamarr");
        read.setName(null);
        UserResource replaced = scim.replace(read);
        assertEquals("Hedy Lamarr", replaced.getDisplayName());
        assertEquals("Engineering", employee(email).department.name, "a replace without a department keeps it");

        UserResource deactivated = scim.modifyRequest("Users", created.getId()).replaceValue("active", false)
                .invoke(UserResource.class);
        assertEquals(Boolean.FALSE, deactivated.getActive());
        assertFalse(employee(email).active);
        Browser.signedIn("manager@accolade.test").get("/send/colleagues?recipientEmail=" + email).then()
                .body(not(containsString(email)));
        assertEquals(Boolean.FALSE, scim.retrieve("Users", created.getId(), UserResource.class).getActive(),
                "a deactivated user is still there, with their history");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = 'EMPLOYEE_DEACTIVATE' and target = ?1 and actor like 'scim:%'", email) == 1));

        scim.modifyRequest("Users", created.getId()).replaceValue("active", true).invoke(UserResource.class);
        assertTrue(employee(email).active);
    }

    @Test
    void deactivatingAUserWhoSignsInEndsTheirSessions() throws Exception {
        String email = "scim.signsin." + System.nanoTime() + "@accolade.test";
        UserResource created = scim.create("Users", inDepartment(newUser(email, "Alan", "Kay"), "Engineering"));
        QuarkusTransaction.requiringNew().run(() -> {
            AppUser u = new AppUser();
            u.email = email;
            u.displayName = "Alan Kay";
            u.passwordHash = io.quarkus.elytron.security.common.BcryptUtil.bcryptHash("accolade-demo");
            u.role = dev.accolade.storefront.security.Role.MANAGER;
            u.departmentId = Department.findByName("Engineering").orElseThrow().id;
            u.createdAt = java.time.OffsetDateTime.now();
            u.persist();
        });
        Browser session = Browser.signedIn(email);
        session.get("/profile").then().statusCode(200);
        scim.delete("Users", created.getId());
        session.get("/profile").then().statusCode(303);
        assertFalse(QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(email).orElseThrow().enabled));
        assertFalse(employee(email).active);
    }

    @Test
    void groupsAreDepartmentsAndMembershipMovesTheEmployee() throws Exception {
        ListResponse<GroupResource> sales = scim.searchRequest("Groups").filter("displayName eq \"Sales\"")
                .invoke(GroupResource.class);
        assertEquals(1, sales.getTotalResults());
        String salesId = sales.getResources().get(0).getId();
        String email = "scim.mover." + System.nanoTime() + "@accolade.test";
        UserResource u = scim.create("Users", inDepartment(newUser(email, "Moving", "Person"), "Engineering"));

        com.fasterxml.jackson.databind.node.ObjectNode member = com.unboundid.scim2.common.utils.JsonUtils
                .getJsonNodeFactory().objectNode().put("value", u.getId());
        GroupResource group = scim.modifyRequest("Groups", salesId).addValues("members", member)
                .invoke(GroupResource.class);
        assertEquals("Sales", employee(email).department.name);
        assertTrue(group.getMembers().stream().anyMatch(m -> m.getValue().equals(u.getId())));
        assertEquals("Sales", scim.retrieve("Users", u.getId(), UserResource.class).getGroups().get(0).getDisplay());

        ScimException rename = assertThrows(ScimException.class, () -> scim.modifyRequest("Groups", salesId)
                .replaceValue("displayName", "Revenue").invoke(GroupResource.class));
        assertEquals(400, rename.getScimError().getStatus());
        assertEquals("mutability", rename.getScimError().getScimType());
        GroupResource newGroup = new GroupResource();
        newGroup.setDisplayName("Marketing");
        ScimException create = assertThrows(ScimException.class, () -> scim.create("Groups", newGroup));
        assertEquals(403, create.getScimError().getStatus());
    }

    @Test
    void discoveryDescribesWhatIsSupported() throws Exception {
        ServiceProviderConfigResource config = scim.getServiceProviderConfig();
        assertTrue(config.getPatch().isSupported());
        assertTrue(config.getFilter().isSupported());
        assertFalse(config.getBulk().isSupported());
        ListResponse<ResourceTypeResource> types = scim.getResourceTypes();
        assertEquals(2, types.getTotalResults());
        assertEquals("/Users", scim.getResourceType("User").getEndpoint().toString());
        ListResponse<SchemaResource> schemas = scim.getSchemas();
        assertEquals(3, schemas.getTotalResults());
        assertTrue(scim.getSchema(ScimUsers.SCHEMA).getAttributes().stream().anyMatch(a -> a.getName().equals("active")));
    }

    @Test
    void pagingCountsFromOne() throws Exception {
        for (int i = 0; i < 3; i++) {
            scim.create("Users", inDepartment(newUser("page" + i + "." + System.nanoTime() + "@accolade.test", "Page",
                    "Person " + i), "People"));
        }
        ListResponse<UserResource> all = scim.searchRequest("Users").page(1, 200).invoke(UserResource.class);
        ListResponse<UserResource> second = scim.searchRequest("Users").page(2, 2).invoke(UserResource.class);
        assertEquals(all.getTotalResults(), second.getTotalResults());
        assertEquals(2, second.getItemsPerPage());
        assertEquals(2, second.getStartIndex());
        assertEquals(all.getResources().get(1).getId(), second.getResources().get(0).getId());
        assertEquals(all.getResources().get(2).getId(), second.getResources().get(1).getId());
    }

    @Test
    void refusalsAreScimErrors() throws Exception {
        String email = "scim.dup." + System.nanoTime() + "@accolade.test";
        scim.create("Users", inDepartment(newUser(email, "Dup", "Licate"), "Engineering"));
        ScimException duplicate = assertThrows(ScimException.class,
                () -> scim.create("Users", inDepartment(newUser(email, "Dup", "Licate"), "Engineering")));
        assertEquals(409, duplicate.getScimError().getStatus());
        assertEquals("uniqueness", duplicate.getScimError().getScimType());

        ScimException noDepartment = assertThrows(ScimException.class,
                () -> scim.create("Users", newUser("nodept." + System.nanoTime() + "@accolade.test", "No", "Dept")));
        assertEquals(400, noDepartment.getScimError().getStatus());
        assertTrue(noDepartment.getScimError().getDetail().contains("department"));

        ScimException missing = assertThrows(ScimException.class, () -> scim.retrieve("Users", "999999999", UserResource.class));
        assertEquals(404, missing.getScimError().getStatus());
        ScimException filter = assertThrows(ScimException.class, () -> scim.searchRequest("Users")
                .filter("userName co \"ada\"").invoke(UserResource.class));
        assertEquals(400, filter.getScimError().getStatus());
        assertEquals("invalidFilter", filter.getScimError().getScimType());
    }

    @Test
    void aBadOrRevokedTokenIsRefusedWith401() throws Exception {
        Client wrong = ClientBuilder.newClient().register((ClientRequestFilter) request -> request.getHeaders()
                .putSingle("Authorization", "Bearer acs_not-a-token"));
        try {
            ScimException refused = assertThrows(ScimException.class,
                    () -> new ScimService(wrong.target(base)).retrieve("Users", "1", UserResource.class));
            assertEquals(401, refused.getScimError().getStatus());
        } finally {
            wrong.close();
        }
        long id = QuarkusTransaction.requiringNew().call(() -> ScimToken.<ScimToken>find("tokenHash",
                ScimTokens.hash(token)).firstResult().id);
        Browser admin = Browser.signedIn("admin@accolade.test");
        admin.get("/admin/scim");
        admin.post("/admin/scim/tokens/" + id + "/revoke").then().statusCode(303);
        ScimException revoked = assertThrows(ScimException.class, () -> scim.retrieve("Users", "1", UserResource.class));
        assertEquals(401, revoked.getScimError().getStatus());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = 'SCIM_TOKEN_REVOKE'") >= 1
                && AuditEvent.count("action = 'SCIM_TOKEN_CREATE'") >= 1));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ScimToken.count("tokenHash = ?1", ScimTokens.hash(token)) == 1
                && ScimToken.count("tokenHash = ?1", token) == 0), "only the hash is kept");
    }
}
