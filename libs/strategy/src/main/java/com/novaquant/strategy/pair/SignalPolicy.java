package com.novaquant.strategy.pair;

/**
 * The decision thresholds in the units the evaluation path uses (fractions, hours, microseconds), so that no tick
 * converts a {@code Duration} or a decimal. Built from the service configuration and swapped whole when an operator
 * changes it.
 *
 * @param entryThresholdApr        open when both the net carry and the hold carry are at least this
 * @param exitThresholdApr         close when the hold carry falls below this (at most 0: never while the carry still
 *                                 to be earned over the horizon covers the cost of leaving)
 * @param negativeFundingIntervals close after this many consecutive negative intervals, the current one included
 * @param basisTakeProfit          close when the basis gain since entry reaches this fraction of notional
 * @param holdingHours             expected holding time the round-trip costs are amortised over
 * @param exitHorizonHours         the exit rule counts the carry still to be earned over this many hours
 * @param maxQuoteAgeMicros        a quote older than this (either venue) is stale
 * @param maxFundingAgeMicros      a funding update older than this is stale
 * @param maxSpotPerpDeviation     spot and perp mids further apart than this fraction make the book implausible
 * @param maxAbsFundingRate        a funding rate beyond this magnitude (per interval) is implausible
 * @param cooldownMicros           minimum time between two changes of a symbol's target
 * @param republishIntervalMicros  the standing target is re-published this often (0: only on change)
 * @param spotFee                  fee rate of one spot trade (taker or maker, as configured)
 * @param perpFee                  fee rate of one perp trade
 * @param topOfBookFraction        never size above this fraction of the smaller top-of-book quantity
 * @param totalCapNotional         cap on the summed target notional across symbols, quote currency
 * @param minNotional              a target below this notional is not worth opening
 * @param resizeBand               an open pair is resized once its symbol's notional differs from the one it was
 *                                 sized on by more than this fraction of that one (the allocation's hysteresis)
 */
public record SignalPolicy(
        double entryThresholdApr,
        double exitThresholdApr,
        int negativeFundingIntervals,
        double basisTakeProfit,
        double holdingHours,
        double exitHorizonHours,
        long maxQuoteAgeMicros,
        long maxFundingAgeMicros,
        double maxSpotPerpDeviation,
        double maxAbsFundingRate,
        long cooldownMicros,
        long republishIntervalMicros,
        double spotFee,
        double perpFee,
        double topOfBookFraction,
        double totalCapNotional,
        double minNotional,
        double resizeBand) {

    public double roundTripFees() {
        return CarryModel.roundTripFees(spotFee, perpFee);
    }

    public double exitFees() {
        return CarryModel.exitFees(spotFee, perpFee);
    }
}
