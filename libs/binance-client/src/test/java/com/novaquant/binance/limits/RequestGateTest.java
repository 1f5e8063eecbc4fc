package com.novaquant.binance.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.novaquant.binance.filters.RateLimitRule;
import com.novaquant.binance.outcome.NotSent;
import com.novaquant.binance.outcome.NotSentReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RequestGateTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:30Z"));
    private final BanState ban = new BanState(now::get);

    private RequestGate gate(List<RateLimitRule> rules) {
        return new RequestGate("spot", ban, now::get, rules, 1.0, Duration.ofSeconds(15));
    }

    @Test
    void rateLimitsWithUnknownIntervalsOrNoLimitAreIgnoredNotFatal() {
        RequestGate gate = gate(List.of(new RateLimitRule("REQUEST_WEIGHT", "FORTNIGHT", 1, 10),
                new RateLimitRule("ORDERS", "SECOND", 10, 0),
                new RateLimitRule("ORDERS", "SECOND", 10, 1)));

        assertThat(gate.admit(1, true)).isEmpty();
        assertThat(gate.admit(1, true)).hasValueSatisfying(n -> assertThat(n.reason())
                .isEqualTo(NotSentReason.RATE_LIMITED));
    }

    @Test
    void aBanOnOneGateRefusesEveryGateSharingTheBanState() {
        RequestGate spot = gate(List.of());
        RequestGate futures = new RequestGate("usdm", ban, now::get, List.of(), 1.0, Duration.ofSeconds(15));

        ban.banUntil(now.get().plusSeconds(120));

        Optional<NotSent> refused = futures.admit(0, true);
        assertThat(refused).hasValueSatisfying(n -> {
            assertThat(n.reason()).isEqualTo(NotSentReason.BANNED);
            assertThat(n.retryAfter()).contains(Instant.parse("2026-11-25T10:02:30Z"));
        });
        assertThat(spot.admit(1, false)).isPresent();
        now.set(now.get().plusSeconds(121));
        assertThat(futures.admit(0, true)).isEmpty();
    }

    @Test
    void aShorterRetryAfterNeverShortensALongerOne() {
        RequestGate gate = gate(List.of());

        gate.retryAfter(Duration.ofSeconds(60));
        gate.retryAfter(Duration.ofSeconds(5));
        now.set(now.get().plusSeconds(30));

        assertThat(gate.admit(1, false)).hasValueSatisfying(n ->
                assertThat(n.retryAfter()).contains(Instant.parse("2026-11-25T10:01:30Z")));
    }

    @Test
    void usedWeightBelowTheHeadroomDoesNotBlock() {
        RequestGate gate = gate(List.of(new RateLimitRule("REQUEST_WEIGHT", "MINUTE", 1, 1000)));

        gate.observeUsedWeight(949);
        assertThat(gate.admit(1, false)).isEmpty();
        gate.observeUsedWeight(950);
        assertThat(gate.admit(1, false)).isPresent();
        assertThat(gate.admit(0, true)).as("weightless USD-M placements still pass").isEmpty();
    }
}
