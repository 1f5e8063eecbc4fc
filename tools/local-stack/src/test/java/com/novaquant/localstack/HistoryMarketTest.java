package com.novaquant.localstack;

import com.novaquant.history.DemoData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryMarketTest {

    @TempDir
    Path work;

    @Test
    void withoutAMirrorTheDemoHistoryIsWrittenOnceAndEveryProcessTradesAllItsSymbols() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

        Path mirror = HistoryMarket.mirror(null, work, out);
        HistoryMarket.mirror(null, work, out);

        assertThat(console.toString(StandardCharsets.UTF_8)).containsOnlyOnce("demo history written");
        Map<String, List<String>> properties = HistoryMarket.properties(mirror);
        String symbols = String.join(",", DemoData.Spec.demo().symbols().stream().sorted().toList());
        assertThat(properties.get(DeskConfig.SIMULATOR)).contains("--nova.simulator.symbols=" + symbols,
                "--nova.simulator.history.dir=" + mirror);
        for (String service : DeskConfig.SERVICES) {
            assertThat(properties.get(service)).containsExactly("--nova.symbols=" + symbols);
        }
    }

    @Test
    void aMirrorWithoutFilesIsRefusedNamingWhereItLooked() throws Exception {
        Path empty = Files.createDirectories(work.resolve("empty"));
        assertThatThrownBy(() -> HistoryMarket.properties(empty)).hasMessageContaining(empty.resolve("data").toString());
    }
}
