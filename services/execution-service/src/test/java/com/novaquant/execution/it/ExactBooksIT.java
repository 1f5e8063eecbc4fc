package com.novaquant.execution.it;

import com.novaquant.events.Side;
import com.novaquant.events.Venue;
import com.novaquant.execution.adapter.persistence.JdbcBooks;
import com.novaquant.execution.adapter.persistence.JdbcLedger;
import com.novaquant.execution.application.Books;
import com.novaquant.execution.application.OrderRecord;
import com.novaquant.execution.application.PairRecord;
import com.novaquant.execution.application.TradeBooking;
import com.novaquant.execution.domain.CommissionValue;
import com.novaquant.execution.domain.ExchangeTrade;
import com.novaquant.execution.domain.IncomeEntry;
import com.novaquant.execution.domain.OrderPurpose;
import com.novaquant.execution.domain.OrderReport;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PairState;
import com.novaquant.execution.domain.PnlReport;
import com.novaquant.execution.domain.PnlRow;
import com.novaquant.ids.ClientOrderId;
import com.novaquant.ids.PairId;
import com.novaquant.ids.SignalId;
import com.novaquant.testsupport.PostgresServer;
import com.novaquant.testsupport.SharedInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The books against worked examples computed by hand, in real PostgreSQL (a schema of its own): what the order
 * answers said, then what the exchange's trade and income records say, and what the pair, the split and the closed
 * pair's net PnL must read after booking them. Every figure is exact; the assertions allow 1e-8 USDT.
 */
class ExactBooksIT {

    private static final BigDecimal TOLERANCE = new BigDecimal("1E-8");
    private static final Instant T0 = Instant.parse("2026-03-02T07:00:00Z");

    private static JdbcClient jdbc;
    private static TransactionTemplate tx;

    private JdbcLedger ledger;
    private JdbcBooks books;
    private PairId pairId;
    /** A base asset per case: pairs of one symbol would meet (one active pair per symbol, funding by symbol). */
    private String base;
    private String symbol;
    /** Exchange ids (trades, tranIds) unique over every case: the cases share one schema. */
    private static final AtomicLong ids = new AtomicLong(1000);

    @BeforeAll
    static void schema() {
        PostgresServer postgres = SharedInfrastructure.postgres();
        String schema = "books_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = postgres.jdbcUrl() + (postgres.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, postgres.username(), postgres.password());
        Flyway.configure().dataSource(dataSource).schemas(schema).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @BeforeEach
    void freshPair() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        ledger = new JdbcLedger(jdbc, tx, clock);
        books = new JdbcBooks(jdbc, tx, clock);
        pairId = new PairId("pair-" + UUID.randomUUID());
        base = "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        symbol = base + "USDT";
    }

    /**
     * The defect: a USD-M answer ({@code newOrderRespType=RESULT}) carries no commission, so a 0.015 BTC pair opened
     * and closed at 64,000 (960 USDT a leg) booked the spot commission (0.1 %: 0.96 a side, 1.92) and none of the
     * perp's. Its trade records add 0.05 % = 0.48 per perp order: 2.88 in all.
     */
    @Test
    void perpCommissionMissingFromTheOrderAnswerIsBookedFromTheTradeRecords() {
        // Spot commission in USDT here, so the spot leg sells all it bought.
        ClientOrderId spotBuy = filled(Venue.SPOT, Side.BUY, "0.015", "64000", "0.96", "USDT", PairState.OPENING);
        ClientOrderId perpSell = filled(Venue.USDM, Side.SELL, "0.015", "64000", "0", "", PairState.OPENING);
        ClientOrderId spotSell = filled(Venue.SPOT, Side.SELL, "0.015", "64000", "0.96", "USDT", PairState.CLOSING);
        ClientOrderId perpBuy = filled(Venue.USDM, Side.BUY, "0.015", "64000", "0", "", PairState.CLOSING);
        ledger.setPairState(pairId, PairState.CLOSED, new SignalId("s-close"));
        assertThat(pair().fees()).isCloseTo(new BigDecimal("1.92"), within(TOLERANCE));

        book(spotBuy, trade(Venue.SPOT, Side.BUY, "0.015", "64000", "0.96", "USDT", "0"));
        book(perpSell, trade(Venue.USDM, Side.SELL, "0.015", "64000", "0.48", "USDT", "0"));
        book(spotSell, trade(Venue.SPOT, Side.SELL, "0.015", "64000", "0.96", "USDT", "0"));
        book(perpBuy, trade(Venue.USDM, Side.BUY, "0.015", "64000", "0.48", "USDT", "0"));

        assertThat(pair().fees()).isCloseTo(new BigDecimal("2.88"), within(TOLERANCE));
        assertThat(closeNet()).isCloseTo(new BigDecimal("-2.88"), within(TOLERANCE));
    }

    /**
     * Open, funding, a partial reduction and the close, worked by hand (0.1 % spot commission, 0.05 % perp):
     * <pre>
     * open    spot BUY  0.015 @ 64,000  commission 0.000015 BTC = 0.96 USDT at the fill price; holds 0.014985
     *         perp SELL 0.015 @ 64,010  commission 0.480075
     * funding +0.09615
     * reduce  spot SELL 0.005 @ 64,200  commission 0.321     basis (64,200 - 64,000) x 0.005 = +1.0
     *         perp BUY  0.005 @ 64,205  commission 0.1605125 basis (64,010 - 64,205) x 0.005 = -0.975
     * close   spot SELL 0.009985 @ 63,900 commission 0.6380415 basis (63,900 - 64,000) x 0.009985 = -0.9985
     *         perp BUY  0.010 @ 63,905  commission 0.319525  basis (64,010 - 63,905) x 0.010 = +1.05
     * basis +0.0765, funding +0.09615, fees 2.879154, net -2.706504
     * </pre>
     */
    @Test
    void openFundingPartialReduceAndCloseAddUpToTheExchangesRecords() {
        ClientOrderId spotBuy = filled(Venue.SPOT, Side.BUY, "0.015", "64000", "0.000015", base, PairState.OPENING);
        ClientOrderId perpSell = filled(Venue.USDM, Side.SELL, "0.015", "64010", "0", "", PairState.OPENING);
        book(spotBuy, trade(Venue.SPOT, Side.BUY, "0.015", "64000", "0.000015", base, "0"));
        book(perpSell, trade(Venue.USDM, Side.SELL, "0.015", "64010", "0.480075", "USDT", "0"));
        assertThat(pair().spot().quantity()).isCloseTo(new BigDecimal("0.014985"), within(TOLERANCE));
        books.recordIncome(List.of(funding("0.09615", T0.plus(Duration.ofHours(1)))));

        ClientOrderId spotReduce = filled(Venue.SPOT, Side.SELL, "0.005", "64200", "0.321", "USDT", PairState.REDUCING);
        ClientOrderId perpReduce = filled(Venue.USDM, Side.BUY, "0.005", "64205", "0", "", PairState.REDUCING);
        book(spotReduce, trade(Venue.SPOT, Side.SELL, "0.005", "64200", "0.321", "USDT", "0"));
        book(perpReduce, trade(Venue.USDM, Side.BUY, "0.005", "64205", "0.1605125", "USDT", "-0.975"));
        ledger.setPairState(pairId, PairState.OPEN, new SignalId("s-reduce"));

        ClientOrderId spotClose = filled(Venue.SPOT, Side.SELL, "0.009985", "63900", "0.6380415", "USDT",
                PairState.CLOSING);
        ClientOrderId perpClose = filled(Venue.USDM, Side.BUY, "0.010", "63905", "0", "", PairState.CLOSING);
        book(spotClose, trade(Venue.SPOT, Side.SELL, "0.009985", "63900", "0.6380415", "USDT", "0"));
        book(perpClose, trade(Venue.USDM, Side.BUY, "0.010", "63905", "0.319525", "USDT", "1.05"));
        ledger.setPairState(pairId, PairState.CLOSED, new SignalId("s-close"));

        PairRecord pair = pair();
        assertThat(pair.realisedPnl()).isCloseTo(new BigDecimal("0.0765"), within(TOLERANCE));
        assertThat(pair.funding()).isCloseTo(new BigDecimal("0.09615"), within(TOLERANCE));
        assertThat(pair.fees()).isCloseTo(new BigDecimal("2.879154"), within(TOLERANCE));
        assertThat(closeNet()).isCloseTo(new BigDecimal("-2.706504"), within(TOLERANCE));
        PnlRow row = pairRow(books.report(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)), Map.of(), "test"));
        assertThat(row.basis()).isCloseTo(new BigDecimal("0.0765"), within(TOLERANCE));
        assertThat(row.funding()).isCloseTo(new BigDecimal("0.09615"), within(TOLERANCE));
        assertThat(row.fees()).isCloseTo(new BigDecimal("2.879154"), within(TOLERANCE));
        assertThat(row.net()).isCloseTo(new BigDecimal("-2.706504"), within(TOLERANCE));
    }

    /** A spot buy learned by query (no commission in the answer): its trade records take 0.000015 BTC from the leg. */
    @Test
    void baseAssetCommissionAQueryCouldNotShowComesOffTheSpotLeg() {
        ClientOrderId spotBuy = filled(Venue.SPOT, Side.BUY, "0.015", "64000", "0", "", PairState.OPENING);
        assertThat(pair().spot().quantity()).isCloseTo(new BigDecimal("0.015"), within(TOLERANCE));

        book(spotBuy, trade(Venue.SPOT, Side.BUY, "0.015", "64000", "0.000015", base, "0"));

        assertThat(pair().spot().quantity()).isCloseTo(new BigDecimal("0.014985"), within(TOLERANCE));
        assertThat(pair().spotCommission()).isCloseTo(new BigDecimal("0.000015"), within(TOLERANCE));
        assertThat(pair().fees()).isCloseTo(new BigDecimal("0.96"), within(TOLERANCE));
    }

    /** The account's holdings were adopted first (reconciliation): booking values the commission, takes nothing twice. */
    @Test
    void baseAssetCommissionAlreadyAdoptedFromTheAccountIsNotTakenTwice() {
        ClientOrderId spotBuy = filled(Venue.SPOT, Side.BUY, "0.015", "64000", "0", "", PairState.OPENING);
        ledger.adoptSpotQuantity(pairId, new BigDecimal("0.014985"));

        book(spotBuy, trade(Venue.SPOT, Side.BUY, "0.015", "64000", "0.000015", base, "0"));

        assertThat(pair().spot().quantity()).isCloseTo(new BigDecimal("0.014985"), within(TOLERANCE));
        assertThat(pair().spotCommission()).isCloseTo(new BigDecimal("0.000015"), within(TOLERANCE));
        assertThat(pair().fees()).isCloseTo(new BigDecimal("0.96"), within(TOLERANCE));
    }

    /**
     * BNB burn: 0.018 BNB for a 15,360 USDT buy (0.075 %), valued at BNBUSDT 640 = 11.52 USDT; the spot leg holds all
     * it bought. The price used and its source are stored with the trade.
     */
    @Test
    void commissionPaidInBnbIsValuedAtTheBnbPriceAndStated() {
        ClientOrderId spotBuy = filled(Venue.SPOT, Side.BUY, "0.24", "64000", "0", "", PairState.OPENING);
        ExchangeTrade trade = trade(Venue.SPOT, Side.BUY, "0.24", "64000", "0.018", "BNB", "0");
        CommissionValue value = CommissionValue.of(trade.commission(), "BNB", base, trade.price(),
                asset -> Optional.of(new BigDecimal("640"))).orElseThrow();

        assertThat(books.bookTrades(spotBuy, base, List.of(new Books.ValuedTrade(trade, value))))
                .isEqualTo(TradeBooking.Result.BOOKED);

        assertThat(pair().fees()).isCloseTo(new BigDecimal("11.52"), within(TOLERANCE));
        assertThat(pair().spot().quantity()).isCloseTo(new BigDecimal("0.24"), within(TOLERANCE));
        Map<String, Object> stored = jdbc.sql("select commission_price, commission_price_source from exchange_trades"
                + " where client_order_id = ?").param(spotBuy.value()).query().singleRow();
        assertThat((BigDecimal) stored.get("commission_price")).isEqualByComparingTo("640");
        assertThat(stored.get("commission_price_source")).isEqualTo("BNBUSDT price");
    }

    /** Funding paid during the hold, read after the close: it goes to the pair that held the perp and its net PnL. */
    @Test
    void fundingArrivingAfterTheCloseIsCreditedToThePairThatHeldThePosition() {
        ClientOrderId spotBuy = filled(Venue.SPOT, Side.BUY, "0.015", "64000", "0.96", "USDT", PairState.OPENING);
        ClientOrderId perpSell = filled(Venue.USDM, Side.SELL, "0.015", "64000", "0", "", PairState.OPENING);
        book(spotBuy, trade(Venue.SPOT, Side.BUY, "0.015", "64000", "0.96", "USDT", "0"));
        book(perpSell, trade(Venue.USDM, Side.SELL, "0.015", "64000", "0.48", "USDT", "0"));
        jdbc.sql("update pairs set opened_at = ? where pair_id = ?")
                .params(java.sql.Timestamp.from(T0.minus(Duration.ofHours(2))), pairId.value()).update();
        ledger.setPairState(pairId, PairState.CLOSED, new SignalId("s-close"));
        assertThat(closeNet()).isCloseTo(new BigDecimal("-1.44"), within(TOLERANCE));

        IncomeEntry payment = funding("0.0768", T0.minus(Duration.ofHours(1)));
        List<IncomeEntry> stored = books.recordIncome(List.of(payment));
        List<IncomeEntry> again = books.recordIncome(List.of(payment));

        assertThat(stored).hasSize(1);
        assertThat(again).isEmpty();
        assertThat(pair().funding()).isCloseTo(new BigDecimal("0.0768"), within(TOLERANCE));
        assertThat(closeNet()).isCloseTo(new BigDecimal("-1.3632"), within(TOLERANCE));
    }

    /** Trades not yet covering the executed quantity write nothing; booked once, a second booking changes nothing. */
    @Test
    void bookingWaitsForEveryTradeAndHappensOnce() {
        ClientOrderId perpSell = filled(Venue.USDM, Side.SELL, "0.015", "64000", "0", "", PairState.OPENING);
        ExchangeTrade first = trade(Venue.USDM, Side.SELL, "0.010", "64000", "0.32", "USDT", "0");
        ExchangeTrade second = trade(Venue.USDM, Side.SELL, "0.005", "64000", "0.16", "USDT", "0");

        assertThat(books.bookTrades(perpSell, base, valued(first))).isEqualTo(TradeBooking.Result.INCOMPLETE);
        assertThat(pair().fees()).isZero();
        assertThat(books.bookTrades(perpSell, base, valued(first, second))).isEqualTo(TradeBooking.Result.BOOKED);
        assertThat(books.bookTrades(perpSell, base, valued(first, second))).isEqualTo(TradeBooking.Result.ALREADY_BOOKED);

        assertThat(pair().fees()).isCloseTo(new BigDecimal("0.48"), within(TOLERANCE));
        assertThat(jdbc.sql("select count(*) from exchange_trades where client_order_id = ?").param(perpSell.value())
                .query(Long.class).single()).isEqualTo(2);
        assertThat(books.ordersAwaitingTrades(100)).extracting(OrderRecord::clientOrderId).doesNotContain(perpSell);
    }

    /** A window's PnL is what was realised in it plus the change of unrealised PnL since the sample at its start. */
    @Test
    void windowPnlIsRealisedPlusTheChangeInUnrealisedSinceTheSampleAtItsStart() {
        Instant from = T0.minus(Duration.ofHours(24));
        books.sampleUnrealised(from.minusSeconds(60), new BigDecimal("12.5"));
        ClientOrderId perpSell = filled(Venue.USDM, Side.SELL, "0.015", "64000", "0", "", PairState.OPENING);
        book(perpSell, trade(Venue.USDM, Side.SELL, "0.015", "64000", "0.48", "USDT", "0"));

        PnlReport report = books.report(from, T0.plusSeconds(1), Map.of(pairId, new BigDecimal("20")), "test");

        assertThat(report.startSampled()).isTrue();
        assertThat(report.unrealisedAtStart()).isEqualByComparingTo("12.5");
        assertThat(report.summary().unrealised()).isCloseTo(new BigDecimal("7.5"), within(TOLERANCE));
        assertThat(pairRow(report).fees()).isCloseTo(new BigDecimal("0.48"), within(TOLERANCE));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Writes an order ahead, as execution does, and records the exchange's answer to it; returns its client id. */
    private ClientOrderId filled(Venue venue, Side side, String qty, String price, String fee, String feeAsset,
                          PairState executing) {
        ClientOrderId clientId = new ClientOrderId(UUID.randomUUID().toString());
        OrderRecord order = new OrderRecord(clientId, pairId, new SignalId("s-" + ids.incrementAndGet()), symbol, venue,
                side, new BigDecimal(qty),
                false, executing == PairState.OPENING ? OrderPurpose.OPEN : OrderPurpose.CLOSE, OrderStatus.NEW, 0,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "", 0, null, false, 0, 0, T0);
        ledger.writeAhead(pairId, symbol, order.signalId(), executing, List.of(order));
        ledger.recordOutcome(clientId, OrderStatus.FILLED, new OrderReport(clientId, ids.incrementAndGet(),
                OrderStatus.FILLED, new BigDecimal(qty), new BigDecimal(price), new BigDecimal(fee), feeAsset), 0, null, false);
        return clientId;
    }

    private ExchangeTrade trade(Venue venue, Side side, String qty, String price, String commission, String asset,
                                String realizedPnl) {
        BigDecimal q = new BigDecimal(qty);
        BigDecimal p = new BigDecimal(price);
        return new ExchangeTrade(venue, symbol, ids.incrementAndGet(), 0, side, p, q, q.multiply(p),
                new BigDecimal(commission), asset, new BigDecimal(realizedPnl), false, T0.toEpochMilli());
    }

    private void book(ClientOrderId clientId, ExchangeTrade trade) {
        assertThat(books.bookTrades(clientId, base, valued(trade))).isEqualTo(TradeBooking.Result.BOOKED);
    }

    private List<Books.ValuedTrade> valued(ExchangeTrade... trades) {
        return java.util.Arrays.stream(trades).map(t -> new Books.ValuedTrade(t, CommissionValue.of(t.commission(),
                t.commissionAsset(), base, t.price(), asset -> Optional.empty()).orElseThrow())).toList();
    }

    private IncomeEntry funding(String amount, Instant at) {
        return new IncomeEntry(IncomeEntry.FUNDING_FEE, symbol, new BigDecimal(amount), "USDT", at.toEpochMilli(),
                ids.incrementAndGet(), "");
    }

    private PairRecord pair() {
        return ledger.pair(pairId).orElseThrow();
    }

    private BigDecimal closeNet() {
        return jdbc.sql("select net_pnl from pair_closes where pair_id = ?").param(pairId.value()).query(BigDecimal.class).single();
    }

    private PnlRow pairRow(PnlReport report) {
        return report.byPair().stream().filter(r -> r.key().equals(pairId.value())).findFirst().orElseThrow();
    }
}
