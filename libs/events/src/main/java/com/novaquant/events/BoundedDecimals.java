package com.novaquant.events;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import java.math.BigDecimal;

/**
 * Decimals an event may carry: at most {@link #MAX_PRECISION} digits and a scale within +-{@link #MAX_SCALE}. A
 * price, quantity or rate never needs more, while {@code "1E+999999999"} (twelve characters) is a number whose exact
 * sum with another has a billion digits: read as it is, it would hold a consumer's thread (and any lock it holds) for
 * minutes. Such a value is refused when the event is decoded, as any malformed field is.
 */
final class BoundedDecimals {

    static final int MAX_PRECISION = 40;
    static final int MAX_SCALE = 40;

    private BoundedDecimals() {
    }

    static SimpleModule module() {
        return new SimpleModule("bounded-decimals").addDeserializer(BigDecimal.class, new Deserializer());
    }

    static boolean withinBounds(BigDecimal value) {
        return value.precision() <= MAX_PRECISION && Math.abs(value.scale()) <= MAX_SCALE;
    }

    private static final class Deserializer extends ValueDeserializer<BigDecimal> {

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
            if (value != null && !withinBounds(value)) {
                throw InvalidFormatException.from(parser, "decimal out of bounds (precision " + value.precision()
                        + ", scale " + value.scale() + "; at most " + MAX_PRECISION + " digits, scale within +-"
                        + MAX_SCALE + ")", parser.getString(), BigDecimal.class);
            }
            return value;
        }
    }
}
