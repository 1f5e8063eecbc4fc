package com.novaquant.signal;

import com.novaquant.events.DeskMode;
import com.novaquant.events.EpochMicros;
import com.novaquant.events.FeedGate;
import com.novaquant.events.Signal;
import com.novaquant.events.Topics;
import com.novaquant.events.Venue;
import com.novaquant.signal.adapter.kafka.KillSwitchCatchUp;
import com.novaquant.signal.application.SharedSettings;
import com.novaquant.signal.adapter.kafka.MarketDataListener;
import com.novaquant.support.EventDecoder;
import com.novaquant.support.FeedGateView;
import com.novaquant.support.KillSwitchView;
import com.novaquant.testsupport.KafkaServer;
import com.novaquant.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Market data in over real Kafka, signals out over real Kafka, the desk mode and feed gates over real Kafka. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SignalFlowIT.ADMIN_PASSWORD_PROPERTY, SignalFlowIT.ADMIN_ACCOUNTS_PROPERTY,
                SignalFlowIT.FRESHNESS_QUOTES, SignalFlowIT.FRESHNESS_FUNDING, SignalFlowIT.NO_COOLDOWN,
                SignalFlowIT.PUBLISH_ON_CHANGE_ONLY})
class SignalFlowIT {

    // Shared with the other ITs so that every class runs in one application context (one consumer group).
    static final String ADMIN_PASSWORD_PROPERTY = "nova.admin.password=" + "it-secret";
    /** A read-only account beside the shared operator (bcrypt of viewer-secret-1). */
    static final String ADMIN_ACCOUNTS_PROPERTY = "nova.admin.accounts="
            + "victor:VIEWER:{bcrypt}$2a$10$gArh6eH9kf7o1NVKRqCH0.yd3W1jluBiqf.9MS8YjR/S2QbqWiByS";
    static final String FRESHNESS_QUOTES = "nova.signal.max-quote-age=60s";
    static final String FRESHNESS_FUNDING = "nova.signal.max-funding-age=60s";
    static final String NO_COOLDOWN = "nova.signal.cooldown=0s";
    static final String PUBLISH_ON_CHANGE_ONLY = "nova.signal.republish-interval=0s";

    private static final String SYMBOL = "BTCUSDT";
    /** 0.0002 per 8 h: net carry 0.052 (no opening), hold carry 0.115 (no close) on the books below. */
    private static final String MIDDLING = "0.0002";
    /** 0.001 per 8 h: net carry 0.93, far above the entry threshold. */
    private static final String SPIKE = "0.001";
    /** 0.00002 per 8 h: hold carry −0.082, below the exit threshold (0). */
    private static final String DROP = "0.00002";

    private static SignalTape tape;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KillSwitchView killSwitch;
    @Autowired
    FeedGateView feedGates;
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
    @Autowired
    SharedSettings sharedSettings;

    private KafkaDesk desk;

    @BeforeAll
    static void subscribeToSignals(KafkaServer server) {
        tape = new SignalTape(server.bootstrapServers());
    }

    @AfterAll
    static void closeConsumer() {
        tape.close();
    }

    @BeforeEach
    void marketDataListenerIsAssigned() {
        MessageListenerContainer container = listeners.getListenerContainer(MarketDataListener.ID);
        await().atMost(Duration.ofSeconds(30)).until(() -> container != null
                && container.getAssignedPartitions() != null && container.getAssignedPartitions().size() >= 6);
        desk = new KafkaDesk(kafka);
    }

    @Test
    void fundingSpikeOpensFundingDropClosesAndAHaltedDeskOpensNothing() {
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
        assertThat(open.signalId().value()).startsWith(SYMBOL + "-");

        publishFunding(DROP);
        Signal close = awaitSignal(open.decidedAtMicros() + 1, s -> s.flat());
        assertThat(close.reason()).isEqualTo(Signal.Reason.CARRY_BELOW_EXIT);
        assertThat(close.signalId()).isNotEqualTo(open.signalId());

        double refusedBefore = haltedRefusals();
        long engagedAt = EpochMicros.now();
        long released;
        desk.deskMode(DeskMode.HALTED, "flow test");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> killSwitch.mode() == DeskMode.HALTED);
            publishBooks();
            publishFunding(SPIKE);
            // the opening the spike wants reached the engine and was held there, counted as HALTED
            await().atMost(Duration.ofSeconds(30)).until(() -> haltedRefusals() > refusedBefore);
        } finally {
            released = EpochMicros.now();
            desk.deskMode(DeskMode.TRADING, "flow test done");
            await().atMost(Duration.ofSeconds(30)).until(() -> !killSwitch.engaged());
        }


        publishFunding(SPIKE);
        assertThat(awaitSignal(released, s -> s.targetBaseQty().signum() > 0).reason())
                .isEqualTo(Signal.Reason.CARRY_ABOVE_ENTRY);
        // the opening after the release was read, so anything decided while halted would have been read before it
        assertThat(tape.between(SYMBOL, engagedAt, released)).isEmpty();
        publishFunding(DROP);
        awaitSignal(released, Signal::flat);
    }

    @Test
    void deskModeAndFeedGatesOnTheirTopicsAreKnownBeforeMarketDataIsRead() {
        desk.deskMode(DeskMode.FROZEN, "catch-up test");
        desk.feedGate("ETHUSDT", true, "catch-up test");
        // A gate where only execution writes is not ingestion's: it counts for nothing.
        desk.send(Topics.CONTROL, new FeedGate("XRPUSDT", true, "not on the feed-gates topic", System.currentTimeMillis()));
        try {
            // fresh views, as at start-up: they know nothing until the catch-up has read the compacted topic
            KillSwitchView freshMode = new KillSwitchView(decoder, new SimpleMeterRegistry());
            FeedGateView freshGates = new FeedGateView(decoder, new SimpleMeterRegistry());
            assertThat(freshMode.engaged()).isFalse();
            assertThat(freshGates.gated("ETHUSDT")).isFalse();
            new KillSwitchCatchUp(consumerFactory, decoder, freshMode, freshGates, listeners, sharedSettings)
                    .readControlTopicsToEnd();
            assertThat(freshMode.mode()).isEqualTo(DeskMode.FROZEN);
            assertThat(freshMode.current().reason()).isEqualTo("catch-up test");
            assertThat(freshGates.gated("ETHUSDT")).isTrue();
            assertThat(freshGates.gated(SYMBOL)).isFalse();
            assertThat(freshGates.all()).doesNotContainKey("XRPUSDT");
        } finally {
            desk.deskMode(DeskMode.TRADING, "catch-up test done");
            desk.feedGate("ETHUSDT", false, "catch-up test done");
            await().atMost(Duration.ofSeconds(30)).until(() -> !killSwitch.engaged() && !feedGates.gated("ETHUSDT"));
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

    private double haltedRefusals() {
        return meters.get("nova.signal.rejected").tag("symbol", SYMBOL).tag("reason", "HALTED").counter().count();
    }

    private void publishBooks() {
        desk.books(SYMBOL);
    }

    private void publishFunding(String rate) {
        desk.funding(SYMBOL, rate);
    }

    private Signal awaitSignal(long decidedFromMicros, java.util.function.Predicate<Signal> wanted) {
        return tape.await(SYMBOL, decidedFromMicros, wanted);
    }
}
