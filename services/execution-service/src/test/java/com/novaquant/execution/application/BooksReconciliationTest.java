package com.novaquant.execution.application;

import com.novaquant.events.Severity;
import com.novaquant.execution.domain.IncomeEntry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BooksReconciliationTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private final List<String> alerts = new ArrayList<>();
    private final BooksReconciliation reconciliation = new BooksReconciliation((from, to) -> List.of(), null,
            (severity, code, text, key) -> alerts.add(severity + " " + code + " " + text),
            new ExecutionMetrics(new SimpleMeterRegistry()), Duration.ofHours(24), Duration.ofMinutes(1),
            new BigDecimal("0.01"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void recordsThatAgreeDifferByZeroOnEveryItem() {
        List<IncomeEntry> exchange = List.of(entry(IncomeEntry.FUNDING_FEE, "0.09615"),
                entry(IncomeEntry.COMMISSION, "-0.480075"), entry(IncomeEntry.COMMISSION, "-0.1605125"),
                entry(IncomeEntry.REALIZED_PNL, "-0.975"));
        Books.RecordTotals ledger = new Books.RecordTotals(
                Map.of(IncomeEntry.FUNDING_FEE, Map.of("USDT", new BigDecimal("0.09615"))),
                Map.of("USDT", new BigDecimal("0.6405875")), new BigDecimal("-0.975"));

        assertThat(BooksReconciliation.differences(exchange, ledger)).containsOnlyKeys(
                        "funding USDT", "commission USDT", "realized_pnl USDT")
                .allSatisfy((key, value) -> assertThat(value).isZero());
    }

    @Test
    void aPerpTradeTheBooksNeverBookedShowsAsCommissionAndRealisedPnlOwed() {
        List<IncomeEntry> exchange = List.of(entry(IncomeEntry.COMMISSION, "-0.48"),
                entry(IncomeEntry.REALIZED_PNL, "1.05"));
        Books.RecordTotals ledger = new Books.RecordTotals(Map.of(), Map.of(), BigDecimal.ZERO);

        Map<String, BigDecimal> differences = BooksReconciliation.differences(exchange, ledger);

        assertThat(differences.get("commission USDT")).isEqualByComparingTo("0.48");
        assertThat(differences.get("realized_pnl USDT")).isEqualByComparingTo("1.05");
        assertThat(differences.get("funding USDT")).isZero();
    }

    @Test
    void beyondDustOneWarningThenCriticalOnlyWhenItGrowsAndInfoWhenBackToZero() {
        reconciliation.alertOn(Map.of("commission USDT", new BigDecimal("0.48")), NOW, NOW);
        reconciliation.alertOn(Map.of("commission USDT", new BigDecimal("0.48")), NOW, NOW);
        reconciliation.alertOn(Map.of("commission USDT", new BigDecimal("0.485")), NOW, NOW);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.getFirst()).startsWith(Severity.WARNING + " BOOKS_DIFFERENCE").contains("commission USDT 0.48");

        reconciliation.alertOn(Map.of("commission USDT", new BigDecimal("0.96")), NOW, NOW);
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(1)).startsWith(Severity.CRITICAL + " BOOKS_DIFFERENCE").contains("growing");

        reconciliation.alertOn(Map.of("commission USDT", new BigDecimal("0.004")), NOW, NOW);
        reconciliation.alertOn(Map.of("commission USDT", BigDecimal.ZERO), NOW, NOW);
        assertThat(alerts).hasSize(3);
        assertThat(alerts.get(2)).startsWith(Severity.INFO + " BOOKS_DIFFERENCE");
    }

    private static IncomeEntry entry(String type, String amount) {
        return new IncomeEntry(type, "BTCUSDT", new BigDecimal(amount), "USDT", NOW.toEpochMilli(), amount.hashCode(), "");
    }
}
