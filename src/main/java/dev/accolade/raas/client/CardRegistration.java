package dev.accolade.raas.client;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A registered card: the token that stands for it (it cannot be fetched again, so keep it) and
 * when it can first be charged ({@code active_date}, Unix seconds, UTC).
 */
public record CardRegistration(@JsonProperty("cc_token") String ccToken,
        @JsonProperty("active_date") Long activeDate) {

    public CardRegistration {
        Objects.requireNonNull(ccToken, "cc_token");
    }

    /** When the card becomes usable, if RaaS said. */
    public Instant activeAt() {
        return activeDate == null ? null : Instant.ofEpochSecond(activeDate);
    }
}
