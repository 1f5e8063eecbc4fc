package com.novaquant.strategy.pair;

import com.novaquant.events.DeskMode;
import com.novaquant.events.Signal;

/**
 * Decides the target hedged position of one symbol from its state. The rules, in order:
 * <ol>
 *   <li>Feed gate: while ingestion gates the symbol's market data, no decision at all on it, not even a close
 *       ({@link RejectReason#FEED_GATED}): the data cannot be trusted either way. Decisions resume when it lifts.</li>
 *   <li>Data guards: both quotes and the funding state present and fresh, books uncrossed and plausible, spot and
 *       perp mids close, funding of plausible size. Otherwise {@link Verdict.Kind#REJECT}, nothing published.</li>
 *   <li>The wanted target ({@link CarryModel}, funding annualised over the symbol's interval as published with
 *       its funding, else as observed, else as configured): flat or unknown opens when the net carry (every cost of the round trip) and the hold
 *       carry (only the cost of leaving) both reach the entry threshold. Open or unknown closes when the funding has
 *       been negative for the configured number of intervals ({@code FUNDING_NEGATIVE}); when the symbol has left the
 *       traded universe ({@code LEFT_UNIVERSE}, whatever its carry); when the funding is not
 *       negative and the hold carry is below the exit threshold ({@code CARRY_BELOW_EXIT}); or, for a pair opened
 *       by this service, when the basis gain since entry reaches the take-profit ({@code BASIS_CONVERGED}). A
 *       negative rate is judged by the streak rule only, so a single negative print does not close a pair whose
 *       exit costs more than one interval's funding. An open pair that stays is resized
 *       ({@code ALLOCATION_CHANGED}) once its symbol's notional (its allocation) has moved beyond the resize band
 *       from the one it was sized on: shrunk whatever its carry (to flat when what remains is below the minimum
 *       notional), grown only while its carry would open it.</li>
 *   <li>The desk mode ({@link DeskMode}): TRADING lets everything through; HALTED lets through only what does not
 *       grow the position (a close, a shrinking resize, or the re-publish of a flat target) and holds an opening, a
 *       growing resize or the re-publish of an open target ({@link RejectReason#HALTED}); FROZEN holds everything
 *       ({@link RejectReason#FROZEN}).</li>
 *   <li>A change is refused within the cooldown after the last change that moved a position (an opening, a
 *       resize, or the close of an open pair; a flat target from unknown moves nothing); an opening is refused when
 *       sizing leaves less than the minimum notional, a growing resize when it would add less than that.</li>
 *   <li>Without a change, the standing target is re-published once the re-publish interval has passed.</li>
 * </ol>
 * An opening needs the hold carry at the entry threshold, a close needs it below the exit threshold (at most 0):
 * the gap is the hysteresis, and with the cooldown, noise around a threshold cannot churn a pair. The resize band is
 * the allocation's hysteresis: an allocation wobbling inside it never trades.
 * Stateless and allocation-free: it writes its outcome into the caller's {@link Verdict}.
 */
public final class PairDecider {

    private PairDecider() {
    }

    /**
     * @param otherSymbolsNotional the target notional already committed by the other symbols (for the total cap)
     * @param mode                 the desk's risk state
     * @param feedGated            true while ingestion gates this symbol's market data
     */
    public static void evaluate(PairState state, SignalPolicy policy, SymbolPolicy symbolPolicy,
                                double otherSymbolsNotional, DeskMode mode, boolean feedGated, long nowMicros,
                                Verdict out) {
        if (feedGated) {
            state.carryApr(Double.NaN);
            out.reject(RejectReason.FEED_GATED, Double.NaN);
            return;
        }
        RejectReason unsound = dataGuard(state, policy, nowMicros);
        if (unsound != null) {
            state.carryApr(Double.NaN);
            out.reject(unsound, Double.NaN);
            return;
        }
        BookTop spot = state.spot();
        BookTop perp = state.perp();
        FundingTracker funding = state.funding();
        double interval = funding.intervalHours(symbolPolicy.fundingIntervalHours());
        double carry = CarryModel.netCarryApr(funding.rate(), interval,
                spot.bid(), spot.ask(), perp.bid(), perp.ask(), policy.roundTripFees(), policy.holdingHours());
        double holdCarry = CarryModel.holdCarryApr(funding.rate(), interval, spot.bid(), perp.ask(),
                policy.exitFees(), policy.exitHorizonHours());
        state.carryApr(carry);

        Signal.Reason wanted = wantedChange(state, policy, symbolPolicy, carry, holdCarry);
        if (wanted == null) {
            if (!refreshDue(state, policy, nowMicros)) {
                out.hold(carry);
                return;
            }
            // Repeating flat repeats a close; repeating an open target is not a reduction, so HALTED holds it.
            RejectReason held = heldByDesk(mode, state.position() == Position.FLAT);
            if (held != null) {
                out.reject(held, carry);
            } else {
                out.refresh(state.standingReason(), state.targetQty(), state.targetNotional(), carry);
            }
            return;
        }
        boolean opening = wanted == Signal.Reason.CARRY_ABOVE_ENTRY;
        boolean resizing = wanted == Signal.Reason.ALLOCATION_CHANGED;
        boolean grows = opening || resizing && symbolPolicy.notional() > state.sizedOnNotional();
        // Every other change targets less: a reduction, which HALTED lets through.
        RejectReason held = heldByDesk(mode, !grows);
        if (held != null) {
            out.reject(held, carry);
            return;
        }
        if (state.lastMoveMicros() != Long.MIN_VALUE
                && nowMicros - state.lastMoveMicros() < policy.cooldownMicros()) {
            out.reject(RejectReason.COOLDOWN, carry);
            return;
        }
        if (resizing) {
            resize(state, policy, symbolPolicy, otherSymbolsNotional, grows, carry, out);
        } else if (opening) {
            size(spot, perp, policy, symbolPolicy, otherSymbolsNotional, carry, out);
        } else {
            out.decideFlat(wanted, carry);
        }
    }

    /** Why the desk mode holds a target back, or null when it lets it through. */
    private static RejectReason heldByDesk(DeskMode mode, boolean reduces) {
        if (mode.allows(!reduces)) {
            return null;
        }
        return mode == DeskMode.FROZEN ? RejectReason.FROZEN : RejectReason.HALTED;
    }

    private static RejectReason dataGuard(PairState state, SignalPolicy policy, long nowMicros) {
        BookTop spot = state.spot();
        BookTop perp = state.perp();
        FundingTracker funding = state.funding();
        if (!spot.seen() || !perp.seen() || !funding.seen()) {
            return RejectReason.MISSING_DATA;
        }
        if (outOfAge(spot.receivedAtMicros(), nowMicros, policy.maxQuoteAgeMicros())
                || outOfAge(perp.receivedAtMicros(), nowMicros, policy.maxQuoteAgeMicros())) {
            return RejectReason.STALE_QUOTE;
        }
        if (outOfAge(funding.receivedAtMicros(), nowMicros, policy.maxFundingAgeMicros())) {
            return RejectReason.STALE_FUNDING;
        }
        if (!spot.plausible() || !perp.plausible()) {
            return RejectReason.IMPLAUSIBLE_BOOK;
        }
        if (spot.crossed() || perp.crossed()) {
            return RejectReason.CROSSED_BOOK;
        }
        if (Math.abs(perp.mid() - spot.mid()) > policy.maxSpotPerpDeviation() * spot.mid()) {
            return RejectReason.PRICE_DIVERGENCE;
        }
        double rate = funding.rate();
        if (!(Math.abs(rate) <= policy.maxAbsFundingRate())) {
            return RejectReason.IMPLAUSIBLE_FUNDING;
        }
        return null;
    }

    /** Too old, or stamped in the future by more than the allowed age (a clock jump is not fresh data). */
    private static boolean outOfAge(long receivedAtMicros, long nowMicros, long maxAgeMicros) {
        long age = nowMicros - receivedAtMicros;
        return age > maxAgeMicros || age < -maxAgeMicros;
    }

    private static Signal.Reason wantedChange(PairState state, SignalPolicy policy, SymbolPolicy symbolPolicy,
                                              double carry, double holdCarry) {
        Position position = state.position();
        if (!symbolPolicy.selected()) {
            // Out of the universe: never open, and close what is (or may be) open rather than abandon it.
            return position == Position.FLAT ? null : Signal.Reason.LEFT_UNIVERSE;
        }
        // The hold carry too: never open what the exit rule would close at the same books (a rich entry premium
        // makes the round trip cheap, yet leaving pays that premium back).
        boolean wouldOpen = carry >= policy.entryThresholdApr() && holdCarry >= policy.entryThresholdApr();
        if (position != Position.OPEN && wouldOpen) {
            return Signal.Reason.CARRY_ABOVE_ENTRY;
        }
        if (position == Position.FLAT) {
            return null;
        }
        FundingTracker funding = state.funding();
        if (funding.negativeStreak() >= policy.negativeFundingIntervals()) {
            return Signal.Reason.FUNDING_NEGATIVE;
        }
        // Entry costs are sunk: stay while the carry still to be earned pays for leaving.
        if (funding.rate() >= 0 && holdCarry < policy.exitThresholdApr()) {
            return Signal.Reason.CARRY_BELOW_EXIT;
        }
        if (position == Position.OPEN && !Double.isNaN(state.entryPremium())
                && CarryModel.basisGain(state.entryPremium(), state.spot().bid(), state.perp().ask())
                >= policy.basisTakeProfit()) {
            return Signal.Reason.BASIS_CONVERGED;
        }
        if (position == Position.OPEN && allocationMoved(state, policy, symbolPolicy)
                && (symbolPolicy.notional() < state.sizedOnNotional() || wouldOpen)) {
            // Capital taken back is returned whatever the carry; more is put in only where it would be opened.
            return Signal.Reason.ALLOCATION_CHANGED;
        }
        return null;
    }

    /** Whether the symbol's notional has moved from the one the open pair was sized on by more than the band. */
    private static boolean allocationMoved(PairState state, SignalPolicy policy, SymbolPolicy symbolPolicy) {
        double sizedOn = state.sizedOnNotional();
        return sizedOn > 0 && Math.abs(symbolPolicy.notional() - sizedOn) > policy.resizeBand() * sizedOn;
    }

    private static boolean refreshDue(PairState state, SignalPolicy policy, long nowMicros) {
        return state.position() != Position.UNKNOWN
                && policy.republishIntervalMicros() > 0
                && nowMicros - state.lastPublishMicros() >= policy.republishIntervalMicros();
    }

    /**
     * Target base quantity: the configured notional at the spot ask, no more than a fraction of the smaller top of
     * book (spot ask quantity, perp bid quantity: the sides an opening takes), and no more than the room left
     * under the total cap.
     */
    private static void size(BookTop spot, BookTop perp, SignalPolicy policy, SymbolPolicy symbolPolicy,
                             double otherSymbolsNotional, double carry, Verdict out) {
        grow(0, spot, perp, policy, symbolPolicy, otherSymbolsNotional, Signal.Reason.CARRY_ABOVE_ENTRY,
                CarryModel.entryPremium(spot.ask(), perp.bid()), carry, out);
    }

    /**
     * Grows {@code standing} (zero for an opening) towards the notional at the spot ask: by no more than a fraction of
     * the smaller top of book, within the room left under the total cap, and by at least the minimum notional, else
     * the growth is refused with the limit that left it too small (the total cap, the book, or the notional itself).
     */
    private static void grow(double standing, BookTop spot, BookTop perp, SignalPolicy policy,
                             SymbolPolicy symbolPolicy, double otherSymbolsNotional, Signal.Reason reason,
                             double entryPremium, double carry, Verdict out) {
        double price = spot.ask();
        double byNotional = symbolPolicy.notional() / price;
        double byBook = standing + policy.topOfBookFraction() * Math.min(spot.askQty(), perp.bidQty());
        double byCap = Math.max(0, policy.totalCapNotional() - otherSymbolsNotional) / price;
        double qty = Math.min(byNotional, Math.min(byBook, byCap));
        if ((qty - standing) * price < policy.minNotional()) {
            out.reject(qty == byCap ? RejectReason.TOTAL_CAP_REACHED
                    : qty == byBook ? RejectReason.THIN_BOOK : RejectReason.SIZE_TOO_SMALL, carry);
            return;
        }
        out.decide(reason, qty, qty * price, carry, entryPremium, symbolPolicy.notional());
    }

    /**
     * The open pair's new target at the spot ask for its new notional. Growth adds no more than a fraction of the
     * smaller top of book (the sides it takes), stays within the room left under the total cap, and must add at least
     * the minimum notional. A shrink keeps the entry premium; one that would leave less than the minimum notional
     * closes the pair.
     */
    private static void resize(PairState state, SignalPolicy policy, SymbolPolicy symbolPolicy,
                               double otherSymbolsNotional, boolean grows, double carry, Verdict out) {
        if (grows) {
            grow(state.targetQty(), state.spot(), state.perp(), policy, symbolPolicy, otherSymbolsNotional,
                    Signal.Reason.ALLOCATION_CHANGED, state.entryPremium(), carry, out);
            return;
        }
        double price = state.spot().ask();
        double qty = Math.min(state.targetQty(), symbolPolicy.notional() / price);
        if (qty * price < policy.minNotional()) {
            qty = 0;
        }
        out.decide(Signal.Reason.ALLOCATION_CHANGED, qty, qty * price, carry, state.entryPremium(),
                symbolPolicy.notional());
    }
}
