package dev.accolade.storefront.orders;

import dev.accolade.raas.client.Catalog;

/** A validated send: everything needed to place the order, money in cents. */
public record OrderRequest(String token, Catalog.Brand brand, Catalog.Reward reward, long amount,
        String recipientName, String recipientEmail, Long employeeId, String subject, String message, String from) {
}
