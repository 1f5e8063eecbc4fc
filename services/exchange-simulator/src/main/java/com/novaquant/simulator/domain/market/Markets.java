package com.novaquant.simulator.domain.market;

import java.math.BigDecimal;
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

    /** The symbol's mark price; zero for a symbol that is not listed. */
    public BigDecimal markPrice(String symbol) {
        SymbolMarket market = symbol == null ? null : bySymbol.get(symbol);
        return market == null ? BigDecimal.ZERO : market.markPrice();
    }

    public Collection<SymbolMarket> all() {
        return bySymbol.values();
    }

    public List<Instrument> instruments() {
        return bySymbol.values().stream().map(SymbolMarket::instrument).toList();
    }
}
