package dev.accolade.storefront.send;

import dev.accolade.raas.client.Catalog;

/** A validated send: everything needed to place the order, money in cents. */
public record SendRequest(String token, Catalog.Brand brand, Catalog.Reward reward, long amount,
        String recipientName, String recipientEmail, Long employeeId, String subject, String message, String from) {
}
