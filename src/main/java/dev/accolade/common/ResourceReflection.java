package dev.accolade.common;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The JAX-RS resource classes, registered so that a native executable can read their methods'
 * annotations, as {@link AllowedMethods} does for a 405's {@code Allow} header. {@code
 * ResourceReflectionTest} fails when a resource class is missing here.
 */
@RegisterForReflection(classNames = {
        "dev.accolade.raas.sandbox.BrandImageResource",
        "dev.accolade.raas.sandbox.RaasAccountsResource",
        "dev.accolade.raas.sandbox.RaasFundsResource",
        "dev.accolade.raas.sandbox.RaasOrdersResource",
        "dev.accolade.raas.sandbox.RaasRewardsResource",
        "dev.accolade.raas.sandbox.SandboxInboxResource",
        "dev.accolade.storefront.accounts.AccountsResource",
        "dev.accolade.storefront.admin.AdminResource",
        "dev.accolade.storefront.directory.DirectoryResource",
        "dev.accolade.storefront.accounts.FundingResource",
        "dev.accolade.storefront.users.InvitationResource",
        "dev.accolade.storefront.users.UsersResource",
        "dev.accolade.storefront.reports.AuditResource",
        "dev.accolade.storefront.catalog.CatalogResource",
        "dev.accolade.storefront.home.HomeResource",
        "dev.accolade.storefront.orders.RewardsResource",
        "dev.accolade.storefront.reports.BalancesResource",
        "dev.accolade.storefront.reports.ReconciliationResource",
        "dev.accolade.storefront.reports.ReportsResource",
        "dev.accolade.storefront.security.LoginResource",
        "dev.accolade.storefront.send.SendResource" }, fields = false)
final class ResourceReflection {

    private ResourceReflection() {
    }
}
