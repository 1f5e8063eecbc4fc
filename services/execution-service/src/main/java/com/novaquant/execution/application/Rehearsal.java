package com.novaquant.execution.application;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.EventCodec;
import com.novaquant.events.FundingRate;
import com.novaquant.events.Quote;
import com.novaquant.events.Signal;
import com.novaquant.events.Venue;
import com.novaquant.execution.domain.ClientOrderIds;
import com.novaquant.execution.domain.OwnPrices;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PairSizing;
import com.novaquant.execution.domain.PairState;
import com.novaquant.execution.domain.PreTradeCheck;
import com.novaquant.execution.domain.PreTradeRequest;
import com.novaquant.execution.domain.SymbolFilters;
import com.novaquant.ids.SignalId;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Rehearses the decision path on made-up data, leaving nothing behind: the signal's decoding, sizing and the
 * pre-trade check, the order and pair events' encoding, and the exposure read, the claim-and-write-ahead, the
 * completion and the refusal statements in a ledger transaction that is rolled back. Execution sees a signal or two
 * a second, far too few for the JIT to compile that code before the first burst: measured in the desk benchmark, the
 * first decisions of a cold instance took several times longer (claim, decide and write-ahead stages). Nothing is
 * sent, published or counted.
 */
public class Rehearsal {

    /** The made-up symbol of the rehearsal: no exchange lists it, no pair of the ledger has it. */
    public static final String SYMBOL = "NOVAREHEARSALUSDT";

    private final Ledger ledger;
    private final PreTradeCheck preTrade;
    private final LegDispatcher dispatcher;
    private final BigDecimal leverage;
    private final Clock clock;

    Rehearsal(Ledger ledger, PreTradeCheck preTrade, LegDispatcher dispatcher, BigDecimal leverage, Clock clock) {
        this.ledger = ledger;
        this.preTrade = preTrade;
        this.dispatcher = dispatcher;
        this.leverage = leverage;
        this.clock = clock;
    }

    /** @return how long the rehearsal took */
    public Duration rehearse(int rounds) {
        long start = System.nanoTime();
        SymbolFilters filters = new SymbolFilters(new BigDecimal("0.001"), new BigDecimal("0.001"),
                new BigDecimal("1000"), new BigDecimal("5"));
        BigDecimal ask = new BigDecimal("100000.10");
        BigDecimal bid = new BigDecimal("100000.00");
        BigDecimal plenty = new BigDecimal("1000000");
        for (int round = 0; round < rounds; round++) {
            long now = EpochMicros.now(clock);
            Quote spot = new Quote(SYMBOL, Venue.SPOT, bid, BigDecimal.ONE, ask, BigDecimal.ONE, round, 0, now);
            Quote perp = new Quote(SYMBOL, Venue.USDM, bid, BigDecimal.ONE, ask, BigDecimal.ONE, round, now / 1000, now);
            FundingRate funding = new FundingRate(SYMBOL, bid, bid, new BigDecimal("0.0003"), now / 1000 + 3_600_000,
                    now / 1000, now);
            Signal made = new Signal(new SignalId("rehearsal-" + Long.toString(now, 36) + "-" + round), SYMBOL,
                    new BigDecimal("0.01000000"), new BigDecimal("1000.00"), Signal.Reason.CARRY_ABOVE_ENTRY, 0.2,
                    spot, perp, funding, now, now / 1000 + 5_000);
            Signal signal = EventCodec.decode(EventCodec.encode(made), Signal.class);
            Signal refused = new Signal(new SignalId(signal.signalId() + "-refused"), SYMBOL, BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    Signal.Reason.CARRY_BELOW_EXIT, 0, spot, perp, funding, now, now / 1000 + 5_000);
            BigDecimal quantity = PairSizing.common(signal.targetBaseQty(), filters, filters);
            PreTradeRequest request = new PreTradeRequest(true, quantity, signal.spot().askPrice(),
                    signal.perp().bidPrice(), 0, BigDecimal.ZERO, BigDecimal.ZERO, plenty, BigDecimal.ZERO, plenty,
                    plenty, leverage, new OwnPrices(bid, ask, bid, ask, 0));
            preTrade.check(request, filters, filters);
            preTrade.prices(request);
            Execution ex = new Execution(ClientOrderIds.pairId(signal.signalId()), signal.signalId(), signal.symbol(),
                    quantity, quantity, true, false, signal.tickReceivedAtMicros(), signal.decidedAtMicros());
            List<OrderRecord> rows = dispatcher.legRows(ex);
            for (OrderRecord row : rows) {
                EventCodec.encode(OrderSender.orderEvent(row, OrderStatus.SENT.name(), now));
            }
            ledger.rehearse(() -> {
                ledger.exposureUnlessSeen(signal);
                PairRecord pair = ledger.claimAndWriteAhead(signal, ex.pairId(), PairState.OPENING, rows)
                        .orElseThrow();
                EventCodec.encode(dispatcher.pairEvent(pair, ex.signalId()));
                ledger.completeSignal(ex.signalId(), "FILLED", null);
                // The other outcome of a decision: a refusal, recorded in one insert.
                ledger.recordRefusal(refused, "NO_CHANGE", "rehearsal");
            });
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
