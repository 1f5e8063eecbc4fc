package com.novaquant.simulator.admin;

import com.novaquant.simulator.adapter.ws.StreamHub;
import com.novaquant.simulator.application.AccountService;
import com.novaquant.simulator.application.Faults;
import com.novaquant.simulator.application.FundingClock;
import com.novaquant.simulator.application.OrderJournal;
import com.novaquant.simulator.application.OrderService;
import com.novaquant.simulator.application.SyntheticQuoteRate;
import com.novaquant.simulator.domain.accounts.Accounts;
import com.novaquant.simulator.domain.accounts.FuturesSnapshot;
import com.novaquant.simulator.domain.accounts.PaperAccount;
import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.orders.OrderView;
import com.novaquant.simulator.domain.orders.Rejection;
import com.novaquant.simulator.domain.orders.TradeFillView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fault-injection and inspection API (README.md, "Fault-injection admin API"). A stable
 * contract: other modules' tests and the end-to-end suite drive the simulator through it.
 */
@RestController
@RequestMapping("/admin")
class AdminController {

    private final Faults faults;
    private final Markets markets;
    private final Accounts accounts;
    private final OrderService orders;
    private final AccountService accountService;
    private final OrderJournal journal;
    private final StreamHub hub;
    private final SimulationClock clock;
    private final FundingClock fundingClock;
    private final SyntheticQuoteRate quoteRate;

    AdminController(Faults faults, Markets markets, Accounts accounts, OrderService orders, AccountService accountService,
                    OrderJournal journal, StreamHub hub, SimulationClock clock, FundingClock fundingClock,
                    SyntheticQuoteRate quoteRate) {
        this.faults = faults;
        this.markets = markets;
        this.accounts = accounts;
        this.orders = orders;
        this.accountService = accountService;
        this.journal = journal;
        this.hub = hub;
        this.clock = clock;
        this.fundingClock = fundingClock;
        this.quoteRate = quoteRate;
    }

    record OrderFault(Venue venue, String symbol, Integer code, String msg, Faults.AmbiguousMode mode, BigDecimal ratio) {
    }

    record StreamFault(Venue venue, Long ms, Double ratio, Integer count) {
    }

    record Seconds(Long seconds) {
    }

    record VenueSeconds(Venue venue, Long seconds) {
    }

    record Millis(Long ms) {
    }

    record FundingOverride(String symbol, BigDecimal rate) {
    }

    @PostMapping("/faults/reject-next")
    Map<String, Object> rejectNext(@RequestBody OrderFault body) {
        String symbol = symbol(body);
        if (body.code() == null || body.code() >= 0) {
            throw new BadAdminRequest("code must be a negative Binance error code");
        }
        String msg = body.msg() == null ? "Rejected by fault injection." : body.msg();
        faults.rejectNext(venue(body.venue()), symbol, new Rejection(body.code(), msg));
        return ok(Map.of("venue", body.venue(), "symbol", symbol, "code", body.code(), "msg", msg));
    }

    @PostMapping("/faults/ambiguous-next")
    Map<String, Object> ambiguousNext(@RequestBody OrderFault body) {
        String symbol = symbol(body);
        if (body.mode() == null) {
            throw new BadAdminRequest("mode must be HTTP_5XX, CODE_1007 or TIMEOUT");
        }
        faults.ambiguousNext(venue(body.venue()), symbol, body.mode());
        return ok(Map.of("venue", body.venue(), "symbol", symbol, "mode", body.mode()));
    }

    @PostMapping("/faults/partial-fill-next")
    Map<String, Object> partialFillNext(@RequestBody OrderFault body) {
        String symbol = symbol(body);
        if (body.ratio() == null || body.ratio().signum() < 0 || body.ratio().compareTo(BigDecimal.ONE) > 0) {
            throw new BadAdminRequest("ratio must be between 0 and 1");
        }
        faults.partialFillNext(venue(body.venue()), symbol, body.ratio());
        return ok(Map.of("venue", body.venue(), "symbol", symbol, "ratio", body.ratio()));
    }

    @PostMapping("/faults/response-delay")
    Map<String, Object> responseDelay(@RequestBody Millis body) {
        long ms = nonNegative(body.ms(), "ms");
        faults.responseDelay(ms);
        return ok(Map.of("ms", ms));
    }

    @PostMapping("/faults/feed-lag")
    Map<String, Object> feedLag(@RequestBody StreamFault body) {
        long ms = nonNegative(body.ms(), "ms");
        venues(body.venue()).forEach(v -> faults.feedLag(v, ms));
        return ok(Map.of("venues", venues(body.venue()), "ms", ms));
    }

    @PostMapping("/faults/drop-frames")
    Map<String, Object> dropFrames(@RequestBody StreamFault body) {
        if (body.ratio() == null || body.ratio() < 0 || body.ratio() > 1) {
            throw new BadAdminRequest("ratio must be between 0 and 1");
        }
        venues(body.venue()).forEach(v -> faults.dropFrames(v, body.ratio()));
        return ok(Map.of("venues", venues(body.venue()), "ratio", body.ratio()));
    }

    @PostMapping("/faults/disconnect")
    Map<String, Object> disconnect(@RequestBody(required = false) StreamFault body) {
        Venue venue = body == null ? null : body.venue();
        int closed = hub.disconnect(venue, "fault");
        faults.count("disconnect");
        return ok(Map.of("closed", closed));
    }

    @PostMapping("/faults/malformed-frames")
    Map<String, Object> malformedFrames(@RequestBody StreamFault body) {
        if (body.count() == null || body.count() < 0) {
            throw new BadAdminRequest("count must be zero or more");
        }
        venues(body.venue()).forEach(v -> faults.malformedFrames(v, body.count()));
        return ok(Map.of("venues", venues(body.venue()), "count", body.count()));
    }

    @PostMapping("/faults/replay-frames")
    Map<String, Object> replayFrames(@RequestBody StreamFault body) {
        if (body.count() == null || body.count() < 0) {
            throw new BadAdminRequest("count must be zero or more");
        }
        venues(body.venue()).forEach(v -> faults.replayFrames(v, body.count()));
        return ok(Map.of("venues", venues(body.venue()), "count", body.count()));
    }

    @PostMapping("/faults/ban")
    Map<String, Object> ban(@RequestBody VenueSeconds body) {
        long seconds = nonNegative(body.seconds(), "seconds");
        venues(body.venue()).forEach(venue -> faults.ban(venue, seconds));
        return ok(Map.of("seconds", seconds, "venues", venues(body.venue())));
    }

    @PostMapping("/faults/rate-limit")
    Map<String, Object> rateLimit(@RequestBody Seconds body) {
        long seconds = nonNegative(body.seconds(), "seconds");
        faults.rateLimit(seconds);
        return ok(Map.of("seconds", seconds));
    }

    @DeleteMapping("/faults")
    Map<String, Object> clear() {
        faults.clear();
        return ok(Map.of());
    }

    @GetMapping("/faults")
    Map<String, Object> describe() {
        return faults.describe();
    }

    @PostMapping("/market/shutdown-notice")
    Map<String, Object> shutdownNotice(@RequestBody(required = false) StreamFault body) {
        return ok(Map.of("closed", hub.shutdownNotice(body == null ? null : body.venue())));
    }

    @GetMapping("/orders")
    List<Map<String, Object>> orders() {
        Map<String, OrderView> current = orders.allOrders().stream()
                .collect(Collectors.toMap(o -> o.venue() + ":" + o.orderId(), Function.identity()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (OrderJournal.Entry e : journal.entries()) {
            Map<String, Object> row = new LinkedHashMap<>();
            OrderView order = e.orderId() == null ? null : current.get(e.venue() + ":" + e.orderId());
            row.put("venue", e.venue());
            row.put("symbol", e.symbol());
            row.put("orderId", e.orderId());
            row.put("clientOrderId", order != null ? order.clientOrderId() : e.clientOrderId());
            row.put("side", e.side());
            row.put("type", e.type());
            row.put("timeInForce", e.timeInForce());
            row.put("price", e.price());
            row.put("origQty", order != null ? order.origQty().toPlainString() : e.quantity());
            row.put("executedQty", order != null ? order.executedQty().toPlainString() : "0");
            row.put("status", order != null ? order.status().name() : "REJECTED");
            row.put("outcome", e.outcome());
            row.put("receivedAt", e.receivedAt());
            out.add(row);
        }
        return out;
    }

    @GetMapping("/accounts")
    List<Map<String, Object>> accounts() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PaperAccount account : accounts.all()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("apiKey", account.apiKey());
            row.put("spot", accountService.spotBalances(account.apiKey()).stream().map(b -> Map.of(
                    "asset", b.asset(), "free", b.free().toPlainString(), "locked", b.locked().toPlainString())).toList());
            FuturesSnapshot s = accountService.futuresSnapshot(account.apiKey());
            Map<String, Object> futures = new LinkedHashMap<>();
            futures.put("wallet", s.wallet().toPlainString());
            futures.put("unrealisedPnl", s.unrealisedPnl().toPlainString());
            futures.put("availableBalance", s.availableBalance().toPlainString());
            futures.put("positions", s.positions().stream().filter(l -> l.position().amount().signum() != 0)
                    .map(l -> Map.of("symbol", l.position().symbol(), "positionAmt", l.position().amount().toPlainString(),
                            "entryPrice", l.position().entryPrice().toPlainString(),
                            "unrealisedPnl", l.unrealisedPnl().toPlainString())).toList());
            row.put("futures", futures);
            List<OrderView> open = new ArrayList<>(orders.openOrders(account.apiKey(), Venue.SPOT, null));
            open.addAll(orders.openOrders(account.apiKey(), Venue.USDM, null));
            row.put("openOrders", open.stream().map(o -> Map.of("venue", o.venue(), "symbol", o.symbol(),
                    "orderId", o.orderId(), "clientOrderId", o.clientOrderId(), "status", o.status())).toList());
            out.add(row);
        }
        return out;
    }

    /**
     * Every paper account's own records of one symbol: its trades on both venues (commission in kind, USD-M realised
     * PnL) and its futures income entries. What the account's books must add up to, read without signing.
     */
    @GetMapping("/records")
    List<Map<String, Object>> records(@RequestParam String symbol) {
        if (markets.find(symbol).isEmpty()) {
            throw new BadAdminRequest("unknown symbol " + symbol);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (PaperAccount account : accounts.all()) {
            List<Map<String, Object>> trades = new ArrayList<>();
            for (Venue venue : Venue.values()) {
                for (TradeFillView t : orders.trades(account.apiKey(), venue, symbol)) {
                    Map<String, Object> trade = new LinkedHashMap<>();
                    trade.put("venue", venue.name());
                    trade.put("id", t.tradeId());
                    trade.put("orderId", t.orderId());
                    trade.put("side", t.side().name());
                    trade.put("price", t.price().toPlainString());
                    trade.put("qty", t.qty().toPlainString());
                    trade.put("commission", t.fill().commission().toPlainString());
                    trade.put("commissionAsset", t.fill().commissionAsset());
                    trade.put("realizedPnl", t.fill().realizedPnl().toPlainString());
                    trade.put("time", t.time());
                    trades.add(trade);
                }
            }
            List<Map<String, Object>> income = accountService.income(account.apiKey()).stream()
                    .filter(r -> symbol.equals(r.symbol()))
                    .map(r -> {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("incomeType", r.incomeType());
                        entry.put("income", r.income().toPlainString());
                        entry.put("asset", r.asset());
                        entry.put("time", r.time());
                        entry.put("tranId", r.tranId());
                        return entry;
                    }).toList();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("apiKey", account.apiKey());
            row.put("trades", trades);
            row.put("income", income);
            out.add(row);
        }
        return out;
    }

    @PostMapping("/market/funding")
    Map<String, Object> funding(@RequestBody FundingOverride body) {
        SymbolMarket market = markets.find(body.symbol())
                .orElseThrow(() -> new BadAdminRequest("unknown symbol " + body.symbol()));
        market.overrideFundingRate(body.rate());
        faults.count("funding_override");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", body.symbol());
        out.put("rate", market.fundingRate().toPlainString());
        out.put("nextFundingTime", fundingClock.nextFundingWallTime(body.symbol()));
        return ok(out);
    }

    /** The synthetic market's quote rate: book updates per second per symbol and venue. */
    @GetMapping("/market/quote-rate")
    Map<String, Object> quoteRate() {
        requireSyntheticSource();
        return Map.of("perSecond", quoteRate.perSecond());
    }

    /**
     * Changes the synthetic market's quote rate while the simulator runs: {@code {"perSecond": 2500}}, above 0 and at
     * most {@link SyntheticQuoteRate#MAX_PER_SECOND}. The pacing starts again at the new rate from now.
     */
    @PostMapping("/market/quote-rate")
    Map<String, Object> changeQuoteRate(@RequestBody(required = false) JsonNode body) {
        requireSyntheticSource();
        JsonNode value = body == null || !body.isObject() ? null : body.get("perSecond");
        if (value == null || value.isNull()) {
            throw new BadAdminRequest("perSecond is required: book updates per second per symbol and venue, e.g. {\"perSecond\": 2500}");
        }
        if (!value.isNumber()) {
            throw new BadAdminRequest("perSecond must be a number, was " + value);
        }
        double perSecond = value.asDouble();
        if (!(perSecond > 0) || !(perSecond <= SyntheticQuoteRate.MAX_PER_SECOND)) {
            throw new BadAdminRequest("perSecond must be above 0 and at most " + (long) SyntheticQuoteRate.MAX_PER_SECOND
                    + ", was " + value.asString());
        }
        double previous = quoteRate.change(perSecond);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("perSecond", perSecond);
        out.put("previous", previous);
        return ok(out);
    }

    private void requireSyntheticSource() {
        if (!quoteRate.applies()) {
            throw new ConflictingAdminRequest("the quote rate belongs to the synthetic market source; this simulator runs the '"
                    + quoteRate.source() + "' source, whose frames come at their own pace");
        }
    }

    @PostMapping("/clock/advance")
    Map<String, Object> advance(@RequestBody Millis body) {
        long ms = nonNegative(body.ms(), "ms");
        clock.advance(ms);
        int settled = fundingClock.settleDue();
        return ok(Map.of("advancedMs", ms, "marketTime", clock.marketMillis(), "fundingSettlements", settled));
    }

    @ExceptionHandler(BadAdminRequest.class)
    ResponseEntity<Map<String, Object>> bad(BadAdminRequest e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(ConflictingAdminRequest.class)
    ResponseEntity<Map<String, Object>> conflict(ConflictingAdminRequest e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Map<String, Object>> unreadable(ServerWebInputException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "malformed body: " + e.getReason()));
    }

    private String symbol(OrderFault body) {
        venue(body.venue());
        if (body.symbol() == null || markets.find(body.symbol()).isEmpty()) {
            throw new BadAdminRequest("symbol must be one of " + markets.instruments().stream().map(i -> i.symbol()).toList());
        }
        return body.symbol();
    }

    private static Venue venue(Venue venue) {
        if (venue == null) {
            throw new BadAdminRequest("venue must be SPOT or USDM");
        }
        return venue;
    }

    private static List<Venue> venues(Venue venue) {
        return venue == null ? List.of(Venue.values()) : List.of(venue);
    }

    private static long nonNegative(Long value, String name) {
        if (value == null || value < 0) {
            throw new BadAdminRequest(name + " must be zero or more");
        }
        return value;
    }

    private static Map<String, Object> ok(Map<String, Object> details) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.putAll(details);
        return out;
    }

    /** A bad admin request body; answered 400 {"error":..}. */
    static final class BadAdminRequest extends RuntimeException {
        BadAdminRequest(String message) {
            super(message);
        }
    }

    /** An admin request this simulator's set-up cannot serve (e.g. the quote rate of a replay source); answered 409 {"error":..}. */
    static final class ConflictingAdminRequest extends RuntimeException {
        ConflictingAdminRequest(String message) {
            super(message);
        }
    }
}
