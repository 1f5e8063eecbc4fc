package com.novaquant.simulator.adapter.ws;

import java.util.Locale;

/** Stream-name normalisation: the symbol part (before the first '@') is matched case-insensitively. */
final class StreamNames {

    private StreamNames() {
    }

    static String normalise(String stream) {
        int at = stream.indexOf('@');
        if (at < 0) {
            return stream.toLowerCase(Locale.ROOT);
        }
        return stream.substring(0, at).toLowerCase(Locale.ROOT) + stream.substring(at);
    }
}
