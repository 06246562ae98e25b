package dev.accolade.fuzz;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accolade.raas.sandbox.Raas;
import dev.accolade.storefront.directory.Department;

/**
 * The cases of a fuzz run and how each is sent. Every other field keeps a baseline value chosen so
 * that no case changes data the rest of the suite relies on: forms that would create or pay for
 * something carry an invalid email address or card number unless that field is the one fuzzed, and
 * pages that change one object work on a department and a user made for the run.
 */
final class FuzzCases {

    /** One input: an endpoint, who sends it, and the fields that hold hostile values (the rest keep their baseline). */
    record Case(Endpoints.Endpoint endpoint, String role, Map<String, String> fuzzed) {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(endpoint + " as " + role + " with");
            fuzzed.forEach((k, v) -> b.append(' ').append(k).append('=').append(HostileValues.jsonString(
                    v.length() > 60 ? v.substring(0, 60) + "…(" + v.length() + ")" : v)));
            return b.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLE = "\u0001FUZZ\u0001";

    private final String base;
    private final List<Endpoints.Endpoint> endpoints;
    private final Map<String, FuzzClient> clients = new LinkedHashMap<>();
    private final String departmentId;
    private final String userId;
    private final String customer;
    private final String account;
    private final String cardToken;

    FuzzCases(String base, List<Endpoints.Endpoint> endpoints) {
        this.base = base;
        this.endpoints = endpoints;
        clients.put("ADMIN", new FuzzClient(base, "admin@accolade.test").signIn());
        clients.put("MANAGER", new FuzzClient(base, "manager@accolade.test").signIn());
        clients.put("HR", new FuzzClient(base, "hr@accolade.test").signIn());
        clients.put("RAAS", new FuzzClient(base, null));
        departmentId = Long.toString(QuarkusTransaction.requiringNew().call(() -> {
            Department d = new Department();
            d.name = "Fuzz " + System.nanoTime();
            d.raasCustomer = "Accolade";
            d.raasAccountIdentifier = "fuzz-" + System.nanoTime();
            d.createdAt = OffsetDateTime.now();
            d.persist();
            return d.id;
        }));
        FuzzClient admin = clients.get("ADMIN");
        HttpResponse<String> created = admin.send(admin.form("/admin/users", "csrf-token=" + FuzzClient.enc(admin.csrf)
                + "&email=fuzz-" + System.nanoTime() + "%40accolade.test&displayName=Fuzz&role=MANAGER&department="
                + departmentId));
        String location = created.headers().firstValue("Location").orElse("/admin/users/999999999");
        userId = location.replaceAll(".*/admin/users/(\\d+).*", "$1");
        customer = Raas.uniqueCustomer();
        account = Raas.fundedAccount(customer, 100_000);
        cardToken = Raas.registerCard(customer, account);
    }

    /** Every endpoint with every hostile value in each of its fields, one field at a time. */
    List<Case> singleFieldCases() {
        List<Case> all = new ArrayList<>();
        int n = 0;
        for (Endpoints.Endpoint e : endpoints) {
            List<String> roles = roles(e);
            List<String> fields = fields(e);
            if (fields.isEmpty()) {
                all.add(new Case(e, roles.get(n++ % roles.size()), Map.of()));
            }
            for (String f : fields) {
                for (String v : f.startsWith("json:") ? HostileValues.JSON : HostileValues.TEXT) {
                    all.add(new Case(e, roles.get(n++ % roles.size()), Map.of(f, v)));
                }
            }
            if (e.json()) {
                for (String body : HostileValues.BODIES) {
                    all.add(new Case(e, "RAAS", Map.of("$body", body)));
                }
            }
        }
        return all;
    }

    /** An endpoint with hostile values in several of its fields at once. */
    Case combination(Random random) {
        Endpoints.Endpoint e = endpoints.get(random.nextInt(endpoints.size()));
        List<String> roles = roles(e);
        Map<String, String> fuzzed = new LinkedHashMap<>();
        for (String f : fields(e)) {
            if (random.nextBoolean()) {
                List<String> values = f.startsWith("json:") ? HostileValues.JSON : HostileValues.TEXT;
                fuzzed.put(f, values.get(random.nextInt(values.size())));
            }
        }
        return new Case(e, roles.get(random.nextInt(roles.size())), fuzzed);
    }

    private List<String> roles(Endpoints.Endpoint e) {
        return e.isApi() ? List.of("RAAS") : e.roles().stream().filter(clients::containsKey).sorted().toList();
    }

    private List<String> fields(Endpoints.Endpoint e) {
        List<String> f = new ArrayList<>();
        e.query().forEach(q -> f.add("query:" + q));
        e.path().forEach(p -> f.add("path:" + p));
        e.form().stream().filter(x -> !(e.file() && x.equals("file"))).forEach(x -> f.add("form:" + x));
        if (e.file()) {
            f.add("file:name");
            f.add("file:content");
        }
        if (e.json()) {
            leaves(tree(baselineJson(e.template())), "", f);
        }
        return f;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void leaves(JsonNode node, String prefix, List<String> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String name = it.next();
                leaves(node.get(name), prefix + name + ".", out);
            }
        } else {
            out.add("json:" + prefix.substring(0, prefix.length() - 1));
        }
    }

    HttpResponse<String> send(Case c) {
        Endpoints.Endpoint e = c.endpoint();
        FuzzClient client = clients.get(c.role());
        String path = e.template();
        for (String p : e.path()) {
            String v = c.fuzzed().getOrDefault("path:" + p, baselinePath(e.template(), p));
            path = path.replace("{" + p + "}", FuzzClient.enc(v));
        }
        StringBuilder query = new StringBuilder();
        for (String q : e.query()) {
            String v = c.fuzzed().getOrDefault("query:" + q, baseline(e, q));
            if (!v.isEmpty() || c.fuzzed().containsKey("query:" + q)) {
                query.append(query.length() == 0 ? "?" : "&").append(FuzzClient.enc(q)).append('=').append(FuzzClient.enc(v));
            }
        }
        String address = path + query;
        if (e.isApi()) {
            String body = e.json() ? body(e, c.fuzzed()) : null;
            return client.send(FuzzClient.raas(base, e.method(), address, body));
        }
        if (e.method().equals("GET")) {
            return client.send(HttpRequest.newBuilder(URI.create(base + address)).GET());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf-token", client.csrf);
        for (String f : e.form()) {
            if (!(e.file() && f.equals("file"))) {
                form.put(f, c.fuzzed().getOrDefault("form:" + f, baseline(e, f)));
            }
        }
        if (e.file()) {
            return client.send(client.multipart(address, form, c.fuzzed().getOrDefault("file:name", "people.csv"),
                    c.fuzzed().getOrDefault("file:content", "name,email,department,manager email\nAda,not-an-email,Nowhere,\n")));
        }
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(FuzzClient.enc(k)).append('=')
                .append(FuzzClient.enc(v)));
        return client.send(client.form(address, body.toString()).method(e.method(),
                HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Signs a role in again if its session ended (a fuzzed form may end it). */
    void keepSignedIn() {
        clients.values().forEach(c -> {
            if (!c.signedIn()) {
                c.signIn();
            }
        });
    }

    private String body(Endpoints.Endpoint e, Map<String, String> fuzzed) {
        if (fuzzed.containsKey("$body")) {
            return fuzzed.get("$body");
        }
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(baselineJson(e.template()));
            Map<String, String> raw = new LinkedHashMap<>();
            int i = 0;
            for (Map.Entry<String, String> f : fuzzed.entrySet()) {
                if (!f.getKey().startsWith("json:")) {
                    continue;
                }
                String[] steps = f.getKey().substring(5).split("\\.");
                ObjectNode at = root;
                for (int s = 0; s < steps.length - 1; s++) {
                    at = (ObjectNode) at.get(steps[s]);
                }
                String hole = HOLE + (i++);
                at.put(steps[steps.length - 1], hole);
                raw.put(JSON.writeValueAsString(hole), f.getValue());
            }
            String text = JSON.writeValueAsString(root);
            for (Map.Entry<String, String> r : raw.entrySet()) {
                text = text.replace(r.getKey(), r.getValue());
            }
            return text;
        } catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String baselineJson(String template) {
        return switch (template) {
            case "/raas/v1/accounts" -> Raas.accountJson(Raas.uniqueIdentifier(), customer);
            case "/raas/v1/funds" -> Raas.fundJson(customer, account, 100, Raas.APPROVED_CARD, Raas.FUTURE_MM_YY);
            case "/raas/v1/cc_register" -> Raas.registerJson(customer, account, Raas.APPROVED_CARD, Raas.FUTURE_YYYY_MM, "123");
            case "/raas/v1/cc_fund" -> Raas.ccFundJson(customer, account, 100, cardToken, "123");
            case "/raas/v1/cc_unregister" -> Raas.unregisterJson(customer, account, "no-such-token");
            case "/raas/v1/orders" -> Raas.orderJson(customer, account, "TNGO-E-V-STD", 100L);
            default -> "{}";
        };
    }

    private String baselinePath(String template, String name) {
        if (template.startsWith("/admin/accounts/{")) {
            return departmentId;
        }
        if (template.startsWith("/admin/users/{")) {
            return userId;
        }
        if (template.startsWith("/raas/v1/accounts/{")) {
            return name.equals("customer") ? customer : account;
        }
        return "999999999";
    }

    /** A field's value when another is fuzzed: valid where that changes nothing, invalid where it would. */
    private static String baseline(Endpoints.Endpoint e, String field) {
        return switch (field) {
            case "email", "recipientEmail" -> "not-an-email";
            case "password", "confirm" -> "correct horse battery staple";
            case "token" -> UUID.randomUUID().toString();
            case "amount" -> "25";
            case "threshold" -> "100";
            case "sku" -> "TNGO-E-V-STD";
            case "name", "displayName", "recipientName" -> "Fuzz Name";
            case "customer" -> "Ac";
            case "identifier" -> "bad id!";
            case "role" -> "MANAGER";
            case "number" -> "1234";
            case "expiry" -> "12/39";
            case "securityCode" -> "123";
            case "from" -> e.template().startsWith("/reconciliation") ? "2025-01-02" : "";
            case "to" -> e.template().startsWith("/reconciliation") ? "2025-01-01" : "";
            case "subject", "message", "firstName", "lastName", "address", "city" -> "Fuzz";
            case "state" -> "WA";
            case "zip" -> "99196";
            case "next" -> "/";
            default -> "";
        };
    }
}
