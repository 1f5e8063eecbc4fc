package com.novaquant.binance.stream.parse;

import java.nio.charset.StandardCharsets;

/**
 * Parses the frames of one combined-stream connection ({@code {"stream":"btcusdt@bookTicker","data":{...}}}): it
 * resolves the stream name against the streams that connection subscribed to, parses the payload in place when the
 * name comes first (as Binance sends it) and otherwise after the envelope, and checks that the payload's symbol is
 * the stream's. Results are left in reusable holders read through the accessors until the next call. Never throws;
 * not thread-safe (one per connection, used on its event loop).
 */
public final class CombinedFrameParser {

    private static final byte[] KEY_STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_DATA = "data".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_RESULT = "result".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_ID = "id".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_CODE = "code".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_SHUTDOWN = "!serverShutdown".getBytes(StandardCharsets.US_ASCII);

    /** {@link #replyId()} of a reply without a usable id. */
    public static final long NO_ID = -1;

    private final StreamTable streams;
    private final int maxFrameBytes;
    private final BookTickerParser bookTickerParser;
    private final MarkPriceParser markPriceParser;
    private final JsonCursor cursor = new JsonCursor();
    private final BookTicker bookTicker = new BookTicker();
    private final MarkPrice markPrice = new MarkPrice();

    private StreamKey stream;
    private ParseStatus rejection = ParseStatus.OK;
    private int dataOffset;
    private int dataLength;
    private long replyId;
    private boolean replyError;

    /**
     * @param usdm true for USD-M connections, whose bookTicker must carry an event time
     */
    public CombinedFrameParser(StreamTable streams, SymbolTable symbols, boolean usdm, int maxFrameBytes) {
        this.streams = streams;
        this.maxFrameBytes = maxFrameBytes;
        this.bookTickerParser = new BookTickerParser(symbols, usdm);
        this.markPriceParser = new MarkPriceParser(symbols);
    }

    public FrameType parse(byte[] buf, int offset, int length) {
        stream = null;
        rejection = ParseStatus.OK;
        dataOffset = 0;
        dataLength = 0;
        replyId = NO_ID;
        replyError = false;
        if (length > maxFrameBytes) {
            return reject(ParseStatus.TOO_LARGE);
        }
        JsonCursor c = cursor;
        c.reset(buf, offset, length);
        if (!c.beginObject()) {
            return reject(c.status());
        }
        boolean shutdown = false;
        boolean controlReply = false;
        boolean dataParsed = false;
        int deferredDataStart = -1;
        int deferredDataEnd = -1;
        int k = c.nextKey(true);
        while (k == 1) {
            if (c.keyIs(KEY_STREAM)) {
                if (stream != null || shutdown) {
                    return reject(ParseStatus.DUPLICATE_FIELD);
                }
                if (!c.readString()) {
                    return reject(c.status());
                }
                stream = streams.resolve(c.buffer(), c.tokenStart(), c.tokenEnd());
                if (stream == null) {
                    if (!c.tokenIs(SERVER_SHUTDOWN)) {
                        return reject(ParseStatus.UNKNOWN_STREAM);
                    }
                    shutdown = true;
                }
            } else if (c.keyIs(KEY_DATA)) {
                if (dataParsed || deferredDataStart >= 0) {
                    return reject(ParseStatus.DUPLICATE_FIELD);
                }
                c.peek();
                int start = c.position();
                if (stream != null) {
                    if (!parsePayload(c)) {
                        return reject(c.status());
                    }
                    dataParsed = true;
                } else {
                    if (!c.skipValue()) {
                        return reject(c.status());
                    }
                    deferredDataStart = start;
                    deferredDataEnd = c.position();
                }
                dataOffset = start;
                dataLength = c.position() - start;
            } else if (c.keyIs(KEY_ID)) {
                controlReply = true;
                int first = c.peek();
                if (first >= '0' && first <= '9') {
                    if (!c.readNonNegativeLong()) {
                        return reject(c.status());
                    }
                    replyId = c.unscaled();
                } else if (!c.skipValue()) {
                    return reject(c.status());
                }
            } else {
                if (c.keyIs(KEY_RESULT)) {
                    controlReply = true;
                } else if (c.keyIs(KEY_CODE)) {
                    controlReply = true;
                    replyError = true;
                }
                if (!c.skipValue()) {
                    return reject(c.status());
                }
            }
            k = c.nextKey(false);
        }
        if (k < 0 || !c.atEnd()) {
            return reject(c.status());
        }
        if (shutdown) {
            return FrameType.SERVER_SHUTDOWN;
        }
        if (stream == null) {
            return controlReply && deferredDataStart < 0 ? FrameType.CONTROL_REPLY : reject(ParseStatus.MISSING_FIELD);
        }
        if (!dataParsed) {
            if (deferredDataStart < 0) {
                return reject(ParseStatus.MISSING_FIELD);
            }
            c.reset(buf, deferredDataStart, deferredDataEnd - deferredDataStart);
            if (!parsePayload(c)) {
                return reject(c.status());
            }
        }
        String payloadSymbol = stream.type() == StreamType.BOOK_TICKER ? bookTicker.symbol() : markPrice.symbol();
        if (!stream.symbol().equals(payloadSymbol)) {
            return reject(ParseStatus.SYMBOL_MISMATCH);
        }
        return stream.type() == StreamType.BOOK_TICKER ? FrameType.BOOK_TICKER : FrameType.MARK_PRICE;
    }

    private boolean parsePayload(JsonCursor c) {
        return stream.type() == StreamType.BOOK_TICKER
                ? bookTickerParser.parseObject(c, bookTicker)
                : markPriceParser.parseObject(c, markPrice);
    }

    private FrameType reject(ParseStatus reason) {
        rejection = reason == ParseStatus.OK ? ParseStatus.MALFORMED : reason;
        return FrameType.REJECTED;
    }

    /** The stream of the last BOOK_TICKER or MARK_PRICE frame (null otherwise). */
    public StreamKey stream() {
        return stream;
    }

    public BookTicker bookTicker() {
        return bookTicker;
    }

    public MarkPrice markPrice() {
        return markPrice;
    }

    /** Why the last frame was REJECTED. */
    public ParseStatus rejection() {
        return rejection;
    }

    /** The {@code id} of the last CONTROL_REPLY ({@link #NO_ID} when it had none or not a non-negative integer). */
    public long replyId() {
        return replyId;
    }

    /** Whether the last CONTROL_REPLY was an error answer ({@code {"code":2,"msg":"...","id":7}}). */
    public boolean replyError() {
        return replyError;
    }

    /** Offset of the unwrapped payload ({@code data}) of the last frame in the caller's buffer. */
    public int dataOffset() {
        return dataOffset;
    }

    public int dataLength() {
        return dataLength;
    }
}
