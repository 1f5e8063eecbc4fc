-- The exchange's own records of the account: every trade (fill) with its commission, and every income entry. The
-- ledger's fees, perp realised PnL and funding are corrected to them; they are stored once by the exchange's ids.

create table exchange_trades (
    venue                    varchar(8)  not null,
    symbol                   varchar(32) not null,
    trade_id                 bigint      not null,
    exchange_order_id        bigint      not null,
    client_order_id          varchar(36) not null references orders (client_order_id),
    pair_id                  varchar(64) not null,
    side                     varchar(4)  not null,
    price                    numeric(38, 18) not null,
    qty                      numeric(38, 18) not null,
    quote_qty                numeric(38, 18) not null,
    commission               numeric(38, 18) not null,
    commission_asset         varchar(16) not null,
    -- The USDT price of one unit of the commission asset used to value it, and where that price came from.
    commission_price         numeric(38, 18) not null,
    commission_price_source  text        not null,
    commission_usdt          numeric(38, 18) not null,
    realized_pnl             numeric(38, 18) not null,
    maker                    boolean     not null,
    at                       timestamptz not null,
    recorded_at              timestamptz not null,
    primary key (venue, symbol, trade_id)
);
create index exchange_trades_order on exchange_trades (client_order_id);
create index exchange_trades_at on exchange_trades (at);

-- An order whose fills the exchange's trade records have replaced in the books.
alter table orders add column trades_booked boolean not null default false;
create index orders_awaiting_trades on orders (created_at) where not trades_booked and executed_qty > 0;

-- Spot commission taken from the account's holdings before the trade records showed it: the trade records book it
-- into fees later without taking it from the spot leg a second time.
alter table pairs add column spot_commission_adopted numeric(38, 18) not null default 0;

create table income_records (
    income_type  varchar(32) not null,
    tran_id      bigint      not null,
    symbol       varchar(32) not null,
    amount       numeric(38, 18) not null,
    asset        varchar(16) not null,
    at           timestamptz not null,
    trade_id     varchar(32) not null default '',
    -- FUNDING_FEE: the pair that held the symbol's perp at the funding time (null when none did).
    pair_id      varchar(64),
    recorded_at  timestamptz not null,
    primary key (income_type, tran_id)
);
create index income_records_at on income_records (at);
create index income_records_pair on income_records (pair_id) where pair_id is not null;

insert into income_records (income_type, tran_id, symbol, amount, asset, at, pair_id, recorded_at)
select 'FUNDING_FEE', tran_id, symbol, amount, asset, funding_time, pair_id, recorded_at from funding_payments;
drop table funding_payments;

-- Unrealised PnL at the exchange's marks, sampled: a window's PnL is realised in it plus the change in unrealised.
create table unrealised_samples (
    at          timestamptz primary key,
    unrealised  numeric(38, 18) not null
);
