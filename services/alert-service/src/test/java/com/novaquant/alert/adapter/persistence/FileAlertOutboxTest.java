package com.novaquant.alert.adapter.persistence;

import com.novaquant.alert.application.AlertOutbox;
import com.novaquant.alert.application.IncomingAlert;
import com.novaquant.alert.domain.PendingAlert;
import com.novaquant.events.Alert;
import com.novaquant.events.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FileAlertOutboxTest {

    @TempDir
    Path dir;

    @Test
    void pendingAndUnacknowledgedAlertsSurviveARestartAndClosedOnesDoNot() {
        Path file = dir.resolve("outbox.jsonl");
        FileAlertOutbox first = new FileAlertOutbox(file, 1000);
        first.recover();
        List<PendingAlert> stored = first.append(List.of(
                incoming(Severity.WARNING, "w-sent", 0), incoming(Severity.WARNING, "w-pending", 1),
                incoming(Severity.CRITICAL, "c-sent", 2), incoming(Severity.CRITICAL, "c-acked", 3)));
        first.markSent(List.of(stored.get(0), stored.get(2), stored.get(3)));
        first.markAcknowledged(List.of(stored.get(3)));
        first.close();

        AlertOutbox.Recovered recovered = new FileAlertOutbox(file, 1000).recover();
        assertThat(recovered.pending()).extracting(p -> p.alert().dedupKey()).containsExactly("w-pending");
        assertThat(recovered.unacknowledged()).extracting(p -> p.alert().dedupKey()).containsExactly("c-sent");
    }

    @Test
    void aBatchConsumedAgainAfterACrashBeforeTheCommitIsNotStoredTwice() {
        Path file = dir.resolve("outbox.jsonl");
        FileAlertOutbox first = new FileAlertOutbox(file, 1000);
        first.recover();
        first.append(List.of(incoming(Severity.WARNING, "a", 7), incoming(Severity.WARNING, "b", 8)));
        first.close();

        FileAlertOutbox second = new FileAlertOutbox(file, 1000);
        second.recover();
        List<PendingAlert> again = second.append(List.of(incoming(Severity.WARNING, "a", 7),
                incoming(Severity.WARNING, "b", 8), incoming(Severity.WARNING, "c", 9)));
        assertThat(again).extracting(p -> p.alert().dedupKey()).containsExactly("c");
        assertThat(again.getFirst().id()).isEqualTo(3);
        assertThat(second.openCount()).isEqualTo(3);
    }

    @Test
    void aTornLastLineFromACrashMidWriteIsSkipped() throws Exception {
        Path file = dir.resolve("outbox.jsonl");
        FileAlertOutbox first = new FileAlertOutbox(file, 1000);
        first.recover();
        first.append(List.of(incoming(Severity.CRITICAL, "kept", 0)));
        first.close();
        Files.writeString(file, "{\"op\":\"add\",\"id\":2,\"partiti", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        AlertOutbox.Recovered recovered = new FileAlertOutbox(file, 1000).recover();
        assertThat(recovered.pending()).extracting(p -> p.alert().dedupKey()).containsExactly("kept");
    }

    @Test
    void compactionKeepsOnlyOpenAlertsAndTheOffsetsAlreadySeen() throws Exception {
        Path file = dir.resolve("outbox.jsonl");
        FileAlertOutbox outbox = new FileAlertOutbox(file, 5);
        outbox.recover();
        for (int i = 0; i < 20; i++) {
            List<PendingAlert> stored = outbox.append(List.of(incoming(Severity.WARNING, "k" + i, i)));
            if (i < 19) {
                outbox.markSent(stored);
            }
        }
        outbox.close();
        assertThat(Files.readAllLines(file)).hasSizeLessThan(15);

        FileAlertOutbox reopened = new FileAlertOutbox(file, 5);
        assertThat(reopened.recover().pending()).extracting(p -> p.alert().dedupKey()).containsExactly("k19");
        assertThat(reopened.append(List.of(incoming(Severity.WARNING, "old", 4)))).isEmpty();
        assertThat(reopened.append(List.of(incoming(Severity.WARNING, "new", 20)))).singleElement()
                .satisfies(p -> assertThat(p.id()).isEqualTo(21));
    }

    private static IncomingAlert incoming(Severity severity, String key, long offset) {
        return new IncomingAlert(new Alert(severity, "test", "CODE", "text " + key, key, 1_000 + offset),
                "nova.alerts-0", offset);
    }
}
