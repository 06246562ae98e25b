package dev.accolade.storefront.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;
import dev.accolade.storefront.users.UserAdminService;

/**
 * The outbox against a real SMTP server: a message leaves only after its transaction commits, once;
 * an outage queues it and it goes out once the server is back; a sender that crashed with a message
 * claimed leaves it to be sent once after its lease; a server that never answers is given up on after
 * the SMTP timeout and the message goes out once later; senders racing send each message once; after
 * the last attempt it is a dead letter administrators see and may queue again.
 */
@QuarkusTest
@TestProfile(MailTestProfile.class)
class OutboxTest {

    static final Actor TEST = Actor.system("system:test");

    @Inject
    OutboxSender sender;

    @Inject
    UserAdminService users;

    @Inject
    Actors actors;

    @BeforeEach
    void emptyOutboxAndMailbox() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.deleteAll());
        GreenMailServer.server().purgeEmailFromAllMailboxes();
    }

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() + "@accolade.test";
    }

    /** Creates a user, which writes their invitation to the outbox; returns the message's row. */
    OutboxMail invite(String email) {
        long engineering = QuarkusTransaction.requiringNew().call(() -> Department.findByName("Engineering").orElseThrow().id);
        actors.runAs(TEST, (Runnable) () -> users.create(email, "Outbox Test", Role.MANAGER, engineering));
        return row(email);
    }

    static OutboxMail row(String email) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>find("recipient", email).singleResult());
    }

    /** As if time passed until the message's next attempt. */
    static void dueNow(long id) {
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.update("nextAttemptAt = ?1 where id = ?2",
                OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), id));
    }

    @Test
    void aMessageWaitsForItsCommitAndTheSenderThenGoesOutOnceWithItsMessageId() {
        String email = unique("outbox");
        OutboxMail queued = invite(email);
        assertEquals(OutboxMail.Status.QUEUED, queued.status);
        assertEquals(Notice.INVITATION, queued.notice);
        assertTrue(Inbox.to(email).isEmpty(), "nothing is sent before the sender runs");

        assertEquals(new OutboxSender.Pass(1, 0, 0), sender.sendDue());
        MimeMessage m = Inbox.only(email);
        assertEquals(queued.messageId, Inbox.messageId(m));
        assertTrue(Inbox.raw(m).contains("From: Accolade Test <accolade@accolade.test>"), Inbox.raw(m));
        OutboxMail sent = row(email);
        assertEquals(OutboxMail.Status.SENT, sent.status);
        assertNotNull(sent.sentAt);
        assertNull(sent.textBody, "the body (an invitation's secret link) is not kept once sent");
        assertNull(sent.htmlBody);

        assertEquals(new OutboxSender.Pass(0, 0, 0), sender.sendDue());
        assertEquals(1, Inbox.to(email).size());
    }

    @Test
    void aChangeThatRollsBackSendsNothing() {
        String email = unique("rolled-back");
        long engineering = QuarkusTransaction.requiringNew().call(() -> Department.findByName("Engineering").orElseThrow().id);
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> actors.runAs(TEST, (Runnable) () -> {
            users.create(email, "Never Created", Role.MANAGER, engineering);
            assertEquals(1, OutboxMail.count("recipient", email), "written in the transaction");
            throw new IllegalStateException("the change fails after the message was written");
        })));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("recipient", email)));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(email).isEmpty()));
        assertEquals(new OutboxSender.Pass(0, 0, 0), sender.sendDue());
        assertTrue(Inbox.all().isEmpty());
    }

    @Test
    void anSmtpOutageQueuesTheMessageAndItIsDeliveredOnceWhenTheServerIsBack() {
        String email = unique("outage");
        GreenMailServer.outage();
        try {
            OutboxMail queued = invite(email);
            OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC);
            assertEquals(new OutboxSender.Pass(0, 1, 0), sender.sendDue());
            OutboxMail waiting = row(email);
            assertEquals(OutboxMail.Status.QUEUED, waiting.status);
            assertEquals(1, waiting.attempts);
            assertNotNull(waiting.lastError);
            assertNull(waiting.claimToken);
            assertTrue(waiting.nextAttemptAt.isAfter(before.plus(Duration.ofMinutes(59))),
                    "the next attempt waits for retry-first: " + waiting.nextAttemptAt);
            assertEquals(queued.messageId, waiting.messageId);
        } finally {
            GreenMailServer.back();
        }
        assertEquals(new OutboxSender.Pass(0, 0, 0), sender.sendDue(), "not due before its time");
        assertTrue(Inbox.all().isEmpty());

        dueNow(row(email).id);
        assertEquals(new OutboxSender.Pass(1, 0, 0), sender.sendDue());
        assertEquals(new OutboxSender.Pass(0, 0, 0), sender.sendDue());
        assertEquals(1, Inbox.to(email).size(), "delivered once");
        assertEquals(OutboxMail.Status.SENT, row(email).status);
        assertEquals(2, row(email).attempts);
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpOnAfterTheTimeoutAndTheMessageGoesOutOnceLater() throws Exception {
        String email = unique("silent");
        long id = invite(email).id;
        GreenMailServer.outage();
        // Accepts connections and says nothing, as a hung server (or a greeting the client lost) does.
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(GreenMailServer.port(), 50, InetAddress.getByName("127.0.0.1"))) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            assertEquals(new OutboxSender.Pass(0, 1, 0), sender.sendDue());
            OutboxMail waiting = row(email);
            assertEquals(OutboxMail.Status.QUEUED, waiting.status);
            assertEquals("no answer from the SMTP server within 3 s", waiting.lastError);
            assertNull(waiting.claimToken, "the claim is given back");
            assertFalse(held.isEmpty(), "the sender did reach the silent server");
        } finally {
            for (Socket s : held) {
                s.close();
            }
            GreenMailServer.back();
        }
        dueNow(id);
        assertEquals(new OutboxSender.Pass(1, 0, 0), sender.sendDue());
        assertEquals(1, Inbox.to(email).size(), "delivered once");
        assertEquals(2, row(email).attempts);
    }

    @Test
    void afterTheLastAttemptAMessageIsADeadLetterAdminsSeeAndMayQueueAgain() {
        String email = unique("dead");
        GreenMailServer.outage();
        long id;
        try {
            id = invite(email).id;
            assertEquals(new OutboxSender.Pass(0, 1, 0), sender.sendDue());
            dueNow(id);
            assertEquals(new OutboxSender.Pass(0, 1, 0), sender.sendDue());
            assertTrue(row(email).nextAttemptAt.isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(119)),
                    "the wait doubles");
            dueNow(id);
            assertEquals(new OutboxSender.Pass(0, 0, 1), sender.sendDue());
        } finally {
            GreenMailServer.back();
        }
        OutboxMail dead = row(email);
        assertEquals(OutboxMail.Status.DEAD, dead.status);
        assertEquals(3, dead.attempts);
        assertNotNull(dead.textBody, "a dead letter keeps its body, to be sent again");
        dueNow(id);
        assertEquals(new OutboxSender.Pass(0, 0, 0), sender.sendDue(), "a dead letter is not tried again by itself");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and target = ?2",
                "MAIL_DEAD", email)) == 1);

        Browser admin = Browser.signedIn("admin@accolade.test");
        String page = admin.get("/admin/mail").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"dead-letters\"") && page.contains(email) && page.contains("/admin/mail/" + id + "/retry"),
                page);
        Browser.signedIn("manager@accolade.test").get("/admin/mail").then().statusCode(403);

        admin.post("/admin/mail/" + id + "/retry").then().statusCode(303);
        assertEquals(OutboxMail.Status.QUEUED, row(email).status);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and target = ?2",
                "MAIL_REQUEUE", email)));
        assertEquals(new OutboxSender.Pass(1, 0, 0), sender.sendDue());
        assertEquals(1, Inbox.to(email).size());
        admin.post("/admin/mail/" + id + "/retry").then().statusCode(303);
        assertEquals(OutboxMail.Status.SENT, row(email).status, "a sent message is not queued again");
    }

    @Test
    void aMessageClaimedBySenderThatCrashedIsSentOnceAfterItsLease() {
        String email = unique("crash");
        long id = invite(email).id;
        // A sender claimed it and died before it reached the SMTP server: the row is left SENDING.
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.update(
                "status = ?1, claimToken = ?2, leaseUntil = ?3, attempts = 1 where id = ?4", OutboxMail.Status.SENDING,
                "crashed-replica", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5), id));
        assertEquals(new OutboxSender.Pass(0, 0, 0), sender.sendDue(), "the claim's lease still runs: not taken");
        assertTrue(Inbox.all().isEmpty());

        QuarkusTransaction.requiringNew().run(() -> OutboxMail.update("leaseUntil = ?1 where id = ?2",
                OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), id));
        assertEquals(new OutboxSender.Pass(1, 0, 0), sender.sendDue());
        assertEquals(new OutboxSender.Pass(0, 0, 0), sender.sendDue());
        MimeMessage m = Inbox.only(email);
        assertEquals(row(email).messageId, Inbox.messageId(m));
        assertEquals(OutboxMail.Status.SENT, row(email).status);
        assertEquals(2, row(email).attempts);
    }

    @Test
    void sendersRacingOnSeveralReplicasSendEachMessageOnce() throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String email = unique("race" + i);
            invite(email);
            emails.add(email);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<OutboxSender.Pass>> passes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                passes.add(sender::sendDue);
            }
            int sent = 0;
            int retried = 0;
            for (Future<OutboxSender.Pass> f : pool.invokeAll(passes)) {
                OutboxSender.Pass p = f.get();
                assertEquals(0, p.dead());
                sent += p.sent();
                retried += p.retried();
            }
            // Each message was claimed by exactly one pass: sent, or (when the SMTP server turned a
            // connection away under the load) queued for its next attempt, never both.
            assertEquals(12, sent + retried);
            for (int pass = 0; retried > 0 && pass < 3; pass++) {
                QuarkusTransaction.requiringNew().run(() -> OutboxMail.update("nextAttemptAt = ?1 where status = ?2",
                        OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), OutboxMail.Status.QUEUED));
                OutboxSender.Pass again = sender.sendDue();
                assertEquals(retried, again.sent() + again.retried(), "each queued message is taken once");
                retried = again.retried();
            }
            assertEquals(0, retried, "every message is sent within three further passes");
        } finally {
            pool.shutdownNow();
        }
        Set<String> ids = new HashSet<>();
        for (String email : emails) {
            ids.add(Inbox.messageId(Inbox.only(email)));
        }
        assertEquals(12, ids.size());
        assertEquals(12, Inbox.all().size());
    }

    @Test
    void theWaitBetweenAttemptsDoublesUpToItsLongest() {
        assertEquals(Duration.ofHours(1), sender.backoff(1));
        assertEquals(Duration.ofHours(2), sender.backoff(2));
        assertEquals(Duration.ofHours(4), sender.backoff(3));
        assertEquals(Duration.ofHours(4), sender.backoff(7));
    }

    @Test
    void anApplicationBuiltWithoutTheDevServerHasNoDevInbox() {
        Browser admin = Browser.signedIn("admin@accolade.test");
        admin.get("/admin/dev-mail").then().statusCode(404);
        String page = admin.get("/admin/mail").then().statusCode(200).extract().asString();
        assertTrue(!page.contains("/admin/dev-mail"), page);
    }
}
