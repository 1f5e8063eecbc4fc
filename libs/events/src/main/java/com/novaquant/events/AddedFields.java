package com.novaquant.events;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Fields added to an event after it was first released, each with the value a record written without it reads as.
 * The codec refuses a record with a missing field (a field left out by a producer bug must not read as a default),
 * so an older record is completed here before it is bound: it keeps decoding under the same schema version, and a
 * rolling upgrade needs no ordering between producers and consumers. An event embedded in another (the funding state
 * inside a signal) is completed the same way.
 */
final class AddedFields {

    /** Per event type: field name and the value of a record that predates it. */
    private static final Map<String, Map<String, JsonNode>> DEFAULTS = Map.of(
            "funding", Map.of("fundingIntervalHours", IntNode.valueOf(FundingRate.UNKNOWN_INTERVAL)));

    /** Per event type: the fields that hold another event, and that event's type. */
    private static final Map<String, Map<String, String>> EMBEDDED = Map.of(
            "signal", Map.of("funding", "funding"));

    private AddedFields() {
    }

    /** Adds every missing field {@code type} gained since its first release, in place. */
    static void complete(ObjectNode node, String type) {
        DEFAULTS.getOrDefault(type, Map.of()).forEach((field, value) -> {
            if (!node.has(field)) {
                node.set(field, value);
            }
        });
        EMBEDDED.getOrDefault(type, Map.of()).forEach((field, embeddedType) -> {
            if (node.get(field) instanceof ObjectNode embedded) {
                complete(embedded, embeddedType);
            }
        });
    }
}
