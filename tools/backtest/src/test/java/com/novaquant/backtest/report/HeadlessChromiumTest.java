package com.novaquant.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser runner's own promises: a page that never finishes is given up on, and nothing is left behind. */
class HeadlessChromiumTest {

    @Test
    void aPageThatNeverFinishesIsStoppedWithEveryChromiumProcessAndItsProfile(@TempDir Path dir) throws Exception {
        Path page = Files.writeString(dir.resolve("spin.html"),
                "<!DOCTYPE html><html><body><script>while (true) {}</script></body></html>");
        List<Path> workDirsBefore = workDirs();

        assertThatThrownBy(() -> HeadlessChromium.dumpDom(page, Duration.ofSeconds(3)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("did not finish within 3 s");

        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::info))
                .isEmpty();
        assertThat(workDirs()).isEqualTo(workDirsBefore);
    }

    private static List<Path> workDirs() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(path -> path.getFileName().toString().startsWith(HeadlessChromium.WORK_DIR_PREFIX))
                    .sorted()
                    .toList();
        }
    }
}
