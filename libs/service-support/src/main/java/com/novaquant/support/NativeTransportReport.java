package com.novaquant.support;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.epoll.Epoll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says whether Reactor Netty runs on the native epoll transport ({@code nova_netty_native_transport} = 1) or fell back
 * to NIO, and why. Epoll is part of the latency tuning: a silent fallback would go unnoticed otherwise.
 */
public final class NativeTransportReport {

    private static final Logger log = LoggerFactory.getLogger(NativeTransportReport.class);

    public NativeTransportReport(MeterRegistry registry) {
        boolean available = Epoll.isAvailable();
        Gauge.builder("nova.netty.native.transport", () -> available ? 1 : 0)
                .description("1 when Netty runs on the native epoll transport")
                .register(registry);
        if (available) {
            log.info("Netty transport: native epoll");
        } else {
            log.warn("Netty transport: NIO (epoll unavailable: {})", String.valueOf(Epoll.unavailabilityCause()));
        }
    }
}
