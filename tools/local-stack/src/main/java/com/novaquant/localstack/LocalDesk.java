package com.novaquant.localstack;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code ./nq run}: the whole desk on this machine, paper trading against the exchange simulator.
 *
 * <pre>
 *   --market synthetic|live|history   the simulator's own market (default), Binance's real public streams, or
 *                                     Binance's bulk files played back (the demo history unless --history-dir)
 *   --history-dir DIR                 with history: a bulk-file mirror (./nq backtest fetch writes one)
 *   --universe                        trade a carry universe chosen from every listed symbol
 *   --work-dir DIR                    logs and state (default .local-stack/)
 * </pre>
 * A real Telegram bot is used when TELEGRAM_BOT_TOKEN and NOVA_TELEGRAM_CHAT_IDS are set; otherwise a local sink
 * prints what would be sent. Ctrl-C stops everything.
 */
public final class LocalDesk {

    private LocalDesk() {
    }

    public static void main(String[] args) {
        LocalDeskOptions options;
        try {
            options = LocalDeskOptions.parse(args);
        } catch (LocalDeskOptions.UsageException e) {
            System.err.println("./nq run: " + e.getMessage());
            System.err.println(LocalDeskOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LocalDeskOptions.USAGE);
            return;
        }
        String market = options.market();
        Path workDir = options.workDir();
        String token = System.getenv("TELEGRAM_BOT_TOKEN");
        String chats = System.getenv().getOrDefault("NOVA_TELEGRAM_CHAT_IDS", "100001");
        String password = System.getenv().getOrDefault("NOVA_ADMIN_PASSWORD", randomPassword());
        Map<String, List<String>> extra = new HashMap<>();
        if (market.equals("history")) {
            extra.putAll(HistoryMarket.properties(HistoryMarket.mirror(options.historyDir(), workDir, System.out)));
        }
        if (market.equals("synthetic")) {
            // Funding passes in minutes, and a spike arrives early, so that something happens in the first minutes.
            // At 60x an 8 h funding interval passes in 8 minutes; the spike starts half a minute in and lasts three
            // (the services, up within about a minute, meet it in full: the first pair opens within two minutes), and
            // a negative-funding hour follows later, so both opening and closing happen.
            extra.put(DeskConfig.SIMULATOR, List.of("--nova.simulator.clock-speed=60",
                    "--nova.simulator.funding.spike-start=30m", "--nova.simulator.funding.spike-duration=3h",
                    "--nova.simulator.funding.negative-start=6h", "--nova.simulator.funding.negative-duration=1h"));
        }
        if (options.universe()) {
            // A funding rotation passes through the 26 symbols in eight hours of market time: eight minutes at 60x.
            extra = UniverseDesk.merged(extra, UniverseDesk.properties(Duration.ofSeconds(15), Duration.ofHours(8)));
        }
        DeskConfig config = new DeskConfig(Path.of("").toAbsolutePath(), workDir.toAbsolutePath(), market, 9092, 5432,
                DeskConfig.defaultPorts(), token == null || token.isBlank() ? null : token, chats, password, extra, List.of());

        writePrivately(config.workDir().resolve("admin-password"), password);

        Desk desk = new Desk(config, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[desk] stopping...");
            quietKafkaShutdown();
            desk.close();
            System.out.println("[desk] stopped");
        }, "desk-shutdown"));
        desk.start(Duration.ofMinutes(3));
        writeKafkaClientConfig(config.workDir().resolve("kafka-client.properties"), desk.kafkaClientProperties());
        banner(config, options.universe());
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void banner(DeskConfig config, boolean universe) {
        String admin = "curl -u operator:$(cat " + config.workDir().resolve("admin-password") + ") http://localhost:" + config.port(DeskConfig.EXECUTION);
        System.out.println("""

                ============================ Nova Quant local desk (PAPER) ============================
                 market         %s (exchange simulator on http://localhost:%d)
                 symbols        %s
                 admin API      %s/admin/status   (user operator, password below)
                                .../admin/pairs  .../admin/pnl?hours=24  POST .../admin/kill-switch/{engage,freeze,release}
                 admin password in %s (or set NOVA_ADMIN_PASSWORD before starting)
                 metrics        http://localhost:{9081,9082,9083,9084}/actuator/prometheus   (management ports)
                 health         http://localhost:{9081,9082,9083,9084}/actuator/health, or /livez and /readyz on 8081-8084
                 Kafka          localhost:%d, SASL/SCRAM, one user per service; an administrator's client settings
                                for Kafka's console tools (--command-config / --consumer.config) in %s
                 simulator      http://localhost:%d/admin/faults/... (see services/exchange-simulator/README.md)
                 Telegram       %s
                 logs           %s/*.log
                 Ctrl-C stops everything.
                =======================================================================================
                """.formatted(config.market(), config.port(DeskConfig.SIMULATOR),
                universe ? "a carry universe of up to " + UniverseDesk.SIZE + " pairs chosen from every listed symbol: "
                        + "curl -u operator:... http://localhost:" + config.port(DeskConfig.SIGNAL) + "/admin/universe"
                        : "the fixed list (nova.symbols); --universe trades the best carries of every listed symbol",
                admin, config.workDir().resolve("admin-password"),
                config.kafkaPort(), config.workDir().resolve("kafka-client.properties"),
                config.port(DeskConfig.SIMULATOR),
                config.telegramToken() == null ? "local sink, messages printed here as [telegram -> chat ...]" : "real bot",
                config.workDir()));
    }

    /**
     * Kafka's test kit deletes its log directories in its own shutdown hook, racing the broker's orderly stop; the
     * errors that race prints are noise once the desk is stopping.
     */
    private static void quietKafkaShutdown() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger("kafka").setLevel(ch.qos.logback.classic.Level.OFF);
            context.getLogger("org.apache.kafka").setLevel(ch.qos.logback.classic.Level.OFF);
            context.getLogger("state.change.logger").setLevel(ch.qos.logback.classic.Level.OFF);
        }
    }

    /** The broker's administrator login as a properties file, readable by its owner only (it holds a password). */
    private static void writeKafkaClientConfig(Path file, Map<String, Object> client) {
        java.util.Properties properties = new java.util.Properties();
        client.forEach((key, value) -> properties.setProperty(key, value.toString()));
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            properties.store(text, "Kafka administrator of this local desk; new on every start");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        writePrivately(file, text.toString().strip());
    }

    /** The password goes to a file only its owner can read, never to the console or a log. */
    private static void writePrivately(Path file, String secret) {
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.deleteIfExists(file);
            java.nio.file.Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            java.nio.file.Files.writeString(file, secret + System.lineSeparator());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[9];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
