package dev.accolade.storefront.mail;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of outgoing mail ({@code accolade.mail.*}); the SMTP server itself is {@code quarkus.mailer.*}. */
@ConfigMapping(prefix = "accolade.mail")
public interface MailConfig {

    /** The From address, as people see it: {@code Accolade <accolade@example.com>}. */
    @WithDefault("Accolade <accolade@localhost>")
    String from();

    /** Attempts before a message is given up (a dead letter administrators see). */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failed attempt; doubled after each further one. */
    @WithDefault("PT1M")
    Duration retryFirst();

    /** Longest wait between two attempts. */
    @WithDefault("PT1H")
    Duration retryMax();

    /**
     * How long a sender owns a message it claimed. A sender that dies (or loses the database) between
     * sending and marking leaves it claimed; after this the message is sent again, with the same
     * Message-ID. Longer than an SMTP conversation can take.
     */
    @WithDefault("PT5M")
    Duration lease();

    /**
     * Longest wait for one SMTP exchange (connect, greeting, message); a server that has not answered
     * by then is given up on for this attempt and the message is tried again later. It is cut at half
     * the lease in any case.
     */
    @WithDefault("PT30S")
    Duration smtpTimeout();

    /** Messages one pass of the sender takes at most. */
    @WithDefault("50")
    int batchSize();

    /** Whether a commit that wrote messages wakes the sender at once (else the next pass sends them). */
    @WithDefault("true")
    boolean sendAfterCommit();

    /** How often a pass of the sender runs (Quartz, one replica at a time), such as {@code 15s}. */
    @WithDefault("15s")
    String sendEvery();

    /** A reward not settled this long after it was sent: its sender hears it is still being checked. */
    @WithDefault("PT15M")
    Duration rewardCheckingAfter();

    /** When departments' balances are checked for the low-balance notice (Quartz cron, server time zone). */
    @WithDefault("0 0 7 * * ?")
    String lowBalanceCron();

    /** When the weekly digest of the week before goes to HR (Quartz cron, server time zone). */
    @WithDefault("0 0 7 ? * MON")
    String weeklyDigestCron();

    /** The SMTP server inside the application in dev mode. */
    DevServer devServer();

    /** GreenMail in dev mode: {@code enabled} is fixed when the application is built. */
    interface DevServer {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("3025")
        int port();
    }
}
