package dev.accolade.storefront.mail;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A user's choice about one kind of notice; without a row the notice's default holds. */
@Entity
@Table(name = "mail_preference")
@IdClass(MailPreference.Key.class)
public class MailPreference extends PanacheEntityBase {

    /** The row's key: a user and a notice. */
    public static class Key implements Serializable {
        public Long userId;
        public Notice notice;

        public Key() {
        }

        Key(Long userId, Notice notice) {
            this.userId = userId;
            this.notice = notice;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && notice == k.notice;
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, notice);
        }
    }

    @Id
    public Long userId;
    @Id
    @Enumerated(EnumType.STRING)
    public Notice notice;
    public boolean enabled;
    public OffsetDateTime changedAt;
}
