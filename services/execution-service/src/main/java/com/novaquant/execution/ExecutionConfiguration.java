package com.novaquant.execution;

import com.novaquant.events.RecordSeal;
import com.novaquant.execution.adapter.kafka.SignalListener;
import com.novaquant.execution.adapter.kafka.SignalSealCheck;
import com.novaquant.execution.adapter.persistence.AdvisoryLockLease;
import com.novaquant.execution.adapter.persistence.JdbcBooks;
import com.novaquant.execution.adapter.persistence.LeaseHolderName;
import com.novaquant.execution.adapter.persistence.LedgerPoolNaming;
import com.novaquant.execution.adapter.persistence.LockConnectionFactory;
import com.zaxxer.hikari.HikariDataSource;
import com.novaquant.execution.adapter.persistence.JdbcLedger;
import com.novaquant.execution.application.AccountBook;
import com.novaquant.execution.application.AccountSetup;
import com.novaquant.execution.application.Alerts;
import com.novaquant.execution.application.ControlView;
import com.novaquant.execution.application.ExecutionCore;
import com.novaquant.execution.application.ExecutionEvents;
import com.novaquant.execution.application.MarginAlarm;
import com.novaquant.execution.application.OperatorActions;
import com.novaquant.execution.application.PairGauges;
import com.novaquant.execution.application.Pause;
import com.novaquant.execution.application.Rehearsal;
import com.novaquant.execution.application.UnresolvedSymbols;
import com.novaquant.execution.application.DailySummary;
import com.novaquant.execution.application.DrawdownGuard;
import com.novaquant.execution.application.ExecutionEngine;
import com.novaquant.execution.application.ExecutionMetrics;
import com.novaquant.execution.application.ExecutionMode;
import com.novaquant.execution.application.ExecutionProperties;
import com.novaquant.execution.application.Books;
import com.novaquant.execution.application.BooksKeeper;
import com.novaquant.execution.application.BooksReconciliation;
import com.novaquant.execution.application.IncomeSync;
import com.novaquant.execution.application.PnlReader;
import com.novaquant.execution.application.TradeBooking;
import com.novaquant.execution.application.KillSwitch;
import com.novaquant.execution.application.Ledger;
import com.novaquant.execution.application.Marks;
import com.novaquant.execution.application.MarginWatch;
import com.novaquant.execution.application.OrderSender;
import com.novaquant.execution.application.Reconciler;
import com.novaquant.execution.application.SignalTrustAlarm;
import com.novaquant.execution.application.SymbolPreparation;
import com.novaquant.execution.application.TradedUniverse;
import com.novaquant.execution.application.UniverseGate;
import com.novaquant.execution.application.TradingGate;
import com.novaquant.execution.application.TradingLease;
import com.novaquant.execution.application.TradingSupervisor;
import com.novaquant.execution.application.TradingVenue;
import com.novaquant.execution.application.VenuePrices;
import com.novaquant.execution.domain.MarginLevel;
import com.novaquant.support.EventDecoder;
import com.novaquant.support.config.TradedSymbols;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Wires the execution use cases to their adapters. The venue adapter is configured in {@code adapter.binance}. The
 * traded symbols are service-support's {@link TradedSymbols} ({@code nova.symbols}), as for every service.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TradedSymbols.class)
public class ExecutionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExecutionConfiguration.class);

    /** How long a ledger-derived gauge value is reused: scrapes every few seconds need not each query the ledger. */
    private static final Duration GAUGE_MAX_AGE = Duration.ofSeconds(10);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Ledger ledger(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        return new JdbcLedger(jdbc, tx, clock);
    }

    @Bean
    ExecutionMetrics executionMetrics(MeterRegistry registry) {
        return new ExecutionMetrics(registry);
    }

    @Bean
    TradingGate tradingGate(ExecutionMetrics metrics) {
        TradingGate gate = new TradingGate();
        metrics.holds(gate);
        return gate;
    }

    @Bean
    Marks marks() {
        return new Marks();
    }

    @Bean
    MarginAlarm marginAlarm() {
        return new MarginAlarm();
    }

    @Bean
    UnresolvedSymbols unresolvedSymbols() {
        return new UnresolvedSymbols();
    }

    @Bean
    KillSwitch killSwitch(Ledger ledger, ExecutionEvents events, Alerts alerts, ControlView view, Clock clock,
                          ExecutionMetrics metrics) {
        // Its own thread: an engage returns at once even when the history write waits on a database that is down.
        KillSwitch killSwitch = new KillSwitch(ledger, events, alerts, view, clock, Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("kill-switch-history").daemon().factory()));
        metrics.gauge("nova.execution.kill.switch.unwritten", () -> killSwitch.unpersisted() ? 1 : 0);
        return killSwitch;
    }

    @Bean
    OrderSender orderSender(TradingVenue venue, Ledger ledger, ExecutionEvents events, ExecutionMetrics metrics,
                            Clock clock, ExecutionProperties p, AccountSetup accountSetup) {
        return new OrderSender(venue, ledger, events, metrics, clock, p.queryAttempts(), p.queryBackoff(), Pause.SLEEP,
                accountSetup::checkSoon);
    }

    /** Freezes the desk until the first check has found the account tradable (the supervisor runs the checks). */
    @Bean
    AccountSetup accountSetup(TradingVenue venue, TradingGate gate, Alerts alerts, ExecutionProperties p,
                              TradedSymbols symbols, ExecutorService legExecutor, ExecutionMetrics metrics) {
        AccountSetup setup = new AccountSetup(venue, gate, alerts, symbols.symbols(), p.perpLeverage(),
                p.perpMarginType(), p.accountCheckInterval(), legExecutor);
        metrics.gauge("nova.execution.account.tradable", setup::tradable);
        return setup;
    }

    /** The traded universe; {@code nova.symbols} until a universe record is followed (and for good without one). */
    @Bean
    TradedUniverse tradedUniverse(TradedSymbols symbols, ExecutionMetrics metrics) {
        TradedUniverse universe = new TradedUniverse(symbols.symbols());
        metrics.universe(universe);
        return universe;
    }

    /**
     * With {@code nova.universe.enabled=true}, signals are admitted by the universe and each tracked symbol is
     * prepared (filters, leverage, margin type) before its first order; otherwise {@code nova.symbols} admits, as
     * before.
     */
    @Bean
    UniverseGate universeGate(@Value("${nova.universe.enabled:false}") boolean enabled, TradedUniverse universe,
                              TradingVenue venue, AccountSetup accountSetup, ExecutorService legExecutor) {
        if (!enabled) {
            return UniverseGate.fixedList();
        }
        SymbolPreparation preparation = new SymbolPreparation(venue, accountSetup, legExecutor);
        universe.onTrackedChanged(preparation);
        log.info("Following the traded universe (nova.universe); until a record is read, {} stand",
                universe.tracked());
        return new UniverseGate(universe, preparation);
    }

    @Bean(destroyMethod = "close")
    ExecutorService legExecutor() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("execution-leg-", 0).factory());
    }

    @Bean
    AccountBook accountBook(TradingVenue venue, ExecutionMetrics metrics, Clock clock, ExecutionProperties p,
                            ExecutorService legExecutor) {
        AccountBook book = new AccountBook(venue, metrics, clock, p.balanceMaxAge(), legExecutor);
        metrics.gauge("nova.execution.account.view.age.seconds", book::viewAgeSeconds);
        return book;
    }

    @Bean
    ExecutionCore executionCore(TradingVenue venue, AccountBook account, Ledger ledger, OrderSender sender,
                                KillSwitch killSwitch, TradingGate gate, MarginAlarm margin, UnresolvedSymbols unresolved,
                                Marks marks, VenuePrices venuePrices, ExecutionEvents events, Alerts alerts,
                                ExecutionMetrics metrics, ExecutionProperties p,
                                TradedSymbols traded, ExecutorService legExecutor, Clock clock,
                                TradedUniverse universe, UniverseGate universeGate) {
        List<String> symbols = traded.symbols();
        ExecutionCore core = ExecutionCore.create(new ExecutionCore.Parts(venue, ledger, account, sender, killSwitch,
                gate, margin, unresolved, marks, venuePrices, events, alerts, metrics, p, symbols, legExecutor, clock,
                universeGate));
        // Execution's own view of the venue's prices (adapter.binance): how stale it is, per venue, over the
        // tracked symbols.
        if (universeGate.following()) {
            metrics.ownPricesAge(venuePrices, universe::tracked, clock);
        } else {
            metrics.ownPricesAge(venuePrices, symbols, clock);
        }
        PairGauges gauges = new PairGauges(ledger);
        metrics.cachedGauge("nova.execution.open.notional", GAUGE_MAX_AGE, gauges::openNotional);
        metrics.cachedGauge("nova.execution.open.pairs", GAUGE_MAX_AGE, gauges::openPairs);
        return core;
    }

    @Bean
    ExecutionEngine executionEngine(ExecutionCore core) {
        return core.engine();
    }

    @Bean
    OperatorActions operatorActions(ExecutionCore core) {
        return core.operator();
    }

    @Bean
    Reconciler reconciler(TradingVenue venue, Ledger ledger, OrderSender sender, ExecutionCore core,
                          TradingGate gate, KillSwitch killSwitch, UnresolvedSymbols unresolved, Alerts alerts,
                          ExecutionMetrics metrics, TradedUniverse universe, Clock clock) {
        // The tracked symbols as they are at each run, besides every symbol the ledger or the exchange holds.
        return new Reconciler(venue, ledger, sender, core, gate, killSwitch, unresolved, alerts, metrics,
                universe::tracked, clock);
    }

    @Bean
    Books books(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        return new JdbcBooks(jdbc, tx, clock);
    }

    @Bean
    PnlReader pnlReader(Ledger ledger, Books books, TradingVenue venue, Marks marks, Clock clock,
                        ExecutionMetrics metrics) {
        PnlReader reader = new PnlReader(ledger, books, venue, marks, clock);
        // Scraped often: valued at the signals' mids, never waiting on the exchange or the database, read at most once
        // per max age.
        metrics.cachedGauge("nova.execution.pnl.last24h", GAUGE_MAX_AGE,
                () -> reader.lastDayAtSignalMids(GAUGE_MAX_AGE).total());
        metrics.cachedGauge("nova.execution.pnl.last24h.basis", GAUGE_MAX_AGE,
                () -> reader.lastDayAtSignalMids(GAUGE_MAX_AGE).realised());
        metrics.cachedGauge("nova.execution.pnl.last24h.funding", GAUGE_MAX_AGE,
                () -> reader.lastDayAtSignalMids(GAUGE_MAX_AGE).funding());
        metrics.cachedGauge("nova.execution.pnl.last24h.fees", GAUGE_MAX_AGE,
                () -> reader.lastDayAtSignalMids(GAUGE_MAX_AGE).fees());
        metrics.cachedGauge("nova.execution.pnl.cumulative", GAUGE_MAX_AGE,
                () -> reader.reportAtSignalMids(Instant.EPOCH).summary().total().doubleValue());
        return reader;
    }

    @Bean
    BooksKeeper booksKeeper(TradingVenue venue, Ledger ledger, Books books, PnlReader pnl, ExecutionEvents events,
                            Alerts alerts, ExecutionMetrics metrics, ExecutionProperties p, Clock clock) {
        ExecutionProperties.Books b = p.books();
        return new BooksKeeper(new TradeBooking(venue, books, metrics, clock),
                new IncomeSync(venue, ledger, books, events, metrics, p.fundingPollInterval(), clock),
                new BooksReconciliation(venue::income, books, alerts, metrics, b.reconcileWindow(), b.reconcileSettle(), b.dust(), clock), pnl);
    }

    @Bean
    MarginWatch marginWatch(TradingVenue venue, Ledger ledger, OperatorActions operator, MarginAlarm alarm,
                            Alerts alerts, ExecutionProperties p, ExecutionMetrics metrics) {
        ExecutionProperties.Margin m = p.margin();
        MarginWatch watch = new MarginWatch(venue, ledger, operator, alarm, alerts,
                new MarginLevel(m.warningRatio(), m.criticalRatio(), m.warningDistance(), m.criticalDistance()),
                m.reduceFraction());
        metrics.gauge("nova.execution.margin.ratio", watch::marginRatio);
        return watch;
    }

    @Bean
    DrawdownGuard drawdownGuard(PnlReader pnl, KillSwitch killSwitch, ExecutionProperties p, Clock clock) {
        return new DrawdownGuard(pnl, killSwitch, p.risk().maxDailyLoss(), clock);
    }

    @Bean
    DailySummary dailySummary(PnlReader pnl, Alerts alerts, Clock clock, ExecutionProperties p) {
        return new DailySummary(pnl, alerts, clock, p.dailySummaryTime());
    }

    @Bean
    TradingLease tradingLease(DataSource dataSource, LeaseHolderName holder, ExecutionProperties p,
                              ExecutionMetrics metrics) {
        if (!(dataSource instanceof HikariDataSource pool)) {
            throw new IllegalStateException("The ledger needs a Hikari pool (its connections carry the lease holder's"
                    + " name for the write fence), found " + dataSource.getClass().getName());
        }
        TradingLease lease = new AdvisoryLockLease(new LockConnectionFactory(pool, holder, p.leaseCheckInterval()),
                dataSource, holder, p.advisoryLockKey());
        metrics.gauge("nova.execution.lease.epoch", lease::epoch);
        return lease;
    }

    /** This process's name as the lease holder, on every ledger connection. */
    @Bean
    static LeaseHolderName leaseHolderName() {
        return LeaseHolderName.forThisProcess();
    }

    @Bean
    static LedgerPoolNaming ledgerPoolNaming(LeaseHolderName holder) {
        return new LedgerPoolNaming(holder);
    }

    /** Boot's listener settings, with the commits left to {@link SignalListener} (it commits what is decided). */
    @Bean(SignalListener.CONTAINER_FACTORY)
    @SuppressWarnings("unchecked")
    ConcurrentKafkaListenerContainerFactory<Object, Object> signalListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<?, ?> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, (ConsumerFactory<Object, Object>) consumers);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        return factory;
    }

    @Bean
    SignalListener signalListener(ExecutionEngine engine, EventDecoder decoder, KafkaListenerEndpointRegistry registry,
                                  MeterRegistry meters, ExecutionMetrics metrics, SignalSealCheck seals,
                                  Alerts alerts) {
        return new SignalListener(engine, decoder, registry, meters, metrics, seals, new SignalTrustAlarm(alerts));
    }

    /**
     * Only sealed signals are traded once signing keys are set ({@code NOVA_SIGNING_KEYS}, shared with
     * signal-service alone). A live desk does not start without them; a paper desk without them says so and counts on
     * the broker's ACLs alone.
     */
    @Bean
    SignalSealCheck signalSealCheck(RecordSeal seal, ExecutionMode mode, ExecutionMetrics metrics) {
        SignalSealCheck check = new SignalSealCheck(seal);
        if (!check.enforced()) {
            if ("live".equals(mode.name())) {
                throw new IllegalStateException("Live trading needs signing keys (NOVA_SIGNING_KEYS): without them any"
                        + " writer of nova.signals could place orders");
            }
            log.warn("No signing keys (NOVA_SIGNING_KEYS): signals are traded without a seal check (paper mode only)");
        } else {
            log.info("Signals are traded only when sealed with one of the signing keys {}", seal);
        }
        metrics.gauge("nova.execution.signal.seal.enforced", () -> check.enforced() ? 1 : 0);
        return check;
    }

    @Bean(destroyMethod = "close")
    TradingSupervisor tradingSupervisor(TradingLease lease, SignalListener intake, KillSwitch killSwitch,
                                        AccountSetup accountSetup, Reconciler reconciler, AccountBook account,
                                        BooksKeeper books, MarginWatch margin, DrawdownGuard drawdown,
                                        DailySummary summary, Alerts alerts, ExecutionProperties p,
                                        ApplicationContext context) {
        return new TradingSupervisor(lease, intake, killSwitch, accountSetup, reconciler, account, books, margin,
                drawdown, summary, alerts, p,
                ready -> AvailabilityChangeEvent.publish(context,
                        ready ? ReadinessState.ACCEPTING_TRAFFIC : ReadinessState.REFUSING_TRAFFIC));
    }

    /**
     * Trading starts only once the application is up, and after the decision path has been rehearsed (see
     * {@link Rehearsal}); a rehearsal that fails (the database not up yet) is logged and skipped.
     */
    @EventListener(ApplicationReadyEvent.class)
    void startTrading(ApplicationReadyEvent event) {
        ApplicationContext context = event.getApplicationContext();
        int rounds = context.getBean(ExecutionProperties.class).warmUpRounds();
        if (rounds > 0) {
            try {
                Duration took = context.getBean(ExecutionCore.class).rehearsal().rehearse(rounds);
                log.info("Decision path rehearsed {} times in {} ms", rounds, took.toMillis());
            } catch (RuntimeException e) {
                log.warn("Decision path rehearsal skipped: {}", e.toString());
            }
        }
        context.getBean(TradingSupervisor.class).start();
    }

    /**
     * Told first of all on a stop (before the web server, the listeners and the data source go), so that what the
     * stop itself takes away is not reported as an incident.
     */
    @EventListener(ContextClosedEvent.class)
    void stoppingTrading(ContextClosedEvent event) {
        event.getApplicationContext().getBean(TradingSupervisor.class).shuttingDown();
    }

    /**
     * Boot declares the application ready right after start-up; an instance without the trading lease is not
     * ready (it trades nothing), so that declaration is corrected until the supervisor has made it active.
     */
    @EventListener
    void onlyTheActiveTraderIsReady(AvailabilityChangeEvent<ReadinessState> event) {
        ApplicationContext context = (ApplicationContext) event.getSource();
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && !context.getBean(TradingSupervisor.class).active()) {
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        }
    }
}
