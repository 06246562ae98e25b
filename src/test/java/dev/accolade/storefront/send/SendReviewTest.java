package dev.accolade.storefront.send;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.demo.DemoRaasAccounts;
import dev.accolade.storefront.orders.RewardOrder;

/** The send form's way to the one POST: the review, "Edit", defaults, messages, and a session that ends. */
@QuarkusTest
class SendReviewTest {

    private static final Pattern FORM = Pattern.compile("<form [^>]*action=\"([^\"]*)\"[^>]*>(.*?)</form>",
            Pattern.DOTALL);
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    @Inject
    DemoRaasAccounts demoAccounts;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void accounts() {
        demoAccounts.ensure();
    }

    /** The fields a page's form (by its action) would submit: its hidden inputs, as a browser reads them. */
    static Map<String, String> hiddenFields(String html, String action) {
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            if (form.group(1).replace("&amp;", "&").equals(action)) {
                Map<String, String> fields = new LinkedHashMap<>();
                Matcher input = HIDDEN.matcher(form.group(2));
                while (input.find()) {
                    fields.put(input.group(1), unescape(input.group(2)));
                }
                return fields;
            }
        }
        throw new AssertionError("no form posting to " + action + " in " + html);
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** Posts exactly these fields (a page's own form, CSRF token included), as the browser would. */
    static Response submit(Browser b, String path, Map<String, String> fields, String referer) {
        RequestSpecification spec = b.request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        if (referer != null) {
            spec.header("Referer", referer);
        }
        fields.forEach(spec::formParam);
        return spec.post(path);
    }

    /** The send form posted to its review, as its Review button does: the address names the form's SKU. */
    static Response review(Browser b, String token, String sku, String name, String email, String amount,
            String subject, String message, String from) {
        return b.post("/send/review?sku=" + sku, typed(token, sku, name, email, amount, subject, message, from));
    }

    static Object[] typed(String token, String sku, String name, String email, String amount, String subject,
            String message, String from) {
        return new Object[] { "token", token, "sku", sku, "recipientName", name, "recipientEmail", email,
                "amount", amount, "subject", subject, "message", message, "from", from };
    }

    /** Text of exactly {@code length} characters (UTF-16 units, as the form's maxlength counts them). */
    static String text(String phrase, int length) {
        return phrase.repeat(length / phrase.length() + 1).substring(0, length);
    }

    static RewardOrder order(String location) {
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        return QuarkusTransaction.requiringNew().call(() -> RewardOrder.findById(id));
    }

    static long ordersWithToken(String token) {
        return QuarkusTransaction.requiringNew().call(() -> RewardOrder.count("sendToken", token));
    }

    @Test
    void maximumLengthJapaneseInEveryTextFieldGoesThroughReviewAndSend() {
        Browser b = Browser.signedIn("manager@accolade.test");
        String token = UUID.randomUUID().toString();
        String name = text("山田花子さん", 255);
        String domain = "@example.jp";
        String email = text("はなこ", 255 - domain.length()) + domain;
        String subject = text("いつもありがとうございます。", 255);
        // A browser counts each line break as one character against maxlength and submits it as CRLF.
        String message = text("素晴らしい発表でした。", 127) + "\r\n" + text("これからもよろしくお願いします。", 127);
        String from = text("エンジニアリング部一同より", 255);
        Object[] fields = typed(token, "TNGO-E-V-STD", name, email, "25.00", subject, message, from);
        int encoded = 0;
        for (int i = 0; i < fields.length; i += 2) {
            encoded += fields[i].toString().length() + 2 + URLEncoder.encode(fields[i + 1].toString(), StandardCharsets.UTF_8).length();
        }
        // As a GET's query string that was over twice the 4 KB request line Quarkus accepts (HTTP 414).
        assertTrue(encoded > 2 * 4096, "as a query string these fields are " + encoded + " characters long");

        // The form page's own hidden fields (CSRF token), then what was typed, sent as UTF-8 like a browser.
        Map<String, String> post = hiddenFields(b.get("/send?sku=TNGO-E-V-STD").then().statusCode(200).extract().asString(),
                "/send/review?sku=TNGO-E-V-STD");
        for (int i = 0; i < fields.length; i += 2) {
            post.put(fields[i].toString(), fields[i + 1].toString());
        }
        String review = submit(b, "/send/review?sku=TNGO-E-V-STD", post, null).then().statusCode(200)
                .body(containsString("Review your reward"))
                .body(containsString(name + " &lt;" + email + "&gt;"))
                .body(containsString(subject))
                .body(containsString(from + " via Tango Card"))
                .body(not(containsString("class=\"error\"")))
                .extract().asString();

        Response sent = submit(b, "/send", hiddenFields(review, "/send"), null);
        sent.then().statusCode(303).header("Location", containsString("/rewards/"));
        b.get(sent.getHeader("Location")).then().statusCode(200).body(containsString("Delivered"));
        RewardOrder order = order(sent.getHeader("Location"));
        assertEquals(token, order.sendToken);
        assertEquals(name, order.recipientName);
        assertEquals(email, order.recipientEmail);
        assertEquals(subject, order.rewardSubject);
        assertEquals(message.replace("\r\n", "\n"), order.rewardMessage);
        assertEquals(255, order.rewardMessage.length());
        assertEquals(from, order.rewardFrom);
        assertEquals(2500, order.amount);
    }

    @Test
    void aReviewAddressOpenedAgainLeadsBackToTheRewardsForm() {
        Browser b = Browser.signedIn("manager@accolade.test");
        b.get("/send/review?sku=APPL-E-1000-STD&token=" + UUID.randomUUID() + "&recipientEmail=ada.lovelace@accolade.test")
                .then().statusCode(303).header("Location", endsWith("/send?sku=APPL-E-1000-STD"));
        b.get("/send/review?sku=NO-SUCH-SKU").then().statusCode(303).header("Location", endsWith("/catalog"));
        b.get("/send").then().statusCode(303).header("Location", endsWith("/catalog"));
        b.get("/send?sku=NO-SUCH-SKU").then().statusCode(404).body(containsString("not in the catalog"));
    }

    @Test
    void editOnTheReviewBringsBackWhatWasTypedWithTheSameToken() {
        Browser b = Browser.signedIn("manager@accolade.test");
        String token = UUID.randomUUID().toString();
        String review = review(b, token, "TNGO-E-V-STD", "",
                "grace.hopper@accolade.test", "12.5", "Thanks & well done", "Line one\r\n<b>not bold</b>", "The team")
                .then().statusCode(200).body(containsString("Grace Hopper &lt;grace.hopper@accolade.test&gt;"))
                .extract().asString();

        String form = submit(b, "/send/edit?sku=TNGO-E-V-STD", hiddenFields(review, "/send/edit?sku=TNGO-E-V-STD"), null)
                .then().statusCode(200).body(containsString("Send Tango Card E-Custom"))
                .extract().asString();
        assertTrue(form.contains("name=\"token\" value=\"" + token + "\""), "the same one-time token");
        assertTrue(form.contains("value=\"grace.hopper@accolade.test\""));
        // The name was left for the directory to fill in: it stays empty, so another email gets its own name.
        assertTrue(Pattern.compile("id=\"recipientName\"[^>]*value=\"\"").matcher(form).find(), form);
        assertTrue(form.contains("value=\"12.5\""));
        assertTrue(form.contains("value=\"Thanks &amp; well done\""));
        assertTrue(form.contains(">Line one\r\n&lt;b&gt;not bold&lt;/b&gt;</textarea>") || form.contains(">Line one\n&lt;b&gt;not bold&lt;/b&gt;</textarea>"), form);
        assertTrue(form.contains("value=\"The team\""));

        // Changed and reviewed again, the form still sends once under its token.
        Map<String, String> edited = hiddenFields(form, "/send/review?sku=TNGO-E-V-STD");
        assertEquals(token, edited.get("token"));
        String again = review(b, token, "TNGO-E-V-STD", "",
                "alan.turing@accolade.test", "15", "Thanks & well done", "Line one", "The team")
                .then().statusCode(200).body(containsString("Alan Turing &lt;alan.turing@accolade.test&gt;"))
                .body(containsString("$15.00")).extract().asString();
        Response sent = submit(b, "/send", hiddenFields(again, "/send"), null);
        sent.then().statusCode(303);
        assertEquals("Alan Turing", order(sent.getHeader("Location")).recipientName);
        assertEquals(1, ordersWithToken(token));
    }

    @Test
    void aReviewResubmittedAfterTheSendGoesToTheSentRewardInsteadOfOfferingItAgain() {
        Browser b = Browser.signedIn("manager@accolade.test");
        String token = UUID.randomUUID().toString();
        Map<String, String> form = hiddenFields(b.get("/send?sku=APPL-E-1000-STD").then().statusCode(200).extract().asString(),
                "/send/review?sku=APPL-E-1000-STD");
        Object[] fields = typed(token, "APPL-E-1000-STD", "", "grace.hopper@accolade.test", "", "Thanks", "", "");
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i].toString(), fields[i + 1].toString());
        }
        String review = submit(b, "/send/review?sku=APPL-E-1000-STD", form, null).then().statusCode(200)
                .body(containsString("Nothing is sent until you confirm")).extract().asString();
        String location = submit(b, "/send", hiddenFields(review, "/send"), null).then().statusCode(303)
                .extract().header("Location");

        // Back to the review and reloaded: the browser posts the same form again.
        Response again = submit(b, "/send/review?sku=APPL-E-1000-STD", form, null);
        again.then().statusCode(303).header("Location", endsWith(location.substring(location.indexOf("/rewards/"))));
        b.request().cookie("accolade-flash", again.getCookie("accolade-flash"))
                .get(location.substring(location.indexOf("/rewards/"))).then().statusCode(200)
                .body(containsString("This form was already sent once, so nothing was sent again."))
                .body(not(containsString("Nothing is sent until you confirm")));
        // "Edit" on that old review page leads there too, not to a form that would send it again.
        submit(b, "/send/edit?sku=APPL-E-1000-STD", hiddenFields(review, "/send/edit?sku=APPL-E-1000-STD"), null)
                .then().statusCode(303).header("Location", endsWith(location.substring(location.indexOf("/rewards/"))));
        assertEquals(1, ordersWithToken(token));
    }

    @Test
    void anEmptyFromIsTheSignedInManagersNameSoTheRecipientKnowsWhoSentIt() {
        Browser b = Browser.signedIn("manager@accolade.test");
        b.get("/send?sku=APPL-E-1000-STD").then().statusCode(200)
                .body(containsString("id=\"from\" name=\"from\" type=\"text\" maxlength=\"255\" value=\"Morgan Manager\""));
        String token = UUID.randomUUID().toString();
        String review = review(b, token, "APPL-E-1000-STD", "",
                "katherine.johnson@accolade.test", "", "", "", "  ").then().statusCode(200)
                .body(containsString("Morgan Manager via Tango Card"))
                .body(containsString("Morgan Manager sent you a"))
                .body(not(containsString("Someone sent you")))
                .extract().asString();
        assertEquals("Morgan Manager", hiddenFields(review, "/send").get("from"));

        // Posted straight to the send (no review), an empty From is the manager's name too.
        String location = b.post("/send", typed(token, "APPL-E-1000-STD", "", "katherine.johnson@accolade.test",
                "", "", "", "")).getHeader("Location");
        assertEquals("Morgan Manager", order(location).rewardFrom);
        io.restassured.RestAssured.given().get("/raas-sandbox/inbox?q=katherine.johnson").then().statusCode(200)
                .body(containsString("From Morgan Manager ·"));
    }

    @Test
    void anAmountWithADecimalCommaIsRefusedNotReadAsThousands() {
        Browser b = Browser.signedIn("manager@accolade.test");
        for (String amount : new String[] { "5,00", "12,5", "$12,50" }) {
            review(b, UUID.randomUUID().toString(), "TNGO-E-V-STD", "",
                    "ada.lovelace@accolade.test", amount, "Thanks", "", "").then().statusCode(200)
                    .body(containsString("id=\"amount-error\">Use a point for cents, as in 12.50 (a comma only separates "
                            + "thousands, as in 1,250.00).<"))
                    .body(not(containsString("Send reward</button>")));
        }
        // A thousands separator is read as one; a negative or zero amount is told the range.
        review(b, UUID.randomUUID().toString(), "TNGO-E-V-STD", "",
                "ada.lovelace@accolade.test", "1,000", "Thanks", "", "").then().statusCode(200)
                .body(containsString("$1,000.00"))
                .body(not(containsString("amount-error")));
        for (String amount : new String[] { "0", "-5" }) {
            review(b, UUID.randomUUID().toString(), "TNGO-E-V-STD", "",
                    "ada.lovelace@accolade.test", amount, "Thanks", "", "").then().statusCode(200)
                    .body(containsString("id=\"amount-error\">Choose an amount from $1.00 to $1,000.00.<"));
        }
    }

    @Test
    void onlyTheFieldThatIsWrongIsNamed() {
        Browser b = Browser.signedIn("manager@accolade.test");
        // No email: the email is the problem, not the name the directory would fill in.
        review(b, UUID.randomUUID().toString(), "APPL-E-1000-STD", "", "",
                "", "", "", "").then().statusCode(200)
                .body(containsString("id=\"recipientEmail-error\">Enter the recipient&#39;s email address."))
                .body(not(containsString("recipientName-error")))
                .body(not(containsString("at least 2 characters")));
        review(b, UUID.randomUUID().toString(), "APPL-E-1000-STD", "",
                "not-an-email", "", "", "", "").then().statusCode(200)
                .body(containsString("Enter a valid email address"))
                .body(not(containsString("recipientName-error")));
        // A valid address outside the directory needs a name, and says why.
        review(b, UUID.randomUUID().toString(), "APPL-E-1000-STD", "",
                "someone@example.com", "", "", "", "").then().statusCode(200)
                .body(containsString("id=\"recipientName-error\">Enter the recipient&#39;s name (at least 2 characters): "
                        + "this address is not in your department&#39;s directory."))
                .body(not(containsString("recipientEmail-error")));
        // A name typed too short is wrong whatever the email.
        review(b, UUID.randomUUID().toString(), "APPL-E-1000-STD", "X",
                "", "", "", "", "").then().statusCode(200)
                .body(containsString("id=\"recipientName-error\">Enter the recipient&#39;s name (at least 2 characters).<"))
                .body(containsString("recipientEmail-error"));
    }

    @Test
    void aSendThatNoLongerValidatesShowsTheFormWithItsErrorsAndSendsNothing() {
        Browser b = Browser.signedIn("manager@accolade.test");
        String token = UUID.randomUUID().toString();
        String message = text("もう一度確認してください。", 255);
        Map<String, String> post = hiddenFields(b.get("/send?sku=TNGO-E-V-STD").asString(), "/send/review?sku=TNGO-E-V-STD");
        Object[] fields = typed(token, "TNGO-E-V-STD", "Ada Lovelace", "ada.lovelace@accolade.test", "5000", "",
                message, "Morgan");
        for (int i = 0; i < fields.length; i += 2) {
            post.put(fields[i].toString(), fields[i + 1].toString());
        }
        // Shown again straight away, not through a flash cookie, which could not hold these values.
        submit(b, "/send", post, null).then().statusCode(200)
                .body(containsString("The reward was not sent: please check the highlighted fields."))
                .body(containsString("id=\"amount-error\""))
                .body(containsString(">" + message + "</textarea>"))
                .body(containsString("name=\"token\" value=\"" + token + "\""));
        assertEquals(0, ordersWithToken(token));
    }

    @Test
    void theReviewNeedsTheFormsCsrfToken() {
        Browser b = Browser.signedIn("manager@accolade.test");
        b.request().contentType("application/x-www-form-urlencoded").formParam("token", UUID.randomUUID().toString())
                .formParam("sku", "APPL-E-1000-STD").formParam("recipientEmail", "ada.lovelace@accolade.test")
                .post("/send/review").then().statusCode(400);
        b.request().contentType("application/x-www-form-urlencoded").formParam("token", UUID.randomUUID().toString())
                .formParam("sku", "APPL-E-1000-STD").post("/send/edit").then().statusCode(400);
    }

    @Test
    void aSessionThatEndsOnTheReviewSendsNothingSaysSoAndReturnsToTheRewardsForm() {
        Browser b = Browser.signedIn("manager@accolade.test");
        String token = UUID.randomUUID().toString();
        String email = "ada.lovelace@accolade.test";
        String review = review(b, token, "APPL-E-1000-STD", "", email, "",
                "Thanks", "For the notes", "Morgan").then().statusCode(200).extract().asString();
        Map<String, String> send = hiddenFields(review, "/send");
        int before = SendRewardTest.raasOrdersTo(email);

        b.cookies.remove("accolade-session");
        String here = base.toString().replaceAll("/$", "");
        Response refused = submit(b, "/send", send, here + "/send/review?sku=APPL-E-1000-STD");
        refused.then().statusCode(303)
                .header("Location", "/login?ended=form&next=%2Fsend%2Freview%3Fsku%3DAPPL-E-1000-STD");
        b.request().urlEncodingEnabled(false).get(refused.getHeader("Location")).then().statusCode(200)
                .body(containsString("Your session ended before the form was submitted, so nothing was saved or sent."))
                .body(containsString("name=\"next\" value=\"/send/review?sku=APPL-E-1000-STD\""));
        assertEquals(0, ordersWithToken(token));
        assertEquals(before, SendRewardTest.raasOrdersTo(email));

        // Signing in from that page carries the page's token (tokens belong to a session or a visitor).
        b.get("/login");
        Response signedIn = b.post("/login", "email", "manager@accolade.test", "password", "accolade-demo",
                "next", "/send/review?sku=APPL-E-1000-STD");
        signedIn.then().statusCode(303).header("Location", endsWith("/send/review?sku=APPL-E-1000-STD"));
        b.get("/send/review?sku=APPL-E-1000-STD").then().statusCode(303).header("Location", endsWith("/send?sku=APPL-E-1000-STD"));
        b.get("/send?sku=APPL-E-1000-STD").then().statusCode(200).body(containsString("<h1>Send iTunes Gift Card $10</h1>"));

        // Without this site's Referer the form's own address is kept; for the send that is the catalog.
        b.cookies.remove("accolade-session");
        submit(b, "/send", send, "https://elsewhere.example/send/review?sku=APPL-E-1000-STD").then().statusCode(303)
                .header("Location", "/login?ended=form&next=%2Fsend");
        Browser.signedIn("manager@accolade.test").get("/send").then().statusCode(303).header("Location", endsWith("/catalog"));
        assertEquals(0, ordersWithToken(token));
    }

    @Test
    void anEndedSessionIsNamedOnTheSignInPage() {
        Browser b = new Browser();
        b.cookies.put("accolade-session", "MTo6OjA.c2lnbmF0dXJl");
        b.get("/rewards").then().statusCode(303).header("Location", "/login?ended=session&next=%2Frewards");
        b.request().urlEncodingEnabled(false).get("/login?ended=session&next=%2Frewards").then().statusCode(200)
                .body(containsString("Your session ended. Sign in to continue."));
        new Browser().get("/rewards").then().statusCode(303).header("Location", "/login?next=%2Frewards");
        new Browser().get("/login").then().statusCode(200).body(not(containsString("Your session ended")));
    }
}
