package com.novaquant.strategy.universe;

/**
 * A candidate with its expected net carry (annualised, every cost of a round trip), and why it is excluded when it
 * is (null when it may be chosen).
 */
public record Ranked(Candidate candidate, double netCarryApr, Exclusion exclusion) {

    public String symbol() {
        return candidate.symbol();
    }

    public boolean eligible() {
        return exclusion == null;
    }
}
