package com.novaquant.alert.domain;

import com.novaquant.events.UniverseSelection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The universe in words: the {@code /status} line and the change message. Symbols and reasons are text from a record,
 * so they are cleaned of control and format characters (a forged record must not add lines or turn the text around)
 * and shortened; HTML escaping stays with the alert renderer, and {@code /status} replies are plain text. Both texts
 * are bounded however large the universe: what does not fit ends in "and N more".
 */
public final class UniverseText {

    /** The /status reply also carries execution's answer, all of it under Telegram's 4096 characters. */
    static final int MAX_STATUS_LINE = 1000;
    /** Room for the entered and the left lists of the change message: together below the 1500 characters at
     * which an alert's text is cut. */
    static final int MAX_ENTERED = 700;
    static final int MAX_LEFT = 400;
    static final int MAX_SYMBOL = 24;
    static final int MAX_REASON = 40;
    private static final String DOT = " \u00B7 ";

    private final int targetSize;

    /** @param targetSize how many members the universe is meant to have; 0 when not known here */
    public UniverseText(int targetSize) {
        if (targetSize < 0) {
            throw new IllegalArgumentException("targetSize must be at least 0, was " + targetSize);
        }
        this.targetSize = targetSize;
    }

    /**
     * One line, e.g. {@code Universe r7 · 3 of 5 · SOLUSDT 2,500 (31.2%) · ... · closing: XRPUSDT}: each member with
     * its budget and net carry, best first, then the tracked symbols that are no longer members (their pairs close).
     */
    public String statusLine(UniverseSelection universe) {
        String head = "Universe r" + universe.revision() + DOT + size(universe, false);
        List<String> closing = closing(universe);
        String closingPart = closing.isEmpty() ? ""
                : DOT + "closing: " + fitting(closing, ", ", " ", MAX_STATUS_LINE / 4);
        List<String> members = universe.members().stream()
                .map(member -> clean(member.symbol(), MAX_SYMBOL) + " " + budget(member.notional())
                        + " (" + carry(member.netCarryApr()) + ")")
                .toList();
        String membersPart = members.isEmpty() ? ""
                : DOT + fitting(members, DOT, DOT, MAX_STATUS_LINE - head.length() - closingPart.length() - DOT.length());
        return head + membersPart + closingPart;
    }

    /**
     * The INFO message of a new revision: the members that entered with budget and net carry, the symbols that left
     * with their reason.
     */
    public String changeMessage(UniverseChange change) {
        UniverseSelection current = change.current();
        StringBuilder text = new StringBuilder("Universe r").append(current.revision());
        if (change.previous() != null) {
            text.append(" (was r").append(change.previous().revision()).append(')');
        }
        text.append(": ").append(size(current, true)).append('.');
        List<String> entered = change.entered().stream()
                .map(member -> clean(member.symbol(), MAX_SYMBOL) + " (budget " + budget(member.notional())
                        + ", net carry " + carry(member.netCarryApr()) + ")")
                .toList();
        List<String> left = change.left().stream()
                .map(departure -> clean(departure.symbol(), MAX_SYMBOL) + " (" + clean(departure.reason(), MAX_REASON)
                        + ")")
                .toList();
        if (!entered.isEmpty()) {
            text.append(" Entered: ").append(fitting(entered, ", ", " ", MAX_ENTERED)).append('.');
        }
        if (!left.isEmpty()) {
            text.append(" Left: ").append(fitting(left, ", ", " ", MAX_LEFT)).append('.');
        }
        if (entered.isEmpty() && left.isEmpty()) {
            text.append(" Same symbols; budgets or carries changed.");
        }
        return text.toString();
    }

    private String size(UniverseSelection universe, boolean withNoun) {
        int members = universe.members().size();
        if (targetSize > 0) {
            return members + " of " + targetSize + (withNoun ? " members" : "");
        }
        return members + (members == 1 ? " member" : " members");
    }

    /** Tracked but not a member: its open pair is being closed. */
    private static List<String> closing(UniverseSelection universe) {
        Set<String> members = new HashSet<>();
        universe.members().forEach(member -> members.add(member.symbol()));
        List<String> closing = new ArrayList<>();
        for (String symbol : universe.tracked()) {
            if (!members.contains(symbol)) {
                closing.add(clean(symbol, MAX_SYMBOL));
            }
        }
        return closing;
    }

    /**
     * As many items as fit in {@code room} characters, joined by {@code separator}; when some do not fit, the text
     * ends in {@code moreSeparator + "and N more"} (and fits with it).
     */
    static String fitting(List<String> items, String separator, String moreSeparator, int room) {
        int shown = 0;
        int length = 0;
        while (shown < items.size()) {
            int next = length + (shown == 0 ? 0 : separator.length()) + items.get(shown).length();
            int rest = items.size() - shown - 1;
            int moreLength = rest == 0 ? 0 : more(moreSeparator, rest).length();
            if (next + moreLength > room) {
                break;
            }
            length = next;
            shown++;
        }
        String joined = String.join(separator, items.subList(0, shown));
        if (shown == items.size()) {
            return joined;
        }
        return shown == 0 ? "and " + items.size() + " more" : joined + more(moreSeparator, items.size() - shown);
    }

    private static String more(String moreSeparator, int count) {
        return moreSeparator + "and " + count + " more";
    }

    /** Whole units with thousands separators: 2,500. */
    static String budget(BigDecimal notional) {
        return String.format(Locale.ROOT, "%,d", notional.setScale(0, RoundingMode.HALF_UP).toBigInteger());
    }

    /** An annualised fraction as a percentage with one decimal: 0.312 is 31.2%. */
    static String carry(double apr) {
        return Double.isFinite(apr) ? String.format(Locale.ROOT, "%.1f%%", apr * 100) : "?";
    }

    /** Record text made safe to show: control and format characters replaced, at most {@code max} characters. */
    static String clean(String text, int max) {
        if (text == null || text.isBlank()) {
            return "?";
        }
        StringBuilder out = new StringBuilder();
        int[] codePoints = text.strip().codePoints().toArray();
        for (int i = 0; i < codePoints.length && i < max; i++) {
            int codePoint = codePoints[i];
            int type = Character.getType(codePoint);
            boolean unsafe = Character.isISOControl(codePoint) || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
            out.appendCodePoint(unsafe ? '?' : codePoint);
        }
        return codePoints.length > max ? out + "..." : out.toString();
    }
}
