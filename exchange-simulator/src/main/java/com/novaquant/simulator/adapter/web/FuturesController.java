package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.accounts.IncomeRecord;
import com.novaquant.simulator.domain.accounts.MarginType;
import com.novaquant.simulator.domain.accounts.Position;
import com.novaquant.simulator.application.Exchange;
import com.novaquant.simulator.application.FundingClock;
import com.novaquant.simulator.application.FundingHistory;
import com.novaquant.simulator.application.FuturesSnapshot;
import com.novaquant.simulator.application.ListenKeys;
import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.LeverageBrackets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.matching.OrderType;
import com.novaquant.simulator.domain.matching.Side;
import com.novaquant.simulator.domain.matching.TimeInForce;
import com.novaquant.simulator.domain.orders.OrderFilters;
import com.novaquant.simulator.domain.orders.OrderRequest;
import com.novaquant.simulator.domain.orders.RejectedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/** Binance USD-M REST under {@code /futures/fapi}. */
@RestController
@RequestMapping("/futures/fapi")
class FuturesController {

    private static final Pattern CLIENT_ID = Pattern.compile("^[\\.A-Z\\:/a-z0-9_-]{1,36}$");
    private static final List<String> ALGO_TYPES = List.of("STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET");
    private static final String ALIAS = "SgsR";

    private final Exchange exchange;
    private final RequestGate gate;
    private final OrderIntake intake;
    private final FundingClock fundingClock;
    private final FundingHistory fundingHistory;
    private final ListenKeys listenKeys;
    private final LongSupplier wallMillis;

    FuturesController(Exchange exchange, RequestGate gate, OrderIntake intake, FundingClock fundingClock,
                      FundingHistory fundingHistory, ListenKeys listenKeys, LongSupplier wallMillis) {
        this.exchange = exchange;
        this.gate = gate;
        this.intake = intake;
        this.fundingClock = fundingClock;
        this.fundingHistory = fundingHistory;
        this.listenKeys = listenKeys;
        this.wallMillis = wallMillis;
    }

    @GetMapping("/v1/ping")
    Map<String, Object> ping(ServerWebExchange web) {
        gate.open(web, Venue.USDM, 1);
        return Map.of();
    }

    @GetMapping("/v1/time")
    Map<String, Object> time(ServerWebExchange web) {
        gate.open(web, Venue.USDM, 1);
        return Map.of("serverTime", wallMillis.getAsLong());
    }

    @GetMapping("/v1/exchangeInfo")
    Map<String, Object> exchangeInfo(ServerWebExchange web) {
        gate.open(web, Venue.USDM, 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timezone", "UTC");
        out.put("serverTime", wallMillis.getAsLong());
        out.put("futuresType", "U_MARGINED");
        out.put("rateLimits", List.of(
                Map.of("rateLimitType", "REQUEST_WEIGHT", "interval", "MINUTE", "intervalNum", 1, "limit", 2400),
                Map.of("rateLimitType", "ORDERS", "interval", "MINUTE", "intervalNum", 1, "limit", 1200),
                Map.of("rateLimitType", "ORDERS", "interval", "SECOND", "intervalNum", 10, "limit", 300)));
        out.put("exchangeFilters", List.of());
        out.put("assets", List.of(Map.of("asset", "USDT", "marginAvailable", true, "autoAssetExchange", "-10000")));
        out.put("symbols", exchange.markets().all().stream()
                .map(m -> MarketJson.futuresSymbol(m.instrument(), m.listing(Venue.USDM))).toList());
        return out;
    }

    @GetMapping("/v1/depth")
    Map<String, Object> depth(ServerWebExchange web) {
        RequestParams peek = new RequestParams(web.getRequest().getURI().getRawQuery(), null);
        Long requested = peek.longValue("limit");
        int limit = requested == null ? 500 : requested.intValue();
        if (!List.of(5, 10, 20, 50, 100, 500, 1000).contains(limit)) {
            throw ApiException.badRequest(-1100, "Illegal characters found in parameter 'limit'; legal range is '5, 10, 20, 50, 100, 500, 1000'.");
        }
        int weight = limit <= 50 ? 2 : limit == 100 ? 5 : limit == 500 ? 10 : 20;
        RequestParams params = gate.open(web, Venue.USDM, weight);
        Book book = market(params.require("symbol")).book(Venue.USDM);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lastUpdateId", book.updateId());
        out.put("E", wallMillis.getAsLong());
        out.put("T", book.eventTimeMillis());
        out.put("bids", MarketJson.levels(book.bids(), limit, false));
        out.put("asks", MarketJson.levels(book.asks(), limit, false));
        return out;
    }

    @GetMapping("/v1/ticker/bookTicker")
    Object bookTicker(ServerWebExchange web) {
        RequestParams peek = new RequestParams(web.getRequest().getURI().getRawQuery(), null);
        RequestParams params = gate.open(web, Venue.USDM, peek.get("symbol") != null ? 2 : 5);
        String symbol = params.get("symbol");
        if (symbol != null) {
            Book book = market(symbol).book(Venue.USDM);
            return MarketJson.bookTicker(symbol, book, false, book.eventTimeMillis());
        }
        return exchange.markets().all().stream().map(m -> MarketJson.bookTicker(m.instrument().symbol(),
                m.book(Venue.USDM), false, m.book(Venue.USDM).eventTimeMillis())).toList();
    }

    @GetMapping("/v1/premiumIndex")
    Object premiumIndex(ServerWebExchange web) {
        RequestParams peek = new RequestParams(web.getRequest().getURI().getRawQuery(), null);
        RequestParams params = gate.open(web, Venue.USDM, peek.get("symbol") != null ? 1 : 10);
        String symbol = params.get("symbol");
        if (symbol != null) {
            return premium(market(symbol));
        }
        return exchange.markets().all().stream().map(this::premium).toList();
    }

    private Map<String, Object> premium(SymbolMarket market) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", market.instrument().symbol());
        out.put("markPrice", market.markPrice().toPlainString());
        out.put("indexPrice", market.indexPrice().toPlainString());
        out.put("estimatedSettlePrice", market.indexPrice().toPlainString());
        out.put("lastFundingRate", market.fundingRate().toPlainString());
        out.put("interestRate", "0.00010000");
        out.put("nextFundingTime", fundingClock.nextFundingWallTime(market.instrument().symbol()));
        out.put("time", wallMillis.getAsLong());
        return out;
    }

    @GetMapping("/v1/fundingRate")
    List<Map<String, Object>> fundingRate(ServerWebExchange web) {
        RequestParams p = gate.open(web, Venue.USDM, 1);
        Long start = p.longValue("startTime");
        Long end = p.longValue("endTime");
        int limit = (int) Math.min(1000, Math.max(1, p.longValue("limit") == null ? 100 : p.longValue("limit")));
        List<String> symbols = p.get("symbol") != null ? List.of(market(p.get("symbol")).instrument().symbol())
                : exchange.markets().instruments().stream().map(i -> i.symbol()).toList();
        List<FundingHistory.Entry> entries = new ArrayList<>();
        symbols.forEach(s -> entries.addAll(fundingHistory.entries(s)));
        entries.sort(java.util.Comparator.comparingLong(FundingHistory.Entry::fundingTime));
        List<FundingHistory.Entry> selected = entries.stream()
                .filter(e -> (start == null || e.fundingTime() >= start) && (end == null || e.fundingTime() <= end))
                .toList();
        if (start == null && selected.size() > limit) {
            selected = selected.subList(selected.size() - limit, selected.size());
        } else if (selected.size() > limit) {
            selected = selected.subList(0, limit);
        }
        return selected.stream().map(e -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("symbol", e.symbol());
            out.put("fundingRate", e.rate().toPlainString());
            out.put("fundingTime", e.fundingTime());
            out.put("markPrice", e.markPrice().toPlainString());
            return out;
        }).toList();
    }

    @GetMapping("/v1/income")
    List<Map<String, Object>> income(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, 30);
        RequestParams p = auth.params();
        String symbol = p.get("symbol");
        String type = p.get("incomeType");
        if (symbol != null) {
            market(symbol);
        }
        long now = wallMillis.getAsLong();
        Long start = p.longValue("startTime");
        Long end = p.longValue("endTime");
        // Both ends inclusive; without a range, the last 7 days.
        long from = start != null ? start : (end != null ? end - 7 * 86_400_000L : now - 7 * 86_400_000L);
        long to = end != null ? end : Long.MAX_VALUE;
        int limit = (int) Math.min(1000, Math.max(1, p.longValue("limit") == null ? 100 : p.longValue("limit")));
        long page = Math.min(Integer.MAX_VALUE, Math.max(1, p.longValue("page") == null ? 1 : p.longValue("page")));
        // Oldest first, cut into pages of limit rows (page counts from 1).
        return exchange.income(auth.apiKey()).stream()
                .filter(r -> symbol == null || symbol.equals(r.symbol()))
                .filter(r -> type == null || type.equals(r.incomeType()))
                .filter(r -> r.time() >= from && r.time() <= to)
                .sorted(java.util.Comparator.comparingLong(IncomeRecord::time))
                .skip((page - 1) * limit)
                .limit(limit)
                .map(FuturesController::income)
                .toList();
    }

    private static Map<String, Object> income(IncomeRecord r) {
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

    @GetMapping("/v1/commissionRate")
    Map<String, Object> commissionRate(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, 20);
        String symbol = market(auth.params().require("symbol")).instrument().symbol();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", symbol);
        out.put("makerCommissionRate", exchange.fees().futuresMaker().toPlainString());
        out.put("takerCommissionRate", exchange.fees().futuresTaker().toPlainString());
        out.put("rpiCommissionRate", "0");
        return out;
    }

    @PostMapping("/v1/leverage")
    Mono<Map<String, Object>> leverage(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> leverage(web, body));
    }

    private Map<String, Object> leverage(ServerWebExchange web, String body) {
        RequestGate.Authenticated auth = gate.signed(web, body, Venue.USDM, 1);
        String symbol = auth.params().require("symbol");
        Long leverage = auth.params().longValue("leverage");
        if (leverage == null) {
            throw ApiException.missing("leverage");
        }
        market(symbol);
        if (leverage > LeverageBrackets.maxLeverage(symbol)) {
            throw ApiException.badRequest(-4028, "Leverage " + leverage + " is not valid");
        }
        int set = exchange.setLeverage(auth.apiKey(), symbol, leverage.intValue());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("leverage", set);
        out.put("maxNotionalValue", LeverageBrackets.maxNotional(symbol, set).toPlainString());
        out.put("symbol", symbol);
        return out;
    }

    @PostMapping("/v1/listenKey")
    Mono<Map<String, Object>> startUserStream(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> startUserStream(web, body));
    }

    private Map<String, Object> startUserStream(ServerWebExchange web, String body) {
        RequestGate.Authenticated auth = gate.keyed(web, body, Venue.USDM, 1);
        return Map.of("listenKey", listenKeys.createOrExtend(auth.apiKey()));
    }

    @PutMapping("/v1/listenKey")
    Mono<Map<String, Object>> keepAliveUserStream(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> keepAliveUserStream(web, body));
    }

    private Map<String, Object> keepAliveUserStream(ServerWebExchange web, String body) {
        RequestGate.Authenticated auth = gate.keyed(web, body, Venue.USDM, 1);
        if (!listenKeys.extend(auth.apiKey())) {
            throw ApiException.badRequest(-1125, "This listenKey does not exist.");
        }
        return Map.of("listenKey", listenKeys.createOrExtend(auth.apiKey()));
    }

    @DeleteMapping("/v1/listenKey")
    Mono<Map<String, Object>> closeUserStream(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> closeUserStream(web, body));
    }

    private Map<String, Object> closeUserStream(ServerWebExchange web, String body) {
        RequestGate.Authenticated auth = gate.keyed(web, body, Venue.USDM, 1);
        listenKeys.delete(auth.apiKey());
        return Map.of();
    }

    @PostMapping("/v1/order")
    Mono<Map<String, Object>> newOrder(ServerWebExchange web) {
        return RequestBodies.raw(web).flatMap(body -> newOrder(web, body));
    }

    private Mono<Map<String, Object>> newOrder(ServerWebExchange web, String body) {
        RequestGate.Authenticated auth = gate.signed(web, body, Venue.USDM, 0);
        RequestParams params = auth.params();
        OrderRequest request;
        boolean result;
        try {
            request = parse(params);
            result = resultResponse(params);
            requirePositionSide(auth.apiKey(), params);
            checkFilters(request);
            OrderFilters.checkFuturesOpenOrders(exchange.openOrders(auth.apiKey(), Venue.USDM, request.symbol()).size());
        } catch (ApiException e) {
            intake.journalInvalid(Venue.USDM, params, e.code());
            throw e;
        } catch (RejectedException e) {
            intake.journalInvalid(Venue.USDM, params, e.rejection().code());
            throw e;
        }
        return intake.place(auth.apiKey(), request, params, placed -> {
            gate.countOrder(web, auth.apiKey(), Venue.USDM);
            return OrderJson.futures(placed.order(), !result, false);
        });
    }

    @PostMapping("/v1/order/test")
    Mono<Map<String, Object>> testOrder(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> testOrder(web, body));
    }

    private Map<String, Object> testOrder(ServerWebExchange web, String body) {
        RequestGate.Authenticated auth = gate.signed(web, body, Venue.USDM, 0);
        OrderRequest request = parse(auth.params());
        requirePositionSide(auth.apiKey(), auth.params());
        checkFilters(request);
        return Map.of();
    }

    /** Every filter of the order, PERCENT_PRICE included; the exchange checks the others again when it places it. */
    private void checkFilters(OrderRequest request) {
        SymbolMarket market = market(request.symbol());
        // A halted perpetual still takes orders that only reduce a position; a delisted one takes none.
        switch (market.listing(Venue.USDM)) {
            case DELISTED -> throw new RejectedException(-4141, "Symbol is closed.");
            case HALTED -> {
                if (!request.reduceOnly()) {
                    throw new RejectedException(-4140, "Invalid symbol status for opening position.");
                }
            }
            case TRADING -> { }
        }
        OrderFilters.checkFutures(market.instrument().futures(), request.side(), request.quantity(), request.price(),
                market.markPrice(), market.book(Venue.USDM), request.reduceOnly(), request.type());
    }

    @GetMapping("/v1/order")
    Map<String, Object> queryOrder(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, 1);
        RequestParams p = auth.params();
        return OrderJson.futures(exchange.query(auth.apiKey(), Venue.USDM, p.require("symbol"),
                p.longValue("orderId"), p.get("origClientOrderId")), false, true);
    }

    @DeleteMapping("/v1/order")
    Mono<Map<String, Object>> cancelOrder(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> cancelOrder(web, body));
    }

    private Map<String, Object> cancelOrder(ServerWebExchange web, String body) {
        RequestGate.Authenticated auth = gate.signed(web, body, Venue.USDM, 1);
        RequestParams p = auth.params();
        return OrderJson.futures(exchange.cancel(auth.apiKey(), Venue.USDM, p.require("symbol"),
                p.longValue("orderId"), p.get("origClientOrderId")), false, false);
    }

    @GetMapping("/v1/openOrders")
    List<Map<String, Object>> openOrders(ServerWebExchange web) {
        RequestParams peek = new RequestParams(web.getRequest().getURI().getRawQuery(), null);
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, peek.get("symbol") != null ? 1 : 40);
        return exchange.openOrders(auth.apiKey(), Venue.USDM, auth.params().get("symbol")).stream()
                .map(o -> OrderJson.futures(o, false, true)).toList();
    }

    @GetMapping("/{version:v2|v3}/balance")
    List<Map<String, Object>> balance(ServerWebExchange web, @PathVariable String version) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, 5);
        FuturesSnapshot s = exchange.futuresSnapshot(auth.apiKey());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accountAlias", ALIAS);
        out.put("asset", "USDT");
        out.put("balance", s.wallet().toPlainString());
        out.put("crossWalletBalance", s.wallet().toPlainString());
        out.put("crossUnPnl", s.unrealisedPnl().toPlainString());
        out.put("availableBalance", s.availableBalance().toPlainString());
        out.put("maxWithdrawAmount", s.availableBalance().max(BigDecimal.ZERO).min(s.wallet()).toPlainString());
        out.put("marginAvailable", true);
        out.put("updateTime", wallMillis.getAsLong());
        return List.of(out);
    }

    @GetMapping("/{version:v2|v3}/account")
    Map<String, Object> account(ServerWebExchange web, @PathVariable String version) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, 5);
        FuturesSnapshot s = exchange.futuresSnapshot(auth.apiKey());
        BigDecimal initial = s.positionInitialMargin().add(s.openOrderInitialMargin());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("totalInitialMargin", initial.toPlainString());
        out.put("totalMaintMargin", maintenance(s.positionInitialMargin()).toPlainString());
        out.put("totalWalletBalance", s.wallet().toPlainString());
        out.put("totalUnrealizedProfit", s.unrealisedPnl().toPlainString());
        out.put("totalMarginBalance", s.marginBalance().toPlainString());
        out.put("totalPositionInitialMargin", s.positionInitialMargin().toPlainString());
        out.put("totalOpenOrderInitialMargin", s.openOrderInitialMargin().toPlainString());
        out.put("totalCrossWalletBalance", s.wallet().toPlainString());
        out.put("totalCrossUnPnl", s.unrealisedPnl().toPlainString());
        out.put("availableBalance", s.availableBalance().toPlainString());
        out.put("maxWithdrawAmount", s.availableBalance().max(BigDecimal.ZERO).min(s.wallet()).toPlainString());
        if ("v2".equals(version)) {
            out.put("feeTier", 0);
            out.put("canTrade", true);
            out.put("canDeposit", true);
            out.put("canWithdraw", true);
            out.put("updateTime", 0);
            out.put("multiAssetsMargin", s.multiAssetsMargin());
        }
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("asset", "USDT");
        asset.put("walletBalance", s.wallet().toPlainString());
        asset.put("unrealizedProfit", s.unrealisedPnl().toPlainString());
        asset.put("marginBalance", s.marginBalance().toPlainString());
        asset.put("maintMargin", maintenance(s.positionInitialMargin()).toPlainString());
        asset.put("initialMargin", initial.toPlainString());
        asset.put("positionInitialMargin", s.positionInitialMargin().toPlainString());
        asset.put("openOrderInitialMargin", s.openOrderInitialMargin().toPlainString());
        asset.put("crossWalletBalance", s.wallet().toPlainString());
        asset.put("crossUnPnl", s.unrealisedPnl().toPlainString());
        asset.put("availableBalance", s.availableBalance().toPlainString());
        asset.put("maxWithdrawAmount", s.availableBalance().max(BigDecimal.ZERO).min(s.wallet()).toPlainString());
        asset.put("marginAvailable", true);
        asset.put("updateTime", wallMillis.getAsLong());
        out.put("assets", List.of(asset));
        List<Map<String, Object>> positions = new ArrayList<>();
        for (FuturesSnapshot.PositionLine line : s.positions()) {
            Position p = line.position();
            if ("v3".equals(version) && p.amount().signum() == 0) {
                continue;
            }
            Map<String, Object> pos = new LinkedHashMap<>();
            pos.put("symbol", p.symbol());
            pos.put("positionSide", "BOTH");
            pos.put("positionAmt", p.amount().toPlainString());
            pos.put("unrealizedProfit", line.unrealisedPnl().toPlainString());
            pos.put("isolatedMargin", "0");
            pos.put("notional", p.notional(line.markPrice()).toPlainString());
            pos.put("isolatedWallet", "0");
            pos.put("initialMargin", line.initialMargin().toPlainString());
            pos.put("maintMargin", maintenance(line.initialMargin()).toPlainString());
            if ("v2".equals(version)) {
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
            pos.put("updateTime", wallMillis.getAsLong());
            positions.add(pos);
        }
        out.put("positions", positions);
        return out;
    }

    @GetMapping("/{version:v2|v3}/positionRisk")
    List<Map<String, Object>> positionRisk(ServerWebExchange web, @PathVariable String version) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, 5);
        String symbol = auth.params().get("symbol");
        if (symbol != null) {
            market(symbol);
        }
        FuturesSnapshot s = exchange.futuresSnapshot(auth.apiKey());
        List<Map<String, Object>> out = new ArrayList<>();
        for (FuturesSnapshot.PositionLine line : s.positions()) {
            Position p = line.position();
            if ((symbol != null && !symbol.equals(p.symbol())) || ("v3".equals(version) && p.amount().signum() == 0)) {
                continue;
            }
            Map<String, Object> pos = new LinkedHashMap<>();
            pos.put("symbol", p.symbol());
            if ("v3".equals(version)) {
                pos.put("positionSide", "BOTH");
            }
            pos.put("positionAmt", p.amount().toPlainString());
            pos.put("entryPrice", p.entryPrice().toPlainString());
            pos.put("breakEvenPrice", p.entryPrice().toPlainString());
            pos.put("markPrice", line.markPrice().toPlainString());
            pos.put("unRealizedProfit", line.unrealisedPnl().toPlainString());
            pos.put("liquidationPrice", "0");
            pos.put("isolatedMargin", "0");
            pos.put("notional", p.notional(line.markPrice()).toPlainString());
            pos.put("isolatedWallet", "0");
            if ("v3".equals(version)) {
                pos.put("marginAsset", "USDT");
                pos.put("initialMargin", line.initialMargin().toPlainString());
                pos.put("maintMargin", maintenance(line.initialMargin()).toPlainString());
                pos.put("positionInitialMargin", line.initialMargin().toPlainString());
                pos.put("openOrderInitialMargin", "0");
                pos.put("adl", 0);
                pos.put("bidNotional", "0");
                pos.put("askNotional", "0");
            } else {
                pos.put("leverage", Integer.toString(line.leverage()));
                pos.put("maxNotionalValue", LeverageBrackets.maxNotional(p.symbol(), line.leverage()).toPlainString());
                pos.put("marginType", line.marginType().positionRiskName());
                pos.put("isAutoAddMargin", "false");
                pos.put("positionSide", "BOTH");
            }
            pos.put("updateTime", wallMillis.getAsLong());
            out.add(pos);
        }
        return out;
    }

    /** Maintenance margin as a fixed share of initial margin: the simulator does not liquidate. */
    private static BigDecimal maintenance(BigDecimal initialMargin) {
        return initialMargin.multiply(new BigDecimal("0.2")).setScale(8, java.math.RoundingMode.HALF_UP);
    }

    private OrderRequest parse(RequestParams p) {
        String symbol = p.require("symbol");
        market(symbol);
        Side side = p.enumValue("side", Side.class);
        if (side == null) {
            throw ApiException.missing("side");
        }
        String typeName = p.require("type");
        if (ALGO_TYPES.contains(typeName)) {
            throw ApiException.badRequest(-4120, "Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.");
        }
        OrderType type = switch (typeName) {
            case "LIMIT" -> OrderType.LIMIT;
            case "MARKET" -> OrderType.MARKET;
            default -> throw ApiException.badRequest(-1116, "Invalid orderType.");
        };
        String clientId = p.get("newClientOrderId");
        if (clientId != null && !CLIENT_ID.matcher(clientId).matches()) {
            throw ApiException.badRequest(-1100, "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[\\.A-Z\\:/a-z0-9_-]{1,36}$'.");
        }
        String reduceOnlyValue = p.get("reduceOnly");
        if (reduceOnlyValue != null && !"true".equals(reduceOnlyValue) && !"false".equals(reduceOnlyValue)) {
            throw ApiException.badRequest(-1116, "Invalid reduceOnly.");
        }
        BigDecimal quantity = p.decimal("quantity");
        if (quantity == null) {
            throw ApiException.missing("quantity");
        }
        BigDecimal price = p.decimal("price");
        TimeInForce tif;
        String tifName = p.get("timeInForce");
        if (type == OrderType.LIMIT) {
            if (tifName == null) {
                throw ApiException.missing("timeInForce");
            }
            if (price == null) {
                throw ApiException.missing("price");
            }
            tif = switch (tifName) {
                case "GTC" -> TimeInForce.GTC;
                case "IOC" -> TimeInForce.IOC;
                case "FOK" -> TimeInForce.FOK;
                default -> throw ApiException.badRequest(-1116, "Invalid timeInForce.");
            };
        } else {
            if (price != null) {
                throw ApiException.badRequest(-1106, "Parameter 'price' sent when not required.");
            }
            tif = null;
        }
        return new OrderRequest(Venue.USDM, symbol, side, type, tif, quantity, null, price, clientId,
                "true".equals(reduceOnlyValue));
    }

    /** The account's position mode decides which positionSide an order may carry (-4061 when it does not fit). */
    private void requirePositionSide(String apiKey, RequestParams p) {
        exchange.positionSideProblem(apiKey, p.get("positionSide")).ifPresent(r -> {
            throw ApiException.badRequest(r.code(), r.msg());
        });
    }

    private static boolean resultResponse(RequestParams p) {
        String value = p.get("newOrderRespType");
        if (value == null || "ACK".equals(value)) {
            return false;
        }
        if ("RESULT".equals(value)) {
            return true;
        }
        throw ApiException.badRequest(-1116, "Invalid newOrderRespType.");
    }

    private SymbolMarket market(String symbol) {
        return exchange.markets().find(symbol).orElseThrow(() -> new RejectedException(-1121, "Invalid symbol."));
    }
}
