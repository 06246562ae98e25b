package dev.accolade.storefront.accounts;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A funding form that was sent to RaaS, by its one-time token. RaaS v1 takes no idempotency key for
 * {@code POST funds} or {@code cc_fund}, so each rendered funding form carries a token of its own, and
 * the token is claimed, in a committed row, before RaaS is asked: the same form sent again is refused.
 */
@Entity
public class FundingSubmission extends PanacheEntityBase {

    /** What claiming a form's token found. */
    public enum Claim {
        /** The first time this form is sent: go on. */
        CLAIMED,
        /** This form was sent before: do not charge again. */
        ALREADY_SENT,
        /** No token, or not one Accolade issued: the page is out of date. */
        NOT_A_FORM
    }

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
            + "-(new|card[0-9]{1,18})");

    @Id
    public String token;
    public Long departmentId;
    public OffsetDateTime submittedAt;

    /** A fresh token for the forms of one rendering of the funding page; each form adds its own suffix. */
    public static String newPageToken() {
        return UUID.randomUUID().toString();
    }

    /** Claims the token in a transaction of its own, committed before RaaS is called. */
    public static Claim claim(String token, long departmentId, OffsetDateTime now) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Claim.NOT_A_FORM;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                FundingSubmission s = new FundingSubmission();
                s.token = token;
                s.departmentId = departmentId;
                s.submittedAt = now;
                s.persistAndFlush();
            });
            return Claim.CLAIMED;
        } catch (RuntimeException e) {
            // The primary key refused a second row; anything else is not ours to explain.
            if (QuarkusTransaction.requiringNew().call(() -> count("token", token) > 0)) {
                return Claim.ALREADY_SENT;
            }
            throw e;
        }
    }
}
