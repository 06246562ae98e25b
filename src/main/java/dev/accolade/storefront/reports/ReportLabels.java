package dev.accolade.storefront.reports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

/** What a report's keys read as: department names, people's names, month names. */
final class ReportLabels {

    private final EntityManager em;

    ReportLabels(EntityManager em) {
        this.em = em;
    }

    Map<String, String> of(Dimension by, Collection<String> keys) {
        Map<String, String> labels = new HashMap<>();
        switch (by) {
            case DEPARTMENT -> {
                for (Object r : em.createNativeQuery("select id, name from department").getResultList()) {
                    Object[] row = (Object[]) r;
                    labels.put(String.valueOf(row[0]), (String) row[1]);
                }
            }
            case MONTH -> keys.forEach(k -> labels.put(k, Reports.monthLabel(k)));
            case MANAGER -> names("select email, display_name from app_user where email in (:keys)", keys, labels);
            case RECIPIENT -> names("select lower(email), name from employee where lower(email) in (:keys)", keys, labels);
            default -> {
            }
        }
        return labels;
    }

    /** "Name <email>" for the keys that name a known person; the email alone otherwise. */
    private void names(String sql, Collection<String> keys, Map<String, String> labels) {
        List<String> all = new ArrayList<>(keys);
        for (int i = 0; i < all.size(); i += 500) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 500));
            for (Object r : em.createNativeQuery(sql).setParameter("keys", chunk).getResultList()) {
                Object[] row = (Object[]) r;
                labels.put((String) row[0], row[1] + " <" + row[0] + ">");
            }
        }
    }
}
