package com.novaquant.backtest;

import java.io.PrintStream;

/** The backtest tool's entry point: {@code demo}, {@code run}, {@code fetch}, {@code sweep}, {@code sweep-report}. */
public final class BacktestCommand {

    private static final String USAGE = """
            Backtests of the carry rules on Binance's bulk history (docs/backtest.md).
              demo          [--dir DIR] [rules]      generate a week of demo history (offline) and backtest it
              run           --data DIR [--symbols A,B|all] [--from YYYY-MM] [--to YYYY-MM] [--out DIR] [rules]
              fetch         --data DIR --symbols A,B --from YYYY-MM [--to YYYY-MM] [--base-url URL]
              sweep         --data DIR --grid FILE --out DIR [--slice I --slices N] [--threads T]
              sweep-report  --in DIR --slices N [--out DIR] [--wait PT2H]
            rules: --entry 0.15 --exit 0 --holding-hours 168 --universe 5 --allocation BY_CARRY|EQUAL --capital 50000
            """;

    private BacktestCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "demo" : args[0];
        try {
            return switch (command) {
                case "demo" -> DemoCommand.run(args.length == 0 ? new String[]{"demo"} : args, out);
                case "run" -> RunCommand.run(args, out);
                case "fetch" -> FetchCommand.run(args, out);
                case "sweep" -> SweepCommand.run(args, out);
                case "sweep-report" -> SweepReportCommand.run(args, out);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> throw new Options.UsageException("unknown command '" + command + "'");
            };
        } catch (Options.UsageException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (Exception e) {
            err.println(command + " failed: " + e);
            return 1;
        }
    }
}
