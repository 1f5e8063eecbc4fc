package com.novaquant.execution.application;

import com.novaquant.events.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Puts the futures account in the shape the desk trades it in, and checks it, before the first order and then
 * periodically: every traded symbol gets the leverage the margin arithmetic assumes and the configured margin type
 * (on the first check, and again after one that failed), and the account must be in One-way Mode (the desk's perp orders name no position side, which Hedge Mode refuses
 * with -4061) and Single-Asset Mode (the desk counts USDT only). While it is not, the desk is FROZEN under the hold
 * {@value #HOLD} and one CRITICAL {@value #ALERT} says what to change and how; until the first check has read the
 * account, the hold says it is not checked yet. A check that cannot read the account keeps the previous verdict.
 */
public class AccountSetup {

    public static final String HOLD = "account";
    public static final String ALERT = "ACCOUNT_SETUP";
    static final String NOT_CHECKED = "account not checked yet";

    private static final Logger log = LoggerFactory.getLogger(AccountSetup.class);
    private static final String DEDUP = "account-setup";
    private static final String HEDGE_MODE = "USD-M position mode is Hedge Mode; the desk needs One-way Mode (its perp"
            + " orders name no position side, which Hedge Mode refuses with -4061). Change it in Binance Futures >"
            + " Preferences > Position Mode (POST /fapi/v1/positionSide/dual dualSidePosition=false; refused while any"
            + " position or open order exists)";
    private static final String MULTI_ASSETS = "USD-M asset mode is Multi-Assets Mode; the desk needs Single-Asset"
            + " Mode (its margin arithmetic counts USDT only). Change it in Binance Futures > Preferences > Asset Mode"
            + " (POST /fapi/v1/multiAssetsMargin multiAssetsMargin=false)";

    /** What the last check that read the account found; the gauge shows it. */
    private enum Verdict { NOT_CHECKED, TRADABLE, NOT_TRADABLE }

    private final TradingVenue venue;
    private final TradingGate gate;
    private final Alerts alerts;
    private final List<String> symbols;
    private final int leverage;
    private final MarginType marginType;
    private final Duration interval;
    private final Executor recheck;
    private final AtomicBoolean recheckQueued = new AtomicBoolean();
    private volatile Verdict verdict = Verdict.NOT_CHECKED;
    /** Leverage and margin type were set on every symbol by a check that passed: later checks read the modes only. */
    private volatile boolean symbolsPrepared;
    /** Symbols beyond the configured ones (the traded universe's) whose leverage and margin type are set. */
    private final Set<String> addedPrepared = ConcurrentHashMap.newKeySet();
    /** The text of the WARNING still open per added symbol. */
    private final Map<String, String> addedAlerted = new ConcurrentHashMap<>();
    /** The text of the CRITICAL still open, or null. */
    private String alerted;
    private int failedReads;

    /**
     * @param perpLeverage   {@code nova.execution.perp-leverage}: Binance takes whole numbers 1..125 only
     * @param perpMarginType {@code nova.execution.perp-margin-type}
     * @param interval       {@code nova.execution.account-check-interval}, as the alert tells it
     * @param recheck        where {@link #checkSoon} runs the check, off the thread that asks for it
     */
    public AccountSetup(TradingVenue venue, TradingGate gate, Alerts alerts, List<String> symbols,
                        BigDecimal perpLeverage, MarginType perpMarginType, Duration interval, Executor recheck) {
        this.venue = venue;
        this.gate = gate;
        this.alerts = alerts;
        this.symbols = List.copyOf(symbols);
        this.leverage = wholeLeverage(perpLeverage);
        this.marginType = perpMarginType;
        this.interval = interval;
        this.recheck = recheck;
        gate.freeze(HOLD, NOT_CHECKED);
    }

    /** Sets and reads the account; true when the desk can trade it. */
    public synchronized boolean check() {
        List<String> problems;
        try {
            problems = problems();
        } catch (RuntimeException e) {
            failedReads++;
            log.warn("Account check could not read the account ({} failed in a row): {}; the verdict stays {}",
                    failedReads, e.toString(), verdict);
            return verdict == Verdict.TRADABLE;
        }
        failedReads = 0;
        if (problems.isEmpty()) {
            passed();
            return true;
        }
        failed(problems);
        return false;
    }

    /** A perp order was refused for its position side: the account changed under the desk, so check it now. */
    public void checkSoon() {
        if (recheckQueued.compareAndSet(false, true)) {
            recheck.execute(() -> {
                recheckQueued.set(false);
                check();
            });
        }
    }

    /** For the gauge: 1 tradable, 0 not tradable, -1 not read yet. */
    public int tradable() {
        return switch (verdict) {
            case TRADABLE -> 1;
            case NOT_TRADABLE -> 0;
            case NOT_CHECKED -> -1;
        };
    }

    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        TradingVenue.AccountSettings settings = venue.accountSettings();
        if (settings.hedgeMode()) {
            problems.add(HEDGE_MODE);
        }
        if (settings.multiAssetsMode()) {
            problems.add(MULTI_ASSETS);
        }
        // Two POSTs per symbol: once, and again only after a check that failed, not every interval.
        for (String symbol : symbolsPrepared ? List.<String>of() : symbols) {
            problems.addAll(symbolProblems(symbol, venue.prepareSymbol(symbol, leverage, marginType)));
        }
        return problems;
    }

    /**
     * Sets leverage and margin type on a symbol outside the configured ones (one the traded universe added), before
     * its first order. A refusal keeps that symbol untradable (one WARNING per distinct text) and does not freeze the
     * desk: nothing is held on it yet. A failed account check makes it do so again.
     *
     * @return true when the symbol's settings are as the desk needs them
     * @throws VenueUnavailableException when the venue did not answer
     */
    public synchronized boolean prepare(String symbol) {
        if (prepared(symbol)) {
            return true;
        }
        List<String> problems = symbolProblems(symbol, venue.prepareSymbol(symbol, leverage, marginType));
        if (problems.isEmpty()) {
            addedPrepared.add(symbol);
            addedAlerted.remove(symbol);
            return true;
        }
        String text = symbol + " NOT TRADABLE: " + String.join("; ", problems) + ". No position is opened on it until"
                + " it is fixed; tried again at its next signal.";
        if (!text.equals(addedAlerted.put(symbol, text))) {
            log.error(text);
            alerts.raise(Severity.WARNING, ALERT, text, DEDUP + "-" + symbol);
        }
        return false;
    }

    /** Whether the symbol's leverage and margin type were set by a check or a preparation since the last failure. */
    public boolean prepared(String symbol) {
        return addedPrepared.contains(symbol) || (symbolsPrepared && symbols.contains(symbol));
    }

    private List<String> symbolProblems(String symbol, TradingVenue.SymbolSettings set) {
        List<String> problems = new ArrayList<>();
        String refusal = set.refusal() == null ? "" : " (Binance: " + set.refusal() + ")";
        if (set.leverage() != leverage) {
            problems.add(symbol + " leverage is not " + leverage + refusal + "; the desk's margin arithmetic"
                    + " assumes nova.execution.perp-leverage=" + leverage + ". Set it in Binance Futures > "
                    + symbol + " > leverage (POST /fapi/v1/leverage symbol=" + symbol + " leverage=" + leverage
                    + ") or change nova.execution.perp-leverage");
        }
        if (set.marginType() != marginType) {
            problems.add(symbol + " margin type is not " + marginType + refusal + "; the desk sets"
                    + " nova.execution.perp-margin-type=" + marginType + ". Binance changes it only while " + symbol
                    + " has no position and no open order: close them, then set it in Binance Futures > " + symbol
                    + " > margin mode (POST /fapi/v1/marginType symbol=" + symbol + " marginType=" + marginType
                    + "), or change nova.execution.perp-margin-type");
        }
        return problems;
    }

    private void passed() {
        boolean wasAlerted = alerted != null;
        if (gate.held(HOLD)) {
            log.info("Account settings OK (One-way Mode, Single-Asset Mode, leverage {} and {} margin on {}): hold"
                    + " lifted", leverage, marginType, symbols);
        }
        gate.lift(HOLD);
        verdict = Verdict.TRADABLE;
        symbolsPrepared = true;
        alerted = null;
        if (wasAlerted) {
            alerts.raise(Severity.INFO, ALERT, "Account settings OK: One-way Mode, Single-Asset Mode, leverage "
                    + leverage + " and " + marginType + " margin on " + String.join(", ", symbols)
                    + ". The hold is lifted; trading resumes.", DEDUP);
        }
    }

    private void failed(List<String> problems) {
        String text = "ACCOUNT NOT TRADABLE: " + String.join("; ", problems) + ". Desk FROZEN: no signal is traded"
                + " until it is fixed; checked again every " + interval.toSeconds() + "s.";
        gate.freeze(HOLD, text);
        verdict = Verdict.NOT_TRADABLE;
        symbolsPrepared = false;
        addedPrepared.clear();
        if (text.equals(alerted)) {
            log.warn("Account still not tradable: {}", text);
            return;
        }
        log.error(text);
        // One alert per distinct problem: a check that finds the same again stays quiet.
        alerts.raise(Severity.CRITICAL, ALERT, text, DEDUP);
        alerted = text;
    }

    static int wholeLeverage(BigDecimal configured) {
        try {
            int value = configured.intValueExact();
            if (value >= 1 && value <= 125) {
                return value;
            }
        } catch (ArithmeticException notWhole) {
            // reported below
        }
        throw new IllegalArgumentException("nova.execution.perp-leverage must be a whole number from 1 to 125 (Binance"
                + " sets leverage in whole steps), was " + configured.toPlainString());
    }
}
