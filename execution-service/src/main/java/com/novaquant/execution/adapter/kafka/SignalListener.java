package com.novaquant.execution.adapter.kafka;

import com.novaquant.events.Signal;
import com.novaquant.events.Topics;
import com.novaquant.execution.application.ExecutionEngine;
import com.novaquant.execution.application.SignalIntake;
import com.novaquant.support.EventDecoder;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consumes {@code nova.signals} in batches: the signals of different symbols in one batch are decided at once, each
 * symbol's in order. Started only by the trading supervisor once this instance holds the trading lease
 * and has reconciled. Offsets are committed once every signal of the batch is decided (and, if it trades, its orders written
 * ahead; the trade itself runs on, and a crash mid-trade is finished by reconciliation); a redelivery after a crash is harmless
 * because the ledger's processed-signals table refuses a signal seen before. A new consumer group starts at the
 * earliest offset: old signals are expired (or already processed) and are dropped, none is missed.
 */
public class SignalListener implements SignalIntake {

    static final String ID = "execution-signals";
    /** Longer than any execution takes: two venue calls, the re-hedge deadline and an unwind. */
    private static final Duration TRADE_DRAIN = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(SignalListener.class);

    private final ExecutionEngine engine;
    private final EventDecoder decoder;
    private final KafkaListenerEndpointRegistry registry;
    private final MeterRegistry meters;

    public SignalListener(ExecutionEngine engine, EventDecoder decoder, KafkaListenerEndpointRegistry registry,
                          MeterRegistry meters) {
        this.engine = engine;
        this.decoder = decoder;
        this.registry = registry;
        this.meters = meters;
    }

    @KafkaListener(id = ID, topics = Topics.SIGNALS, groupId = "execution-service-signals", autoStartup = "false",
            batch = "true", properties = {"auto.offset.reset=earliest", "enable.auto.commit=false"})
    void onSignals(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<Signal>> bySymbol = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            decoder.decode(record, Signal.class)
                    .ifPresent(signal -> bySymbol.computeIfAbsent(signal.symbol(), s -> new ArrayList<>()).add(signal));
        }
        if (bySymbol.size() <= 1) {
            bySymbol.values().forEach(this::decideInOrder);
            return;
        }
        // A burst over many symbols (one funding update moves them all): each symbol's signals are decided in order
        // on a thread of their own, so the symbols' database round trips overlap instead of queueing. The batch's
        // offsets are committed once every decision in it is durable.
        List<Thread> lanes = new ArrayList<>(bySymbol.size());
        bySymbol.forEach((symbol, signals) -> lanes.add(
                Thread.ofVirtual().name("execution-signal-" + symbol).start(() -> decideInOrder(signals))));
        boolean interrupted = false;
        for (Thread lane : lanes) {
            while (true) {
                try {
                    lane.join();
                    break;
                } catch (InterruptedException e) {
                    // A decision half taken must still be recorded before the offsets move on.
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void decideInOrder(List<Signal> signals) {
        for (Signal signal : signals) {
            try {
                // Returns once the decision and the write-ahead are in the ledger; the trade runs on.
                engine.submit(signal).whenComplete((outcome, e) -> {
                    if (e != null) {
                        failed(signal, e);
                    }
                });
            } catch (RuntimeException e) {
                failed(signal, e);
            }
        }
    }

    /** Never stops the consumer: the failure is logged and counted; the ledger shows what was done. */
    private void failed(Signal signal, Throwable e) {
        meters.counter("nova.execution.signal.errors").increment();
        log.error("Signal {} failed: {}", signal.signalId(), e.toString(), e);
    }

    @Override
    public void start() {
        container().start();
    }

    @Override
    public void stop() {
        MessageListenerContainer container = registry.getListenerContainer(ID);
        if (container != null) {
            container.stop();
        }
        // Trades already decided run to their end: a stop must not leave one leg out.
        if (!engine.awaitTrades(TRADE_DRAIN)) {
            log.error("Trades still running {} s after the signal consumer stopped; reconciliation will finish them",
                    TRADE_DRAIN.toSeconds());
        }
    }

    @Override
    public boolean running() {
        MessageListenerContainer container = registry.getListenerContainer(ID);
        return container != null && container.isRunning();
    }

    private MessageListenerContainer container() {
        MessageListenerContainer container = registry.getListenerContainer(ID);
        if (container == null) {
            throw new IllegalStateException("signal listener container missing");
        }
        return container;
    }
}
