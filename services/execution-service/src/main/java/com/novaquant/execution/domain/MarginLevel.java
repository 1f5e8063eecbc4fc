package com.novaquant.execution.domain;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Classifies the perp short's margin health from the margin ratio (maintenance margin / margin balance, Binance's
 * definition: liquidation at 1.0) and the distance from the mark price to the liquidation price.
 */
public final class MarginLevel {

    public enum Level { OK, WARNING, CRITICAL }

    private final BigDecimal warningRatio;
    private final BigDecimal criticalRatio;
    private final BigDecimal warningDistance;
    private final BigDecimal criticalDistance;

    /**
     * @param warningRatio     margin ratio at or above which a WARNING is raised
     * @param criticalRatio    margin ratio at or above which positions are reduced
     * @param warningDistance  liquidation distance (fraction of mark) at or below which a WARNING is raised
     * @param criticalDistance liquidation distance at or below which positions are reduced
     */
    public MarginLevel(BigDecimal warningRatio, BigDecimal criticalRatio, BigDecimal warningDistance,
                       BigDecimal criticalDistance) {
        this.warningRatio = warningRatio;
        this.criticalRatio = criticalRatio;
        this.warningDistance = warningDistance;
        this.criticalDistance = criticalDistance;
    }

    /** |liquidation - mark| / mark, or null when there is no liquidation price (no position, or fully collateralised). */
    public static BigDecimal liquidationDistance(BigDecimal mark, BigDecimal liquidationPrice) {
        if (mark == null || liquidationPrice == null || mark.signum() <= 0 || liquidationPrice.signum() <= 0) {
            return null;
        }
        return liquidationPrice.subtract(mark).abs().divide(mark, MathContext.DECIMAL64);
    }

    public Level classify(BigDecimal marginRatio, BigDecimal liquidationDistance) {
        boolean critical = marginRatio.compareTo(criticalRatio) >= 0
                || liquidationDistance != null && liquidationDistance.compareTo(criticalDistance) <= 0;
        if (critical) {
            return Level.CRITICAL;
        }
        boolean warning = marginRatio.compareTo(warningRatio) >= 0
                || liquidationDistance != null && liquidationDistance.compareTo(warningDistance) <= 0;
        return warning ? Level.WARNING : Level.OK;
    }
}
