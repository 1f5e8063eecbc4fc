package com.novaquant.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the local desk is laid out.
 *
 * @param repoRoot        the checkout (jars are found under each module's target/)
 * @param workDir         logs and state of this run
 * @param market          {@code synthetic} (the simulator's own market, with a funding spike early on) or {@code live}
 *                        (the simulator relays Binance's real public streams; orders still fill on the simulator)
 * @param kafkaPort       the embedded broker's port
 * @param postgresPort    the embedded PostgreSQL's port
 * @param ports           HTTP port per process name, and each service's management (actuator) port under
 *                        {@link #management(String) name.management}
 * @param telegramToken   a real bot token, or null to use the local Telegram sink
 * @param telegramChatIds chats to deliver to
 * @param adminPassword   the operators' admin API password for this run
 * @param extraProperties extra Spring properties per process name (tests inject faults and short intervals here)
 * @param extraJvmOptions extra JVM options for every child process (benchmarks add GC logging here)
 */
public record DeskConfig(
        Path repoRoot,
        Path workDir,
        String market,
        int kafkaPort,
        int postgresPort,
        Map<String, Integer> ports,
        String telegramToken,
        String telegramChatIds,
        String adminPassword,
        Map<String, List<String>> extraProperties,
        List<String> extraJvmOptions) {

    public static final String SIMULATOR = "simulator";
    public static final String INGESTION = "ingestion";
    public static final String SIGNAL = "signal";
    public static final String EXECUTION = "execution";
    public static final String ALERT = "alert";
    public static final int TELEGRAM_SINK_PORT = 8099;

    /** The four services: each serves actuator on a management port of its own (the simulator on its one port). */
    public static final List<String> SERVICES = List.of(INGESTION, SIGNAL, EXECUTION, ALERT);

    /** The services' own defaults (server.port and management.server.port of each application.yml). */
    public static Map<String, Integer> defaultPorts() {
        return Map.of(SIMULATOR, 8090, INGESTION, 8081, SIGNAL, 8082, EXECUTION, 8083, ALERT, 8084, "telegram", TELEGRAM_SINK_PORT,
                management(INGESTION), 9081, management(SIGNAL), 9082, management(EXECUTION), 9083, management(ALERT), 9084);
    }

    /** Free loopback ports for every process: for tests that run beside a developer's desk. */
    public static Map<String, Integer> freePorts() {
        Map<String, Integer> ports = new java.util.HashMap<>();
        for (String name : List.of(SIMULATOR, INGESTION, SIGNAL, EXECUTION, ALERT, "telegram")) {
            ports.put(name, com.novaquant.testsupport.FreePorts.next());
        }
        for (String name : SERVICES) {
            ports.put(management(name), com.novaquant.testsupport.FreePorts.next());
        }
        return Map.copyOf(ports);
    }

    /** The key of a process's management port in {@link #ports()}. */
    public static String management(String name) {
        return name + ".management";
    }

    /** The API (and admin API) port: no actuator there, only the probes' {@code /livez} and {@code /readyz}. */
    public int port(String name) {
        return ports.get(name);
    }

    /**
     * Where a process serves actuator ({@code /actuator/health}, {@code /actuator/prometheus}): its management port,
     * or its one port when it has none (the simulator).
     */
    public int managementPort(String name) {
        Integer port = ports.get(management(name));
        return port != null ? port : port(name);
    }

    public List<String> extra(String name) {
        return extraProperties.getOrDefault(name, List.of());
    }
}
