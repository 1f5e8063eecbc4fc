package com.novaquant.simulator.config;

import com.novaquant.simulator.SimulatorProperties;
import com.novaquant.simulator.application.AccountService;
import com.novaquant.simulator.application.ExchangeState;
import com.novaquant.simulator.application.Faults;
import com.novaquant.simulator.application.FundingClock;
import com.novaquant.simulator.application.FundingHistory;
import com.novaquant.simulator.application.FundingSettlement;
import com.novaquant.simulator.application.FuturesSettingsService;
import com.novaquant.simulator.application.HistoryProgress;
import com.novaquant.simulator.application.ListenKeys;
import com.novaquant.simulator.application.OrderJournal;
import com.novaquant.simulator.application.OrderService;
import com.novaquant.simulator.application.PreTradeChecks;
import com.novaquant.simulator.application.RestingOrderFills;
import com.novaquant.simulator.application.SyntheticQuoteRate;
import com.novaquant.simulator.domain.accounts.Accounts;
import com.novaquant.simulator.domain.accounts.BnbBurn;
import com.novaquant.simulator.domain.accounts.FuturesAccount;
import com.novaquant.simulator.domain.accounts.FuturesModes;
import com.novaquant.simulator.domain.accounts.PaperAccount;
import com.novaquant.simulator.domain.accounts.SpotAccount;
import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.orders.FeeSchedule;
import com.novaquant.simulator.domain.source.FundingPath;
import com.novaquant.simulator.domain.source.FundingRegime;
import com.novaquant.simulator.domain.source.RotatingFunding;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.util.List;

/**
 * Wires the exchange core: clock, instruments and markets, paper accounts, fees, funding, faults, and the trading
 * services over one {@link ExchangeState} (imported: each is built from its one constructor).
 */
@Configuration(proxyBeanMethods = false)
@Import({ExchangeState.class, OrderService.class, RestingOrderFills.class, AccountService.class,
        FuturesSettingsService.class, FundingSettlement.class, PreTradeChecks.class, FundingClock.class})
class SimulatorConfiguration {

    @Bean
    SimulationClock simulationClock(SimulatorProperties properties) {
        return new SimulationClock(properties.marketClockSpeed());
    }

    @Bean
    FundingPath fundingPath(SimulatorProperties properties, Markets markets) {
        SimulatorProperties.Funding f = properties.funding();
        if (f.rotating()) {
            List<Instrument> instruments = markets.instruments();
            int negatives = Math.min(f.rotationNegativeSymbols(), Math.max(0, instruments.size() - 1));
            return new RotatingFunding(instruments.stream().map(Instrument::fundingInterval).toList(), properties.seed(),
                    f.rotationPeriod(), f.rotationPeakRate(), f.rotationTroughRate(), negatives, f.rotationNegativeRate());
        }
        return new FundingRegime(f.baseRate(), f.spikeStart(), f.spikeDuration(), f.spikeRate(),
                f.negativeStart(), f.negativeDuration(), f.negativeRate(), f.spikeEvery(), f.spikeStagger());
    }

    @Bean
    Markets markets(SimulatorProperties properties) {
        List<Instrument> instruments = InstrumentCatalog.build(properties);
        if (instruments.isEmpty()) {
            throw new IllegalStateException("nova.simulator.symbols lists no symbol");
        }
        return new Markets(instruments.stream()
                .map(i -> new SymbolMarket(i, properties.funding().baseRate()))
                .toList());
    }

    @Bean
    SyntheticQuoteRate syntheticQuoteRate(SimulatorProperties properties) {
        return new SyntheticQuoteRate(properties.source(), properties.quoteRate());
    }

    @Bean
    HistoryProgress historyProgress(MeterRegistry registry) {
        return new HistoryProgress(registry);
    }

    @Bean
    FundingHistory fundingHistory() {
        return new FundingHistory();
    }

    @Bean
    Faults faults(MeterRegistry registry, SimulationClock clock) {
        return new Faults(registry, clock::wallMillis);
    }

    @Bean
    OrderJournal orderJournal(MeterRegistry registry) {
        return new OrderJournal(registry);
    }

    @Bean
    ListenKeys listenKeys(SimulatorProperties properties, SimulationClock clock) {
        return new ListenKeys(properties.ws().listenKeyValidity(), clock::wallMillis);
    }

    @Bean
    Accounts accounts(SimulatorProperties properties) {
        SimulatorProperties.AccountModes modes = properties.account();
        return new Accounts(properties.accounts().stream()
                .map(a -> new PaperAccount(a.apiKey(), a.secret(), new SpotAccount(a.spotBalances()),
                        new FuturesAccount(a.futuresWallet(), properties.defaultLeverage(),
                                new FuturesModes(modes.dualSidePosition(), modes.multiAssetsMargin()))))
                .toList());
    }

    @Bean
    FeeSchedule feeSchedule(SimulatorProperties properties) {
        SimulatorProperties.Fees f = properties.fees();
        return new FeeSchedule(f.spotMaker(), f.spotTaker(), f.futuresMaker(), f.futuresTaker());
    }

    @Bean
    BnbBurn bnbBurn(SimulatorProperties properties) {
        return new BnbBurn(properties.fees().spotBnbBurn(), properties.fees().bnbPriceUsdt());
    }
}
