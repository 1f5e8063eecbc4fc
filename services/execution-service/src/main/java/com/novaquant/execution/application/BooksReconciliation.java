package com.novaquant.execution.application;

import com.novaquant.events.Severity;
import com.novaquant.execution.domain.IncomeEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the books with the exchange's income history over a trailing window, per asset: funding received, USD-M
 * commission paid (the trades booked against the exchange's COMMISSION entries) and USD-M realised PnL (against its
 * REALIZED_PNL entries). Each difference (exchange minus books) is exported as
 * {@code nova_execution_books_difference{item,asset}}; any beyond dust raises one WARNING, a CRITICAL when it grows
 * since the last alert, an INFO when the books agree again. The window ends before the oldest order still awaiting
 * its trade records, whose income would otherwise count against trades not yet booked.
 */
public class BooksReconciliation {

    private static final Logger log = LoggerFactory.getLogger(BooksReconciliation.class);
    static final String FUNDING = "funding";
    static final String COMMISSION = "commission";
    static final String REALIZED_PNL = "realized_pnl";

    private final IncomeHistory history;
    private final Books books;
    private final Alerts alerts;
    private final ExecutionMetrics metrics;
    private final Duration window;
    private final Duration settle;
    private final BigDecimal dust;
    private final Clock clock;
    private BigDecimal alerted = BigDecimal.ZERO;

    public BooksReconciliation(IncomeHistory history, Books books, Alerts alerts, ExecutionMetrics metrics,
                               Duration window, Duration settle, BigDecimal dust, Clock clock) {
        this.history = history;
        this.books = books;
        this.alerts = alerts;
        this.metrics = metrics;
        this.window = window;
        this.settle = settle;
        this.dust = dust;
        this.clock = clock;
    }

    /**
     * One comparison.
     *
     * @return the differences, "item asset" to exchange minus books; every asset seen on either side is listed
     * @throws VenueUnavailableException when the income history cannot be read (nothing is exported then)
     */
    public synchronized Map<String, BigDecimal> run() {
        Instant settled = clock.instant().minus(settle);
        Instant awaiting = books.oldestAwaitingTrades().orElse(settled);
        Instant to = awaiting.isBefore(settled) ? awaiting.minusMillis(1) : settled;
        // Nothing before the desk's first order is the books' to explain.
        Instant from = books.firstOrderAt().filter(first -> first.isAfter(to.minus(window))).orElse(to.minus(window));
        Map<String, BigDecimal> differences = differences(history.income(from.toEpochMilli(), to.toEpochMilli()),
                books.totals(from, to));
        differences.forEach((key, value) -> {
            String[] parts = key.split(" ");
            metrics.booksDifference(parts[0], parts[1], value);
        });
        alertOn(differences, from, to);
        return differences;
    }

    /** Exchange minus books, by "item asset". */
    static Map<String, BigDecimal> differences(List<IncomeEntry> exchange, Books.RecordTotals ledger) {
        Map<String, BigDecimal> differences = new TreeMap<>();
        compare(FUNDING, sum(exchange, IncomeEntry.FUNDING_FEE),
                ledger.income().getOrDefault(IncomeEntry.FUNDING_FEE, Map.of()), differences);
        // COMMISSION entries are negative (paid); the trades' commission is positive.
        Map<String, BigDecimal> paid = new HashMap<>();
        sum(exchange, IncomeEntry.COMMISSION).forEach((asset, amount) -> paid.put(asset, amount.negate()));
        compare(COMMISSION, paid, ledger.perpCommission(), differences);
        compare(REALIZED_PNL, sum(exchange, IncomeEntry.REALIZED_PNL), Map.of("USDT", ledger.perpRealized()), differences);
        return differences;
    }

    private static Map<String, BigDecimal> sum(List<IncomeEntry> entries, String type) {
        Map<String, BigDecimal> byAsset = new HashMap<>();
        for (IncomeEntry e : entries) {
            if (type.equals(e.type())) {
                byAsset.merge(e.asset(), e.amount(), BigDecimal::add);
            }
        }
        return byAsset;
    }

    private static void compare(String item, Map<String, BigDecimal> exchange, Map<String, BigDecimal> ledger,
                                Map<String, BigDecimal> out) {
        Map<String, BigDecimal> assets = new TreeMap<>(exchange);
        ledger.keySet().forEach(asset -> assets.putIfAbsent(asset, BigDecimal.ZERO));
        if (assets.isEmpty()) {
            assets.put("USDT", BigDecimal.ZERO);
        }
        for (String asset : assets.keySet()) {
            BigDecimal difference = exchange.getOrDefault(asset, BigDecimal.ZERO)
                    .subtract(ledger.getOrDefault(asset, BigDecimal.ZERO));
            out.put(item + " " + asset, difference.stripTrailingZeros());
        }
    }

    void alertOn(Map<String, BigDecimal> differences, Instant from, Instant to) {
        BigDecimal worst = differences.values().stream().map(BigDecimal::abs).reduce(BigDecimal.ZERO, BigDecimal::max);
        if (worst.compareTo(dust) <= 0) {
            if (alerted.signum() > 0) {
                alerts.raise(Severity.INFO, "BOOKS_DIFFERENCE", "Books agree with the exchange's income history again"
                        + " (every difference within " + dust.toPlainString() + ").", "books-difference");
                alerted = BigDecimal.ZERO;
            }
            return;
        }
        StringBuilder text = new StringBuilder("BOOKS DIFFER from the exchange over ").append(from).append(" .. ")
                .append(to).append(" (exchange minus books):");
        differences.forEach((key, value) -> {
            if (value.abs().compareTo(dust) > 0) {
                text.append(' ').append(key).append(' ').append(value.toPlainString()).append(';');
            }
        });
        text.append(" Check GET /admin/pnl and the exchange's income history.");
        log.warn(text.toString());
        if (alerted.signum() == 0) {
            alerts.raise(Severity.WARNING, "BOOKS_DIFFERENCE", text.toString(), "books-difference");
            alerted = worst;
        } else if (worst.compareTo(alerted.add(dust)) > 0) {
            alerts.raise(Severity.CRITICAL, "BOOKS_DIFFERENCE", text + " The difference is growing.", "books-difference-growing");
            alerted = worst;
        }
    }

    /** The exchange's income history: every entry from {@code fromMs} to {@code toMs} inclusive. */
    @FunctionalInterface
    public interface IncomeHistory {
        List<IncomeEntry> income(long fromMs, Long toMs);
    }
}
