package com.novaquant.backtest.engine;

import com.novaquant.history.FundingRecord;
import com.novaquant.history.Kline;

import java.util.List;

/** The history of one symbol the backtest replays: both markets' 1-minute klines and the settled fundings, by time. */
public record SymbolHistory(String symbol, List<Kline> spot, List<Kline> perp, List<FundingRecord> funding) {
}
