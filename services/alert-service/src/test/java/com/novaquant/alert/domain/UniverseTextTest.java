package com.novaquant.alert.domain;

import com.novaquant.events.UniverseSelection;
import com.novaquant.events.UniverseSelection.Departure;
import com.novaquant.events.UniverseSelection.Member;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UniverseTextTest {

    private static final UniverseText OF_FIVE = new UniverseText(5);

    @Test
    void statusLineListsMembersWithBudgetAndCarryThenTheSymbolsBeingClosed() {
        UniverseSelection universe = universe(7,
                List.of(member("SOLUSDT", "2500", 0.312), member("WIFUSDT", "1799.6", 0.24),
                        member("DOGEUSDT", "1200", 0.1814)),
                List.of("DOGEUSDT", "SOLUSDT", "WIFUSDT", "XRPUSDT"), List.of());

        assertThat(OF_FIVE.statusLine(universe)).isEqualTo("Universe r7 \u00B7 3 of 5 \u00B7 SOLUSDT 2,500 (31.2%)"
                + " \u00B7 WIFUSDT 1,800 (24.0%) \u00B7 DOGEUSDT 1,200 (18.1%) \u00B7 closing: XRPUSDT");
    }

    @Test
    void withoutTheTargetSizeTheMembersAreCountedAndAnEmptyUniverseShowsOnlyWhatIsClosing() {
        UniverseSelection empty = universe(3, List.of(), List.of("ADAUSDT", "XRPUSDT"), List.of());

        assertThat(new UniverseText(0).statusLine(empty))
                .isEqualTo("Universe r3 \u00B7 0 members \u00B7 closing: ADAUSDT, XRPUSDT");
    }

    @Test
    void aLargeUniverseIsCutWithAndNMoreWithinTheLineLimit() {
        List<Member> members = new ArrayList<>();
        List<String> tracked = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            members.add(member("COIN" + i + "USDT", "1000", 0.2));
            tracked.add("COIN" + i + "USDT");
        }
        for (int i = 0; i < 200; i++) {
            tracked.add("OLD" + i + "USDT");
        }

        String line = OF_FIVE.statusLine(universe(9, members, tracked, List.of()));

        assertThat(line.length()).isLessThanOrEqualTo(UniverseText.MAX_STATUS_LINE);
        assertThat(line).startsWith("Universe r9 \u00B7 300 of 5 \u00B7 COIN0USDT 1,000 (20.0%) \u00B7 COIN1USDT")
                .containsPattern(" \u00B7 and \\d+ more \u00B7 closing: ")
                .containsPattern("OLD\\d+USDT and \\d+ more$");
        int shownMembers = line.split("COIN", -1).length - 1;
        assertThat(line).contains("and " + (300 - shownMembers) + " more \u00B7");
    }

    @Test
    void symbolTextFromARecordCannotAddLinesOrRunOn() {
        UniverseSelection universe = universe(2,
                List.of(member("EVIL\nSentinel: all clear\u202E", "10", 0.1)),
                List.of("EVIL\nSentinel: all clear\u202E", "X".repeat(100)), List.of());

        String line = OF_FIVE.statusLine(universe);

        assertThat(line).doesNotContain("\n").doesNotContain("\u202E")
                .contains("EVIL?Sentinel: all clear...").contains("X".repeat(UniverseText.MAX_SYMBOL) + "...")
                .doesNotContain("X".repeat(UniverseText.MAX_SYMBOL + 1));
    }

    @Test
    void changeMessageNamesWhoEnteredWithBudgetAndCarryAndWhoLeftWithItsReason() {
        UniverseSelection before = universe(6, List.of(member("SOLUSDT", "2500", 0.3), member("XRPUSDT", "900", 0.1)),
                List.of("SOLUSDT", "XRPUSDT"), List.of());
        UniverseSelection after = universe(7, List.of(member("SOLUSDT", "2400", 0.31), member("WIFUSDT", "1800", 0.24)),
                List.of("SOLUSDT", "WIFUSDT", "XRPUSDT"), List.of(new Departure("XRPUSDT", "OUTRANKED")));

        assertThat(OF_FIVE.changeMessage(new UniverseChange(before, after))).isEqualTo("Universe r7 (was r6): 2 of 5"
                + " members. Entered: WIFUSDT (budget 1,800, net carry 24.0%). Left: XRPUSDT (OUTRANKED).");
    }

    @Test
    void theFirstUniverseSeenHasEveryMemberEnteredAndABudgetOnlyChangeSaysSo() {
        UniverseSelection first = universe(1, List.of(member("SOLUSDT", "2500", 0.3)), List.of("SOLUSDT"), List.of());
        UniverseSelection resized = universe(2, List.of(member("SOLUSDT", "3000", 0.3)), List.of("SOLUSDT"), List.of());

        assertThat(new UniverseText(0).changeMessage(new UniverseChange(null, first)))
                .isEqualTo("Universe r1: 1 member. Entered: SOLUSDT (budget 2,500, net carry 30.0%).");
        assertThat(new UniverseText(0).changeMessage(new UniverseChange(first, resized)))
                .isEqualTo("Universe r2 (was r1): 1 member. Same symbols; budgets or carries changed.");
    }

    @Test
    void aLargeChangeStaysBelowTheAlertTextLimitAndSaysHowManyMore() {
        List<Member> members = new ArrayList<>();
        List<Departure> left = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            members.add(member("NEW" + i + "USDT", "1000", 0.2));
            left.add(new Departure("OLD" + i + "USDT", "CARRY_FELL"));
        }
        UniverseSelection after = universe(4, members, members.stream().map(Member::symbol).toList(), left);

        String message = OF_FIVE.changeMessage(new UniverseChange(null, after));

        assertThat(message.length()).isLessThan(1500);
        assertThat(message).containsPattern("Entered: NEW0USDT .* and \\d+ more\\. Left: OLD0USDT \\(CARRY_FELL\\)")
                .containsPattern("and \\d+ more\\.$");
    }

    @Test
    void fittingKeepsWhatFitsAndCountsTheRest() {
        assertThat(UniverseText.fitting(List.of("aa", "bb", "cc"), ", ", " ", 100)).isEqualTo("aa, bb, cc");
        assertThat(UniverseText.fitting(List.of("aa", "bb", "cccccccccc"), ", ", " ", 15)).isEqualTo("aa and 2 more");
        assertThat(UniverseText.fitting(List.of("a".repeat(50)), ", ", " ", 10)).isEqualTo("and 1 more");
        assertThat(UniverseText.carry(Double.NaN)).isEqualTo("?");
        assertThat(UniverseText.budget(new BigDecimal("1234567.5"))).isEqualTo("1,234,568");
    }

    static UniverseSelection universe(long revision, List<Member> members, List<String> tracked, List<Departure> left) {
        return new UniverseSelection(revision, 1_000, 900, members, tracked, left);
    }

    static Member member(String symbol, String notional, double carry) {
        return new Member(symbol, new BigDecimal(notional), carry, 8, "SHARE");
    }
}
