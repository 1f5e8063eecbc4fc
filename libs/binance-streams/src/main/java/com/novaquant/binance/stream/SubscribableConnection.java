package com.novaquant.binance.stream;

import com.novaquant.binance.stream.parse.StreamKey;

import java.util.Collection;

/** A combined-stream connection whose streams can change while it is open ({@link StreamConnection} is one). */
public interface SubscribableConnection {

    ConnectionSpec spec();

    void start();

    void stop();

    /** Adds streams: accepted from now on, subscribed on the open session, in the URL of later ones. */
    void subscribe(Collection<StreamKey> streams);

    /** Removes streams: refused from now on, unsubscribed on the open session, absent from later ones. */
    void unsubscribe(Collection<StreamKey> streams);
}
