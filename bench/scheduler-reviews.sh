#!/usr/bin/env bash
# ---------------------------------------------------------------------------------------------
# The review-scheduler at scale, against the packaged vision-api, both on embedded PostgreSQL:
#
#   reconcile    N organisations × 4 review policies (default 10,000 × 4 = 40,000) into Quartz
#                triggers on the scheduler's first start (goal: ≤ 2 minutes)
#   resync       the next sync of the same 40,000 policies, all unchanged (every sync interval)
#   due → task   D further organisations (default 1,000) whose vision review falls due at the
#                same instant — a burst like every organisation that chose 1 January as anchor —
#                from that instant to each task (p50, p95, max; goal: ≤ 60 s). The due time of day
#                (WAAROM_POLICIES_DUE_TIME) is set to a few minutes after the scheduler's start,
#                after the reconcile, so the triggers fire on time rather than as misfires.
#   goal → task  from a goal.reached event to its review task (both instants from the API's feed),
#                p50 and p95 over G goals (goal: p95 ≤ 2 × the poll interval)
#
# The N organisations and their policies are inserted straight into the API's database (SQL
# through psql), because creating 10,000 organisations over HTTP would measure that instead.
# Their anchors lie within the last year and the cycle is P1Y, so no due date has passed yet and
# every policy becomes a trigger for a future date (no burst of tasks).
#
# Usage: bench/scheduler-reviews.sh [organisations, default 10000] [goals, default 50] [due, default 1000]
# Needs psql and python3 (for the percentiles); builds the services when they are missing.
# ---------------------------------------------------------------------------------------------
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ORGANIZATIONS="${1:-10000}"
GOALS="${2:-50}"
DUE="${3:-1000}"
POLL="PT1S"
WORK="$(mktemp -d /tmp/waarom-bench-scheduler.XXXXXX)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

for tool in psql python3 curl; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done
[[ -f vision-api/target/quarkus-app/quarkus-run.jar && -f review-scheduler/target/quarkus-app/quarkus-run.jar ]] \
    || ./mvnw -B -q package -DskipTests -pl vision-api,review-scheduler -am

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])'; }
wait_ready() { # url, pid, log
    for _ in $(seq 1 240); do
        curl -sf "$1/q/health/live" >/dev/null && return 0
        kill -0 "$2" 2>/dev/null || { tail -40 "$3"; exit 1; }
        sleep 0.5
    done
    echo "not ready: $1" >&2; exit 1
}

API_PORT=$(free_port); SCHEDULER_PORT=$(free_port)
API="http://localhost:$API_PORT"
ADMIN_KEY="wrm_bench-admin-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
WAAROM_DATABASE_EMBEDDED=true WAAROM_DATA_DIR="$WORK/api" QUARKUS_HTTP_PORT=$API_PORT WAAROM_BOOTSTRAP_ADMIN_KEY="$ADMIN_KEY" \
QUARKUS_LOG_LEVEL=WARN java -jar vision-api/target/quarkus-app/quarkus-run.jar > "$WORK/api.log" 2>&1 &
PIDS+=($!); wait_ready "$API" "${PIDS[0]}" "$WORK/api.log"

PG_PORT=$(sed -n 4p "$WORK/api/postgres/postmaster.pid")
echo "Inserting $ORGANIZATIONS organisations with 4 policies each..."
psql -q -v ON_ERROR_STOP=1 -h localhost -p "$PG_PORT" -U postgres waarom <<SQL
insert into organization (slug, name, default_language, languages, created_at, updated_at)
select 'bench-' || lpad(n::text, 6, '0'), 'Bench ' || n, 'nl', 'nl', now(), now() from generate_series(1, $ORGANIZATIONS) n;
insert into element (organization_id, type) select o.id, t from organization o cross join unnest(array['MISSION','VISION','VALUES','STRATEGY']) t
where o.slug like 'bench-%';
insert into review_policy (organization_id, element, enabled, cycle, anchor_date, on_goal_reached, remind_before, escalate_after,
                           assignees, escalate_to, updated_by, updated_at)
select o.id, t, true, 'P1Y', current_date - ((1 + (o.id * 7 + length(t)) % 300)::int), false, 'P30D', 'P14D', '[]', '[]', 'bench', now()
from organization o cross join unnest(array['MISSION','VISION','VALUES','STRATEGY']) t where o.slug like 'bench-%';
-- Due today: anchored exactly one cycle ago.
insert into organization (slug, name, default_language, languages, created_at, updated_at)
select 'due-' || lpad(n::text, 6, '0'), 'Due ' || n, 'nl', 'nl', now(), now() from generate_series(1, $DUE) n;
insert into element (organization_id, type) select o.id, 'VISION' from organization o where o.slug like 'due-%';
insert into review_policy (organization_id, element, enabled, cycle, anchor_date, on_goal_reached, remind_before, escalate_after,
                           assignees, escalate_to, updated_by, updated_at)
select o.id, 'VISION', true, 'P1Y', (current_date - interval '1 year')::date, false, 'P30D', 'P14D', '[]', '[]', 'bench', now()
from organization o where o.slug like 'due-%';
SQL
# The API answers all four policies of every organisation (defaults for those not stored).
POLICIES=$(((ORGANIZATIONS + DUE) * 4))

SERVICE_KEY=$(curl -sf -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' \
    -d '{"name":"review-scheduler","roles":["service"]}' "$API/api/v1/api-keys" | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')

start=$(date +%s.%N)
# Due a whole minute at least 7 minutes from now (the reconcile comes first); stop before midnight.
DUE_AT=$(python3 -c 'from datetime import datetime, timedelta, timezone
t = (datetime.now(timezone.utc) + timedelta(minutes=8)).replace(second=0, microsecond=0)
print(t.strftime("%H:%M") if t.date() == datetime.now(timezone.utc).date() else "")')
[[ -n "$DUE_AT" ]] || { echo "too close to midnight UTC for the due-time phase; run again after 00:10 UTC" >&2; exit 1; }
WAAROM_DATABASE_EMBEDDED=true WAAROM_DATA_DIR="$WORK/scheduler" QUARKUS_HTTP_PORT=$SCHEDULER_PORT WAAROM_POLICIES_DUE_TIME=$DUE_AT \
WAAROM_API_URL="$API" WAAROM_API_KEY="$SERVICE_KEY" WAAROM_EVENTS_POLL_INTERVAL=$POLL WAAROM_POLICIES_SYNC_INTERVAL=PT1M \
java -jar review-scheduler/target/quarkus-app/quarkus-run.jar > "$WORK/scheduler.log" 2>&1 &
PIDS+=($!); wait_ready "http://localhost:$SCHEDULER_PORT" "${PIDS[1]}" "$WORK/scheduler.log"
synced() { grep "Review policies synced in .* $POLICIES policies" "$WORK/scheduler.log" | sed -n "${1}p"; }
for _ in $(seq 1 1200); do
    [[ -n "$(synced 1)" ]] && break
    sleep 0.5
done
sync_line=$(synced 1); [[ -n "$sync_line" ]] || { tail -20 "$WORK/scheduler.log"; exit 1; }
sync_ms=$(sed -E 's/.*synced in ([0-9]+) ms.*/\1/' <<<"$sync_line")
read_ms=$(sed -E 's/.*\(read ([0-9]+) ms\).*/\1/' <<<"$sync_line")
total=$(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')")
late=$(python3 -c 'from datetime import datetime, timezone; print("yes" if datetime.now(timezone.utc).strftime("%H:%M") >= "'"$DUE_AT"'" else "")')
[[ -z "$late" ]] || echo "warning: the reconcile ended after the due time $DUE_AT; the due → task figures below measure misfires"

triggers=$(psql -tA -h localhost -p "$(sed -n 4p "$WORK/scheduler/postgres/postmaster.pid")" -U postgres waarom \
    -c "select count(*) from qrtz_triggers where trigger_group = 'review-cycles'")
# The next sync (a minute later) finds every policy unchanged.
for _ in $(seq 1 400); do [[ -n "$(synced 2)" ]] && break; sleep 0.5; done
resync_ms=$(synced 2 | sed -E 's/.*synced in ([0-9]+) ms.*/\1/')
resync_read_ms=$(synced 2 | sed -E 's/.*\(read ([0-9]+) ms\).*/\1/')

# Due → task first: wait for the D cycle tasks, then measure from the due instant to each task. The goal
# phase comes after the burst, so that each figure measures its own path, not the other's load.
api_sql() { psql -tA -h localhost -p "$PG_PORT" -U postgres waarom -c "$1"; }
for _ in $(seq 1 1200); do
    n=$(api_sql "select count(*) from review_task t join organization o on o.id = t.organization_id where o.slug like 'due-%'")
    [[ "$n" -ge "$DUE" ]] && break
    sleep 0.5
done
due_stats=$(api_sql "select count(*), round(percentile_cont(0.5) within group (order by s)::numeric, 2),
    round(percentile_cont(0.95) within group (order by s)::numeric, 2), round(max(s)::numeric, 2)
    from (select extract(epoch from t.created_at - (t.due_date + time '$DUE_AT') at time zone 'UTC') s
          from review_task t join organization o on o.id = t.organization_id where o.slug like 'due-%') d" | tr '|' ' ')
read -r due_count due_p50 due_p95 due_max <<<"$due_stats"

# Goal → task, once the burst of due reviews is done: an organisation whose vision policy asks for reviews on
# reached goals (the default).
curl -sf -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' -d '{"slug":"bench-goals","name":"Goals"}' \
    "$API/api/v1/organizations" >/dev/null
for g in $(seq 1 "$GOALS"); do
    id=$(curl -sf -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' \
        -d "{\"kind\":\"STRATEGIC\",\"title\":\"Doel $g\",\"serves\":[\"vision\"]}" "$API/api/v1/organizations/bench-goals/goals" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    curl -sf -X POST -H "Authorization: Bearer $ADMIN_KEY" "$API/api/v1/organizations/bench-goals/goals/$id/reach" >/dev/null
    sleep 0.2   # spread the goals over time, as real ones are
done
for _ in $(seq 1 240); do
    n=$(curl -sf -H "Authorization: Bearer $ADMIN_KEY" "$API/api/v1/organizations/bench-goals/review-tasks?size=1" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
    [[ "$n" -ge "$GOALS" ]] && break
    sleep 0.5
done
latencies=$(curl -sf -H "Authorization: Bearer $ADMIN_KEY" "$API/api/v1/organizations/bench-goals/events?limit=500" | python3 -c '
import json, sys
from datetime import datetime
items = json.load(sys.stdin)["items"]
at = lambda e: datetime.fromisoformat(e["occurredAt"].replace("Z", "+00:00"))
reached = {e["data"]["goalId"]: at(e) for e in items if e["type"] == "goal.reached"}
created = {e["data"]["goalId"]: at(e) for e in items if e["type"] == "review-task.created" and e["data"].get("goalId")}
values = sorted((created[g] - reached[g]).total_seconds() for g in reached if g in created)
pick = lambda q: values[min(len(values) - 1, int(q * len(values)))]
print(f"{len(values)} {pick(0.5):.2f} {pick(0.95):.2f}")')
read -r count p50 p95 <<<"$latencies"


echo "review-scheduler at scale, $(nproc) cores, poll interval $POLL"
echo "  reconcile $POLICIES policies into $triggers triggers: ${sync_ms} ms, of which reading them from the API ${read_ms} ms (first start to synced: ${total} s; goal ≤ 120 s)"
echo "  next sync, all unchanged: ${resync_ms} ms, of which reading ${resync_read_ms} ms"
echo "  due → review task, $due_count tasks due at $DUE_AT UTC: p50 ${due_p50} s, p95 ${due_p95} s, max ${due_max} s (goal ≤ 60 s)"
echo "  goal.reached → review task over $count goals: p50 ${p50} s, p95 ${p95} s (goal: p95 ≤ 2 s = 2 × poll interval)"
