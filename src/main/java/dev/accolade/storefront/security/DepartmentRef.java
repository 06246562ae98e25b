package dev.accolade.storefront.security;

/**
 * What pages need of the signed-in user's department, read with the user on every request (so it is
 * as fresh as the session check) and carried by the security identity: no further query per page.
 */
public record DepartmentRef(long id, String name, String raasCustomer, String raasAccountIdentifier,
        long lowBalanceThreshold) {
}
