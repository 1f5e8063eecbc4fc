package com.novaquant.signal;

import com.novaquant.events.DeskMode;
import com.novaquant.events.EpochMicros;
import com.novaquant.events.EventCodec;
import com.novaquant.events.FundingRate;
import com.novaquant.events.KillSwitchState;
import com.novaquant.events.NovaEvent;
import com.novaquant.events.Quote;
import com.novaquant.events.Signal;
import com.novaquant.events.Topics;
import com.novaquant.events.Venue;
import com.novaquant.signal.adapter.kafka.KillSwitchCatchUp;
import com.novaquant.signal.adapter.kafka.MarketDataListener;
import com.novaquant.support.EventDecoder;
import com.novaquant.support.KillSwitchView;
import com.novaquant.testsupport.KafkaServer;
import com.novaquant.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Market data in over real Kafka, signals out over real Kafka, the kill switch over real Kafka. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SignalFlowIT.ADMIN_PASSWORD_PROPERTY, SignalFlowIT.FRESHNESS_QUOTES, SignalFlowIT.FRESHNESS_FUNDING,
                SignalFlowIT.NO_COOLDOWN, SignalFlowIT.PUBLISH_ON_CHANGE_ONLY})
class SignalFlowIT {

    // Shared with SignalApplicationIT so that both classes run in one application context (one consumer group).
    static final String ADMIN_PASSWORD_PROPERTY = "nova.admin.password=" + "it-secret";
    static final String FRESHNESS_QUOTES = "nova.signal.max-quote-age=60s";
    static final String FRESHNESS_FUNDING = "nova.signal.max-funding-age=60s";
    static final String NO_COOLDOWN = "nova.signal.cooldown=0s";
    static final String PUBLISH_ON_CHANGE_ONLY = "nova.signal.republish-interval=0s";

    private static final String SYMBOL = "BTCUSDT";
    /** 0.0002 per 8 h: net carry 0.052 on the books below, between the exit and entry thresholds. */
    private static final String MIDDLING = "0.0002";
    /** 0.001 per 8 h: net carry 0.93, far above the entry threshold. */
    private static final String SPIKE = "0.001";
    /** 0.00002 per 8 h: net carry below the exit threshold. */
    private static final String DROP = "0.00002";

    private static KafkaConsumer<String, byte[]> signalConsumer;
    private static final List<Signal> signals = new CopyOnWriteArrayList<>();

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KillSwitchView killSwitch;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    MeterRegistry meters;
    @Autowired
    PrometheusMeterRegistry prometheus;
    @Autowired
    EventDecoder decoder;
    @Autowired
    ConsumerFactory<String, byte[]> consumerFactory;

    private long nextFundingTimeMs;

    @BeforeAll
    static void subscribeToSignals(KafkaServer server) {
        signalConsumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, server.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "signal-flow-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        signalConsumer.subscribe(List.of(Topics.SIGNALS));
    }

    @AfterAll
    static void closeConsumer() {
        signalConsumer.close();
    }

    @BeforeEach
    void marketDataListenerIsAssigned() {
        MessageListenerContainer container = listeners.getListenerContainer(MarketDataListener.ID);
        await().atMost(Duration.ofSeconds(30)).until(() -> container != null
                && container.getAssignedPartitions() != null && container.getAssignedPartitions().size() >= 6);
        nextFundingTimeMs = System.currentTimeMillis() / 28_800_000 * 28_800_000 + 28_800_000;
    }

    @Test
    void fundingSpikeOpensFundingDropClosesAndKillSwitchSilences() throws Exception {
        long start = EpochMicros.now();
        publishBooks();
        publishFunding(MIDDLING);
        publishFunding(SPIKE);

        Signal open = awaitSignal(start, s -> s.targetBaseQty().signum() > 0);
        assertThat(open.reason()).isEqualTo(Signal.Reason.CARRY_ABOVE_ENTRY);
        // 1000 USDT at the 100 000 ask, within a quarter of the 1-BTC tops
        assertThat(open.targetBaseQty()).isEqualByComparingTo("0.01");
        assertThat(open.expectedCarryApr()).isGreaterThan(0.15);
        assertThat(open.spot().venue()).isEqualTo(Venue.SPOT);
        assertThat(open.perp().venue()).isEqualTo(Venue.USDM);
        assertThat(open.spot().receivedAtMicros()).isGreaterThanOrEqualTo(start);
        assertThat(open.funding().fundingRate()).isEqualByComparingTo(SPIKE);
        assertThat(open.expiresAtMs()).isEqualTo(open.decidedAtMicros() / 1000 + 5_000);
        assertThat(open.signalId()).startsWith(SYMBOL + "-");

        publishFunding(DROP);
        Signal close = awaitSignal(open.decidedAtMicros() + 1, s -> s.flat());
        assertThat(close.reason()).isEqualTo(Signal.Reason.CARRY_BELOW_EXIT);
        assertThat(close.signalId()).isNotEqualTo(open.signalId());

        double refusedBefore = killSwitchRefusals();
        long engagedAt = EpochMicros.now();
        send(Topics.CONTROL, new KillSwitchState(DeskMode.HALTED, "flow test", "signal-flow-it", System.currentTimeMillis()));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> killSwitch.engaged());
            publishBooks();
            publishFunding(SPIKE);
            // the spike reached the engine and was refused there...
            await().atMost(Duration.ofSeconds(30)).until(() -> killSwitchRefusals() > refusedBefore);
            // ...and nothing was published for it
            drainSignals(Duration.ofSeconds(1));
            assertThat(signals).noneMatch(s -> s.symbol().equals(SYMBOL) && s.decidedAtMicros() >= engagedAt);
        } finally {
            send(Topics.CONTROL, new KillSwitchState(DeskMode.TRADING, "flow test done", "signal-flow-it",
                    System.currentTimeMillis() + 1));
            await().atMost(Duration.ofSeconds(30)).until(() -> !killSwitch.engaged());
        }

        long released = EpochMicros.now();
        publishFunding(SPIKE);
        assertThat(awaitSignal(released, s -> s.targetBaseQty().signum() > 0).reason())
                .isEqualTo(Signal.Reason.CARRY_ABOVE_ENTRY);
        publishFunding(DROP);
        awaitSignal(released, Signal::flat);
    }

    @Test
    void killSwitchEngagedOnTheControlTopicIsKnownBeforeMarketDataIsRead() {
        send(Topics.CONTROL, new KillSwitchState(DeskMode.HALTED, "catch-up test", "signal-flow-it", System.currentTimeMillis()));
        try {
            // a fresh view, as at start-up: it knows nothing until the catch-up has read the compacted topic
            KillSwitchView fresh = new KillSwitchView(decoder, new SimpleMeterRegistry());
            assertThat(fresh.engaged()).isFalse();
            new KillSwitchCatchUp(consumerFactory, decoder, fresh, listeners).readControlTopicToEnd();
            assertThat(fresh.engaged()).isTrue();
            assertThat(fresh.current().reason()).isEqualTo("catch-up test");
        } finally {
            send(Topics.CONTROL, new KillSwitchState(DeskMode.TRADING, "catch-up test done", "signal-flow-it",
                    System.currentTimeMillis() + 1));
            await().atMost(Duration.ofSeconds(30)).until(() -> !killSwitch.engaged());
        }
        assertThat(listeners.getListenerContainer(MarketDataListener.ID).isRunning()).isTrue();
    }

    @Test
    void decisionsAreMeasuredAndCounted() {
        long start = EpochMicros.now();
        publishBooks();
        publishFunding(SPIKE);
        publishFunding(DROP);
        awaitSignal(start, Signal::flat);

        // the registry behind /actuator/prometheus (the endpoint itself is probed by SignalApplicationIT)
        String metrics = prometheus.scrape();
        assertThat(metrics)
                .contains("nova_signal_tick_to_signal_seconds{application=\"signal-service\",quantile=\"0.99\"}")
                .contains("nova_signal_signals_total{application=\"signal-service\",kind=\"CHANGE\",reason=\"CARRY_BELOW_EXIT\",symbol=\"BTCUSDT\"}")
                .contains("nova_signal_carry{application=\"signal-service\",symbol=\"BTCUSDT\"}")
                .contains("nova_signal_rejected_total{application=\"signal-service\",reason=\"STALE_QUOTE\",symbol=\"ETHUSDT\"}");
    }

    @Test
    void marketDataIsReadWithoutCommittingOffsets(KafkaServer server) throws Exception {
        long start = EpochMicros.now();
        publishBooks();
        publishFunding(SPIKE);
        publishFunding(DROP);
        awaitSignal(start, Signal::flat);

        // The records were read and decided on; the group still holds no offset of them (no commit round trip).
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, server.bootstrapServers()))) {
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets("signal-service").partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            assertThat(committed.keySet()).noneMatch(tp -> tp.topic().equals(Topics.QUOTES) || tp.topic().equals(Topics.FUNDING));
        }
    }

    private double killSwitchRefusals() {
        return meters.get("nova.signal.rejected").tag("symbol", SYMBOL).tag("reason", "KILL_SWITCH").counter().count();
    }

    private void publishBooks() {
        long now = EpochMicros.now();
        send(Topics.QUOTES, new Quote(SYMBOL, Venue.SPOT, new BigDecimal("99990"), BigDecimal.ONE,
                new BigDecimal("100000"), BigDecimal.ONE, 1, 0, now));
        send(Topics.QUOTES, new Quote(SYMBOL, Venue.USDM, new BigDecimal("100030"), BigDecimal.ONE,
                new BigDecimal("100040"), BigDecimal.ONE, 1, System.currentTimeMillis(), now));
    }

    private void publishFunding(String rate) {
        send(Topics.FUNDING, new FundingRate(SYMBOL, new BigDecimal("100035"), new BigDecimal("100000"),
                new BigDecimal(rate), nextFundingTimeMs, System.currentTimeMillis(), EpochMicros.now()));
    }

    private void send(String topic, NovaEvent event) {
        try {
            kafka.send(topic, event.key(), EventCodec.encode(event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + event, e);
        }
    }

    private Signal awaitSignal(long decidedFromMicros, java.util.function.Predicate<Signal> wanted) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            drainSignals(Duration.ofMillis(200));
            return signals.stream()
                    .filter(s -> s.symbol().equals(SYMBOL) && s.decidedAtMicros() >= decidedFromMicros)
                    .filter(wanted)
                    .findFirst()
                    .orElse(null);
        }, java.util.Objects::nonNull);
    }

    private static synchronized void drainSignals(Duration wait) {
        for (ConsumerRecord<String, byte[]> record : signalConsumer.poll(wait)) {
            signals.add(EventCodec.decode(record.value(), Signal.class));
        }
    }
}
