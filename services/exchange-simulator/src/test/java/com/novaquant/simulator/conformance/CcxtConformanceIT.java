package com.novaquant.simulator.conformance;

import com.novaquant.simulator.ExchangeSimulatorApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The simulator as ccxt sees it: {@code src/test/ccxt/conformance.mjs} drives a simulator on a random port with ccxt's
 * own Binance clients (spot and USD-M, the version pinned in {@code src/test/ccxt/package.json}) through every call a
 * trading bot such as Freqtrade makes, and each Binance error ccxt must recognise. Its table is echoed here; any FAIL
 * row fails the test with the table in the message.
 *
 * <p>Needs Node.js 20.19+ and npm on the PATH (the test fails, it does not skip, without them). The pinned ccxt is
 * installed with {@code npm ci} when {@code src/test/ccxt/node_modules} lacks it or holds another version.
 *
 * <p>A simulator of its own (a configuration no other test shares, closed afterwards), so the paper account starts
 * with Binance's defaults: One-way Mode, cross margin, USDT only.
 */
@SpringBootTest(classes = ExchangeSimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "nova.simulator.quote-rate=20",
                "nova.simulator.seed=11",
                "nova.simulator.accounts[0].api-key=" + CcxtConformanceIT.KEY,
                "nova.simulator.accounts[0].secret=" + CcxtConformanceIT.SECRET
        })
@DirtiesContext
class CcxtConformanceIT {

    static final String KEY = "ccxt-paper-key";
    static final String SECRET = "ccxt-paper-secret";
    private static final long INSTALL_TIMEOUT_SECONDS = 300;
    private static final long RUN_TIMEOUT_SECONDS = 180;
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    @LocalServerPort
    int port;

    @Test
    void ccxtSpotAndUsdmClientsGetBinancesAnswerToEveryCall() throws Exception {
        Path dir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("src/test/ccxt").normalize();
        requireNode(dir);
        installPinnedCcxt(dir);

        Run run = run(dir, RUN_TIMEOUT_SECONDS, Map.of(
                        "SIMULATOR_BASE_URL", "http://127.0.0.1:" + port,
                        "SIMULATOR_API_KEY", KEY,
                        "SIMULATOR_API_SECRET", SECRET),
                "node", "conformance.mjs");
        System.out.println(run.output());

        if (run.timedOut()) {
            fail("ccxt conformance did not finish within " + RUN_TIMEOUT_SECONDS + " s (node was stopped):\n" + run.output());
        }
        if (run.exitCode() != 0) {
            fail("ccxt conformance failed (exit " + run.exitCode() + "); FAIL rows:\n" + failedRows(run.output())
                    + "\nFull table:\n" + run.output());
        }
    }

    private static void requireNode(Path dir) throws Exception {
        Run version;
        try {
            version = run(dir, 30, Map.of(), "node", "--version");
        } catch (IOException e) {
            fail("Node.js is required for the ccxt conformance suite and was not found on the PATH (" + e.getMessage()
                    + "). Install Node.js 20.19 or newer with npm.");
            return;
        }
        Matcher m = Pattern.compile("v(\\d+)\\.(\\d+)").matcher(version.output());
        if (version.exitCode() != 0 || !m.find()) {
            fail("`node --version` did not answer a version: " + version.output());
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < 20 || (major == 20 && minor < 19)) {
            fail("The ccxt conformance suite needs Node.js 20.19 or newer, found " + version.output().trim());
        }
    }

    /** Runs {@code npm ci} unless node_modules already holds the ccxt version package.json pins. */
    private static void installPinnedCcxt(Path dir) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        String pinned = json.readTree(dir.resolve("package.json").toFile()).path("dependencies").path("ccxt").asString();
        Path installedManifest = dir.resolve("node_modules/ccxt/package.json");
        String installed = Files.exists(installedManifest)
                ? json.readTree(installedManifest.toFile()).path("version").asString() : null;
        if (pinned.equals(installed)) {
            return;
        }
        System.out.println("Installing ccxt " + pinned + " (found " + (installed == null ? "none" : installed) + ") with npm ci in " + dir);
        Run install;
        try {
            install = run(dir, INSTALL_TIMEOUT_SECONDS, Map.of(), WINDOWS ? "npm.cmd" : "npm", "ci", "--no-audit", "--no-fund");
        } catch (IOException e) {
            fail("npm is required to install ccxt " + pinned + " for the conformance suite and was not found on the PATH ("
                    + e.getMessage() + ").");
            return;
        }
        if (install.timedOut() || install.exitCode() != 0) {
            fail("npm ci in " + dir + (install.timedOut() ? " timed out" : " failed (exit " + install.exitCode() + ")") + ":\n" + install.output());
        }
    }

    private static String failedRows(String table) {
        StringBuilder out = new StringBuilder();
        table.lines().filter(l -> l.matches("^[^|]+\\|[^|]+\\| FAIL .*")).forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    private record Run(int exitCode, boolean timedOut, String output) {
    }

    /** Runs a command in {@code dir}, stdout and stderr together; stops it (and its children) on timeout. */
    private static Run run(Path dir, long timeoutSeconds, Map<String, String> env, String... command) throws Exception {
        File log = Files.createTempFile("ccxt-conformance", ".log").toFile();
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log);
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            return new Run(finished ? process.exitValue() : -1, !finished, output);
        } finally {
            Files.deleteIfExists(log.toPath());
        }
    }
}
