package com.novaquant.ingestion.application.scan;

import java.time.Duration;

/**
 * How the market scan runs.
 *
 * @param interval               time between scan starts
 * @param quoteAsset             the quote asset both markets of a symbol must have (USDT)
 * @param failuresBeforeAlert    consecutive failed scans before a WARNING goes out (once per streak)
 * @param spotWeightLimit        the spot REQUEST_WEIGHT limit per minute per IP
 * @param futuresWeightLimit     the USD-M REQUEST_WEIGHT limit per minute per IP
 * @param maxWeightShare         the share of each limit the scan may spend a minute; a longer interval is required at
 *                               start-up otherwise
 * @param skipAboveUsedWeightShare a scan is skipped when a call would take the venue's used weight of the current
 *                               minute above this share of its limit: the trading services share the IP's weight
 * @param publishTimeout         how long a scan waits for the broker to take it
 */
public record MarketScanSettings(Duration interval, String quoteAsset, int failuresBeforeAlert,
                                 int spotWeightLimit, int futuresWeightLimit, double maxWeightShare,
                                 double skipAboveUsedWeightShare, Duration publishTimeout) {

    public MarketScanSettings {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("nova.universe.scan-interval must be positive");
        }
        if (quoteAsset == null || quoteAsset.isBlank()) {
            throw new IllegalArgumentException("nova.universe.quote-asset is required");
        }
        if (failuresBeforeAlert < 1) {
            throw new IllegalArgumentException("nova.universe.scan-failures-before-alert must be at least 1");
        }
        if (spotWeightLimit < 1 || futuresWeightLimit < 1) {
            throw new IllegalArgumentException("the request weight limits must be positive");
        }
        if (!(maxWeightShare > 0 && maxWeightShare <= 1) || !(skipAboveUsedWeightShare > 0 && skipAboveUsedWeightShare <= 1)) {
            throw new IllegalArgumentException("weight shares must be in (0, 1]");
        }
        if (publishTimeout == null || publishTimeout.isNegative() || publishTimeout.isZero()) {
            throw new IllegalArgumentException("the publish time-out must be positive");
        }
    }
}
