package com.novaquant.simulator.adapter.web;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a request, from the query string and an x-www-form-urlencoded body; the query
 * string wins when a name appears in both (docs/binance-protocol.md, "REST request rules"). Typed getters
 * answer Binance's -1102 / -1100 errors for missing or malformed values.
 */
final class RequestParams {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final String rawQuery;
    private final String rawBody;

    RequestParams(String rawQuery, String rawBody) {
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        this.rawBody = rawBody == null ? "" : rawBody;
        parse(this.rawBody);
        parse(this.rawQuery);
    }

    private void parse(String raw) {
        if (raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.put(name, value);
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(-1100, "Illegal characters found in a parameter.");
        }
    }

    String rawQuery() {
        return rawQuery;
    }

    String rawBody() {
        return rawBody;
    }

    String get(String name) {
        String v = values.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    String require(String name) {
        String v = get(name);
        if (v == null) {
            throw ApiException.missing(name);
        }
        return v;
    }

    BigDecimal decimal(String name) {
        String v = get(name);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v);
            if (v.indexOf('e') >= 0 || v.indexOf('E') >= 0) {
                throw ApiException.badRequest(-1100, "Illegal characters found in parameter '" + name + "'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
            }
            return d;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(-1100, "Illegal characters found in parameter '" + name + "'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
        }
    }

    Long longValue(String name) {
        String v = get(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(-1100, "Illegal characters found in parameter '" + name + "'; legal range is '^[0-9]{1,20}$'.");
        }
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String v = get(name);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(-1116, "Invalid " + name + ".");
        }
    }
}
