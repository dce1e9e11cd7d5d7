#!/usr/bin/env bash
# ---------------------------------------------------------------------------------------------
# Runs Waarom on this machine with nothing but a JDK (17 or newer): builds what is needed, starts
# vision-api and review-scheduler on their own embedded PostgreSQL (data under ./data), waits
# until both are ready, prints where they are, and stops both on Ctrl-C.
#
#   ./run.sh              build if needed, then run
#   ./run.sh --demo       also load the demo organisation "zorg-zonnebloem"
#   ./run.sh --help       all options
#
# Production never runs like this: see deploy/README.md.
# Written for bash 3.2 too (macOS's /bin/bash): no `wait -n`, no associative arrays.
# ---------------------------------------------------------------------------------------------
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
DATA_DIR="$ROOT/data"
LOG_DIR="$DATA_DIR/logs"
API_DATA_DIR="$DATA_DIR/vision-api"
SCHEDULER_DATA_DIR="$DATA_DIR/review-scheduler"
# Written by the vision-api on its first start when no WAAROM_BOOTSTRAP_ADMIN_KEY is given
# (docs/getting-started.md).
KEY_FILE="$API_DATA_DIR/bootstrap-admin.key"
DEMO_ORGANIZATION="zorg-zonnebloem"

# Generous: the first start unpacks PostgreSQL and creates both clusters.
READY_TIMEOUT_SECONDS=120
STOP_TIMEOUT_SECONDS=30
LOG_LINES_ON_FAILURE=40

BUILD=true
DEMO=false
API_PORT="${WAAROM_API_PORT:-8080}"
SCHEDULER_PORT="${WAAROM_SCHEDULER_PORT:-8081}"
JAVA=""
API_PID=""
SCHEDULER_PID=""

usage() {
    cat <<EOF
Usage: ./run.sh [--demo] [--no-build]

Runs Waarom locally: vision-api on http://localhost:${API_PORT} and review-scheduler on
http://localhost:${SCHEDULER_PORT}, each on its own embedded PostgreSQL with its data under ./data.
Needs only a JDK 17 or newer (java on the PATH, or JAVA_HOME). Ctrl-C stops both services.

Options:
  --demo        load the demo organisation "${DEMO_ORGANIZATION}" at start (WAAROM_DEMO=true)
  --no-build    do not build, start what is already in */target/quarkus-app
  -h, --help    show this help

By default the services are built (./mvnw -B -q package -DskipTests) when a packaged service is
missing or a pom.xml or a file under */src is newer than it.

Environment:
  WAAROM_API_PORT              port of vision-api (default 8080)
  WAAROM_SCHEDULER_PORT        port of review-scheduler (default 8081)
  WAAROM_BOOTSTRAP_ADMIN_KEY   platform-admin key to ensure at start; without it the API writes
                               one to data/vision-api/bootstrap-admin.key on its first start
  WAAROM_API_KEY               key the scheduler uses (default: the bootstrap key)
  Any other variable of the configuration contract (deploy/README.md) is passed to both services.

Logs: data/logs/vision-api.log and data/logs/review-scheduler.log (the previous run's as *.log.1).
Start afresh: stop Waarom and delete ./data.
EOF
}

info() {
    printf '%s\n' "$*"
}

die() {
    printf 'run.sh: %s\n' "$*" >&2
    exit 1
}

parse_arguments() {
    while (($# > 0)); do
        case "$1" in
            --demo) DEMO=true ;;
            --no-build) BUILD=false ;;
            -h | --help)
                usage
                exit 0
                ;;
            *)
                printf 'run.sh: unknown option: %s\n\n' "$1" >&2
                usage >&2
                exit 2
                ;;
        esac
        shift
    done
}

check_port_setting() { # name value
    if ! [[ "$2" =~ ^[0-9]+$ ]] || (("$2" < 1 || "$2" > 65535)); then
        die "$1 must be a port number (1-65535), not '$2'"
    fi
}

# The JDK: JAVA_HOME when set (as Maven does), else java on the PATH; 17 or newer.
find_java() {
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
        JAVA="$JAVA_HOME/bin/java"
    elif command -v java >/dev/null 2>&1; then
        JAVA="$(command -v java)"
    else
        die "no Java found: install a JDK 17 or newer and put java on the PATH (or set JAVA_HOME)"
    fi
    local version
    # "17", "21" – or "1.8" for Java 8, whose major part then reads as 1.
    version="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')"
    if [[ -z "$version" ]] || ((version < 17)); then
        die "Waarom needs Java 17 or newer; $JAVA is version ${version:-unknown}"
    fi
}

# Prints why a build is needed, or nothing when both packaged services are newer than every
# pom.xml and every file under */src.
build_reason() {
    local service jar newer
    local -a sources=()
    local previous_nullglob
    previous_nullglob="$(shopt -p nullglob || true)"
    shopt -s nullglob
    sources=("$ROOT"/pom.xml "$ROOT"/*/pom.xml "$ROOT"/*/src)
    eval "$previous_nullglob"
    for service in vision-api review-scheduler; do
        jar="$ROOT/$service/target/quarkus-app/quarkus-run.jar"
        if [[ ! -f "$jar" ]]; then
            printf '%s is not built yet' "$service"
            return 0
        fi
        newer="$(find "${sources[@]}" -type f -newer "$jar" -print -quit 2>/dev/null || true)"
        if [[ -n "$newer" ]]; then
            printf '%s changed since %s was built' "${newer#"$ROOT"/}" "$service"
            return 0
        fi
    done
}

build_if_needed() {
    local service reason
    if [[ "$BUILD" == false ]]; then
        for service in vision-api review-scheduler; do
            [[ -f "$ROOT/$service/target/quarkus-app/quarkus-run.jar" ]] ||
                die "$service is not built; run ./run.sh without --no-build (or ./mvnw package -DskipTests)"
        done
        return 0
    fi
    reason="$(build_reason)"
    if [[ -z "$reason" ]]; then
        return 0
    fi
    info "Building Waarom ($reason): ./mvnw -B -q package -DskipTests"
    info "  (the first build downloads Maven and the dependencies; that takes a few minutes)"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests) || die "the build failed; see the Maven output above"
}

# True when something accepts connections on localhost:$1 (a left-over run, another program).
# Uses bash's /dev/tcp; where bash lacks it, the check passes and the service reports the clash.
port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# True when GET /q/health/ready on localhost:$1 answers 200. curl when there is one, otherwise
# bash's /dev/tcp with a plain HTTP/1.0 request, so a machine with only a JDK works too.
ready() {
    local url="http://127.0.0.1:$1/q/health/ready"
    if command -v curl >/dev/null 2>&1; then
        [[ "$(curl --silent --output /dev/null --max-time 3 --write-out '%{http_code}' "$url" 2>/dev/null || true)" == 200 ]]
        return
    fi
    ready_without_curl "$1"
}

ready_without_curl() {
    (
        exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        printf 'GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
        status_line=""
        IFS= read -r -t 5 status_line <&3 || exit 1
        [[ "$status_line" == HTTP/1.?" 200"* ]]
    ) 2>/dev/null
}

alive() {
    [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null
}

# Starts one packaged service in the background with the given VARIABLE=value settings; its
# process id is then in $!. The settings are exported inside a subshell that becomes the JVM
# (exec), so they never appear on a command line and do not leak into this shell.
start_service() { # service settings...
    local service="$1"
    shift
    local log="$LOG_DIR/$service.log"
    if [[ -f "$log" ]]; then
        mv -f "$log" "$log.1"
    fi
    (
        cd "$ROOT"
        for setting in "$@"; do
            export "${setting?}"
        done
        exec "$JAVA" -jar "$ROOT/$service/target/quarkus-app/quarkus-run.jar"
    ) >"$log" 2>&1 </dev/null &
}

show_log_tail() { # service
    local log="$LOG_DIR/$1.log"
    printf -- '--- last %d lines of %s ---\n' "$LOG_LINES_ON_FAILURE" "${log#"$ROOT"/}" >&2
    tail -n "$LOG_LINES_ON_FAILURE" "$log" >&2 || true
    printf -- '---\n' >&2
}

wait_until_ready() { # service pid port
    local service="$1" pid="$2" port="$3"
    local deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
    while ! ready "$port"; do
        if ! alive "$pid"; then
            local status=0
            wait "$pid" 2>/dev/null || status=$?
            show_log_tail "$service"
            die "$service stopped during start-up (exit status $status); its log is data/logs/$service.log"
        fi
        if ((SECONDS >= deadline)); then
            show_log_tail "$service"
            die "$service was not ready within ${READY_TIMEOUT_SECONDS} s (GET http://localhost:$port/q/health/ready)"
        fi
        sleep 1
    done
}

# The scheduler's credential: WAAROM_API_KEY if given, else the key file the API wrote, else
# WAAROM_BOOTSTRAP_ADMIN_KEY. A platform-admin key is more than the scheduler needs (its own
# `service` key is, see deploy/README.md), which is acceptable only for this local run.
scheduler_api_key() {
    if [[ -n "${WAAROM_API_KEY:-}" ]]; then
        printf '%s' "$WAAROM_API_KEY"
    elif [[ -r "$KEY_FILE" ]]; then
        # The first line that is not empty and not a comment, without surrounding blanks.
        sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$KEY_FILE" | grep -v -e '^$' -e '^#' | head -n 1 || true
    elif [[ -n "${WAAROM_BOOTSTRAP_ADMIN_KEY:-}" ]]; then
        printf '%s' "$WAAROM_BOOTSTRAP_ADMIN_KEY"
    fi
}

# SIGTERM to both (Quarkus then shuts down gracefully and stops its embedded PostgreSQL), up to
# STOP_TIMEOUT_SECONDS for them to go, then SIGKILL. After a SIGKILL an embedded PostgreSQL may
# outlive its service; the next start stops it
# (docs/architecture.md#two-services-one-writer).
stop_services() {
    local pids="" pid
    for pid in "$SCHEDULER_PID" "$API_PID"; do
        if alive "$pid"; then
            pids="$pids $pid"
        fi
    done
    if [[ -z "$pids" ]]; then
        SCHEDULER_PID=""
        API_PID=""
        return 0
    fi
    info "Stopping Waarom (up to ${STOP_TIMEOUT_SECONDS} s)..."
    # shellcheck disable=SC2086 # $pids is a list of numbers, split on purpose
    kill -TERM $pids 2>/dev/null || true
    local deadline=$((SECONDS + STOP_TIMEOUT_SECONDS)) remaining
    while :; do
        remaining=""
        for pid in $pids; do
            if alive "$pid"; then
                remaining="$remaining $pid"
            fi
        done
        if [[ -z "$remaining" ]] || ((SECONDS >= deadline)); then
            break
        fi
        sleep 1
    done
    if [[ -n "$remaining" ]]; then
        printf 'run.sh: still running after %d s, killing:%s\n' "$STOP_TIMEOUT_SECONDS" "$remaining" >&2
        # shellcheck disable=SC2086 # as above
        kill -KILL $remaining 2>/dev/null || true
    fi
    for pid in $pids; do
        wait "$pid" 2>/dev/null || true
    done
    SCHEDULER_PID=""
    API_PID=""
    info "Waarom stopped."
}

on_signal() {
    trap '' INT TERM
    printf '\n'
    stop_services
    exit 0
}

print_summary() {
    local api="http://localhost:$API_PORT"
    info ""
    info "Waarom is running. Ctrl-C stops both services."
    info ""
    info "  API            $api/api/v1"
    info "  Swagger UI     $api/q/swagger-ui"
    info "  OpenAPI        $api/q/openapi"
    info "  API health     $api/q/health"
    info "  Scheduler      http://localhost:$SCHEDULER_PORT/q/health"
    if [[ -f "$KEY_FILE" ]]; then
        info "  Admin key      $KEY_FILE"
        info "                 (send it as: Authorization: Bearer \$(cat \"$KEY_FILE\"))"
    elif [[ -n "${WAAROM_BOOTSTRAP_ADMIN_KEY:-}" ]]; then
        info "  Admin key      the value of WAAROM_BOOTSTRAP_ADMIN_KEY"
    else
        info "  Admin key      none written yet (expected at $KEY_FILE)"
    fi
    if [[ "$DEMO" == true ]]; then
        info "  Demo           $api/api/v1/organizations/$DEMO_ORGANIZATION"
    fi
    info "  Logs           $LOG_DIR"
    info "  Data           $DATA_DIR (delete it, while stopped, to start afresh)"
    info ""
    if [[ "$DEMO" == true ]]; then
        print_demo_tries "$api"
    fi
}

# Three things to try in the demo, as commands that work as printed: the key is read from its file
# (or its variable) when the command runs, so it never appears in this output.
print_demo_tries() { # api-url
    local org="$1/api/v1/organizations/$DEMO_ORGANIZATION" auth
    if [[ -f "$KEY_FILE" ]]; then
        auth="Authorization: Bearer \$(cat '$KEY_FILE')"
    else
        auth="Authorization: Bearer \$WAAROM_BOOTSTRAP_ADMIN_KEY"
    fi
    info "Three things to try in the demo:"
    info ""
    info "  # 1. The goals: 'Iedereen een netwerk' is REACHED, because its indicator met its target."
    info "  curl -s -H \"$auth\" '$org/goals?kind=OPERATIONAL'"
    info ""
    info "  # 2. What reaching it set off: an open review of the vision (reason GOAL_REACHED), beside the"
    info "  #    strategy review for the vision in effect and the cycle reviews due. The scheduler opens them within seconds."
    info "  curl -s -H \"$auth\" '$org/review-tasks?status=OPEN'"
    info ""
    info "  # 3. The vision document as Markdown: the four elements in effect and the goals with their progress."
    info "  curl -s -H \"$auth\" -H 'Accept: text/markdown' '$org/document'"
    info ""    # The demo writes its two links for people (tokens inside, shown nowhere else) to a file only its owner reads.
    local links="$API_DATA_DIR/demo-links" consultation acknowledgement
    if [[ -f "$links" ]]; then
        consultation="$(sed -n 's/^consultation=//p' "$links")"
        acknowledgement="$(sed -n 's/^acknowledgement=//p' "$links")"
        info "Open in a browser, as a person with only a link would (personal links: do not share them):"
        info ""
        info "  The clients' council's invitation to the consultation on the new vision:"
        info "  $1$consultation"
        info "  An employee's link to acknowledge the values:"
        info "  $1$acknowledgement"
        info ""
    fi
}

main() {
    parse_arguments "$@"
    check_port_setting WAAROM_API_PORT "$API_PORT"
    check_port_setting WAAROM_SCHEDULER_PORT "$SCHEDULER_PORT"
    [[ "$API_PORT" != "$SCHEDULER_PORT" ]] || die "WAAROM_API_PORT and WAAROM_SCHEDULER_PORT must differ"
    find_java

    # From here on, whatever ends this script stops what it started.
    trap on_signal INT TERM
    trap stop_services EXIT

    build_if_needed

    local port
    for port in "$API_PORT" "$SCHEDULER_PORT"; do
        if port_in_use "$port"; then
            die "port $port is already in use (another ./run.sh?); stop that program or set WAAROM_API_PORT / WAAROM_SCHEDULER_PORT"
        fi
    done
    mkdir -p "$LOG_DIR" "$API_DATA_DIR" "$SCHEDULER_DATA_DIR"

    # Private networks: lets webhooks reach a receiver on this machine (refused in production).
    local -a api_settings=(
        WAAROM_DATABASE_EMBEDDED=true
        "WAAROM_DATA_DIR=$API_DATA_DIR"
        "QUARKUS_HTTP_PORT=$API_PORT"
        WAAROM_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true
    )
    if [[ "$DEMO" == true ]]; then
        api_settings+=(WAAROM_DEMO=true)
    fi
    info "Starting vision-api on port $API_PORT (log: data/logs/vision-api.log)..."
    start_service vision-api "${api_settings[@]}"
    API_PID=$!
    wait_until_ready vision-api "$API_PID" "$API_PORT"

    # Started after the API is ready, so that the API has written its bootstrap key by now.
    local -a scheduler_settings=(
        WAAROM_DATABASE_EMBEDDED=true
        "WAAROM_DATA_DIR=$SCHEDULER_DATA_DIR"
        "QUARKUS_HTTP_PORT=$SCHEDULER_PORT"
        "WAAROM_API_URL=http://localhost:$API_PORT"
    )
    local api_key
    api_key="$(scheduler_api_key)"
    if [[ -n "$api_key" ]]; then
        scheduler_settings+=("WAAROM_API_KEY=$api_key")
    fi
    info "Starting review-scheduler on port $SCHEDULER_PORT (log: data/logs/review-scheduler.log)..."
    start_service review-scheduler "${scheduler_settings[@]}"
    SCHEDULER_PID=$!
    wait_until_ready review-scheduler "$SCHEDULER_PID" "$SCHEDULER_PORT"

    print_summary

    # Sleep in the background and wait for it, so that Ctrl-C is handled at once.
    while alive "$API_PID" && alive "$SCHEDULER_PID"; do
        sleep 1 &
        wait $! || true
    done

    local service pid status=0
    if alive "$API_PID"; then
        service=review-scheduler pid="$SCHEDULER_PID"
    else
        service=vision-api pid="$API_PID"
    fi
    wait "$pid" 2>/dev/null || status=$?
    trap '' INT TERM
    printf 'run.sh: %s exited on its own (exit status %d)\n' "$service" "$status" >&2
    show_log_tail "$service"
    stop_services
    exit 1
}

# Sourcing the script (for a test of one function) defines the functions without running it.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    main "$@"
fi
