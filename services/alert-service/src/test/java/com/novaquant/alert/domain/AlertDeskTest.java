package com.novaquant.alert.domain;

import com.novaquant.events.Alert;
import com.novaquant.events.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AlertDeskTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final DeskPolicy policy = new DeskPolicy(Duration.ofSeconds(60),
            new EscalationSchedule(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5))),
            new DigestSchedule(LocalTime.of(8, 0), ZoneOffset.UTC), 3);
    private final AlertDesk desk = new AlertDesk(policy, T0);
    private long ids;

    @Test
    void warningIsDueImmediatelyWithSound() {
        accept(Severity.WARNING, "FEED_LAG", "k1", T0);
        Delivery delivery = desk.next(T0).orElseThrow();
        assertThat(delivery.kind()).isEqualTo(Delivery.Kind.ALERT);
        assertThat(delivery.severity()).isEqualTo(Severity.WARNING);
        assertThat(delivery.silent()).isFalse();
    }

    @Test
    void criticalGoesBeforeWarningsThatArrivedEarlier() {
        accept(Severity.WARNING, "W", "w", T0);
        accept(Severity.CRITICAL, "C", "c", T0.plusSeconds(1));
        assertThat(desk.next(T0.plusSeconds(1)).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void anUnconfirmedDeliveryIsHandedOutUnchangedEvenWhenMoreArrives() {
        accept(Severity.WARNING, "W", "a", T0);
        Delivery first = desk.next(T0).orElseThrow();
        accept(Severity.WARNING, "W", "a", T0.plusSeconds(1));
        assertThat(desk.next(T0.plusSeconds(2))).contains(first);
    }

    @Test
    void identicalAlertsInsideTheWindowWaitAndThenGoOutAsOneWithTheirCount() {
        accept(Severity.WARNING, "FEED_LAG", "lag", T0);
        deliver(T0);
        accept(Severity.WARNING, "FEED_LAG", "lag", T0.plusSeconds(5));
        accept(Severity.WARNING, "FEED_LAG", "lag", T0.plusSeconds(6));
        accept(Severity.WARNING, "FEED_LAG", "lag", T0.plusSeconds(7));

        assertThat(desk.next(T0.plusSeconds(30))).isEmpty();
        Delivery collapsed = desk.next(T0.plusSeconds(61)).orElseThrow();
        assertThat(collapsed.groups()).singleElement().satisfies(g -> assertThat(g.count()).isEqualTo(3));
    }

    @Test
    void aHeldKeyDoesNotBlockOtherAlertsBehindIt() {
        accept(Severity.WARNING, "A", "a", T0);
        deliver(T0);
        accept(Severity.WARNING, "A", "a", T0.plusSeconds(1));
        accept(Severity.WARNING, "B", "b", T0.plusSeconds(2));
        Delivery next = desk.next(T0.plusSeconds(3)).orElseThrow();
        assertThat(next.groups()).extracting(AlertGroup::dedupKey).containsExactly("b");
    }

    @Test
    void aFloodIsPackedIntoFewMessagesWithoutDroppingAnyAlertAndInRaisedOrder() {
        for (int i = 0; i < 8; i++) {
            accept(Severity.CRITICAL, "C", "c" + i, T0.plusMillis(i));
        }
        int delivered = 0;
        int messages = 0;
        long previous = Long.MIN_VALUE;
        for (Optional<Delivery> next = desk.next(T0); next.isPresent() && next.get().kind() == Delivery.Kind.ALERT;
             next = desk.next(T0)) {
            for (PendingAlert alert : next.get().alerts()) {
                assertThat(alert.alert().atMs()).isGreaterThanOrEqualTo(previous);
                previous = alert.alert().atMs();
            }
            delivered += desk.delivered(next.get(), T0).size();
            messages++;
        }
        assertThat(delivered).isEqualTo(8);
        assertThat(messages).isEqualTo(3);
    }

    @Test
    void alertsAreOrderedByWhenTheyWereRaisedNotWhenTheyArrived() {
        accept(Severity.WARNING, "W", "late-arrival-raised-later", T0.plusSeconds(2));
        accept(Severity.WARNING, "W", "arrived-last-raised-first", T0.plusSeconds(1));
        Delivery delivery = desk.next(T0.plusSeconds(3)).orElseThrow();
        assertThat(delivery.groups()).extracting(AlertGroup::dedupKey)
                .containsExactly("arrived-last-raised-first", "late-arrival-raised-later");
    }

    @Test
    void deliveredCriticalEscalatesAtGrowingIntervalsUntilAcknowledged() {
        accept(Severity.CRITICAL, "LEG_RISK", "leg", T0);
        deliver(T0);
        assertThat(desk.unacknowledged()).isEqualTo(1);
        assertThat(desk.next(T0.plusSeconds(59))).isEmpty();

        Delivery reminder1 = desk.next(T0.plusSeconds(60)).orElseThrow();
        assertThat(reminder1.kind()).isEqualTo(Delivery.Kind.REMINDER);
        assertThat(desk.delivered(reminder1, T0.plusSeconds(60))).isEmpty();
        assertThat(desk.next(T0.plusSeconds(60 + 119))).isEmpty();
        Delivery reminder2 = desk.next(T0.plusSeconds(60 + 120)).orElseThrow();
        desk.delivered(reminder2, T0.plusSeconds(180));
        assertThat(desk.next(T0.plusSeconds(180 + 299))).isEmpty();
        Delivery reminder3 = desk.next(T0.plusSeconds(180 + 300)).orElseThrow();
        desk.delivered(reminder3, T0.plusSeconds(480));
        assertThat(desk.next(T0.plusSeconds(480 + 300))).as("the last interval repeats").isPresent();

        assertThat(desk.acknowledgeAll()).hasSize(1);
        assertThat(desk.next(T0.plusSeconds(10_000))).isEmpty();
        assertThat(desk.unacknowledged()).isZero();
    }

    @Test
    void acknowledgingDoesNotCoverCriticalsTheOperatorHasNotSeenYet() {
        accept(Severity.CRITICAL, "C", "not-yet-delivered", T0);
        assertThat(desk.acknowledgeAll()).isEmpty();
        assertThat(desk.pending(Severity.CRITICAL)).isEqualTo(1);
    }

    @Test
    void infoWaitsForTheDigestWhichIsSilentAndThenMovesToTheNextDay() {
        accept(Severity.INFO, "DAILY_SUMMARY", "sum", T0);
        accept(Severity.INFO, "FUNDING", "f", T0);
        accept(Severity.INFO, "FUNDING", "f", T0.plusSeconds(1));
        assertThat(desk.next(T0.plusSeconds(3600))).isEmpty();

        Instant digestTime = Instant.parse("2026-11-26T08:00:00Z");
        assertThat(desk.nextDigest()).isEqualTo(digestTime);
        Delivery digest = desk.next(digestTime).orElseThrow();
        assertThat(digest.kind()).isEqualTo(Delivery.Kind.DIGEST);
        assertThat(digest.silent()).isTrue();
        assertThat(digest.alertCount()).isEqualTo(3);
        assertThat(desk.delivered(digest, digestTime)).hasSize(3);
        assertThat(desk.nextDigest()).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
    }

    @Test
    void criticalsRestoredAfterARestartEscalateAgain() {
        PendingAlert restored = new PendingAlert(41, alert(Severity.CRITICAL, "LEG_RISK", "leg", T0));
        desk.restoreUnacknowledged(List.of(restored), T0);
        assertThat(desk.unacknowledged()).isEqualTo(1);
        assertThat(desk.next(T0.plusSeconds(60)).orElseThrow().kind()).isEqualTo(Delivery.Kind.REMINDER);
    }

    @Test
    void alertWithoutSeverityIsTreatedAsWarningAndWithoutKeyAsUnique() {
        PendingAlert odd = new PendingAlert(5, new Alert(null, "x", "ODD", "odd", null, T0.toEpochMilli()));
        assertThat(odd.severity()).isEqualTo(Severity.WARNING);
        assertThat(odd.dedupKey()).isEqualTo("#5");
    }

    private void deliver(Instant now) {
        desk.delivered(desk.next(now).orElseThrow(), now);
    }

    private void accept(Severity severity, String code, String key, Instant at) {
        desk.accept(new PendingAlert(++ids, alert(severity, code, key, at)));
    }

    private static Alert alert(Severity severity, String code, String key, Instant at) {
        return new Alert(severity, "test", code, code + " text", key, at.toEpochMilli());
    }
}
