package com.novaquant.alert.adapter.persistence;

import com.novaquant.alert.application.ConfirmationCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FileConfirmationStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final long ALICE = 7;
    private static final long BOB = 9;

    @TempDir
    Path dir;

    @Test
    void aCodeAskedForBeforeARestartIsConfirmedByAnotherOperatorAfterIt() {
        Path file = dir.resolve("confirmations.json");
        String code = new ConfirmationCodes(Duration.ofMinutes(2), true, new FileConfirmationStore(file))
                .issue(ALICE, ALICE, "telegram:7 (alice)", ConfirmationCodes.Action.FLATTEN, NOW);

        ConfirmationCodes restarted = new ConfirmationCodes(Duration.ofMinutes(2), true, new FileConfirmationStore(file));
        assertThat(restarted.redeem(code, BOB, BOB, NOW.plusSeconds(30)))
                .isEqualTo(new ConfirmationCodes.Redemption.Confirmed(ConfirmationCodes.Action.FLATTEN, ALICE,
                        "telegram:7 (alice)"));
    }

    @Test
    void aSpentCodeStaysSpentAcrossARestart() {
        Path file = dir.resolve("confirmations.json");
        ConfirmationCodes codes = new ConfirmationCodes(Duration.ofMinutes(2), false, new FileConfirmationStore(file));
        String code = codes.issue(ALICE, ALICE, "alice", ConfirmationCodes.Action.RESUME, NOW);
        assertThat(codes.redeem(code, ALICE, ALICE, NOW)).isInstanceOf(ConfirmationCodes.Redemption.Confirmed.class);

        ConfirmationCodes restarted = new ConfirmationCodes(Duration.ofMinutes(2), false, new FileConfirmationStore(file));
        assertThat(restarted.redeem(code, ALICE, ALICE, NOW)).isInstanceOf(ConfirmationCodes.Redemption.NoSuchCode.class);
    }

    @Test
    void anExpiredCodeIsNotRevivedByARestart() {
        Path file = dir.resolve("confirmations.json");
        String code = new ConfirmationCodes(Duration.ofMinutes(2), false, new FileConfirmationStore(file))
                .issue(ALICE, ALICE, "alice", ConfirmationCodes.Action.RESUME, NOW);
        ConfirmationCodes restarted = new ConfirmationCodes(Duration.ofMinutes(2), false, new FileConfirmationStore(file));
        assertThat(restarted.redeem(code, ALICE, ALICE, NOW.plus(Duration.ofMinutes(3))))
                .isInstanceOf(ConfirmationCodes.Redemption.NoSuchCode.class);
    }

    @Test
    void theFileHoldsNoCodeInPlainTextAndIsTheOwnersOnly() throws IOException {
        Path file = dir.resolve("confirmations.json");
        String code = new ConfirmationCodes(Duration.ofMinutes(2), false, new FileConfirmationStore(file))
                .issue(ALICE, ALICE, "alice", ConfirmationCodes.Action.RESUME, NOW);
        assertThat(Files.readString(file)).doesNotContain(code).contains("RESUME");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void anUnreadableFileStartsWithNoCodesInsteadOfFailing() throws IOException {
        Path file = dir.resolve("confirmations.json");
        Files.writeString(file, "{not json");
        assertThat(new FileConfirmationStore(file).load()).isEmpty();
    }
}
