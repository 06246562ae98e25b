package dev.accolade.storefront.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.accolade.common.PublicUrl;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.directory.Employee;

/**
 * SCIM Groups (RFC 7643 section 4.2) as departments: a group's members are the department's active
 * employees, and adding a user to a group moves the employee into that department. Departments
 * themselves are made in Accolade, each with its RaaS account, so a group cannot be created, renamed
 * or deleted through SCIM. An employee is always in exactly one department: removing a member leaves
 * them where they are until they are added to another group.
 */
@ApplicationScoped
public class ScimGroups {

    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final Set<String> FILTERS = Set.of("displayName", "id");

    private final AuditTrail audit;
    private final ScimJson json;

    ScimGroups(AuditTrail audit, ScimJson json) {
        this.audit = audit;
        this.json = json;
    }

    @Transactional
    public ObjectNode get(String id) {
        return group(department(id));
    }

    @Transactional
    public ObjectNode list(String filter, String startIndex, String count) {
        ScimFilter f = ScimFilter.parse(filter, FILTERS);
        ScimPage page = ScimPage.of(startIndex, count);
        List<Department> all = f == null ? Department.listByName()
                : f.attribute().equals("id") ? ScimPage.id(f.value()).map(n -> Department.<Department>findById(n))
                        .map(List::of).orElse(List.of())
                : Department.<Department>list("lower(name) = ?1", f.value().toLowerCase(Locale.ROOT));
        List<ObjectNode> resources = new ArrayList<>();
        all.stream().skip(page.startIndex() - 1L).limit(page.count()).forEach(d -> resources.add(group(d)));
        return ScimPage.listResponse(json, all.size(), page.startIndex(), resources);
    }

    /** PATCH: members added move into the department; its name is Accolade's to change. */
    @Transactional
    public ObjectNode patch(String id, ObjectNode body) {
        Department d = department(id);
        for (ScimPatch.Operation op : ScimPatch.operations(body)) {
            String path = op.path() == null ? null : op.path().strip().toLowerCase(Locale.ROOT);
            if (path == null && op.value() != null && op.value().isObject()) {
                JsonNode name = op.value().get("displayName");
                refuseRename(d, name);
                JsonNode members = op.value().get("members");
                if (members != null && !op.op().equals("remove")) {
                    addMembers(d, members);
                }
            } else if ("displayname".equals(path)) {
                refuseRename(d, op.value());
            } else if (path != null && path.startsWith("members")) {
                if (!op.op().equals("remove")) {
                    addMembers(d, op.value());
                } else {
                    // An employee always has one department: removing leaves them here until added elsewhere.
                    members(op).forEach(ScimGroups::userId);
                }
            } else if (path != null && path.startsWith("urn:")) {
                // an extension Accolade does not keep
            } else {
                throw ScimError.invalidPath("The path " + op.path() + " is not an attribute of a group Accolade can change.");
            }
        }
        return group(d);
    }

    /** PUT: the same name, and the members listed move into the department. */
    @Transactional
    public ObjectNode replace(String id, ObjectNode body) {
        Department d = department(id);
        refuseRename(d, body.get("displayName"));
        JsonNode members = body.get("members");
        if (members != null && !members.isNull()) {
            addMembers(d, members);
        }
        return group(d);
    }

    /** POST: a department of that name is the group; another name is for an administrator to create. */
    @Transactional
    public ScimError create(ObjectNode body) {
        String name = ScimUsers.text(body.get("displayName"), "displayName", 120);
        Optional<Department> existing = Department.find("lower(name) = ?1", name.toLowerCase(Locale.ROOT))
                .firstResultOptional();
        return existing.map(d -> ScimError.uniqueness("The department " + d.name + " exists as group " + d.id
                        + ": add members to it with PATCH /Groups/" + d.id + "."))
                .orElseGet(() -> new ScimError(403, null, "Departments are created in Accolade by an administrator, "
                        + "each with its RaaS account: ask for \"" + name + "\" to be created, then link the group."));
    }

    private static void refuseRename(Department d, JsonNode name) {
        if (name != null && !name.isNull() && !(name.isTextual() && name.asText().strip().equalsIgnoreCase(d.name))) {
            throw ScimError.mutability("Departments are renamed in Accolade, not through SCIM: the group's "
                    + "displayName stays \"" + d.name + "\".");
        }
    }

    private void addMembers(Department d, JsonNode members) {
        List<Long> ids = new ArrayList<>();
        if (members.isObject()) {
            ids.add(userId(members));
        } else if (members.isArray()) {
            for (JsonNode m : members) {
                ids.add(userId(m));
            }
        } else {
            throw ScimError.invalidValue("members must be an array of {\"value\": user id}.");
        }
        for (long userId : ids) {
            Employee e = Employee.findById(userId);
            if (e == null) {
                throw ScimError.invalidValue("There is no user " + userId + " to add to the group.");
            }
            if (!e.department.id.equals(d.id)) {
                String before = e.department.name;
                e.department = d;
                audit.record("EMPLOYEE_UPDATE", e.email, "SUCCESS", "by SCIM: department " + before + " -> " + d.name);
            }
        }
    }

    private static List<JsonNode> members(ScimPatch.Operation op) {
        List<JsonNode> list = new ArrayList<>();
        if (op.value() != null && op.value().isArray()) {
            op.value().forEach(list::add);
        }
        return list;
    }

    private static long userId(JsonNode member) {
        JsonNode value = member == null ? null : member.get("value");
        if (value == null || !value.isTextual() && !value.isIntegralNumber()) {
            throw ScimError.invalidValue("Each member is {\"value\": user id}.");
        }
        return ScimPage.id(value.asText()).orElseThrow(() -> ScimError.invalidValue("There is no user "
                + value.asText() + "."));
    }

    static Department department(String id) {
        return ScimPage.id(id).map(n -> Department.<Department>findById(n))
                .orElseThrow(() -> ScimError.notFound("No group " + id + "."));
    }

    ObjectNode group(Department d) {
        ObjectNode g = json.newObject();
        g.putArray("schemas").add(SCHEMA);
        g.put("id", d.id.toString());
        g.put("displayName", d.name);
        ArrayNode members = g.putArray("members");
        Employee.<Employee>list("department.id = ?1 and active = true order by id", d.id).forEach(e -> members.addObject()
                .put("value", e.id.toString()).put("display", e.name)
                .put("$ref", PublicUrl.link("/scim/v2/Users/" + e.id)).put("type", "User"));
        g.putObject("meta").put("resourceType", "Group").put("location", PublicUrl.link("/scim/v2/Groups/" + d.id));
        return g;
    }
}
