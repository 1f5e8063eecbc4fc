package com.novaquant.binance.stream;

import com.novaquant.binance.stream.parse.StreamKey;

import java.net.URI;
import java.util.List;

/**
 * One planned combined-stream connection.
 *
 * @param name    a stable name for logs, metrics and alert de-duplication, e.g. {@code usdm-public-0}
 * @param route   the venue path and its limits
 * @param url     the full URL, streams included
 * @param streams the streams it carries (at most {@link StreamRoute#MAX_STREAMS_PER_CONNECTION})
 */
public record ConnectionSpec(String name, StreamRoute route, URI url, List<StreamKey> streams) {

    public ConnectionSpec {
        streams = List.copyOf(streams);
        if (streams.isEmpty() || streams.size() > StreamRoute.MAX_STREAMS_PER_CONNECTION) {
            throw new IllegalArgumentException(name + ": " + streams.size() + " streams; 1 to "
                    + StreamRoute.MAX_STREAMS_PER_CONNECTION + " allowed per connection");
        }
    }
}
