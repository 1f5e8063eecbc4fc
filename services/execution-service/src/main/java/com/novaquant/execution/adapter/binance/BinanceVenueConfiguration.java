package com.novaquant.execution.adapter.binance;

import com.novaquant.binance.auth.UnsafeTradingConfigurationException;
import com.novaquant.binance.auth.Credentials;
import com.novaquant.binance.auth.TradingMode;
import com.novaquant.binance.rest.BinanceClientConfig;
import com.novaquant.binance.rest.BinanceRestClient;
import com.novaquant.binance.stream.StreamSettings;
import com.novaquant.execution.application.ExecutionMode;
import com.novaquant.execution.application.TradedUniverse;
import com.novaquant.execution.application.TradingVenue;
import com.novaquant.execution.application.VenuePrices;
import com.novaquant.support.config.BinanceEndpoints;
import com.novaquant.support.config.InvalidConfigurationException;
import com.novaquant.support.config.TradedSymbols;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The Binance venue. Creating the client applies binance-client's trading-mode guard: in {@code paper} mode (the
 * default) a production Binance host refuses start-up; {@code live} must be chosen explicitly and needs
 * {@code BINANCE_API_KEY} and {@code BINANCE_SECRET} in the environment. Where Binance is: service-support's
 * {@link BinanceEndpoints} ({@code nova.binance.spot.*}, {@code nova.binance.futures.*}), as for ingestion.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({BinanceEndpoints.class, TradedSymbols.class})
public class BinanceVenueConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BinanceVenueConfiguration.class);

    @Bean
    TradingMode tradingMode(@Value("${nova.trading.mode:paper}") String mode) {
        return TradingMode.parse(mode);
    }

    @Bean
    ExecutionMode executionMode(TradingMode mode) {
        return new ExecutionMode(mode.name().toLowerCase(Locale.ROOT));
    }

    /** BINANCE_API_KEY and BINANCE_SECRET from the process environment only; masked in every toString. */
    @Bean
    @ConditionalOnMissingBean
    Credentials binanceCredentials() {
        return Credentials.fromEnvironment();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(TradingVenue.class)
    BinanceRestClient binanceRestClient(BinanceEndpoints endpoints, BinanceTimeouts timeouts, TradingMode mode,
                                        Credentials credentials, MeterRegistry registry) {
        BinanceClientConfig config = BinanceClientConfig.builder(mode, endpoints.spot().restUrl(),
                        endpoints.futures().restUrl())
                .responseTimeout(timeouts.responseTimeout())
                .build();
        BinanceRestClient client;
        try {
            client = BinanceRestClient.create(config, credentials, registry);
        } catch (UnsafeTradingConfigurationException e) {
            throw new InvalidConfigurationException(e.getMessage(), "Paper trading (the default) trades against the "
                    + "exchange simulator or a Binance testnet: set nova.binance.spot.rest-url and "
                    + "nova.binance.futures.rest-url to one. Live trading needs NOVA_TRADING_MODE=live and both "
                    + "BINANCE_API_KEY and BINANCE_SECRET.", e);
        }
        // Filters and server time load in the background; a venue that is down now is found by reconciliation,
        // which holds trading until it answers.
        client.start().exceptionally(error -> {
            log.warn("Binance client start-up incomplete (retried on demand): {}", error.getMessage());
            return null;
        });
        return client;
    }

    @Bean
    @ConditionalOnMissingBean(TradingVenue.class)
    TradingVenue binanceTradingVenue(BinanceRestClient client, BinanceTimeouts timeouts) {
        return new BinanceTradingVenue(client, timeouts.callTimeout());
    }

    /**
     * Execution's own view of the venue's prices: book-ticker streams it opens itself on {@code nova.binance.*.ws-url}
     * (public market data, no keys), opened at start-up on every instance, passive ones too, so that a take-over finds
     * the view already warm. They always follow {@code nova.symbols}, so it may not be empty, in universe mode either.
     */
    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnMissingBean(VenuePrices.class)
    BinanceBookTickers binanceBookTickers(BinanceEndpoints endpoints, TradedSymbols symbols, Clock clock,
                                          MeterRegistry registry, TradedUniverse universe,
                                          @Value("${nova.universe.enabled:false}") boolean universeEnabled) {
        List<String> followed = symbols.nonEmpty("execution has no symbol to follow the venue's prices on");
        BinanceBookTickers tickers = new BinanceBookTickers(endpoints.spot().wsUrl().toString(),
                endpoints.futures().wsUrl().toString(), followed, StreamSettings.defaults(), clock);
        if (universeEnabled) {
            // The traded universe's symbols are subscribed on the open connections as it changes.
            universe.onTrackedChanged(tickers);
        }
        FunctionCounter.builder("nova.execution.own.prices.rejected", tickers, BinanceBookTickers::malformedFrames)
                .tag("reason", "MALFORMED").register(registry);
        FunctionCounter.builder("nova.execution.own.prices.rejected", tickers, BinanceBookTickers::replayedFrames)
                .tag("reason", "STALE_UPDATE_ID").register(registry);
        return tickers;
    }
}
