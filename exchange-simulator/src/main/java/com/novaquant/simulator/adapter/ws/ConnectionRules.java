package com.novaquant.simulator.adapter.ws;

import java.time.Duration;

/** The connection rules of one venue's streams (docs/binance-protocol.md 1.1 and 2.1). */
record ConnectionRules(Duration pingInterval, Duration pongTimeout, int maxIncomingPerSecond, int maxStreams,
                       Duration maxAge, int outboundBuffer, boolean unsignedIdsOnly) {
}
