package com.novaquant.simulator.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/** The answer every admin change gives: {@code {"ok":true}} followed by what it changed. */
final class AdminJson {

    private AdminJson() {
    }

    static Map<String, Object> ok(Map<String, Object> details) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.putAll(details);
        return out;
    }
}
