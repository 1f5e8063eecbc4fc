package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.FundingClock;
import com.novaquant.simulator.application.FundingHistory;
import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Binance USD-M funding under {@code /futures/fapi}: mark price and the funding due (premiumIndex), the settled rates
 * (fundingRate) and the symbols whose funding settings differ from the default (fundingInfo).
 */
@RestController
@RequestMapping("/futures/fapi")
record FuturesFundingController(Markets markets, FundingClock fundingClock, FundingHistory fundingHistory,
                                RequestGate gate, ParamValidator validator, LongSupplier wallMillis) {

    @GetMapping("/v1/premiumIndex")
    Object premiumIndex(ServerWebExchange web) {
        RequestParams params = gate.open(web, Venue.USDM, ParamValidator.symbolWeight(web, 1, 10));
        return validator.oneOrAll(params, this::premiumIndex);
    }

    private Map<String, Object> premiumIndex(SymbolMarket market) {
        return FundingJson.premiumIndex(market, fundingClock.nextFundingWallTime(market.instrument().symbol()),
                wallMillis.getAsLong());
    }

    /**
     * The settled rates of {@code symbol} (or every symbol) by funding time, both ends inclusive: the first
     * {@code limit} (100, at most 1000) from {@code startTime}, else the last {@code limit}.
     */
    @GetMapping("/v1/fundingRate")
    List<Map<String, Object>> fundingRate(ServerWebExchange web) {
        RequestParams p = gate.open(web, Venue.USDM, 1);
        Long start = p.longValue("startTime");
        Long end = p.longValue("endTime");
        int limit = ParamValidator.limit(p, 100, 1000);
        List<String> symbols = p.get("symbol") != null ? List.of(validator.market(p.get("symbol")).instrument().symbol())
                : markets.instruments().stream().map(Instrument::symbol).toList();
        List<FundingHistory.Entry> entries = new ArrayList<>();
        symbols.forEach(s -> entries.addAll(fundingHistory.entries(s)));
        entries.sort(Comparator.comparingLong(FundingHistory.Entry::fundingTime));
        List<FundingHistory.Entry> selected = entries.stream()
                .filter(e -> (start == null || e.fundingTime() >= start) && (end == null || e.fundingTime() <= end))
                .toList();
        if (start == null && selected.size() > limit) {
            selected = selected.subList(selected.size() - limit, selected.size());
        } else if (selected.size() > limit) {
            selected = selected.subList(0, limit);
        }
        return selected.stream().map(FundingJson::fundingRate).toList();
    }

    /**
     * The symbols whose funding settings differ from the default (weight 0): Binance lists only adjusted symbols, and
     * a symbol left out has the 8 h interval. An interval of no whole number of hours (a demo setting) cannot be
     * listed and is left out.
     */
    @GetMapping("/v1/fundingInfo")
    List<Map<String, Object>> fundingInfo(ServerWebExchange web) {
        gate.open(web, Venue.USDM, 0);
        return markets.instruments().stream().filter(i -> listedInterval(i.fundingInterval()))
                .map(FundingJson::fundingInfo).toList();
    }

    private static boolean listedInterval(Duration interval) {
        long hours = interval.toHours();
        return hours != 8 && hours >= 1 && hours <= 24 && interval.equals(Duration.ofHours(hours));
    }
}
