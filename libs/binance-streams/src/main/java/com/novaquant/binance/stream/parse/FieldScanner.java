package com.novaquant.binance.stream.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The field loop of a flat Binance payload object, written once for every payload type. A parser declares its fields
 * (key, how the value is read, the {@link FieldValues} slot it goes to, whether it is required); the scanner walks
 * the object: a known field is read by its kind into its slot, an unknown one is skipped (Binance adds fields over
 * time, e.g. {@code ap} on markPrice in 2026), a repeated one is refused, and at the closing brace the required
 * fields and the prices are checked, in that order.
 *
 * <p>Driven by the tables built here rather than by a callback per field: the loop makes no virtual call, so one
 * scanner serves every payload type without a megamorphic call site on the hot path. Never allocates per frame; not
 * thread-safe (one per parser).
 */
final class FieldScanner<S extends Enum<S>> {

    /** How a field's value is read. */
    enum Kind {
        /** A non-negative JSON integer (ids, epoch milliseconds), kept with scale 0. */
        INTEGER,
        /** A non-negative decimal sent as a string (quantities, and prices that are only validated). */
        DECIMAL,
        /** A decimal string that may be negative (the funding rate is the only one). */
        SIGNED_DECIMAL,
        /** A decimal string that must be positive; a price field is always required and kept. */
        PRICE,
        /** The symbol, resolved through the {@link SymbolTable} into {@link FieldValues#symbol}; no slot. */
        SYMBOL,
        /** The event type {@code e}: it must name the payload's event; nothing is kept, no slot. */
        EVENT
    }

    private static final int UNKNOWN = -1;
    private static final int NO_SLOT = -1;

    /**
     * One field of a payload: its key, its kind, the slot its value goes to (null: read for validity only), and
     * whether a payload without it is refused.
     */
    record Field<S extends Enum<S>>(String key, Kind kind, S slot, boolean required) {

        static <S extends Enum<S>> Field<S> required(String key, Kind kind, S slot) {
            return new Field<>(key, kind, slot, true);
        }

        static <S extends Enum<S>> Field<S> required(String key, Kind kind) {
            return new Field<>(key, kind, null, true);
        }

        static <S extends Enum<S>> Field<S> optional(String key, Kind kind, S slot) {
            return new Field<>(key, kind, slot, false);
        }

        static <S extends Enum<S>> Field<S> optional(String key, Kind kind) {
            return new Field<>(key, kind, null, false);
        }
    }

    private final SymbolTable symbols;
    private final byte[] eventName;
    /** Field index by key, for the one-byte keys Binance mostly uses; {@link #UNKNOWN} elsewhere. */
    private final int[] oneByteKeys = new int[128];
    private final byte[][] longerKeys;
    private final int[] longerKeyFields;
    private final Kind[] kinds;
    /** Slot ordinal of each field, {@link #NO_SLOT} for one read for validity only. */
    private final int[] slots;
    /** Bit {@code 1 << field} of every required field. */
    private final int required;
    private final int[] priceSlots;
    private final JsonCursor cursor = new JsonCursor();

    /**
     * @param eventName what an {@code EVENT} field must say ({@code bookTicker}, {@code markPriceUpdate})
     * @param fields    at most 32; a field's index in this list is its bit in the duplicate and required checks
     */
    FieldScanner(SymbolTable symbols, String eventName, List<Field<S>> fields) {
        if (fields.size() > Integer.SIZE) {
            throw new IllegalArgumentException("at most " + Integer.SIZE + " fields, not " + fields.size());
        }
        this.symbols = symbols;
        this.eventName = eventName.getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(oneByteKeys, UNKNOWN);
        int longer = (int) fields.stream().filter(field -> field.key().length() > 1).count();
        longerKeys = new byte[longer][];
        longerKeyFields = new int[longer];
        kinds = new Kind[fields.size()];
        slots = new int[fields.size()];
        int requiredBits = 0;
        int nextLonger = 0;
        for (int index = 0; index < fields.size(); index++) {
            Field<S> field = fields.get(index);
            check(field, fields);
            if (field.key().length() == 1) {
                oneByteKeys[field.key().charAt(0)] = index;
            } else {
                longerKeys[nextLonger] = field.key().getBytes(StandardCharsets.US_ASCII);
                longerKeyFields[nextLonger++] = index;
            }
            kinds[index] = field.kind();
            slots[index] = field.slot() == null ? NO_SLOT : field.slot().ordinal();
            if (field.required()) {
                requiredBits |= 1 << index;
            }
        }
        this.required = requiredBits;
        this.priceSlots = fields.stream().filter(field -> field.kind() == Kind.PRICE)
                .mapToInt(field -> field.slot().ordinal()).toArray();
    }

    private static <S extends Enum<S>> void check(Field<S> field, List<Field<S>> fields) {
        String key = field.key();
        if (key.isEmpty() || !key.chars().allMatch(c -> c > ' ' && c < 127 && c != '"' && c != '\\')) {
            throw new IllegalArgumentException("not a plain key: '" + key + "'");
        }
        if (fields.stream().filter(other -> other.key().equals(key)).count() > 1) {
            throw new IllegalArgumentException("key declared twice: " + key);
        }
        boolean slotless = field.kind() == Kind.SYMBOL || field.kind() == Kind.EVENT;
        if (slotless && field.slot() != null) {
            throw new IllegalArgumentException(key + ": a symbol or event is not kept in a slot");
        }
        if (field.kind() == Kind.PRICE && (field.slot() == null || !field.required())) {
            throw new IllegalArgumentException(key + ": a price is required and kept in a slot");
        }
    }

    /** Parses one whole payload (no combined envelope) into {@code target}: the object, then only whitespace. */
    ParseStatus parse(byte[] buf, int offset, int length, FieldValues<S> target) {
        cursor.reset(buf, offset, length);
        if (scan(cursor, target)) {
            cursor.atEnd();
        }
        return cursor.status();
    }

    /** Reads the object at the cursor into {@code target}; false with the reason in the cursor's status. */
    boolean scan(JsonCursor c, FieldValues<S> target) {
        target.clear();
        if (!c.beginObject()) {
            return false;
        }
        int seen = 0;
        int k = c.nextKey(true);
        while (k == 1) {
            int field = field(c);
            if (field == UNKNOWN) {
                if (!c.skipValue()) {
                    return false;
                }
            } else {
                int bit = 1 << field;
                if ((seen & bit) != 0) {
                    return c.fail(ParseStatus.DUPLICATE_FIELD);
                }
                seen |= bit;
                if (!read(c, field, target)) {
                    return false;
                }
            }
            k = c.nextKey(false);
        }
        if (k < 0) {
            return false;
        }
        if ((seen & required) != required) {
            return c.fail(ParseStatus.MISSING_FIELD);
        }
        for (int slot : priceSlots) {
            if (target.unscaled[slot] == 0) {
                return c.fail(ParseStatus.NON_POSITIVE_PRICE);
            }
        }
        return true;
    }

    /** The index of the key just read, or {@link #UNKNOWN}. */
    private int field(JsonCursor c) {
        if (c.tokenLength() == 1) {
            byte key = c.buffer()[c.tokenStart()];
            return key >= 0 ? oneByteKeys[key] : UNKNOWN;
        }
        for (int i = 0; i < longerKeys.length; i++) {
            if (c.tokenIs(longerKeys[i])) {
                return longerKeyFields[i];
            }
        }
        return UNKNOWN;
    }

    private boolean read(JsonCursor c, int field, FieldValues<S> target) {
        boolean read = switch (kinds[field]) {
            case INTEGER -> c.readNonNegativeLong();
            case DECIMAL, PRICE -> c.readDecimalString(false);
            case SIGNED_DECIMAL -> c.readDecimalString(true);
            case SYMBOL -> readSymbol(c, target);
            case EVENT -> readEvent(c);
        };
        int slot = slots[field];
        if (read && slot != NO_SLOT) {
            target.unscaled[slot] = c.unscaled();
            target.scale[slot] = c.scale();
        }
        return read;
    }

    private boolean readSymbol(JsonCursor c, FieldValues<S> target) {
        if (!c.readString()) {
            return false;
        }
        String symbol = symbols.resolve(c.buffer(), c.tokenStart(), c.tokenEnd());
        if (symbol == null) {
            return c.fail(ParseStatus.UNKNOWN_SYMBOL);
        }
        target.symbol = symbol;
        return true;
    }

    private boolean readEvent(JsonCursor c) {
        if (!c.readString()) {
            return false;
        }
        return c.tokenIs(eventName) || c.fail(ParseStatus.UNEXPECTED_EVENT);
    }
}
