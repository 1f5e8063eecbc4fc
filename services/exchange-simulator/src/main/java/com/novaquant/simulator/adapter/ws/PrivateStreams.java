package com.novaquant.simulator.adapter.ws;

import com.novaquant.simulator.application.FuturesUserEvents;
import com.novaquant.simulator.application.ListenKeys;
import com.novaquant.simulator.domain.accounts.FuturesAccount;
import com.novaquant.simulator.domain.accounts.Position;
import com.novaquant.simulator.domain.orders.Order;
import com.novaquant.simulator.domain.orders.OrderView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The USD-M user-data streams ({@code /futures/private/ws/<listenKey>} or {@code ?listenKey=}):
 * ORDER_TRADE_UPDATE, ACCOUNT_UPDATE and listenKeyExpired, rendered as docs/binance-protocol.md, "USD-M user data
 * streams", shows them.
 */
public final class PrivateStreams implements FuturesUserEvents, WebSocketHandler {

    private static final AtomicLong IDS = new AtomicLong();

    private final ListenKeys listenKeys;
    private final Map<String, Set<Subscriber>> byListenKey = new ConcurrentHashMap<>();
    private final ConnectionRules rules;

    public PrivateStreams(ListenKeys listenKeys, MeterRegistry registry, ConnectionRules rules) {
        this.listenKeys = listenKeys;
        this.rules = rules;
        Gauge.builder("nova.simulator.ws.connections", byListenKey, m -> m.values().stream().mapToInt(Set::size).sum())
                .description("Open user-data WebSocket connections").tag("venue", "USDM_PRIVATE").register(registry);
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        String listenKey = listenKey(session);
        if (listenKey == null || listenKeys.apiKeyOf(listenKey).isEmpty()) {
            return session.send(Mono.just(session.textMessage("{\"code\":-1125,\"msg\":\"This listenKey does not exist.\"}")))
                    .then(session.close(CloseStatus.POLICY_VIOLATION));
        }
        StreamConnection connection = new StreamConnection(IDS.incrementAndGet(), StreamChannel.FUTURES_PUBLIC, false,
                rules.outboundBuffer(), () -> { });
        Subscriber subscriber = new Subscriber(connection, listenKey);
        byListenKey.computeIfAbsent(listenKey, k -> ConcurrentHashMap.newKeySet()).add(subscriber);
        Flux<WebSocketMessage> frames = connection.outbound().asFlux().map(f -> session.textMessage(f.text()));
        Flux<WebSocketMessage> pings = Flux.interval(rules.pingInterval(), rules.pingInterval())
                .map(t -> session.pingMessage(f -> f.wrap(new byte[0])))
                .takeUntilOther(connection.whenCompleted());
        Mono<Void> out = session.send(Flux.merge(frames, pings)).then(Mono.defer(session::close));
        Mono<Void> in = session.receive().then().doFinally(s -> remove(subscriber));
        return Mono.when(out, in).doFinally(s -> remove(subscriber));
    }

    /** Sends listenKeyExpired to the connections of each lapsed key and closes them. */
    public void expireLapsedKeys(long now) {
        for (String key : listenKeys.removeExpired()) {
            Set<Subscriber> subscribers = byListenKey.remove(key);
            if (subscribers != null) {
                String event = "{\"e\":\"listenKeyExpired\",\"E\":" + now + ",\"listenKey\":\"" + key + "\"}";
                subscribers.forEach(s -> {
                    s.connection.send(event, 0);
                    s.connection.complete();
                });
            }
        }
    }

    /** Closes every user-data connection (application shutdown). */
    public void closeAll() {
        byListenKey.values().forEach(set -> set.forEach(s -> s.connection.complete()));
        byListenKey.clear();
    }

    @Override
    public void orderUpdate(String apiKey, OrderView order, String executionType, Order.TradeFill fill,
                            BigDecimal realisedProfit, long eventTime) {
        if (byListenKey.isEmpty()) {
            return;
        }
        StringBuilder o = new StringBuilder(512)
                .append("{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":").append(eventTime).append(",\"T\":").append(order.updateTime())
                .append(",\"o\":{\"s\":\"").append(order.symbol())
                .append("\",\"c\":\"").append(order.clientOrderId())
                .append("\",\"S\":\"").append(order.side())
                .append("\",\"o\":\"").append(order.type())
                .append("\",\"f\":\"").append(order.timeInForce())
                .append("\",\"q\":\"").append(order.origQty().toPlainString())
                .append("\",\"p\":\"").append(order.price().toPlainString())
                .append("\",\"ap\":\"").append(order.averagePrice().toPlainString())
                .append("\",\"sp\":\"0\",\"x\":\"").append(executionType)
                .append("\",\"X\":\"").append(order.status())
                .append("\",\"i\":").append(order.orderId())
                .append(",\"l\":\"").append(fill == null ? "0" : fill.fill().qty().toPlainString())
                .append("\",\"z\":\"").append(order.executedQty().toPlainString())
                .append("\",\"L\":\"").append(fill == null ? "0" : fill.fill().price().toPlainString()).append('"');
        if (fill != null) {
            o.append(",\"N\":\"").append(fill.commissionAsset()).append("\",\"n\":\"").append(fill.commission().toPlainString()).append('"');
        }
        o.append(",\"T\":").append(order.updateTime())
                .append(",\"t\":").append(fill == null ? 0 : fill.tradeId())
                .append(",\"b\":\"0\",\"a\":\"0\",\"m\":").append(fill != null && fill.fill().maker())
                .append(",\"R\":").append(order.reduceOnly())
                .append(",\"wt\":\"CONTRACT_PRICE\",\"ot\":\"").append(order.type())
                .append("\",\"ps\":\"BOTH\",\"cp\":false,\"rp\":\"").append(realisedProfit.toPlainString())
                .append("\",\"pP\":false,\"si\":0,\"ss\":0,\"V\":\"EXPIRE_MAKER\",\"pm\":\"NONE\",\"gtd\":0,\"er\":\"")
                .append(expiryReason(order, executionType)).append("\"}}");
        send(apiKey, o.toString());
    }

    @Override
    public void accountUpdate(String apiKey, String reason, BigDecimal wallet, BigDecimal balanceChange,
                              List<Position> positions, BigDecimal markUnrealised, long eventTime) {
        if (byListenKey.isEmpty()) {
            return;
        }
        StringBuilder a = new StringBuilder(384)
                .append("{\"e\":\"ACCOUNT_UPDATE\",\"E\":").append(eventTime).append(",\"T\":").append(eventTime)
                .append(",\"a\":{\"m\":\"").append(reason)
                .append("\",\"B\":[{\"a\":\"").append(FuturesAccount.ASSET)
                .append("\",\"wb\":\"").append(wallet.toPlainString())
                .append("\",\"cw\":\"").append(wallet.toPlainString())
                .append("\",\"bc\":\"0\"}],\"P\":[");
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            if (i > 0) {
                a.append(',');
            }
            a.append("{\"s\":\"").append(p.symbol())
                    .append("\",\"pa\":\"").append(p.amount().toPlainString())
                    .append("\",\"ep\":\"").append(p.entryPrice().toPlainString())
                    .append("\",\"bep\":\"").append(p.entryPrice().toPlainString())
                    .append("\",\"cr\":\"0\",\"up\":\"").append(markUnrealised.toPlainString())
                    .append("\",\"mt\":\"cross\",\"iw\":\"0\",\"ps\":\"BOTH\"}");
        }
        a.append("]}}");
        send(apiKey, a.toString());
    }

    private void send(String apiKey, String event) {
        byListenKey.forEach((key, subscribers) -> {
            if (listenKeys.apiKeyOf(key).map(apiKey::equals).orElse(false)) {
                subscribers.forEach(s -> s.connection.send(event, 0));
            }
        });
    }

    private void remove(Subscriber subscriber) {
        Set<Subscriber> set = byListenKey.get(subscriber.listenKey);
        if (set != null) {
            set.remove(subscriber);
        }
        subscriber.connection.complete();
    }

    private static String expiryReason(OrderView order, String executionType) {
        if (!"EXPIRED".equals(executionType)) {
            return "0";
        }
        return order.type() == com.novaquant.simulator.domain.matching.OrderType.MARKET ? "9" : "2";
    }

    private static String listenKey(WebSocketSession session) {
        var uri = session.getHandshakeInfo().getUri();
        String path = uri.getPath();
        int at = path.indexOf("/private/ws/");
        if (at >= 0 && path.length() > at + 12) {
            return path.substring(at + 12);
        }
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("listenKey");
    }

    private record Subscriber(StreamConnection connection, String listenKey) {
    }
}
