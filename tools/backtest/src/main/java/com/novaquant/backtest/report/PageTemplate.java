package com.novaquant.backtest.report;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{name}}} slots in one pass: a value that itself contains {@code {{...}}} (a title, say) is copied as
 * it is, never filled again.
 */
final class PageTemplate {

    private static final Pattern SLOT = Pattern.compile("\\{\\{([A-Za-z]+)}}");

    private PageTemplate() {
    }

    static String fill(String template, Map<String, String> values) {
        Matcher slot = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + values.values().stream().mapToInt(String::length).sum());
        while (slot.find()) {
            String value = values.get(slot.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for the template slot " + slot.group());
            }
            slot.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        slot.appendTail(out);
        return out.toString();
    }
}
