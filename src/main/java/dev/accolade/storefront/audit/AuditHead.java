package dev.accolade.storefront.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The end of the audit chain; its row lock orders concurrent appends. */
@Entity
@Table(name = "audit_head")
public class AuditHead extends PanacheEntityBase {

    @Id
    public int id;
    public long lastId;
    public String lastHash;
}
