#!/usr/bin/env bash
# bench/run.sh: registrations per second and the replica's apply rate, measured against the running local stack
# (bin/dev up -d), each beside its baseline measured in the same run on the same machine:
#   - registrations/s at each client count (wrk, POST /api/v1/schools on schools-service, both replicas running)
#     beside pgbench running the same database work (school row + outbox row per transaction) at the same clients;
#   - the replica's apply rate (events/s): a second events-service with a fresh database and consumer group replays
#     schools.v1 from the beginning; beside Kafka's ConsumerPerformance reading the same topic and pgbench running
#     one replica transaction (inbox row + version-guarded upsert) per event.
# Prints a markdown report (see docs/benchmarks.md). Needs wrk, pgbench, psql and curl (Debian: wrk,
# postgresql-client).
#
# Usage: bench/run.sh [--duration SECONDS] [--warmup SECONDS] [--clients "1 4"] [--label TEXT]
# Each client count is first run unmeasured for --warmup seconds (20), so the JIT has compiled the hot paths.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BENCH=$ROOT/bench
DURATION=15
WARMUP=20
CLIENTS="1 4"
LABEL=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
ESA=P96-9
SCHOOLS=http://127.0.0.1:8081
REPLICA_PORT=8092
BASELINE_DB=tambon_bench_baseline
REPLAY_TIMEOUT=${REPLAY_TIMEOUT:-900}

while (($#)); do
  case $1 in
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --label) LABEL=$2; shift 2 ;;
    *) echo "usage: bench/run.sh [--duration SECONDS] [--warmup SECONDS] [--clients \"1 4\"] [--label TEXT]" >&2; exit 2 ;;
  esac
done

die() { echo "bench: $*" >&2; exit 1; }
for tool in wrk pgbench psql curl java; do command -v "$tool" >/dev/null || die "$tool is needed (see bench/README.md)"; done
for port in 8081 8082 8083; do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/readiness") == 200 ]] ||
    die "nothing ready on 127.0.0.1:$port: start the stack with bin/dev up -d"
done

sql() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$@"; }
now() { date +%s.%N; }
# Since issue 10 every call needs a token: an OBEC_ADMIN one from bin/dev unless TAMBON_TOKEN is given
# (TAMBON_TOKEN= , empty, for jars from before issue 10).
TAMBON_TOKEN=${TAMBON_TOKEN-$("$BENCH/../bin/dev" token --role OBEC_ADMIN --ttl 2h)}
TOKEN_ARGS=()
if [[ -n $TAMBON_TOKEN ]]; then TOKEN_ARGS=(-H "Authorization: Bearer $TAMBON_TOKEN"); fi

# The benchmark ESA (a 409 on a second run is fine).
curl -s -o /dev/null "${TOKEN_ARGS[@]}" -H 'Content-Type: application/json' -X POST "$SCHOOLS/api/v1/esas" -d '{
  "code":"P96-9","kind":"PRIMARY","zone":9,"provinceCode":"96","province":"นราธิวาส",
  "nameTh":"สำนักงานเขตพื้นที่การศึกษาสำหรับทดสอบสมรรถนะ","nameEn":"Benchmark Educational Service Area Office"}'

sql postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $BASELINE_DB WITH (FORCE)" -c "CREATE DATABASE $BASELINE_DB"
sql "$BASELINE_DB" -f "$BENCH/sql/baseline-schema.sql" >/dev/null

report=()
report+=("### $(date -u +%Y-%m-%d) · $LABEL · $(nproc) cores · ${DURATION}s per run")
report+=("")
report+=("| measure | clients | Tambon | baseline | ratio |")
report+=("|---|---|---|---|---|")

next_code() { sql schools -c "SELECT coalesce(max(code::bigint), 89999999) + 1 FROM school WHERE code >= '90000000'"; }
for c in $CLIENTS; do
  # Warm-up at the same client count, not measured: the JIT compiles the hot paths first.
  wrk -t"$c" -c"$c" -d"${WARMUP}s" -s "$BENCH/wrk/register-school.lua" "$SCHOOLS" -- "$(next_code)" "$c" "$ESA" "$TAMBON_TOKEN" >/dev/null
  base=$(next_code)
  out=$(wrk -t"$c" -c"$c" -d"${DURATION}s" --latency -s "$BENCH/wrk/register-school.lua" "$SCHOOLS" -- "$base" "$c" "$ESA" "$TAMBON_TOKEN")
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  line=$(grep '^BENCH ' <<<"$out")
  non2xx=$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$line")
  p99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$line")
  ((non2xx == 0)) || die "$non2xx registrations did not answer 2xx at $c client(s)"
  tps=$(pgbench -n -c "$c" -j "$c" -T "$DURATION" -f "$BENCH/sql/registration.pgbench" "$BASELINE_DB" 2>/dev/null |
    awk '/^tps = / { print $3; exit }')
  ratio=$(awk -v a="$rps" -v b="$tps" 'BEGIN { printf "%.3f", a / b }')
  report+=("| registrations/s (p99 ${p99} ms) | $c | $rps | $tps (pgbench: school + outbox insert) | $ratio |")
  echo "registrations at $c client(s): $rps/s (pgbench $tps tps)" >&2
done

# Both replicas catch up with what was registered.
total=$(sql schools -c "SELECT count(*) FROM school")
start=$(now)
for db in events budget; do
  for ((i = 0; i < 600; i++)); do
    [[ $(sql "$db" -c "SELECT count(*) FROM schools_replica.school") -ge $total ]] && break
    sleep 0.5
  done
done
echo "replicas caught up with $total schools $(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }') s after the last registration" >&2

# Replay: a fresh events-service (own database and consumer group) reads schools.v1 from the beginning.
jar=$(ls "$ROOT"/events-service/target/events-service-*.jar | grep -v original | head -n 1)
replay_db=tambon_bench_replay
name=bench-replay-$(date +%s)
sql postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $replay_db WITH (FORCE)" -c "CREATE DATABASE $replay_db"
events_total=$((total + $(sql schools -c "SELECT count(*) FROM esa")))
log=$ROOT/.dev/logs/bench-replay.log
mkdir -p "$(dirname "$log")"
env MICRONAUT_APPLICATION_NAME="$name" MICRONAUT_SERVER_PORT=$REPLICA_PORT MICRONAUT_SERVER_HOST=127.0.0.1 \
  DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$replay_db" DATASOURCE_USERNAME="$PGUSER" \
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 java -Xms64m -Xmx256m -jar "$jar" >"$log" 2>&1 &
replay_pid=$!
trap 'kill $replay_pid 2>/dev/null || true' EXIT
count() { sql "$replay_db" -c "SELECT (SELECT count(*) FROM schools_replica.school) + (SELECT count(*) FROM schools_replica.esa)" 2>/dev/null || echo 0; }
first="" deadline=$((SECONDS + REPLAY_TIMEOUT))
while ((SECONDS < deadline)); do
  n=$(count)
  if [[ -z $first ]] && ((n > 0)); then first=$(now); first_n=$n; fi
  ((n >= events_total)) && break
  sleep 0.1
done
last=$(now)
n=$(count)
kill $replay_pid 2>/dev/null || true
wait $replay_pid 2>/dev/null || true
trap - EXIT
((n >= events_total)) || die "the replay applied $n of $events_total events within ${REPLAY_TIMEOUT}s (log: $log)"
apply=$(awk -v n="$((n - first_n))" -v a="$first" -v b="$last" 'BEGIN { printf "%.0f", n / (b - a) }')
sql postgres -c "DROP DATABASE IF EXISTS $replay_db WITH (FORCE)"

# Baselines for the replay: reading the same topic raw, and one replica transaction per event in PostgreSQL.
classpath_file=$ROOT/.dev/bench.classpath
if [[ ! -s $classpath_file || $BENCH/pom.xml -nt $classpath_file ]]; then
  (cd "$ROOT" && ./mvnw -B -q -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$classpath_file") >&2
fi
raw=$(java -cp "$(<"$classpath_file")" org.apache.kafka.tools.ConsumerPerformance --bootstrap-server 127.0.0.1:9092 \
  --topic schools.v1 --messages "$events_total" --group "bench-raw-$(date +%s)" --timeout 60000 2>/dev/null |
  awk -F', *' 'NR == 2 { printf "%.0f", $10 }')
replica_tps=$(pgbench -n -c 1 -j 1 -T "$DURATION" -f "$BENCH/sql/replica-apply.pgbench" "$BASELINE_DB" 2>/dev/null |
  awk '/^tps = / { printf "%.0f", $3; exit }')
report+=("| replica apply, events/s ($events_total events replayed) | 1 consumer | $apply | $replica_tps (pgbench: inbox + upsert per transaction) | $(awk -v a="$apply" -v b="$replica_tps" 'BEGIN { printf "%.3f", a / b }') |")
report+=("| | | | $raw (Kafka ConsumerPerformance, fetch only) | $(awk -v a="$apply" -v b="$raw" 'BEGIN { printf "%.4f", a / b }') |")
sql postgres -c "DROP DATABASE IF EXISTS $BASELINE_DB WITH (FORCE)"

printf '%s\n' "${report[@]}"
