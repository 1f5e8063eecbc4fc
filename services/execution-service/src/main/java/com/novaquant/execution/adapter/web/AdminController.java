package com.novaquant.execution.adapter.web;

import com.novaquant.events.KillSwitchState;
import com.novaquant.execution.application.BooksKeeper;
import com.novaquant.execution.application.OperatorActions;
import com.novaquant.execution.application.PnlReader;
import com.novaquant.execution.application.ExecutionMode;
import com.novaquant.execution.application.KillSwitch;
import com.novaquant.execution.application.Ledger;
import com.novaquant.execution.application.Marks;
import com.novaquant.execution.application.OrderRecord;
import com.novaquant.execution.application.PairRecord;
import com.novaquant.execution.application.TradingGate;
import com.novaquant.execution.application.TradedUniverse;
import com.novaquant.execution.application.TradingSupervisor;
import com.novaquant.execution.application.UnresolvedSymbols;
import com.novaquant.execution.domain.PnlReport;
import com.novaquant.execution.domain.PnlRow;
import com.novaquant.execution.domain.PnlSummary;
import com.novaquant.support.admin.AuditActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BiPredicate;

/**
 * The operator's API (HTTP Basic, the shared contract of {@code AdminSecurityAutoConfiguration}): reads need the
 * VIEWER role, every state change the OPERATOR role. Every change records who made it ({@code by}): the authenticated
 * account, and for a DELEGATE account (the alert service) the person it names in {@code X-Nova-Actor}, as
 * {@code "alert-bridge for telegram:@alice"} (see {@link AuditActor}); from anyone else that header is ignored.
 * Ledger and exchange calls block, so every handler runs on the bounded-elastic scheduler, never on the event loop.
 */
@RestController
@RequestMapping("/admin")
@Tag(name = "execution admin",
        description = "The operator's API of execution-service: desk state, books and the risk controls")
public class AdminController {

    private final Ledger ledger;
    private final KillSwitch killSwitch;
    private final OperatorActions operator;
    private final TradingGate gate;
    private final Marks marks;
    private final PnlReader pnl;
    private final BooksKeeper books;
    private final Clock clock;
    private final String mode;
    private final TradingSupervisor supervisor;
    private final UnresolvedSymbols unresolved;
    private final TradedUniverse universe;

    public AdminController(Ledger ledger, KillSwitch killSwitch, OperatorActions operator, TradingGate gate, Marks marks,
                           Clock clock, ExecutionMode tradingMode, TradingSupervisor supervisor,
                           UnresolvedSymbols unresolved, TradedUniverse universe,
                           PnlReader pnl, BooksKeeper books) {
        this.pnl = pnl;
        this.books = books;
        this.unresolved = unresolved;
        this.universe = universe;
        this.ledger = ledger;
        this.killSwitch = killSwitch;
        this.operator = operator;
        this.gate = gate;
        this.marks = marks;
        this.clock = clock;
        this.mode = tradingMode.name();
        this.supervisor = supervisor;
    }

    /** The desk's risk state: {@code deskMode} TRADING, HALTED or FROZEN; engaged while not TRADING. */
    public record KillSwitchView(String deskMode, boolean engaged, String reason, String by, long atMs) {
    }

    /** One automatic hold: its level (HALTED: nothing grows, FROZEN: nothing trades), its symbol or "*", why. */
    public record HoldView(String level, String symbol, String reason) {
    }

    /**
     * @param mode        paper or live
     * @param killSwitch  the desk-wide risk state
     * @param holds       execution's own holds (reconciliation, exchange reads, broken pairs, the account check)
     * @param feedGates   symbols whose market data is gated, with why (they lift by themselves)
     * @param tradingHeld true while anything holds trading (a hold, a gate, a passive instance)
     * @param universeRevision the traded universe's revision in force (0: the configured {@code nova.symbols})
     * @param trackedSymbols   the symbols the desk tracks: the universe's, or {@code nova.symbols}
     */
    public record Status(String mode, KillSwitchView killSwitch, int openPairs, BigDecimal openNotional,
                         BigDecimal pnlToday, boolean tradingHeld, String heldReason, List<HoldView> holds,
                         Map<String, String> feedGates, List<String> unresolvedSymbols, long universeRevision,
                         List<String> trackedSymbols) {
    }

    public record PairView(String symbol, String pairId, String state, BigDecimal spotQty, BigDecimal perpQty,
                           BigDecimal spotEntryPrice, BigDecimal perpEntryPrice, BigDecimal notional,
                           BigDecimal fundingReceived, BigDecimal unrealisedPnl) {
    }

    public record OrderView(String clientOrderId, String pairId, String signalId, String symbol, String venue,
                            String side, BigDecimal quantity, String purpose, String status, BigDecimal executedQty,
                            BigDecimal avgPrice, int errorCode, String errorMessage, long createdAtMs) {
    }

    /**
     * PnL over the last {@code hours}: {@code total} = {@code realised} (basis) + {@code funding} - {@code fees} +
     * {@code unrealised} (the change in unrealised PnL over the window, {@code unrealisedNow - unrealisedAtStart}).
     *
     * @param line       the desk's summary line, as the daily summary sends it
     * @param winRate    pairs that went flat in the window with a positive net PnL, in percent of those that went
     *                   flat; null when none did
     * @param markSource {@code exchange} (perp mark price, spot last price) or {@code signal mids}
     * @param byPair     only with {@code pairs=true}
     */
    public record PnlView(String line, BigDecimal realised, BigDecimal funding, BigDecimal fees, BigDecimal unrealised,
                          BigDecimal total, long trades, Integer winRate, BigDecimal unrealisedNow,
                          BigDecimal unrealisedAtStart, boolean startSampled, String markSource,
                          List<PnlRow> bySymbol, List<PnlRow> byDay, List<PnlRow> byPair) {
    }

    public record ReasonRequest(String reason) {
    }

    public record ActionResult(String action, boolean changed, String by, String reason, int pairsClosed,
                               KillSwitchView killSwitch) {
    }

    @Operation(summary = "Desk status",
            description = "The trading mode, the desk-wide risk state (kill switch), open pairs and notional, today's "
                    + "PnL, every hold and feed gate, and whether anything holds trading. Role VIEWER.")
    @GetMapping("/status")
    public Mono<Status> status() {
        return blocking(() -> {
            List<PairRecord> pairs = ledger.activePairs();
            BigDecimal notional = pairs.stream().map(PairRecord::notional).reduce(BigDecimal.ZERO, BigDecimal::add);
            PnlSummary today = pnl.reportAtSignalMids(LocalDate.now(clock.withZone(ZoneOffset.UTC))
                    .atStartOfDay(ZoneOffset.UTC).toInstant()).summary();
            boolean passive = !supervisor.active();
            Map<String, String> feedGates = new TreeMap<>();
            TradedUniverse.Snapshot traded = universe.current();
            java.util.Set<String> symbols = new java.util.TreeSet<>(traded.tracked());
            pairs.forEach(p -> symbols.add(p.symbol()));
            for (String symbol : symbols) {
                killSwitch.view().feedGated(symbol).ifPresent(why -> feedGates.put(symbol, why));
            }
            List<String> reasons = new ArrayList<>();
            if (passive) {
                reasons.add("passive instance: another instance holds the trading lease");
            }
            if (gate.held()) {
                reasons.add(gate.reason());
            }
            if (!feedGates.isEmpty()) {
                reasons.add("feed gated: " + String.join(", ", feedGates.keySet()));
            }
            boolean held = !reasons.isEmpty();
            List<HoldView> holds = gate.all().stream().map(h -> new HoldView(h.level().name(),
                    h.symbol() == null ? "*" : h.symbol(), h.reason())).toList();
            return new Status(mode, view(killSwitch.current()), pairs.size(), notional, today.total(), held,
                    held ? String.join("; ", reasons) : null, holds, feedGates, List.copyOf(unresolved.snapshot()),
                    traded.revision(), List.copyOf(new java.util.TreeSet<>(traded.tracked())));
        });
    }

    @Operation(summary = "Open pairs",
            description = "Every pair not yet flat: both legs' quantities, notional, funding received and unrealised "
                    + "PnL. Role VIEWER.")
    @GetMapping("/pairs")
    public Mono<List<PairView>> pairs() {
        return blocking(() -> {
            var snapshot = marks.snapshot();
            return ledger.activePairs().stream().map(p -> {
                BigDecimal[] mark = snapshot.get(p.symbol());
                BigDecimal unrealised = mark == null ? BigDecimal.ZERO
                        : p.spot().unrealised(mark[0], false).add(p.perp().unrealised(mark[1], true));
                return new PairView(p.symbol(), p.pairId().value(), p.state().name(), p.spot().quantity(),
                        p.perp().quantity(),
                        p.spot().entryPrice(), p.perp().entryPrice(), p.notional(), p.funding(), unrealised);
            }).toList();
        });
    }

    @Operation(summary = "Recent orders",
            description = "The latest orders (limit, default 50), newest first, with their outcome. Role VIEWER.")
    @GetMapping("/orders")
    public Mono<List<OrderView>> orders(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 1000) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 1..1000"));
        }
        return blocking(() -> ledger.recentOrders(limit).stream().map(AdminController::view).toList());
    }

    @Operation(summary = "PnL over a window",
            description = "Realised (basis), funding, fees and the change in unrealised PnL over the last hours "
                    + "(default 24); pairs=true adds each pair. Role VIEWER.")
    @GetMapping("/pnl")
    public Mono<PnlView> pnl(@RequestParam(defaultValue = "24") int hours,
                             @RequestParam(defaultValue = "false") boolean pairs) {
        if (hours < 1 || hours > 24 * 366) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "hours must be 1..8784"));
        }
        return blocking(() -> {
            PnlReport report = pnl.report(clock.instant().minus(Duration.ofHours(hours)));
            PnlSummary s = report.summary();
            return new PnlView(s.dailyLine(hours), s.realised(), s.funding(), s.fees(), s.unrealised(), s.total(),
                    s.trades(), s.winRatePercent() < 0 ? null : s.winRatePercent(), report.unrealisedNow(),
                    report.unrealisedAtStart(), report.startSampled(), report.markSource(), report.bySymbol(),
                    report.byDay(), pairs ? report.byPair() : List.of());
        });
    }

    /**
     * Books pending trade records and income now, then compares the books with the exchange's income history.
     *
     * @return each difference, exchange minus books, by "item asset" (all zero when the books agree)
     */
    @Operation(summary = "Reconcile the books now",
            description = "Books pending trade records and income, then compares the books with the exchange's income "
                    + "history; answers each difference, exchange minus books. Role OPERATOR.")
    @PostMapping("/books/reconcile")
    public Mono<Map<String, BigDecimal>> reconcileBooks() {
        return blocking(books::reconcile);
    }

    /** HALTS the desk: nothing new opens; closes, reductions, repairs and flatten continue. */
    @Operation(summary = "HALT the desk",
            description = "Nothing new opens; closes, reductions, repairs and flatten continue. Body: {\"reason\": "
                    + "\"...\"}. Role OPERATOR.")
    @PostMapping("/kill-switch/engage")
    public Mono<ActionResult> engage(@RequestBody(required = false) ReasonRequest body,
                                     @RequestHeader(name = AuditActor.ON_BEHALF_OF, required = false) String actor,
                                     Mono<Principal> principal) {
        return changeState("engage", killSwitch::engage, body, actor, principal);
    }

    /** FREEZES the desk: no signal-driven trade at all; operator orders (flatten) still run. */
    @Operation(summary = "FREEZE the desk",
            description = "No signal-driven trade at all; operator orders (flatten) still run. Body: {\"reason\": "
                    + "\"...\"}. Role OPERATOR.")
    @PostMapping("/kill-switch/freeze")
    public Mono<ActionResult> freeze(@RequestBody(required = false) ReasonRequest body,
                                     @RequestHeader(name = AuditActor.ON_BEHALF_OF, required = false) String actor,
                                     Mono<Principal> principal) {
        return changeState("freeze", killSwitch::freeze, body, actor, principal);
    }

    @Operation(summary = "Release the desk to TRADING",
            description = "Lifts HALTED or FROZEN; automatic holds and feed gates still apply. Body: {\"reason\": "
                    + "\"...\"}. Role OPERATOR.")
    @PostMapping("/kill-switch/release")
    public Mono<ActionResult> release(@RequestBody(required = false) ReasonRequest body,
                                      @RequestHeader(name = AuditActor.ON_BEHALF_OF, required = false) String actor,
                                      Mono<Principal> principal) {
        return changeState("release", killSwitch::release, body, actor, principal);
    }

    private Mono<ActionResult> changeState(String action, BiPredicate<String, String> change, ReasonRequest body,
                                           String actor, Mono<Principal> principal) {
        String reason = reason(body);
        return principal.flatMap(p -> blocking(() -> {
            String by = by(actor, p);
            boolean changed = change.test(reason, by);
            return new ActionResult(action, changed, by, reason, 0, view(killSwitch.current()));
        }));
    }

    @Operation(summary = "Flatten every pair",
            description = "Closes both legs of every open pair and keeps the desk HALTED; answers once every pair is "
                    + "closed. 409 on a passive instance. Body: {\"reason\": \"...\"}. Role OPERATOR.")
    @PostMapping("/flatten")
    public Mono<ActionResult> flatten(@RequestBody(required = false) ReasonRequest body,
                                      @RequestHeader(name = AuditActor.ON_BEHALF_OF, required = false) String actor,
                                      Mono<Principal> principal) {
        String reason = reason(body);
        if (!supervisor.active()) {
            // Only the instance holding the trading lease may send orders: one active trader per account.
            return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT,
                    "this instance is passive; flatten on the active execution instance"));
        }
        return principal.flatMap(p -> blocking(() -> {
            String by = by(actor, p);
            int closed = operator.flatten(reason, by);
            return new ActionResult("flatten", closed > 0, by, reason, closed, view(killSwitch.current()));
        }));
    }

    private static String reason(ReasonRequest body) {
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "body {\"reason\": \"...\"} is required");
        }
        String reason = body.reason().strip();
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    private static String by(String actor, Principal principal) {
        return AuditActor.of(principal, actor);
    }

    private static KillSwitchView view(KillSwitchState s) {
        return new KillSwitchView(s.mode().name(), s.engaged(), s.reason(), s.by(), s.atMs());
    }

    private static OrderView view(OrderRecord o) {
        return new OrderView(o.clientOrderId().value(), o.pairId().value(), o.signalId().value(), o.symbol(),
                o.venue().name(), o.side().name(),
                o.quantity(), o.purpose().name(), o.status().name(), o.executedQty(), o.avgPrice(), o.errorCode(),
                o.errorMessage(), o.createdAt().toEpochMilli());
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
