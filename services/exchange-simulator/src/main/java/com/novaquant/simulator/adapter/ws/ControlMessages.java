package com.novaquant.simulator.adapter.ws;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The live subscription control messages (docs/binance-protocol.md, "Subscription control messages"):
 * SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS, SET_PROPERTY and GET_PROPERTY, with Binance's replies and error
 * codes 0-3.
 */
final class ControlMessages {

    private static final Pattern STRING_ID = Pattern.compile("[A-Za-z0-9]{1,36}");

    private final StreamHub hub;
    private final ObjectMapper json;

    ControlMessages(StreamHub hub, ObjectMapper json) {
        this.hub = hub;
        this.json = json;
    }

    void handle(StreamConnection connection, String text, ConnectionRules rules) {
        JsonNode request;
        try {
            request = json.readTree(text);
        } catch (JacksonException e) {
            reply(connection, error(3, "Invalid JSON: " + firstLine(e.getOriginalMessage()), null));
            return;
        }
        if (request == null || !request.isObject()) {
            reply(connection, error(3, "Invalid JSON: expected an object", null));
            return;
        }
        JsonNode id = request.get("id");
        if (!validId(id, rules.unsignedIdsOnly())) {
            reply(connection, error(2, rules.unsignedIdsOnly()
                    ? "Invalid request: request ID must be an unsigned integer"
                    : "Invalid request: invalid request ID", null));
            return;
        }
        JsonNode idOut = id == null ? null : id;
        JsonNode method = request.get("method");
        if (method == null || !method.isString()) {
            reply(connection, error(2, "Invalid request: missing field `method`", idOut));
            return;
        }
        JsonNode params = request.get("params");
        switch (method.asString()) {
            case "SUBSCRIBE" -> subscribe(connection, params, idOut, rules);
            case "UNSUBSCRIBE" -> unsubscribe(connection, params, idOut);
            case "LIST_SUBSCRIPTIONS" -> {
                ObjectNode out = result(idOut);
                ArrayNode list = out.putArray("result");
                connection.streams().stream().sorted().forEach(list::add);
                reply(connection, out);
            }
            case "SET_PROPERTY" -> setProperty(connection, params, idOut);
            case "GET_PROPERTY" -> {
                if (params == null || !params.isArray() || params.size() != 1 || !params.get(0).isString()) {
                    reply(connection, error(2, "Invalid request: invalid parameters", idOut));
                } else if (!"combined".equals(params.get(0).asString())) {
                    reply(connection, error(0, "Unknown property", idOut));
                } else {
                    reply(connection, result(idOut).put("result", connection.combined()));
                }
            }
            default -> reply(connection, error(2, "Invalid request: unknown variant `" + method.asString()
                    + "`, expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`", idOut));
        }
    }

    private void subscribe(StreamConnection connection, JsonNode params, JsonNode id, ConnectionRules rules) {
        List<String> streams = streamParams(params);
        if (streams == null) {
            reply(connection, error(2, "Invalid request: invalid parameters", id));
            return;
        }
        long added = streams.stream().map(StreamNames::normalise).filter(s -> !connection.streams().contains(s)).distinct().count();
        if (connection.streams().size() + added > rules.maxStreams()) {
            reply(connection, error(2, "Invalid request: too many parameters", id));
            return;
        }
        streams.forEach(s -> hub.subscribe(connection, StreamNames.normalise(s)));
        reply(connection, result(id).putNull("result"));
    }

    private void unsubscribe(StreamConnection connection, JsonNode params, JsonNode id) {
        List<String> streams = streamParams(params);
        if (streams == null) {
            reply(connection, error(2, "Invalid request: invalid parameters", id));
            return;
        }
        streams.forEach(s -> hub.unsubscribe(connection, StreamNames.normalise(s)));
        reply(connection, result(id).putNull("result"));
    }

    private void setProperty(StreamConnection connection, JsonNode params, JsonNode id) {
        if (params == null || !params.isArray() || params.size() != 2 || !params.get(0).isString()) {
            reply(connection, error(2, "Invalid request: invalid parameters", id));
        } else if (!"combined".equals(params.get(0).asString())) {
            reply(connection, error(0, "Unknown property", id));
        } else if (!params.get(1).isBoolean()) {
            reply(connection, error(1, "Invalid value type: expected Boolean", id));
        } else {
            connection.combined(params.get(1).asBoolean());
            reply(connection, result(id).putNull("result"));
        }
    }

    private static List<String> streamParams(JsonNode params) {
        if (params == null || !params.isArray()) {
            return null;
        }
        List<String> streams = new ArrayList<>();
        for (JsonNode p : params) {
            if (!p.isString() || p.asString().isBlank()) {
                return null;
            }
            streams.add(p.asString());
        }
        return streams;
    }

    private static boolean validId(JsonNode id, boolean unsignedOnly) {
        if (id == null || id.isNull()) {
            return true;
        }
        if (id.isIntegralNumber()) {
            return id.canConvertToLong() && (!unsignedOnly || id.asLong() >= 0);
        }
        return !unsignedOnly && id.isString() && STRING_ID.matcher(id.asString()).matches();
    }

    private ObjectNode result(JsonNode id) {
        ObjectNode out = json.createObjectNode();
        out.putNull("result");
        if (id == null) {
            out.putNull("id");
        } else {
            out.set("id", id);
        }
        return out;
    }

    private ObjectNode error(int code, String msg, JsonNode id) {
        ObjectNode out = json.createObjectNode();
        out.put("code", code);
        out.put("msg", msg);
        if (id == null) {
            out.putNull("id");
        } else {
            out.set("id", id);
        }
        return out;
    }

    private void reply(StreamConnection connection, ObjectNode message) {
        connection.send(json.writeValueAsString(message), 0);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
