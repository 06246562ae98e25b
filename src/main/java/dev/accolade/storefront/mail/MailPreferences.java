package dev.accolade.storefront.mail;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.accolade.common.Clocks;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.security.AppUser;

/** Which notices each user gets: their own choice, or the notice's default. */
@ApplicationScoped
public class MailPreferences {

    /** A notice as the account page offers it, with the user's current choice. */
    public record Choice(Notice notice, boolean enabled) {
        public String name() {
            return notice.name();
        }

        public String label() {
            return notice.label();
        }

        public String description() {
            return notice.description();
        }
    }

    private final AuditTrail audit;
    private final Clock clock;

    MailPreferences(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the user gets this notice: always for one they cannot turn off. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean wants(long userId, Notice notice) {
        if (!notice.optional()) {
            return true;
        }
        MailPreference p = MailPreference.findById(new MailPreference.Key(userId, notice));
        return p == null ? notice.onByDefault() : p.enabled;
    }

    /** The notices the user may choose from, with their choice. */
    @Transactional
    public List<Choice> choices(long userId) {
        AppUser u = AppUser.findById(userId);
        Map<Notice, Boolean> chosen = MailPreference.<MailPreference>list("userId", userId).stream()
                .collect(Collectors.toMap(p -> p.notice, p -> p.enabled));
        return Notice.choicesFor(u.role).stream()
                .map(n -> new Choice(n, chosen.getOrDefault(n, n.onByDefault())))
                .toList();
    }

    /** Stores the user's choice: the notices in {@code enabled} on, the others they may choose from off. */
    @Transactional
    public List<Choice> choose(long userId, Set<Notice> enabled) {
        AppUser u = AppUser.findById(userId);
        Map<Notice, MailPreference> rows = MailPreference.<MailPreference>list("userId", userId).stream()
                .collect(Collectors.toMap(p -> p.notice, Function.identity()));
        StringBuilder changed = new StringBuilder();
        for (Notice n : Notice.choicesFor(u.role)) {
            boolean on = enabled.contains(n);
            MailPreference p = rows.get(n);
            boolean before = p == null ? n.onByDefault() : p.enabled;
            if (p == null) {
                p = new MailPreference();
                p.userId = userId;
                p.notice = n;
                p.enabled = on;
                p.changedAt = Clocks.utcNow(clock);
                p.persist();
            } else if (p.enabled != on) {
                p.enabled = on;
                p.changedAt = Clocks.utcNow(clock);
            }
            if (before != on) {
                changed.append(changed.isEmpty() ? "" : ", ").append(n.name()).append(on ? " on" : " off");
            }
        }
        if (!changed.isEmpty()) {
            audit.record("MAIL_PREFERENCES", u.email, "SUCCESS", changed.toString());
        }
        return choices(userId);
    }
}
