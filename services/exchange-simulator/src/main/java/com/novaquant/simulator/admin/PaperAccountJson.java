package com.novaquant.simulator.admin;

import com.novaquant.simulator.domain.accounts.AssetBalance;
import com.novaquant.simulator.domain.accounts.FuturesSnapshot;
import com.novaquant.simulator.domain.accounts.IncomeRecord;
import com.novaquant.simulator.domain.orders.OrderView;
import com.novaquant.simulator.domain.orders.TradeFillView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A paper account as the admin API shows it, decimals as plain strings: what it holds ({@code GET /admin/accounts})
 * and its own records of one symbol ({@code GET /admin/records}).
 */
final class PaperAccountJson {

    private PaperAccountJson() {
    }

    /** Its spot balances, its USD-M wallet with the open positions only, and its open orders of both venues. */
    static Map<String, Object> holdings(String apiKey, List<AssetBalance> spot, FuturesSnapshot futures,
                                        List<OrderView> openOrders) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("apiKey", apiKey);
        row.put("spot", spot.stream().map(b -> Map.of(
                "asset", b.asset(), "free", b.free().toPlainString(), "locked", b.locked().toPlainString())).toList());
        row.put("futures", futures(futures));
        row.put("openOrders", openOrders.stream().map(o -> Map.of("venue", o.venue(), "symbol", o.symbol(),
                "orderId", o.orderId(), "clientOrderId", o.clientOrderId(), "status", o.status())).toList());
        return row;
    }

    private static Map<String, Object> futures(FuturesSnapshot s) {
        Map<String, Object> futures = new LinkedHashMap<>();
        futures.put("wallet", s.wallet().toPlainString());
        futures.put("unrealisedPnl", s.unrealisedPnl().toPlainString());
        futures.put("availableBalance", s.availableBalance().toPlainString());
        futures.put("positions", s.positions().stream().filter(l -> l.position().amount().signum() != 0)
                .map(l -> Map.of("symbol", l.position().symbol(), "positionAmt", l.position().amount().toPlainString(),
                        "entryPrice", l.position().entryPrice().toPlainString(),
                        "unrealisedPnl", l.unrealisedPnl().toPlainString())).toList());
        return futures;
    }

    /** Its trades of the symbol on both venues and its USD-M income entries of it. */
    static Map<String, Object> records(String apiKey, List<TradeFillView> trades, List<IncomeRecord> income) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("apiKey", apiKey);
        row.put("trades", trades.stream().map(PaperAccountJson::trade).toList());
        row.put("income", income.stream().map(PaperAccountJson::income).toList());
        return row;
    }

    /** A trade of either venue: the commission in the asset it was paid in, the PnL it realised (0 on spot). */
    private static Map<String, Object> trade(TradeFillView t) {
        Map<String, Object> trade = new LinkedHashMap<>();
        trade.put("venue", t.venue().name());
        trade.put("id", t.tradeId());
        trade.put("orderId", t.orderId());
        trade.put("side", t.side().name());
        trade.put("price", t.price().toPlainString());
        trade.put("qty", t.qty().toPlainString());
        trade.put("commission", t.fill().commission().toPlainString());
        trade.put("commissionAsset", t.fill().commissionAsset());
        trade.put("realizedPnl", t.fill().realizedPnl().toPlainString());
        trade.put("time", t.time());
        return trade;
    }

    private static Map<String, Object> income(IncomeRecord r) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("incomeType", r.incomeType());
        entry.put("income", r.income().toPlainString());
        entry.put("asset", r.asset());
        entry.put("time", r.time());
        entry.put("tranId", r.tranId());
        return entry;
    }
}
