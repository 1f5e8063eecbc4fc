package com.novaquant.localstack;

import java.nio.file.Path;

/**
 * The command line of {@code ./nq run}. A mistake is answered with what was wrong and the usage, never a stack trace.
 *
 * @param market     {@code synthetic} (the simulator's own market), {@code live} (Binance's real public streams) or
 *                   {@code history} (Binance's bulk files played back)
 * @param historyDir with {@code history}: the bulk-file mirror to play (the folder holding {@code data/}); null plays
 *                   the generated demo history
 * @param workDir  logs and state
 * @param universe trade a carry universe chosen from every listed symbol, instead of the fixed BTCUSDT and ETHUSDT
 * @param help     only the usage was asked for
 */
record LocalDeskOptions(String market, Path historyDir, Path workDir, boolean universe, boolean help) {

    static final String USAGE = "usage: ./nq run [--market synthetic|live|history] [--history-dir DIR] [--universe] [--work-dir DIR]";

    /** A command line that cannot be run: {@link #getMessage()} says why, for the user. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static LocalDeskOptions parse(String... args) throws UsageException {
        String market = "synthetic";
        Path workDir = Path.of(".local-stack");
        boolean universe = false;
        Path historyDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--market" -> market = value(args, ++i, "--market");
                case "--work-dir" -> workDir = Path.of(value(args, ++i, "--work-dir"));
                case "--universe" -> universe = true;
                case "--history-dir" -> historyDir = Path.of(value(args, ++i, "--history-dir"));
                case "--help", "-h" -> {
                    return new LocalDeskOptions(market, historyDir, workDir, universe, true);
                }
                default -> throw new UsageException("unknown argument '" + args[i] + "'");
            }
        }
        if (!market.equals("synthetic") && !market.equals("live") && !market.equals("history")) {
            throw new UsageException("--market must be synthetic, live or history, not '" + market + "'");
        }
        if (historyDir != null && !market.equals("history")) {
            throw new UsageException("--history-dir goes with --market history");
        }
        if (universe && !market.equals("synthetic")) {
            throw new UsageException("--universe runs on the synthetic market only (the simulator relays the live "
                    + "streams of a fixed list)");
        }
        return new LocalDeskOptions(market, historyDir, workDir, universe, false);
    }

    private static String value(String[] args, int at, String option) throws UsageException {
        if (at >= args.length || args[at].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[at];
    }
}
