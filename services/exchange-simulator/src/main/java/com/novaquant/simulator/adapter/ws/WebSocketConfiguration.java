package com.novaquant.simulator.adapter.ws;

import com.novaquant.simulator.application.Faults;
import com.novaquant.simulator.application.FundingClock;
import com.novaquant.simulator.application.ListenKeys;
import com.novaquant.simulator.SimulatorProperties;
import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.market.Markets;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wires the WebSocket endpoints: spot, futures /public, /market, unrouted, and /private. */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

    @Bean
    StreamHub streamHub(Faults faults, MeterRegistry registry, SimulationClock clock) {
        return new StreamHub(faults, registry, clock::wallMillis);
    }

    @Bean
    BookTickerPublisher bookTickerPublisher(StreamHub hub, SimulationClock clock) {
        return new BookTickerPublisher(hub, clock::wallMillis);
    }

    @Bean
    DepthPublisher depthPublisher(StreamHub hub, Markets markets, SimulationClock clock) {
        return new DepthPublisher(hub, markets, clock::wallMillis);
    }

    @Bean
    MarkPricePublisher markPricePublisher(StreamHub hub, Markets markets, FundingClock fundingClock, SimulationClock clock) {
        return new MarkPricePublisher(hub, markets, fundingClock, clock::wallMillis);
    }

    @Bean
    RawStreamRelay rawStreamRelay(StreamHub hub) {
        return new RawStreamRelay(hub);
    }

    @Bean
    PrivateStreams privateStreams(ListenKeys listenKeys, MeterRegistry registry, SimulatorProperties properties) {
        return new PrivateStreams(listenKeys, registry, futuresRules(properties.ws()));
    }

    @Bean
    HandlerMapping webSocketMapping(StreamHub hub, PrivateStreams privateStreams, SimulatorProperties properties) {
        ObjectMapper json = JsonMapper.builder().build();
        ControlMessages control = new ControlMessages(hub, json);
        ConnectionRules spot = spotRules(properties.ws());
        ConnectionRules futures = futuresRules(properties.ws());
        Map<String, WebSocketHandler> map = new LinkedHashMap<>();
        map.put("/spot/ws/**", new MarketStreamHandler(hub, StreamChannel.SPOT, false, "/spot/ws/", spot, control));
        map.put("/spot/ws", new MarketStreamHandler(hub, StreamChannel.SPOT, false, "/spot/ws/", spot, control));
        map.put("/spot/stream", new MarketStreamHandler(hub, StreamChannel.SPOT, true, "/spot/stream/", spot, control));
        for (String route : new String[] {"public", "market"}) {
            StreamChannel channel = route.equals("public") ? StreamChannel.FUTURES_PUBLIC : StreamChannel.FUTURES_MARKET;
            String ws = "/futures/" + route + "/ws/";
            map.put(ws + "**", new MarketStreamHandler(hub, channel, false, ws, futures, control));
            map.put("/futures/" + route + "/ws", new MarketStreamHandler(hub, channel, false, ws, futures, control));
            map.put("/futures/" + route + "/stream", new MarketStreamHandler(hub, channel, true, "/futures/" + route + "/stream/", futures, control));
        }
        // Legacy unrouted paths: served, but only with /public data, as Binance does since 2026-04-23.
        map.put("/futures/ws/**", new MarketStreamHandler(hub, StreamChannel.FUTURES_PUBLIC, false, "/futures/ws/", futures, control));
        map.put("/futures/ws", new MarketStreamHandler(hub, StreamChannel.FUTURES_PUBLIC, false, "/futures/ws/", futures, control));
        map.put("/futures/stream", new MarketStreamHandler(hub, StreamChannel.FUTURES_PUBLIC, true, "/futures/stream/", futures, control));
        map.put("/futures/private/ws/**", privateStreams);
        map.put("/futures/private/ws", privateStreams);
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(map);
        mapping.setOrder(-1);
        return mapping;
    }

    private static ConnectionRules spotRules(SimulatorProperties.Ws ws) {
        return new ConnectionRules(ws.spotPingInterval(), ws.spotPongTimeout(), ws.spotMaxIncomingPerSecond(),
                ws.maxStreams(), ws.maxConnectionAge(), ws.outboundBuffer(), false);
    }

    private static ConnectionRules futuresRules(SimulatorProperties.Ws ws) {
        return new ConnectionRules(ws.futuresPingInterval(), ws.futuresPongTimeout(), ws.futuresMaxIncomingPerSecond(),
                ws.maxStreams(), ws.maxConnectionAge(), ws.outboundBuffer(), true);
    }
}
