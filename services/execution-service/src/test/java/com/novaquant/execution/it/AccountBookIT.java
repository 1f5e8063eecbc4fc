package com.novaquant.execution.it;

import com.novaquant.binance.auth.Credentials;
import com.novaquant.binance.auth.TradingMode;
import com.novaquant.binance.rest.BinanceClientConfig;
import com.novaquant.binance.rest.BinanceRestClient;
import com.novaquant.events.Side;
import com.novaquant.events.Venue;
import com.novaquant.execution.adapter.binance.BinanceTradingVenue;
import com.novaquant.execution.application.AccountBook;
import com.novaquant.execution.application.ExecutionMetrics;
import com.novaquant.execution.application.TradingVenue;
import com.novaquant.execution.application.VenueUnavailableException;
import com.novaquant.execution.domain.LegOrder;
import com.novaquant.execution.domain.OrderPurpose;
import com.novaquant.execution.domain.PlacementOutcome;
import com.novaquant.ids.ClientOrderId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The account view against the exchange simulator's paper account over real HTTP: when a decision may use the view,
 * when it must read the account again, that what running trades may spend is held back from every other decision,
 * and that a trade's own fills are always seen by the next decision on its symbol.
 */
class AccountBookIT {

    private static final SimulatorProcess SIMULATOR = SimulatorProcess.shared();
    private static final String SYMBOL = "ACBUSDT";
    /** Symbols decided while a trade on {@link #SYMBOL} runs. */
    private static final String OTHER = "ACCUSDT";
    private static final String THIRD = "ACDUSDT";
    private static final Duration MAX_AGE = Duration.ofSeconds(15);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(3);
    /** Answers held back longer than the client waits: every read fails. */
    private static final String SLOW_ANSWERS = "{\"ms\":" + RESPONSE_TIMEOUT.plusSeconds(2).toMillis() + "}";

    private static ExecutorService reader;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SettableClock clock = new SettableClock();
    private BinanceRestClient client;
    private TradingVenue venue;
    private AccountBook book;

    @BeforeAll
    static void startReader() {
        reader = Executors.newVirtualThreadPerTaskExecutor();
    }

    @AfterAll
    static void stopReader() {
        reader.close();
    }

    /** A client of its own per case: the timeouts a case provokes must not open the next case's circuit breaker. */
    @BeforeEach
    void freshClientAndBook() {
        SIMULATOR.clearFaults();
        BinanceClientConfig config = BinanceClientConfig.builder(TradingMode.PAPER, URI.create(SIMULATOR.spotUrl()),
                URI.create(SIMULATOR.futuresUrl())).responseTimeout(RESPONSE_TIMEOUT).readRetries(0).build();
        client = BinanceRestClient.create(config, Credentials.of(SimulatorProcess.API_KEY, SimulatorProcess.SECRET),
                new SimpleMeterRegistry());
        // As in the service: a start-up call that fails is retried on demand.
        client.start().exceptionally(error -> null).join();
        venue = new BinanceTradingVenue(client, RESPONSE_TIMEOUT.plusSeconds(1));
        book = new AccountBook(venue, new ExecutionMetrics(registry), clock, MAX_AGE, reader);
    }

    @AfterEach
    void noFaultsLeft() {
        SIMULATOR.clearFaults();
        client.close();
    }

    @Test
    void decisionWithinMaxAgeUsesTheViewWithoutReadingTheAccount() {
        book.refresh(AccountBook.Trigger.STARTUP);
        clock.advance(MAX_AGE);
        TradingVenue.Balances balances = book.balances(SYMBOL);

        assertThat(reads(AccountBook.Trigger.ON_DEMAND, "OK")).isZero();
        assertThat(reads(AccountBook.Trigger.STARTUP, "OK")).isEqualTo(1);
        assertThat(balances.spotQuoteFree()).isEqualByComparingTo(venue.balances(SYMBOL).spotQuoteFree());
        assertThat(book.viewAgeSeconds()).isEqualTo(15.0);
    }

    @Test
    void staleAccountViewFallsBackToARead() {
        book.refresh(AccountBook.Trigger.PERIODIC);
        clock.advance(MAX_AGE.plusMillis(1));
        assertThat(book.viewAgeSeconds()).isEqualTo(-1.0);

        book.balances(SYMBOL);
        assertThat(reads(AccountBook.Trigger.ON_DEMAND, "OK")).isEqualTo(1);
        // That read is the view now: the next decision uses it.
        book.balances(SYMBOL);
        assertThat(reads(AccountBook.Trigger.ON_DEMAND, "OK")).isEqualTo(1);
        assertThat(book.viewAgeSeconds()).isZero();
    }

    @Test
    void theReadAfterAnOldTradeIsNotUsedOnceItIsOlderThanMaxAge() {
        book.refresh(AccountBook.Trigger.STARTUP);
        book.tradeFinished(book.tradeStarted(SYMBOL, BigDecimal.ZERO, BigDecimal.ZERO));
        book.balances(SYMBOL);
        assertThat(reads(AccountBook.Trigger.POST_TRADE, "OK")).isEqualTo(1);

        clock.advance(MAX_AGE.plusSeconds(1));
        book.balances(SYMBOL);
        assertThat(reads(AccountBook.Trigger.ON_DEMAND, "OK")).isEqualTo(1);
    }

    @Test
    void failedReadOfAStaleViewRefusesInsteadOfUsingTheOldBalances() {
        book.refresh(AccountBook.Trigger.PERIODIC);
        clock.advance(MAX_AGE.plusSeconds(1));
        SIMULATOR.post("/admin/faults/response-delay", SLOW_ANSWERS);

        assertThatThrownBy(() -> book.balances(SYMBOL)).isInstanceOf(VenueUnavailableException.class);
        assertThat(reads(AccountBook.Trigger.ON_DEMAND, "FAILED")).isEqualTo(1);
    }

    @Test
    void failedReadWithNoViewAtAllRefuses() {
        SIMULATOR.post("/admin/faults/response-delay", SLOW_ANSWERS);
        book.refresh(AccountBook.Trigger.STARTUP);
        assertThat(reads(AccountBook.Trigger.STARTUP, "FAILED")).isEqualTo(1);

        assertThatThrownBy(() -> book.balances(SYMBOL)).isInstanceOf(VenueUnavailableException.class);
    }

    @Test
    void firstDecisionAfterATradeSeesTheBalancesItsFillsLeft() {
        book.refresh(AccountBook.Trigger.STARTUP);
        BigDecimal before = book.balances(SYMBOL).spotQuoteFree();
        BigDecimal baseBefore = book.balances(SYMBOL).spotBaseFree();

        AccountBook.Trade trade = book.tradeStarted(SYMBOL, new BigDecimal("102"), BigDecimal.ZERO);
        buyOneOnSpot();
        book.tradeFinished(trade);

        TradingVenue.Balances after = book.balances(SYMBOL);
        assertThat(after.spotQuoteFree()).isLessThan(before);
        assertThat(after.spotBaseFree()).isGreaterThan(baseBefore);
        assertThat(after.spotQuoteFree()).isEqualByComparingTo(venue.balances(SYMBOL).spotQuoteFree());
        // It came from the read started when the trade finished, not from a read of its own.
        assertThat(reads(AccountBook.Trigger.POST_TRADE, "OK")).isEqualTo(1);
        assertThat(reads(AccountBook.Trigger.ON_DEMAND, "OK")).isZero();
    }

    @Test
    void otherSymbolsDecideFromTheViewLessWhatRunningTradesHoldBackWithoutAReadOfTheirOwn() {
        book.refresh(AccountBook.Trigger.STARTUP);
        TradingVenue.Balances before = book.balances(OTHER);
        AccountBook.Trade first = book.tradeStarted(SYMBOL, new BigDecimal("150"), new BigDecimal("40"));
        AccountBook.Trade second = book.tradeStarted(OTHER, new BigDecimal("25"), new BigDecimal("5"));

        TradingVenue.Balances during = book.balances(THIRD);
        assertThat(during.spotQuoteFree()).isEqualByComparingTo(before.spotQuoteFree().subtract(new BigDecimal("175")));
        assertThat(during.futuresAvailable()).isEqualByComparingTo(before.futuresAvailable().subtract(new BigDecimal("45")));
        assertThat(during.futuresWallet()).isEqualByComparingTo(before.futuresWallet());
        assertThat(reads(AccountBook.Trigger.ON_DEMAND, "OK")).isZero();

        // A read landing while the trades run may show part of their fills: what they hold back still counts.
        book.refresh(AccountBook.Trigger.PERIODIC);
        assertThat(book.balances(THIRD).spotQuoteFree())
                .isEqualByComparingTo(venue.balances(THIRD).spotQuoteFree().subtract(new BigDecimal("175")));
        book.tradeFinished(first);
        book.tradeFinished(second);
        // Once a read started after both finished is in, nothing is held back any more.
        assertThat(book.balances(SYMBOL).spotQuoteFree()).isEqualByComparingTo(venue.balances(SYMBOL).spotQuoteFree());
        assertThat(book.unreflectedTrades()).isZero();
    }

    @Test
    void theTradesOwnSymbolWaitsForTheReadStartedAfterIt() {
        book.refresh(AccountBook.Trigger.STARTUP);
        BigDecimal baseBefore = book.balances(SYMBOL).spotBaseFree();
        AccountBook.Trade trade = book.tradeStarted(SYMBOL, new BigDecimal("102"), BigDecimal.ZERO);
        buyOneOnSpot();
        // A read overlapping the trade shows its fill here, but could as well not: it is not used for this symbol.
        book.refresh(AccountBook.Trigger.PERIODIC);
        book.tradeFinished(trade);

        BigDecimal baseAfter = book.balances(SYMBOL).spotBaseFree();
        assertThat(baseAfter).isGreaterThan(baseBefore).isEqualByComparingTo(venue.balances(SYMBOL).spotBaseFree());
        assertThat(reads(AccountBook.Trigger.POST_TRADE, "OK")).isEqualTo(1);
        assertThat(reads(AccountBook.Trigger.ON_DEMAND, "OK")).isZero();
    }

    @Test
    void failedReadAfterATradeIsReadAgainByTheNextDecision() {
        book.refresh(AccountBook.Trigger.STARTUP);
        SIMULATOR.post("/admin/faults/response-delay", SLOW_ANSWERS);
        book.tradeFinished(book.tradeStarted(SYMBOL, BigDecimal.ZERO, BigDecimal.ZERO));
        assertThatThrownBy(() -> book.balances(SYMBOL)).isInstanceOf(VenueUnavailableException.class);
        assertThat(reads(AccountBook.Trigger.POST_TRADE, "FAILED")).isEqualTo(1);
        assertThat(reads(AccountBook.Trigger.ON_DEMAND, "FAILED")).isEqualTo(1);

        SIMULATOR.clearFaults();
        assertThat(book.balances(SYMBOL).spotQuoteFree()).isEqualByComparingTo(venue.balances(SYMBOL).spotQuoteFree());
        assertThat(reads(AccountBook.Trigger.ON_DEMAND, "OK")).isEqualTo(1);
    }

    private void buyOneOnSpot() {
        LegOrder buy = new LegOrder(new ClientOrderId("nq-acb-" + UUID.randomUUID().toString().substring(0, 12)),
                SYMBOL, Venue.SPOT,
                Side.BUY, BigDecimal.ONE, false, OrderPurpose.OPEN);
        assertThat(venue.place(buy)).isInstanceOf(PlacementOutcome.Accepted.class);
    }

    private double reads(AccountBook.Trigger trigger, String outcome) {
        return registry.get("nova.execution.account.reads").tag("trigger", trigger.name()).tag("outcome", outcome)
                .counter().count();
    }

    /** A clock the test moves by hand, so that ages are exact. */
    private static final class SettableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
