package dev.accolade.storefront.audit;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.accolade.storefront.audit.AuditTrail.Verification;

/** Checks the audit trail's hash chain, a thousand rows at a time. */
@ApplicationScoped
class AuditVerifier {

    private final EntityManager em;

    AuditVerifier(EntityManager em) {
        this.em = em;
    }

    /**
     * Recomputes the chain from the first row and names the first row that does not fit, and how:
     * altered (its content no longer matches its hash, and the next row still links to it), inserted
     * (the rows around it link to each other over it), or removed (a number is missing, or a row links
     * to a row that is no longer before it).
     */
    @Transactional
    Verification verify() {
        String expectedPrev = AuditTrail.GENESIS;
        String beforePrev = null;
        long expectedId = 1;
        long checked = 0;
        int batch = 1000;
        while (true) {
            List<AuditEvent> rows = AuditEvent.find("id >= ?1 order by id", expectedId).page(0, batch).list();
            for (AuditEvent e : rows) {
                checked++;
                if (!e.prevHash.equals(expectedPrev) && e.prevHash.equals(beforePrev)) {
                    long inserted = expectedId - 1;
                    return new Verification(checked, Optional.of(inserted), "row " + inserted
                            + " was inserted: the row after it links to row " + (inserted - 1) + ", not to it");
                }
                if (e.id != expectedId) {
                    return new Verification(checked, Optional.of(expectedId),
                            "row " + expectedId + " is missing (next row is " + e.id + "): removed");
                }
                if (!e.prevHash.equals(expectedPrev)) {
                    return new Verification(checked, Optional.of(e.id), "row " + e.id
                            + " does not follow row " + (e.id - 1) + ": a row before it was removed or replaced");
                }
                if (!AuditTrail.hash(e).equals(e.hash)) {
                    String nextPrev = nextPrevHash(e.id);
                    if (expectedPrev.equals(nextPrev)) {
                        return new Verification(checked, Optional.of(e.id), "row " + e.id
                                + " was inserted: the row after it links to row " + (e.id - 1) + ", not to it");
                    }
                    return new Verification(checked, Optional.of(e.id), "row " + e.id + " was altered");
                }
                beforePrev = expectedPrev;
                expectedPrev = e.hash;
                expectedId++;
            }
            em.clear();
            if (rows.size() < batch) {
                break;
            }
        }
        AuditHead head = em.find(AuditHead.class, 1);
        long last = expectedId - 1;
        if (last > head.lastId) {
            return new Verification(checked, Optional.of(head.lastId + 1), "the chain should end at row "
                    + head.lastId + " but goes on to row " + last + ": rows from " + (head.lastId + 1) + " were inserted");
        }
        if (last < head.lastId || !head.lastHash.equals(expectedPrev)) {
            return new Verification(checked, Optional.of(expectedId), "the chain ends at row " + last
                    + " but should end at row " + head.lastId + ": rows removed from the end");
        }
        return new Verification(checked, Optional.empty(), null);
    }

    /** The previous-row hash stored in the row after this one, or null when it is the last. */
    private String nextPrevHash(long id) {
        return AuditEvent.<AuditEvent> find("id > ?1 order by id", id).firstResultOptional()
                .map(next -> next.prevHash).orElse(null);
    }

}
