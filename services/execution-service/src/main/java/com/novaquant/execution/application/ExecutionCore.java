package com.novaquant.execution.application;

import com.novaquant.execution.domain.LegRiskPolicy;
import com.novaquant.execution.domain.PreTradeCheck;
import com.novaquant.execution.domain.SignalAdmission;
import com.novaquant.execution.domain.RiskLimits;
import com.novaquant.execution.domain.TradeRule;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Execution's parts, put together the one way production, the tests and the simulation all use: the signal
 * pipeline, the operator actions and the rehearsal over one desk.
 */
public record ExecutionCore(Desk desk, ExecutionEngine engine, OperatorActions operator, Rehearsal rehearsal) {

    /** The ports and shared state the core runs on. */
    public record Parts(TradingVenue venue, Ledger ledger, AccountBook account, OrderSender sender,
                        KillSwitch killSwitch, TradingGate gate, MarginAlarm margin, UnresolvedSymbols unresolved,
                        Marks marks, VenuePrices prices, ExecutionEvents events, Alerts alerts,
                        ExecutionMetrics metrics, ExecutionProperties properties, List<String> symbols,
                        Executor legExecutor, Clock clock, UniverseGate universe) {

        /** The fixed {@code nova.symbols} list, no universe followed. */
        public Parts(TradingVenue venue, Ledger ledger, AccountBook account, OrderSender sender,
                     KillSwitch killSwitch, TradingGate gate, MarginAlarm margin, UnresolvedSymbols unresolved,
                     Marks marks, VenuePrices prices, ExecutionEvents events, Alerts alerts,
                     ExecutionMetrics metrics, ExecutionProperties properties, List<String> symbols,
                     Executor legExecutor, Clock clock) {
            this(venue, ledger, account, sender, killSwitch, gate, margin, unresolved, marks, prices, events, alerts,
                    metrics, properties, symbols, legExecutor, clock, UniverseGate.fixedList());
        }
    }

    public static ExecutionCore create(Parts p) {
        ExecutionProperties props = p.properties();
        Desk desk = new Desk();
        UnbookedCommission commission = new UnbookedCommission(p.ledger());
        PreTradeCheck preTrade = new PreTradeCheck(new RiskLimits(props.risk().maxSymbolNotional(),
                props.risk().maxTotalNotional(), props.risk().maxLeverage()), props.maxQuoteAge().toMillis(),
                props.priceBand());
        LegDispatcher dispatcher = new LegDispatcher(p.ledger(), p.sender(), p.events(), p.legExecutor(), p.clock());
        LegRiskSettlement settlement = new LegRiskSettlement(p.venue(), p.ledger(), dispatcher,
                new RepairOrders(p.venue(), p.ledger(), dispatcher, commission),
                new LegRiskPolicy(props.rehedgeAttempts(), props.rehedgeDeadline()), p.killSwitch(), p.gate(),
                p.events(), p.alerts(), p.metrics(), props.unwindAttempts(), p.clock());
        CutShortTrades cutShort = new CutShortTrades(p.unresolved(), p.killSwitch(), p.alerts());
        TradeRunner runner = new TradeRunner(settlement, p.ledger(), p.account(), desk, cutShort, p.metrics(),
                p.legExecutor());
        ExecutionEngine engine = new ExecutionEngine(desk, p.ledger(), p.venue(), p.account(), new TradeRule(preTrade),
                new DeskHolds(p.gate(), p.killSwitch(), p.margin(), p.unresolved(), p.killSwitch().view()), dispatcher, runner, p.marks(),
                p.prices(), p.metrics(), commission, props.perpLeverage(), props.accountReadDeadline(), p.legExecutor(),
                p.universe().following() ? SignalAdmission.followingTheUniverse() : new SignalAdmission(p.symbols()),
                p.universe(), p.clock());
        OperatorActions operator = new OperatorActions(desk, p.ledger(), p.venue(), p.account(), dispatcher,
                settlement, p.killSwitch(), cutShort, commission, p.metrics(), p.clock());
        return new ExecutionCore(desk, engine, operator,
                new Rehearsal(p.ledger(), preTrade, dispatcher, props.perpLeverage(), p.clock()));
    }
}
