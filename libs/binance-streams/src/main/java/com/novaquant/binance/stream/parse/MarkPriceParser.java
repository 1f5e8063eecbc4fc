package com.novaquant.binance.stream.parse;

import com.novaquant.binance.stream.parse.FieldScanner.Field;
import com.novaquant.binance.stream.parse.MarkPrice.Slot;

import java.util.List;

import static com.novaquant.binance.stream.parse.FieldScanner.Kind.DECIMAL;
import static com.novaquant.binance.stream.parse.FieldScanner.Kind.EVENT;
import static com.novaquant.binance.stream.parse.FieldScanner.Kind.INTEGER;
import static com.novaquant.binance.stream.parse.FieldScanner.Kind.PRICE;
import static com.novaquant.binance.stream.parse.FieldScanner.Kind.SIGNED_DECIMAL;
import static com.novaquant.binance.stream.parse.FieldScanner.Kind.SYMBOL;

/**
 * Parses USD-M {@code markPriceUpdate} payloads ({@code e E s p ap i P r T}). Required: {@code e E s p i r T};
 * {@code ap} and {@code P} are read for validity and not kept. Mark and index prices must be positive; the funding
 * rate may be negative. Unknown fields are skipped; everything else as {@link BookTickerParser}. Not thread-safe.
 */
public final class MarkPriceParser {

    private final FieldScanner<Slot> scanner;

    public MarkPriceParser(SymbolTable symbols) {
        this.scanner = new FieldScanner<>(symbols, "markPriceUpdate", List.of(
                Field.required("e", EVENT),
                Field.required("E", INTEGER, Slot.EVENT_TIME),
                Field.required("s", SYMBOL),
                Field.required("p", PRICE, Slot.MARK_PRICE),
                Field.optional("ap", DECIMAL),
                Field.required("i", PRICE, Slot.INDEX_PRICE),
                Field.optional("P", DECIMAL),
                Field.required("r", SIGNED_DECIMAL, Slot.FUNDING_RATE),
                Field.required("T", INTEGER, Slot.NEXT_FUNDING_TIME)));
    }

    /** Parses one raw payload (no combined envelope) into {@code target}. */
    public ParseStatus parse(byte[] buf, int offset, int length, MarkPrice target) {
        return scanner.parse(buf, offset, length, target.values);
    }

    /** The payload object at the cursor, inside an envelope {@link CombinedFrameParser} reads. */
    boolean parseObject(JsonCursor c, MarkPrice target) {
        return scanner.scan(c, target.values);
    }
}
