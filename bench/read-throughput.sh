#!/usr/bin/env bash
# ---------------------------------------------------------------------------------------------
# Polled reads against bare Quarkus endpoints, with wrk, all in one run on this machine
# (docs/benchmarks.md, issues 7 and 20). The services run side by side as packaged jars:
#
#   bare-values   GET /bytes/values of bench/baseline-app: the very bytes the API answers to
#                 values/current (fetched from the running API at start), with its Content-Type,
#                 served as they are: no credentials, no database, no serialisation. The ceiling
#                 for serving those bytes with this stack; values-json and values-304 are measured
#                 against it.
#   record        GET /values of bench/baseline-app: a record shaped like values/current, serialised
#                 by Jackson on every request (the yardstick of earlier runs, kept for comparison)
#   values-json   GET …/values/current of the vision-api on embedded PostgreSQL, with an organisation
#                 reader API key (3 adopted values with behaviours): key check, freshness check, the read
#   values-304    the same with If-None-Match naming the current ETag: 304 without a body
#   bare-document GET /bytes/document: the bytes of the API's document (JSON), served bare
#   document      GET …/document (JSON), with the same key, measured against bare-document
#   element       GET …/elements/vision (the current vision), with the same key
#
# Each case is checked (status and body), then all are warmed up, then the cases are run in rounds
# (each case after RESUME s more of itself) with wrk -t2 -c32 --latency. Printed per round and as the
# median of the rounds: req/s, the ratios to the bare bytes and to the record baseline of the same
# round, p99 latency, and the server's CPU time per request (the API's JVM plus its PostgreSQL, the
# baseline's JVM; read from Linux /proc), which moves less than req/s with the load of other
# processes on the machine; also the CPU the rest of the machine spent per request (wrk, the kernel's
# network work) and how many cores were busy (all of them: the cores were the limit).
# Goals (issue 20): values-json ≥ 0.8 × bare-values, values-304 ≥ 0.9 ×, document ≥ 0.7 × bare-document,
# p99 < 10 ms at 32 connections.
#
# Usage: bench/read-throughput.sh [seconds per run, default 10] [warm-up seconds per case, default 10] [rounds, default 3]
#   bench/read-throughput.sh 3 3 1     a quick check that everything runs (figures meaningless)
# Environment: BENCH_BUILD=1 rebuilds both jars (else they are built only when missing);
# BENCH_API_JAR=path runs another build of the API (e.g. a copy of an earlier one, to compare);
# BENCH_RESUME=seconds of each case run untimed right before it is timed (default 5);
# BENCH_API_JAVA_OPTS=extra JVM options for the API only;
# BENCH_CASES=names of the cases to run (with the bare cases and record, which the ratios need);
# BENCH_PROFILER=path of async-profiler's libasyncProfiler.so (Maven Central: tools.profiler:async-profiler,
# classifier linux-x64, unzip it): each timed run is profiled (CPU, attached with jcmd) and its
# stacks written, collapsed, to BENCH_PROFILE_DIR (default /tmp/waarom-profiles) as ROUND-CASE.collapsed;
# bench/profile-steps.py sums them per step of the request path. The profiler costs throughput: profile in a
# run of its own, not in one whose figures you keep.
# Needs wrk (installed with apt-get when missing), curl and python3. The figures depend on what
# else runs on the machine: the script prints the load average before and after.
# ---------------------------------------------------------------------------------------------
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION="${1:-10}"
WARMUP="${2:-10}"
ROUNDS="${3:-3}"
RESUME="${BENCH_RESUME:-5}"
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
API_PORT=$(free_port)
ADMIN_KEY="wrm_bench-admin-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
# shellcheck disable=SC2086
WAAROM_DATABASE_EMBEDDED=true WAAROM_DATA_DIR="$WORK/api" QUARKUS_HTTP_PORT=$API_PORT WAAROM_BOOTSTRAP_ADMIN_KEY="$ADMIN_KEY" \
QUARKUS_LOG_LEVEL=WARN java "${JAVA_OPTS[@]}" ${BENCH_PROFILER:+-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints} ${BENCH_API_JAVA_OPTS:-} -jar "$API_JAR" > "$WORK/api.log" 2>&1 &
PIDS+=($!)
API_PID=$!
wait_ready "http://localhost:$API_PORT/q/health/ready" "$API_PID" "$WORK/api.log"

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
VALUES_URL="$org/values/current"
DOCUMENT_URL="$org/document"
ELEMENT_URL="$org/elements/vision"
VALUES_ETAG=$(curl -sf -D - -o /dev/null "${READER[@]}" "$VALUES_URL" | etag_of)

# The bare endpoints answer exactly what the API answers (body and Content-Type), as a reader fetches it.
mkdir -p "$WORK/bytes"
fetch() { # name, url, extra curl args…
    local name=$1 url=$2; shift 2
    curl -sf "${READER[@]}" "$@" -o "$WORK/bytes/$name.body" -w '%{content_type}' "$url" > "$WORK/bytes/$name.type"
}
fetch values "$VALUES_URL"
fetch document "$DOCUMENT_URL" -H 'Accept: application/json'
BASELINE_PORT=$(free_port)
BENCH_BYTES_DIR="$WORK/bytes" QUARKUS_HTTP_PORT=$BASELINE_PORT java "${JAVA_OPTS[@]}" ${BENCH_PROFILER:+-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints} -jar $BASELINE_JAR > "$WORK/baseline.log" 2>&1 &
PIDS+=($!)
BASELINE_PID=$!
wait_ready "http://localhost:$BASELINE_PORT/values" "$BASELINE_PID" "$WORK/baseline.log"
RECORD_URL="http://localhost:$BASELINE_PORT/values"
BARE_VALUES_URL="http://localhost:$BASELINE_PORT/bytes/values"
BARE_DOCUMENT_URL="http://localhost:$BASELINE_PORT/bytes/document"

# Each case answers as expected before it is timed, the bare ones with the API's very bytes and Content-Type.
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
[[ $(status "$RECORD_URL") == 200 && $(status "${READER[@]}" "$VALUES_URL") == 200 \
   && $(status "${READER[@]}" -H "If-None-Match: $VALUES_ETAG" "$VALUES_URL") == 304 && $(status "${READER[@]}" "$ELEMENT_URL") == 200 \
   && $(status "${READER[@]}" -H 'Accept: application/json' "$DOCUMENT_URL") == 200 ]] \
   || { echo "a case does not answer as expected" >&2; exit 1; }
curl -sf "${READER[@]}" "$VALUES_URL" | python3 -c 'import json,sys; v=json.load(sys.stdin); assert len(v["values"]) == 3, v'
for name in values document; do
    curl -sf -o "$WORK/$name.bare" -w '%{content_type}' "http://localhost:$BASELINE_PORT/bytes/$name" > "$WORK/$name.bare-type"
    cmp -s "$WORK/$name.bare" "$WORK/bytes/$name.body" && cmp -s "$WORK/$name.bare-type" "$WORK/bytes/$name.type" \
        || { echo "bare $name does not answer the API's bytes and Content-Type" >&2; exit 1; }
done
RECORD_BYTES=$(curl -sf "$RECORD_URL" | wc -c)
VALUES_BYTES=$(wc -c < "$WORK/bytes/values.body")
DOCUMENT_BYTES=$(wc -c < "$WORK/bytes/document.body")

# The cases: name, url, extra wrk args (one string; the key's header is added to the API's cases).
CASES=(
    "bare-values|$BARE_VALUES_URL|"
    "values-json|$VALUES_URL|api"
    "values-304|$VALUES_URL|api 304"
    "bare-document|$BARE_DOCUMENT_URL|"
    "document|$DOCUMENT_URL|api json"
    "element|$ELEMENT_URL|api"
    "record|$RECORD_URL|"
)
# BENCH_CASES="values-304 document" runs only those (with the bare cases they are measured against, and record).
if [[ -n ${BENCH_CASES:-} ]]; then
    wanted=" ${BENCH_CASES} bare-values bare-document record "
    selected=()
    for spec in "${CASES[@]}"; do [[ $wanted == *" ${spec%%|*} "* ]] && selected+=("$spec"); done
    for name in $BENCH_CASES; do
        [[ " ${CASES[*]%%|*} " == *" $name "* ]] || { echo "BENCH_CASES: no case '$name' (cases: ${CASES[*]%%|*})" >&2; exit 1; }
    done
    CASES=("${selected[@]}")
fi
wrk_args() { # flags
    local flag
    for flag in $1; do
        case $flag in
            api) printf '%s\0' -H "Authorization: Bearer $READER_KEY" ;;
            304) printf '%s\0' -H "If-None-Match: $VALUES_ETAG" ;;
            json) printf '%s\0' -H 'Accept: application/json' ;;
        esac
    done
}

# CPU time (clock ticks) of the server side of a case: the baseline's JVM, or the API's JVM and its
# PostgreSQL (postmaster and backends), apart. Per request it does not depend on what else runs on the machine.
ticks() { # pids…
    local total=0 pid
    for pid in "$@"; do [[ -r /proc/$pid/stat ]] && total=$((total + $(awk '{print $14 + $15}' /proc/$pid/stat))); done
    echo "$total"
}
database_pids() { # flags: the API's PostgreSQL, none for the baseline
    [[ $1 == api* ]] || return 0
    local postmaster
    postmaster=$(head -1 "$WORK/api/postgres/postmaster.pid" 2>/dev/null || true)
    if [[ -n $postmaster ]]; then echo "$postmaster"; pgrep -P "$postmaster" || true; fi
}
# Busy and total clock ticks of the whole machine (all cores): with the server's own ticks, what wrk, the kernel's
# softirqs and anything else took, and whether the cores were the limit (busy ≈ all of them) or the requests waited.
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
run() { # round, name, url, flags
    local round=$1 name=$2 url=$3 flags=$4 database jvm_before jvm_after db_before db_after machine_before machine_after args=()
    mapfile -d '' args < <(wrk_args "$flags")
    # Once more right before it is timed: a server that sat idle while another was measured starts slower.
    wrk -t2 -c$CONNECTIONS -d"${RESUME}s" "${args[@]}" "$url" >/dev/null
    local jvm=$BASELINE_PID
    [[ $flags == api* ]] && jvm=$API_PID
    database=$(database_pids "$flags")
    local profiling=0
    if [[ -n ${BENCH_PROFILER:-} ]]; then
        profiling=1
        mkdir -p "${BENCH_PROFILE_DIR:=/tmp/waarom-profiles}"
        # jcmd parses name=value arguments: the agent options go quoted, as one value.
        jcmd "$jvm" JVMTI.agent_load "$BENCH_PROFILER" "\"start,event=cpu,interval=1000000,threads\"" >/dev/null
    fi
    jvm_before=$(ticks "$jvm")
    # shellcheck disable=SC2086
    db_before=$(ticks $database)
    machine_before=$(machine_ticks)
    wrk -t2 -c$CONNECTIONS -d"${DURATION}s" --latency "${args[@]}" "$url" > "$WORK/$name.txt"
    machine_after=$(machine_ticks)
    jvm_after=$(ticks "$jvm")
    # shellcheck disable=SC2086
    db_after=$(ticks $database)
    if [[ $profiling == 1 ]]; then
        awk '/requests in/{print $1}' "$WORK/$name.txt" > "$BENCH_PROFILE_DIR/$round-$name.requests"
        # jcmd parses name=value arguments: the agent options go quoted, as one value.
        jcmd "$jvm" JVMTI.agent_load "$BENCH_PROFILER" "\"stop,collapsed,file=$BENCH_PROFILE_DIR/$round-$name.collapsed\"" >/dev/null
    fi
    if grep -q 'Non-2xx or 3xx' "$WORK/$name.txt" || grep -q 'Socket errors' "$WORK/$name.txt"; then
        echo "$name: some requests failed:" >&2; cat "$WORK/$name.txt" >&2; exit 1
    fi
    read -r busy_before all_before <<< "$machine_before"
    read -r busy_after all_after <<< "$machine_after"
    python3 - "$round" "$name" "$WORK/$name.txt" $((jvm_after - jvm_before)) $((db_after - db_before)) "$(getconf CLK_TCK)" \
        $((busy_after - busy_before)) $((all_after - all_before)) "$(nproc)" <<'PY'
import re, sys
round_, name, text, jvm, db, hz = sys.argv[1], sys.argv[2], open(sys.argv[3]).read(), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
busy, every, cores = int(sys.argv[7]), int(sys.argv[8]), int(sys.argv[9])
rps = float(re.search(r'Requests/sec:\s+([\d.]+)', text).group(1))
value, unit = re.search(r'^\s+99%\s+([\d.]+)(us|ms|s)\s*$', text, re.M).groups()
p99 = float(value) * {'us': 0.001, 'ms': 1.0, 's': 1000.0}[unit]
requests = int(re.search(r'^\s*(\d+) requests in', text, re.M).group(1))
# /proc/stat counts every core: the rest is wrk, the kernel's network work not charged to a process, and anything else.
rest = max(busy - jvm - db, 0)
print(f'{round_} {name} {rps:.0f} {p99:.2f} {(jvm + db) * 1e6 / hz / requests:.1f} {jvm * 1e6 / hz / requests:.1f} {db * 1e6 / hz / requests:.1f} {requests}'
      f' {rest * 1e6 / hz / requests:.1f} {cores * busy / every:.2f}')
PY
}

# Every case is warmed up before any is timed, so that no case pays for the others' JIT compilation.
for spec in "${CASES[@]}"; do
    IFS='|' read -r name url flags <<< "$spec"
    mapfile -d '' args < <(wrk_args "$flags")
    wrk -t2 -c$CONNECTIONS -d"${WARMUP}s" "${args[@]}" "$url" >/dev/null
done
echo "load before: $(uptime)"
results=$( for round in $(seq 1 "$ROUNDS"); do
    for spec in "${CASES[@]}"; do
        IFS='|' read -r name url flags <<< "$spec"
        run "$round" "$name" "$url" "$flags"
    done
    echo "load after round $round: $(uptime)" >&2
done )
echo "load after:  $(uptime)"
echo "raw (round, case, req/s, p99 ms, server CPU us/req, of it JVM, of it PostgreSQL, requests, rest of the machine us/req, busy cores):"
echo "$results" | sed 's/^/  /'
echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s (after ${WARMUP}s warm-up per case and ${RESUME}s before each run), $ROUNDS round(s), $(nproc) cores"
echo "bodies: values/current $VALUES_BYTES B ($(cat "$WORK/bytes/values.type")), document $DOCUMENT_BYTES B ($(cat "$WORK/bytes/document.type")), record $RECORD_BYTES B"
python3 - <<PY
import statistics
rows = [line.split() for line in """$results""".strip().splitlines()]
rounds = sorted({int(r[0]) for r in rows})
by = {(int(r[0]), r[1]): tuple(float(x) for x in r[2:10]) for r in rows}
names = list(dict.fromkeys(r[1] for r in rows))
# What each case is measured against: the bare bytes it answers (the record baseline for all, as before).
bare = {'values-json': 'bare-values', 'values-304': 'bare-values', 'document': 'bare-document', 'element': 'bare-values'}
goals = {'values-json': 0.8, 'values-304': 0.9, 'document': 0.7}
def ratios(name, rnd):
    rps, _, cpu = by[(rnd, name)][:3]
    ref = bare.get(name, 'bare-values')
    return rps / by[(rnd, ref)][0], rps / by[(rnd, 'record')][0], by[(rnd, ref)][2] / cpu
print('per round: req/s (x bare bytes, x record) p99 ms, server CPU us/req (JVM + PostgreSQL)')
for rnd in rounds:
    print(f'  round {rnd}: ' + '; '.join(
        f'{n} {by[(rnd, n)][0]:.0f} ({ratios(n, rnd)[0]:.2f}, {ratios(n, rnd)[1]:.2f}) {by[(rnd, n)][1]:.1f} ms {by[(rnd, n)][2]:.0f} us ({by[(rnd, n)][3]:.0f} + {by[(rnd, n)][4]:.0f})' for n in names))
print(f'median of {len(rounds)} round(s):')
print(f'  {"case":<14} {"req/s":>7}  {"x bare":>6}  {"x record":>8}  {"p99 ms":>7}  {"CPU us/req (JVM + PostgreSQL)":>29}  {"CPU x bare":>10}  {"rest us/req":>11}  {"busy cores":>10}')
for name in names:
    med = lambda i: statistics.median(by[(rnd, name)][i] for rnd in rounds)
    rb = statistics.median(ratios(name, rnd)[0] for rnd in rounds)
    rr = statistics.median(ratios(name, rnd)[1] for rnd in rounds)
    rc = statistics.median(ratios(name, rnd)[2] for rnd in rounds)
    goal = goals.get(name)
    verdict = '' if goal is None else ('  (goal >= %.1f x bare: %s)' % (goal, 'met' if rb >= goal else 'NOT met'))
    p99 = med(1)
    print(f'  {name:<14} {med(0):>7.0f}  {rb:>6.2f}  {rr:>8.2f}  {p99:>7.2f}{"*" if p99 >= 10 else " "} {med(2):>10.0f} ({med(3):>5.1f} + {med(4):>5.1f})       {rc:>10.2f}  {med(6):>11.1f}  {med(7):>10.2f}{verdict}')
print('  (* p99 at or above the 10 ms goal; x bare: to bare-document for the document, to bare-values otherwise;')
print('   rest: CPU of everything but the server per request, wrk above all; busy cores: of %d, all of them means the cores were the limit)' % $(nproc))
PY
