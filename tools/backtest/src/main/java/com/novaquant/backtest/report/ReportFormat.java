package com.novaquant.backtest.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the Markdown and HTML reports print figures. Money stays a BigDecimal all the way to the text so no amount
 * passes through a double; rates are doubles in the record and print as percentages.
 */
final class ReportFormat {

    private static final DateTimeFormatter UTC_MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final BigDecimal MS_PER_DAY = BigDecimal.valueOf(86_400_000L);

    private ReportFormat() {
    }

    /** Two decimals, half up, thousands grouped with commas: {@code -12,345.68}. */
    static String money(BigDecimal amount) {
        String plain = amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int point = digits.indexOf('.');
        return (negative ? "-" : "") + grouped(digits.substring(0, point)) + digits.substring(point);
    }

    /** A fraction as a percentage with two decimals ({@code 0.12345} is {@code 12.35%}); n/a when not a number. */
    static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "n/a";
        }
        // valueOf goes through the shortest decimal that names the double, so 0.1234 is 12.34 and not 12.3399...
        return BigDecimal.valueOf(fraction).movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A whole number, thousands grouped with commas whatever the machine's locale. */
    static String count(int count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** The replayed period in UTC, minute precision, with its length in days: the end is exclusive. */
    static String period(long fromMs, long toMs) {
        BigDecimal days = BigDecimal.valueOf(toMs - fromMs).divide(MS_PER_DAY, 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return UTC_MINUTE.format(Instant.ofEpochMilli(fromMs)) + " to " + UTC_MINUTE.format(Instant.ofEpochMilli(toMs))
                + " UTC (" + days.toPlainString() + (days.compareTo(BigDecimal.ONE) == 0 ? " day)" : " days)");
    }

    private static String grouped(String integerDigits) {
        StringBuilder out = new StringBuilder(integerDigits);
        for (int at = integerDigits.length() - 3; at > 0; at -= 3) {
            out.insert(at, ',');
        }
        return out.toString();
    }
}
