package com.novaquant.binance.stream.parse;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * What a {@link FieldScanner} fills for one payload, reused frame after frame: each numeric field as an exact scaled
 * long in its slot (value = unscaled * 10^-scale, scale as sent; integers have scale 0), and the symbol. The public
 * holders ({@link BookTicker}, {@link MarkPrice}) name their slots with an enum {@code S} and read them.
 */
final class FieldValues<S extends Enum<S>> {

    final long[] unscaled;
    final int[] scale;
    String symbol;

    FieldValues(Class<S> slots) {
        int count = slots.getEnumConstants().length;
        this.unscaled = new long[count];
        this.scale = new int[count];
    }

    /** Before each payload: a field it leaves out then reads as 0 (spot's bookTicker has no event time). */
    void clear() {
        Arrays.fill(unscaled, 0);
        symbol = null;
    }

    long unscaled(S slot) {
        return unscaled[slot.ordinal()];
    }

    int scale(S slot) {
        return scale[slot.ordinal()];
    }

    BigDecimal decimal(S slot) {
        return BigDecimal.valueOf(unscaled(slot), scale(slot));
    }
}
