package dev.accolade.storefront.mail;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A condition that was told about and has not ended yet, such as a department's low balance. */
@Entity
@Table(name = "mail_latch")
public class MailLatch extends PanacheEntityBase {

    @Id
    public String latchKey;
    public OffsetDateTime setAt;
}
