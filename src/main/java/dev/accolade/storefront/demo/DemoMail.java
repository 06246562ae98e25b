package dev.accolade.storefront.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.mail.MailConfig;
import dev.accolade.storefront.mail.MailPreferences;
import dev.accolade.storefront.mail.Notice;
import dev.accolade.storefront.reports.WeeklyDigest;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;
import dev.accolade.storefront.users.InvitationService;
import dev.accolade.storefront.users.UserAdminService;

/**
 * Demo mail, where the development mail server runs: with the demo data, a newcomer finds real
 * messages on "Mail sent by Accolade" (/admin/dev-mail) a few seconds after the first start: the
 * invitation of a new manager (Noor Newhire, whose link sets her password), a password-reset link for
 * Sam Sales, and the weekly digest, which Harper HR has turned on. Each goes through the same path as
 * in production: the outbox, the sender, SMTP.
 */
@ApplicationScoped
class DemoMail {

    private static final Logger LOG = Logger.getLogger(DemoMail.class);
    static final Actor ACTOR = Actor.system("system:demo");

    private final UserAdminService users;
    private final InvitationService invitations;
    private final MailPreferences preferences;
    private final WeeklyDigest digest;
    private final Actors actors;
    private final Clock clock;
    private final boolean devServer;

    DemoMail(UserAdminService users, InvitationService invitations, MailPreferences preferences, WeeklyDigest digest,
            Actors actors, Clock clock, MailConfig config) {
        this.users = users;
        this.invitations = invitations;
        this.preferences = preferences;
        this.digest = digest;
        this.actors = actors;
        this.clock = clock;
        this.devServer = config.devServer().enabled();
    }

    /** Writes the demo messages, in the transaction that loads the demo data. */
    @Transactional(Transactional.TxType.MANDATORY)
    void write(long engineeringId) {
        if (!devServer) {
            return;
        }
        actors.runAs(ACTOR, () -> {
            users.create("new.hire@accolade.test", "Noor Newhire", Role.MANAGER, engineeringId);
            AppUser.findByEmail("sales.manager@accolade.test")
                    .ifPresent(u -> invitations.passwordResetLink(u.id));
            AppUser.findByEmail("hr@accolade.test")
                    .ifPresent(u -> preferences.choose(u.id, EnumSet.of(Notice.WEEKLY_DIGEST)));
            digest.send(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        });
        LOG.info("Demo mail written: see /admin/dev-mail (signed in as admin@accolade.test)");
    }
}
