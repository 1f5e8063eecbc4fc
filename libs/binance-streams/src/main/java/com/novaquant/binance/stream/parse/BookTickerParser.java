package com.novaquant.binance.stream.parse;

import com.novaquant.binance.stream.parse.BookTicker.Slot;
import com.novaquant.binance.stream.parse.FieldScanner.Field;

import java.util.List;

import static com.novaquant.binance.stream.parse.FieldScanner.Kind.DECIMAL;
import static com.novaquant.binance.stream.parse.FieldScanner.Kind.EVENT;
import static com.novaquant.binance.stream.parse.FieldScanner.Kind.INTEGER;
import static com.novaquant.binance.stream.parse.FieldScanner.Kind.PRICE;
import static com.novaquant.binance.stream.parse.FieldScanner.Kind.SYMBOL;

/**
 * Parses {@code bookTicker} payloads. Spot sends {@code u s b B a A}; USD-M adds {@code e E T}, and with
 * {@code requireEventTime} the event time is mandatory (the feed watchdog measures lag from it). Unknown fields are
 * skipped; repeated fields, wrong types, negative or zero prices, unknown symbols and anything that is not plain
 * JSON are rejected with a reason ({@link FieldScanner}). Not thread-safe; one per connection.
 */
public final class BookTickerParser {

    private final FieldScanner<Slot> scanner;

    public BookTickerParser(SymbolTable symbols, boolean requireEventTime) {
        this.scanner = new FieldScanner<>(symbols, "bookTicker", List.of(
                Field.required("u", INTEGER, Slot.UPDATE_ID),
                Field.required("s", SYMBOL),
                Field.required("b", PRICE, Slot.BID_PRICE),
                Field.required("B", DECIMAL, Slot.BID_QTY),
                Field.required("a", PRICE, Slot.ASK_PRICE),
                Field.required("A", DECIMAL, Slot.ASK_QTY),
                Field.optional("e", EVENT),
                new Field<>("E", INTEGER, Slot.EVENT_TIME, requireEventTime),
                Field.optional("T", INTEGER, Slot.TRANSACTION_TIME)));
    }

    /** Parses one raw payload (no combined envelope) into {@code target}. */
    public ParseStatus parse(byte[] buf, int offset, int length, BookTicker target) {
        return scanner.parse(buf, offset, length, target.values);
    }

    /** The payload object at the cursor, inside an envelope {@link CombinedFrameParser} reads. */
    boolean parseObject(JsonCursor c, BookTicker target) {
        return scanner.scan(c, target.values);
    }
}
