package dev.accolade.raas.sandbox;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Entities the sandbox must refuse cleanly, on every resource that reads one: too large (413), nested
 * too deeply, not UTF-8, not a JSON object, not JSON at all (400). Never a 500.
 */
@QuarkusTest
class SandboxEntityLimitsTest {

    static final int LIMIT = 64 * 1024;

    static Stream<String> resources() {
        return Stream.of("/raas/v1/accounts", "/raas/v1/funds", "/raas/v1/cc_register", "/raas/v1/cc_fund",
                "/raas/v1/cc_unregister", "/raas/v1/orders");
    }

    // ---- size ----

    @Test
    void anEntityOfExactly64KibIsRead() {
        String id = Raas.uniqueIdentifier();
        byte[] body = padded(Raas.accountJson(id, "CompanyA"), LIMIT);
        assertThat(body.length, equalTo(LIMIT));
        HttpResponse<String> response = post("/raas/v1/accounts", body);
        assertThat(response.body(), response.statusCode(), equalTo(201));
    }

    @ParameterizedTest
    @MethodSource("resources")
    void anEntityOver64KibIs413InTheSpecShape(String resource) {
        byte[] body = padded(Raas.accountJson(Raas.uniqueIdentifier(), "CompanyA"), LIMIT + 1);
        HttpResponse<String> response = post(resource, body);
        assertThat(response.body(), response.statusCode(), equalTo(413));
        assertSpecError(response);
    }

    @Test
    void anEntityOver64KibIsRefusedForItsCredentialsFirst() {
        // Every call needs credentials: an entity too large to read is 401 or 403 without good ones.
        byte[] body = padded(Raas.accountJson(Raas.uniqueIdentifier(), "CompanyA"), LIMIT + 1);
        HttpResponse<String> none = RawHttp.post("/raas/v1/accounts", body);
        assertThat(none.body(), none.statusCode(), equalTo(401));
        assertThat(none.headers().firstValue("WWW-Authenticate").orElse(""), startsWith("Basic realm="));
        assertSpecError(none);
        HttpResponse<String> wrong = RawHttp.post("/raas/v1/orders", body, "Authorization",
                RawHttp.basic(Raas.PLATFORM, "not-the-key"));
        assertThat(wrong.body(), wrong.statusCode(), equalTo(403));
        assertThat(wrong.headers().firstValue("X-Status-Reason").orElse(""), equalTo("Authentication failed"));
        assertSpecError(wrong);
    }

    @Test
    void anEntityOverTheServersOwnLimitIs413Too() {
        byte[] body = padded(Raas.accountJson(Raas.uniqueIdentifier(), "CompanyA"), 2 * 1024 * 1024);
        HttpResponse<String> response = post("/raas/v1/accounts", body);
        assertThat(response.body(), response.statusCode(), equalTo(413));
        assertSpecError(response);
    }

    @Test
    void aLargeEntityWithoutAContentLengthIs413Too() {
        byte[] body = padded(Raas.accountJson(Raas.uniqueIdentifier(), "CompanyA"), 200 * 1024);
        HttpResponse<String> response = RawHttp.send(HttpRequest.newBuilder(RawHttp.uri("/raas/v1/accounts"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))),
                "Authorization", RawHttp.demoAuth());
        assertThat(response.body(), response.statusCode(), equalTo(413));
        assertSpecError(response);
    }

    @Test
    void aHugeEntityWithoutAContentLengthIs413() {
        // Past the server-wide limit (quarkus.http.limits.max-body-size, 1 MiB) a chunked entity is
        // cut off by the HTTP layer while it is read, which answers 413 without a body.
        byte[] body = padded(Raas.accountJson(Raas.uniqueIdentifier(), "CompanyA"), 2 * 1024 * 1024);
        HttpResponse<String> response = RawHttp.send(HttpRequest.newBuilder(RawHttp.uri("/raas/v1/accounts"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))),
                "Authorization", RawHttp.demoAuth());
        assertThat(response.body(), response.statusCode(), equalTo(413));
    }

    // ---- depth ----

    @ParameterizedTest
    @MethodSource("resources")
    void tenThousandNestedArraysAre400(String resource) {
        String body = "[".repeat(10_000) + "]".repeat(10_000);
        HttpResponse<String> response = post(resource, body.getBytes(StandardCharsets.US_ASCII));
        assertThat(response.body(), response.statusCode(), equalTo(400));
        assertSpecError(response);
    }

    @Test
    void deepNestingInsideAFieldIs400() {
        String nested = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        String body = "{\"identifier\": \"" + Raas.uniqueIdentifier()
                + "\", \"email\": \"a@example.com\", \"customer\": \"CompanyA\", \"extra\": " + nested + "}";
        assertThat(body.length(), lessThan(LIMIT));
        HttpResponse<String> response = post("/raas/v1/accounts", body.getBytes(StandardCharsets.US_ASCII));
        assertThat(response.body(), response.statusCode(), equalTo(400));
        assertSpecError(response);
    }

    @Test
    void ordinaryNestingIsRead() {
        String body = "{\"identifier\": \"" + Raas.uniqueIdentifier()
                + "\", \"email\": \"a@example.com\", \"customer\": \"CompanyA\", \"extra\": "
                + "[".repeat(20) + "]".repeat(20) + "}";
        HttpResponse<String> response = post("/raas/v1/accounts", body.getBytes(StandardCharsets.US_ASCII));
        assertThat(response.body(), response.statusCode(), equalTo(201));
    }

    // ---- encoding ----

    @ParameterizedTest
    @MethodSource("resources")
    void latin1TextIs400(String resource) {
        byte[] body = Raas.accountJson(Raas.uniqueIdentifier(), "Société Générale")
                .getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = post(resource, body, "Content-Type", "application/json; charset=ISO-8859-1");
        assertThat(response.body(), response.statusCode(), equalTo(400));
        assertSpecError(response);
    }

    static Stream<Arguments> malformedUtf8() {
        return Stream.of(
                Arguments.of("an invalid byte", new byte[] { (byte) 0xFF, (byte) 0xFE }),
                Arguments.of("a truncated sequence", new byte[] { (byte) 0xC3 }),
                Arguments.of("an overlong slash", new byte[] { (byte) 0xC0, (byte) 0xAF }),
                Arguments.of("an encoded surrogate", new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedUtf8")
    void malformedUtf8Is400(String what, byte[] bad) {
        byte[] before = ("{\"identifier\": \"" + Raas.uniqueIdentifier() + "\", \"email\": \"a@example.com\", "
                + "\"customer\": \"Comp").getBytes(StandardCharsets.US_ASCII);
        byte[] after = "anyA\"}".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(before);
        body.writeBytes(bad);
        body.writeBytes(after);
        HttpResponse<String> response = post("/raas/v1/accounts", body.toByteArray());
        assertThat(response.body(), response.statusCode(), equalTo(400));
        assertSpecError(response);
    }

    @Test
    void utf16Is400() {
        byte[] body = Raas.accountJson(Raas.uniqueIdentifier(), "CompanyA").getBytes(Charset.forName("UTF-16"));
        HttpResponse<String> response = post("/raas/v1/accounts", body);
        assertThat(response.body(), response.statusCode(), equalTo(400));
        assertSpecError(response);
    }

    @Test
    void utf8TextWithAndWithoutAByteOrderMarkIsRead() {
        String id = Raas.uniqueIdentifier();
        HttpResponse<String> plain = post("/raas/v1/accounts",
                Raas.accountJson(id, "Société Générale").getBytes(StandardCharsets.UTF_8));
        assertThat(plain.body(), plain.statusCode(), equalTo(201));
        assertThat(JsonPath.from(plain.body()).getString("account.customer"), equalTo("Société Générale"));

        byte[] json = Raas.accountJson(Raas.uniqueIdentifier(), "CompanyA").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        HttpResponse<String> bom = post("/raas/v1/accounts", withBom);
        assertThat(bom.body(), bom.statusCode(), equalTo(201));
    }

    // ---- not a JSON object ----

    static Stream<Arguments> notAnObject() {
        String[] bodies = { "[]", "[{}]", "42", "\"text\"", "true", "null" };
        return resources().flatMap(r -> Arrays.stream(bodies).map(b -> Arguments.of(r, b)));
    }

    @ParameterizedTest
    @MethodSource("notAnObject")
    void aJsonValueThatIsNotAnObjectIs400(String resource, String body) {
        HttpResponse<String> response = post(resource, body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.body(), response.statusCode(), equalTo(400));
        assertSpecError(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ",
            "{\"identifier\": \"abcdef\"",
            "{'identifier': 'abcdef'}",
            "{\"identifier\": \"abcdef\"} {}",
            "{\"identifier\": \"abcdef\", \"identifier\": \"ghijkl\"}",
            "{\"identifier\": \"abcdef\" /* comment */}",
            "{\"amount\": NaN}",
            "identifier=abcdef&email=a%40example.com",
            "<account><identifier>abcdef</identifier></account>" })
    void anEntityThatIsNotJsonIs400(String body) {
        for (String resource : resources().toList()) {
            HttpResponse<String> response = post(resource, body.getBytes(StandardCharsets.UTF_8));
            assertThat(resource + " " + response.body(), response.statusCode(), equalTo(400));
            assertSpecError(response);
        }
    }

    @Test
    void aNumberWithHundredsOfDigitsIs400() {
        String body = "{\"customer\": \"CompanyA\", \"account_identifier\": \"abcdef\", \"amount\": 1"
                + "0".repeat(500) + "}";
        HttpResponse<String> response = post("/raas/v1/funds", body.getBytes(StandardCharsets.US_ASCII));
        assertThat(response.body(), response.statusCode(), greaterThanOrEqualTo(400));
        assertThat(response.body(), response.statusCode(), lessThan(500));
        assertSpecError(response);
    }

    private static HttpResponse<String> post(String resource, byte[] body, String... headers) {
        String[] all = Stream.concat(Stream.of("Authorization", RawHttp.demoAuth()), Arrays.stream(headers))
                .toArray(String[]::new);
        return RawHttp.post(resource, body, all);
    }

    /** A valid account entity, padded with an unknown field to exactly {@code size} bytes. */
    static byte[] padded(String json, int size) {
        String head = json.substring(0, json.lastIndexOf('}')) + ", \"padding\": \"";
        String tail = "\"}";
        int fill = size - head.getBytes(StandardCharsets.UTF_8).length - tail.length();
        return (head + "x".repeat(fill) + tail).getBytes(StandardCharsets.UTF_8);
    }

    private static void assertSpecError(HttpResponse<String> response) {
        assertThat(response.body(), response.headers().firstValue("Content-Type").orElse(""),
                startsWith("application/json"));
        JsonPath body = JsonPath.from(response.body());
        assertThat(response.body(), body.getBoolean("success"), equalTo(false));
        assertThat(response.body(), body.getString("error_message"), notNullValue());
    }
}
