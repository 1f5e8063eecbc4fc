package com.novaquant.signal.application;

import java.util.List;

/**
 * The traded universe as an operator reads it (a value that is not a finite number, such as the carry of a symbol
 * with unsound data, is null) ({@code GET /admin/universe}): the members with their budgets and what
 * limits each, the tracked symbols, and every candidate of the latest scan, ranked, with why it is not traded.
 *
 * @param known         whether a universe is known (restored from {@code nova.universe} or chosen on a scan); until
 *                      then no symbol is decided
 * @param revision      the revision in force (0: none)
 * @param scannedAtMs   the scan chosen on last, epoch ms (0: none)
 * @param notionalBudget the notional the capital and the total cap allow, USDT
 * @param members       best net carry first
 * @param tracked       the members and every symbol whose pair may still be open, sorted
 * @param candidates    the latest scan's symbols, best net carry first
 */
public record UniverseStatus(boolean known, long revision, long scannedAtMs, double notionalBudget,
                             List<MemberStatus> members, List<String> tracked, List<CandidateStatus> candidates) {

    /**
     * @param notional  the budget in force, USDT
     * @param cap       the most the pair may hold (per-pair cap, book, volume), USDT
     * @param limitedBy what limits the budget
     */
    public record MemberStatus(String symbol, double notional, Double cap, String limitedBy, Double netCarryApr,
                               int fundingIntervalHours) {
    }

    /**
     * @param rank      1 for the best net carry
     * @param verdict   {@code MEMBER}, or why not: {@code EXCLUDED} (see {@code reason}), {@code BELOW_ENTRY_CARRY}
     *                  (its net carry is under the entry threshold), {@code NO_PLACE} (the universe is full and it
     *                  does not beat the weakest member by the switch margin)
     * @param reason    the exclusion ({@code NOT_TRADABLE}, {@code UNSOUND_DATA}, {@code LOW_VOLUME},
     *                  {@code WIDE_SPREAD}, {@code THIN_BOOK}) or, for a member, what limits its budget
     * @param thinnerVolume the thinner market's 24 h traded value, USDT
     * @param widerSpread   the wider book's spread, fraction of its mid
     * @param openingDepth  the value the opening side of the top of both books takes (smoothed quantities), USDT
     */
    public record CandidateStatus(int rank, String symbol, Double netCarryApr, String verdict, String reason,
                                  Double fundingRate, Double fundingIntervalHours, Double thinnerVolume,
                                  Double widerSpread, Double openingDepth) {
    }
}
