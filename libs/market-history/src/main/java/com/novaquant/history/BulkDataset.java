package com.novaquant.history;

/**
 * The three monthly datasets of data.binance.vision a carry backtest needs, with the folders they live in. The
 * folders are the remote tree's own, so that a local mirror and the web site share every relative path.
 */
public enum BulkDataset {
    /** A USD-M perpetual's settled funding rates. */
    FUNDING("data/futures/um/monthly/fundingRate", "", "fundingRate"),
    /** Spot 1-minute klines: no header line, and open/close times in microseconds from 2025 on. */
    SPOT_KLINES_1M("data/spot/monthly/klines", "/1m", "1m"),
    /** USD-M perpetual 1-minute klines, with a header line. */
    USDM_KLINES_1M("data/futures/um/monthly/klines", "/1m", "1m");

    private final String directory;
    private final String symbolSubfolder;
    private final String fileTag;

    BulkDataset(String directory, String symbolSubfolder, String fileTag) {
        this.directory = directory;
        this.symbolSubfolder = symbolSubfolder;
        this.fileTag = fileTag;
    }

    /** The 1-minute kline dataset of a market. */
    public static BulkDataset klines(Market market) {
        return market == Market.SPOT ? SPOT_KLINES_1M : USDM_KLINES_1M;
    }

    /** The folder holding one sub-folder per symbol, e.g. {@code data/spot/monthly/klines}. */
    public String directory() {
        return directory;
    }

    /** The folder holding one symbol's monthly files, e.g. {@code data/spot/monthly/klines/BTCUSDT/1m}. */
    public String symbolFolder(String symbol) {
        return directory + "/" + symbol + symbolSubfolder;
    }

    /** The middle part of the file names: {@code fundingRate} or the kline interval {@code 1m}. */
    String fileTag() {
        return fileTag;
    }
}
