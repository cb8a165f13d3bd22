#!/usr/bin/env bash
# Switchboard's benchmark and chaos harness (issue 8). From the repository root or anywhere:
#
#   infra/bench/run.sh [scenario…|all|chaos] [--duration S] [--smoke] [--jvm-options "-Xmx256m …"] [--out DIR]
#                      [--split-roles] [--quick-start] [--warm-up S] [--jar JAR]
#
# Scenarios: ingest, e2e, isolation, deliver, history, memory (all = these, in that order; the
# default); crash, db-outage, receiver-outage, bad-input, noisy-neighbour, noisy-worker (chaos = these
# six).
# Builds the Switchboard jar and the harness (tests skipped), starts a PostgreSQL of its own
# (Debian's binaries, /usr/lib/postgresql/<version>/bin, with pgbench), starts the jar against it,
# drives it (--split-roles: the worker in a process of its own, beside one with the api and ui
# roles, both with the JVM options given; --quick-start: the jar on its own embedded PostgreSQL, as the
# README's quick start runs it, which the harness then measures instead of its own), prints the figures and writes them to infra/bench/results/<time>/results.json with
# Switchboard's and PostgreSQL's logs and the history query plans beside it.
#
# MAVEN_REPO_LOCAL (optional) is passed to Maven as -Dmaven.repo.local; MAVEN_OFFLINE=1 adds -o;
# SKIP_BUILD=1 uses the jars already built.
set -euo pipefail
cd "$(dirname "$0")/../.."

maven=(./mvnw -q -DskipTests)
[ -n "${MAVEN_REPO_LOCAL:-}" ] && maven+=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
[ "${MAVEN_OFFLINE:-0}" = 1 ] && maven+=(-o)
if [ "${SKIP_BUILD:-0}" != 1 ]; then
	"${maven[@]}" package -pl app,infra/bench -am
fi
exec java -Xmx1g -jar infra/bench/target/switchboard-bench.jar "$@"
