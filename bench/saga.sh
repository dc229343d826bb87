#!/usr/bin/env bash
# bench/saga.sh: commitments per second through the funding saga's budget side and its request→committed latency,
# against the running local stack (bin/dev up -d), beside its baseline measured in the same run on the same machine:
#   - writes a budget straight into the budget database (bench/sql/saga-setup.sql: benchmark ESAs P97-1..P97-4, fiscal
#     year 2570, one line of a billion baht each), then, at each count of concurrent ESAs, writes activities waiting
#     for funding into the events database (bench/sql/saga-activities.sql) and bench/java/SagaLoad.java publishes
#     their funding requests on events.v1 as events-service does (CloudEvents headers, ce_source
#     /tambon/events-service, key <activity>/funding), one producer per ESA on its own line, and reads budget.v1
#     until every request has its answer (events-service takes each, FUNDED, as in production):
#       throughput: N requests sent at once (N from --requests, or what the warm-up's rate does in --duration);
#                   commitments/s = N / (first send → last answer), and the latency under that queue;
#       latency:    for --duration, each ESA keeps one request unanswered at a time: request→committed p50, p99;
#   - pgbench at the same client count (one per ESA, each on its ESA's line) runs the transaction budget-service runs
#     for one request (bench/sql/saga-request.sql: the inbox row, the saga, the answer, the fiscal year FOR SHARE, the
#     line FOR NO KEY UPDATE and its update, the ledger entry, the commitment, the steps, the outbox row), against a
#     copy of the budget database's schema (pg_dump --schema-only) holding the same budget: (a) one request per
#     transaction, (b) as many per transaction as budget-service applied per poll in this run.
# Prints a markdown report (see docs/benchmarks.md). Needs pgbench, pg_dump, psql, curl and a JDK
# (bench/install-tools); SagaLoad runs on Kafka's client from bench/pom.xml (resolved once into .dev/bench.classpath).
#
# Usage: bench/saga.sh [--duration SECONDS] [--requests N] [--warmup N] [--clients "1 4"] [--label TEXT]
# Also prints the CPU the stack used during each throughput run. The requests commit 1.00 baht each; the funded
# activities (refs saga-..., ESAs P97-n), sagas and commitments stay; bin/dev reset --force removes them.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BENCH=$ROOT/bench
DURATION=15
REQUESTS=""
WARMUP=500
CLIENTS="1 4"
LABEL=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
YEAR=2570
BUDGET=http://127.0.0.1:8083
BASELINE_DB=tambon_bench_saga
CONSUMER=budget-service.funding-requests
# how long SagaLoad waits for the last answer
ANSWER_TIMEOUT=${ANSWER_TIMEOUT:-600}
# how long events-service may take after the last answer to have taken them all
CATCH_UP_TIMEOUT=${CATCH_UP_TIMEOUT:-120}

usage() {
  echo "usage: bench/saga.sh [--duration SECONDS] [--requests N] [--warmup N] [--clients \"1 4\"] [--label TEXT]" >&2
  exit 2
}
while (($#)); do
  (($# >= 2)) || usage
  case $1 in
    --duration) DURATION=$2 ;;
    --requests) REQUESTS=$2 ;;
    --warmup) WARMUP=$2 ;;
    --clients) CLIENTS=$2 ;;
    --label) LABEL=$2 ;;
    *) usage ;;
  esac
  shift 2
done

die() { echo "bench: $*" >&2; exit 1; }
[[ -z $REQUESTS || $REQUESTS =~ ^[1-9][0-9]*$ ]] || die "--requests must be a positive number"
[[ $WARMUP =~ ^[0-9]+$ && $DURATION =~ ^[1-9][0-9]*$ ]] || die "--warmup and --duration must be numbers"
max_clients=0
for c in $CLIENTS; do
  [[ $c =~ ^[1-9]$ ]] || die "--clients: each count of concurrent ESAs must be 1 to 9"
  ((c > max_clients)) && max_clients=$c
done
((max_clients > 0)) || usage
for tool in pgbench pg_dump psql curl java javac; do
  command -v "$tool" >/dev/null || die "$tool is needed (bench/install-tools installs it)"
done
[[ $(curl -s -o /dev/null -w '%{http_code}' "$BUDGET/health/readiness") == 200 ]] ||
  die "budget-service is not ready on $BUDGET: start the stack with bin/dev up -d"

# The PostgreSQL server budget-service uses (bin/dev's choice), unless PG* say otherwise.
env_value() { awk -v k="$1" 'index($0, k "=") == 1 { print substr($0, length(k) + 2); exit }'; }
budget_env=$("$ROOT/bin/dev" env budget-service) || die "bin/dev env budget-service failed"
budget_url=$(env_value DATASOURCE_URL <<<"$budget_env")
[[ $budget_url =~ ^jdbc:postgresql://([^:/]+):([0-9]+)/([^?]+) ]] || die "cannot read DATASOURCE_URL=$budget_url"
PGHOST=${PGHOST:-${BASH_REMATCH[1]}}
PGPORT=${PGPORT:-${BASH_REMATCH[2]}}
DATABASE=${BASH_REMATCH[3]}
PGUSER=${PGUSER:-$(env_value DATASOURCE_USERNAME <<<"$budget_env")}
export PGHOST PGPORT PGUSER
events_url=$("$ROOT/bin/dev" env events-service | env_value DATASOURCE_URL) || die "bin/dev env events-service failed"
[[ $events_url =~ ^jdbc:postgresql://[^/]+/([^?]+) ]] || die "cannot read DATASOURCE_URL=$events_url"
EVENTS_DB=${BASH_REMATCH[1]}
BOOTSTRAP=$(env_value KAFKA_BOOTSTRAP_SERVERS <<<"$budget_env")
BOOTSTRAP=${BOOTSTRAP:-127.0.0.1:9092}

sql() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$@"; }
div() {
  awk -v a="$1" -v b="$2" -v f="${3:-%.2f}" 'BEGIN { if (b + 0 == 0 || a !~ /^-?[0-9.]+$/) print "n/a"; else printf f "\n", a / b }'
}

work=$(mktemp -d)
cleanup() {
  sql postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $BASELINE_DB WITH (FORCE)" \
    >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# SagaLoad, compiled once against Kafka's client (bench/pom.xml's classpath).
classpath_file=$ROOT/.dev/bench.classpath
if [[ ! -s $classpath_file || $BENCH/pom.xml -nt $classpath_file ]]; then
  mkdir -p "$(dirname "$classpath_file")"
  (cd "$ROOT" && ./mvnw -B -q -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$classpath_file") >&2 ||
    die "could not resolve Kafka's client from bench/pom.xml"
fi
classpath=$(<"$classpath_file")
javac -d "$work/classes" -cp "$classpath" "$BENCH/java/SagaLoad.java" || die "SagaLoad does not compile"
# saga_load CLIENTS PER_ESA ARGS...: SagaLoad's summary line (SAGA requests=... per_s=... p50_ms=...), after writing
# PER_ESA activities waiting for funding per ESA into events-service's database (bench/sql/saga-activities.sql) for it
# to ask for; then waits until events-service has taken every answer (FUNDED), and removes the activities it did not
# ask for (a run of --seconds asks for what it has time for).
runs=0
saga_load() {
  local c=$1 per_esa=$2 esas i run line funded deadline
  shift 2
  esas=$(for ((i = 1; i <= c; i++)); do printf 'P97-%d,' "$i"; done)
  runs=$((runs + 1))
  run="$(date +%s)-$runs"
  sql "$EVENTS_DB" -v run="$run" -v esas="$c" -v n="$per_esa" -v year="$YEAR" -f "$BENCH/sql/saga-activities.sql" \
    >"$work/activities.csv"
  line=$(java -Xmx512m -cp "$work/classes:$classpath" th.tambon.bench.SagaLoad --bootstrap "$BOOTSTRAP" \
    --esas "${esas%,}" --fiscal-year "$YEAR" --timeout "$ANSWER_TIMEOUT" --activities "$work/activities.csv" \
    --requests $((c * per_esa)) "$@" 2>"$work/saga-load.err" | grep '^SAGA ') ||
    die "SagaLoad failed: $(tail -n 20 "$work/saga-load.err")"
  deadline=$((SECONDS + CATCH_UP_TIMEOUT))
  while funded=$(sql "$EVENTS_DB" -c "SELECT count(*) FROM activity WHERE ref LIKE 'saga-$run-%' AND state = 'FUNDED'");
    ((funded < $(field requests "$line"))); do
    ((SECONDS < deadline)) || die "events-service took $funded of the $(field requests "$line") answers within ${CATCH_UP_TIMEOUT}s (.dev/logs/events-service.log)"
    sleep 0.5
  done
  sql "$EVENTS_DB" -c "BEGIN" -c "DELETE FROM activity_funding WHERE activity IN (SELECT id FROM activity
      WHERE ref LIKE 'saga-$run-%' AND state = 'FUNDING_REQUESTED')" \
    -c "DELETE FROM activity WHERE ref LIKE 'saga-$run-%' AND state = 'FUNDING_REQUESTED'" -c "COMMIT"
  echo "$line"
}
field() { sed -E "s/.*[ ]$1=([^ ]+).*/\1/" <<<"$2"; }

# The budget: in the stack's database, and in the baseline's copy of its schema.
sql "$DATABASE" -c "SELECT 1 FROM allocation_line LIMIT 0" >/dev/null 2>&1 ||
  die "no allocation_line table in database $DATABASE on $PGHOST:$PGPORT: start the stack with bin/dev up -d"
sql "$DATABASE" -v esas="$max_clients" -v year="$YEAR" -f "$BENCH/sql/saga-setup.sql" >/dev/null
sql postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $BASELINE_DB WITH (FORCE)" \
  -c "CREATE DATABASE $BASELINE_DB"
pg_dump --schema-only --no-owner --no-privileges "$DATABASE" | sql "$BASELINE_DB" >/dev/null
sql "$BASELINE_DB" -v esas="$max_clients" -v year="$YEAR" -f "$BENCH/sql/saga-setup.sql" >/dev/null

# request_script N: one pgbench transaction applying N requests as budget-service applies a poll's requests: the
# client's ESA (P97-<client+1>) and line, a new activity each (\gset: pgbench has no UUIDs of its own).
request_script() {
  local n=$1 i
  echo '\set esa_number :client_id + 1'
  echo 'BEGIN;'
  for ((i = 1; i <= n; i++)); do
    echo '\set lane random(0, 7)'
    grep -v '^--' "$BENCH/sql/saga-request.sql" | sed -e "s/{year}/$YEAR/g"
  done
  echo 'COMMIT;'
}
run_pgbench() { # CLIENTS SCRIPT: transactions per second
  local c=$1 out
  out=$(pgbench -n -M prepared -c "$c" -j "$c" -T "$DURATION" -f "$2" "$BASELINE_DB" 2>&1) || die "pgbench failed: $out"
  awk '/^tps = / { printf "%.2f\n", $3; exit }' <<<"$out" | grep . || die "pgbench printed no tps: $out"
}
request_script 1 >"$work/one.pgbench"

db_now() { sql "$DATABASE" -c "SELECT clock_timestamp()"; }

# CPU (utime + stime from /proc, as bench/run.sh reads it) of the processes the saga runs through, over the throughput
# run: the two services and Kafka by bin/dev's pid files, the PostgreSQL backends of the budget and events databases.
CLK_TCK=$(getconf CLK_TCK)
COMPONENTS=(budget-service events-service kafka postgres)
cpu_ticks() {
  local stat
  read -r stat 2>/dev/null <"/proc/$1/stat" || { echo 0; return; }
  stat=${stat##*) }
  local -a f
  read -r -a f <<<"$stat"
  echo $((f[11] + f[12]))
}
cpu_snapshot() { # FILE: "component pid ticks" lines
  local c pid
  {
    for c in budget-service events-service kafka; do
      if read -r pid 2>/dev/null <"$ROOT/.dev/pids/$c.pid" && [[ -r /proc/$pid/stat ]]; then echo "$c $pid"; fi
    done
    sql postgres -c "SELECT 'postgres ' || pid FROM pg_stat_activity WHERE datname IN ('$DATABASE', '$EVENTS_DB')
                       AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
  } | while read -r c pid; do echo "$c $pid $(cpu_ticks "$pid")"; done >"$1"
}
cpu_ms() { # START END COMPONENT
  awk -v c="$3" -v tck="$CLK_TCK" 'FNR == NR { if ($1 == c) start[$2] = $3; next }
    $1 == c { used += $3 - (($2 in start) ? start[$2] : 0) } END { printf "%.0f", used * 1000 / tck }' "$1" "$2"
}
cpu_report=()
cpu_report+=("| concurrent ESAs | seconds | budget-service | events-service | Kafka | PostgreSQL backends (budget, events) | CPU ms per commitment |")
cpu_report+=("|---|---|---|---|---|---|---|")
report=()
report+=("### $(date -u +%Y-%m-%d) · $LABEL · $(nproc) cores (load average $(cut -d' ' -f1 /proc/loadavg) at the start) · ${DURATION}s per run")
report+=("")
report+=("| concurrent ESAs | requests | commitments/s | latency p50 / p99 ms, all sent at once | requests per transaction (budget-service) | pgbench (a) one request per tx, tx/s | ratio to (a) | pgbench (b) as batched, requests/s | ratio to (b) | one request in flight per ESA: p50 / p99 ms (commitments/s) |")
report+=("|---|---|---|---|---|---|---|---|---|---|")
for c in $CLIENTS; do
  # Warm-up at the same count, not measured (the JIT, the consumer's fetch sizes); its rate sizes the measured run.
  n=$REQUESTS
  if ((WARMUP > 0)); then
    out=$(saga_load "$c" $(((WARMUP + c - 1) / c)))
    [[ -n $n ]] || n=$(awk -v r="$(field per_s "$out")" -v d="$DURATION" -v w="$WARMUP" \
      'BEGIN { n = int(r * d); print (n > w) ? n : w }')
  fi
  n=${n:-$((1000 * DURATION))}
  n=$((c * ((n + c - 1) / c))) # the same number for each ESA

  t0=$(db_now)
  cpu_snapshot "$work/cpu-start"
  started=$(date +%s.%N)
  out=$(saga_load "$c" $((n / c)))
  cpu_snapshot "$work/cpu-end"
  took=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  t1=$(db_now)
  cells=()
  total=0
  for comp in "${COMPONENTS[@]}"; do
    ms=$(cpu_ms "$work/cpu-start" "$work/cpu-end" "$comp")
    total=$((total + ms))
    cells+=("$(div "$ms" "$(awk -v t="$took" 'BEGIN { print t * 10 }')" %.0f) %")
  done
  cpu_report+=("| $c | $took | ${cells[0]} | ${cells[1]} | ${cells[2]} | ${cells[3]} | $(div "$total" "$n") |")
  committed=$(field committed "$out")
  ((committed == n)) || die "$committed of $n requests were committed at $c ESA(s): $out"
  rate=$(field per_s "$out")
  p50=$(field p50_ms "$out")
  p99=$(field p99_ms "$out")
  # How budget-service batched them: the inbox rows one transaction wrote share its received_at (now()).
  read -r rows tx < <(sql "$DATABASE" -F ' ' -c "SELECT count(*), count(DISTINCT received_at) FROM messaging.inbox_message
    WHERE consumer = '$CONSUMER' AND event_type = 'th.tambon.activity.funding-requested.v1' AND received_at BETWEEN '$t0' AND '$t1'")
  ((tx > 0)) || die "found no inbox rows of $CONSUMER in this run"
  batch=$(div "$rows" "$tx")
  per_tx=$(awk -v b="$batch" 'BEGIN { n = int(b + 0.5); print (n < 1) ? 1 : n }')

  # activities enough for one answer every 20 ms per ESA (the saga takes longer)
  paced=$(saga_load "$c" $((50 * DURATION)) --seconds "$DURATION" --window 1)
  [[ $(field rejected "$paced") == 0 ]] || die "requests were rejected at $c ESA(s): $paced"

  tps=$(run_pgbench "$c" "$work/one.pgbench")
  request_script "$per_tx" >"$work/batch.pgbench"
  batch_rps=$(awk -v t="$(run_pgbench "$c" "$work/batch.pgbench")" -v n="$per_tx" 'BEGIN { printf "%.0f", t * n }')

  report+=("| $c | $n | **$(printf '%.0f' "$rate")** | $p50 / $p99 | $batch ($rows in $tx) | $(printf '%.0f' "$tps") | $(div "$rate" "$tps") | $batch_rps ($per_tx per tx) | $(div "$rate" "$batch_rps") | $(field p50_ms "$paced") / $(field p99_ms "$paced") ($(printf '%.0f' "$(field per_s "$paced")")) |")
  echo "saga at $c ESA(s): $rate commitments/s (p50 $p50 ms, p99 $p99 ms; $batch requests per transaction); pgbench $tps tx/s one per tx, $batch_rps/s $per_tx per tx; one in flight per ESA: $paced" >&2
done
report+=("")
report+=("Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg).")
printf '%s\n' "${report[@]}"
echo
echo "CPU of the stack during each throughput run (/proc utime + stime, % of one core, from before the first request until events-service had taken the last answer; 2 cores = 200 %):"
echo
printf '%s\n' "${cpu_report[@]}"
