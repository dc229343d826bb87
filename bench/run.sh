#!/usr/bin/env bash
# bench/run.sh: registrations per second, the stack's CPU per registration and the replica's apply rate, measured
# against the running local stack (bin/dev up -d), each beside its baseline measured in the same run on the same machine:
#   - registrations/s at each client count (wrk, POST /api/v1/schools on schools-service, both replicas running)
#     beside pgbench at the same clients running (a) the bare school + outbox insert and (b) every statement a
#     registration causes across the stack (the request's five, the relay's claim and mark-sent, each replica's inbox
#     and upsert), batched as the relay and the replicas batched them in this run (sql/full/);
#   - CPU per registration: utime + stime (/proc) of the four services, Kafka and the PostgreSQL backends of the
#     three databases, from just before the measured run until both replicas hold its last registration;
#   - the replica's apply rate (events/s): a second events-service, started with the environment bin/dev gives
#     events-service but its own database and consumer group, replays schools.v1 from the beginning; beside Kafka's
#     ConsumerPerformance reading the same topic and pgbench running one replica transaction (inbox row +
#     version-guarded upsert) per event.
# Prints a markdown report (see docs/benchmarks.md). Needs wrk, pgbench, pg_dump, psql and curl (bench/install-tools).
#
# Usage: bench/run.sh [--duration SECONDS] [--warmup SECONDS] [--clients "1 4"] [--label TEXT] [--replay-timeout S]
# Each client count is first run unmeasured for --warmup seconds (20), so the JIT has compiled the hot paths.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BENCH=$ROOT/bench
DURATION=15
WARMUP=20
CLIENTS="1 4"
LABEL=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
ESA=P96-9
SCHOOLS=http://127.0.0.1:8081
REPLICA_PORT=8092
BASELINE_DB=tambon_bench_baseline
FULL_DB=tambon_bench_full
REPLAY_DB=tambon_bench_replay
REPLAY_TIMEOUT=${REPLAY_TIMEOUT:-900}
# how long the replay instance may take to answer on /health/readiness (it fails at once when it exits)
REPLAY_READY_TIMEOUT=${REPLAY_READY_TIMEOUT:-120}
CATCH_UP_TIMEOUT=${CATCH_UP_TIMEOUT:-120}
# at least this many registrations per pgbench transaction of the full baseline, so batch sizes keep their fractions
FULL_REGISTRATIONS=12

usage() {
  echo "usage: bench/run.sh [--duration SECONDS] [--warmup SECONDS] [--clients \"1 4\"] [--label TEXT] [--replay-timeout SECONDS]" >&2
  exit 2
}
while (($#)); do
  (($# >= 2)) || usage
  case $1 in
    --duration) DURATION=$2 ;;
    --warmup) WARMUP=$2 ;;
    --clients) CLIENTS=$2 ;;
    --label) LABEL=$2 ;;
    --replay-timeout) REPLAY_TIMEOUT=$2 ;;
    *) usage ;;
  esac
  shift 2
done

die() { echo "bench: $*" >&2; exit 1; }
for tool in wrk pgbench pg_dump psql curl java; do
  command -v "$tool" >/dev/null || die "$tool is needed (bench/install-tools installs it)"
done
for port in 8081 8082 8083; do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/readiness") == 200 ]] ||
    die "nothing ready on 127.0.0.1:$port: start the stack with bin/dev up -d"
done

# The PostgreSQL server the stack uses (bin/dev's choice: the local one, or its embedded one), unless PG* say otherwise.
env_value() { awk -v k="$1" 'index($0, k "=") == 1 { print substr($0, length(k) + 2); exit }'; }
events_env=$("$ROOT/bin/dev" env events-service) || die "bin/dev env events-service failed"
events_url=$(env_value DATASOURCE_URL <<<"$events_env")
[[ $events_url =~ ^jdbc:postgresql://([^:/]+):([0-9]+)/ ]] || die "cannot read host and port from DATASOURCE_URL=$events_url"
PGHOST=${PGHOST:-${BASH_REMATCH[1]}}
PGPORT=${PGPORT:-${BASH_REMATCH[2]}}
PGUSER=${PGUSER:-$(env_value DATASOURCE_USERNAME <<<"$events_env")}
export PGHOST PGPORT PGUSER

sql() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$@"; }
now() { date +%s.%N; }
db_now() { sql schools -c "SELECT clock_timestamp()"; }
calc() { awk "BEGIN { $1 }"; }
# div A B [FORMAT]: A / B in FORMAT (%.3f), or n/a when B is 0 or A is no number. (Not calc: gawk folds a division of
# two literals when it parses the program, so "x > 0 ? a / x : 0" fails on x = 0 before it runs.)
div() {
  awk -v a="$1" -v b="$2" -v f="${3:-%.3f}" 'BEGIN { if (b + 0 == 0 || a !~ /^-?[0-9.]+$/) print "n/a"; else printf f "\n", a / b }'
}

work=$(mktemp -d)
replay_pid=""
cleanup() {
  if [[ -n $replay_pid ]]; then
    kill "$replay_pid" 2>/dev/null || true
    wait "$replay_pid" 2>/dev/null || true
  fi
  sql postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $BASELINE_DB WITH (FORCE)" \
    -c "DROP DATABASE IF EXISTS $FULL_DB WITH (FORCE)" -c "DROP DATABASE IF EXISTS $REPLAY_DB WITH (FORCE)" \
    >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Since issue 10 every call needs a token: an OBEC_ADMIN one from bin/dev unless TAMBON_TOKEN is given
# (TAMBON_TOKEN= , empty, for jars from before issue 10).
TAMBON_TOKEN=${TAMBON_TOKEN-$("$ROOT/bin/dev" token --role OBEC_ADMIN --ttl 2h)}
TOKEN_ARGS=()
if [[ -n $TAMBON_TOKEN ]]; then TOKEN_ARGS=(-H "Authorization: Bearer $TAMBON_TOKEN"); fi

# The benchmark ESA (a 409 on a second run is fine).
status=$(curl -s -o "$work/esa.json" -w '%{http_code}' "${TOKEN_ARGS[@]}" -H 'Content-Type: application/json' \
  -X POST "$SCHOOLS/api/v1/esas" -d '{
  "code":"P96-9","kind":"PRIMARY","zone":9,"provinceCode":"96","province":"นราธิวาส",
  "nameTh":"สำนักงานเขตพื้นที่การศึกษาสำหรับทดสอบสมรรถนะ","nameEn":"Benchmark Educational Service Area Office"}')
[[ $status == 201 || $status == 409 ]] || die "registering the benchmark ESA answered $status: $(cat "$work/esa.json")"

# The baselines' databases: the bare one (sql/baseline-schema.sql), and the full one with the stack's own tables as
# they are now: schools-service's schema, events-service's replica schema, and a copy of the replica and inbox tables
# for budget-service (its replica is the same schools-replica module).
sql postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $BASELINE_DB WITH (FORCE)" \
  -c "CREATE DATABASE $BASELINE_DB" -c "DROP DATABASE IF EXISTS $FULL_DB WITH (FORCE)" -c "CREATE DATABASE $FULL_DB"
sql "$BASELINE_DB" -f "$BENCH/sql/baseline-schema.sql" >/dev/null
pg_dump --schema-only --no-owner --no-privileges schools | sql "$FULL_DB" >/dev/null
pg_dump --schema-only --no-owner --no-privileges --schema=schools_replica events | sql "$FULL_DB" >/dev/null
sql "$FULL_DB" -c "CREATE SCHEMA budget_replica" \
  -c "CREATE TABLE budget_replica.school (LIKE schools_replica.school INCLUDING ALL)" \
  -c "CREATE TABLE budget_replica.designation (LIKE schools_replica.designation INCLUDING ALL)" \
  -c "CREATE TABLE budget_replica.inbox_message (LIKE messaging.inbox_message INCLUDING ALL)"
sql schools -c "\copy (SELECT * FROM esa WHERE code = '$ESA') TO STDOUT" | sql "$FULL_DB" -c "\copy esa FROM STDIN"

# fragment FILE SED: a piece of the full baseline (sql/full/FILE) without its comments, with the placeholders filled.
fragment() { grep -v '^--' "$BENCH/sql/full/$1" | sed "$2"; }
# share K T N: how many of N items the K-th (0-based) of T transactions takes
share() { echo $(((K = $1, (K + 1) * $3 / $2 - K * $3 / $2))); }
replica_transactions() { # CONSUMER INBOX SCHOOL DESIGNATION TRANSACTIONS N
  local consumer=$1 inbox=$2 school=$3 designation=$4 t=$5 n=$6 k i=1 j events
  for ((k = 0; k < t; k++)); do
    echo 'BEGIN;'
    events=$(share "$k" "$t" "$n")
    for ((j = 0; j < events; j++, i++)); do
      fragment replica-event.sql \
        "s/{i}/$i/g; s/{inbox}/$inbox/g; s/{consumer}/$consumer/g; s/{school}/$school/g; s/{designation}/$designation/g"
    done
    echo 'COMMIT;'
  done
}
# full_script N RELAY_TX EVENTS_TX BUDGET_TX: one pgbench transaction = N registrations, then the relay's lane
# transactions that publish them and each replica's transactions that apply them, the N spread evenly over them.
full_script() {
  local n=$1 k i
  echo '\set lane random(0, 7)'
  for ((i = 1; i <= n; i++)); do fragment register.sql "s/{i}/$i/g"; done
  for ((k = 0; k < $2; k++)); do fragment relay.sql "s/{batch}/$(share "$k" "$2" "$n")/g"; done
  replica_transactions events-service.schools-replica messaging.inbox_message schools_replica.school \
    schools_replica.designation "$3" "$n"
  replica_transactions budget-service.schools-replica budget_replica.inbox_message budget_replica.school \
    budget_replica.designation "$4" "$n"
}

# run_pgbench CLIENTS DB ARGS...: the transactions per second, or the end of the script with pgbench's output.
run_pgbench() {
  local c=$1 db=$2 out
  shift 2
  out=$(pgbench -n -c "$c" -j "$c" -T "$DURATION" "$@" "$db" 2>&1) || die "pgbench $* failed: $out"
  awk '/^tps = / { printf "%.2f\n", $3; exit }' <<<"$out" | grep . || die "pgbench $* printed no tps: $out"
}

# CPU: utime + stime of the stack's processes, from /proc (ticks). Components: the four apps and Kafka by bin/dev's
# pid files; "postgres" the client backends of the three databases; "pg-shared" the server's WAL writer, checkpointer
# and background writer (they also work for other databases on this server, so they are shown, not summed).
CLK_TCK=$(getconf CLK_TCK)
COMPONENTS=(schools-service events-service budget-service gateway kafka postgres)
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
    for c in schools-service events-service budget-service gateway kafka; do
      if read -r pid 2>/dev/null <"$ROOT/.dev/pids/$c.pid" && [[ -r /proc/$pid/stat ]]; then echo "$c $pid"; fi
    done
    sql postgres -c "SELECT 'postgres ' || pid FROM pg_stat_activity WHERE datname IN ('schools', 'events', 'budget')
                       AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
    sql postgres -c "SELECT 'pg-shared ' || pid FROM pg_stat_activity
                       WHERE backend_type IN ('walwriter', 'checkpointer', 'background writer')"
  } | while read -r c pid; do echo "$c $pid $(cpu_ticks "$pid")"; done >"$1"
}
# cpu_ms START END COMPONENT: CPU milliseconds the component's processes used between the snapshots (a process that
# started in between counts whole; one that ended in between is lost)
cpu_ms() {
  awk -v c="$3" -v tck="$CLK_TCK" 'FNR == NR { if ($1 == c) start[$2] = $3; next }
    $1 == c { used += $3 - (($2 in start) ? start[$2] : 0) } END { printf "%.0f", used * 1000 / tck }' "$1" "$2"
}

report=()
report+=("### $(date -u +%Y-%m-%d) · $LABEL · $(nproc) cores · ${DURATION}s per run")
report+=("")
report+=("| measure | clients | Tambon | baseline | ratio |")
report+=("|---|---|---|---|---|")
cpu_report=()
cpu_report+=("| clients | registrations | CPU ms per registration | schools-service | events-service | budget-service | gateway | Kafka | PostgreSQL backends | PostgreSQL WAL writer, checkpointer, bgwriter (not summed) | batches: rows per relay claim · events per transaction, events-service / budget-service |")
cpu_report+=("|---|---|---|---|---|---|---|---|---|---|---|")

# The stack at rest, for comparison: CPU per second over a few seconds with nothing registered.
idle_seconds=$((DURATION < 5 ? DURATION : 5))
cpu_snapshot "$work/idle-start"
sleep "$idle_seconds"
cpu_snapshot "$work/idle-end"
idle_total=0
for comp in "${COMPONENTS[@]}"; do idle_total=$((idle_total + $(cpu_ms "$work/idle-start" "$work/idle-end" "$comp"))); done
idle_per_s=$(div "$idle_total" "$idle_seconds" %.0f)

next_code() { sql schools -c "SELECT coalesce(max(code::bigint), 89999999) + 1 FROM school WHERE code >= '90000000'"; }
in_range() { echo "code >= '$1' AND code < '$2'"; }
# Until both replicas hold every school registered with a code in [LO, HI).
wait_caught_up() {
  local lo=$1 hi=$2 want got db deadline=$((SECONDS + CATCH_UP_TIMEOUT))
  want=$(sql schools -c "SELECT count(*) FROM school WHERE $(in_range "$lo" "$hi")")
  for db in events budget; do
    while got=$(sql "$db" -c "SELECT count(*) FROM schools_replica.school WHERE $(in_range "$lo" "$hi")"); ((got < want)); do
      ((SECONDS < deadline)) || die "$db's replica holds $got of the $want schools registered (codes $lo..$hi) after ${CATCH_UP_TIMEOUT}s"
      sleep 0.1
    done
  done
}
register() { # CLIENTS SECONDS BASE [wrk args]: wrk's output
  local c=$1 d=$2 base=$3
  shift 3
  wrk -t"$c" -c"$c" -d"${d}s" "$@" -s "$BENCH/wrk/register-school.lua" "$SCHOOLS" -- "$base" "$c" "$ESA" "$TAMBON_TOKEN"
}

for c in $CLIENTS; do
  # Warm-up at the same client count, not measured: the JIT compiles the hot paths first.
  base=$(next_code)
  register "$c" "$WARMUP" "$base" >/dev/null
  wait_caught_up "$base" "$(next_code)"

  base=$(next_code)
  t0=$(db_now)
  cpu_snapshot "$work/start"
  out=$(register "$c" "$DURATION" "$base" --latency)
  hi=$(next_code)
  wait_caught_up "$base" "$hi"
  cpu_snapshot "$work/end"
  t1=$(db_now)
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  line=$(grep '^BENCH ' <<<"$out") || die "wrk printed no summary: $out"
  requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line")
  non2xx=$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$line")
  p99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$line")
  ((non2xx == 0)) || die "$non2xx registrations did not answer 2xx at $c client(s)"
  ((requests > 0)) || die "no registration in ${DURATION}s at $c client(s)"

  # How the relay and the replicas batched this run's registrations: rows marked sent in one lane transaction share
  # its sent_at, events applied in one transaction their inbox row's received_at (both now(), the transaction's start).
  read -r relay_rows relay_tx < <(sql schools -F ' ' -c "SELECT count(*), count(DISTINCT sent_at) FROM messaging.outbox_message
    WHERE topic = 'schools.v1' AND message_key >= '$base' AND message_key < '$hi'")
  inbox_batches() { sql "$1" -F ' ' -c "SELECT count(*), count(DISTINCT received_at) FROM messaging.inbox_message
    WHERE consumer = '$1-service.schools-replica' AND received_at BETWEEN '$t0' AND '$t1'"; }
  read -r events_rows events_tx < <(inbox_batches events)
  read -r budget_rows budget_tx < <(inbox_batches budget)
  ((relay_tx > 0 && events_tx > 0 && budget_tx > 0)) || die "found no relay or replica transactions of this run"
  batches="$(div "$relay_rows" "$relay_tx" %.2f) · $(div "$events_rows" "$events_tx" %.2f) / $(div "$budget_rows" "$budget_tx" %.2f)"
  n=$(calc "b = $relay_rows / $relay_tx; e = $events_rows / $events_tx; g = $budget_rows / $budget_tx;
            m = $FULL_REGISTRATIONS; if (b > m) m = b; if (e > m) m = e; if (g > m) m = g; printf \"%d\", m + 0.999")
  tx() { calc "t = $n * $2 / $1; printf \"%d\", (t < 1) ? 1 : t + 0.5"; }
  full_script "$n" "$(tx "$relay_rows" "$relay_tx")" "$(tx "$events_rows" "$events_tx")" "$(tx "$budget_rows" "$budget_tx")" \
    >"$work/full.pgbench"

  # CPU per registration
  total=0
  cells=()
  for comp in "${COMPONENTS[@]}"; do
    ms=$(cpu_ms "$work/start" "$work/end" "$comp")
    total=$((total + ms))
    cells+=("$(div "$ms" "$requests" %.2f)")
  done
  shared=$(div "$(cpu_ms "$work/start" "$work/end" pg-shared)" "$requests" %.2f)
  cpu_per=$(div "$total" "$requests" %.2f)
  cpu_report+=("| $c | $requests | **$cpu_per** | ${cells[0]} | ${cells[1]} | ${cells[2]} | ${cells[3]} | ${cells[4]} | ${cells[5]} | $shared | $batches |")

  tps=$(run_pgbench "$c" "$BASELINE_DB" -f "$BENCH/sql/registration.pgbench")
  full_tps=$(run_pgbench "$c" "$FULL_DB" -M prepared -f "$work/full.pgbench")
  full_rps=$(calc "printf \"%.0f\", $full_tps * $n")
  report+=("| registrations/s (p99 ${p99} ms) | $c | $rps | $(calc "printf \"%.0f\", $tps") (pgbench: school + outbox insert) | $(div "$rps" "$tps") |")
  report+=("| | | | $full_rps (pgbench: every statement of a registration, batched as this run) | $(div "$rps" "$full_rps") |")
  echo "registrations at $c client(s): $rps/s (pgbench bare $tps tps, every statement $full_rps/s); CPU $cpu_per ms per registration; batches $batches" >&2
done

# Kafka's tools (the replay's baselines, the topic's offsets), resolved once from bench/pom.xml.
classpath_file=$ROOT/.dev/bench.classpath
if [[ ! -s $classpath_file || $BENCH/pom.xml -nt $classpath_file ]]; then
  mkdir -p "$(dirname "$classpath_file")"
  (cd "$ROOT" && ./mvnw -B -q -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$classpath_file") >&2 ||
    die "could not resolve Kafka's tools from bench/pom.xml"
fi
kafka_tool() { java -cp "$(<"$classpath_file")" "org.apache.kafka.tools.$1" --bootstrap-server 127.0.0.1:9092 "${@:2}"; }
offsets() { kafka_tool GetOffsetShell --topic schools.v1 --time "$1" 2>"$work/offsets.err" || die "GetOffsetShell failed: $(cat "$work/offsets.err")"; }
offsets -2 >"$work/first-offsets"
offsets -1 >"$work/end-offsets"
partitions=$(wc -l <"$work/end-offsets")
records=$(awk -F: 'FNR == NR { first[$2] = $3; next } { n += $3 - first[$2] } END { print n }' "$work/first-offsets" "$work/end-offsets")
((partitions > 0 && records > 0)) || die "schools.v1 has no records (partitions: $partitions)"

# Replay: a fresh events-service (own database and consumer group) reads schools.v1 from the beginning. It runs with
# the environment bin/dev starts events-service with (token key and all), only its name, port and database differ.
jar=$ROOT/.dev/run/events-service.jar
[[ -f $jar ]] || jar=$(ls "$ROOT"/events-service/target/events-service-*.jar 2>/dev/null | grep -v original | head -n 1)
[[ -f $jar ]] || die "no events-service jar: build with bin/dev build"
! (exec 3<>"/dev/tcp/127.0.0.1/$REPLICA_PORT") 2>/dev/null || die "port $REPLICA_PORT (the replay instance's) is taken"
sql postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $REPLAY_DB WITH (FORCE)" -c "CREATE DATABASE $REPLAY_DB"
name=bench-replay-$(date +%s)
log=$ROOT/.dev/logs/bench-replay.log
mkdir -p "$(dirname "$log")"
mapfile -t replay_env <<<"$events_env"
env "${replay_env[@]}" MICRONAUT_APPLICATION_NAME="$name" MICRONAUT_SERVER_PORT=$REPLICA_PORT \
  DATASOURCE_URL="${events_url%/*}/$REPLAY_DB" java -Xms64m -Xmx256m -jar "$jar" >"$log" 2>&1 &
replay_pid=$!
replay_failed() {
  echo "bench: $*" >&2
  echo "--- last 40 lines of $log ---" >&2
  tail -n 40 "$log" >&2
  exit 1
}
inbox() { sql "$REPLAY_DB" -c "SELECT count(*) FROM messaging.inbox_message" 2>/dev/null || echo 0; }
# Done once its consumer has been handed every record of the topic (consumed, no lag on any partition) and the
# inbox no longer grows; how fast it applied them is read from the inbox afterwards.
ready=0 done=0 previous=-1 deadline=$((SECONDS + REPLAY_TIMEOUT)) ready_deadline=$((SECONDS + REPLAY_READY_TIMEOUT))
while ((!done)); do
  if ! kill -0 "$replay_pid" 2>/dev/null; then
    status=0
    wait "$replay_pid" || status=$?
    replay_pid=""
    replay_failed "the replay instance exited (status $status) before it had replayed the topic"
  fi
  ((SECONDS < deadline)) || replay_failed "the replay did not finish within ${REPLAY_TIMEOUT}s"
  if ((!ready)); then
    if [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$REPLICA_PORT/health/readiness") == 200 ]]; then
      ready=1
    else
      ((SECONDS < ready_deadline)) || replay_failed "the replay instance was not ready within ${REPLAY_READY_TIMEOUT}s"
      sleep 0.5
      continue
    fi
  fi
  metrics=$(curl -s --max-time 5 "http://127.0.0.1:$REPLICA_PORT/prometheus" || true)
  consumed=$(awk '/^kafka_consumer_records_consumed_total_records_total\{client_id="[^",]*schools-replica[^",]*"\}/ { n += $2 }
    END { printf "%d", n }' <<<"$metrics")
  read -r lag_partitions lag < <(awk '/^kafka_consumer_records_lag_records\{/ && /schools-replica/ && /topic="schools_v1"/ { p++; n += $2 }
    END { printf "%d %d\n", p, n }' <<<"$metrics")
  applied=$(inbox)
  if ((consumed >= records && lag_partitions == partitions && lag == 0 && applied == previous)); then done=1; fi
  previous=$applied
  ((done)) || sleep 0.5
done
kill "$replay_pid" 2>/dev/null || true
wait "$replay_pid" 2>/dev/null || true
replay_pid=""
# Events applied per second: from the start of the first transaction to the start of the last (both received_at),
# the events of every transaction but the last.
read -r applied before_last seconds < <(sql "$REPLAY_DB" -F ' ' -c "SELECT count(*), count(*) FILTER (WHERE received_at < m.last),
    extract(epoch FROM m.last - m.first) FROM messaging.inbox_message,
    (SELECT min(received_at) AS first, max(received_at) AS last FROM messaging.inbox_message) m GROUP BY m.first, m.last")
apply=$(div "$before_last" "$seconds" %.0f)
[[ $apply != n/a ]] || echo "bench: the replay applied its $applied events in one transaction: no rate" >&2

# Baselines for the replay: reading the same topic raw, and one replica transaction per event in PostgreSQL.
raw=$(kafka_tool ConsumerPerformance --topic schools.v1 --messages "$records" --group "bench-raw-$(date +%s)" \
  --timeout 10000 2>"$work/raw.err" | awk -F', *' 'NR == 2 { printf "%.0f", $10 }') || true
[[ -n $raw ]] || die "ConsumerPerformance printed nothing: $(cat "$work/raw.err")"
replica_tps=$(run_pgbench 1 "$BASELINE_DB" -f "$BENCH/sql/replica-apply.pgbench")
report+=("| replica apply, events/s ($applied events applied of $records replayed) | 1 consumer | $apply | $(calc "printf \"%.0f\", $replica_tps") (pgbench: inbox + upsert per transaction) | $(div "$apply" "$replica_tps") |")
report+=("| | | | $raw (Kafka ConsumerPerformance, fetch only) | $(div "$apply" "$raw" %.4f) |")

printf '%s\n' "${report[@]}"
echo
echo "CPU of the stack (/proc utime + stime), from just before each measured run until both replicas held its last registration; at rest it used $idle_per_s ms per second:"
echo
printf '%s\n' "${cpu_report[@]}"
