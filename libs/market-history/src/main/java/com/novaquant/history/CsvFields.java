package com.novaquant.history;

import java.math.BigDecimal;

/**
 * One CSV line split at its commas without copying: the fields are parsed in place, from a character buffer kept
 * between lines, since a month of 1-minute klines is 44,640 lines per symbol and market. Not thread-safe: one per
 * file being read. Binance's files quote nothing, so a comma always ends a field.
 */
final class CsvFields {

    private char[] chars = new char[256];
    private final int[] starts;
    private final int[] ends;
    private int count;

    CsvFields(int maxFields) {
        starts = new int[maxFields];
        ends = new int[maxFields];
    }

    /**
     * Takes a new line; it must have exactly {@code expected} fields.
     *
     * @throws IllegalArgumentException with the number found, if not
     */
    void split(String line, int expected) {
        int length = line.length();
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        line.getChars(0, length, chars, 0);
        count = 0;
        int start = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || chars[i] == ',') {
                if (count == expected) {
                    throw new IllegalArgumentException("more than " + expected + " fields");
                }
                starts[count] = start;
                ends[count++] = i;
                start = i + 1;
            }
        }
        if (count != expected) {
            throw new IllegalArgumentException(expected + " fields expected, " + count + " found");
        }
    }

    /** A field as a decimal, exactly as written. */
    BigDecimal decimal(int field, String name) {
        try {
            return new BigDecimal(chars, starts[field], ends[field] - starts[field]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: '" + text(field) + "'");
        }
    }

    /** A field as a whole number. */
    long integer(int field, String name) {
        int start = starts[field];
        int end = ends[field];
        if (start == end || end - start > 19) {
            throw new IllegalArgumentException(name + " is not a whole number: '" + text(field) + "'");
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int digit = chars[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException(name + " is not a whole number: '" + text(field) + "'");
            }
            value = value * 10 + digit;
        }
        if (value < 0) {
            throw new IllegalArgumentException(name + " is too large: '" + text(field) + "'");
        }
        return value;
    }

    private String text(int field) {
        return new String(chars, starts[field], ends[field] - starts[field]);
    }
}
