package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.accounts.FuturesSnapshot;
import com.novaquant.simulator.domain.accounts.IncomeRecord;
import com.novaquant.simulator.domain.accounts.MarginType;
import com.novaquant.simulator.domain.accounts.Position;
import com.novaquant.simulator.domain.market.LeverageBrackets;
import com.novaquant.simulator.domain.orders.FeeSchedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * USD-M account payloads as docs/binance-protocol.md shows them: balance, account and positionRisk in their v2 and v3
 * forms (v3 lists only open positions), income rows, commission rates and the answer to a leverage change. Positions
 * are one-way ({@code BOTH}) and cross, whatever the account's modes say.
 */
final class FuturesAccountJson {

    private static final String ALIAS = "SgsR";
    private static final String ASSET = "USDT";

    private FuturesAccountJson() {
    }

    static List<Map<String, Object>> balance(FuturesSnapshot s, long now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accountAlias", ALIAS);
        out.put("asset", ASSET);
        out.put("balance", s.wallet().toPlainString());
        putCrossBalances(out, s, now);
        return List.of(out);
    }

    /** The cross-margin fields that close both the balance and each account asset. */
    private static void putCrossBalances(Map<String, Object> out, FuturesSnapshot s, long now) {
        out.put("crossWalletBalance", s.wallet().toPlainString());
        out.put("crossUnPnl", s.unrealisedPnl().toPlainString());
        out.put("availableBalance", s.availableBalance().toPlainString());
        out.put("maxWithdrawAmount", s.maxWithdrawAmount().toPlainString());
        out.put("marginAvailable", true);
        out.put("updateTime", now);
    }

    static Map<String, Object> account(FuturesSnapshot s, boolean v2, long now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("totalInitialMargin", s.initialMargin().toPlainString());
        out.put("totalMaintMargin", s.maintMargin().toPlainString());
        out.put("totalWalletBalance", s.wallet().toPlainString());
        out.put("totalUnrealizedProfit", s.unrealisedPnl().toPlainString());
        out.put("totalMarginBalance", s.marginBalance().toPlainString());
        out.put("totalPositionInitialMargin", s.positionInitialMargin().toPlainString());
        out.put("totalOpenOrderInitialMargin", s.openOrderInitialMargin().toPlainString());
        out.put("totalCrossWalletBalance", s.wallet().toPlainString());
        out.put("totalCrossUnPnl", s.unrealisedPnl().toPlainString());
        out.put("availableBalance", s.availableBalance().toPlainString());
        out.put("maxWithdrawAmount", s.maxWithdrawAmount().toPlainString());
        if (v2) {
            out.put("feeTier", 0);
            out.put("canTrade", true);
            out.put("canDeposit", true);
            out.put("canWithdraw", true);
            out.put("updateTime", 0);
            out.put("multiAssetsMargin", s.multiAssetsMargin());
        }
        out.put("assets", List.of(accountAsset(s, now)));
        List<Map<String, Object>> positions = new ArrayList<>();
        for (FuturesSnapshot.PositionLine line : s.positions()) {
            if (v2 || line.position().amount().signum() != 0) {
                positions.add(accountPosition(line, v2, now));
            }
        }
        out.put("positions", positions);
        return out;
    }

    private static Map<String, Object> accountAsset(FuturesSnapshot s, long now) {
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("asset", ASSET);
        asset.put("walletBalance", s.wallet().toPlainString());
        asset.put("unrealizedProfit", s.unrealisedPnl().toPlainString());
        asset.put("marginBalance", s.marginBalance().toPlainString());
        asset.put("maintMargin", s.maintMargin().toPlainString());
        asset.put("initialMargin", s.initialMargin().toPlainString());
        asset.put("positionInitialMargin", s.positionInitialMargin().toPlainString());
        asset.put("openOrderInitialMargin", s.openOrderInitialMargin().toPlainString());
        putCrossBalances(asset, s, now);
        return asset;
    }

    private static Map<String, Object> accountPosition(FuturesSnapshot.PositionLine line, boolean v2, long now) {
        Position p = line.position();
        Map<String, Object> pos = new LinkedHashMap<>();
        pos.put("symbol", p.symbol());
        pos.put("positionSide", "BOTH");
        pos.put("positionAmt", p.amount().toPlainString());
        pos.put("unrealizedProfit", line.unrealisedPnl().toPlainString());
        pos.put("isolatedMargin", "0");
        pos.put("notional", line.notional().toPlainString());
        pos.put("isolatedWallet", "0");
        pos.put("initialMargin", line.initialMargin().toPlainString());
        pos.put("maintMargin", line.maintMargin().toPlainString());
        if (v2) {
            pos.put("positionInitialMargin", line.initialMargin().toPlainString());
            pos.put("openOrderInitialMargin", "0");
            pos.put("leverage", Integer.toString(line.leverage()));
            pos.put("isolated", line.marginType() == MarginType.ISOLATED);
            pos.put("entryPrice", p.entryPrice().toPlainString());
            pos.put("breakEvenPrice", p.entryPrice().toPlainString());
            pos.put("maxNotional", LeverageBrackets.maxNotional(p.symbol(), line.leverage()).toPlainString());
            pos.put("bidNotional", "0");
            pos.put("askNotional", "0");
        }
        pos.put("updateTime", now);
        return pos;
    }

    /** The position lines of {@code symbol} (null: every symbol); v3 only those with a position. */
    static List<Map<String, Object>> positionRisk(FuturesSnapshot s, String symbol, boolean v2, long now) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FuturesSnapshot.PositionLine line : s.positions()) {
            Position p = line.position();
            if ((symbol == null || symbol.equals(p.symbol())) && (v2 || p.amount().signum() != 0)) {
                out.add(positionRisk(line, v2, now));
            }
        }
        return out;
    }

    private static Map<String, Object> positionRisk(FuturesSnapshot.PositionLine line, boolean v2, long now) {
        Position p = line.position();
        Map<String, Object> pos = new LinkedHashMap<>();
        pos.put("symbol", p.symbol());
        if (!v2) {
            pos.put("positionSide", "BOTH");
        }
        pos.put("positionAmt", p.amount().toPlainString());
        pos.put("entryPrice", p.entryPrice().toPlainString());
        pos.put("breakEvenPrice", p.entryPrice().toPlainString());
        pos.put("markPrice", line.markPrice().toPlainString());
        pos.put("unRealizedProfit", line.unrealisedPnl().toPlainString());
        pos.put("liquidationPrice", "0");
        pos.put("isolatedMargin", "0");
        pos.put("notional", line.notional().toPlainString());
        pos.put("isolatedWallet", "0");
        if (v2) {
            pos.put("leverage", Integer.toString(line.leverage()));
            pos.put("maxNotionalValue", LeverageBrackets.maxNotional(p.symbol(), line.leverage()).toPlainString());
            pos.put("marginType", line.marginType().positionRiskName());
            pos.put("isAutoAddMargin", "false");
            pos.put("positionSide", "BOTH");
        } else {
            pos.put("marginAsset", ASSET);
            pos.put("initialMargin", line.initialMargin().toPlainString());
            pos.put("maintMargin", line.maintMargin().toPlainString());
            pos.put("positionInitialMargin", line.initialMargin().toPlainString());
            pos.put("openOrderInitialMargin", "0");
            pos.put("adl", 0);
            pos.put("bidNotional", "0");
            pos.put("askNotional", "0");
        }
        pos.put("updateTime", now);
        return pos;
    }

    static Map<String, Object> income(IncomeRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", r.symbol());
        out.put("incomeType", r.incomeType());
        out.put("income", r.income().toPlainString());
        out.put("asset", r.asset());
        out.put("info", r.incomeType());
        out.put("time", r.time());
        out.put("tranId", r.tranId());
        out.put("tradeId", r.tradeId());
        return out;
    }

    static Map<String, Object> commissionRate(String symbol, FeeSchedule fees) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", symbol);
        out.put("makerCommissionRate", fees.futuresMaker().toPlainString());
        out.put("takerCommissionRate", fees.futuresTaker().toPlainString());
        out.put("rpiCommissionRate", "0");
        return out;
    }

    /** The answer to a leverage change, with the largest notional the brackets allow at that leverage. */
    static Map<String, Object> leverage(String symbol, int leverage) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("leverage", leverage);
        out.put("maxNotionalValue", LeverageBrackets.maxNotional(symbol, leverage).toPlainString());
        out.put("symbol", symbol);
        return out;
    }
}
