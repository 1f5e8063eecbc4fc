package com.novaquant.localstack;

import com.novaquant.history.BulkReader;
import com.novaquant.history.DemoData;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./nq run --market history}: the simulator plays Binance's bulk files (the backtest's own input) as its
 * market, and the services trade every symbol the files hold. Without a mirror of its own the desk plays the
 * generated demo history (twelve symbols, a week of March 2024), written once under the work directory.
 */
final class HistoryMarket {

    /** History minutes per wall second: an hour of history per minute, a funding interval in eight. */
    static final int SPEED = 60;

    private HistoryMarket() {
    }

    /** The mirror to play: the given one, or the demo history under {@code workDir} (written when absent). */
    static Path mirror(Path given, Path workDir, PrintStream console) {
        if (given != null) {
            return given.toAbsolutePath();
        }
        Path demo = workDir.resolve("history").toAbsolutePath();
        DemoData.Spec spec = DemoData.Spec.demo();
        if (!new BulkReader(demo.resolve("data")).symbols().containsAll(spec.symbols())) {
            DemoData.write(demo.resolve("data"), spec);
            console.println("[desk] demo history written to " + demo + " (" + spec.symbols().size() + " symbols, "
                    + spec.days() + " days of " + spec.from() + ")");
        }
        return demo;
    }

    /** Every process's properties to play {@code mirror} and trade all of its symbols. */
    static Map<String, List<String>> properties(Path mirror) {
        List<String> symbols = new BulkReader(mirror.resolve("data")).symbols().stream().sorted().toList();
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("no bulk files under " + mirror.resolve("data")
                    + " (fetch some with ./nq backtest fetch)");
        }
        String list = String.join(",", symbols);
        Map<String, List<String>> properties = new HashMap<>();
        properties.put(DeskConfig.SIMULATOR, List.of("--nova.simulator.symbols=" + list,
                "--nova.simulator.history.dir=" + mirror, "--nova.simulator.history.speed=" + SPEED,
                "--nova.simulator.history.loop=true"));
        for (String service : DeskConfig.SERVICES) {
            properties.put(service, new ArrayList<>(List.of("--nova.symbols=" + list)));
        }
        return properties;
    }
}
