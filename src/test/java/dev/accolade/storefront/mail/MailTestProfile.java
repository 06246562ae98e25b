package dev.accolade.storefront.mail;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The mail tests: GreenMail as the SMTP server, a first retry an hour after a failure (a test makes
 * a message due by moving its time, as if the hour had passed), three attempts before a dead letter,
 * and no sending after commit, so that each test decides when the sender runs. Connections are not
 * kept between messages: a stopped GreenMail leaves the connections it had open unanswered until its
 * socket timeout, where a real server that goes away closes them, and a test that stops and starts it
 * must not wait for that. An SMTP exchange is cut off after 3 s, so that the test of a server that
 * never answers does not wait the 30 s of the default.
 */
public class MailTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("accolade.mail.retry-first", "PT1H", "accolade.mail.retry-max", "PT4H",
                "accolade.mail.max-attempts", "3", "accolade.mail.send-after-commit", "false",
                "accolade.mail.from", "Accolade Test <accolade@accolade.test>", "quarkus.mailer.keep-alive", "false",
                "accolade.mail.smtp-timeout", "PT3S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailServer.class));
    }
}
