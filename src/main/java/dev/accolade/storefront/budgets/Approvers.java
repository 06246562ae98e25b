package dev.accolade.storefront.budgets;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.security.CurrentUser;

/**
 * Who approves: HR users approve for every department; a manager approves for the departments that
 * named them approvers (table {@code department_approver}). Nobody approves their own request.
 */
@ApplicationScoped
public class Approvers {

    private final EntityManager em;
    private final AuditTrail audit;

    Approvers(EntityManager em, AuditTrail audit) {
        this.em = em;
        this.audit = audit;
    }

    /** The departments whose requests the user sees: null for every department (HR), else the named ones. */
    public List<Long> departmentsOf(CurrentUser user) {
        if (user.isHr()) {
            return null;
        }
        return departmentsNaming(user.getUserId());
    }

    @SuppressWarnings("unchecked")
    public List<Long> departmentsNaming(long userId) {
        return ((List<Number>) em.createNativeQuery("select department_id from department_approver where user_id = ?1")
                .setParameter(1, userId).getResultList()).stream().map(Number::longValue).toList();
    }

    /** Whether the user may decide requests of the department. */
    public boolean mayApprove(CurrentUser user, long departmentId) {
        List<Long> departments = departmentsOf(user);
        return departments == null || departments.contains(departmentId);
    }

    /** Names a manager approver of a department (idempotent, audited), in the caller's transaction. */
    public void name(long departmentId, long userId, String email, String departmentName) {
        // The same manager named twice at once: the second waits here, then finds the first one's row.
        Budget.lockDepartment(departmentId);
        Number n = (Number) em.createNativeQuery(
                "select count(*) from department_approver where department_id = ?1 and user_id = ?2")
                .setParameter(1, departmentId).setParameter(2, userId).getSingleResult();
        if (n.longValue() == 0) {
            em.createNativeQuery("insert into department_approver (department_id, user_id) values (?1, ?2)")
                    .setParameter(1, departmentId).setParameter(2, userId).executeUpdate();
            audit.record("APPROVER_NAMED", "department " + departmentId, "NAMED", email + " approves for " + departmentName);
        }
    }

    /**
     * The users who may decide a request of the department, except its requester: every enabled HR
     * user and the department's enabled named approvers, by id.
     */
    @SuppressWarnings("unchecked")
    public List<Long> idsFor(long departmentId, long requesterId) {
        return ((List<Number>) em.createNativeQuery("select id from app_user where enabled = true and id <> ?2"
                + " and (role = 'HR' or id in (select user_id from department_approver where department_id = ?1))"
                + " order by id").setParameter(1, departmentId).setParameter(2, requesterId).getResultList()).stream()
                .map(Number::longValue).toList();
    }

    /** The e-mail addresses of the department's named approvers. */
    @SuppressWarnings("unchecked")
    public List<String> namedFor(long departmentId) {
        return em.createNativeQuery("select u.email from department_approver a join app_user u on u.id = a.user_id"
                + " where a.department_id = ?1 order by u.email").setParameter(1, departmentId).getResultList();
    }
}
