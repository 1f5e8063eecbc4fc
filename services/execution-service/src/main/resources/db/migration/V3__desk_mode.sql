-- The desk's risk state is TRADING, HALTED or FROZEN; "engaged" stays as HALTED or FROZEN for older readers.
alter table kill_switch_history add column mode text;
update kill_switch_history set mode = case when engaged then 'HALTED' else 'TRADING' end;
alter table kill_switch_history alter column mode set not null;
alter table kill_switch_history add constraint kill_switch_history_mode check (mode in ('TRADING', 'HALTED', 'FROZEN'));
