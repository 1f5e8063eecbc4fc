package com.novaquant.history;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * Writes one demo coin's months: spot and USD-M 1-minute klines from one hidden price path (the perpetual at the
 * spot price times one plus a mean-reverting basis) and the funding settled on the way. The path runs on across the
 * months, so that a range reads as one market whatever its days limit.
 */
final class DemoCoinWriter {

    private static final long MINUTE_MS = 60_000L;
    private static final int MINUTES_PER_DAY = 1_440;
    /** Binance writes spot kline times in microseconds from January 2025 on. */
    private static final YearMonth SPOT_MICROSECONDS_FROM = YearMonth.of(2025, 1);

    private final DemoCoin coin;
    private final Path root;
    private final Random random;
    private final long totalMinutes;
    private final double minuteVolatility;
    private final DemoFundingRates funding;
    private final DemoScales spotScales;
    private final DemoScales perpScales;
    private final DemoCandleMaker spotCandles;
    private final DemoCandleMaker perpCandles;
    private double spot;
    private double basis;
    private long minutesDone;

    DemoCoinWriter(DemoCoin coin, Path root, long seed, long totalMinutes) {
        this.coin = coin;
        this.root = root;
        this.random = new Random(seed * 1_000_003L + coin.symbol().hashCode());
        this.totalMinutes = totalMinutes;
        this.minuteVolatility = coin.dailyVolatility() / Math.sqrt(MINUTES_PER_DAY);
        this.funding = new DemoFundingRates(coin);
        this.spot = coin.startPrice();
        this.basis = funding.basisTarget();
        this.spotScales = DemoScales.spot(spot);
        this.perpScales = DemoScales.usdm(spot);
        this.spotCandles = new DemoCandleMaker(spotScales, spot, coin.dailySpotVolume(), 400, minuteVolatility);
        this.perpCandles = new DemoCandleMaker(perpScales, spot * (1 + basis), 4 * coin.dailySpotVolume(), 1_500,
                minuteVolatility);
    }

    /** The month's first {@code days} days; returns the three zips written. */
    List<String> writeMonth(YearMonth month, int days) {
        String spotZip = BulkLayout.klineZip(Market.SPOT, coin.symbol(), month);
        String perpZip = BulkLayout.klineZip(Market.USDM, coin.symbol(), month);
        String fundingZip = BulkLayout.fundingZip(coin.symbol(), month);
        boolean spotInMicroseconds = !month.isBefore(SPOT_MICROSECONDS_FROM);
        long startMs = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        StringBuilder fundingLines = new StringBuilder(BulkCsv.FUNDING_HEADER).append('\n');
        StringBuilder line = new StringBuilder(192);
        try (BulkZipWriter spotFile = BulkZipWriter.open(root, spotZip);
             BulkZipWriter perpFile = BulkZipWriter.open(root, perpZip)) {
            perpFile.write(BulkCsv.KLINE_HEADER + "\n");
            for (int minute = 0; minute < days * MINUTES_PER_DAY; minute++) {
                long openMs = startMs + minute * MINUTE_MS;
                double progress = (double) minutesDone++ / totalMinutes;
                if (funding.settlesAt(openMs, progress)) {
                    fundingLines.append(openMs).append(',').append(funding.intervalHours()).append(',');
                    FixedPoint.append(fundingLines, funding.settle(progress, random), DemoFundingRates.RATE_SCALE)
                            .append('\n');
                }
                int minuteOfDay = minute % MINUTES_PER_DAY;
                double spotOpen = spot;
                double perpOpen = spot * (1 + basis);
                spot *= StrictMath.exp(minuteVolatility * random.nextGaussian());
                basis += 0.01 * (funding.basisTarget() - basis) + 0.00003 * random.nextGaussian();

                line.setLength(0);
                long spotTime = spotInMicroseconds ? openMs * 1_000 : openMs;
                long spotMinute = spotInMicroseconds ? MINUTE_MS * 1_000 : MINUTE_MS;
                spotCandles.next(spotOpen, spot, minuteOfDay, random)
                        .appendLine(line, spotTime, spotTime + spotMinute - 1, spotScales);
                spotFile.write(line);
                line.setLength(0);
                perpCandles.next(perpOpen, spot * (1 + basis), minuteOfDay, random)
                        .appendLine(line, openMs, openMs + MINUTE_MS - 1, perpScales);
                perpFile.write(line);
            }
        }
        try (BulkZipWriter fundingFile = BulkZipWriter.open(root, fundingZip)) {
            fundingFile.write(fundingLines);
        }
        return List.of(fundingZip, spotZip, perpZip);
    }
}
