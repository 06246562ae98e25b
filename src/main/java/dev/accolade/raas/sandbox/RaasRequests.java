package dev.accolade.raas.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Reads a request entity the way RaaS v1 does: JSON whatever the {@code Content-Type} (real v1
 * clients send none), UTF-8 only, bounded in size and depth, then validated against the official
 * draft-04 schema of the resource. Schema failures become 403 "Validation failed" with one
 * {@code invalid_inputs} entry per problem, named by its path ({@code credit_card.billing_address.zip}).
 */
@ApplicationScoped
public class RaasRequests {

    /** The schemas, verbatim from the RaaS repository (see src/main/resources/raas-v1/README.md). */
    public enum Schema {
        ACCOUNT_CREATE("account_create"),
        FUND_CREATE("fund_create"),
        CC_REGISTER("cc_register"),
        CC_FUND("cc_fund"),
        CC_UNREGISTER("cc_unregister"),
        ORDER_CREATE("order_create");

        final String file;

        Schema(String file) {
            this.file = file;
        }
    }

    private final SandboxConfig config;
    private final Map<Schema, JsonSchema> schemas = new HashMap<>();
    private ObjectMapper reader;
    private ObjectMapper binder;

    RaasRequests(SandboxConfig config) {
        this.config = config;
    }

    @PostConstruct
    void init() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(config.maxJsonDepth())
                        .maxStringLength(config.maxBodyBytes())
                        .maxNumberLength(64)
                        .build())
                .build();
        reader = JsonMapper.builder(factory)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        binder = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        // The official schemas still carry draft-03's "optional": draft-04 ignores it, and so does the
        // validator, told so instead of warning about an unknown keyword on every start.
        JsonMetaSchema draft4 = JsonMetaSchema.builder(JsonMetaSchema.getV4())
                .keyword(new NonValidationKeyword("optional")).build();
        JsonSchemaFactory schemaFactory = JsonSchemaFactory
                .builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)).metaSchema(draft4).build();
        SchemaValidatorsConfig validatorsConfig = SchemaValidatorsConfig.builder().build();
        for (Schema s : Schema.values()) {
            String resource = "raas-v1/schemas/" + s.file + ".schema.json";
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing schema " + resource);
                }
                JsonNode node = reader.readTree(in);
                if (s == Schema.CC_UNREGISTER) {
                    repairDoubleEscapedPattern(node);
                }
                schemas.put(s, schemaFactory.getSchema(node, validatorsConfig));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The published cc_unregister schema escapes its account_identifier pattern twice
     * ({@code ^[\\\\+\\\\w-]{5,96}$}), which would refuse every real identifier. The sandbox applies
     * the pattern every other schema uses, which is what the field's documentation describes.
     */
    private static void repairDoubleEscapedPattern(JsonNode schema) {
        JsonNode property = schema.path("properties").path("account_identifier");
        if (property instanceof com.fasterxml.jackson.databind.node.ObjectNode object
                && object.path("pattern").asText().contains("\\\\")) {
            object.put("pattern", "^[\\+\\w-]{5,96}$");
        }
    }

    /** Parses and validates a request entity, or throws the RaaS error that describes why not. */
    public JsonNode read(byte[] entity, Schema schema) {
        JsonNode node = parse(entity);
        Set<ValidationMessage> messages = schemas.get(schema).validate(node);
        if (!messages.isEmpty()) {
            throw RaasException.validation(invalidInputs(messages));
        }
        String nul = fieldWithNul(node, "");
        if (nul != null) {
            // Valid JSON, but no text RaaS stores may hold NUL (PostgreSQL's text refuses it too).
            throw RaasException.validation(nul, "may not contain the NUL character");
        }
        return node;
    }

    /** The first field (dotted path) whose text, or name, holds U+0000; null when none does. */
    private static String fieldWithNul(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue().indexOf(0) >= 0 ? path : null;
        }
        if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                String name = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                String found = f.getKey().indexOf(0) >= 0 ? name : fieldWithNul(f.getValue(), name);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = fieldWithNul(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Binds a validated entity to the sandbox's own wire record; unknown fields are ignored. */
    public <T> T bind(JsonNode node, Class<T> type) {
        try {
            return binder.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw RaasException.invalidEntity("The supplied entity does not match the resource: "
                    + e.getOriginalMessage());
        }
    }

    JsonNode parse(byte[] entity) {
        if (entity == null || entity.length == 0) {
            throw RaasException.invalidEntity("A JSON entity is required.");
        }
        if (entity.length > config.maxBodyBytes()) {
            throw RaasException.tooLarge(config.maxBodyBytes());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(entity)).toString();
        } catch (CharacterCodingException e) {
            throw RaasException.invalidEntity("The entity is not valid UTF-8.");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        JsonNode node;
        try {
            node = reader.readTree(text);
        } catch (StreamConstraintsException e) {
            throw RaasException.invalidEntity("The entity is nested too deeply or holds values that are too long.");
        } catch (IOException e) {
            throw RaasException.invalidEntity("The entity could not be parsed as JSON.");
        }
        if (node == null || node.isMissingNode()) {
            throw RaasException.invalidEntity("A JSON entity is required.");
        }
        if (!node.isObject()) {
            throw RaasException.invalidEntity("The entity must be a JSON object.");
        }
        return node;
    }

    private static List<RaasException.InvalidInput> invalidInputs(Set<ValidationMessage> messages) {
        List<RaasException.InvalidInput> inputs = new ArrayList<>();
        for (ValidationMessage m : messages) {
            com.networknt.schema.JsonNodePath location = m.getInstanceLocation();
            StringBuilder field = new StringBuilder();
            for (int i = 0; i < location.getNameCount(); i++) {
                Object element = location.getElement(i);
                if (element instanceof Integer index) {
                    field.append('[').append(index).append(']');
                } else {
                    field.append(field.length() == 0 ? "" : ".").append(element);
                }
            }
            if ("required".equals(m.getType()) && m.getProperty() != null) {
                field.append(field.length() == 0 ? "" : ".").append(m.getProperty());
            }
            String message = m.getMessage();
            String prefix = location + ": ";
            String error = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
            inputs.add(new RaasException.InvalidInput(field.length() == 0 ? "(entity)" : field.toString(), error));
        }
        inputs.sort(Comparator.comparing(RaasException.InvalidInput::field));
        return inputs;
    }

    /** Money is integer cents; the schemas only say "number", so fractions are refused here. */
    public static long cents(BigDecimal amount, String field) {
        if (amount.signum() != 0 && amount.stripTrailingZeros().scale() > 0) {
            throw RaasException.validation(field, "must be a whole number of cents");
        }
        try {
            return amount.longValueExact();
        } catch (ArithmeticException e) {
            throw RaasException.validation(field, "is too large");
        }
    }
}
