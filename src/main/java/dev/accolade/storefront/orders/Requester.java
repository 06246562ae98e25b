package dev.accolade.storefront.orders;

import dev.accolade.storefront.security.DepartmentRef;

/** Who an order is placed for: the user who asked for it and the department whose account pays. */
public record Requester(long userId, String email, DepartmentRef department) {
}
