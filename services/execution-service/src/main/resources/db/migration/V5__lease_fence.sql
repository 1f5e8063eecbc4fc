-- The trading lease's fencing token. The instance holding the advisory lock records itself here (its name is the
-- application_name every one of its connections carries) and the epoch counts the hand-overs. Every write to the
-- ledger's tables checks it: an instance that lost the lease (its lock connection died, a standby took over) has its
-- writes refused, and with them the write-ahead row every order needs, so it can send no order either. The row is
-- share-locked for the writing transaction, so a hand-over waits for a write in flight instead of racing it.
create table trading_lease (
    id          int primary key check (id = 1),
    holder      text        not null,
    epoch       bigint      not null,
    acquired_at timestamptz not null
);

create function nova_lease_fence() returns trigger language plpgsql as $$
declare
    current_holder text;
begin
    select holder into current_holder from trading_lease where id = 1 for share;
    -- No row: no instance has traded on this database yet (a fresh schema, a test of the ledger alone).
    if found and current_holder <> current_setting('application_name') then
        raise exception 'lease fenced: % is written only by the trading lease holder %, not %',
            tg_table_name, current_holder, current_setting('application_name')
            using errcode = 'NQ001';
    end if;
    return null;
end $$;

create trigger processed_signals_fence before insert or update or delete on processed_signals
    for each statement execute function nova_lease_fence();
create trigger pairs_fence before insert or update or delete on pairs
    for each statement execute function nova_lease_fence();
create trigger orders_fence before insert or update or delete on orders
    for each statement execute function nova_lease_fence();
create trigger fills_fence before insert or update or delete on fills
    for each statement execute function nova_lease_fence();
create trigger pair_closes_fence before insert or update or delete on pair_closes
    for each statement execute function nova_lease_fence();
create trigger kill_switch_history_fence before insert or update or delete on kill_switch_history
    for each statement execute function nova_lease_fence();
create trigger exchange_trades_fence before insert or update or delete on exchange_trades
    for each statement execute function nova_lease_fence();
create trigger income_records_fence before insert or update or delete on income_records
    for each statement execute function nova_lease_fence();
create trigger unrealised_samples_fence before insert or update or delete on unrealised_samples
    for each statement execute function nova_lease_fence();
