package com.novaquant.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Set;

/**
 * JSON form of {@link NovaEvent}s: an object with {@code type} (see {@link NovaEvent}), {@code v} (the schema
 * version) and the record's components. Decimal amounts are written as strings so that no consumer reads them as
 * floating point. Thread-safe.
 */
public final class EventCodec {

    /** The schema version this build writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private static final Set<String> KNOWN_TYPES = Set.of(
            "quote", "funding", "signal", "order", "fill", "pair", "leg-risk", "funding-payment",
            "kill-switch-changed", "alert", "kill-switch", "feed-gate", "signal-settings", "market-scan", "universe");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(BoundedDecimals.module())
            .build();

    private EventCodec() {
    }

    public static byte[] encode(NovaEvent event) {
        ObjectNode node = MAPPER.valueToTree(event);
        node.put("v", SCHEMA_VERSION);
        return MAPPER.writeValueAsBytes(node);
    }

    public static String encodeToString(NovaEvent event) {
        return new String(encode(event), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Decodes any Nova event, or throws {@link EventDecodeException}. */
    public static NovaEvent decode(byte[] payload) {
        return decode(payload, NovaEvent.class);
    }

    /** Decodes an event of the expected type, or throws {@link EventDecodeException}. */
    public static <T extends NovaEvent> T decode(byte[] payload, Class<T> expected) {
        try {
            return decodeChecked(payload, expected);
        } catch (EventDecodeException e) {
            throw e;
        } catch (RuntimeException e) {
            // Whatever else a hostile payload provokes is still bad input: consumers count and skip it. Before this,
            // {"v":99999999999999999999} escaped as a JsonNodeException and stalled a batch consumer for good.
            throw new EventDecodeException(EventDecodeException.Reason.MALFORMED, "unreadable: " + e, e);
        }
    }

    private static <T extends NovaEvent> T decodeChecked(byte[] payload, Class<T> expected) {
        if (payload != null && (expected == Quote.class || expected == NovaEvent.class)) {
            // The high-rate topic: a quote in the canonical layout is read by a byte scan; anything else falls through.
            Quote quote = CanonicalQuote.parse(payload);
            if (quote != null) {
                return expected.cast(quote);
            }
        }
        return decodeInFull(payload, expected);
    }

    /** The general path: a JSON tree, checked for type and version, then bound. */
    static <T extends NovaEvent> T decodeInFull(byte[] payload, Class<T> expected) {
        if (payload == null || payload.length == 0) {
            throw new EventDecodeException(EventDecodeException.Reason.MALFORMED, "empty payload", null);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(payload);
        } catch (JacksonException e) {
            throw new EventDecodeException(EventDecodeException.Reason.MALFORMED, "not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new EventDecodeException(EventDecodeException.Reason.MALFORMED, "not a JSON object", null);
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isString()) {
            throw new EventDecodeException(EventDecodeException.Reason.MALFORMED, "no type", null);
        }
        if (!KNOWN_TYPES.contains(type.asString())) {
            throw new EventDecodeException(EventDecodeException.Reason.UNKNOWN_TYPE, "type " + type.asString(), null);
        }
        JsonNode version = node.get("v");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() != SCHEMA_VERSION) {
            throw new EventDecodeException(EventDecodeException.Reason.UNSUPPORTED_VERSION,
                    "schema version " + version + " of " + type.asString() + ", expected " + SCHEMA_VERSION, null);
        }
        AddedFields.complete((ObjectNode) node, type.asString());
        NovaEvent event;
        try {
            event = MAPPER.treeToValue(node, NovaEvent.class);
        } catch (JacksonException e) {
            throw new EventDecodeException(EventDecodeException.Reason.MALFORMED, e.getOriginalMessage(), e);
        }
        if (!expected.isInstance(event)) {
            throw new EventDecodeException(EventDecodeException.Reason.UNEXPECTED_TYPE,
                    "got " + type.asString() + ", expected " + expected.getSimpleName(), null);
        }
        return expected.cast(event);
    }
}
