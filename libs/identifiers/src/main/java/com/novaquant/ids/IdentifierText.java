package com.novaquant.ids;

/** The checks every identifier shares: present, bounded, and free of spaces and control characters. */
final class IdentifierText {

    private IdentifierText() {
    }

    /**
     * Returns {@code value} when it is an acceptable identifier of at most {@code maxLength} characters. Spaces and
     * control characters are refused because identifiers end up in logs, alert texts and SQL keys, where a line break
     * forges a log line and a trailing space makes two ids that look the same.
     */
    static String require(String value, int maxLength, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(what + " longer than " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new IllegalArgumentException(what + " contains a space or a control character");
            }
        }
        return value;
    }
}
