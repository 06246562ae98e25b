package dev.accolade.raas.client;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The client's own JSON settings, independent of the application's ObjectMapper: unknown fields
 * are ignored (the spec says fields may be added at any time), absent ones are null.
 */
final class RaasJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            // Parse errors must not quote the body: it may hold reward codes.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    /** Reads a whole body: one JSON value and nothing after it. */
    static final ObjectReader BODY = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** ISO 8601 as RaaS writes it ({@code 2013-03-12T15:17:16+00:00}); a missing offset is UTC. */
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
            .optionalStart().appendOffsetId().optionalEnd()
            .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
            .toFormatter();

    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private RaasJson() {
    }

    /**
     * A query-string date, percent-encoded here because a bare {@code +} in a query means a space:
     * {@code 2013-03-01T00:00:00-08:00} and {@code ...%2B01%3A00} both reach RaaS intact.
     */
    static String queryDate(OffsetDateTime time) {
        return time == null ? null : URLEncoder.encode(time.withNano(0).format(WRITE), StandardCharsets.UTF_8);
    }

    static OffsetDateTime parseDate(String text) {
        return OffsetDateTime.parse(text.trim(), READ).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** {@code delivered_at}: any ISO 8601 form RaaS uses, normalised to UTC. */
    static final class DateTime extends JsonDeserializer<OffsetDateTime> {
        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return parseDate(text);
            } catch (DateTimeParseException e) {
                return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, text, "not ISO 8601");
            }
        }
    }

    /**
     * A text field that RaaS has been seen to send as an object ({@code "reward_subject": {"data": ""}}
     * for some international orders): the object's {@code data}, or null.
     */
    static final class Text extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            JsonNode node = ctxt.readTree(p);
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isObject()) {
                JsonNode data = node.get("data");
                return data == null || data.isNull() || data.asText().isEmpty() ? null : data.asText();
            }
            return node.isValueNode() ? node.asText() : null;
        }
    }
}
