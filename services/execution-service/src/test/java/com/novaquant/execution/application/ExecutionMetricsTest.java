package com.novaquant.execution.application;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ExecutionMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ExecutionMetrics metrics = new ExecutionMetrics(registry);

    @Test
    void everyLegRiskResolutionIsCountedAtZeroFromStart() {
        assertThat(ExecutionMetrics.LEG_RISK_RESOLUTIONS).containsExactlyInAnyOrder("REHEDGED", "UNWOUND", "UNRESOLVED");
        for (String resolution : ExecutionMetrics.LEG_RISK_RESOLUTIONS) {
            assertThat(registry.get("nova.execution.leg.risk.episodes").tag("resolution", resolution).counter().count())
                    .isZero();
        }
        assertThat(registry.get("nova.execution.naked.time").timer().count()).isZero();
        assertThat(registry.get("nova.execution.hedge.completion").timer().count()).isZero();
    }

    @Test
    void holdsAreGaugedByLevelAndFollowTheGate() {
        TradingGate gate = new TradingGate();
        metrics.holds(gate);
        assertThat(registry.get("nova.execution.holds").tag("level", "HALTED").gauge().value()).isZero();
        gate.halt("reconcile:positions", "mismatch");
        gate.haltSymbol("pair:p-1", "ETHUSDT", "broken");
        gate.freeze("account", "Hedge Mode");
        assertThat(registry.get("nova.execution.holds").tag("level", "HALTED").gauge().value()).isEqualTo(2);
        assertThat(registry.get("nova.execution.holds").tag("level", "FROZEN").gauge().value()).isEqualTo(1);
        gate.lift("account");
        assertThat(registry.get("nova.execution.holds").tag("level", "FROZEN").gauge().value()).isZero();
    }

    @Test
    void everyRefusalReasonIsCountedAtZeroFromStart() {
        assertThat(ExecutionMetrics.REFUSAL_REASONS).contains("KILL_SWITCH", "STALE_QUOTES", "LEVERAGE", "BELOW_STEP");
        for (String reason : ExecutionMetrics.REFUSAL_REASONS) {
            assertThat(registry.get("nova.execution.pretrade.refusals").tag("reason", reason).counter().count()).isZero();
        }
    }

    @Test
    void everyAccountReadTriggerAndOutcomeIsCountedAtZeroFromStart() {
        for (AccountBook.Trigger trigger : AccountBook.Trigger.values()) {
            for (String outcome : new String[]{"OK", "FAILED"}) {
                assertThat(registry.get("nova.execution.account.reads").tag("trigger", trigger.name())
                        .tag("outcome", outcome).counter().count()).isZero();
            }
        }
        assertThat(registry.get("nova.execution.signal.received.to.orders").timer().count()).isZero();
    }

    @Test
    void fundingReceivedStartsAtZeroAndAccumulates() {
        assertThat(registry.get("nova.execution.funding.received").counter().count()).isZero();
        metrics.fundingReceived(1.5);
        metrics.fundingReceived(-0.5);
        assertThat(registry.get("nova.execution.funding.received").counter().count()).isEqualTo(1.0);
    }

    @Test
    void recordingUsesThePreRegisteredMeters() {
        metrics.legRisk("UNWOUND", 250);
        metrics.refusal("STALE_QUOTES");
        assertThat(registry.get("nova.execution.leg.risk.episodes").tag("resolution", "UNWOUND").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("nova.execution.naked.time").timer().count()).isEqualTo(1);
        assertThat(registry.get("nova.execution.pretrade.refusals").tag("reason", "STALE_QUOTES").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void cachedGaugeReadsItsSourceOncePerMaxAge() {
        AtomicInteger reads = new AtomicInteger();
        metrics.cachedGauge("nova.execution.test.cached", Duration.ofHours(1), reads::incrementAndGet);
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("nova.execution.test.cached") == 1.0);
        assertThat(gauge("nova.execution.test.cached")).isEqualTo(1.0);
        assertThat(reads.get()).isEqualTo(1);
    }

    @Test
    @Timeout(30)
    void aLedgerGaugeAnswersAtOnceWhileItsDatabaseHangs() throws InterruptedException {
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch databaseBack = new CountDownLatch(1);
        metrics.cachedGauge("nova.execution.test.hanging", Duration.ZERO, () -> {
            if (reads.incrementAndGet() > 1) {
                awaitQuietly(databaseBack);
            }
            return reads.get();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("nova.execution.test.hanging") == 1.0);

        // Every later recomputation hangs: scrapes still answer, with the last value, and start no second query.
        gauge("nova.execution.test.hanging");
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.get() == 2);
        for (int i = 0; i < 50; i++) {
            assertThat(gauge("nova.execution.test.hanging")).isEqualTo(1.0);
        }
        assertThat(reads.get()).isEqualTo(2);

        databaseBack.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("nova.execution.test.hanging") >= 2.0);
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
