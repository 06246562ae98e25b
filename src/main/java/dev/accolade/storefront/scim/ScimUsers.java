package dev.accolade.storefront.scim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.accolade.common.EmailAddress;
import dev.accolade.common.PlainText;
import dev.accolade.common.PublicUrl;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.directory.Employee;
import dev.accolade.storefront.directory.EmployeeLifecycle;

/**
 * SCIM Users (RFC 7643 section 4.1) as employees: {@code id} is the employee's, {@code userName} and the
 * primary email are their email address, {@code active} is whether they are in the directory as a
 * recipient, and the department is the group they belong to (read-only here; set through
 * {@code Groups} or the enterprise extension's {@code department}). Deactivating ({@code active: false},
 * or DELETE) goes through {@link EmployeeLifecycle}: out of the recipients, sign-in disabled, sessions
 * ended, history kept.
 */
@ApplicationScoped
public class ScimUsers {

    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final Set<String> FILTERS = Set.of("userName", "emails.value", "emails", "externalId", "id");

    private final EmployeeLifecycle lifecycle;
    private final AuditTrail audit;
    private final ScimJson json;
    private final Optional<String> defaultDepartment;

    ScimUsers(EmployeeLifecycle lifecycle, AuditTrail audit, ScimJson json,
            @ConfigProperty(name = "accolade.scim.default-department") Optional<String> defaultDepartment) {
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.json = json;
        this.defaultDepartment = defaultDepartment;
    }

    /** What a request says of a user, each field null when it does not say. */
    static final class Fields {
        String userName;
        String email;
        String name;
        String givenName;
        String familyName;
        Boolean active;
        String externalId;
        boolean externalIdSet;
        String department;
    }

    @Transactional
    public ObjectNode create(ObjectNode body) {
        Fields f = new Fields();
        read(body, f, true);
        if (f.userName == null) {
            throw ScimError.invalidValue("userName is required.");
        }
        String email = email(f);
        if (Employee.findByEmail(email).isPresent()) {
            throw ScimError.uniqueness("An employee with the email address " + email + " exists already.");
        }
        Department d = department(f.department != null ? f.department : defaultDepartment.orElse(null));
        Employee e = new Employee();
        e.email = email;
        e.scimUserName = f.userName.equalsIgnoreCase(email) ? null : f.userName;
        e.name = name(f, null, email);
        e.department = d;
        e.externalId = f.externalId;
        e.persist();
        audit.record("EMPLOYEE_CREATE", e.email, "SUCCESS", "by SCIM: " + e.name + ", " + d.name);
        if (Boolean.FALSE.equals(f.active)) {
            lifecycle.deactivate(e, "by SCIM");
        }
        return user(e);
    }

    @Transactional
    public ObjectNode get(String id) {
        return user(employee(id));
    }

    @Transactional
    public ObjectNode replace(String id, ObjectNode body) {
        Employee e = employee(id);
        Fields f = new Fields();
        read(body, f, true);
        if (f.userName == null) {
            throw ScimError.invalidValue("userName is required.");
        }
        update(e, f, true);
        return user(e);
    }

    @Transactional
    public ObjectNode patch(String id, ObjectNode body) {
        Employee e = employee(id);
        Fields f = new Fields();
        for (ScimPatch.Operation op : ScimPatch.operations(body)) {
            apply(op, f, e);
        }
        update(e, f, false);
        return user(e);
    }

    /** DELETE: the employee is deactivated, never removed, so that their history stays. */
    @Transactional
    public void delete(String id) {
        lifecycle.deactivate(employee(id), "by SCIM (delete)");
    }

    @Transactional
    public ObjectNode list(String filter, String startIndex, String count) {
        ScimFilter f = ScimFilter.parse(filter, FILTERS);
        ScimPage page = ScimPage.of(startIndex, count);
        String where;
        Object value;
        if (f == null) {
            where = "1 = 1";
            value = null;
        } else {
            switch (f.attribute()) {
                case "userName" -> {
                    where = "(lower(e.scimUserName) = ?1 or (e.scimUserName is null and lower(e.email) = ?1))";
                    value = f.value().toLowerCase(Locale.ROOT);
                }
                case "externalId" -> {
                    where = "e.externalId = ?1";
                    value = f.value();
                }
                case "id" -> {
                    where = "e.id = ?1";
                    value = ScimPage.id(f.value()).orElse(-1L);
                }
                default -> {
                    where = "lower(e.email) = ?1";
                    value = f.value().toLowerCase(Locale.ROOT);
                }
            }
        }
        Object[] params = value == null ? new Object[0] : new Object[] { value };
        long total = Employee.count("from Employee e where " + where, params);
        List<Employee> found = page.count() == 0 ? List.of()
                : Employee.<Employee>find("select e from Employee e join fetch e.department where " + where
                        + " order by e.id", params).range(page.startIndex() - 1, page.startIndex() - 2 + page.count())
                        .list();
        List<ObjectNode> resources = new ArrayList<>();
        found.forEach(e -> resources.add(user(e)));
        return ScimPage.listResponse(json, total, page.startIndex(), resources);
    }

    private void update(Employee e, Fields f, boolean replace) {
        String before = e.name + " <" + e.email + ">, " + e.department.name;
        if (f.userName != null || f.email != null) {
            Fields current = new Fields();
            current.userName = f.userName != null ? f.userName : (e.scimUserName != null ? e.scimUserName : e.email);
            current.email = f.email;
            String email = f.email != null || f.userName != null && EmailAddress.Check.isEmail(f.userName)
                    ? email(current) : e.email;
            if (!email.equalsIgnoreCase(e.email) && Employee.find("lower(email) = ?1 and id <> ?2", email, e.id)
                    .firstResultOptional().isPresent()) {
                throw ScimError.uniqueness("Another employee has the email address " + email + ".");
            }
            e.email = email;
            e.scimUserName = current.userName.equalsIgnoreCase(email) ? null : current.userName;
        }
        if (f.name != null || f.givenName != null || f.familyName != null) {
            e.name = name(f, e.name, e.email);
        }
        if (f.externalIdSet || replace) {
            e.externalId = f.externalId;
        }
        if (f.department != null) {
            e.department = department(f.department);
        }
        String after = e.name + " <" + e.email + ">, " + e.department.name;
        if (!after.equals(before)) {
            audit.record("EMPLOYEE_UPDATE", e.email, "SUCCESS", "by SCIM: " + before + " -> " + after);
        }
        if (Boolean.FALSE.equals(f.active)) {
            lifecycle.deactivate(e, "by SCIM");
        } else if (Boolean.TRUE.equals(f.active) || replace && f.active == null) {
            lifecycle.reactivate(e, "by SCIM");
        }
    }

    /** Reads a whole user (POST, PUT) into the fields. */
    private static void read(ObjectNode body, Fields f, boolean whole) {
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            set(field.getKey(), field.getValue(), f, whole);
        }
    }

    /** One attribute of a user, by its name in any case; attributes Accolade does not keep are ignored. */
    private static void set(String attribute, JsonNode value, Fields f, boolean whole) {
        String a = attribute.toLowerCase(Locale.ROOT);
        switch (a) {
            case "username" -> f.userName = text(value, "userName", 255);
            case "displayname" -> f.name = text(value, "displayName", 200);
            case "active" -> f.active = bool(value);
            case "externalid" -> {
                f.externalId = value == null || value.isNull() ? null : text(value, "externalId", 255);
                f.externalIdSet = true;
            }
            case "name" -> {
                if (value != null && value.isObject()) {
                    value.fields().forEachRemaining(n -> set("name." + n.getKey(), n.getValue(), f, whole));
                } else if (value != null && !value.isNull()) {
                    throw ScimError.invalidValue("name must be an object (formatted, givenName, familyName).");
                }
            }
            case "name.formatted" -> {
                if (f.name == null) {
                    f.name = text(value, "name.formatted", 200);
                }
            }
            case "name.givenname" -> f.givenName = text(value, "name.givenName", 100);
            case "name.familyname" -> f.familyName = text(value, "name.familyName", 100);
            case "emails" -> f.email = primaryEmail(value);
            case "emails.value" -> f.email = text(value, "emails.value", 255);
            case "schemas", "id", "meta", "groups", "password", "name.middlename", "name.honorificprefix",
                    "name.honorificsuffix", "nickname", "title", "locale", "timezone", "preferredlanguage", "phonenumbers",
                    "addresses", "usertype", "profileurl", "photos", "ims", "entitlements", "roles",
                    "x509certificates" -> {
                // Read-only here (id, meta, groups) or not kept by Accolade: accepted and ignored.
            }
            default -> {
                if (a.equals(ENTERPRISE.toLowerCase(Locale.ROOT))) {
                    if (value != null && value.isObject()) {
                        JsonNode d = value.get("department");
                        if (d != null && !d.isNull()) {
                            f.department = text(d, "department", 120);
                        }
                    }
                } else if (a.equals((ENTERPRISE + ":department").toLowerCase(Locale.ROOT))) {
                    f.department = text(value, "department", 120);
                } else if (!a.startsWith("urn:")) {
                    throw ScimError.invalidValue("Unknown attribute " + attribute + " of a User.");
                }
            }
        }
    }

    /** One PATCH operation (RFC 7644 section 3.5.2), on the attributes Accolade keeps. */
    private static void apply(ScimPatch.Operation op, Fields f, Employee e) {
        if (op.path() == null) {
            if (op.op().equals("remove")) {
                throw ScimError.invalidPath("A remove operation needs a path.");
            }
            if (op.value() == null || !op.value().isObject()) {
                throw ScimError.invalidValue("An operation without a path needs an object value.");
            }
            op.value().fields().forEachRemaining(n -> set(n.getKey(), n.getValue(), f, false));
            return;
        }
        String path = op.path().strip();
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.matches("emails\\[\\s*type\\s+eq\\s+\"work\"\\s*]\\.value") || lower.equals("emails[primary eq true].value")) {
            lower = "emails.value";
        }
        if (op.op().equals("remove")) {
            switch (lower) {
                case "externalid" -> {
                    f.externalId = null;
                    f.externalIdSet = true;
                }
                default -> throw ScimError.mutability("The attribute " + path + " is required and cannot be removed.");
            }
            return;
        }
        switch (lower) {
            case "username", "displayname", "active", "externalid", "name", "name.formatted", "name.givenname",
                    "name.familyname", "emails", "emails.value" -> set(lower, op.value(), f, false);
            default -> {
                if (lower.equals((ENTERPRISE + ":department").toLowerCase(Locale.ROOT))) {
                    set(lower, op.value(), f, false);
                } else if (lower.equals(ENTERPRISE.toLowerCase(Locale.ROOT))) {
                    set(lower, op.value(), f, false);
                } else if (lower.startsWith("urn:") || lower.startsWith("name.") || lower.equals("title")
                        || lower.equals("nickname") || lower.startsWith("phonenumbers") || lower.startsWith("addresses")
                        || lower.equals("preferredlanguage") || lower.equals("locale") || lower.equals("timezone")) {
                    // Attributes Accolade does not keep: accepted and ignored, as for POST and PUT.
                } else {
                    throw ScimError.invalidPath("The path " + path + " is not an attribute Accolade can change.");
                }
            }
        }
    }

    private static String email(Fields f) {
        String email = f.email != null ? f.email : f.userName;
        email = email.strip().toLowerCase(Locale.ROOT);
        if (!EmailAddress.Check.isEmail(email)) {
            throw ScimError.invalidValue("\"" + email + "\" is not an email address: Accolade needs a work email, as "
                    + "userName or as the primary emails value.");
        }
        return email;
    }

    private static String name(Fields f, String current, String email) {
        String name = f.name;
        if (name == null && (f.givenName != null || f.familyName != null)) {
            String[] parts = current == null ? new String[] { "", "" } : current.split(" ", 2);
            String given = f.givenName != null ? f.givenName : parts[0];
            String family = f.familyName != null ? f.familyName : parts.length > 1 ? parts[1] : "";
            name = (given + " " + family).strip();
        }
        if (name == null || name.isBlank()) {
            if (current != null) {
                return current;
            }
            throw ScimError.invalidValue("A name is required: displayName, name.formatted or name.givenName and "
                    + "name.familyName (" + email + ").");
        }
        return name.strip();
    }

    private static Department department(String name) {
        if (name == null) {
            throw ScimError.invalidValue("Accolade needs each employee's department: add the user to a group "
                    + "(department) with the enterprise extension's department, or set accolade.scim.default-department.");
        }
        Optional<Department> found = Department.find("lower(name) = ?1", name.strip().toLowerCase(Locale.ROOT))
                .firstResultOptional();
        return found.orElseThrow(() -> ScimError.invalidValue("There is no department \"" + name
                + "\": departments are created in Accolade (each has its RaaS account)."));
    }

    static Employee employee(String id) {
        return ScimPage.id(id).map(n -> Employee.<Employee>findById(n))
                .orElseThrow(() -> ScimError.notFound("No user " + id + "."));
    }

    static String text(JsonNode value, String attribute, int max) {
        if (value == null || !value.isTextual()) {
            throw ScimError.invalidValue(attribute + " must be a string.");
        }
        String s = value.asText().strip();
        if (s.isEmpty() || s.length() > max) {
            throw ScimError.invalidValue(attribute + " must have 1 to " + max + " characters.");
        }
        if (!PlainText.Check.isPlain(s, false)) {
            throw ScimError.invalidValue(attribute + " holds a control character.");
        }
        return s;
    }

    private static Boolean bool(JsonNode value) {
        if (value != null && value.isBoolean()) {
            return value.booleanValue();
        }
        if (value != null && value.isTextual() && (value.asText().equalsIgnoreCase("true")
                || value.asText().equalsIgnoreCase("false"))) {
            return Boolean.valueOf(value.asText().toLowerCase(Locale.ROOT));
        }
        throw ScimError.invalidValue("active must be true or false.");
    }

    private static String primaryEmail(JsonNode value) {
        if (value == null || !value.isArray()) {
            throw ScimError.invalidValue("emails must be an array of {value, type, primary}.");
        }
        JsonNode chosen = null;
        for (JsonNode email : value) {
            if (!email.isObject()) {
                throw ScimError.invalidValue("emails must be an array of {value, type, primary}.");
            }
            if (chosen == null || email.path("primary").asBoolean(false)) {
                chosen = email;
            }
        }
        return chosen == null ? null : text(chosen.get("value"), "emails.value", 255);
    }

    /** The employee as a SCIM User. */
    ObjectNode user(Employee e) {
        ObjectNode u = json.newObject();
        u.putArray("schemas").add(SCHEMA).add(ENTERPRISE);
        u.put("id", e.id.toString());
        if (e.externalId != null) {
            u.put("externalId", e.externalId);
        }
        u.put("userName", e.scimUserName != null ? e.scimUserName : e.email);
        u.putObject("name").put("formatted", e.name);
        u.put("displayName", e.name);
        ArrayNode emails = u.putArray("emails");
        emails.addObject().put("value", e.email).put("type", "work").put("primary", true);
        u.put("active", e.active);
        u.putArray("groups").addObject().put("value", e.department.id.toString()).put("display", e.department.name)
                .put("$ref", PublicUrl.link("/scim/v2/Groups/" + e.department.id)).put("type", "direct");
        u.putObject(ENTERPRISE).put("department", e.department.name);
        u.putObject("meta").put("resourceType", "User").put("location", PublicUrl.link("/scim/v2/Users/" + e.id));
        return u;
    }
}
