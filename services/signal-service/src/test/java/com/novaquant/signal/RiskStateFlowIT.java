package com.novaquant.signal;

import com.novaquant.events.DeskMode;
import com.novaquant.events.EpochMicros;
import com.novaquant.events.Signal;
import com.novaquant.signal.adapter.kafka.MarketDataListener;
import com.novaquant.signal.application.SignalEngine;
import com.novaquant.strategy.pair.Position;
import com.novaquant.support.FeedGateView;
import com.novaquant.support.KillSwitchView;
import com.novaquant.testsupport.KafkaServer;
import com.novaquant.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The desk mode and the feed gates, published on {@code nova.control} and {@code nova.feed-gates}, against pairs the
 * service holds open: what reaches {@code nova.signals}. Each "nothing published" is bounded by a signal that does
 * come afterwards on the same partition, so a late one could not be missed.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SignalFlowIT.ADMIN_PASSWORD_PROPERTY, SignalFlowIT.ADMIN_ACCOUNTS_PROPERTY,
                SignalFlowIT.FRESHNESS_QUOTES, SignalFlowIT.FRESHNESS_FUNDING, SignalFlowIT.NO_COOLDOWN,
                SignalFlowIT.PUBLISH_ON_CHANGE_ONLY})
class RiskStateFlowIT {

    private static final String BTC = "BTCUSDT";
    private static final String ETH = "ETHUSDT";
    /** Net carry 0.93 on {@link KafkaDesk#books}: opens. */
    private static final String SPIKE = "0.001";
    /** Hold carry −0.082, below the exit threshold (0): closes. */
    private static final String DROP = "0.00002";
    private static final String NEGATIVE = "-0.0001";

    private static SignalTape tape;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KillSwitchView killSwitch;
    @Autowired
    FeedGateView feedGates;
    @Autowired
    SignalEngine engine;
    @Autowired
    MeterRegistry meters;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

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
    void tradingAndFlat() {
        MessageListenerContainer container = listeners.getListenerContainer(MarketDataListener.ID);
        await().atMost(Duration.ofSeconds(30)).until(() -> container != null
                && container.getAssignedPartitions() != null && container.getAssignedPartitions().size() >= 6);
        desk = new KafkaDesk(kafka);
        flat(BTC);
        flat(ETH);
    }

    @AfterEach
    void releaseLiftAndFlatten() {
        // unconditionally: a record the views have not applied yet would otherwise outlive the test
        desk.deskMode(DeskMode.TRADING, "risk-state test done");
        desk.feedGate(ETH, false, "risk-state test done");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !killSwitch.engaged() && !feedGates.gated(BTC) && !feedGates.gated(ETH));
        flat(BTC);
        flat(ETH);
    }

    @Test
    void aHaltedDeskPublishesTheCloseOfAnOpenPairWhenFundingTurnsNegative() {
        open(BTC);
        long haltedAt = EpochMicros.now();
        mode(DeskMode.HALTED);

        desk.books(BTC);
        desk.funding(BTC, NEGATIVE);
        desk.settle(BTC, NEGATIVE); // the second negative interval: the streak rule closes
        Signal close = tape.await(BTC, haltedAt, Signal::flat);

        assertThat(close.reason()).isEqualTo(Signal.Reason.FUNDING_NEGATIVE);
        assertThat(close.targetBaseQty()).isZero();
        assertThat(killSwitch.mode()).isEqualTo(DeskMode.HALTED);

        // while an opening stays held, and says why
        double held = refusals(BTC, "HALTED");
        desk.funding(BTC, SPIKE);
        await().atMost(Duration.ofSeconds(30)).until(() -> refusals(BTC, "HALTED") > held);
        assertThat(engine.state(BTC).position()).isEqualTo(Position.FLAT);
    }

    @Test
    void aFrozenDeskPublishesNothingForAnOpenPair() {
        open(BTC);
        double held = refusals(BTC, "FROZEN");
        long frozenAt = EpochMicros.now();
        mode(DeskMode.FROZEN);

        desk.books(BTC);
        desk.funding(BTC, DROP); // a close is wanted...
        await().atMost(Duration.ofSeconds(30)).until(() -> refusals(BTC, "FROZEN") > held);
        assertThat(engine.state(BTC).position()).isEqualTo(Position.OPEN); // ...and held

        // positive control: HALTED lets the same close through, and nothing came out while FROZEN
        long frozenUntil = EpochMicros.now();
        mode(DeskMode.HALTED);
        desk.funding(BTC, DROP);
        assertThat(tape.await(BTC, frozenUntil, Signal::flat).reason()).isEqualTo(Signal.Reason.CARRY_BELOW_EXIT);
        assertThat(tape.between(BTC, frozenAt, frozenUntil)).isEmpty();
    }

    @Test
    void aGatedSymbolGetsNoDecisionWhileTheOtherTradesAndResumesWhenTheGateLifts() {
        open(ETH);
        double gatedBefore = refusals(ETH, "FEED_GATED");
        long gatedAt = EpochMicros.now();
        desk.feedGate(ETH, true, "lagging feed (test)");
        await().atMost(Duration.ofSeconds(30)).until(() -> feedGates.gated(ETH));

        desk.books(ETH);
        desk.funding(ETH, DROP); // would close ETH, but its data is not to be trusted
        desk.books(BTC);
        desk.funding(BTC, SPIKE);
        assertThat(tape.await(BTC, gatedAt, s -> s.targetBaseQty().signum() > 0).reason())
                .isEqualTo(Signal.Reason.CARRY_ABOVE_ENTRY);
        // both ETH quotes and its funding reached the engine and were refused there
        await().atMost(Duration.ofSeconds(30)).until(() -> refusals(ETH, "FEED_GATED") >= gatedBefore + 3);
        assertThat(engine.state(ETH).position()).isEqualTo(Position.OPEN);

        long liftedAt = EpochMicros.now();
        desk.feedGate(ETH, false, "feed healthy again (test)");
        await().atMost(Duration.ofSeconds(30)).until(() -> !feedGates.gated(ETH));
        desk.books(ETH);
        desk.funding(ETH, DROP);

        assertThat(tape.await(ETH, liftedAt, Signal::flat).reason()).isEqualTo(Signal.Reason.CARRY_BELOW_EXIT);
        assertThat(tape.between(ETH, gatedAt, liftedAt)).isEmpty();
    }

    /** Opens the symbol's pair (from flat) and returns the opening signal. */
    private Signal open(String symbol) {
        long from = EpochMicros.now();
        desk.books(symbol);
        desk.funding(symbol, SPIKE);
        Signal open = tape.await(symbol, from, s -> s.targetBaseQty().signum() > 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.state(symbol).position() == Position.OPEN);
        return open;
    }

    /** Leaves the symbol flat whatever the earlier tests left it in (open, flat or never decided). */
    private void flat(String symbol) {
        if (engine.state(symbol).position() != Position.FLAT) {
            desk.books(symbol);
            desk.funding(symbol, DROP);
            await().atMost(Duration.ofSeconds(30)).until(() -> engine.state(symbol).position() == Position.FLAT);
        }
    }

    private void mode(DeskMode mode) {
        desk.deskMode(mode, "risk-state test");
        await().atMost(Duration.ofSeconds(30)).until(() -> killSwitch.mode() == mode);
    }

    private double refusals(String symbol, String reason) {
        return meters.get("nova.signal.rejected").tag("symbol", symbol).tag("reason", reason).counter().count();
    }
}
