/**
 * Outgoing mail. Features tell {@link dev.accolade.storefront.mail.Notices} what happened, in their own
 * transaction; it writes the message (rendered from {@code templates/mail/}, text and HTML) to the
 * outbox table {@code mail_outbox} as a Panache entity, so a change that rolls back sends nothing.
 * {@link dev.accolade.storefront.mail.OutboxSender} sends the outbox after commit: it claims each
 * message with a conditional update committed on its own, talks SMTP with no transaction open, and
 * writes the outcome (sent, retry later, dead letter). Users' choices ({@code mail_preference}) and
 * conditions told once ({@code mail_latch}) are Panache entities too. In dev mode
 * {@link dev.accolade.storefront.mail.DevMailServer} runs GreenMail, shown at {@code /admin/dev-mail}.
 * This package knows {@code security} (users and roles), {@code audit} and {@code common}, and no
 * feature that sends mail. See docs/mail.md.
 */
package dev.accolade.storefront.mail;
