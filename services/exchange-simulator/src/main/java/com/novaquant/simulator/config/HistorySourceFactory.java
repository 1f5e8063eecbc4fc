package com.novaquant.simulator.config;

import com.novaquant.simulator.SimulatorProperties;
import com.novaquant.simulator.application.FundingClock;
import com.novaquant.simulator.application.HistoryMirror;
import com.novaquant.simulator.application.HistoryPlan;
import com.novaquant.simulator.application.HistorySource;
import com.novaquant.simulator.application.MarketListener;
import com.novaquant.simulator.application.RestingOrderFills;
import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.source.HistoryBooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.YearMonth;
import java.util.List;

/** Builds the history source from {@code nova.simulator.history.*}: the mirror, the symbols and months it plays. */
final class HistorySourceFactory {

    private static final Logger log = LoggerFactory.getLogger(HistorySourceFactory.class);

    private HistorySourceFactory() {
    }

    static HistorySource create(SimulatorProperties properties, Markets markets, SimulationClock clock,
                                RestingOrderFills restingOrders, MarketListener listener, FundingClock fundingClock) {
        SimulatorProperties.History history = properties.history();
        HistoryMirror mirror = new HistoryMirror(history.dir());
        List<String> listed = markets.instruments().stream().map(Instrument::symbol).toList();
        List<String> symbols = HistorySymbols.resolve(history.symbols(), listed, mirror.symbols(), mirror.root());
        List<String> unplayed = listed.stream().filter(symbol -> !symbols.contains(symbol)).toList();
        if (!unplayed.isEmpty()) {
            log.warn("history source: {} listed but not played (not in the mirror or not in"
                    + " nova.simulator.history.symbols); their books stay empty and they have no funding", unplayed);
        }
        HistoryMirror.Months present = mirror.months(symbols).orElseThrow(() -> new IllegalStateException(
                "the history mirror " + mirror.root() + " holds no funding file of " + symbols));
        YearMonth from = history.from() != null ? history.from() : present.first();
        YearMonth to = history.to() != null ? history.to() : present.last();
        if (from.isAfter(to)) {
            throw new IllegalStateException("nothing to play: the months run from " + from + " to " + to + " (the mirror"
                    + " holds funding files of " + symbols + " from " + present.first() + " to " + present.last() + ")");
        }
        HistoryPlan plan = new HistoryPlan(mirror.root(), symbols, from, to, history.speed(), history.loop());
        return HistorySource.create(plan, mirror, markets, new HistoryBooks(history.halfSpread(), properties.bookLevels()),
                clock, restingOrders, listener, fundingClock);
    }
}
