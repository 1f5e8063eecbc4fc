package com.novaquant.execution.domain;

import com.novaquant.events.Venue;

import java.math.BigDecimal;

/**
 * One execution's leg-risk episode as a state machine: the engine feeds it each {@link LegRiskDecision} and does
 * what the returned {@link Step} says. Phases:
 * <pre>
 *   HEDGING ──Balanced──> BALANCED                      (no episode: both legs as planned)
 *      │ Rehedge
 *      v
 *   REHEDGING ──Balanced──> BALANCED (re-hedged)
 *      │ Unwind (or a re-hedge that cannot be sent)
 *      v
 *   UNWINDING ──Balanced──> BALANCED (unwound)
 *      │ attempts used up / Halt
 *      v
 *   HALTED                                              (pair BROKEN, trading held, reconciliation continues)
 * </pre>
 * The incident alert is raised once, when the episode first turns to unwinding; a halt raises its own, once.
 */
public final class LegRiskEpisode {

    public enum Phase { HEDGING, REHEDGING, UNWINDING, BALANCED, HALTED }

    /** What the engine does next. */
    public sealed interface Step {
        /** The legs are within the band: settle the pair. */
        record Finish(boolean episode, boolean unwound) implements Step {
        }

        record SendRehedge(LegRiskDecision.Rehedge order) implements Step {
        }

        /** @param incident the episode just turned to unwinding: engage the kill switch and raise the CRITICAL */
        record SendUnwind(LegRiskDecision.Unwind order, boolean incident) implements Step {
        }

        record Halt(String why) implements Step {
        }
    }

    private final int maxUnwinds;
    private Phase phase = Phase.HEDGING;
    private String description;
    private Venue firstFilled;
    private Venue firstFailed;
    private BigDecimal nakedQty = BigDecimal.ZERO;
    private int unwindsSent;
    private boolean rehedgeImpossible;

    /** @param maxUnwinds unwind orders tried before the episode halts */
    public LegRiskEpisode(int maxUnwinds) {
        this.maxUnwinds = maxUnwinds;
    }

    /** Re-hedges the policy may still count as sent: none left once the episode unwinds. */
    public int rehedgesSeen(int rehedgesSent) {
        return phase == Phase.UNWINDING || rehedgeImpossible ? Integer.MAX_VALUE : rehedgesSent;
    }

    public Step next(LegRiskDecision decision) {
        if (phase == Phase.BALANCED || phase == Phase.HALTED) {
            throw new IllegalStateException("episode already ended " + phase);
        }
        return switch (decision) {
            case LegRiskDecision.Balanced ignored -> {
                boolean episode = phase != Phase.HEDGING;
                boolean unwound = phase == Phase.UNWINDING;
                phase = Phase.BALANCED;
                yield new Step.Finish(episode, unwound);
            }
            case LegRiskDecision.Rehedge rehedge -> {
                if (phase == Phase.HEDGING) {
                    description = rehedge.description();
                    firstFailed = rehedge.venue();
                    firstFilled = other(rehedge.venue());
                    nakedQty = rehedge.quantity();
                }
                phase = Phase.REHEDGING;
                yield new Step.SendRehedge(rehedge);
            }
            case LegRiskDecision.Unwind unwind -> {
                boolean incident = phase != Phase.UNWINDING;
                if (phase == Phase.HEDGING) {
                    firstFilled = unwind.venue();
                    firstFailed = other(unwind.venue());
                    nakedQty = unwind.quantity();
                }
                if (incident) {
                    description = unwind.description();
                }
                phase = Phase.UNWINDING;
                if (++unwindsSent > maxUnwinds) {
                    phase = Phase.HALTED;
                    yield new Step.Halt(maxUnwinds == 0 ? "the lagging leg could not be completed and no unwind is"
                            + " allowed here" : "unwind failed " + maxUnwinds + " times");
                }
                yield new Step.SendUnwind(unwind, incident);
            }
            case LegRiskDecision.Halt halt -> {
                if (description == null) {
                    description = halt.description();
                }
                phase = Phase.HALTED;
                yield new Step.Halt(halt.description());
            }
        };
    }

    /** The re-hedge the policy asked for cannot be sent (it rounds to nothing): unwind instead. */
    public void rehedgeImpossible() {
        rehedgeImpossible = true;
    }

    /** The venue stopped answering mid-episode. */
    public void halted() {
        phase = Phase.HALTED;
    }

    public Phase phase() {
        return phase;
    }

    public String description() {
        return description;
    }

    public Venue firstFilled() {
        return firstFilled;
    }

    public Venue firstFailed() {
        return firstFailed;
    }

    public BigDecimal nakedQty() {
        return nakedQty;
    }

    private static Venue other(Venue venue) {
        return venue == Venue.SPOT ? Venue.USDM : Venue.SPOT;
    }
}
