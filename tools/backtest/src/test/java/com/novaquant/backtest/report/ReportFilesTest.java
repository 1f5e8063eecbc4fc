package com.novaquant.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @Test
    void writesTheThreeRenderingsUnderTheBaseName(@TempDir Path dir) throws Exception {
        BacktestReport report = SampleReports.small();
        Path target = dir.resolve("reports").resolve("q1");

        ReportFiles.Written written = ReportFiles.write(target, "carry-q1", report);

        assertThat(written.markdown()).isEqualTo(target.resolve("carry-q1.md"));
        assertThat(written.json()).isEqualTo(target.resolve("carry-q1.json"));
        assertThat(written.html()).isEqualTo(target.resolve("carry-q1.html"));
        assertThat(Files.readString(written.markdown())).isEqualTo(MarkdownReport.render(report));
        assertThat(JsonReport.read(Files.readString(written.json()))).isEqualTo(report);
        assertThat(Files.readString(written.html())).isEqualTo(HtmlReport.render(report));
    }

    @Test
    void aBaseNameWithADirectoryInItIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> ReportFiles.write(dir, "../escape", SampleReports.small()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.getParent().resolve("escape.md")).doesNotExist();
    }
}
