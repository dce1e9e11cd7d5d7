-- A change stamp per organisation, kept by the database in the transaction of every change.
--
-- Every change writes an event in its own transaction (the outbox, V4). A trigger on that table
-- bumps the stamp of each organisation the transaction wrote events for, so the stamp changes
-- exactly when a change commits, and becomes visible together with it. Every API replica checks
-- the stamp (one tiny query, shared by concurrent requests) before it serves a cached read, so a
-- replica never serves what another replica's committed change has superseded: no time-to-live,
-- no invalidation message that could arrive late or not at all.
create table organization_stamp (
    organization_id bigint primary key references organization (id),
    -- Only ever grows: +1 per committed transaction that wrote events of the organisation.
    stamp           bigint not null
);

-- Organisations that exist before this migration start at 0; those created later get their row
-- with their first event (organization.created).
insert into organization_stamp (organization_id, stamp) select id, 0 from organization;

-- Bumps the stamps of every organisation the current transaction wrote events for, once per
-- transaction, in organisation id order.
--
-- Why deferred (fires at commit) and once per transaction: the bump locks the organisation's stamp
-- row until commit. Taken at the first event, that lock would be held while the transaction goes on
-- to lock other rows (an adoption writes its event, then completes review tasks), and a transaction
-- that locked one of those rows first and then writes its own event would wait for the stamp in
-- turn: a deadlock. At commit the stamp rows are the last locks a transaction takes, and taking all
-- of them at once in id order means two transactions never wait for each other's stamps in a cycle.
create function bump_organization_stamps() returns trigger language plpgsql as $$
begin
    -- Transaction-local marker (set_config(…, true)): the first firing bumps, the others return.
    if current_setting('waarom.stamps_bumped', true) = 'yes' then
        return null;
    end if;
    perform set_config('waarom.stamps_bumped', 'yes', true);
    insert into organization_stamp as s (organization_id, stamp)
        select distinct organization_id, 1 from event
        where tx_id = pg_current_xact_id() and organization_id is not null
        order by organization_id
    on conflict (organization_id) do update set stamp = s.stamp + 1;
    return null;
end;
$$;

create constraint trigger event_bumps_organization_stamp
    after insert on event
    deferrable initially deferred
    for each row execute function bump_organization_stamps();
