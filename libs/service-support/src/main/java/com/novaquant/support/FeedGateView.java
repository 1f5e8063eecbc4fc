package com.novaquant.support;

import com.novaquant.events.FeedGate;
import com.novaquant.events.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This service's view of each symbol's feed gate ({@link FeedGate}), read from the compacted {@code nova.feed-gates}
 * topic (written by ingestion only) like {@link KillSwitchView} reads {@code nova.control}: the whole topic, from the
 * earliest offset, newest state per symbol wins. A symbol never gated reads as open. Exposed as the gauge {@code nova_feed_gated{symbol}}.
 */
public class FeedGateView {

    private static final Logger log = LoggerFactory.getLogger(FeedGateView.class);

    private final EventDecoder decoder;
    private final MeterRegistry registry;
    private final Map<String, FeedGate> gates = new ConcurrentHashMap<>();

    public FeedGateView(EventDecoder decoder, MeterRegistry registry) {
        this.decoder = decoder;
        this.registry = registry;
    }

    @KafkaListener(id = "#{T(java.util.UUID).randomUUID().toString()}", topics = Topics.FEED_GATES,
            groupId = "#{'${spring.application.name}-feed-gates-' + T(java.util.UUID).randomUUID().toString()}",
            properties = {"auto.offset.reset=earliest", "enable.auto.commit=false"})
    void onFeedGate(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null || !record.key().startsWith(FeedGate.KEY_PREFIX)) {
            return;
        }
        decoder.decode(record, FeedGate.class).ifPresent(this::apply);
    }

    /** Applies a gate seen on the topic; the newest by time wins per symbol. */
    public void apply(FeedGate gate) {
        FeedGate previous = gates.get(gate.symbol());
        if (previous == null) {
            Gauge.builder("nova.feed.gated", gates, g -> gated(g.get(gate.symbol())) ? 1 : 0)
                    .tag("symbol", gate.symbol())
                    .description("1 while the symbol's market data is gated (no new decision on it)")
                    .register(registry);
        }
        FeedGate now = gates.merge(gate.symbol(), gate, (old, next) -> next.atMs() >= old.atMs() ? next : old);
        if (now == gate && (previous == null ? gate.gated() : previous.gated() != gate.gated())) {
            if (gate.gated()) {
                log.warn("Feed gate {} CLOSED: {}", gate.symbol(), gate.reason());
            } else {
                log.info("Feed gate {} lifted: {}", gate.symbol(), gate.reason());
            }
        }
    }

    public boolean gated(String symbol) {
        return gated(gates.get(symbol));
    }

    /** Why the symbol is gated, when it is. */
    public Optional<String> reason(String symbol) {
        FeedGate gate = gates.get(symbol);
        return gated(gate) ? Optional.of(gate.reason()) : Optional.empty();
    }

    /** Every symbol's last known gate. */
    public Map<String, FeedGate> all() {
        return Map.copyOf(gates);
    }

    private static boolean gated(FeedGate gate) {
        return gate != null && gate.gated();
    }
}
