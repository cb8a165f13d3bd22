#!/usr/bin/env bash
# Ingest measured on the README's quick start: the jar with its embedded PostgreSQL and a
# fresh data directory, one unsigned MiniVoice source with no route (as a new user has it).
#
#   [JAVA_OPTS=…] infra/bench/quickstart/run.sh [JAR] [--duration S] [--connections N] [--warm-up S]
#
# Prints pgbench's one-event-per-transaction rate on the same embedded PostgreSQL (the
# harness's event script), then the maximum ingest rate with N kept-alive connections (wrk),
# Switchboard's and PostgreSQL's CPU per acknowledged event, and the answers by status. The
# measured run follows an unmeasured one of --warm-up seconds (60): a JVM still compiling spends a
# visible share of two cores on its JIT compilers, whose CPU is also printed apart.
# Needs wrk and pgbench (Debian: wrk, postgresql-client); the jar is built if not given.
set -euo pipefail
cd "$(dirname "$0")/../../.."
jar=app/target/switchboard.jar
duration=20
connections=64
warm_up=60
while [ $# -gt 0 ]; do
	case "$1" in
		--duration) duration=$2; shift 2 ;;
		--connections) connections=$2; shift 2 ;;
		--warm-up) warm_up=$2; shift 2 ;;
		*) jar=$1; shift ;;
	esac
done
[ -f "$jar" ] || ./mvnw -q -DskipTests package -pl app -am
pgbench=$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1)
command -v wrk >/dev/null && [ -n "$pgbench" ] || { echo "needs wrk and pgbench" >&2; exit 2; }

work=$(mktemp -d /tmp/switchboard-quickstart.XXXXXX)
port=18080
db_port=15432
java ${JAVA_OPTS:-} -jar "$jar" --server.port=$port --switchboard.data-dir="$work/data" \
	--switchboard.embedded-database.port=$db_port --switchboard.inbound.rate-limit-per-second=1000000 \
	> "$work/switchboard.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do
	curl -sf "localhost:$port/actuator/health/readiness" >/dev/null 2>&1 && break
	sleep 0.5
done
sb=http://localhost:$port
email="qs-$(date +%s)@example.com"
password="correct horse battery"
curl -sf -X POST $sb/api/v1/signup -H 'Content-Type: application/json' \
	-d "{\"tenantName\":\"Quick start\",\"email\":\"$email\",\"password\":\"$password\"}" > "$work/signup.json"
token=$(curl -sf -X POST $sb/api/v1/tokens -u "$email:$password" -H 'Content-Type: application/json' \
	-d '{"name":"qs","scopes":["sources:write","destinations:write","routes:write"]}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
auth="Authorization: Bearer $token"
json() { sed "s/.*\"$1\":\"\([^\"]*\)\".*/\1/"; }
source=$(curl -sf -X POST $sb/api/v1/sources -H "$auth" -H 'Content-Type: application/json' \
	-d '{"provider":"minivoice","name":"MiniVoice","generateSecret":false}')
inbound=$(echo "$source" | json inboundUrl)
# pgbench's rows need a route and destination of their own (on another source; its
# deliveries are due in a hundred years, so the worker leaves them alone).
other=$(curl -sf -X POST $sb/api/v1/sources -H "$auth" -H 'Content-Type: application/json' \
	-d '{"provider":"minivoice","name":"pgbench"}')
destination=$(curl -sf -X POST $sb/api/v1/destinations -H "$auth" -H 'Content-Type: application/json' \
	-d '{"kind":"custom","name":"pgbench","url":"https://pgbench.example.com/in"}')
route=$(curl -sf -X POST $sb/api/v1/routes -H "$auth" -H 'Content-Type: application/json' \
	-d "{\"sourceId\":\"$(echo "$other" | json id)\",\"destinationId\":\"$(echo "$destination" | json id)\",\"eventTypes\":[\"none.*\"]}")
psql_query() { "$(dirname "$pgbench")/psql" -h 127.0.0.1 -p $db_port -U postgres -d switchboard -Atc "$1"; }
tenant_uuid=$(psql_query "SELECT tenant_id FROM source WHERE name = 'pgbench'")
source_uuid=$(psql_query "SELECT id FROM source WHERE name = 'pgbench'")
destination_uuid=$(psql_query "SELECT id FROM destination WHERE name = 'pgbench'")
route_uuid=$(psql_query "SELECT id FROM route LIMIT 1")

cpu() { awk '{print $14 + $15}' /proc/$1/stat; }
# The embedded PostgreSQL: its postmaster and every backend it forked (their CPU so far).
postmaster=$(head -1 "$work/data/postgres/postmaster.pid")
postgres_cpu() {
	local total=$(cpu $postmaster)
	for p in $(pgrep -P $postmaster); do [ -r /proc/$p/stat ] && total=$((total + $(cpu $p))); done
	echo $total
}
ticks=$(getconf CLK_TCK)

"$pgbench" -h 127.0.0.1 -p $db_port -U postgres -n -M prepared -c 16 -j 2 -T "$duration" \
	-f infra/bench/src/main/resources/io/switchboard/bench/postgres/pgbench-event.sql \
	-D tenant="$tenant_uuid" -D source="$source_uuid" -D route="$route_uuid" -D destination="$destination_uuid" \
	switchboard > "$work/pgbench.out" 2>&1
pgbench_tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/pgbench.out" | head -1)

# The JIT compilers' threads (their names hold spaces, so the fields are counted after the ")").
jit_cpu() {
	local total=0
	for task in /proc/$1/task/*; do
		case "$(cat "$task/comm" 2>/dev/null)" in
			C1\ Compi*|C2\ Compi*) total=$((total + $(sed 's/^.*) //' "$task/stat" | awk '{print $12 + $13}'))) ;;
		esac
	done
	echo $total
}

# warm-up, then the measured run
stamp=$(date +%s)
wrk -t2 -c"$connections" -d"${warm_up}s" -s infra/bench/quickstart/event.lua "$inbound" -- "warm-$stamp" > "$work/warm.out"
sleep 2
sb_before=$(cpu $pid); pg_before=$(postgres_cpu); jit_before=$(jit_cpu $pid)
wrk -t2 -c"$connections" -d"${duration}s" -s infra/bench/quickstart/event.lua "$inbound" -- "run-$stamp" > "$work/wrk.out"
sb_after=$(cpu $pid); pg_after=$(postgres_cpu); jit_after=$(jit_cpu $pid)
accepted=$(sed -n 's/^status 200 \([0-9]*\)/\1/p' "$work/wrk.out")
accepted=${accepted:-0}
rate=$(awk -v n="$accepted" -v d="$duration" 'BEGIN {printf "%.0f", n / d}')
echo "quick start ($(java -version 2>&1 | head -1); $(nproc) cores)"
echo "  pgbench one event per transaction  ${pgbench_tps} /s (16 clients, embedded PostgreSQL)"
echo "  ingest max, ${connections} connections      ${rate} /s acknowledged ($(grep '^status' "$work/wrk.out" | tr '\n' ' '))"
echo "  ratio to pgbench                   $(awk -v r="$rate" -v p="$pgbench_tps" 'BEGIN {printf "%.2f", r / p}')"
echo "  ack latency                        p50 $(sed -n 's/latency_p50_ms //p' "$work/wrk.out") ms, p99 $(sed -n 's/latency_p99_ms //p' "$work/wrk.out") ms"
echo "  Switchboard CPU per event          $(awk -v t=$((sb_after - sb_before)) -v h="$ticks" -v n="$accepted" 'BEGIN {printf "%.3f", t / h * 1000 / n}') ms"
echo "  of which JIT compilers            $(awk -v t=$((jit_after - jit_before)) -v h="$ticks" -v n="$accepted" 'BEGIN {printf "%.3f", t / h * 1000 / n}') ms"
echo "  PostgreSQL CPU per event           $(awk -v t=$((pg_after - pg_before)) -v h="$ticks" -v n="$accepted" 'BEGIN {printf "%.3f", t / h * 1000 / n}') ms"
# Every acknowledged request was a new event (a duplicate is answered 200 too, and costs less).
warm_accepted=$(sed -n 's/^status 200 \([0-9]*\)/\1/p' "$work/warm.out")
stored=$(psql_query "SELECT count(*) FROM event WHERE source_id = (SELECT id FROM source WHERE name = 'MiniVoice')")
echo "  events stored / acknowledged       ${stored} / $(( ${warm_accepted:-0} + accepted )) (warm-up and measured run)"
