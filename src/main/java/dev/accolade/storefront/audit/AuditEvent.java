package dev.accolade.storefront.audit;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One row of the audit trail: who did what, when, from where, with which outcome. Never updated. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    public long id;
    public OffsetDateTime occurredAt;
    public String actor;
    public String action;
    public String target;
    public String outcome;
    public String detail;
    public String ip;
    public String prevHash;
    public String hash;
}
