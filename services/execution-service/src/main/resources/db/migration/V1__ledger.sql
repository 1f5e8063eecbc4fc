-- The execution ledger. Quantities and money are exact decimals; times are UTC.

create table processed_signals (
    signal_id     varchar(128) primary key,
    symbol        varchar(32)  not null,
    target_qty    numeric(38, 18) not null,
    outcome       varchar(32)  not null,
    detail        text,
    received_at   timestamptz  not null,
    completed_at  timestamptz
);

create table pairs (
    pair_id           varchar(64) primary key,
    symbol            varchar(32) not null,
    state             varchar(16) not null,
    spot_qty          numeric(38, 18) not null default 0,
    spot_entry_price  numeric(38, 18) not null default 0,
    perp_qty          numeric(38, 18) not null default 0,
    perp_entry_price  numeric(38, 18) not null default 0,
    realised_pnl      numeric(38, 18) not null default 0,
    fees              numeric(38, 18) not null default 0,
    funding           numeric(38, 18) not null default 0,
    last_signal_id    varchar(128) not null,
    close_recorded    boolean not null default false,
    opened_at         timestamptz not null,
    updated_at        timestamptz not null,
    closed_at         timestamptz
);
-- At most one active pair per symbol: the position of a symbol is never split between two rows.
create unique index pairs_one_active_per_symbol on pairs (symbol) where state in ('OPENING', 'OPEN', 'CLOSING', 'BROKEN');

create table orders (
    client_order_id           varchar(36) primary key,
    pair_id                   varchar(64) not null references pairs (pair_id),
    signal_id                 varchar(128) not null,
    symbol                    varchar(32) not null,
    venue                     varchar(8)  not null,
    side                      varchar(4)  not null,
    quantity                  numeric(38, 18) not null,
    reduce_only               boolean not null,
    purpose                   varchar(8)  not null,
    status                    varchar(20) not null,
    exchange_order_id         bigint not null default 0,
    executed_qty              numeric(38, 18) not null default 0,
    applied_qty               numeric(38, 18) not null default 0,
    avg_price                 numeric(38, 18) not null default 0,
    fee                       numeric(38, 18) not null default 0,
    fee_asset                 varchar(16) not null default '',
    error_code                integer not null default 0,
    error_message             text,
    retryable                 boolean not null default false,
    tick_received_at_micros   bigint not null,
    signal_decided_at_micros  bigint not null,
    created_at                timestamptz not null,
    sent_at                   timestamptz,
    completed_at              timestamptz
);
create index orders_signal on orders (signal_id);
create index orders_created on orders (created_at desc);
create index orders_unresolved on orders (status) where status in ('NEW', 'SENT', 'UNKNOWN', 'ACCEPTED', 'PARTIALLY_FILLED');

create table fills (
    id               bigserial primary key,
    client_order_id  varchar(36) not null references orders (client_order_id),
    pair_id          varchar(64) not null,
    symbol           varchar(32) not null,
    venue            varchar(8)  not null,
    side             varchar(4)  not null,
    quantity         numeric(38, 18) not null,
    price            numeric(38, 18) not null,
    fee              numeric(38, 18) not null,
    fee_asset        varchar(16) not null,
    fee_usdt         numeric(38, 18) not null,
    realised_pnl     numeric(38, 18) not null,
    at               timestamptz not null
);
create index fills_at on fills (at);

create table funding_payments (
    tran_id          bigint primary key,
    symbol           varchar(32) not null,
    amount           numeric(38, 18) not null,
    asset            varchar(16) not null,
    funding_time     timestamptz not null,
    pair_id          varchar(64),
    recorded_at      timestamptz not null
);
create index funding_time on funding_payments (funding_time);

-- One row per pair that went flat: its net PnL (price, funding, fees) decides wins for the win rate.
create table pair_closes (
    pair_id    varchar(64) primary key references pairs (pair_id),
    symbol     varchar(32) not null,
    net_pnl    numeric(38, 18) not null,
    at         timestamptz not null
);

create table kill_switch_history (
    id        bigserial primary key,
    engaged   boolean not null,
    reason    text not null,
    by_whom   text not null,
    at_ms     bigint not null,
    at        timestamptz not null
);
