-- REDUCING: a shrinking execution that leaves part of the pair (margin reduction); active like the others.
drop index pairs_one_active_per_symbol;
create unique index pairs_one_active_per_symbol on pairs (symbol)
    where state in ('OPENING', 'OPEN', 'REDUCING', 'CLOSING', 'BROKEN');

-- Spot commission paid in the base asset over the pair's life: the known part of the short the spot leg lacks.
alter table pairs add column spot_commission numeric(38, 18) not null default 0;
