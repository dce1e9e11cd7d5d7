#!/usr/bin/env bash
# ---------------------------------------------------------------------------------------------
# Polled reads against a bare Quarkus endpoint, with wrk, all in one run on this machine
# (docs/benchmarks.md, issue 7 "Performance"). Both services run side by side as packaged jars:
#
#   baseline      GET /values of bench/baseline-app: a minimal Quarkus REST app of the same Quarkus
#                 version answering a ~300-byte JSON shaped like values/current (no database,
#                 no credentials)
#   values-json   GET …/values/current of the vision-api on embedded PostgreSQL, with a reader
#                 API key (3 adopted values with behaviours): key check, freshness check, the read
#   values-304    the same with If-None-Match naming the current ETag: 304 without a body
#   element       GET …/elements/vision (the current vision), with the same key
#
# Each case is checked (status and body), then all are warmed up, then each is run (after 5 s more
# of itself) with wrk -t2 -c32 --latency; the baseline runs first and again last. Printed: req/s,
# the ratio to the mean of the two baseline runs, p99 latency, and the server's CPU time per request
# (the API's JVM plus its PostgreSQL, against the baseline's JVM) with its ratio, which moves less
# than req/s with the load of other processes on the machine (read from Linux /proc).
# Goals: values-json ≥ 0.5 × baseline, values-304 ≥ 0.7 ×, p99 < 20 ms at 32 connections.
#
# Usage: bench/read-throughput.sh [seconds per run, default 10] [warm-up seconds per case, default 10]
# Environment: BENCH_BUILD=1 rebuilds both jars (else they are built only when missing);
# BENCH_API_JAR=path runs another build of the API (e.g. a copy of an earlier one, to compare).
# Needs wrk (installed with apt-get when missing), curl and python3. The figures depend on what
# else runs on the machine: the script prints the load average before and after.
# ---------------------------------------------------------------------------------------------
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION="${1:-10}"
WARMUP="${2:-10}"
RESUME=5
CONNECTIONS=32
WORK="$(mktemp -d /tmp/waarom-bench-reads.XXXXXX)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
    echo "wrk is missing; installing it (Debian package wrk)" >&2
    if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi
for tool in wrk curl python3; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done

API_JAR="${BENCH_API_JAR:-vision-api/target/quarkus-app/quarkus-run.jar}"
BASELINE_JAR=bench/baseline-app/target/quarkus-app/quarkus-run.jar
if [[ "${BENCH_BUILD:-0}" == 1 || ! -f $API_JAR ]]; then ./mvnw -B -q package -DskipTests -pl vision-api -am; fi
if [[ "${BENCH_BUILD:-0}" == 1 || ! -f $BASELINE_JAR ]]; then ./mvnw -f bench/baseline-app/pom.xml -B -q package; fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])'; }
wait_ready() { # url, pid, log
    for _ in $(seq 1 240); do
        curl -sf "$1" >/dev/null && return 0
        kill -0 "$2" 2>/dev/null || { tail -40 "$3"; exit 1; }
        sleep 0.5
    done
    echo "not ready: $1" >&2; exit 1
}

# The same JVM settings for both, so that the ratio compares the applications, not the JVMs.
JAVA_OPTS=(-Xmx512m)
BASELINE_PORT=$(free_port)
QUARKUS_HTTP_PORT=$BASELINE_PORT java "${JAVA_OPTS[@]}" -jar $BASELINE_JAR > "$WORK/baseline.log" 2>&1 &
PIDS+=($!)
API_PORT=$(free_port)
ADMIN_KEY="wrm_bench-admin-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
WAAROM_DATABASE_EMBEDDED=true WAAROM_DATA_DIR="$WORK/api" QUARKUS_HTTP_PORT=$API_PORT WAAROM_BOOTSTRAP_ADMIN_KEY="$ADMIN_KEY" \
QUARKUS_LOG_LEVEL=WARN java "${JAVA_OPTS[@]}" -jar $API_JAR > "$WORK/api.log" 2>&1 &
PIDS+=($!)
wait_ready "http://localhost:$BASELINE_PORT/values" "${PIDS[0]}" "$WORK/baseline.log"
wait_ready "http://localhost:$API_PORT/q/health/ready" "${PIDS[1]}" "$WORK/api.log"

# An organisation with adopted values (3 values with behaviours), an adopted vision and a reader key.
api="http://localhost:$API_PORT/api/v1"
org="$api/organizations/bench-org"
json=(-H 'Content-Type: application/json' -H "Authorization: Bearer $ADMIN_KEY")
etag_of() { tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}'; }
curl -sf "${json[@]}" -d '{"slug":"bench-org","name":"Bench","defaultLanguage":"nl","languages":["nl","fr"]}' "$api/organizations" >/dev/null
etag=$(curl -sf -D - -o /dev/null "${json[@]}" -d '{"changeReason":"bench","content":{"items":[
  {"key":"respect","title":"Respect","description":"We vertrekken van wat de persoon wil.","behaviours":["We vragen voor we handelen."]},
  {"key":"openheid","title":"Openheid","description":"We zeggen wat we doen.","behaviours":["We delen wat we weten."]},
  {"key":"samen","title":"Samen","description":"We werken met de persoon.","behaviours":["We beslissen samen."]}]}}' \
  "$org/elements/values/versions" | etag_of)
curl -sf -X POST "${json[@]}" -H "If-Match: $etag" "$org/elements/values/versions/1/adopt" >/dev/null
etag=$(curl -sf -D - -o /dev/null "${json[@]}" -d '{"content":{"statement":"Iedereen telt mee."}}' "$org/elements/vision/versions" | etag_of)
curl -sf -X POST "${json[@]}" -H "If-Match: $etag" "$org/elements/vision/versions/1/adopt" >/dev/null
READER_KEY=$(curl -sf "${json[@]}" -d '{"name":"bench-reader","roles":["reader"]}' "$org/api-keys" | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
READER=(-H "Authorization: Bearer $READER_KEY")
VALUES_ETAG=$(curl -sf -D - -o /dev/null "${READER[@]}" "$org/values/current" | etag_of)

BASELINE_URL="http://localhost:$BASELINE_PORT/values"
VALUES_URL="$org/values/current"
ELEMENT_URL="$org/elements/vision"

# Each case answers as expected before it is timed.
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
[[ $(status "$BASELINE_URL") == 200 && $(status "${READER[@]}" "$VALUES_URL") == 200 \
   && $(status "${READER[@]}" -H "If-None-Match: $VALUES_ETAG" "$VALUES_URL") == 304 && $(status "${READER[@]}" "$ELEMENT_URL") == 200 ]] \
   || { echo "a case does not answer as expected" >&2; exit 1; }
curl -sf "${READER[@]}" "$VALUES_URL" | python3 -c 'import json,sys; v=json.load(sys.stdin); assert len(v["values"]) == 3, v'
BASELINE_BYTES=$(curl -sf "$BASELINE_URL" | wc -c)
VALUES_BYTES=$(curl -sf "${READER[@]}" "$VALUES_URL" | wc -c)

warm() { # url, extra wrk args…: run the case untimed (JIT compilation, connection pools, caches)
    local url=$1; shift
    wrk -t2 -c$CONNECTIONS -d"${WARMUP}s" "$@" "$url" >/dev/null
}
# CPU time (clock ticks) of the server side of a case: the baseline's JVM, or the API's JVM with its
# PostgreSQL (postmaster and backends). Per request it does not depend on what else runs on the machine.
ticks() { # pids…
    local total=0 pid
    for pid in "$@"; do [[ -r /proc/$pid/stat ]] && total=$((total + $(awk '{print $14 + $15}' /proc/$pid/stat))); done
    echo "$total"
}
server_pids() { # name
    if [[ $1 == baseline* ]]; then echo "${PIDS[0]}"; return; fi
    local postmaster
    postmaster=$(head -1 "$WORK/api/postgres/postmaster.pid" 2>/dev/null || true)
    echo "${PIDS[1]}"
    if [[ -n $postmaster ]]; then echo "$postmaster"; pgrep -P "$postmaster" || true; fi
}
run() { # name, url, extra wrk args…
    local name=$1 url=$2; shift 2
    local pids before after
    # Once more right before it is timed: a server that sat idle while another was measured starts slower
    # (seen as a penalty on whichever API case came first after the baseline).
    wrk -t2 -c$CONNECTIONS -d"${RESUME}s" "$@" "$url" >/dev/null
    pids=$(server_pids "$name")
    # shellcheck disable=SC2086
    before=$(ticks $pids)
    wrk -t2 -c$CONNECTIONS -d"${DURATION}s" --latency "$@" "$url" > "$WORK/$name.txt"
    # shellcheck disable=SC2086
    after=$(ticks $pids)
    if grep -q 'Non-2xx or 3xx' "$WORK/$name.txt" || grep -q 'Socket errors' "$WORK/$name.txt"; then
        echo "$name: some requests failed:" >&2; cat "$WORK/$name.txt" >&2; exit 1
    fi
    python3 - "$name" "$WORK/$name.txt" $((after - before)) "$(getconf CLK_TCK)" <<'PY'
import re, sys
name, text, ticks, hz = sys.argv[1], open(sys.argv[2]).read(), int(sys.argv[3]), int(sys.argv[4])
rps = float(re.search(r'Requests/sec:\s+([\d.]+)', text).group(1))
value, unit = re.search(r'^\s+99%\s+([\d.]+)(us|ms|s)\s*$', text, re.M).groups()
p99 = float(value) * {'us': 0.001, 'ms': 1.0, 's': 1000.0}[unit]
requests = int(re.search(r'^\s*(\d+) requests in', text, re.M).group(1))
print(f'{name} {rps:.0f} {p99:.2f} {ticks * 1e6 / hz / requests:.0f}')
PY
}

# Every case is warmed up before any is timed, so that no case pays for the others' JIT compilation.
warm "$BASELINE_URL"
warm "$VALUES_URL" "${READER[@]}"
warm "$VALUES_URL" "${READER[@]}" -H "If-None-Match: $VALUES_ETAG"
warm "$ELEMENT_URL" "${READER[@]}"
echo "load before: $(uptime)"
results=$( {
    run baseline "$BASELINE_URL"
    run values-json "$VALUES_URL" "${READER[@]}"
    run values-304 "$VALUES_URL" "${READER[@]}" -H "If-None-Match: $VALUES_ETAG"
    run element "$ELEMENT_URL" "${READER[@]}"
    run baseline-again "$BASELINE_URL"
} )
echo "load after:  $(uptime)"
echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s (after ${WARMUP}s warm-up per case), $(nproc) cores; bodies: baseline $BASELINE_BYTES B, values/current $VALUES_BYTES B"
python3 - <<PY
rows = [line.split() for line in """$results""".strip().splitlines()]
# The baseline runs first and last: the ratios use their mean, so that a change of load during the
# run (other processes) does not favour or penalise the cases in between.
base = (float(rows[0][1]) + float(rows[-1][1])) / 2
base_cpu = (float(rows[0][3]) + float(rows[-1][3])) / 2
print(f'  baseline (mean of the first and last run): {base:.0f} req/s, {base_cpu:.0f} us server CPU per request')
goals = {'values-json': 0.5, 'values-304': 0.7}
for name, rps, p99, cpu in rows:
    ratio = float(rps) / base
    goal = goals.get(name)
    verdict = '' if goal is None else ('  (goal >= %.1f x: %s)' % (goal, 'met' if ratio >= goal else 'NOT met'))
    print(f'  {name:<14} {float(rps):>7.0f} req/s {ratio:5.2f} x   p99 {float(p99):6.2f} ms{"" if float(p99) < 20 else " (> 20 ms)"}'
          f'   CPU {float(cpu):4.0f} us/req ({base_cpu / float(cpu):4.2f} x){verdict}')
PY
