package com.novaquant.execution.application;

import com.novaquant.ids.PairId;
import com.novaquant.ids.SignalId;

import java.math.BigDecimal;

/**
 * One two-leg execution: the same base quantity on both legs, growing or shrinking the pair.
 *
 * @param spotQuantity the spot leg: equal to the perp's, except when a close sells the whole spot holding, which the
 *                     commission paid in the base asset left smaller than the short
 * @param closesAll    a shrinking execution that takes the pair to flat
 */
record Execution(PairId pairId, SignalId signalId, String symbol, BigDecimal spotQuantity, BigDecimal perpQuantity,
                 boolean growing, boolean closesAll, long tickReceivedAtMicros, long signalDecidedAtMicros) {
}
