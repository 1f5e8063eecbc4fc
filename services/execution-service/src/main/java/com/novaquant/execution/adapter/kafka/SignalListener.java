package com.novaquant.execution.adapter.kafka;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.Signal;
import com.novaquant.events.Topics;
import com.novaquant.execution.application.ExecutionEngine;
import com.novaquant.execution.application.ExecutionMetrics;
import com.novaquant.execution.application.SignalIntake;
import com.novaquant.execution.application.SignalTrustAlarm;
import com.novaquant.execution.domain.Refusal;
import com.novaquant.support.EventDecoder;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Consumes {@code nova.signals} without waiting for the decisions: each signal is handed to its symbol's lane (its
 * symbol's signals decided one after another, in order, on virtual threads) and the consumer goes straight back to
 * the broker. Signals of different symbols are so decided at once, and a burst (one funding update moves every
 * symbol) is not held up by the commit and the fetch between batches. Started only by the trading supervisor once
 * this instance holds the trading lease and has reconciled.
 * <p>
 * An offset is committed only once the decision of its signal, and of every signal before it on its partition, is
 * durable (and, if it trades, its orders written ahead; the trade itself runs on, and a crash mid-trade is finished
 * by reconciliation): {@link DurableOffsets}. A crash thus never skips an undecided signal; it may redeliver decided
 * ones, which the ledger's processed-signals table refuses. A new consumer group starts at the earliest offset: old
 * signals are expired (or already processed) and are dropped, none is missed.
 */
public class SignalListener implements SignalIntake, ConsumerSeekAware {

    static final String ID = "execution-signals";
    /** The container factory of this listener: manual acknowledgement, the commits being this class's own. */
    public static final String CONTAINER_FACTORY = "signalListenerContainerFactory";
    /** Longer than any execution takes: two venue calls, the re-hedge deadline and an unwind. */
    private static final Duration TRADE_DRAIN = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(SignalListener.class);

    private final ExecutionEngine engine;
    private final EventDecoder decoder;
    private final KafkaListenerEndpointRegistry registry;
    private final MeterRegistry meters;
    private final DurableOffsets offsets = new DurableOffsets();
    private final ExecutorService lanes = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("execution-signal-", 0).factory());
    /** The last decision queued per symbol (guarded by this). */
    private final Map<String, CompletableFuture<Void>> tails = new HashMap<>();
    private volatile boolean accepting;
    private final ExecutionMetrics metrics;
    private final SignalSealCheck seals;
    private final SignalTrustAlarm trustAlarm;

    public SignalListener(ExecutionEngine engine, EventDecoder decoder, KafkaListenerEndpointRegistry registry,
                          MeterRegistry meters, ExecutionMetrics metrics, SignalSealCheck seals,
                          SignalTrustAlarm trustAlarm) {
        this.seals = seals;
        this.trustAlarm = trustAlarm;
        this.engine = engine;
        this.decoder = decoder;
        this.registry = registry;
        this.meters = meters;
        this.metrics = metrics;
    }

    @KafkaListener(id = ID, topics = Topics.SIGNALS, groupId = "${nova.execution.signal-group:execution-service-signals}",
            autoStartup = "false",
            batch = "true", containerFactory = SignalListener.CONTAINER_FACTORY,
            properties = {"auto.offset.reset=earliest", "enable.auto.commit=false"})
    void onSignals(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        commitDurable(consumer);
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            offsets.received(partition, record.offset());
            Optional<Refusal> untrusted = seals.check(record);
            if (untrusted.isPresent()) {
                refuse(record, untrusted.get());
                offsets.done(partition, record.offset());
                continue;
            }
            long decodeStart = System.nanoTime();
            Optional<Signal> signal = decoder.decode(record, Signal.class);
            metrics.stage("decode", System.nanoTime() - decodeStart);
            if (signal.isEmpty()) {
                offsets.done(partition, record.offset());
                continue;
            }
            // Decided in signal-service -> read and decoded here: the Kafka hop, apart from the hand-off to a lane.
            metrics.stage("consumed", (EpochMicros.now() - signal.get().decidedAtMicros()) * 1000);
            queue(signal.get(), () -> offsets.done(partition, record.offset()));
        }
    }

    /** Counted, paged once per source and reason, never decoded further: nothing in it is to be believed. */
    private void refuse(ConsumerRecord<String, byte[]> record, Refusal reason) {
        metrics.signal(reason.name());
        String named = SignalSealCheck.source(record);
        log.warn("Signal record at {}-{}@{} refused: {} ({})", record.topic(), record.partition(), record.offset(),
                reason, named);
        // An unknown key id is the sender's own text: paged as one source, so a forger cannot page once per id.
        String source = reason == Refusal.UNKNOWN_KEY ? "an unknown key" : named;
        trustAlarm.refused(reason, source, "record " + record.topic() + "-" + record.partition() + "@"
                + record.offset());
    }

    private void commitDurable(Consumer<?, ?> consumer) {
        Map<TopicPartition, OffsetAndMetadata> committable = offsets.takeCommittable();
        committable.keySet().retainAll(consumer.assignment());
        if (!committable.isEmpty()) {
            consumer.commitAsync(committable, (done, e) -> {
                if (e != null) {
                    // The next commit covers these offsets; meanwhile a restart redelivers decided signals, harmlessly.
                    log.debug("Signal offsets not committed: {}", e.toString());
                }
            });
        }
    }

    private synchronized void queue(Signal signal, Runnable durable) {
        CompletableFuture<Void> tail = tails.getOrDefault(signal.symbol(), CompletableFuture.completedFuture(null));
        tails.put(signal.symbol(), tail.thenRunAsync(() -> {
            try {
                decide(signal);
            } finally {
                durable.run();
            }
        }, lanes));
    }

    private void decide(Signal signal) {
        if (!accepting) {
            // Stopped (lease lost or shutting down) after the signal was read: the next active instance decides.
            log.info("Signal {} left undecided: signal intake stopped", signal.signalId());
            return;
        }
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

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        offsets.forget(assignments.keySet());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        offsets.forget(partitions);
    }

    /** Never stops the consumer: the failure is logged and counted; the ledger shows what was done. */
    private void failed(Signal signal, Throwable e) {
        meters.counter("nova.execution.signal.errors").increment();
        log.error("Signal {} failed: {}", signal.signalId(), e.toString(), e);
    }

    @Override
    public void start() {
        accepting = true;
        container().start();
    }

    @Override
    public void stop() {
        accepting = false;
        MessageListenerContainer container = registry.getListenerContainer(ID);
        if (container != null) {
            container.stop();
        }
        // Decisions already under way finish (a queued one no longer starts), then the trades they started run to
        // their end: a stop must not leave one leg out.
        CompletableFuture<?>[] queued;
        synchronized (this) {
            queued = tails.values().toArray(CompletableFuture<?>[]::new);
        }
        try {
            CompletableFuture.allOf(queued).get(TRADE_DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.error("Signal decisions still under way {} s after the signal consumer stopped", TRADE_DRAIN.toSeconds());
        }
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
