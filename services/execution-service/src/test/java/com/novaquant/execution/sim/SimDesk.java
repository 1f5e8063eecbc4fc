package com.novaquant.execution.sim;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import com.novaquant.events.Alert;
import com.novaquant.events.FundingRate;
import com.novaquant.events.KillSwitchState;
import com.novaquant.events.NovaEvent;
import com.novaquant.events.Quote;
import com.novaquant.events.Severity;
import com.novaquant.events.Signal;
import com.novaquant.events.Venue;
import com.novaquant.execution.application.AccountBook;
import com.novaquant.execution.application.AccountSetup;
import com.novaquant.execution.application.ControlView;
import com.novaquant.execution.application.ExecutionCore;
import com.novaquant.execution.application.ExecutionMetrics;
import com.novaquant.execution.application.ExecutionProperties;
import com.novaquant.execution.application.KillSwitch;
import com.novaquant.execution.application.MarginAlarm;
import com.novaquant.execution.application.MarginType;
import com.novaquant.execution.application.Marks;
import com.novaquant.execution.application.OrderSender;
import com.novaquant.execution.application.PairRecord;
import com.novaquant.execution.application.Reconciler;
import com.novaquant.execution.application.SymbolPreparation;
import com.novaquant.execution.application.TradedUniverse;
import com.novaquant.execution.application.TradingGate;
import com.novaquant.execution.application.UniverseGate;
import com.novaquant.execution.application.UnresolvedSymbols;
import com.novaquant.execution.domain.SymbolFilters;
import com.novaquant.ids.SignalId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The execution core on in-memory ports: a simulated venue, an in-memory ledger, recorded events and alerts, and one
 * simulated clock. Everything runs on the calling thread (legs, trades, account reads), so a run is a function of
 * its seed and its script: no threads, no sleeps.
 */
public final class SimDesk {

    public static final String SYMBOL = "BTCUSDT";
    /** Binance's BTCUSDT steps: spot 0.00001, the perp 0.001 (min notional 5 and 100 USDT). */
    public static final SymbolFilters SPOT_FILTERS = new SymbolFilters(new BigDecimal("0.00001"),
            new BigDecimal("0.00001"), new BigDecimal("9000"), new BigDecimal("5"));
    public static final SymbolFilters PERP_FILTERS = new SymbolFilters(new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("1000"), new BigDecimal("100"));
    public static final BigDecimal BID = new BigDecimal("100000.00");
    public static final BigDecimal ASK = new BigDecimal("100000.10");
    public static final String ETH = "ETHUSDT";
    public static final BigDecimal ETH_BID = new BigDecimal("3000.00");
    public static final BigDecimal ETH_ASK = new BigDecimal("3000.01");

    public final SimClock clock;
    public final SimulatedVenue venue;
    public final InMemoryLedger ledger;
    public final List<NovaEvent> events = new ArrayList<>();
    public final List<Alert> alerts = new ArrayList<>();
    public final TradingGate gate = new TradingGate();
    public final MarginAlarm margin = new MarginAlarm();
    public final UnresolvedSymbols unresolved = new UnresolvedSymbols();
    public final KillSwitch killSwitch;
    public final ExecutionProperties properties;
    public final ExecutionCore core;
    public final Reconciler reconciler;
    public final AccountSetup accountSetup;
    /** The desk's meters. */
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** Execution's own view of the venue: the simulated venue's book, fresh, unless a test says otherwise. */
    public final SimVenuePrices ownPrices;
    /** The traded universe followed; {@link #SYMBOL} until one is applied (desks made by {@link #followingTheUniverse}). */
    public final TradedUniverse universe;
    /** The universe's symbol preparation, or null on a fixed-list desk. */
    public final SymbolPreparation preparation;
    private long signals;
    private BigDecimal bid = BID;
    private BigDecimal ask = ASK;

    /** Limits raised so that sizes up to thousands of steps pass. */
    public static final ExecutionProperties.Risk UNLIMITED = new ExecutionProperties.Risk(new BigDecimal("1E+12"),
            new BigDecimal("1E+12"), new BigDecimal("3"), new BigDecimal("1000"));

    public SimDesk(long seed, VenueFaults faults) {
        this(seed, faults, UNLIMITED);
    }

    /** A desk with these position limits. */
    public SimDesk(long seed, VenueFaults faults, ExecutionProperties.Risk risk) {
        this(new SimClock(Instant.parse("2026-06-01T00:00:00Z")), seed, faults, risk, false);
    }

    private SimDesk(SimClock clock, long seed, VenueFaults faults, ExecutionProperties.Risk risk, boolean universe) {
        this(clock, newVenue(clock, seed, faults), new InMemoryLedger(clock), risk, universe);
    }

    /**
     * A desk that follows the traded universe ({@code nova.universe.enabled=true}) with {@link #SYMBOL} as its
     * configured list: until a universe is applied that list is the universe.
     */
    public static SimDesk followingTheUniverse(long seed) {
        return new SimDesk(new SimClock(Instant.parse("2026-06-01T00:00:00Z")), seed, VenueFaults.none(), UNLIMITED,
                true);
    }

    private static SimulatedVenue newVenue(SimClock clock, long seed, VenueFaults faults) {
        SimulatedVenue venue = new SimulatedVenue(clock, new Random(seed), faults);
        venue.addSymbol(SYMBOL, "BTC", SPOT_FILTERS, PERP_FILTERS, BID, ASK);
        venue.deposit("USDT", new BigDecimal("1000000000"));
        venue.depositFutures(new BigDecimal("1000000000"));
        return venue;
    }

    /** The same exchange account, ledger and clock under a new instance: a restart. */
    public SimDesk restart() {
        SimDesk restarted = new SimDesk(clock, venue, ledger, properties.risk(), universe != null && preparation != null);
        restarted.signals = signals;
        restarted.killSwitch.restore();
        return restarted;
    }

    /** Symbols whose market data ingestion has gated, with why (what the feed-gates topic would say). */
    public final Map<String, String> feedGates = new ConcurrentHashMap<>();

    private SimDesk(SimClock clock, SimulatedVenue venue, InMemoryLedger ledger, ExecutionProperties.Risk risk,
                    boolean followUniverse) {
        this.clock = clock;
        this.venue = venue;
        this.ledger = ledger;
        properties = properties(risk);
        ControlView view = new ControlView() {
            private KillSwitchState current = KillSwitchState.RELEASED;

            @Override
            public KillSwitchState current() {
                return current;
            }

            @Override
            public void apply(KillSwitchState state) {
                if (state.atMs() >= current.atMs()) {
                    current = state;
                }
            }

            @Override
            public Optional<String> feedGated(String symbol) {
                return Optional.ofNullable(feedGates.get(symbol));
            }
        };
        killSwitch = new KillSwitch(ledger, (topic, event) -> events.add(event), this::alert, view, clock);
        ExecutionMetrics metrics = new ExecutionMetrics(meters);
        AccountBook account = new AccountBook(venue, metrics, clock, properties.balanceMaxAge(), Runnable::run);
        accountSetup = newAccountSetup(List.of(SYMBOL), properties.perpMarginType());
        OrderSender sender = new OrderSender(venue, ledger, (topic, event) -> events.add(event), metrics, clock,
                properties.queryAttempts(), properties.queryBackoff(), clock, accountSetup::checkSoon);
        ownPrices = new SimVenuePrices(venue, clock);
        universe = new TradedUniverse(List.of(SYMBOL));
        preparation = followUniverse ? new SymbolPreparation(venue, accountSetup, Runnable::run) : null;
        UniverseGate universeGate = followUniverse ? new UniverseGate(universe, preparation) : UniverseGate.fixedList();
        core = ExecutionCore.create(new ExecutionCore.Parts(venue, ledger, account, sender, killSwitch, gate, margin,
                unresolved, new Marks(), ownPrices, (topic, event) -> events.add(event), this::alert, metrics, properties,
                List.of(SYMBOL, ETH), Runnable::run, clock, universeGate));
        reconciler = followUniverse
                ? new Reconciler(venue, ledger, sender, core, gate, killSwitch, unresolved, this::alert, metrics,
                universe::tracked, clock)
                : new Reconciler(venue, ledger, sender, core, gate, killSwitch, unresolved, this::alert, metrics,
                List.of(SYMBOL), clock);
        // The simulated account starts as the desk needs it: checked once, it trades.
        accountSetup.check();
        if (followUniverse) {
            universe.onTrackedChanged(preparation);
        }
    }

    /** An account check over this desk's venue, gate and alerts, as a start makes it: FROZEN until it has checked. */
    public AccountSetup newAccountSetup(List<String> symbols, MarginType marginType) {
        return new AccountSetup(venue, gate, this::alert, symbols, properties.perpLeverage(), marginType,
                properties.accountCheckInterval(), Runnable::run);
    }

    private void alert(Severity severity, String code, String text, String dedupKey) {
        alerts.add(new Alert(severity, "execution-service", code, text, dedupKey, clock.millis()));
    }

    /** The production defaults, with the given limits. */
    private static ExecutionProperties properties(ExecutionProperties.Risk risk) {
        return new ExecutionProperties(Duration.ofSeconds(2), new BigDecimal("0.005"), 2, Duration.ofSeconds(3), 3, 5,
                Duration.ofMillis(200),
                new BigDecimal("2"), MarginType.CROSSED, Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(5),
                LocalTime.MIDNIGHT, 1, Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(2), 0,
                risk,
                new ExecutionProperties.Margin(Duration.ofSeconds(10), new BigDecimal("0.5"), new BigDecimal("0.8"),
                        new BigDecimal("0.15"), new BigDecimal("0.07"), new BigDecimal("0.5")),
                new ExecutionProperties.Books(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofHours(1),
                        Duration.ofHours(24), Duration.ofMinutes(1), new BigDecimal("0.01")));
    }

    /** Moves the market: the venue's book and the quotes the next signals carry. */
    public void setBook(BigDecimal bid, BigDecimal ask) {
        this.bid = bid;
        this.ask = ask;
        venue.setBook(SYMBOL, bid, ask);
    }

    /** A fresh signal for {@code target} BTC on the current book, decided now. */
    public Signal signal(BigDecimal target) {
        return signal(SYMBOL, target, bid, ask);
    }

    /** A fresh signal for {@code target} of any listed symbol on the given book, decided now. */
    public Signal signal(String symbol, BigDecimal target, BigDecimal bid, BigDecimal ask) {
        long now = clock.millis() * 1000;
        Quote spot = new Quote(symbol, Venue.SPOT, bid, BigDecimal.TEN, ask, BigDecimal.TEN, ++signals, 0, now);
        Quote perp = new Quote(symbol, Venue.USDM, bid, BigDecimal.TEN, ask, BigDecimal.TEN, signals, now / 1000, now);
        FundingRate funding = new FundingRate(symbol, bid, bid, new BigDecimal("0.0003"), now / 1000 + 3_600_000,
                now / 1000, now);
        return new Signal(new SignalId("sim-" + signals), symbol, target, target.multiply(bid),
                Signal.Reason.CARRY_ABOVE_ENTRY,
                0.2, spot, perp, funding, now, now / 1000 + 5_000);
    }

    /** Lists ETHUSDT beside BTCUSDT (Binance's steps: spot 0.0001, the perp 0.001), at 3000 USDT. */
    public void listEth() {
        venue.addSymbol(ETH, "ETH", new SymbolFilters(new BigDecimal("0.0001"), new BigDecimal("0.0001"),
                new BigDecimal("9000"), new BigDecimal("5")), new SymbolFilters(new BigDecimal("0.001"),
                new BigDecimal("0.001"), new BigDecimal("10000"), new BigDecimal("20")), ETH_BID, ETH_ASK);
    }

    public String tradeEth(String target) {
        return core.engine().onSignal(signal(ETH, new BigDecimal(target), ETH_BID, ETH_ASK));
    }

    public String trade(BigDecimal target) {
        return core.engine().onSignal(signal(target));
    }

    public String trade(String target) {
        return trade(new BigDecimal(target));
    }

    public Optional<PairRecord> pair() {
        return ledger.activePair(SYMBOL);
    }

    public BigDecimal spotHeld() {
        return venue.spotHolding("BTC");
    }

    /** The short on the exchange, positive. */
    public BigDecimal perpShort() {
        return venue.perpPosition(SYMBOL).negate();
    }

    public List<Alert> criticals(String code) {
        return alerts.stream().filter(a -> a.severity() == Severity.CRITICAL && a.code().equals(code)).toList();
    }
}
