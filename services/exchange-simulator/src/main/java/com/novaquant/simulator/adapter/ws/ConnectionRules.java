package com.novaquant.simulator.adapter.ws;

import java.time.Duration;

/**
 * The connection rules of one venue's streams (docs/binance-protocol.md, "Spot stream connection rules" and
 * "USD-M routes and connection rules").
 */
record ConnectionRules(Duration pingInterval, Duration pongTimeout, int maxIncomingPerSecond, int maxStreams,
                       Duration maxAge, int outboundBuffer, boolean unsignedIdsOnly) {
}
