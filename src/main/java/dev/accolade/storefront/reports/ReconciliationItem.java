package dev.accolade.storefront.reports;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.accolade.raas.client.RaasOrder;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.RewardOrder;

/** A discrepancy a reconciliation run found. */
@Entity
@Table(name = "reconciliation_item")
public class ReconciliationItem extends PanacheEntityBase {

    /** What kind of discrepancy. */
    public enum Kind {
        /** At RaaS, not in Accolade: ordered outside Accolade. */
        RAAS_ONLY("At RaaS, not here"),
        /** Delivered in Accolade, unknown to RaaS. */
        LOCAL_ONLY("Here, not at RaaS"),
        /** In both, but amount, SKU or recipient differ. */
        DIFFERING("Differing");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @SequenceGenerator(name = "reconciliation_item_seq", sequenceName = "reconciliation_item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reconciliation_item_seq")
    public Long id;
    public long runId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;
    public Long departmentId;
    public String account;
    public String raasOrderId;
    public Long localOrderId;
    public Long localAmount;
    public Long raasAmount;
    public String localSku;
    public String raasSku;
    public String localRecipient;
    public String raasRecipient;
    public OffsetDateTime occurredAt;
    public String detail;

    /** A discrepancy of a department's account: the local order, RaaS's, or both (either may be null). */
    static ReconciliationItem of(Kind kind, Department d, RewardOrder o, RaasOrder r, String detail) {
        ReconciliationItem i = new ReconciliationItem();
        i.kind = kind;
        i.departmentId = d.id;
        i.account = d.raasCustomer + " / " + d.raasAccountIdentifier;
        if (o != null) {
            i.localOrderId = o.id;
            i.localAmount = o.amount;
            i.localSku = o.sku;
            i.localRecipient = o.recipientEmail;
            i.raasOrderId = o.raasOrderId;
            i.occurredAt = o.createdAt;
        }
        if (r != null) {
            i.raasOrderId = r.orderId();
            i.raasAmount = r.amount();
            i.raasSku = r.sku();
            i.raasRecipient = r.recipient() == null ? null : r.recipient().email();
            if (i.occurredAt == null) {
                i.occurredAt = r.deliveredAt();
            }
        }
        i.detail = detail.length() > 500 ? detail.substring(0, 500) : detail;
        return i;
    }

}
