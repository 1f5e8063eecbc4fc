package com.novaquant.execution.it;

import com.novaquant.binance.auth.Credentials;
import com.novaquant.events.Alert;
import com.novaquant.events.EpochMicros;
import com.novaquant.events.EventCodec;
import com.novaquant.events.FeedGate;
import com.novaquant.events.FundingRate;
import com.novaquant.events.Quote;
import com.novaquant.events.RecordSeal;
import com.novaquant.events.Severity;
import com.novaquant.events.Signal;
import com.novaquant.events.Topics;
import com.novaquant.events.Venue;
import com.novaquant.execution.adapter.persistence.AdvisoryLockLease;
import com.novaquant.execution.application.AccountBook;
import com.novaquant.execution.application.ExecutionCore;
import com.novaquant.execution.application.KillSwitch;
import com.novaquant.execution.application.Ledger;
import com.novaquant.execution.application.OrderRecord;
import com.novaquant.execution.application.PairRecord;
import com.novaquant.execution.application.Reconciler;
import com.novaquant.execution.application.Rehearsal;
import com.novaquant.execution.application.TradingSupervisor;
import com.novaquant.execution.application.TradingVenue;
import com.novaquant.execution.domain.ClientOrderIds;
import com.novaquant.execution.domain.LegOrder;
import com.novaquant.execution.domain.OrderPurpose;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PairState;
import com.novaquant.execution.domain.PlacementOutcome;
import com.novaquant.execution.domain.PnlRow;
import com.novaquant.ids.ClientOrderId;
import com.novaquant.ids.PairId;
import com.novaquant.ids.SignalId;
import com.novaquant.testsupport.ExchangeRecords;
import com.novaquant.testsupport.Http;
import com.novaquant.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The acceptance cases, end to end: signals over real Kafka, the ledger in real PostgreSQL, orders through
 * binance-client to the exchange simulator (a separate process), faults injected through its admin API. Each
 * case trades its own symbol so the cases share one simulator and one ledger without seeing each other.
 */
@RealInfrastructure(postgres = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nova.admin.password=it-secret",
        "nova.execution.lease-check-interval=300ms",
        "nova.execution.reconcile-interval=10m",
        "nova.execution.funding-poll-interval=10m",
        "nova.execution.books.trade-interval=10m",
        "nova.execution.books.funding-check-interval=10m",
        "nova.execution.books.reconcile-interval=10m",
        "nova.execution.books.reconcile-settle=0s",
        "nova.execution.margin.check-interval=10m",
        "nova.execution.query-backoff=100ms",
        "nova.execution.max-quote-age=10s",
        "nova.execution.rehedge-deadline=5s",
        "nova.binance.response-timeout=3s",
        "nova.binance.call-timeout=5s"})
class ExecutionAcceptanceIT {

    private static final SimulatorProcess SIMULATOR = SimulatorProcess.shared();
    private static final List<Alert> ALERTS = new CopyOnWriteArrayList<>();
    /** The signing key signal-service and execution share; this test seals its signals as signal-service would. */
    private static final String SIGNING_KEYS = RecordSeal.generate("it-1");
    private static final RecordSeal SEAL = RecordSeal.parse(SIGNING_KEYS);
    private static final AtomicBoolean LISTENING = new AtomicBoolean();
    private static Thread alertReader;

    @DynamicPropertySource
    static void venue(DynamicPropertyRegistry registry) {
        registry.add("nova.binance.spot.rest-url", SIMULATOR::spotUrl);
        registry.add("nova.binance.futures.rest-url", SIMULATOR::futuresUrl);
        // Execution's own book tickers (its view of the venue's prices) from the simulator's streams.
        registry.add("nova.binance.spot.ws-url", SIMULATOR::spotWsUrl);
        registry.add("nova.binance.futures.ws-url", SIMULATOR::futuresWsUrl);
        registry.add("nova.symbols", () -> String.join(",", SimulatorProcess.SYMBOLS));
        registry.add("nova.signing.keys", () -> SIGNING_KEYS);
    }

    @TestConfiguration
    static class PaperAccount {
        /** The simulator's paper account; in production the keys come from the environment only. */
        @Bean
        @org.springframework.context.annotation.Primary
        Credentials paperAccountCredentials() {
            return Credentials.of(SimulatorProcess.API_KEY, SimulatorProcess.SECRET);
        }
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    Ledger ledger;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KillSwitch killSwitch;
    @Autowired
    TradingSupervisor supervisor;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    Reconciler reconciler;
    @Autowired
    TradingVenue venue;
    @Autowired
    ExecutionCore core;
    @Autowired
    com.novaquant.execution.application.DailySummary summary;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    com.novaquant.execution.application.ExecutionProperties properties;
    @Autowired
    com.novaquant.execution.application.BooksKeeper books;
    @Autowired
    com.novaquant.execution.application.PnlReader pnl;
    @Autowired
    AccountBook accountBook;
    @Autowired
    com.novaquant.execution.application.VenuePrices venuePrices;

    @BeforeAll
    static void readAlerts() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "execution-it-alerts-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        LISTENING.set(true);
        alertReader = Thread.ofPlatform().daemon().start(() -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(Topics.ALERTS));
                while (LISTENING.get()) {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                        try {
                            ALERTS.add(EventCodec.decode(r.value(), Alert.class));
                        } catch (RuntimeException ignored) {
                            // other services' malformed records are not this test's concern
                        }
                    });
                }
            }
        });
    }

    @AfterAll
    static void stopAlerts() throws InterruptedException {
        LISTENING.set(false);
        alertReader.join(5000);
    }

    @BeforeEach
    void tradingIsActiveAndFree() {
        SIMULATOR.clearFaults();
        await().atMost(Duration.ofSeconds(60)).until(() -> supervisor.active()
                && !listeners.getListenerContainer("execution-signals").getAssignedPartitions().isEmpty());
        // Execution's own view of the simulator's book, from its own streams: what a growing trade is checked on.
        await().atMost(Duration.ofSeconds(30)).until(() -> SimulatorProcess.SYMBOLS.stream().allMatch(s ->
                venuePrices.latest(s, Venue.SPOT) != null && venuePrices.latest(s, Venue.USDM) != null));
        if (killSwitch.engaged()) {
            killSwitch.release("next acceptance case", "execution-it");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !killSwitch.engaged());
    }

    @Test
    void normalOpenAndCloseWritesExactLedgerRows() {
        String symbol = "OPNUSDT";
        Signal open = signal(symbol, "1");
        send(open);
        assertThat(awaitOutcome(open)).isEqualTo("FILLED");

        PairId pairId = ClientOrderIds.pairId(open.signalId());
        PairRecord pair = ledger.pair(pairId).orElseThrow();
        assertThat(pair.state()).isEqualTo(PairState.OPEN);
        assertThat(pair.perp().quantity()).isEqualByComparingTo("1");
        // Spot commission is charged in the base asset: the pair holds what arrived.
        assertThat(pair.spot().quantity()).isEqualByComparingTo("0.999");
        List<OrderRecord> opening = ledger.ordersOfSignal(open.signalId());
        assertThat(opening).extracting(OrderRecord::clientOrderId).containsExactlyInAnyOrder(
                ClientOrderIds.of(open.signalId(), Venue.SPOT, OrderPurpose.OPEN, 0),
                ClientOrderIds.of(open.signalId(), Venue.USDM, OrderPurpose.OPEN, 0));
        assertThat(opening).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(o.executedQty()).isEqualByComparingTo("1");
            assertThat(o.avgPrice()).isPositive();
            assertThat(o.pairId()).isEqualTo(pairId);
        });
        assertThat(fills(pairId)).isEqualTo(2);

        Signal close = signal(symbol, "0");
        send(close);
        assertThat(awaitOutcome(close)).isEqualTo("FILLED");
        PairRecord closed = ledger.pair(pairId).orElseThrow();
        assertThat(closed.state()).isEqualTo(PairState.CLOSED);
        assertThat(closed.perp().quantity()).isZero();
        assertThat(closed.spot().quantity()).isZero();
        List<OrderRecord> closing = ledger.ordersOfSignal(close.signalId());
        assertThat(closing).hasSize(2).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
        assertThat(closing).filteredOn(o -> o.venue() == Venue.SPOT).singleElement()
                .satisfies(o -> assertThat(o.executedQty()).isEqualByComparingTo("0.999"));
        assertThat(closing).filteredOn(o -> o.venue() == Venue.USDM).singleElement()
                .satisfies(o -> assertThat(o.reduceOnly()).isTrue());
        assertThat(fills(pairId)).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from pair_closes where pair_id = ?").param(pairId.value()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(SIMULATOR.orders(symbol, "SPOT")).hasSize(2);
        assertThat(SIMULATOR.orders(symbol, "USDM")).hasSize(2);
        assertThat(SIMULATOR.perpPosition(symbol)).isZero();
    }

    @Test
    void futuresRejectedAfterSpotFilledUnwindsSpotEngagesKillSwitchAndRaisesCritical() {
        String symbol = "LEGUSDT";
        SIMULATOR.post("/admin/faults/reject-next",
                "{\"venue\":\"USDM\",\"symbol\":\"" + symbol + "\",\"code\":-2019,\"msg\":\"Margin is insufficient.\"}");
        Signal open = signal(symbol, "1");
        send(open);
        assertThat(awaitOutcome(open)).isEqualTo("UNWOUND");

        PairRecord pair = ledger.pair(ClientOrderIds.pairId(open.signalId())).orElseThrow();
        assertThat(pair.state()).isEqualTo(PairState.UNWOUND);
        List<OrderRecord> orders = ledger.ordersOfSignal(open.signalId());
        assertThat(orders).filteredOn(o -> o.purpose() == OrderPurpose.UNWIND).singleElement().satisfies(o -> {
            assertThat(o.venue()).isEqualTo(Venue.SPOT);
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        });
        assertThat(orders).filteredOn(o -> o.venue() == Venue.USDM).singleElement()
                .satisfies(o -> assertThat(o.errorCode()).isEqualTo(-2019));
        assertThat(killSwitch.engaged()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> ALERTS.stream().anyMatch(a -> a.severity() == Severity.CRITICAL
                && "LEG_RISK".equals(a.code())
                && a.text().startsWith("LEG RISK DETECTED: Spot Filled, Future Rejected. Unwinding position. System Halted.")
                && a.text().contains(symbol)));
        // The naked exposure is gone on the exchange: no perp, and spot back below one step.
        assertThat(SIMULATOR.perpPosition(symbol)).isZero();
        assertThat(SIMULATOR.spotBalance("LEG")).isLessThan(new BigDecimal("0.01"));
    }

    @Test
    void spotRejectedAfterFuturesFilledUnwindsFutures() {
        String symbol = "SPTUSDT";
        SIMULATOR.post("/admin/faults/reject-next",
                "{\"venue\":\"SPOT\",\"symbol\":\"" + symbol + "\",\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"}");
        Signal open = signal(symbol, "1");
        send(open);
        assertThat(awaitOutcome(open)).isEqualTo("UNWOUND");
        List<OrderRecord> orders = ledger.ordersOfSignal(open.signalId());
        assertThat(orders).filteredOn(o -> o.purpose() == OrderPurpose.UNWIND).singleElement().satisfies(o -> {
            assertThat(o.venue()).isEqualTo(Venue.USDM);
            assertThat(o.reduceOnly()).isTrue();
            assertThat(o.executedQty()).isEqualByComparingTo("1");
        });
        assertThat(killSwitch.engaged()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> ALERTS.stream().anyMatch(a -> "LEG_RISK".equals(a.code())
                && a.text().startsWith("LEG RISK DETECTED: Future Filled, Spot Rejected.")));
        assertThat(SIMULATOR.perpPosition(symbol)).isZero();
    }

    @Test
    void partialFuturesFillIsRehedgedWithoutHalting() {
        String symbol = "PRTUSDT";
        SIMULATOR.post("/admin/faults/partial-fill-next", "{\"venue\":\"USDM\",\"symbol\":\"" + symbol + "\",\"ratio\":0.5}");
        Signal open = signal(symbol, "1");
        send(open);
        assertThat(awaitOutcome(open)).isEqualTo("REHEDGED");
        PairRecord pair = ledger.pair(ClientOrderIds.pairId(open.signalId())).orElseThrow();
        assertThat(pair.state()).isEqualTo(PairState.OPEN);
        assertThat(pair.perp().quantity()).isEqualByComparingTo("1");
        assertThat(ledger.ordersOfSignal(open.signalId())).filteredOn(o -> o.purpose() == OrderPurpose.REHEDGE)
                .singleElement().satisfies(o -> {
                    assertThat(o.venue()).isEqualTo(Venue.USDM);
                    assertThat(o.executedQty()).isEqualByComparingTo("0.5");
                });
        assertThat(killSwitch.engaged()).isFalse();
        assertThat(SIMULATOR.perpPosition(symbol)).isEqualByComparingTo("-1");
    }

    @Test
    void serverErrorAfterAcceptIsResolvedByQueryWithoutADuplicateOrder() {
        String symbol = "AMBUSDT";
        SIMULATOR.post("/admin/faults/ambiguous-next", "{\"venue\":\"USDM\",\"symbol\":\"" + symbol + "\",\"mode\":\"HTTP_5XX\"}");
        Signal open = signal(symbol, "1");
        send(open);
        assertThat(awaitOutcome(open)).isEqualTo("FILLED");
        assertThat(SIMULATOR.orders(symbol, "USDM")).hasSize(1)
                .allSatisfy(o -> assertThat(o.path("outcome").asString()).startsWith("AMBIGUOUS"));
        OrderRecord perp = ledger.order(ClientOrderIds.of(open.signalId(), Venue.USDM, OrderPurpose.OPEN, 0)).orElseThrow();
        assertThat(perp.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(perp.executedQty()).isEqualByComparingTo("1");
        assertThat(SIMULATOR.perpPosition(symbol)).isEqualByComparingTo("-1");
    }

    @Test
    void sameSignalDeliveredTwiceTradesOnce() {
        String symbol = "DUPUSDT";
        Signal open = signal(symbol, "1");
        send(open);
        send(open);
        assertThat(awaitOutcome(open)).isEqualTo("FILLED");
        Signal marker = signal(symbol, "1");
        send(marker);
        // The marker is handled after the duplicate (same partition, same key): by then the duplicate was seen.
        assertThat(awaitOutcome(marker)).isEqualTo("NO_CHANGE");
        assertThat(SIMULATOR.orders(symbol, "SPOT")).hasSize(1);
        assertThat(SIMULATOR.orders(symbol, "USDM")).hasSize(1);
        assertThat(ledger.ordersOfSignal(open.signalId())).hasSize(2);
    }

    @Test
    void twoPairsDecidedAtOnceCannotBothSpendTheSameSpotBalance() {
        // Leave about 1500 USDT on spot: enough for one 10-unit pair (1011 with the check's headroom), not for two.
        BigDecimal drained = drainSpotQuoteTo(new BigDecimal("1500"));
        try {
            accountBook.refresh(AccountBook.Trigger.PERIODIC);
            Signal first = signal("BALUSDT", "10");
            Signal second = signal("BBLUSDT", "10");
            // One batch: the two symbols are decided at once, in no fixed order; the hold the winner takes before
            // it lets go of the desk is what refuses the other.
            sendSealed(first, SEAL);
            send(second);
            List<String> outcomes = List.of(awaitOutcome(first), awaitOutcome(second));
            assertThat(outcomes).containsExactlyInAnyOrder("FILLED", "SPOT_BALANCE");
            Signal refused = outcomes.get(0).equals("FILLED") ? second : first;
            Signal filled = refused == first ? second : first;
            assertThat(SIMULATOR.orders(refused.symbol(), "SPOT")).isEmpty();
            assertThat(SIMULATOR.orders(refused.symbol(), "USDM")).isEmpty();
            assertThat(ledger.ordersOfSignal(refused.signalId())).isEmpty();
            assertThat(killSwitch.engaged()).isFalse();

            Signal close = signal(filled.symbol(), "0");
            send(close);
            assertThat(awaitOutcome(close)).isEqualTo("FILLED");
        } finally {
            sellSpot("DRNUSDT", "DRN", drained);
        }
    }

    @Test
    void theStartUpRehearsalLeavesNothingInTheLedger() {
        long pairsBefore = ledger.activePairs().size();
        assertThat(core.rehearsal().rehearse(20)).isPositive();
        for (String table : List.of("processed_signals", "pairs", "orders")) {
            assertThat(jdbc.sql("select count(*) from " + table + " where symbol = ?")
                    .param(Rehearsal.SYMBOL).query(Long.class).single()).as(table).isZero();
        }
        assertThat(ledger.activePairs()).hasSize((int) pairsBefore);
        assertThat(SIMULATOR.orders(Rehearsal.SYMBOL, "SPOT")).isEmpty();
    }

    @Test
    void signalsForDifferentSymbolsTradeAtOnceAndAllFill() {
        List<String> symbols = List.of("CCAUSDT", "CCBUSDT", "CCCUSDT");
        // Every exchange answer takes a second: trades run one after another would never be open together.
        SIMULATOR.post("/admin/faults/response-delay", "{\"ms\":1000}");
        List<Signal> opens = symbols.stream().map(s -> signal(s, "1")).toList();
        try {
            opens.forEach(this::send);
            await().atMost(Duration.ofSeconds(30)).until(() -> ledger.activePairs().stream()
                    .filter(p -> symbols.contains(p.symbol()) && p.state() == PairState.OPENING).count() >= 2);
        } finally {
            SIMULATOR.clearFaults();
        }
        for (Signal open : opens) {
            assertThat(awaitOutcome(open)).as(open.symbol()).isEqualTo("FILLED");
            assertThat(SIMULATOR.orders(open.symbol(), "SPOT")).as(open.symbol()).hasSize(1);
            assertThat(SIMULATOR.orders(open.symbol(), "USDM")).as(open.symbol()).hasSize(1);
        }
        List<Signal> closes = symbols.stream().map(s -> signal(s, "0")).toList();
        closes.forEach(this::send);
        for (Signal close : closes) {
            assertThat(awaitOutcome(close)).as(close.symbol()).isEqualTo("FILLED");
        }
        assertThat(killSwitch.engaged()).isFalse();
    }

    @Test
    void failedAccountReadRefusesWithVenueUnavailableAndSendsNothing() {
        String symbol = "VUNUSDT";
        // Every answer now comes after the client's response timeout: the read after the last trade fails, and so
        // does the decision's own read.
        SIMULATOR.post("/admin/faults/response-delay", "{\"ms\":5000}");
        accountBook.tradeFinished(accountBook.tradeStarted(symbol, BigDecimal.ZERO, BigDecimal.ZERO));
        Signal open = signal(symbol, "1");
        send(open);
        assertThat(awaitOutcome(open)).isEqualTo("VENUE_UNAVAILABLE");
        SIMULATOR.clearFaults();
        // The timed-out reads may have opened a venue's circuit breaker: the tests after this one need it closed
        // again, which takes its open period (15 s) and a successful call on each venue.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> venue.account() != null && venue.perpPositions() != null);
        assertThat(ledger.ordersOfSignal(open.signalId())).isEmpty();
        assertThat(SIMULATOR.orders(symbol, "SPOT")).isEmpty();
        assertThat(SIMULATOR.orders(symbol, "USDM")).isEmpty();
        assertThat(ledger.activePairs()).noneMatch(p -> p.symbol().equals(symbol));
    }

    @Test
    void theExposureReadReturnsTheSymbolsActivePairAndTheTotalActiveNotionalAndWritesNothing() {
        String symbol = "CLMUSDT";
        PairId pairId = ClientOrderIds.pairId(new SignalId("claim-" + UUID.randomUUID()));
        ledger.openPair(pairId, symbol, new SignalId("claim-setup"));
        jdbc.sql("update pairs set perp_qty = 2, perp_entry_price = 100, spot_qty = 2 where pair_id = ?").param(pairId.value()).update();
        try {
            BigDecimal expectedTotal = ledger.activePairs().stream().map(PairRecord::notional)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Signal signal = signal(symbol, "3");

            Ledger.Exposure exposure = ledger.exposureUnlessSeen(signal).orElseThrow();
            assertThat(exposure.pair()).hasValueSatisfying(p -> {
                assertThat(p.pairId()).isEqualTo(pairId);
                assertThat(p.perp().quantity()).isEqualByComparingTo("2");
            });
            assertThat(exposure.totalNotional()).isEqualByComparingTo(expectedTotal).isGreaterThanOrEqualTo(new BigDecimal("200"));
            assertThat(outcome(signal)).as("the read records nothing").isEmpty();
            assertThat(ledger.exposureUnlessSeen(signal)).isPresent();
            assertThat(ledger.recordRefusal(signal, "NO_CHANGE", "refused by the test")).isTrue();
            assertThat(ledger.exposureUnlessSeen(signal)).as("a recorded signal is a redelivery").isEmpty();
        } finally {
            jdbc.sql("update pairs set perp_qty = 0, spot_qty = 0 where pair_id = ?").param(pairId.value()).update();
            ledger.setPairState(pairId, PairState.CLOSED, new SignalId("claim-cleanup"));
        }
    }

    @Test
    void theWriteAheadWritesNothingNotEvenTheClaimWhenAClientIdExists() {
        Signal signal = signal("BEXUSDT", "1");
        SignalId signalId = signal.signalId();
        PairId pairId = ClientOrderIds.pairId(signalId);
        OrderRecord spot = newOrder(pairId, signalId, "BEXUSDT", Venue.SPOT, com.novaquant.events.Side.BUY);
        OrderRecord perp = newOrder(pairId, signalId, "BEXUSDT", Venue.USDM, com.novaquant.events.Side.SELL);
        PairRecord pair = ledger.claimAndWriteAhead(signal, pairId, PairState.OPENING, List.of(spot, perp)).orElseThrow();
        try {
            assertThat(pair.state()).isEqualTo(PairState.OPENING);
            assertThat(ledger.ordersOfSignal(signalId)).extracting(OrderRecord::status)
                    .containsExactly(OrderStatus.NEW, OrderStatus.NEW);
            assertThat(outcome(signal)).isEqualTo("IN_PROGRESS");

            Signal other = signal("BEYUSDT", "1");
            PairId otherPair = ClientOrderIds.pairId(other.signalId());
            OrderRecord fresh = newOrder(otherPair, other.signalId(), "BEYUSDT", Venue.SPOT, com.novaquant.events.Side.BUY);
            OrderRecord clash = new OrderRecord(spot.clientOrderId(), otherPair, other.signalId(), "BEYUSDT", Venue.USDM,
                    com.novaquant.events.Side.SELL, BigDecimal.ONE, false, OrderPurpose.OPEN, OrderStatus.NEW, 0,
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "", 0, null, false, 1, 1, java.time.Instant.now());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.claimAndWriteAhead(other, otherPair,
                    PairState.OPENING, List.of(fresh, clash))).isInstanceOf(RuntimeException.class);
            assertThat(ledger.pair(otherPair)).isEmpty();
            assertThat(ledger.order(fresh.clientOrderId())).isEmpty();
            assertThat(outcome(other)).as("the claim went with the rest").isEmpty();
        } finally {
            for (OrderRecord o : List.of(spot, perp)) {
                ledger.recordOutcome(o.clientOrderId(), OrderStatus.NOT_SENT, null, 0, "test rows, never sent", true);
            }
            ledger.setPairState(pairId, PairState.CLOSED, signalId);
            ledger.completeSignal(signalId, "NO_CHANGE", "written by the test, never sent");
        }
    }

    @Test
    void killSwitchBlocksOpening() {
        String symbol = "KILUSDT";
        Http.Response engaged = admin("POST", "/admin/kill-switch/engage", "{\"reason\":\"acceptance\"}", true);
        assertThat(engaged.status()).isEqualTo(200);
        assertThat(engaged.body()).contains("\"engaged\":true").contains("\"by\":\"operator\"");
        Signal open = signal(symbol, "1");
        send(open);
        assertThat(awaitOutcome(open)).isEqualTo("KILL_SWITCH");
        assertThat(SIMULATOR.orders(symbol, "SPOT")).isEmpty();
        assertThat(SIMULATOR.orders(symbol, "USDM")).isEmpty();
        assertThat(jdbc.sql("select engaged from kill_switch_history order by id desc limit 1").query(Boolean.class).single())
                .isTrue();
        Http.Response released = admin("POST", "/admin/kill-switch/release", "{\"reason\":\"done\"}", true);
        assertThat(released.body()).contains("\"engaged\":false");
    }

    @Test
    void aFrozenDeskRefusesEvenACloseAndStatusSaysFrozenUntilReleased() {
        String symbol = "ACDUSDT";
        Signal open = signal(symbol, "1");
        send(open);
        assertThat(awaitOutcome(open)).isEqualTo("FILLED");
        Http.Response frozen = admin("POST", "/admin/kill-switch/freeze", "{\"reason\":\"records in doubt\"}", true);
        assertThat(frozen.status()).isEqualTo(200);
        assertThat(frozen.body()).contains("\"deskMode\":\"FROZEN\"").contains("\"by\":\"operator\"");
        assertThat(admin("GET", "/admin/status", null, true).body()).contains("\"deskMode\":\"FROZEN\"");
        Signal close = signal(symbol, "0");
        send(close);
        assertThat(awaitOutcome(close)).isEqualTo("FROZEN");
        assertThat(jdbc.sql("select mode from kill_switch_history order by id desc limit 1").query(String.class).single())
                .isEqualTo("FROZEN");
        admin("POST", "/admin/kill-switch/release", "{\"reason\":\"records checked\"}", true);
        Signal retry = signal(symbol, "0");
        send(retry);
        assertThat(awaitOutcome(retry)).isEqualTo("FILLED");
    }

    @Test
    void adminEndpointsRefuseUnauthenticatedCalls() {
        for (String path : List.of("/admin/status", "/admin/pairs", "/admin/orders", "/admin/pnl", "/v3/api-docs",
                "/swagger-ui.html", "/webjars/swagger-ui/index.html")) {
            assertThat(admin("GET", path, null, false).status()).as(path).isEqualTo(401);
        }
        assertThat(admin("POST", "/admin/kill-switch/engage", "{\"reason\":\"x\"}", false).status()).isEqualTo(401);
        assertThat(admin("POST", "/admin/flatten", "{\"reason\":\"x\"}", false).status()).isEqualTo(401);
        assertThat(killSwitch.engaged()).isFalse();
        // Probes stay open on the API port (actuator itself is on the management port).
        assertThat(Http.get("http://localhost:" + port + "/livez").status()).isEqualTo(200);
        Http.Response status = admin("GET", "/admin/status", null, true);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body()).contains("\"mode\":\"paper\"").contains("\"killSwitch\"").contains("\"tradingHeld\"");
        assertThat(admin("GET", "/admin/pnl?hours=24", null, true).body()).contains("\"trades\"").contains("\"winRate\"");
        String apiDocs = admin("GET", "/v3/api-docs", null, true).body();
        assertThat(apiDocs).contains("/admin/kill-switch/engage");
        // Every operation of the admin API is documented: a summary and a description each.
        tools.jackson.databind.JsonNode paths = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(apiDocs).path("paths");
        assertThat(paths.propertyNames()).hasSizeGreaterThanOrEqualTo(9);
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey() + " " + path.getKey();
            assertThat(operation.getValue().path("summary").asString("")).as(name + " summary").isNotBlank();
            assertThat(operation.getValue().path("description").asString("")).as(name + " description").isNotBlank();
        }));
        // The same API in a browser, behind the same login.
        Http.Response ui = admin("GET", "/webjars/swagger-ui/index.html", null, true);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    @Test
    void restartInTheMiddleOfAPairRecoversWithoutDuplicateOrNakedLeg() {
        String symbol = "RSTUSDT";
        // The state a crash leaves between the two sends: both orders written, only the spot leg sent.
        SignalId signalId = new SignalId("crashed-" + UUID.randomUUID());
        PairId pairId = ClientOrderIds.pairId(signalId);
        ledger.openPair(pairId, symbol, signalId);
        long now = EpochMicros.now();
        LegOrder spot = new LegOrder(ClientOrderIds.of(signalId, Venue.SPOT, OrderPurpose.OPEN, 0), symbol, Venue.SPOT,
                com.novaquant.events.Side.BUY, BigDecimal.ONE, false, OrderPurpose.OPEN);
        LegOrder perp = new LegOrder(ClientOrderIds.of(signalId, Venue.USDM, OrderPurpose.OPEN, 0), symbol, Venue.USDM,
                com.novaquant.events.Side.SELL, BigDecimal.ONE, false, OrderPurpose.OPEN);
        for (LegOrder leg : List.of(spot, perp)) {
            ledger.recordNew(new OrderRecord(leg.clientOrderId(), pairId, signalId, symbol, leg.venue(), leg.side(),
                    leg.quantity(), leg.reduceOnly(), leg.purpose(), OrderStatus.NEW, 0, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, "", 0, null, false, now, now, java.time.Instant.now()));
        }
        ledger.markSent(spot.clientOrderId(), java.time.Instant.now());
        assertThat(venue.place(spot)).isInstanceOf(PlacementOutcome.Accepted.class);

        // What start-up runs before consuming signals.
        assertThat(reconciler.reconcile()).isEmpty();

        assertThat(ledger.order(spot.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        // Written but never seen by the exchange: proven dead once its recvWindow passed on the exchange's clock.
        assertThat(ledger.order(perp.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.EXPIRED);
        PairRecord pair = ledger.pair(pairId).orElseThrow();
        assertThat(pair.state()).isEqualTo(PairState.OPEN);
        assertThat(pair.perp().quantity()).isEqualByComparingTo("1");
        assertThat(SIMULATOR.orders(symbol, "SPOT")).hasSize(1);
        assertThat(SIMULATOR.orders(symbol, "USDM")).hasSize(1)
                .allSatisfy(o -> assertThat(o.path("clientOrderId").asString())
                        .isEqualTo(ClientOrderIds.of(signalId, Venue.USDM, OrderPurpose.REHEDGE, 1).value()));
        assertThat(SIMULATOR.perpPosition(symbol)).isEqualByComparingTo("-1");
    }

    @Test
    void flattenClosesEveryPairOnBothLegsAfterEngagingTheKillSwitch() {
        String symbol = "FLTUSDT";
        Signal open = signal(symbol, "2");
        send(open);
        assertThat(awaitOutcome(open)).isEqualTo("FILLED");
        Http.Response flatten = admin("POST", "/admin/flatten", "{\"reason\":\"acceptance flatten\"}", true);
        assertThat(flatten.status()).isEqualTo(200);
        assertThat(flatten.body()).contains("\"engaged\":true");
        assertThat(ledger.activePairs()).noneMatch(p -> p.symbol().equals(symbol));
        assertThat(ledger.pair(ClientOrderIds.pairId(open.signalId())).orElseThrow().state()).isEqualTo(PairState.CLOSED);
        assertThat(SIMULATOR.perpPosition(symbol)).isZero();
        assertThat(killSwitch.engaged()).isTrue();
    }

    @Test
    void aWellFormedSignalWithoutTheSigningKeysSealIsRefusedCountedAndPagedOnce() {
        String symbol = SimulatorProcess.SYMBOLS.getFirst();
        // Same key id, another secret: what a writer of the topic without the key can produce at best.
        Signal forged = signal(symbol, "5");
        sendSealed(forged, RecordSeal.parse(RecordSeal.generate("it-1")))
                .join();
        Signal forgedAgain = signal(symbol, "5");
        sendSealed(forgedAgain, RecordSeal.parse(RecordSeal.generate("it-1")))
                .join();
        Signal unsigned = signal(symbol, "5");
        sendSealed(unsigned, RecordSeal.none()).join();

        await().atMost(Duration.ofSeconds(30)).until(() -> refusedCount("BAD_SEAL") >= 2 && refusedCount("UNSIGNED") >= 1);
        for (Signal s : List.of(forged, forgedAgain, unsigned)) {
            assertThat(jdbc.sql("select count(*) from processed_signals where signal_id = ?").param(s.signalId().value())
                    .query(Long.class).single()).as("never recorded, never traded").isZero();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ALERTS.stream()
                .filter(a -> "SIGNAL_REFUSED".equals(a.code()) && a.severity() == Severity.CRITICAL).count() >= 2);
        assertThat(ALERTS).filteredOn(a -> "SIGNAL_REFUSED".equals(a.code()) && a.text().contains("BAD_SEAL"))
                .as("one page per source and reason").hasSize(1);

        // Key ids are the sender's own text: however many it invents, unknown keys page once.
        for (String id : List.of("made-up-1", "made-up-2", "made-up-3")) {
            sendSealed(signal(symbol, "5"), RecordSeal.parse(RecordSeal.generate(id))).join();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> refusedCount("UNKNOWN_KEY") >= 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> ALERTS.stream()
                .anyMatch(a -> "SIGNAL_REFUSED".equals(a.code()) && a.text().contains("UNKNOWN_KEY")));
        assertThat(ALERTS).filteredOn(a -> "SIGNAL_REFUSED".equals(a.code()) && a.text().contains("UNKNOWN_KEY"))
                .hasSize(1);
    }

    private double refusedCount(String outcome) {
        Counter counter = meters.find("nova.execution.signals").tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void secondInstanceCannotTakeTheTradingLeaseWhileTheFirstTrades() {
        com.novaquant.execution.adapter.persistence.LeaseHolderName name =
                new com.novaquant.execution.adapter.persistence.LeaseHolderName("execution/it-standby");
        AdvisoryLockLease standby = new AdvisoryLockLease(
                new com.novaquant.execution.adapter.persistence.LockConnectionFactory(
                        (com.zaxxer.hikari.HikariDataSource) dataSource, name, Duration.ofSeconds(5)),
                dataSource, name, properties.advisoryLockKey());
        try {
            assertThat(supervisor.active()).isTrue();
            assertThat(standby.tryAcquire()).isFalse();
            assertThat(standby.held()).isFalse();
        } finally {
            standby.release();
        }
        assertThat(Http.get("http://localhost:" + port + "/readyz").status()).isEqualTo(200);
    }

    @Test
    void secondInstanceStaysPassiveNotReadyAndSendsNothing() {
        try (org.springframework.context.ConfigurableApplicationContext second =
                     new org.springframework.boot.builder.SpringApplicationBuilder(
                             com.novaquant.execution.ExecutionApplication.class, PaperAccount.class)
                             .run("--server.port=0", "--management.server.port=0", "--nova.admin.password=it-secret",
                                     "--nova.execution.lease-check-interval=300ms",
                                     "--nova.binance.spot.rest-url=" + SIMULATOR.spotUrl(),
                                     "--nova.binance.futures.rest-url=" + SIMULATOR.futuresUrl(),
                                     "--nova.binance.spot.ws-url=" + SIMULATOR.spotWsUrl(),
                                     "--nova.binance.futures.ws-url=" + SIMULATOR.futuresWsUrl())) {
            int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            TradingSupervisor standby = second.getBean(TradingSupervisor.class);
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> true);
            assertThat(standby.active()).isFalse();
            assertThat(second.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("execution-signals")
                    .isRunning()).isFalse();
            assertThat(Http.get("http://localhost:" + secondPort + "/readyz").status()).isEqualTo(503);
            Http.Response status = adminAt(secondPort, "GET", "/admin/status", null);
            assertThat(status.body()).contains("\"tradingHeld\":true").contains("passive instance");
            assertThat(adminAt(secondPort, "POST", "/admin/flatten", "{\"reason\":\"x\"}").status()).isEqualTo(409);
        }
        assertThat(supervisor.active()).isTrue();
    }

    @Test
    void aGatedFeedRefusesAnOpeningOnItsSymbolWithoutTheKillSwitchAndTheLiftLetsItThrough() {
        String symbol = "GATEUSDT";
        FeedGate gated = new FeedGate(symbol, true, "USD-M frames lagging >200ms", System.currentTimeMillis());
        kafka.send(Topics.FEED_GATES, gated.key(), EventCodec.encode(gated)).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Signal probe = signal(symbol, "1");
            send(probe);
            return awaitOutcome(probe).equals("FEED_GATED");
        });
        assertThat(killSwitch.engaged()).as("a feed incident never needs the human switch").isFalse();
        FeedGate lifted = new FeedGate(symbol, false, "feeds healthy for 10s", System.currentTimeMillis() + 1);
        kafka.send(Topics.FEED_GATES, lifted.key(), EventCodec.encode(lifted)).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Signal open = signal(symbol, "1");
            send(open);
            return awaitOutcome(open).equals("FILLED");
        });
    }

    @Test
    void fundingIsPolledIntoTheLedgerAndTheDailySummaryCarriesLedgerFigures() {
        String symbol = "FUNUSDT";
        Signal open = openedThroughAFundingTime(symbol);
        await().atMost(Duration.ofSeconds(30)).until(() -> !books.reconcile().isEmpty() && jdbc.sql(
                "select count(*) from income_records where income_type = 'FUNDING_FEE' and symbol = ?").param(symbol)
                .query(Long.class).single() > 0);
        PairRecord pair = ledger.pair(ClientOrderIds.pairId(open.signalId())).orElseThrow();
        assertThat(pair.funding()).isPositive();
        assertThat(pnl.report(java.time.Instant.now().minus(Duration.ofHours(24))).summary().funding())
                .isGreaterThanOrEqualTo(pair.funding());

        String line = summary.send();
        long trades = jdbc.sql("select count(distinct client_order_id) from fills where at >= now() - interval '24 hours'")
                .query(Long.class).single();
        assertThat(line.lines().findFirst().orElseThrow())
                .matches("24h PnL: [+-]\\$\\d+\\.\\d{2} \\| Total Trades: \\d+ \\| Win Rate: (\\d+%|n/a)");
        assertThat(line).contains("\nBasis ").contains(" | Funding ").contains(" | Fees ");
        assertThat(line).contains("Total Trades: " + trades + " ");
        await().atMost(Duration.ofSeconds(10)).until(() -> ALERTS.stream().anyMatch(a -> a.severity() == Severity.INFO
                && "DAILY_SUMMARY".equals(a.code()) && a.text().equals(line)));
    }

    /**
     * A pair opened, paid funding and closed on the simulator: once its trades and income are booked, its split
     * (basis, funding, fees) equals what the simulator's own trade and income records add up to, to 1e-8 USDT.
     */
    @Test
    void theSplitOfAPairOpenedFundedAndClosedEqualsTheExchangesOwnRecords() {
        String symbol = "BKSUSDT";
        Signal open = openedThroughAFundingTime(symbol);
        Signal close = signal(symbol, "0");
        send(close);
        awaitOutcome(close);
        PairId pairId = ClientOrderIds.pairId(open.signalId());
        assertThat(ledger.pair(pairId).orElseThrow().state()).isEqualTo(PairState.CLOSED);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            books.reconcile();
            return jdbc.sql("select count(*) from orders where pair_id = ? and executed_qty > 0 and not trades_booked")
                    .param(pairId.value()).query(Long.class).single() == 0 && jdbc.sql("select count(*) from income_records"
                    + " where income_type = 'FUNDING_FEE' and pair_id = ?").param(pairId.value()).query(Long.class).single() > 0;
        });

        ExchangeRecords expected = ExchangeRecords.of(SIMULATOR.records(symbol), symbol.replace("USDT", ""),
                new BigDecimal("0.001"));
        PnlRow row = pnl.report(java.time.Instant.now().minus(Duration.ofHours(24))).bySymbol().stream()
                .filter(r -> r.key().equals(symbol)).findFirst().orElseThrow();
        BigDecimal tolerance = new BigDecimal("1E-8");
        assertThat(expected.fees()).isPositive();
        assertThat(expected.funding()).isPositive();
        assertThat(row.fees()).isCloseTo(expected.fees(), org.assertj.core.api.Assertions.within(tolerance));
        assertThat(row.funding()).isCloseTo(expected.funding(), org.assertj.core.api.Assertions.within(tolerance));
        assertThat(row.basis()).isCloseTo(expected.basis(), org.assertj.core.api.Assertions.within(tolerance));
        PairRecord pair = ledger.pair(pairId).orElseThrow();
        assertThat(pair.fees()).isCloseTo(expected.fees(), org.assertj.core.api.Assertions.within(tolerance));
        assertThat(pair.funding()).isCloseTo(expected.funding(), org.assertj.core.api.Assertions.within(tolerance));
        assertThat(pair.realisedPnl()).isCloseTo(expected.basis(), org.assertj.core.api.Assertions.within(tolerance));
    }

    /** Opens a pair on the symbol at a funding rate of 0.1 % and moves the simulator past its next funding time. */
    private Signal openedThroughAFundingTime(String symbol) {
        SIMULATOR.post("/admin/market/funding", "{\"symbol\":\"" + symbol + "\",\"rate\":0.001}");
        Signal open = signal(symbol, "1");
        send(open);
        assertThat(awaitOutcome(open)).isEqualTo("FILLED");
        SIMULATOR.post("/admin/clock/advance", "{\"ms\":" + Duration.ofHours(8).toMillis() + "}");
        return open;
    }

    private static OrderRecord newOrder(PairId pairId, SignalId signalId, String symbol, Venue venue,
                                        com.novaquant.events.Side side) {
        return new OrderRecord(ClientOrderIds.of(signalId, venue, OrderPurpose.OPEN, 0), pairId, signalId, symbol, venue,
                side, BigDecimal.ONE, false, OrderPurpose.OPEN, OrderStatus.NEW, 0, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, "", 0, null, false, 1, 1, java.time.Instant.now());
    }

    /** Buys a symbol's base asset on spot until about {@code left} USDT remain; returns the base quantity bought. */
    private BigDecimal drainSpotQuoteTo(BigDecimal left) {
        BigDecimal bought = BigDecimal.ZERO;
        BigDecimal price = new BigDecimal("120");
        for (int step = 0; step < 2; step++) {
            BigDecimal free = venue.balances("DRNUSDT").spotQuoteFree();
            BigDecimal quantity = free.subtract(left).divide(price, 0, java.math.RoundingMode.DOWN);
            if (quantity.signum() <= 0) {
                break;
            }
            LegOrder buy = new LegOrder(new ClientOrderId("nq-drain-" + UUID.randomUUID().toString().substring(0, 12)),
                    "DRNUSDT",
                    Venue.SPOT, com.novaquant.events.Side.BUY, quantity, false, OrderPurpose.OPEN);
            assertThat(venue.place(buy)).isInstanceOf(PlacementOutcome.Accepted.class);
            bought = bought.add(quantity);
            // The first buy shows the real price; the second brings the balance close to the target.
            price = free.subtract(venue.balances("DRNUSDT").spotQuoteFree()).divide(quantity, java.math.MathContext.DECIMAL64);
        }
        return bought;
    }

    private void sellSpot(String symbol, String asset, BigDecimal atMost) {
        BigDecimal quantity = SIMULATOR.spotBalance(asset).min(atMost).setScale(2, java.math.RoundingMode.DOWN);
        if (quantity.signum() > 0) {
            LegOrder sell = new LegOrder(new ClientOrderId("nq-refill-" + UUID.randomUUID().toString().substring(0,
                    12)), symbol,
                    Venue.SPOT, com.novaquant.events.Side.SELL, quantity, false, OrderPurpose.CLOSE);
            assertThat(venue.place(sell)).isInstanceOf(PlacementOutcome.Accepted.class);
        }
    }

    /**
     * A signal on the simulator's book as it is now (execution refuses to grow on prices off its own view of the
     * venue); a symbol the simulator does not list is quoted 99.9 / 100.1.
     */
    private Signal signal(String symbol, String target) {
        BigDecimal[] spotBook = SimulatorProcess.SYMBOLS.contains(symbol) ? SIMULATOR.bookTicker(symbol, "SPOT") : null;
        BigDecimal[] perpBook = SimulatorProcess.SYMBOLS.contains(symbol) ? SIMULATOR.bookTicker(symbol, "USDM") : null;
        BigDecimal[] fallback = {new BigDecimal("99.9"), new BigDecimal("100.1")};
        spotBook = spotBook == null ? fallback : spotBook;
        perpBook = perpBook == null ? fallback : perpBook;
        long micros = EpochMicros.now();
        Quote spot = new Quote(symbol, Venue.SPOT, spotBook[0], BigDecimal.TEN, spotBook[1], BigDecimal.TEN, 1, 0, micros);
        Quote perp = new Quote(symbol, Venue.USDM, perpBook[0], BigDecimal.TEN, perpBook[1], BigDecimal.TEN, 1,
                micros / 1000, micros);
        FundingRate funding = new FundingRate(symbol, new BigDecimal("100"), new BigDecimal("100"),
                new BigDecimal("0.001"), micros / 1000 + 3_600_000, micros / 1000, micros);
        BigDecimal qty = new BigDecimal(target);
        return new Signal(new SignalId(UUID.randomUUID().toString()), symbol, qty, qty.multiply(new BigDecimal("100")),
                qty.signum() == 0 ? Signal.Reason.CARRY_BELOW_EXIT : Signal.Reason.CARRY_ABOVE_ENTRY, 0.2, spot, perp,
                funding, micros, System.currentTimeMillis() + 60_000);
    }

    private void send(Signal signal) {
        sendSealed(signal, SEAL).join();
    }

    private CompletableFuture<?> sendSealed(Signal signal, RecordSeal seal) {
        byte[] value = EventCodec.encode(signal);
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.SIGNALS, signal.key(), value);
        seal.seal(Topics.SIGNALS, signal.key(), value, record.headers());
        return kafka.send(record);
    }

    private String awaitOutcome(Signal signal) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> outcome(signal),
                outcome -> !outcome.isEmpty() && !outcome.equals("IN_PROGRESS"));
    }

    private String outcome(Signal signal) {
        return jdbc.sql("select outcome from processed_signals where signal_id = ?").param(signal.signalId().value())
                .query(String.class).optional().orElse("");
    }

    private long fills(PairId pairId) {
        return jdbc.sql("select count(*) from fills where pair_id = ?").param(pairId.value()).query(Long.class).single();
    }

    private Http.Response adminAt(int targetPort, String method, String path, String body) {
        return request(targetPort, method, path, body, true);
    }

    private Http.Response admin(String method, String path, String body, boolean authenticated) {
        return request(port, method, path, body, authenticated);
    }

    private Http.Response request(int targetPort, String method, String path, String body, boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + targetPort + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authenticated) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString("operator:it-secret".getBytes(StandardCharsets.UTF_8)));
        }
        return Http.send(request.build());
    }
}
