package com.novaquant.execution.domain;

import com.novaquant.events.DeskMode;
import com.novaquant.ids.PairId;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The trade decision: from a signal's target and the desk's facts to a refusal with its reason or the two legs to
 * send. Pure: the same facts give the same decision, so each rule is tested without any infrastructure.
 * <p>
 * The desk's risk states decide what may move. FROZEN (desk-wide, or an account the desk cannot trade) refuses every
 * signal-driven trade. Everything else refuses only growth: a HALTED desk, a hold on this symbol or on the whole desk,
 * a gated feed, a critical margin. A close or reduction therefore always passes them, on every symbol, whatever
 * incident is open elsewhere; what stops it is only what makes it unsafe on this very pair (orders of unknown
 * outcome, an execution not yet settled, a pair not hedged). Nor does execution's own view of the venue's prices
 * stop it: only growth must be checked and limited on that view ({@link PreTradeCheck}).
 */
public final class TradeRule {

    private final PreTradeCheck preTrade;

    public TradeRule(PreTradeCheck preTrade) {
        this.preTrade = preTrade;
    }

    public TradeDecision decide(TradeFacts f, PairId newPairId) {
        TradeFacts.Holds holds = f.holds();
        if (holds.frozen() != null) {
            return refused(Refusal.FROZEN, holds.frozen());
        }
        if (f.holds().unresolvedOrders()) {
            return refused(Refusal.UNRESOLVED_ORDERS, f.symbol() + " has orders whose outcome is not known yet");
        }
        if (f.pairState() != null && f.pairState().executing()) {
            // One execution per symbol at a time: a pair still executing when a decision sees it was interrupted.
            return refused(Refusal.UNRESOLVED_ORDERS, "pair " + f.pairId() + " is " + f.pairState()
                    + " from an execution not yet settled");
        }
        HedgeBand band = HedgeBand.of(f.spot(), f.perp());
        if (f.pairId() != null && (f.pairState() == PairState.BROKEN || !band.hedged(f.exposure()))) {
            return refused(Refusal.PAIR_BROKEN, "pair " + f.pairId() + " is not hedged: " + band.classify(f.exposure()));
        }
        if (f.target().signum() < 0) {
            return refused(Refusal.BAD_TARGET, "negative target " + f.target());
        }
        BigDecimal current = f.exposure().perpShort();
        BigDecimal delta = f.target().subtract(current);
        BigDecimal quantity = PairSizing.common(delta, f.spot(), f.perp());
        if (quantity.signum() == 0) {
            return refused(Refusal.NO_CHANGE, "target " + f.target() + " vs position " + current);
        }
        boolean growing = delta.signum() > 0;
        if (growing) {
            Optional<TradeDecision> held = growthHeld(f.symbol(), holds);
            if (held.isPresent()) {
                return held.get();
            }
        }
        boolean closesAll = !growing && quantity.compareTo(current) == 0;
        // A full close sells what spot holds; it lacks the commission paid in the base asset, which the short covers.
        BigDecimal spotQuantity = closesAll ? f.spot().roundDown(f.exposure().spotHeld().min(f.spotBaseFree()))
                : quantity;
        BigDecimal spotPrice = growing ? f.spotAsk() : f.spotBid();
        BigDecimal perpPrice = growing ? f.perpBid() : f.perpAsk();
        PreTradeRequest request = new PreTradeRequest(growing, quantity, spotPrice, perpPrice, f.quoteAgeMs(),
                f.pairNotional(), f.totalNotional(), f.spotQuoteFree(), f.spotBaseFree(), f.futuresAvailable(),
                f.futuresWallet(), f.leverage(), spotQuantity, f.own());
        Optional<PreTradeCheck.Refusal> refusal = preTrade.check(request, f.spot(), f.perp());
        if (refusal.isPresent()) {
            return refused(Refusal.valueOf(refusal.get().code()), refusal.get().text());
        }
        PairId pairId = f.pairId() != null ? f.pairId() : newPairId;
        if (!growing) {
            // A close spends nothing the other trades could want; what it frees is counted once a read shows it.
            return new TradeDecision.Execute(pairId, false, closesAll, spotQuantity, quantity, BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO);
        }
        // What a growing trade holds back is valued at the venue's prices, as its check was.
        PreTradeCheck.LegPrices venue = preTrade.prices(request);
        BigDecimal notional = quantity.multiply(venue.perp());
        return new TradeDecision.Execute(pairId, true, false, quantity, quantity,
                PreTradeCheck.spotCost(quantity, venue.spot()), PreTradeCheck.margin(notional, f.leverage()), notional);
    }

    /** What refuses new exposure only. */
    private static Optional<TradeDecision> growthHeld(String symbol, TradeFacts.Holds holds) {
        if (holds.desk() == DeskMode.HALTED) {
            return Optional.of(refused(Refusal.KILL_SWITCH, "desk HALTED: " + holds.deskReason()));
        }
        if (holds.gate() != DeskMode.TRADING) {
            return Optional.of(refused(Refusal.TRADING_HELD, holds.gateReason()));
        }
        if (holds.feedGated() != null) {
            return Optional.of(refused(Refusal.FEED_GATED, symbol + " market data gated: " + holds.feedGated()));
        }
        if (holds.marginCritical()) {
            return Optional.of(refused(Refusal.MARGIN_CRITICAL, "margin is critical: nothing may grow"));
        }
        return Optional.empty();
    }

    private static TradeDecision refused(Refusal reason, String detail) {
        return new TradeDecision.Refused(reason, detail);
    }
}
