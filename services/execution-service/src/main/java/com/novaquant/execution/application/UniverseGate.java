package com.novaquant.execution.application;

import com.novaquant.execution.domain.Refusal;
import com.novaquant.execution.domain.UniverseRule;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Applies {@link UniverseRule} to a signal once the position it starts from is read: the symbol's standing comes from
 * the universe in force and the symbol's preparation. With the universe off ({@link #fixedList()}) everything passes
 * here: {@code nova.symbols} was checked at admission, as before.
 */
public class UniverseGate {

    private final TradedUniverse universe;
    private final SymbolPreparation preparation;

    public UniverseGate(TradedUniverse universe, SymbolPreparation preparation) {
        this.universe = universe;
        this.preparation = preparation;
    }

    /** The fixed {@code nova.symbols} list: no universe is followed. */
    public static UniverseGate fixedList() {
        return new UniverseGate(null, null);
    }

    public boolean following() {
        return universe != null;
    }

    /**
     * @param held the perp short of the symbol's active pair, or null when there is none
     */
    public Optional<Refusal> check(String symbol, BigDecimal held, BigDecimal target) {
        if (!following()) {
            return Optional.empty();
        }
        UniverseRule.Standing standing = !universe.member(symbol) ? UniverseRule.Standing.OUTSIDE
                : preparation.ready(symbol) ? UniverseRule.Standing.MEMBER_READY
                : UniverseRule.Standing.MEMBER_PREPARING;
        Optional<Refusal> refusal = UniverseRule.check(standing, held, target);
        if (refusal.isPresent() && refusal.get() == Refusal.SYMBOL_NOT_READY) {
            // A preparation that failed is started again: the signal service sends the target again shortly.
            preparation.prepareSoon(symbol);
        }
        return refusal;
    }

    /** The detail stored with a refusal. */
    public String detail(String symbol, Refusal refusal) {
        return refusal == Refusal.OUTSIDE_UNIVERSE
                ? symbol + " is not a member of universe revision " + universe.revision()
                + " and no position on it is being reduced"
                : symbol + " is a member whose filters or account settings are not in place yet";
    }
}
