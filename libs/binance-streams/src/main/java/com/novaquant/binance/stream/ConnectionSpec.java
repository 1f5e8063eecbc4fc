package com.novaquant.binance.stream;

import com.novaquant.binance.stream.parse.StreamKey;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One planned combined-stream connection.
 *
 * @param name    a stable name for logs, metrics and alert de-duplication, e.g. {@code usdm-public-0}
 * @param route   the venue path and its limits
 * @param url     the full URL, the initial streams included
 * @param streams the streams it carries when it is opened (at most {@link StreamRoute#MAX_STREAMS_PER_CONNECTION});
 *                they may change later with live subscriptions ({@link StreamConnection#subscribe})
 */
public record ConnectionSpec(String name, StreamRoute route, URI url, List<StreamKey> streams) {

    public ConnectionSpec {
        streams = List.copyOf(streams);
        if (streams.size() > StreamRoute.MAX_STREAMS_PER_CONNECTION) {
            throw new IllegalArgumentException(name + ": " + streams.size() + " streams; at most "
                    + StreamRoute.MAX_STREAMS_PER_CONNECTION + " allowed per connection");
        }
    }

    /** The combined-stream endpoint, without the stream list. */
    public URI endpoint() {
        String full = url.toString();
        int query = full.indexOf('?');
        return query < 0 ? url : URI.create(full.substring(0, query));
    }

    /** The URL of a connection to {@code endpoint} carrying {@code streams} from its first frame. */
    public static URI url(URI endpoint, List<StreamKey> streams) {
        if (streams.isEmpty()) {
            return endpoint;
        }
        return URI.create(endpoint + "?streams=" + streams.stream().map(StreamKey::name).collect(Collectors.joining("/")));
    }
}
