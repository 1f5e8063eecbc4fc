package com.novaquant.binance.stream.parse;

/**
 * A forward-only scanner over the UTF-8 bytes of one JSON text, specialised for Binance market-data payloads: flat
 * objects of short keys whose values are strings or integers. It never allocates and never throws: a failed step
 * returns {@code false} and leaves the reason in {@link #status()}. Not thread-safe; one per connection.
 *
 * <p>Why hand-written: a bookTicker frame is parsed hundreds of thousands of times a second on the Netty event
 * loop. The JMH benchmark {@code FrameParsingBenchmark} compares this against Jackson databind on the same frames.
 */
final class JsonCursor {

    /** Binance market-data payloads nest at most three deep; anything deeper is refused, not recursed into. */
    static final int MAX_DEPTH = 16;
    /** 18 decimal digits always fit a signed 64-bit long (10^18 - 1 < 2^63 - 1). */
    static final int MAX_DIGITS = 18;

    private byte[] buf;
    private int pos;
    private int end;
    private ParseStatus status = ParseStatus.OK;

    private int tokenStart;
    private int tokenEnd;
    private long unscaled;
    private int scale;

    void reset(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
        this.status = ParseStatus.OK;
    }

    ParseStatus status() {
        return status;
    }

    int position() {
        return pos;
    }

    void position(int position) {
        this.pos = position;
    }

    byte[] buffer() {
        return buf;
    }

    /** Start of the last key or string read (inclusive), in {@link #buffer()}. */
    int tokenStart() {
        return tokenStart;
    }

    /** End of the last key or string read (exclusive). */
    int tokenEnd() {
        return tokenEnd;
    }

    int tokenLength() {
        return tokenEnd - tokenStart;
    }

    /** The unscaled value of the last decimal read: value = unscaled * 10^-scale. */
    long unscaled() {
        return unscaled;
    }

    int scale() {
        return scale;
    }

    boolean fail(ParseStatus reason) {
        if (status == ParseStatus.OK) {
            status = reason;
        }
        return false;
    }

    private void skipWhitespace() {
        while (pos < end) {
            byte c = buf[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    /** Peeks the next non-whitespace byte, or -1 at the end of input. */
    int peek() {
        skipWhitespace();
        return pos < end ? buf[pos] : -1;
    }

    boolean beginObject() {
        int c = peek();
        if (c == -1) {
            return fail(ParseStatus.TRUNCATED);
        }
        if (c != '{') {
            return fail(ParseStatus.MALFORMED);
        }
        pos++;
        return true;
    }

    /**
     * Moves to the next key of the current object. Returns 1 with the key in {@link #tokenStart()}..{@link
     * #tokenEnd()} and the cursor after the colon, 0 at the closing brace (consumed), or -1 on error.
     */
    int nextKey(boolean first) {
        int c = peek();
        if (c == -1) {
            fail(ParseStatus.TRUNCATED);
            return -1;
        }
        if (c == '}') {
            pos++;
            return 0;
        }
        if (!first) {
            if (c != ',') {
                fail(ParseStatus.MALFORMED);
                return -1;
            }
            pos++;
            c = peek();
            if (c == -1) {
                fail(ParseStatus.TRUNCATED);
                return -1;
            }
        }
        if (c != '"') {
            fail(ParseStatus.MALFORMED);
            return -1;
        }
        if (!string()) {
            return -1;
        }
        c = peek();
        if (c == -1) {
            fail(ParseStatus.TRUNCATED);
            return -1;
        }
        if (c != ':') {
            fail(ParseStatus.MALFORMED);
            return -1;
        }
        pos++;
        return 1;
    }

    boolean keyIs(char k) {
        return tokenEnd - tokenStart == 1 && buf[tokenStart] == k;
    }

    boolean keyIs(byte[] k) {
        return tokenIs(k);
    }

    boolean tokenIs(byte[] expected) {
        int len = tokenEnd - tokenStart;
        if (len != expected.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (buf[tokenStart + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads a string value (cursor before its opening quote, possibly after whitespace). */
    boolean readString() {
        int c = peek();
        if (c == -1) {
            return fail(ParseStatus.TRUNCATED);
        }
        if (c != '"') {
            return fail(isValueStart(c) ? ParseStatus.WRONG_TYPE : ParseStatus.MALFORMED);
        }
        return string();
    }

    /** Cursor on an opening quote: scans to the closing quote, honouring escapes. Control bytes are refused. */
    private boolean string() {
        int p = pos + 1;
        tokenStart = p;
        while (p < end) {
            byte c = buf[p];
            if (c == '"') {
                tokenEnd = p;
                pos = p + 1;
                return true;
            }
            if (c == '\\') {
                p += 2;
                continue;
            }
            if (c >= 0 && c < 0x20) {
                return fail(ParseStatus.MALFORMED);
            }
            p++;
        }
        return fail(ParseStatus.TRUNCATED);
    }

    /** Reads a non-negative JSON integer (ids, epoch milliseconds) into {@link #unscaled()}. */
    boolean readNonNegativeLong() {
        int c = peek();
        if (c == -1) {
            return fail(ParseStatus.TRUNCATED);
        }
        if (c == '-') {
            return fail(ParseStatus.NEGATIVE_VALUE);
        }
        if (c < '0' || c > '9') {
            return fail(isValueStart(c) ? ParseStatus.WRONG_TYPE : ParseStatus.MALFORMED);
        }
        long value = 0;
        int digits = 0;
        int p = pos;
        while (p < end) {
            byte d = buf[p];
            if (d < '0' || d > '9') {
                break;
            }
            if (++digits > MAX_DIGITS) {
                return fail(ParseStatus.NUMBER_OUT_OF_RANGE);
            }
            value = value * 10 + (d - '0');
            p++;
        }
        if (p == end) {
            return fail(ParseStatus.TRUNCATED);
        }
        byte next = buf[p];
        if (next == '.' || next == 'e' || next == 'E') {
            return fail(ParseStatus.WRONG_TYPE);
        }
        pos = p;
        unscaled = value;
        scale = 0;
        return true;
    }

    /**
     * Reads a decimal sent as a JSON string ("64250.01000000") exactly into {@link #unscaled()} and {@link
     * #scale()}; the scale keeps the trailing zeros, so {@code BigDecimal.valueOf(unscaled, scale)} equals {@code
     * new BigDecimal(text)}. Plain digits with at most one point only: no exponent, no plus sign, no NaN.
     */
    boolean readDecimalString(boolean allowNegative) {
        if (!readString()) {
            return false;
        }
        int p = tokenStart;
        int stop = tokenEnd;
        if (p == stop) {
            return fail(ParseStatus.NOT_A_NUMBER);
        }
        boolean negative = false;
        if (buf[p] == '-') {
            if (!allowNegative) {
                return fail(ParseStatus.NEGATIVE_VALUE);
            }
            negative = true;
            p++;
        }
        long value = 0;
        int digits = 0;
        int significant = 0;
        int pointAt = -1;
        for (; p < stop; p++) {
            byte d = buf[p];
            if (d >= '0' && d <= '9') {
                digits++;
                if (significant > 0 || d != '0') {
                    if (++significant > MAX_DIGITS) {
                        return fail(ParseStatus.NUMBER_OUT_OF_RANGE);
                    }
                }
                value = value * 10 + (d - '0');
            } else if (d == '.' && pointAt < 0) {
                pointAt = p;
            } else {
                return fail(ParseStatus.NOT_A_NUMBER);
            }
        }
        if (digits == 0 || pointAt == stop - 1 || (pointAt >= 0 && pointAt == tokenStart + (negative ? 1 : 0))) {
            return fail(ParseStatus.NOT_A_NUMBER);
        }
        int decimals = pointAt < 0 ? 0 : stop - pointAt - 1;
        if (decimals > MAX_DIGITS) {
            return fail(ParseStatus.NUMBER_OUT_OF_RANGE);
        }
        unscaled = negative ? -value : value;
        scale = decimals;
        return true;
    }

    /** Skips any JSON value (for fields we do not read), refusing nesting deeper than {@link #MAX_DEPTH}. */
    boolean skipValue() {
        return skipValue(0);
    }

    private boolean skipValue(int depth) {
        if (depth >= MAX_DEPTH) {
            return fail(ParseStatus.TOO_DEEP);
        }
        int c = peek();
        switch (c) {
            case -1:
                return fail(ParseStatus.TRUNCATED);
            case '"':
                return string();
            case '{': {
                pos++;
                int k = nextKey(true);
                while (k == 1) {
                    if (!skipValue(depth + 1)) {
                        return false;
                    }
                    k = nextKey(false);
                }
                return k == 0;
            }
            case '[': {
                pos++;
                if (peek() == ']') {
                    pos++;
                    return true;
                }
                while (true) {
                    if (!skipValue(depth + 1)) {
                        return false;
                    }
                    int n = peek();
                    if (n == -1) {
                        return fail(ParseStatus.TRUNCATED);
                    }
                    pos++;
                    if (n == ']') {
                        return true;
                    }
                    if (n != ',') {
                        return fail(ParseStatus.MALFORMED);
                    }
                }
            }
            case 't':
                return literal(TRUE);
            case 'f':
                return literal(FALSE);
            case 'n':
                return literal(NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                return fail(ParseStatus.MALFORMED);
        }
    }

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    /** True if the next value is the literal {@code null} (consumed). */
    boolean readNullIfPresent() {
        if (peek() == 'n') {
            return literal(NULL);
        }
        return false;
    }

    private boolean literal(byte[] word) {
        if (pos + word.length > end) {
            return fail(ParseStatus.TRUNCATED);
        }
        for (int i = 0; i < word.length; i++) {
            if (buf[pos + i] != word[i]) {
                return fail(ParseStatus.MALFORMED);
            }
        }
        pos += word.length;
        return true;
    }

    private boolean number() {
        int p = pos;
        if (buf[p] == '-') {
            p++;
        }
        int start = p;
        while (p < end) {
            byte c = buf[p];
            if ((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                p++;
            } else {
                break;
            }
        }
        if (p == end) {
            return fail(ParseStatus.TRUNCATED);
        }
        if (p == start) {
            return fail(ParseStatus.MALFORMED);
        }
        pos = p;
        return true;
    }

    /** After the top-level value: only whitespace may follow. */
    boolean atEnd() {
        if (peek() != -1) {
            return fail(ParseStatus.TRAILING_DATA);
        }
        return true;
    }

    private static boolean isValueStart(int c) {
        return c == '"' || c == '{' || c == '[' || c == 't' || c == 'f' || c == 'n' || c == '-' || (c >= '0' && c <= '9');
    }
}
