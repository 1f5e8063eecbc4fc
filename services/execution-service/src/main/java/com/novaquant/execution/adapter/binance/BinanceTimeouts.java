package com.novaquant.execution.adapter.binance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long execution waits on Binance ({@code nova.binance.call-timeout}, {@code nova.binance.response-timeout}).
 * Only these two keys are bound here: the endpoints under the same prefix are service-support's
 * {@link com.novaquant.support.config.BinanceEndpoints}, shared with ingestion.
 *
 * @param callTimeout     hard deadline of one call as seen by the engine (beyond it the outcome is unknown)
 * @param responseTimeout the client's wait for a response after the request is written
 */
@ConfigurationProperties("nova.binance")
public record BinanceTimeouts(@DefaultValue("12s") Duration callTimeout,
                              @DefaultValue("10s") Duration responseTimeout) {
}
