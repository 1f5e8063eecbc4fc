package com.novaquant.history;

import java.time.YearMonth;

/**
 * Relative paths of data.binance.vision's monthly files, written with {@code /} so that the same string names a file
 * under a local mirror root and under the web site's base URI. Each zip holds one CSV of the same base name, and
 * beside it a {@code .CHECKSUM} file: {@code <sha256 hex>  <zip file name>} and a newline.
 */
public final class BulkLayout {

    private static final String ZIP = ".zip";

    private BulkLayout() {
    }

    /** E.g. {@code data/futures/um/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-2024-01.zip}. */
    public static String fundingZip(String symbol, YearMonth month) {
        return zip(BulkDataset.FUNDING, symbol, month);
    }

    /** E.g. {@code data/spot/monthly/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01.zip}. */
    public static String klineZip(Market market, String symbol, YearMonth month) {
        return zip(BulkDataset.klines(market), symbol, month);
    }

    /** One month of one dataset for one symbol. */
    public static String zip(BulkDataset dataset, String symbol, YearMonth month) {
        return dataset.symbolFolder(symbol) + "/" + symbol + "-" + dataset.fileTag() + "-" + month + ZIP;
    }

    /** The checksum file published beside a zip. */
    public static String checksumOf(String zip) {
        return zip + ".CHECKSUM";
    }

    /** The CSV a zip holds, or its extracted copy beside the zip: the same path ending in {@code .csv}. */
    public static String csvOf(String zip) {
        if (!zip.endsWith(ZIP)) {
            throw new IllegalArgumentException("not a zip path: " + zip);
        }
        return zip.substring(0, zip.length() - ZIP.length()) + ".csv";
    }

    /** The last part of a relative path. */
    public static String fileName(String relative) {
        return relative.substring(relative.lastIndexOf('/') + 1);
    }
}
