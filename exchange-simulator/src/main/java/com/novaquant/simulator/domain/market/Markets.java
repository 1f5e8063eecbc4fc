package com.novaquant.simulator.domain.market;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every listed instrument's live market, by symbol (upper case). */
public final class Markets {

    private final Map<String, SymbolMarket> bySymbol = new LinkedHashMap<>();

    public Markets(List<SymbolMarket> markets) {
        markets.forEach(m -> bySymbol.put(m.instrument().symbol(), m));
    }

    public Optional<SymbolMarket> find(String symbol) {
        return Optional.ofNullable(symbol == null ? null : bySymbol.get(symbol));
    }

    public Collection<SymbolMarket> all() {
        return bySymbol.values();
    }

    public List<Instrument> instruments() {
        return bySymbol.values().stream().map(SymbolMarket::instrument).toList();
    }
}
