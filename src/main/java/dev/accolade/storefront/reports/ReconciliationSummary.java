package dev.accolade.storefront.reports;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

/** The latest finished reconciliation, for the HR home page: {@code {inject:reconciliations.latest}}. */
@Named("reconciliations")
@RequestScoped
public class ReconciliationSummary {

    private Optional<ReconciliationRun> latest;

    @Transactional
    public ReconciliationRun getLatest() {
        if (latest == null) {
            latest = ReconciliationRun.latestComplete();
        }
        return latest.orElse(null);
    }
}
