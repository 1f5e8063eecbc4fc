package com.novaquant.execution.it;

import com.novaquant.binance.auth.Credentials;
import com.novaquant.binance.stream.StreamSettings;
import com.novaquant.events.EpochMicros;
import com.novaquant.events.EventCodec;
import com.novaquant.events.FundingRate;
import com.novaquant.events.Quote;
import com.novaquant.events.RecordSeal;
import com.novaquant.events.Signal;
import com.novaquant.events.Topics;
import com.novaquant.events.UniverseSelection;
import com.novaquant.events.Venue;
import com.novaquant.execution.adapter.binance.BinanceBookTickers;
import com.novaquant.execution.application.KillSwitch;
import com.novaquant.execution.application.Ledger;
import com.novaquant.execution.application.OrderRecord;
import com.novaquant.execution.application.TradedUniverse;
import com.novaquant.execution.application.TradingSupervisor;
import com.novaquant.execution.application.VenuePrices;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PairState;
import com.novaquant.ids.SignalId;
import com.novaquant.support.config.BinanceEndpoints;
import com.novaquant.testsupport.PostgresServer;
import com.novaquant.testsupport.RealInfrastructure;
import com.novaquant.testsupport.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A desk that follows the traded universe, end to end: universe records and signals over real Kafka, the ledger in
 * real PostgreSQL, orders to the exchange simulator. A sealed universe record adds a symbol that is in no
 * {@code nova.symbols}; a signal opening it then trades both legs on that symbol's own filters. An unsealed record
 * changes nothing. The desk has a paper account, a schema, a trading lease and a signal group of its own, so that
 * the other cases' desks in this JVM neither trade its signals nor show in its reconciliation; its context is closed
 * after the case, so that its periodic venue reads do not share the simulator with the faults other cases inject.
 */
@RealInfrastructure(postgres = true)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nova.admin.password=it-secret",
        "nova.universe.enabled=true",
        "nova.symbols=BTCUSDT",
        "nova.execution.advisory-lock-key=830834",
        "nova.execution.signal-group=execution-universe-it",
        "nova.execution.lease-check-interval=300ms",
        "nova.execution.reconcile-interval=10m",
        "nova.execution.funding-poll-interval=10m",
        "nova.execution.books.trade-interval=10m",
        "nova.execution.books.funding-check-interval=10m",
        "nova.execution.books.reconcile-interval=10m",
        "nova.execution.margin.check-interval=10m",
        "nova.execution.max-quote-age=10s",
        "nova.binance.response-timeout=3s",
        "nova.binance.call-timeout=5s"})
class UniverseFollowingIT {

    private static final SimulatorProcess SIMULATOR = SimulatorProcess.shared();
    private static final String ADDED = SimulatorProcess.UNIVERSE_SYMBOL;
    private static final String SIGNING_KEYS = RecordSeal.generate("it-universe");
    private static final RecordSeal SEAL = RecordSeal.parse(SIGNING_KEYS);
    private static final String SCHEMA = "universe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @DynamicPropertySource
    static void venueAndLedger(DynamicPropertyRegistry registry) {
        registry.add("nova.binance.spot.rest-url", SIMULATOR::spotUrl);
        registry.add("nova.binance.futures.rest-url", SIMULATOR::futuresUrl);
        registry.add("nova.binance.spot.ws-url", SIMULATOR::spotWsUrl);
        registry.add("nova.binance.futures.ws-url", SIMULATOR::futuresWsUrl);
        registry.add("nova.signing.keys", () -> SIGNING_KEYS);
        PostgresServer postgres = SharedInfrastructure.postgres();
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl()
                + (postgres.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    @TestConfiguration
    static class UniverseAccount {
        @Bean
        @Primary
        Credentials universeAccountCredentials() {
            return Credentials.of(SimulatorProcess.UNIVERSE_API_KEY, SimulatorProcess.UNIVERSE_SECRET);
        }

        /**
         * Execution's own book tickers over the added symbol as well: they follow the configured list today, and the
         * growing trade is checked on them.
         */
        @Bean(initMethod = "start", destroyMethod = "close")
        @Primary
        BinanceBookTickers universeBookTickers(BinanceEndpoints endpoints, Clock clock) {
            return new BinanceBookTickers(endpoints.spot().wsUrl().toString(), endpoints.futures().wsUrl().toString(),
                    List.of("BTCUSDT", ADDED), StreamSettings.defaults(), clock);
        }
    }

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KillSwitch killSwitch;
    @Autowired
    TradingSupervisor supervisor;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    TradedUniverse universe;
    @Autowired
    VenuePrices venuePrices;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void tradingIsActiveAndFree() {
        await().atMost(Duration.ofSeconds(60)).until(() -> supervisor.active()
                && !listeners.getListenerContainer("execution-signals").getAssignedPartitions().isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> venuePrices.latest(ADDED, Venue.SPOT) != null
                && venuePrices.latest(ADDED, Venue.USDM) != null);
        if (killSwitch.engaged()) {
            killSwitch.release("universe case", "execution-it");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !killSwitch.engaged());
    }

    @Test
    void aSealedUniverseAddsASymbolWhoseOpeningTradesBothLegsOnItsOwnFiltersAndAnUnsealedOneChangesNothing() {
        assertThat(universe.member(ADDED)).isFalse();
        long revision = universe.revision() + 1;

        sendUniverse(new UniverseSelection(revision, System.currentTimeMillis(), System.currentTimeMillis(),
                List.of(member("BTCUSDT"), member(ADDED)), List.of("BTCUSDT", ADDED), List.of()), SEAL);
        await().atMost(Duration.ofSeconds(30)).until(() -> universe.member(ADDED));
        assertThat(universe.revision()).isEqualTo(revision);

        // The simulator lists the symbol at spot step 0.01 and USD-M step 0.1: 3.37 trades 3.3 on both legs.
        Signal open = signal(ADDED, "3.37");
        send(open);
        assertThat(awaitOutcome(open)).isEqualTo("FILLED");
        List<OrderRecord> orders = ledger.ordersOfSignal(open.signalId());
        assertThat(orders).hasSize(2).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(o.executedQty()).isEqualByComparingTo("3.3");
        });
        assertThat(orders).extracting(OrderRecord::venue).containsExactlyInAnyOrder(Venue.SPOT, Venue.USDM);
        assertThat(ledger.activePair(ADDED).orElseThrow().state()).isEqualTo(PairState.OPEN);
        assertThat(SIMULATOR.orders(ADDED, "SPOT")).singleElement()
                .satisfies(o -> assertThat(new BigDecimal(o.path("executedQty").asString())).isEqualByComparingTo("3.3"));
        assertThat(SIMULATOR.orders(ADDED, "USDM")).singleElement()
                .satisfies(o -> assertThat(new BigDecimal(o.path("executedQty").asString())).isEqualByComparingTo("3.3"));

        // An unsealed record that would drop the symbol: refused, counted, and the universe in force stays.
        double refusedBefore = refused("UNSIGNED");
        sendUniverse(new UniverseSelection(revision + 1, System.currentTimeMillis(), System.currentTimeMillis(),
                List.of(member("BTCUSDT")), List.of("BTCUSDT"), List.of()), RecordSeal.none());
        await().atMost(Duration.ofSeconds(30)).until(() -> refused("UNSIGNED") > refusedBefore);
        assertThat(universe.revision()).isEqualTo(revision);
        assertThat(universe.member(ADDED)).isTrue();
        Signal grow = signal(ADDED, "4.4");
        send(grow);
        assertThat(awaitOutcome(grow)).isEqualTo("FILLED");
        assertThat(ledger.activePair(ADDED).orElseThrow().perp().quantity()).isEqualByComparingTo("4.4");
    }

    private double refused(String reason) {
        var counter = meters.find("nova.execution.universe.refused").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static UniverseSelection.Member member(String symbol) {
        return new UniverseSelection.Member(symbol, new BigDecimal("10000"), 0.25, 8, "share");
    }

    private void sendUniverse(UniverseSelection selection, RecordSeal seal) {
        byte[] value = EventCodec.encode(selection);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.UNIVERSE, UniverseSelection.KEY, value);
        seal.seal(Topics.UNIVERSE, UniverseSelection.KEY, value, record.headers());
        kafka.send(record).join();
    }

    private Signal signal(String symbol, String target) {
        BigDecimal[] spotBook = SIMULATOR.bookTicker(symbol, "SPOT");
        BigDecimal[] perpBook = SIMULATOR.bookTicker(symbol, "USDM");
        long micros = EpochMicros.now();
        Quote spot = new Quote(symbol, Venue.SPOT, spotBook[0], BigDecimal.TEN, spotBook[1], BigDecimal.TEN, 1, 0, micros);
        Quote perp = new Quote(symbol, Venue.USDM, perpBook[0], BigDecimal.TEN, perpBook[1], BigDecimal.TEN, 1,
                micros / 1000, micros);
        FundingRate funding = new FundingRate(symbol, perpBook[0], perpBook[0], new BigDecimal("0.001"),
                micros / 1000 + 3_600_000, micros / 1000, micros);
        BigDecimal qty = new BigDecimal(target);
        return new Signal(new SignalId(UUID.randomUUID().toString()), symbol, qty, qty.multiply(perpBook[0]),
                Signal.Reason.CARRY_ABOVE_ENTRY, 0.2, spot, perp, funding, micros, System.currentTimeMillis() + 60_000);
    }

    private void send(Signal signal) {
        byte[] value = EventCodec.encode(signal);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SIGNALS, signal.key(), value);
        SEAL.seal(Topics.SIGNALS, signal.key(), value, record.headers());
        kafka.send(record).join();
    }

    private String awaitOutcome(Signal signal) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                        "select outcome from processed_signals where signal_id = ?").param(signal.signalId().value())
                .query(String.class).optional().orElse(""), o -> !o.isEmpty() && !o.equals("IN_PROGRESS"));
    }
}
