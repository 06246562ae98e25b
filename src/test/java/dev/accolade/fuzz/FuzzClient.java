package dev.accolade.fuzz;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One signed-in browser (or the RaaS platform) sending raw requests, so any byte can be sent as typed. */
final class FuzzClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    final String base;
    final String email;
    private final HttpClient http;
    volatile String csrf = "";

    FuzzClient(String base, String email) {
        this.base = base;
        this.email = email;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Signs in with the demo password (when there is an email) and reads the token the pages' forms carry. */
    FuzzClient signIn() {
        if (email != null) {
            HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
            csrf = token(login.body());
            send(form("/login", "email=" + enc(email) + "&password=accolade-demo&csrf-token=" + enc(csrf)));
            csrf = token(send(HttpRequest.newBuilder(URI.create(base + "/")).GET()).body());
        }
        return this;
    }

    /** Whether the session still opens the home page. */
    boolean signedIn() {
        return email == null || send(HttpRequest.newBuilder(URI.create(base + "/")).GET()).statusCode() == 200;
    }

    HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpRequest.Builder multipart(String path, Map<String, String> fields, String fileName, String content) {
        String boundary = "fuzz" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName.replace("\"", "%22").replace("\r", "").replace("\n", "")).append("\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n").append(content).append("\r\n--").append(boundary).append("--\r\n");
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(b.toString()));
    }

    static HttpRequest.Builder raas(String base, String method, String path, String json) {
        String auth = Base64.getEncoder().encodeToString("accolade-demo:sandbox-demo-key".getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + auth)
                .header("Accept", "application/json");
        if (json == null) {
            return b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String token(String html) {
        Matcher m = CSRF.matcher(html);
        return m.find() ? m.group(1) : "";
    }
}
