package com.novaquant.binance.filters;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** Result of checking (or rounding and checking) an order against a symbol's filters. */
public sealed interface OrderCheck permits OrderCheck.Valid, OrderCheck.Invalid {

    /**
     * The order satisfies every filter.
     *
     * @param quantity the (rounded) quantity to send
     * @param price    the (rounded) price to send; null for MARKET orders
     */
    record Valid(BigDecimal quantity, BigDecimal price) implements OrderCheck {
    }

    /** The order cannot be made valid; {@link #reason()} explains every violation. */
    record Invalid(List<FilterViolation> violations) implements OrderCheck {

        public Invalid {
            violations = List.copyOf(violations);
        }

        public String reason() {
            return violations.stream().map(FilterViolation::toString).collect(Collectors.joining("; "));
        }
    }
}
