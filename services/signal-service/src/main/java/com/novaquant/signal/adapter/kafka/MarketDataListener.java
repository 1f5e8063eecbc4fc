package com.novaquant.signal.adapter.kafka;

import com.novaquant.events.FundingRate;
import com.novaquant.events.Quote;
import com.novaquant.events.Topics;
import com.novaquant.signal.application.SignalEngine;
import com.novaquant.support.EventDecoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Feeds quotes and funding updates to the engine. One listener (one consumer thread) reads both topics, so the
 * engine's lock is uncontended; instances scale out by sharing the consumer group, the symbol-keyed partitions of
 * both topics being split alike. It starts from the latest offsets and commits none: old quotes would be stale anyway.
 * Malformed records are counted and skipped by {@link EventDecoder}. It does not start with the context but once
 * the desk mode and feed gates are known ({@link KillSwitchCatchUp}).
 */
public class MarketDataListener {

    /**
     * The listener container's id; it starts once the control and feed-gates topics have been read
     * ({@link KillSwitchCatchUp}).
     */
    public static final String ID = "signal-market-data";
    /** Its container factory: offsets are never committed (see the configuration). */
    public static final String CONTAINER_FACTORY = "marketDataContainerFactory";

    private final EventDecoder decoder;
    private final SignalEngine engine;

    public MarketDataListener(EventDecoder decoder, SignalEngine engine) {
        this.decoder = decoder;
        this.engine = engine;
    }

    @KafkaListener(id = ID, topics = {Topics.QUOTES, Topics.FUNDING},
            groupId = "${spring.application.name}", concurrency = "1", autoStartup = "false",
            containerFactory = CONTAINER_FACTORY)
    void onRecord(ConsumerRecord<String, byte[]> record) {
        if (Topics.QUOTES.equals(record.topic())) {
            decoder.decode(record, Quote.class).ifPresent(engine::onQuote);
        } else {
            decoder.decode(record, FundingRate.class).ifPresent(engine::onFunding);
        }
    }
}
