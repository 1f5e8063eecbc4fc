package com.novaquant.execution.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;

/**
 * Execution settings ({@code nova.execution.*}).
 *
 * @param maxQuoteAge        oldest quote a signal may be based on for any order to be sent; also the oldest execution's
 *                           own view of the venue's prices may be for a trade that grows the position
 * @param priceBand          widest distance, as a fraction of execution's own mid for a leg, between a signal's price
 *                           for that leg and that mid, for a trade that grows the position (0.005: 0.5 %); beyond it the
 *                           signal is refused PRICE_OFF_BAND
 * @param rehedgeAttempts    re-hedge orders allowed in one leg-risk episode before unwinding
 * @param rehedgeDeadline    how long naked exposure may stand before the policy unwinds instead of re-hedging
 * @param unwindAttempts     unwind orders tried before an episode is declared unresolved
 * @param queryAttempts      queries by client id to resolve an ambiguous outcome before giving up
 * @param queryBackoff       pause between those queries
 * @param perpLeverage       the leverage set on every traded perp (margin needed = notional / leverage); a whole
 *                           number 1..125, as Binance takes it
 * @param perpMarginType     the margin type set on every traded perp
 * @param reconcileInterval  period of the reconciliation against the exchange
 * @param accountCheckInterval period of the account check (modes, leverage, margin type; {@link AccountSetup})
 * @param fundingPollInterval slowest period of the income-history read (funding times of held symbols are read within
 *                           a minute besides)
 * @param dailySummaryTime   UTC time of day of the DAILY_SUMMARY alert
 * @param advisoryLockKey    PostgreSQL advisory lock held by the one active trader of this account
 * @param leaseCheckInterval how often a passive instance tries to take the lock, and the active one checks it
 * @param balanceRefreshInterval period of the account read that keeps the pre-trade check's view of balances fresh
 *                           (it is also read at start-up and after every trade)
 * @param balanceMaxAge      oldest account view a pre-trade check may use; an older one is read again on the spot
 * @param accountReadDeadline longest a decision waits for that read (it runs before the desk is taken); a slower one
 *                           refuses the signal as VENUE_UNAVAILABLE and is stored when it arrives
 * @param warmUpRounds       rounds of the start-up rehearsal of the decision path (codec, checks, ledger statements in
 *                           a transaction that is rolled back), so the first signals find that code compiled; 0: none
 * @param risk               position limits
 * @param margin             margin-watch thresholds
 * @param books              trade records, income history and their reconciliation
 */
@ConfigurationProperties("nova.execution")
public record ExecutionProperties(
        @DefaultValue("2s") Duration maxQuoteAge,
        @DefaultValue("0.005") BigDecimal priceBand,
        @DefaultValue("2") int rehedgeAttempts,
        @DefaultValue("3s") Duration rehedgeDeadline,
        @DefaultValue("3") int unwindAttempts,
        @DefaultValue("5") int queryAttempts,
        @DefaultValue("200ms") Duration queryBackoff,
        @DefaultValue("2") BigDecimal perpLeverage,
        @DefaultValue("CROSSED") MarginType perpMarginType,
        @DefaultValue("60s") Duration reconcileInterval,
        @DefaultValue("60s") Duration accountCheckInterval,
        @DefaultValue("5m") Duration fundingPollInterval,
        @DefaultValue("00:00") LocalTime dailySummaryTime,
        @DefaultValue("830830") long advisoryLockKey,
        @DefaultValue("5s") Duration leaseCheckInterval,
        @DefaultValue("5s") Duration balanceRefreshInterval,
        @DefaultValue("15s") Duration balanceMaxAge,
        @DefaultValue("2s") Duration accountReadDeadline,
        @DefaultValue("300") int warmUpRounds,
        @DefaultValue Risk risk,
        @DefaultValue Margin margin,
        @DefaultValue Books books) {

    /**
     * @param maxSymbolNotional largest hedged notional per symbol, USDT
     * @param maxTotalNotional  largest hedged notional over all symbols, USDT
     * @param maxLeverage       largest total perp notional / futures wallet balance
     * @param maxDailyLoss      24 h loss (USDT, PnL from the ledger) that engages the kill switch
     */
    public record Risk(
            @DefaultValue("50000") BigDecimal maxSymbolNotional,
            @DefaultValue("100000") BigDecimal maxTotalNotional,
            @DefaultValue("3") BigDecimal maxLeverage,
            @DefaultValue("1000") BigDecimal maxDailyLoss) {
    }

    /**
     * @param checkInterval    period of the margin watch
     * @param warningRatio     margin ratio (maint margin / margin balance) raising MARGIN_WARNING
     * @param criticalRatio    margin ratio raising MARGIN_CRITICAL and reducing both legs
     * @param warningDistance  liquidation distance (fraction of mark) raising MARGIN_WARNING
     * @param criticalDistance liquidation distance raising MARGIN_CRITICAL and reducing both legs
     * @param reduceFraction   share of each pair closed (both legs together) at critical
     */
    public record Margin(
            @DefaultValue("10s") Duration checkInterval,
            @DefaultValue("0.5") BigDecimal warningRatio,
            @DefaultValue("0.8") BigDecimal criticalRatio,
            @DefaultValue("0.15") BigDecimal warningDistance,
            @DefaultValue("0.07") BigDecimal criticalDistance,
            @DefaultValue("0.5") BigDecimal reduceFraction) {
    }

    /**
     * @param tradeInterval        period of booking filled orders' trade records
     * @param fundingCheckInterval how often the income read checks whether a held symbol's funding time has passed
     * @param reconcileInterval    period of the books' reconciliation against the exchange's income history (also
     *                             when unrealised PnL is sampled)
     * @param reconcileWindow      trailing window that reconciliation compares
     * @param reconcileSettle      how recent an entry reconciliation leaves out (it may still be on its way into
     *                             the exchange's history)
     * @param dust                 largest difference (USDT or asset units) that raises nothing
     */
    public record Books(
            @DefaultValue("2s") Duration tradeInterval,
            @DefaultValue("5s") Duration fundingCheckInterval,
            @DefaultValue("1h") Duration reconcileInterval,
            @DefaultValue("24h") Duration reconcileWindow,
            @DefaultValue("1m") Duration reconcileSettle,
            @DefaultValue("0.01") BigDecimal dust) {
    }
}
