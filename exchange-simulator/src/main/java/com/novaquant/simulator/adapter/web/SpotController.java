package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.accounts.AssetBalance;
import com.novaquant.simulator.application.Exchange;
import com.novaquant.simulator.domain.market.Book;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/** Binance spot REST under {@code /spot/api/v3}. */
@RestController
@RequestMapping("/spot/api/v3")
class SpotController {

    private static final Pattern CLIENT_ID = Pattern.compile("^[a-zA-Z0-9-_]{1,36}$");

    private final Exchange exchange;
    private final RequestGate gate;
    private final OrderIntake intake;
    private final LongSupplier wallMillis;
    private final SpotAssets assets;

    SpotController(Exchange exchange, RequestGate gate, OrderIntake intake, LongSupplier wallMillis, SpotAssets assets) {
        this.exchange = exchange;
        this.gate = gate;
        this.intake = intake;
        this.wallMillis = wallMillis;
        this.assets = assets;
    }

    @GetMapping("/ping")
    Map<String, Object> ping(ServerWebExchange web) {
        gate.open(web, Venue.SPOT, 1);
        return Map.of();
    }

    @GetMapping("/time")
    Map<String, Object> time(ServerWebExchange web) {
        gate.open(web, Venue.SPOT, 1);
        return Map.of("serverTime", wallMillis.getAsLong());
    }

    @GetMapping("/exchangeInfo")
    Map<String, Object> exchangeInfo(ServerWebExchange web) {
        RequestParams params = gate.open(web, Venue.SPOT, 20);
        List<String> wanted = Symbols.requested(params);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timezone", "UTC");
        out.put("serverTime", wallMillis.getAsLong());
        out.put("rateLimits", List.of(
                Map.of("rateLimitType", "REQUEST_WEIGHT", "interval", "MINUTE", "intervalNum", 1, "limit", 6000),
                Map.of("rateLimitType", "ORDERS", "interval", "SECOND", "intervalNum", 10, "limit", 100),
                Map.of("rateLimitType", "ORDERS", "interval", "DAY", "intervalNum", 1, "limit", 200000)));
        out.put("exchangeFilters", List.of());
        String status = params.get("symbolStatus");
        out.put("symbols", exchange.markets().all().stream()
                .filter(m -> wanted.isEmpty() || wanted.contains(m.instrument().symbol()))
                .filter(m -> status == null || status.equals(m.listing(Venue.SPOT).binanceStatus(Venue.SPOT)))
                .map(m -> MarketJson.spotSymbol(m.instrument(), m.listing(Venue.SPOT))).toList());
        if (!wanted.isEmpty() && wanted.stream().anyMatch(s -> exchange.markets().find(s).isEmpty())) {
            throw ApiException.badRequest(-1121, "Invalid symbol.");
        }
        return out;
    }

    @GetMapping("/depth")
    Map<String, Object> depth(ServerWebExchange web) {
        RequestParams peek = new RequestParams(web.getRequest().getURI().getRawQuery(), null);
        Long requested = peek.longValue("limit");
        int limit = requested == null ? 100 : (int) Math.min(5000, Math.max(1, requested));
        int weight = limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
        RequestParams params = gate.open(web, Venue.SPOT, weight);
        Book book = market(params.require("symbol")).book(Venue.SPOT);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lastUpdateId", book.updateId());
        out.put("bids", MarketJson.levels(book.bids(), limit, true));
        out.put("asks", MarketJson.levels(book.asks(), limit, true));
        return out;
    }

    @GetMapping("/ticker/bookTicker")
    Object bookTicker(ServerWebExchange web) {
        RequestParams peek = new RequestParams(web.getRequest().getURI().getRawQuery(), null);
        RequestParams params = gate.open(web, Venue.SPOT, peek.get("symbol") != null ? 2 : 4);
        String symbol = params.get("symbol");
        if (symbol != null) {
            return MarketJson.bookTicker(symbol, market(symbol).book(Venue.SPOT), true, null);
        }
        return exchange.markets().all().stream()
                .map(m -> MarketJson.bookTicker(m.instrument().symbol(), m.book(Venue.SPOT), true, null)).toList();
    }

    @PostMapping("/order")
    Mono<Map<String, Object>> newOrder(ServerWebExchange web) {
        return RequestBodies.raw(web).flatMap(body -> newOrder(web, body));
    }

    private Mono<Map<String, Object>> newOrder(ServerWebExchange web, String body) {
        RequestGate.Authenticated auth = gate.signed(web, body, Venue.SPOT, 1);
        RequestParams params = auth.params();
        OrderRequest request;
        try {
            request = parse(params);
            checkFilters(request);
        } catch (ApiException e) {
            intake.journalInvalid(Venue.SPOT, params, e.code());
            throw e;
        } catch (RejectedException e) {
            intake.journalInvalid(Venue.SPOT, params, e.rejection().code());
            throw e;
        }
        OrderJson.SpotResponse responseType = responseType(params);
        return intake.place(auth.apiKey(), request, params, placed -> {
            gate.countOrder(web, auth.apiKey(), Venue.SPOT);
            return OrderJson.spotNewOrder(placed.order(), responseType);
        });
    }

    @PostMapping("/order/test")
    Mono<Map<String, Object>> testOrder(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> testOrder(web, body));
    }

    private Map<String, Object> testOrder(ServerWebExchange web, String body) {
        RequestGate.Authenticated auth = gate.signed(web, body, Venue.SPOT, 1);
        checkFilters(parse(auth.params()));
        return Map.of();
    }

    /**
     * Every filter of the order, the side-dependent ones included, against the average price (the book's mid; the
     * price checks that need it wait for the exchange when the book is empty). The exchange checks the filters again
     * when it places the order.
     */
    private void checkFilters(OrderRequest request) {
        SymbolMarket market = market(request.symbol());
        if (!market.trading(Venue.SPOT)) {
            throw new RejectedException(-1013, "Market is closed.");
        }
        Book book = market.book(Venue.SPOT);
        BigDecimal reference = book.isEmpty() ? null
                : book.bestBid().price().add(book.bestAsk().price()).divide(BigDecimal.TWO, 8, java.math.RoundingMode.HALF_EVEN);
        OrderFilters.checkSpot(market.instrument().spot(), request.side(), request.type(), request.quantity(),
                request.price(), reference);
    }

    @GetMapping("/order")
    Map<String, Object> queryOrder(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.SPOT, 4);
        RequestParams p = auth.params();
        return OrderJson.spotQuery(exchange.query(auth.apiKey(), Venue.SPOT, p.require("symbol"),
                p.longValue("orderId"), p.get("origClientOrderId")));
    }

    @DeleteMapping("/order")
    Mono<Map<String, Object>> cancelOrder(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> cancelOrder(web, body));
    }

    private Map<String, Object> cancelOrder(ServerWebExchange web, String body) {
        RequestGate.Authenticated auth = gate.signed(web, body, Venue.SPOT, 1);
        RequestParams p = auth.params();
        String cancelId = p.get("newClientOrderId") != null ? p.get("newClientOrderId") : "cancel" + wallMillis.getAsLong();
        return OrderJson.spotCancel(exchange.cancel(auth.apiKey(), Venue.SPOT, p.require("symbol"),
                p.longValue("orderId"), p.get("origClientOrderId")), cancelId);
    }

    @GetMapping("/openOrders")
    List<Map<String, Object>> openOrders(ServerWebExchange web) {
        RequestParams peek = new RequestParams(web.getRequest().getURI().getRawQuery(), null);
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.SPOT, peek.get("symbol") != null ? 6 : 80);
        return exchange.openOrders(auth.apiKey(), Venue.SPOT, auth.params().get("symbol")).stream()
                .map(OrderJson::spotQuery).toList();
    }

    @GetMapping("/account")
    Map<String, Object> account(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.SPOT, 20);
        BigDecimal maker = exchange.fees().spotMaker();
        BigDecimal taker = exchange.fees().spotTaker();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("makerCommission", maker.movePointRight(4).intValue());
        out.put("takerCommission", taker.movePointRight(4).intValue());
        out.put("buyerCommission", 0);
        out.put("sellerCommission", 0);
        out.put("commissionRates", Map.of("maker", OrderJson.spot(maker), "taker", OrderJson.spot(taker),
                "buyer", OrderJson.spot(BigDecimal.ZERO), "seller", OrderJson.spot(BigDecimal.ZERO)));
        out.put("canTrade", true);
        out.put("canWithdraw", false);
        out.put("canDeposit", false);
        out.put("brokered", false);
        out.put("requireSelfTradePrevention", false);
        out.put("preventSor", false);
        out.put("updateTime", wallMillis.getAsLong());
        out.put("accountType", "SPOT");
        List<Map<String, Object>> balances = assets.withZeros(exchange.spotBalances(auth.apiKey())).stream()
                .map(SpotController::balance).toList();
        out.put("balances", balances);
        out.put("permissions", List.of("SPOT"));
        out.put("uid", Math.abs(auth.apiKey().hashCode()));
        return out;
    }

    @GetMapping("/account/commission")
    Map<String, Object> commission(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.SPOT, 20);
        String symbol = auth.params().require("symbol");
        market(symbol);
        String maker = OrderJson.spot(exchange.fees().spotMaker());
        String taker = OrderJson.spot(exchange.fees().spotTaker());
        String zero = OrderJson.spot(BigDecimal.ZERO);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", symbol);
        out.put("standardCommission", Map.of("maker", maker, "taker", taker, "buyer", zero, "seller", zero));
        out.put("specialCommission", Map.of("maker", zero, "taker", zero, "buyer", zero, "seller", zero));
        out.put("taxCommission", Map.of("maker", zero, "taker", zero, "buyer", zero, "seller", zero));
        out.put("discount", Map.of("enabledForAccount", false, "enabledForSymbol", false, "discountAsset", "BNB",
                "discount", OrderJson.spot(new BigDecimal("0.25"))));
        return out;
    }

    private static Map<String, Object> balance(AssetBalance b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asset", b.asset());
        out.put("free", OrderJson.spot(b.free()));
        out.put("locked", OrderJson.spot(b.locked()));
        return out;
    }

    private OrderRequest parse(RequestParams p) {
        String symbol = p.require("symbol");
        market(symbol);
        Side side = p.enumValue("side", Side.class);
        if (side == null) {
            throw ApiException.missing("side");
        }
        String typeName = p.require("type");
        OrderType type = switch (typeName) {
            case "LIMIT" -> OrderType.LIMIT;
            case "MARKET" -> OrderType.MARKET;
            case "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER" ->
                    throw ApiException.badRequest(-1013, "This order type is not supported by this exchange.");
            default -> throw ApiException.badRequest(-1116, "Invalid orderType.");
        };
        String clientId = p.get("newClientOrderId");
        if (clientId != null && !CLIENT_ID.matcher(clientId).matches()) {
            throw ApiException.badRequest(-1100, "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[a-zA-Z0-9-_]{1,36}$'.");
        }
        BigDecimal quantity = p.decimal("quantity");
        BigDecimal quoteQty = p.decimal("quoteOrderQty");
        BigDecimal price = p.decimal("price");
        TimeInForce tif = p.enumValue("timeInForce", TimeInForce.class);
        if (type == OrderType.LIMIT) {
            if (tif == null) {
                throw ApiException.missing("timeInForce");
            }
            if (quantity == null) {
                throw ApiException.missing("quantity");
            }
            if (price == null) {
                throw ApiException.missing("price");
            }
            if (quoteQty != null) {
                throw ApiException.badRequest(-1106, "Parameter 'quoteOrderQty' sent when not required.");
            }
        } else {
            if (quantity == null && quoteQty == null) {
                throw ApiException.badRequest(-1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!");
            }
            if (quantity != null && quoteQty != null) {
                throw ApiException.badRequest(-1106, "Parameter 'quoteOrderQty' sent when not required.");
            }
            if (price != null) {
                throw ApiException.badRequest(-1106, "Parameter 'price' sent when not required.");
            }
            if (tif != null) {
                throw ApiException.badRequest(-1106, "Parameter 'timeInForce' sent when not required.");
            }
        }
        if ((quantity != null && quantity.signum() <= 0) || (price != null && price.signum() <= 0)
                || (quoteQty != null && quoteQty.signum() <= 0)) {
            throw ApiException.badRequest(-1013, quantity != null && quantity.signum() <= 0
                    ? "Filter failure: LOT_SIZE" : "Filter failure: PRICE_FILTER");
        }
        return new OrderRequest(Venue.SPOT, symbol, side, type, tif, quantity, quoteQty, price, clientId, false);
    }

    private static OrderJson.SpotResponse responseType(RequestParams p) {
        String value = p.get("newOrderRespType");
        if (value == null) {
            return OrderJson.SpotResponse.FULL;
        }
        try {
            return OrderJson.SpotResponse.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(-1116, "Invalid newOrderRespType.");
        }
    }

    private SymbolMarket market(String symbol) {
        return exchange.markets().find(symbol).orElseThrow(() -> new RejectedException(-1121, "Invalid symbol."));
    }

    /** Parsing of the {@code symbol} / {@code symbols} filters of exchangeInfo. */
    static final class Symbols {
        private Symbols() {
        }

        static List<String> requested(RequestParams p) {
            if (p.get("symbol") != null) {
                return List.of(p.get("symbol"));
            }
            String symbols = p.get("symbols");
            if (symbols == null) {
                return List.of();
            }
            return java.util.Arrays.stream(symbols.replaceAll("[\\[\\]\" ]", "").split(","))
                    .filter(s -> !s.isEmpty()).toList();
        }
    }
}
