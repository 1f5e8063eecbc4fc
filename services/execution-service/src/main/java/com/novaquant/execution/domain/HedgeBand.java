package com.novaquant.execution.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The hedge invariant, in exchange steps. A pair is hedged when what stands unhedged is less than one step of the
 * coarser venue: no order either venue accepts could make it smaller. Spot commission paid in the base asset is
 * known (each fill reports it) and accounted for, not tolerated as a share of the size: the spot leg holds
 * {@code bought - sold - commission in kind}, and the short may exceed it by exactly that commission. The band is
 * therefore the same for a pair of one step or of thousands, and after any number of partial reductions.
 *
 * @param spotStep the spot LOT_SIZE step (the smallest quantity spot can still trade)
 * @param perpStep the USD-M step
 */
public record HedgeBand(BigDecimal spotStep, BigDecimal perpStep) {

    public HedgeBand {
        Objects.requireNonNull(spotStep);
        Objects.requireNonNull(perpStep);
        if (spotStep.signum() <= 0 || perpStep.signum() <= 0) {
            throw new IllegalArgumentException("steps must be positive");
        }
    }

    public static HedgeBand of(SymbolFilters spot, SymbolFilters perp) {
        return new HedgeBand(spot.stepSize(), perp.stepSize());
    }

    /** The step of the coarser venue: anything below it neither venue can trade away from both legs. */
    public BigDecimal step() {
        return spotStep.max(perpStep);
    }

    public Imbalance classify(PairExposure exposure) {
        BigDecimal nakedLong = exposure.spotHeld().subtract(exposure.perpShort());
        if (nakedLong.compareTo(step()) >= 0) {
            return new Imbalance.NakedLong(nakedLong, nakedLong.add(exposure.spotCommission()));
        }
        BigDecimal nakedShort = exposure.perpShort().subtract(exposure.spotHeld()).subtract(exposure.spotCommission());
        if (nakedShort.compareTo(step()) >= 0) {
            return new Imbalance.NakedShort(nakedShort);
        }
        return new Imbalance.Hedged(nakedLong.max(nakedShort).max(BigDecimal.ZERO));
    }

    public boolean hedged(PairExposure exposure) {
        return classify(exposure) instanceof Imbalance.Hedged;
    }

    /**
     * A pair's legs as the hedge sees them.
     *
     * @param spotHeld       base quantity held on spot (bought - sold - commission in kind)
     * @param spotCommission base-asset commission paid on the pair's spot buys: the known part of the short that
     *                       the spot leg lacks
     * @param perpShort      the perp short, base quantity
     */
    public record PairExposure(BigDecimal spotHeld, BigDecimal spotCommission, BigDecimal perpShort) {
        public static final PairExposure FLAT = new PairExposure(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Where a pair stands against the band. */
    public sealed interface Imbalance {

        /** Within the band; {@code dust} is the residue below one step that no venue can trade (reported). */
        record Hedged(BigDecimal dust) implements Imbalance {
        }

        /**
         * More spot held than the short hedges, by {@code quantity}.
         *
         * @param shortToAdd the short that would hedge it as every other pair is hedged: the spot bought, its
         *                   commission in kind included (quantity + the pair's commission)
         */
        record NakedLong(BigDecimal quantity, BigDecimal shortToAdd) implements Imbalance {
        }

        /** More short than the spot (and its known commission) hedges, by {@code quantity}. */
        record NakedShort(BigDecimal quantity) implements Imbalance {
        }
    }
}
