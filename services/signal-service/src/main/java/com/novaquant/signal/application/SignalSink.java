package com.novaquant.signal.application;

import com.novaquant.events.Signal;

/** Where decided signals go ({@code nova.signals} in the service). Must not block the caller. */
public interface SignalSink {

    void publish(Signal signal);
}
