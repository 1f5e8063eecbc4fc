package com.novaquant.signal.application;

import com.novaquant.events.FundingRate;
import com.novaquant.events.MarketScan;
import com.novaquant.events.UniverseSelection;
import com.novaquant.strategy.pair.SymbolPolicy;
import com.novaquant.strategy.universe.Allocation;
import com.novaquant.strategy.universe.AllocationRules;
import com.novaquant.strategy.universe.Candidate;
import com.novaquant.strategy.universe.CapitalAllocator;
import com.novaquant.strategy.universe.DepthSmoother;
import com.novaquant.strategy.universe.Ranked;
import com.novaquant.strategy.universe.Selection;
import com.novaquant.strategy.universe.UniverseRules;
import com.novaquant.strategy.universe.UniverseSelector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The use case of universe mode: a market scan in, the traded universe out. Each scan's top-of-book quantities are
 * smoothed ({@link DepthSmoother}), the symbols are chosen with hysteresis against the previous members
 * ({@link UniverseSelector}) and funded ({@link CapitalAllocator}); the engine then decides each symbol on its
 * universe policy (member or not, budget, funding interval), and the universe is published whenever the members,
 * their budgets (beyond {@value #BUDGET_BAND} of the one published) or the tracked symbols change.
 *
 * <p>The budgets in force are the published ones: a budget moving inside the band changes nothing anywhere. An open
 * pair is resized by the engine once its budget has moved beyond the wider resize band ({@code ALLOCATION_CHANGED}).
 * A symbol that leaves with a pair that may be open
 * stays tracked until the engine has decided it flat ({@code LEFT_UNIVERSE}); that close happens on the market-data
 * thread, which only flags it, and the next {@link #reconcile} publishes the smaller tracked set.
 */
public final class UniverseService {

    private static final Logger log = LoggerFactory.getLogger(UniverseService.class);
    /** A member's budget moving by no more than this fraction of the published one is not a change. */
    static final double BUDGET_BAND = 0.05;

    private final UniverseProperties properties;
    private final LiveSettings settings;
    private final SignalEngine engine;
    private final UniverseSink sink;
    /** The universe in force when its send failed: sent again on the next scan or reconcile, so readers catch up. */
    private final java.util.concurrent.atomic.AtomicReference<UniverseSelection> unsent =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** The record of the revision in force. */
    private UniverseSelection published;
    private final UniverseMetrics metrics;
    private final LongSupplier clockMs;
    private final DepthSmoother depth;
    private final AtomicBoolean trackedMayHaveShrunk = new AtomicBoolean();

    private boolean known;
    private long revision;
    private long lastScanAtMs;
    private volatile long lastUsedScanAtMs = Long.MIN_VALUE;
    /** The members in force (published or restored), best first. */
    private List<UniverseSelection.Member> members = List.of();
    private Map<String, Double> caps = Map.of();
    private List<String> tracked = List.of();
    private List<Ranked> ranked = List.of();
    private double notionalBudget;

    public UniverseService(UniverseProperties properties, LiveSettings settings, SignalEngine engine,
                           UniverseSink sink, UniverseMetrics metrics, LongSupplier clockMs) {
        this.properties = properties;
        this.settings = settings;
        this.engine = engine;
        this.sink = sink;
        this.metrics = metrics;
        this.clockMs = clockMs;
        this.depth = new DepthSmoother(properties.depthWindow().toMillis());
        this.notionalBudget = properties.allocationRules().notionalBudget();
        engine.onClosedOutsideUniverse(() -> trackedMayHaveShrunk.set(true));
        refreshSymbolGauges();
    }

    /** The age of the newest scan chosen on, seconds; NaN before the first. */
    public double scanAgeSeconds() {
        long at = lastUsedScanAtMs;
        return at == Long.MIN_VALUE ? Double.NaN : (clockMs.getAsLong() - at) / 1000.0;
    }

    /**
     * Takes the newest universe read back from {@code nova.universe} at start-up, before any scan or market data: its
     * revision, its members (the hysteresis carries on from them) with their budgets, and its tracked symbols (a pair
     * still open outside the universe is closed).
     */
    public synchronized void restore(UniverseSelection last) {
        revision = Math.max(revision, last.revision());
        members = last.members();
        tracked = last.tracked();
        lastScanAtMs = Math.max(lastScanAtMs, last.scannedAtMs());
        tracked.forEach(engine::track);
        engine.applyUniverse(policies(members));
        known = true;
        metrics.universe(members.size(), revision);
        refreshSymbolGauges();
        log.info("Universe revision {} restored from {}: members {}, tracked {}", revision,
                com.novaquant.events.Topics.UNIVERSE, describe(members), tracked);
    }

    /** A record of {@code nova.md.scan} that is not a market scan. */
    public void undecodableScan() {
        metrics.scan(UniverseMetrics.ScanOutcome.UNDECODABLE);
    }

    /** Chooses and funds the universe on a scan, applies it to trading and publishes it when it changed. */
    public synchronized void onScan(MarketScan scan) {
        long now = clockMs.getAsLong();
        if (now - scan.scannedAtMs() > properties.scanMaxAge().toMillis()) {
            metrics.scan(UniverseMetrics.ScanOutcome.STALE);
            log.warn("Market scan of {} ignored: {} ms old, more than nova.universe.scan-max-age {}",
                    java.time.Instant.ofEpochMilli(scan.scannedAtMs()), now - scan.scannedAtMs(),
                    properties.scanMaxAge());
            return;
        }
        if (scan.scannedAtMs() <= lastScanAtMs) {
            metrics.scan(UniverseMetrics.ScanOutcome.OUT_OF_ORDER);
            return;
        }
        metrics.scan(UniverseMetrics.ScanOutcome.USED);
        resendUnsent();
        lastScanAtMs = scan.scannedAtMs();
        lastUsedScanAtMs = scan.scannedAtMs();

        SignalProperties signal = settings.current().properties();
        UniverseRules rules = properties.universeRules(signal);
        AllocationRules allocationRules = properties.allocationRules();
        List<Candidate> candidates = candidates(scan, signal);
        Selection selection = UniverseSelector.select(symbols(members), candidates, rules);
        Allocation allocation = CapitalAllocator.allocate(selection.members(), allocationRules);
        ranked = selection.ranked();
        notionalBudget = allocationRules.notionalBudget();

        List<UniverseSelection.Member> chosen = members(selection, allocation);
        boolean membersChanged = !symbols(chosen).equals(symbols(members));
        boolean budgetsMoved = membersChanged || budgetsMoved(chosen);
        List<UniverseSelection.Member> inForce = budgetsMoved ? chosen : members;
        engine.applyUniverse(policies(inForce));
        List<String> nowTracked = trackedWith(inForce);
        boolean firstChoice = !known;
        known = true;
        if (budgetsMoved || firstChoice || !nowTracked.equals(tracked)) {
            publish(inForce, nowTracked, scan.scannedAtMs(), selection, allocation);
        }
        refreshSymbolGauges();
    }

    /**
     * Publishes the smaller tracked set once pairs outside the universe have been decided flat; cheap when none has.
     * Called after each read of the scan topic (and by tests).
     */
    public synchronized void reconcile() {
        resendUnsent();
        if (!known || !trackedMayHaveShrunk.getAndSet(false)) {
            return;
        }
        List<String> nowTracked = trackedWith(members);
        if (!nowTracked.equals(tracked)) {
            publish(members, nowTracked, lastScanAtMs, null, null);
        }
    }

    /** The universe as an operator reads it. */
    public synchronized UniverseStatus status() {
        Set<String> memberSymbols = symbols(members);
        double entry = settings.current().properties().entryThresholdApr();
        List<UniverseStatus.CandidateStatus> candidates = new ArrayList<>(ranked.size());
        Map<String, UniverseSelection.Member> bySymbol = new HashMap<>();
        members.forEach(m -> bySymbol.put(m.symbol(), m));
        int rank = 0;
        for (Ranked r : ranked) {
            Candidate c = r.candidate();
            String verdict;
            String reason;
            if (memberSymbols.contains(r.symbol())) {
                verdict = "MEMBER";
                reason = bySymbol.get(r.symbol()).limitedBy();
            } else if (!r.eligible()) {
                verdict = "EXCLUDED";
                reason = r.exclusion().name();
            } else if (r.netCarryApr() < entry) {
                verdict = "BELOW_ENTRY_CARRY";
                reason = null;
            } else {
                verdict = "NO_PLACE";
                reason = null;
            }
            candidates.add(new UniverseStatus.CandidateStatus(++rank, r.symbol(), finite(r.netCarryApr()), verdict,
                    reason, finite(c.fundingRate()), finite(c.fundingIntervalHours()), finite(c.thinnerVolume()),
                    finite(c.widerSpread()), finite(c.openingDepth())));
        }
        List<UniverseStatus.MemberStatus> memberStatus = members.stream()
                .map(m -> new UniverseStatus.MemberStatus(m.symbol(), m.notional().doubleValue(),
                        finite(caps.getOrDefault(m.symbol(), Double.NaN)), m.limitedBy(), finite(m.netCarryApr()),
                        m.fundingIntervalHours()))
                .toList();
        return new UniverseStatus(known, revision, lastScanAtMs, notionalBudget, memberStatus, tracked, candidates);
    }

    /** The revision in force (0: none). */
    public synchronized long revision() {
        return revision;
    }

    /**
     * Sends a universe; a send that fails leaves it to be sent again. Without that, execution and ingestion would keep
     * the previous universe until the next change, which may be hours away.
     */
    private void send(UniverseSelection record) {
        sink.publish(record).whenComplete((written, error) -> {
            if (error != null) {
                unsent.set(record);
            }
        });
    }

    /** Sends again the universe in force if its send failed (an older one is superseded by a newer send anyway). */
    private void resendUnsent() {
        UniverseSelection failed = unsent.getAndSet(null);
        if (failed != null && published != null && failed.revision() == published.revision()) {
            log.warn("Universe revision {} was not written to nova.universe; sending it again", failed.revision());
            send(failed);
        }
    }

    private void publish(List<UniverseSelection.Member> inForce, List<String> nowTracked, long scannedAtMs,
                         Selection selection, Allocation allocation) {
        List<UniverseSelection.Departure> left = new ArrayList<>();
        if (selection != null) {
            new TreeSet<>(selection.left().keySet()).forEach(symbol ->
                    left.add(new UniverseSelection.Departure(symbol, selection.left().get(symbol).name())));
        }
        UniverseSelection record = new UniverseSelection(revision + 1, clockMs.getAsLong(), scannedAtMs, inForce,
                nowTracked, left);
        Set<String> before = symbols(members);
        List<String> trackedBefore = tracked;
        revision = record.revision();
        members = inForce;
        tracked = nowTracked;
        if (allocation != null) {
            Map<String, Double> capsNow = new HashMap<>();
            allocation.budgets().forEach(b -> capsNow.put(b.symbol(), b.cap()));
            caps = Map.copyOf(capsNow);
        }
        published = record;
        send(record);
        metrics.universe(members.size(), revision);
        for (UniverseSelection.Member member : inForce) {
            if (!before.contains(member.symbol())) {
                metrics.change("entered", ENTERED);
                log.info("Universe revision {}: {} entered, net carry {}, budget {} USDT limited by {}, funding every"
                                + " {} h", revision, member.symbol(), member.netCarryApr(),
                        member.notional().toPlainString(), member.limitedBy(), member.fundingIntervalHours());
            }
        }
        for (UniverseSelection.Departure departure : left) {
            metrics.change("left", departure.reason());
            log.info("Universe revision {}: {} left ({}){}", revision, departure.symbol(), departure.reason(),
                    nowTracked.contains(departure.symbol()) ? ", tracked until its pair is closed" : "");
        }
        log.info("Universe revision {} on the scan of {}: members {}, tracked {} (was {})", revision,
                java.time.Instant.ofEpochMilli(scannedAtMs), describe(inForce), nowTracked, trackedBefore);
    }

    /** Why a symbol entered, in {@code nova_universe_changes_total}: its net carry reached the entry threshold. */
    static final String ENTERED = "CARRY_ABOVE_ENTRY";

    private List<Candidate> candidates(MarketScan scan, SignalProperties signal) {
        List<Candidate> candidates = new ArrayList<>(scan.symbols().size());
        for (MarketScan.ScannedSymbol s : scan.symbols()) {
            DepthSmoother.Depth smoothed = depth.smooth(s.symbol(), scan.scannedAtMs(), new DepthSmoother.Depth(
                    s.spotBidQty().doubleValue(), s.spotAskQty().doubleValue(),
                    s.perpBidQty().doubleValue(), s.perpAskQty().doubleValue()));
            double interval = s.fundingIntervalHours() != FundingRate.UNKNOWN_INTERVAL ? s.fundingIntervalHours()
                    : signal.fundingIntervalHours(s.symbol());
            candidates.add(new Candidate(s.symbol(), s.tradable(), s.fundingRate().doubleValue(), interval,
                    s.spotBid().doubleValue(), smoothed.spotBidQty(), s.spotAsk().doubleValue(),
                    smoothed.spotAskQty(), s.perpBid().doubleValue(), smoothed.perpBidQty(),
                    s.perpAsk().doubleValue(), smoothed.perpAskQty(),
                    s.spotQuoteVolume().doubleValue(), s.perpQuoteVolume().doubleValue()));
        }
        depth.forgetOlderThanWindow(scan.scannedAtMs());
        return candidates;
    }

    private static List<UniverseSelection.Member> members(Selection selection, Allocation allocation) {
        Map<String, Allocation.Budget> budgets = new HashMap<>();
        allocation.budgets().forEach(b -> budgets.put(b.symbol(), b));
        List<UniverseSelection.Member> chosen = new ArrayList<>(selection.members().size());
        for (Ranked member : selection.members()) {
            Allocation.Budget budget = budgets.get(member.symbol());
            chosen.add(new UniverseSelection.Member(member.symbol(),
                    BigDecimal.valueOf(budget.notional()).setScale(2, RoundingMode.DOWN), member.netCarryApr(),
                    (int) Math.round(member.candidate().fundingIntervalHours()), budget.limitedBy().name()));
        }
        return List.copyOf(chosen);
    }

    /** Whether a member's budget or funding interval differs from the one in force by more than the band. */
    private boolean budgetsMoved(List<UniverseSelection.Member> chosen) {
        Map<String, UniverseSelection.Member> inForce = new HashMap<>();
        members.forEach(m -> inForce.put(m.symbol(), m));
        for (UniverseSelection.Member next : chosen) {
            UniverseSelection.Member held = inForce.get(next.symbol());
            double was = held.notional().doubleValue();
            if (Math.abs(next.notional().doubleValue() - was) > BUDGET_BAND * was
                    || next.fundingIntervalHours() != held.fundingIntervalHours()) {
                return true;
            }
        }
        return false;
    }

    /** The members and every symbol outside them whose pair may still be open, sorted. */
    private List<String> trackedWith(List<UniverseSelection.Member> inForce) {
        Set<String> memberSymbols = symbols(inForce);
        SortedSet<String> all = new TreeSet<>(memberSymbols);
        all.addAll(engine.holdingOutside(memberSymbols));
        return List.copyOf(all);
    }

    private Map<String, SymbolPolicy> policies(List<UniverseSelection.Member> inForce) {
        SignalProperties signal = settings.current().properties();
        Map<String, SymbolPolicy> policies = new HashMap<>();
        for (UniverseSelection.Member member : inForce) {
            double interval = member.fundingIntervalHours() > 0 ? member.fundingIntervalHours()
                    : signal.fundingIntervalHours(member.symbol());
            policies.put(member.symbol(), new SymbolPolicy(interval, member.notional().doubleValue(), true));
        }
        return policies;
    }

    /** Every tracked symbol's gauges, from the members in force and the latest scan's carries. */
    private void refreshSymbolGauges() {
        Map<String, Double> carries = new HashMap<>();
        ranked.forEach(r -> carries.put(r.symbol(), r.netCarryApr()));
        Map<String, UniverseSelection.Member> bySymbol = new HashMap<>();
        members.forEach(m -> bySymbol.put(m.symbol(), m));
        Set<String> all = new LinkedHashSet<>(engine.trackedSymbols());
        all.addAll(bySymbol.keySet());
        for (String symbol : all) {
            UniverseSelection.Member member = bySymbol.get(symbol);
            metrics.symbol(symbol, member != null, member != null ? member.notional().doubleValue() : 0,
                    carries.getOrDefault(symbol, Double.NaN));
        }
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static Set<String> symbols(List<UniverseSelection.Member> members) {
        Set<String> symbols = new LinkedHashSet<>();
        members.forEach(m -> symbols.add(m.symbol()));
        return symbols;
    }

    private static String describe(List<UniverseSelection.Member> members) {
        List<String> parts = new ArrayList<>(members.size());
        members.forEach(m -> parts.add(m.symbol() + " " + m.notional().toPlainString() + " USDT (" + m.limitedBy()
                + ")"));
        return parts.toString();
    }
}
