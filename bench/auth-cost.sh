#!/usr/bin/env bash
# ---------------------------------------------------------------------------------------------
# What authentication costs on a GET, measured against the packaged vision-api on embedded
# PostgreSQL, with wrk, all in one run on this machine (figures are ratios to the baseline).
#
#   baseline   GET …/elements/vision without credentials: the filter answers 401 at once
#   key check  the same GET with an unknown API key: one hashed-key lookup, then the same 401
#   api key    the same GET with a valid reader key: lookup + permission check + the read itself
#   token      the same GET with an OIDC token (RS256 signature check, no database)
#
# The difference between "baseline" and "key check" is the key check alone (same answer, same
# bytes). Usage: bench/auth-cost.sh [seconds per run, default 15]. Needs wrk (apt-get install wrk)
# and openssl; builds the API when it is missing.
# ---------------------------------------------------------------------------------------------
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION="${1:-15}"
PORT="${BENCH_PORT:-18180}"
WORK="$(mktemp -d /tmp/waarom-bench.XXXXXX)"
API_PID=""
cleanup() {
    if [[ -n "$API_PID" ]]; then kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[[ -f vision-api/target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q package -DskipTests -pl vision-api -am

# A throw-away OIDC issuer: a key pair and a token signed with it.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/private.pem" 2>/dev/null
openssl pkey -in "$WORK/private.pem" -pubout -out "$WORK/public.pem"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"https://idp.bench/waarom","sub":"bench-user","preferred_username":"bench","groups":["waarom:bench-org:reader"],"iat":%d,"exp":%d}' "$now" $((now + 3600)) | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/private.pem" -binary | b64url)
TOKEN="$header.$payload.$signature"

ADMIN_KEY="wrm_bench-platform-admin-$(openssl rand -hex 16)"
WAAROM_DATABASE_EMBEDDED=true WAAROM_DATA_DIR="$WORK/data" QUARKUS_HTTP_PORT="$PORT" \
WAAROM_BOOTSTRAP_ADMIN_KEY="$ADMIN_KEY" \
WAAROM_SECURITY_FAILED_AUTHENTICATION_LIMIT=2000000000 \
WAAROM_SECURITY_OIDC_ISSUER=https://idp.bench/waarom WAAROM_SECURITY_OIDC_PUBLIC_KEY="$(cat "$WORK/public.pem")" \
QUARKUS_LOG_LEVEL=WARN \
    java -jar vision-api/target/quarkus-app/quarkus-run.jar > "$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 1 120); do
    curl -sf "localhost:$PORT/q/health/ready" >/dev/null && break
    kill -0 "$API_PID" 2>/dev/null || { cat "$WORK/api.log"; exit 1; }
    sleep 0.5
done

api="http://localhost:$PORT/api/v1"
json=(-H 'Content-Type: application/json' -H "Authorization: Bearer $ADMIN_KEY")
curl -sf "${json[@]}" -d '{"slug":"bench-org","name":"Bench"}' "$api/organizations" >/dev/null
etag=$(curl -sf -D - -o /dev/null "${json[@]}" -d '{"content":{"statement":"Iedereen telt mee."}}' "$api/organizations/bench-org/elements/vision/versions" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
curl -sf -X POST "${json[@]}" -H "If-Match: $etag" "$api/organizations/bench-org/elements/vision/versions/1/adopt" >/dev/null
READER_KEY=$(curl -sf "${json[@]}" -d '{"name":"bench-reader","roles":["reader"]}' "$api/organizations/bench-org/api-keys" | sed -E 's/.*"key":"([^"]+)".*/\1/')
URL="$api/organizations/bench-org/elements/vision"

# Each case answers as expected before it is timed.
check() { local code; code=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$URL"); echo "$code"; }
[[ $(check) == 401 && $(check -H "Authorization: Bearer wrm_unknown-key-000000000000000000") == 401 \
   && $(check -H "Authorization: Bearer $READER_KEY") == 200 && $(check -H "Authorization: Bearer $TOKEN") == 200 ]] \
   || { echo "a case does not answer as expected" >&2; exit 1; }

run() { # name, extra wrk args…
    local name=$1; shift
    wrk -t2 -c16 -d5s "$@" "$URL" >/dev/null   # warm-up
    local rps
    rps=$(wrk -t2 -c16 -d"${DURATION}s" "$@" "$URL" | awk '/Requests\/sec/{print $2}')
    printf '%s %s\n' "$name" "$rps"
}
results=$( {
    run baseline
    run key-check -H "Authorization: Bearer wrm_unknown-key-000000000000000000"
    run api-key -H "Authorization: Bearer $READER_KEY"
    run token -H "Authorization: Bearer $TOKEN"
} )
base=$(awk '$1=="baseline"{print $2}' <<<"$results")
echo "GET /api/v1/organizations/{org}/elements/vision, wrk -t2 -c16 -d${DURATION}s, $(nproc) cores"
awk -v base="$base" '{printf "  %-10s %10.0f req/s   %5.2f x baseline\n", $1, $2, $2 / base}' <<<"$results"
