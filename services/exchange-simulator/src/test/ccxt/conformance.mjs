#!/usr/bin/env node
// Drives the exchange simulator with ccxt's own Binance clients, ccxt.binance (spot) and ccxt.binanceusdm (USD-M),
// exactly as a ccxt user or Freqtrade would: every unified call a trading bot makes, the results checked against
// what Binance answers, and each Binance error checked to surface as the ccxt exception it raises against Binance.
//
//   node conformance.mjs [--base-url http://localhost:8090] [--api-key KEY] [--secret SECRET]
//
// Environment instead of arguments: SIMULATOR_BASE_URL, SIMULATOR_API_KEY, SIMULATOR_API_SECRET.
// Prints a table `call | venue | result | detail` and exits 1 when any row is FAIL (2 when it cannot run at all).
// It trades on the paper account of the key it is given and uses the simulator's admin API once, to advance the
// market clock over a funding settlement (POST /admin/clock/advance), so funding income can be read back.

import { readFileSync } from 'node:fs';
import ccxt from 'ccxt';

const {
    ExchangeError, NetworkError, BadRequest, InvalidOrder, InsufficientFunds, OrderNotFound, AuthenticationError,
    InvalidNonce, MarginModeAlreadySet, OperationFailed,
} = ccxt;
const CCXT_VERSION = (() => {
    try {
        return JSON.parse(readFileSync(new URL('./node_modules/ccxt/package.json', import.meta.url), 'utf8')).version;
    } catch {
        return ccxt.version;
    }
})();

// ------------------------------------------------------------------------------------------------ configuration

function argument(name) {
    const args = process.argv.slice(2);
    for (let i = 0; i < args.length; i++) {
        if (args[i] === `--${name}`) {
            return args[i + 1];
        }
        if (args[i].startsWith(`--${name}=`)) {
            return args[i].slice(name.length + 3);
        }
    }
    return undefined;
}

const BASE = (argument('base-url') ?? process.env.SIMULATOR_BASE_URL ?? 'http://localhost:8090').replace(/\/+$/, '');
const API_KEY = argument('api-key') ?? process.env.SIMULATOR_API_KEY ?? 'nova-paper-key';
const SECRET = argument('secret') ?? process.env.SIMULATOR_API_SECRET ?? 'nova-paper-secret';

/**
 * Every entry of ccxt's Binance `urls.api`, pointed at the simulator: spot under /spot, USD-M under /futures, each
 * with Binance's own paths below. COIN-M, options and portfolio margin are not simulated; they point at the simulator
 * as well, so that no call of a misconfigured client ever reaches Binance.
 */
function simulatorUrls(baseUrl) {
    const spot = `${baseUrl}/spot`;
    const futures = `${baseUrl}/futures`;
    return {
        public: `${spot}/api/v3`,
        private: `${spot}/api/v3`,
        v1: `${spot}/api/v1`,
        sapi: `${spot}/sapi/v1`,
        sapiV2: `${spot}/sapi/v2`,
        sapiV3: `${spot}/sapi/v3`,
        sapiV4: `${spot}/sapi/v4`,
        fapiPublic: `${futures}/fapi/v1`,
        fapiPublicV2: `${futures}/fapi/v2`,
        fapiPublicV3: `${futures}/fapi/v3`,
        fapiPrivate: `${futures}/fapi/v1`,
        fapiPrivateV2: `${futures}/fapi/v2`,
        fapiPrivateV3: `${futures}/fapi/v3`,
        fapiData: `${futures}/futures/data`,
        dapiPublic: `${baseUrl}/dapi/v1`,
        dapiPrivate: `${baseUrl}/dapi/v1`,
        dapiPrivateV2: `${baseUrl}/dapi/v2`,
        dapiData: `${baseUrl}/dapi/futures/data`,
        eapiPublic: `${baseUrl}/eapi/v1`,
        eapiPrivate: `${baseUrl}/eapi/v1`,
        papi: `${baseUrl}/papi/v1`,
        papiV2: `${baseUrl}/papi/v2`,
    };
}

/** The body of the last error answer any client received (some ccxt exceptions quote only Binance's msg). */
let lastErrorBody;

/**
 * ccxt picks its venue-specific error tables (spot, linear, ...) by Binance's host names; at any other address only
 * its common table applies. This subclass picks them by the simulator's path prefix instead, so each rejection
 * surfaces as the exception ccxt raises against Binance itself (e.g. -2019 InsufficientFunds, -4116 InvalidOrder).
 */
function onSimulator(Base) {
    return class extends Base {
        handleErrors(code, reason, url, method, headers, body, ...rest) {
            if (code >= 400) {
                lastErrorBody = body;
            }
            return super.handleErrors(code, reason, url, method, headers, body, ...rest);
        }

        getExceptionsByUrl(url, exactOrBroad) {
            const type = url === undefined ? undefined
                : url.startsWith(`${BASE}/spot/`) ? 'spot'
                    : url.startsWith(`${BASE}/futures/`) ? 'linear' : undefined;
            if (type === undefined) {
                return super.getExceptionsByUrl(url, exactOrBroad);
            }
            return this.safeDict(this.safeDict(this.exceptions, type, {}), exactOrBroad, {});
        }
    };
}

function client(Base, { secret = SECRET, options = {} } = {}) {
    const Simulated = onSimulator(Base);
    return new Simulated({
        apiKey: API_KEY,
        secret,
        urls: { api: simulatorUrls(BASE) },
        options,
        timeout: 10000,
        enableRateLimit: false,
    });
}

// ------------------------------------------------------------------------------------------------ rows

const rows = [];

class CheckFailed extends Error {
}

function check(condition, message) {
    if (!condition) {
        throw new CheckFailed(message);
    }
}

function oneLine(text) {
    const flat = String(text ?? '')
        .split(BASE).join('')
        .replace(/\?[^\s]*/g, '')
        .replace(/"(timestamp|requestId)":"[^"]*",/g, '')
        .replace(/,"(timestamp|requestId)":"[^"]*"/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    return flat.length > 220 ? `${flat.slice(0, 217)}...` : flat;
}

function describeError(e) {
    if (e instanceof CheckFailed) {
        return e.message;
    }
    return `${e?.constructor?.name ?? 'Error'}: ${e?.message ?? e}`;
}

function record(call, venue, ok, detail) {
    rows.push({ call, venue, result: ok ? 'PASS' : 'FAIL', detail: oneLine(detail) });
}

/** Runs one call; PASS with the detail it returns, FAIL with the failed check or the exception. */
async function row(call, venue, body) {
    try {
        const detail = await body();
        record(call, venue, true, detail ?? 'ok');
        return true;
    } catch (e) {
        record(call, venue, false, describeError(e));
        return false;
    }
}

function binanceCode(text) {
    const match = /"code"\s*:\s*(-?\d+)/.exec(text ?? '');
    return match ? Number(match[1]) : undefined;
}

/**
 * A call that Binance rejects: PASS when ccxt raises one of `classes` and (when given) the answer carried Binance's
 * `code`, FAIL when the call succeeds or raises something else.
 */
async function rejected(call, venue, { classes, code, notClasses = [] }, body) {
    const expected = `${classes.map((c) => c.name).join(' or ')}${code !== undefined ? ` (${code})` : ''}`;
    lastErrorBody = undefined;
    try {
        const result = await body();
        const what = result?.id !== undefined && result?.status !== undefined ? orderDetail(result) : JSON.stringify(result?.info ?? result);
        record(call, venue, false, `expected ${expected}, the call succeeded: ${what}`);
    } catch (e) {
        const answered = binanceCode(e?.message) ?? binanceCode(lastErrorBody);
        const ok = classes.some((c) => e instanceof c) && !notClasses.some((c) => e instanceof c)
            && (code === undefined || answered === code);
        const detail = `${describeError(e)}${answered !== undefined && binanceCode(e?.message) === undefined ? ` (code ${answered})` : ''}`;
        record(call, venue, ok, ok ? detail : `expected ${expected}, got ${detail}`);
    }
}

function printTable() {
    const header = { call: 'call', venue: 'venue', result: 'result', detail: 'detail' };
    const width = (key) => Math.max(...[header, ...rows].map((r) => r[key].length));
    const widths = { call: width('call'), venue: width('venue'), result: width('result') };
    const line = (r) => `${r.call.padEnd(widths.call)} | ${r.venue.padEnd(widths.venue)} | ${r.result.padEnd(widths.result)} | ${r.detail}`;
    const out = [line(header), `${'-'.repeat(widths.call)}-|-${'-'.repeat(widths.venue)}-|-${'-'.repeat(widths.result)}-|-${'-'.repeat(6)}`];
    rows.forEach((r) => out.push(line(r)));
    const failed = rows.filter((r) => r.result === 'FAIL').length;
    out.push('', `${rows.length} rows: ${rows.length - failed} PASS, ${failed} FAIL`);
    console.log(out.join('\n'));
    return failed;
}

// ------------------------------------------------------------------------------------------------ helpers

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
const clientId = (tag) => `nq${tag}${RUN}`;

function near(a, b) {
    return Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.max(1, Math.abs(Number(b)));
}

function decimals(step) {
    const text = Number(step).toFixed(12).replace(/0+$/, '');
    return text.includes('.') ? text.split('.')[1].length : 0;
}

/** The smallest multiple of the market's step worth at least `notional` at `price`. */
function amountFor(exchange, symbol, notional, price) {
    const market = exchange.market(symbol);
    const step = market.precision.amount;
    const units = Math.ceil(notional / price / step - 1e-9);
    return Number((units * step).toFixed(decimals(step)));
}

/** A quantity worth about `notional` at `price`, off the step by half a step (more decimals than the step allows). */
function offStepQuantity(exchange, symbol, notional, price) {
    const step = exchange.market(symbol).precision.amount;
    const valid = amountFor(exchange, symbol, notional, price);
    return (valid + step / 2).toFixed(decimals(step) + 1);
}

function filters(market) {
    return Object.fromEntries((market.info.filters ?? []).map((f) => [f.filterType, f]));
}

function minNotional(market) {
    const f = filters(market);
    return Number(f.NOTIONAL?.minNotional ?? f.MIN_NOTIONAL?.minNotional ?? f.MIN_NOTIONAL?.notional ?? 10);
}

async function bestPrices(exchange, symbol) {
    const book = await exchange.fetchOrderBook(symbol, 5);
    check(book.bids.length > 0 && book.asks.length > 0, `${symbol} book is empty`);
    return { bid: book.bids[0][0], ask: book.asks[0][0] };
}

async function admin(method, path, body) {
    const response = await fetch(`${BASE}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    check(response.ok, `admin ${method} ${path} answered ${response.status} ${text}`);
    return JSON.parse(text);
}

/** Moves the simulated market clock past the next funding settlement of `symbolId` (no waiting on the wall clock). */
async function settleFunding(exchange, symbolId) {
    for (let attempt = 0; attempt < 8; attempt++) {
        const premium = await exchange.fapiPublicGetPremiumIndex({ symbol: symbolId });
        const untilNext = Math.max(0, Number(premium.nextFundingTime) - Date.now()) + 1000;
        const answer = await admin('POST', '/admin/clock/advance', { ms: untilNext * 2 ** attempt });
        if (answer.fundingSettlements > 0) {
            return answer.fundingSettlements;
        }
    }
    throw new CheckFailed('no funding settlement after advancing the market clock 8 times');
}

/** Loads markets the way ccxt does by default with keys (exchangeInfo plus its /sapi start-up calls). */
async function loadMarketsRow(exchange, venue, symbols) {
    const loaded = await row('loadMarkets', venue, async () => {
        await exchange.loadMarkets();
        symbols.forEach((s) => check(exchange.markets[s] !== undefined, `${s} missing from the markets`));
        return `${Object.keys(exchange.markets).length} markets (${symbols.join(', ')}), ${Object.keys(exchange.currencies ?? {}).length} currencies`;
    });
    if (!loaded) {
        // The remaining rows still run, on markets from exchangeInfo alone (ccxt's /sapi start-up calls left out).
        exchange.options.fetchCurrencies = false;
        exchange.options.fetchMargins = false;
        try {
            await exchange.loadMarkets(true);
            rows.at(-1).detail = oneLine(`(rows below load markets from exchangeInfo alone) ${rows.at(-1).detail}`);
        } catch (e) {
            rows.at(-1).detail = oneLine(`exchangeInfo alone failed too: ${describeError(e)}; ${rows.at(-1).detail}`);
        }
    }
}

// ------------------------------------------------------------------------------------------------ shared calls

async function marketData(exchange, venue, symbol, other) {
    await row('fetchTime', venue, async () => {
        const time = await exchange.fetchTime();
        check(Number.isInteger(time) && Math.abs(time - Date.now()) < 5000, `server time ${time} is not the wall clock`);
        return `serverTime ${time}`;
    });
    await row('fetchOrderBook', venue, async () => {
        const book = await exchange.fetchOrderBook(symbol, 10);
        check(book.bids.length > 0 && book.asks.length > 0, 'a side of the book is empty');
        check(book.bids.length <= 10 && book.asks.length <= 10, `limit 10 not honoured (${book.bids.length}/${book.asks.length})`);
        check(book.bids[0][0] < book.asks[0][0], `crossed book ${book.bids[0][0]} / ${book.asks[0][0]}`);
        check(book.bids.every((b, i) => i === 0 || b[0] < book.bids[i - 1][0]), 'bids not descending');
        check(book.asks.every((a, i) => i === 0 || a[0] > book.asks[i - 1][0]), 'asks not ascending');
        check(book.nonce !== undefined, 'no lastUpdateId');
        return `${symbol} bid ${book.bids[0][0]} ask ${book.asks[0][0]}, ${book.bids.length}x${book.asks.length} levels`;
    });
    await row('fetchTicker', venue, async () => {
        const t = await exchange.fetchTicker(symbol);
        check(t.symbol === symbol, `symbol ${t.symbol}`);
        check(t.last > 0, `last ${t.last}`);
        check(t.high >= t.low && t.low > 0, `high ${t.high} low ${t.low}`);
        check(t.baseVolume !== undefined && t.baseVolume >= 0, `baseVolume ${t.baseVolume}`);
        if (t.bid !== undefined && t.ask !== undefined) {
            check(t.bid <= t.ask, `bid ${t.bid} above ask ${t.ask}`);
        }
        return `${symbol} last ${t.last} high ${t.high} low ${t.low} vol ${t.baseVolume}`;
    });
    await row('fetchTickers', venue, async () => {
        const tickers = await exchange.fetchTickers();
        [symbol, other].forEach((s) => check(tickers[s]?.last > 0, `${s} missing or without last price`));
        return `${Object.keys(tickers).length} tickers`;
    });
    await row('fetchOHLCV', venue, async () => {
        const candles = await exchange.fetchOHLCV(symbol, '1m', undefined, 5);
        check(candles.length > 0 && candles.length <= 5, `${candles.length} candles for limit 5`);
        candles.forEach(([t, o, h, l, c, v], i) => {
            check(t % 60000 === 0, `open time ${t} not on a minute`);
            check(i === 0 || t > candles[i - 1][0], 'candles not ascending');
            check(l <= Math.min(o, c) && h >= Math.max(o, c) && l > 0, `candle ${t} o ${o} h ${h} l ${l} c ${c}`);
            check(v >= 0, `volume ${v}`);
        });
        const last = candles.at(-1);
        return `${candles.length} candles, last ${new Date(last[0]).toISOString()} close ${last[4]}`;
    });
}

/**
 * Errors every venue answers alike: unknown order, bad signature, stale timestamp, unknown path. An unknown path is
 * answered with a Binance code (spot -1000, which ccxt classes as OperationFailed; USD-M -5000), never as an outage.
 */
async function commonErrors(exchange, venue, Base, symbol, signedCall, publicApi, unknownPathCode) {
    await rejected('fetchOrder (unknown id)', venue, { classes: [OrderNotFound], code: -2013 },
        () => exchange.fetchOrder('987654321012', symbol));
    await rejected('cancelOrder (unknown id)', venue, { classes: [OrderNotFound], code: -2011 },
        () => exchange.cancelOrder('987654321012', symbol));
    await rejected('bad signature', venue, { classes: [AuthenticationError], code: -1022 },
        () => signedCall(client(Base, { secret: `${SECRET}-wrong` })));
    await rejected('stale timestamp', venue, { classes: [InvalidNonce], code: -1021 },
        () => signedCall(client(Base, { options: { timeDifference: 30000 } })));
    await rejected('unknown path', venue,
        { classes: [ExchangeError, OperationFailed], code: unknownPathCode, notClasses: [NetworkError] },
        () => exchange.request('noSuchEndpoint', publicApi, 'GET'));
}

function orderDetail(o) {
    return `id ${o.id} ${o.type} ${o.side} ${o.status}, amount ${o.amount} filled ${o.filled}${o.average ? ` @ ${o.average}` : o.price ? ` price ${o.price}` : ''}`;
}

async function orderLifecycle(exchange, venue, symbol, { market, limitPrice, tag }) {
    const state = {};
    await row('createOrder market', venue, async () => {
        const id = clientId(`${tag}m`);
        const o = await exchange.createOrder(symbol, 'market', 'buy', market.amount, undefined, { clientOrderId: id });
        state.market = { id: o.id, clientOrderId: id, amount: market.amount };
        check(o.status === 'closed', `status ${o.status}`);
        check(near(o.filled, market.amount), `filled ${o.filled} of ${market.amount}`);
        check(o.average > 0, `average ${o.average}`);
        check(o.clientOrderId === id, `clientOrderId ${o.clientOrderId}`);
        return orderDetail(o);
    });
    await row('fetchOrder (by id)', venue, async () => {
        check(state.market, 'no market order (createOrder market failed)');
        const o = await exchange.fetchOrder(state.market.id, symbol);
        check(o.id === state.market.id, `id ${o.id}`);
        check(o.status === 'closed', `filled market order reported ${o.status}`);
        check(near(o.filled, state.market.amount), `filled ${o.filled}`);
        return orderDetail(o);
    });
    await row('fetchOrder (by client id)', venue, async () => {
        check(state.market, 'no market order (createOrder market failed)');
        const o = await exchange.fetchOrder(undefined, symbol, { clientOrderId: state.market.clientOrderId });
        check(o.id === state.market.id, `clientOrderId ${state.market.clientOrderId} gave order ${o.id}`);
        check(o.status === 'closed', `status ${o.status}`);
        return `${state.market.clientOrderId} -> ${orderDetail(o)}`;
    });
    await row('fetchMyTrades', venue, async () => {
        check(state.market, 'no market order (createOrder market failed)');
        const trades = (await exchange.fetchMyTrades(symbol)).filter((t) => t.order === state.market.id);
        check(trades.length > 0, `no trade of order ${state.market.id}`);
        const filled = trades.reduce((sum, t) => sum + t.amount, 0);
        check(near(filled, state.market.amount), `trades add up to ${filled}, order filled ${state.market.amount}`);
        trades.forEach((t) => {
            check(t.side === 'buy' && t.symbol === symbol && t.price > 0, `trade ${t.id}: ${t.side} ${t.symbol} @ ${t.price}`);
            check(t.fee?.cost > 0 && t.fee?.currency, `trade ${t.id} without commission (${JSON.stringify(t.fee)})`);
            check(t.takerOrMaker === 'taker', `trade ${t.id} ${t.takerOrMaker} for a market order`);
        });
        const fee = trades.reduce((sum, t) => sum + t.fee.cost, 0);
        return `${trades.length} trades of order ${state.market.id}, ${filled} filled, commission ${fee} ${trades[0].fee.currency}`;
    });
    await row('createOrder limit', venue, async () => {
        const id = clientId(`${tag}l`);
        const o = await exchange.createOrder(symbol, 'limit', 'buy', limitPrice.amount, limitPrice.price, { clientOrderId: id });
        state.limit = { id: o.id, clientOrderId: id };
        check(o.status === 'open', `status ${o.status}`);
        check(o.filled === 0, `filled ${o.filled}`);
        check(near(o.price, limitPrice.price), `price ${o.price}`);
        return orderDetail(o);
    });
    await row('fetchOpenOrders', venue, async () => {
        check(state.limit, 'no resting order (createOrder limit failed)');
        const open = await exchange.fetchOpenOrders(symbol);
        const mine = open.find((o) => o.id === state.limit.id);
        check(mine?.status === 'open', `resting order ${state.limit.id} not listed as open`);
        check(!open.some((o) => o.id === state.market?.id), 'the filled market order is listed as open');
        return `${open.length} open, resting ${state.limit.id} listed`;
    });
    await rejected('createOrder (duplicate client id)', venue, {
        classes: [InvalidOrder], code: venue === 'spot' ? -2010 : -4116,
    }, () => {
        check(state.limit, 'no resting order (createOrder limit failed)');
        return exchange.createOrder(symbol, 'limit', 'buy', limitPrice.amount, limitPrice.price, { clientOrderId: state.limit.clientOrderId });
    });
    await row('cancelOrder', venue, async () => {
        check(state.limit, 'no resting order (createOrder limit failed)');
        const o = await exchange.cancelOrder(state.limit.id, symbol);
        check(o.id === state.limit.id && o.status === 'canceled', `order ${o.id} ${o.status}`);
        return orderDetail(o);
    });
    await row('fetchOrders', venue, async () => {
        check(state.market && state.limit, 'needs the market and limit orders above');
        const orders = await exchange.fetchOrders(symbol);
        const byId = Object.fromEntries(orders.map((o) => [o.id, o]));
        check(byId[state.market.id]?.status === 'closed', `market order ${state.market.id}: ${byId[state.market.id]?.status ?? 'missing'}`);
        check(byId[state.limit.id]?.status === 'canceled', `limit order ${state.limit.id}: ${byId[state.limit.id]?.status ?? 'missing'}`);
        return `${orders.length} orders, market closed, limit canceled`;
    });
    return state;
}

// ------------------------------------------------------------------------------------------------ spot

async function spotSuite() {
    const venue = 'spot';
    const symbol = 'BTC/USDT';
    const other = 'ETH/USDT';
    const spot = client(ccxt.binance, { options: { fetchMarkets: { types: ['spot'] } } });

    await row('urls', venue, async () => {
        const elsewhere = Object.entries(spot.urls.api).filter(([, url]) => typeof url !== 'string' || !url.startsWith(BASE));
        check(elsewhere.length === 0, `not pointed at the simulator: ${elsewhere.map(([k]) => k).join(', ')}`);
        return `all ${Object.keys(spot.urls.api).length} urls.api entries on the simulator`;
    });
    await loadMarketsRow(spot, venue, [symbol, other]);
    await row('markets (filters)', venue, async () => {
        const m = spot.market(symbol);
        const f = filters(m);
        check(m.spot && m.id === 'BTCUSDT' && m.base === 'BTC' && m.quote === 'USDT', `market ${m.id} ${m.type}`);
        check(near(m.precision.price, f.PRICE_FILTER.tickSize), `precision.price ${m.precision.price} vs tickSize ${f.PRICE_FILTER.tickSize}`);
        check(near(m.precision.amount, f.LOT_SIZE.stepSize), `precision.amount ${m.precision.amount} vs stepSize ${f.LOT_SIZE.stepSize}`);
        check(near(m.limits.amount.min, f.LOT_SIZE.minQty), `limits.amount.min ${m.limits.amount.min} vs minQty ${f.LOT_SIZE.minQty}`);
        check(near(m.limits.cost.min, minNotional(m)), `limits.cost.min ${m.limits.cost.min} vs minNotional ${minNotional(m)}`);
        return `tick ${m.precision.price}, step ${m.precision.amount}, min qty ${m.limits.amount.min}, min notional ${m.limits.cost.min}`;
    });
    await marketData(spot, venue, symbol, other);
    await row('fetchBalance', venue, async () => {
        const b = await spot.fetchBalance();
        check(b.USDT?.free > 0, `USDT ${JSON.stringify(b.USDT)}`);
        check(b.BTC !== undefined && b.total.BTC !== undefined, 'BTC not listed (Binance lists every asset, zero balances included)');
        check(b.ETH !== undefined, 'ETH not listed (Binance lists every asset, zero balances included)');
        return `USDT free ${b.USDT.free} used ${b.USDT.used}, BTC total ${b.BTC.total}, ${Object.keys(b.total).length} assets`;
    });

    let prices;
    try {
        prices = await bestPrices(spot, symbol);
    } catch (e) {
        record('order set-up (fetchOrderBook)', venue, false, describeError(e));
        return;
    }
    const m = spot.market(symbol);
    const notional = 3 * minNotional(m);
    const limitPrice = Number(spot.priceToPrecision(symbol, prices.bid * 0.9));
    await orderLifecycle(spot, venue, symbol, {
        tag: 's',
        market: { amount: amountFor(spot, symbol, notional, prices.ask) },
        limitPrice: { price: limitPrice, amount: amountFor(spot, symbol, notional, limitPrice) },
    });

    await rejected('createOrder (bad precision)', venue, { classes: [InvalidOrder], code: -1013 },
        () => spot.privatePostOrder({
            symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC',
            quantity: offStepQuantity(spot, symbol, notional, limitPrice), price: spot.priceToPrecision(symbol, limitPrice),
        }));
    await rejected('createOrder (insufficient balance)', venue, { classes: [InsufficientFunds], code: -2010 }, () => {
        const max = Math.min(m.limits.market?.max ?? Infinity, m.limits.amount.max ?? Infinity);
        const amount = Number(spot.amountToPrecision(symbol, Number.isFinite(max) ? max / 2 : 1e6 / prices.bid));
        return spot.createOrder(symbol, 'market', 'sell', amount);
    });
    await commonErrors(spot, venue, ccxt.binance, symbol, (c) => c.privateGetAccount(), 'public', -1000);
}

// ------------------------------------------------------------------------------------------------ USD-M

/**
 * Cancels the account's open USD-M orders and closes its positions (raw Binance calls, nothing a row depends on), so
 * the position-mode and margin-type changes find a flat account even after an earlier run left something behind.
 */
async function flatten(usdm) {
    try {
        for (const o of await usdm.fapiPrivateGetOpenOrders()) {
            await usdm.fapiPrivateDeleteOrder({ symbol: o.symbol, orderId: o.orderId });
        }
        for (const p of await usdm.fapiPrivateV2GetPositionRisk()) {
            if (Number(p.positionAmt) !== 0) {
                await usdm.fapiPrivatePostOrder({
                    symbol: p.symbol, side: Number(p.positionAmt) > 0 ? 'SELL' : 'BUY', type: 'MARKET',
                    quantity: p.positionAmt.replace('-', ''), reduceOnly: 'true',
                });
            }
        }
    } catch (e) {
        record('flatten the account (open orders, positions)', 'usdm', false, describeError(e));
    }
}

async function usdmSuite() {
    const venue = 'usdm';
    const symbol = 'BTC/USDT:USDT';
    const other = 'ETH/USDT:USDT';
    const usdm = client(ccxt.binanceusdm);
    await flatten(usdm);

    await row('urls', venue, async () => {
        const elsewhere = Object.entries(usdm.urls.api).filter(([, url]) => typeof url !== 'string' || !url.startsWith(BASE));
        check(elsewhere.length === 0, `not pointed at the simulator: ${elsewhere.map(([k]) => k).join(', ')}`);
        return `all ${Object.keys(usdm.urls.api).length} urls.api entries on the simulator`;
    });
    await loadMarketsRow(usdm, venue, [symbol, other]);
    await row('markets (filters)', venue, async () => {
        const m = usdm.market(symbol);
        const f = filters(m);
        check(m.swap && m.linear && m.settle === 'USDT' && m.contractSize === 1 && m.id === 'BTCUSDT', `market ${m.id} ${m.type} settle ${m.settle}`);
        check(near(m.precision.price, f.PRICE_FILTER.tickSize), `precision.price ${m.precision.price} vs tickSize ${f.PRICE_FILTER.tickSize}`);
        check(near(m.precision.amount, f.LOT_SIZE.stepSize), `precision.amount ${m.precision.amount} vs stepSize ${f.LOT_SIZE.stepSize}`);
        check(near(m.limits.amount.min, f.LOT_SIZE.minQty), `limits.amount.min ${m.limits.amount.min} vs minQty ${f.LOT_SIZE.minQty}`);
        check(near(m.limits.cost.min, minNotional(m)), `limits.cost.min ${m.limits.cost.min} vs notional ${minNotional(m)}`);
        return `tick ${m.precision.price}, step ${m.precision.amount}, min qty ${m.limits.amount.min}, min notional ${m.limits.cost.min}`;
    });
    await marketData(usdm, venue, symbol, other);
    await row('fetchBalance', venue, async () => {
        const b = await usdm.fetchBalance();
        check(b.USDT?.total > 0 && b.USDT?.free > 0, `USDT ${JSON.stringify(b.USDT)}`);
        return `USDT total ${b.USDT.total} free ${b.USDT.free} used ${b.USDT.used}`;
    });

    // Account set-up, as a bot does it before trading (Freqtrade: position mode, asset mode, margin mode, leverage).
    await row('fetchPositionMode', venue, async () => {
        const mode = await usdm.fetchPositionMode(symbol);
        check(mode.hedged === false, `hedged ${mode.hedged}, One-way Mode expected`);
        return 'One-way Mode (hedged false)';
    });
    await row('setPositionMode', venue, async () => {
        await usdm.setPositionMode(true);
        let hedged;
        try {
            hedged = (await usdm.fetchPositionMode(symbol)).hedged;
        } finally {
            await usdm.setPositionMode(false);
        }
        check(hedged === true, `after setPositionMode(true) hedged is ${hedged}`);
        const back = (await usdm.fetchPositionMode(symbol)).hedged;
        check(back === false, `after setPositionMode(false) hedged is ${back}`);
        return 'Hedge Mode set and read back, One-way Mode restored';
    });
    await row('fapiPrivateGetMultiAssetsMargin', venue, async () => {
        const answer = await usdm.fapiPrivateGetMultiAssetsMargin();
        check(answer.multiAssetsMargin === false, `multiAssetsMargin ${answer.multiAssetsMargin}`);
        return 'Single-Asset Mode (multiAssetsMargin false)';
    });
    await row('setMarginMode', venue, async () => {
        const isolated = await usdm.setMarginMode('isolated', symbol);
        check(String(isolated.code) === '200', `isolated: ${JSON.stringify(isolated)}`);
        const cross = await usdm.setMarginMode('cross', symbol);
        check(String(cross.code) === '200', `cross: ${JSON.stringify(cross)}`);
        return 'ISOLATED then CROSSED: {"code":200,"msg":"success"}';
    });
    await rejected('setMarginMode (unchanged)', venue, { classes: [MarginModeAlreadySet], code: -4046 },
        () => usdm.setMarginMode('cross', symbol));
    await row('setLeverage', venue, async () => {
        const answer = await usdm.setLeverage(10, symbol);
        check(Number(answer.leverage) === 10 && answer.symbol === 'BTCUSDT', JSON.stringify(answer));
        return `leverage ${answer.leverage}, maxNotionalValue ${answer.maxNotionalValue}`;
    });
    await row('fetchLeverageTiers', venue, async () => {
        const tiers = (await usdm.fetchLeverageTiers([symbol]))[symbol];
        check(Array.isArray(tiers) && tiers.length > 0, `no tiers for ${symbol}`);
        check(tiers[0].minNotional === 0, `first tier starts at ${tiers[0].minNotional}`);
        check(tiers.every((t, i) => t.maxLeverage > 0 && t.maintenanceMarginRate > 0 && t.maxNotional > t.minNotional
            && (i === 0 || t.minNotional === tiers[i - 1].maxNotional)), 'tiers not contiguous or incomplete');
        check(tiers[0].maxLeverage >= 10, `first tier max leverage ${tiers[0].maxLeverage}`);
        return `${tiers.length} tiers, first ${tiers[0].maxLeverage}x up to ${tiers[0].maxNotional} (mmr ${tiers[0].maintenanceMarginRate})`;
    });

    let prices;
    let otherPrices;
    try {
        prices = await bestPrices(usdm, symbol);
        otherPrices = await bestPrices(usdm, other);
    } catch (e) {
        record('order set-up (fetchOrderBook)', venue, false, describeError(e));
        return;
    }
    const m = usdm.market(symbol);
    const notional = 2 * minNotional(m);

    // Before any position exists on the other symbol.
    await rejected('createOrder (reduceOnly, no position)', venue, { classes: [InvalidOrder], code: -2022 },
        () => usdm.createOrder(other, 'market', 'sell', amountFor(usdm, other, 2 * minNotional(usdm.market(other)), otherPrices.bid),
            undefined, { reduceOnly: true }));

    const limitPrice = Number(usdm.priceToPrecision(symbol, prices.bid * 0.97));
    const marketAmount = amountFor(usdm, symbol, notional, prices.ask);
    const state = await orderLifecycle(usdm, venue, symbol, {
        tag: 'f',
        market: { amount: marketAmount },
        limitPrice: { price: limitPrice, amount: amountFor(usdm, symbol, notional, limitPrice) },
    });

    await row('fetchPositions', venue, async () => {
        check(state.market, 'no market order (createOrder market failed)');
        const positions = await usdm.fetchPositions([symbol]);
        const p = positions.find((x) => x.symbol === symbol && x.contracts > 0);
        check(p, `no open ${symbol} position among ${positions.length}`);
        check(p.side === 'long' && near(p.contracts, marketAmount), `${p.side} ${p.contracts}, long ${marketAmount} expected`);
        check(p.entryPrice > 0 && p.markPrice > 0 && p.marginMode === 'cross', `entry ${p.entryPrice} mark ${p.markPrice} ${p.marginMode}`);
        return `${p.side} ${p.contracts} @ ${p.entryPrice}, mark ${p.markPrice}, ${p.marginMode}, uPnL ${p.unrealizedPnl}`;
    });
    await row('fetchFundingRate', venue, async () => {
        const f = await usdm.fetchFundingRate(symbol);
        check(typeof f.fundingRate === 'number', `fundingRate ${f.fundingRate}`);
        check(f.markPrice > 0 && f.indexPrice > 0, `mark ${f.markPrice} index ${f.indexPrice}`);
        check(f.fundingTimestamp > Date.now() - 1000, `next funding time ${f.fundingTimestamp}`);
        return `rate ${f.fundingRate}, next settlement ${f.fundingDatetime}, mark ${f.markPrice}`;
    });
    let settled;
    try {
        settled = await settleFunding(usdm, 'BTCUSDT');
    } catch (e) {
        record('funding settlement (admin clock advance)', venue, false, describeError(e));
    }
    await row('fetchFundingRateHistory', venue, async () => {
        check(settled, 'no funding settled (admin clock advance failed)');
        const history = await usdm.fetchFundingRateHistory(symbol);
        check(history.length > 0, 'no settled rate');
        history.forEach((h) => check(h.symbol === symbol && typeof h.fundingRate === 'number' && h.timestamp > 0, `entry ${JSON.stringify(h.info)}`));
        check(history.every((h, i) => i === 0 || h.timestamp >= history[i - 1].timestamp), 'not in time order');
        const last = history.at(-1);
        return `${history.length} settlements, last ${last.fundingRate} at ${last.datetime}`;
    });
    await row('fetchFundingHistory', venue, async () => {
        check(settled, 'no funding settled (admin clock advance failed)');
        check(state.market, 'no position (createOrder market failed)');
        const income = await usdm.fetchFundingHistory(symbol);
        check(income.length > 0, 'no FUNDING_FEE income while a position was held over a settlement');
        income.forEach((i) => check(i.symbol === symbol && i.code === 'USDT' && i.amount !== 0 && i.timestamp > 0, `entry ${JSON.stringify(i.info)}`));
        return `${income.length} funding payments, last ${income.at(-1).amount} ${income.at(-1).code}`;
    });
    await row('createOrder market reduceOnly', venue, async () => {
        check(state.market, 'no position (createOrder market failed)');
        const o = await usdm.createOrder(symbol, 'market', 'sell', marketAmount, undefined, { reduceOnly: true });
        state.closed = o.status === 'closed';
        check(o.status === 'closed' && near(o.filled, marketAmount) && o.reduceOnly === true, orderDetail(o));
        return `closes the position: ${orderDetail(o)}`;
    });
    await row('fetchPositions (flat)', venue, async () => {
        check(state.closed, 'the position was not closed (createOrder market reduceOnly failed)');
        const left = (await usdm.fetchPositions([symbol])).filter((p) => p.symbol === symbol && p.contracts > 0);
        check(left.length === 0, `position still open: ${left.map((p) => `${p.side} ${p.contracts}`).join(', ')}`);
        return `no ${symbol} position`;
    });

    await rejected('createOrder (bad precision)', venue, { classes: [BadRequest], code: -1111 },
        () => usdm.fapiPrivatePostOrder({
            symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: offStepQuantity(usdm, symbol, notional, prices.ask),
        }));
    await rejected('createOrder (insufficient margin)', venue, { classes: [InsufficientFunds], code: -2019 }, async () => {
        const balance = await usdm.fetchBalance();
        const amount = amountFor(usdm, symbol, balance.USDT.free * 10 * 3, prices.bid);
        return usdm.createOrder(symbol, 'market', 'sell', amount);
    });
    await rejected('createOrder (limit far above ask, PERCENT_PRICE)', venue, { classes: [BadRequest], code: -4016 }, () => {
        const price = Number(usdm.priceToPrecision(symbol, prices.ask * 1.5));
        return usdm.createOrder(symbol, 'limit', 'buy', amountFor(usdm, symbol, notional, price), price);
    });
    await commonErrors(usdm, venue, ccxt.binanceusdm, symbol, (c) => c.fapiPrivateV3GetAccount(), 'fapiPublic', -5000);
    await flatten(usdm);
}

// ------------------------------------------------------------------------------------------------ main

async function main() {
    console.log(`ccxt ${CCXT_VERSION} against ${BASE} (key ${API_KEY})`);
    await spotSuite();
    await usdmSuite();
}

let code;
try {
    await main();
    code = printTable() > 0 ? 1 : 0;
} catch (e) {
    printTable();
    console.log(`aborted: ${e?.stack ?? e}`);
    code = 2;
}
process.exit(code);
