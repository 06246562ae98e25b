package dev.accolade.storefront.mail;

import java.time.OffsetDateTime;
import java.util.List;

import dev.accolade.common.Formats;

/** A message the development SMTP server received, as the "Mail sent by Accolade" page shows it. */
public record DevMessage(int number, OffsetDateTime receivedAt, String from, List<String> to, String subject,
        String messageId, String text, String html) {

    public String receivedText() {
        return Formats.display(receivedAt);
    }

    public String toText() {
        return String.join(", ", to);
    }
}
