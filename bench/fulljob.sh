#!/usr/bin/env bash
# The full-job benchmark: for each ROWS:DEPARTMENTS pair, writes a home whose inbox holds CSV
# files with ROWS fact rows over DEPARTMENTS departments (bench/FullJobInputs.java), runs the
# whole nightly job on it as an operator would (`plumbline run nightly`: ingest → reconcile →
# report → publish → lake) under /usr/bin/time -v, and prints each step's time (from the job
# repository's step executions) and the process's resident memory, peak overall and per step
# (sampled from /proc every second), and the CPU seconds the process used in each step (what
# a shared machine's load does not inflate, unlike wall time). Run from the repository root:
#   bash bench/fulljob.sh [ROWS:DEPARTMENTS ...]      default: 1000000:5
# BENCH_DIR (default /tmp) holds the homes; each is deleted after its run unless KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${PLUMBLINE_JAR:-jobs/target/plumbline.jar}"  # a copy, if you rebuild while it runs
[ -f "$jar" ] || mvn -q -o -DskipTests package
m2="${MAVEN_REPO:-$HOME/.m2/repository}"
duckdb_jar="$m2/org/duckdb/duckdb_jdbc/2.0.0.1/duckdb_jdbc-2.0.0.1.jar"
h2_jar="$m2/com/h2database/h2/2.4.240/h2-2.4.240.jar"
runs=("$@")
if [ ${#runs[@]} -eq 0 ]; then runs=(1000000:5); fi

for run in "${runs[@]}"; do
  rows=${run%%:*}
  departments=${run##*:}
  home="${BENCH_DIR:-/tmp}/plumbline-fulljob-$rows-$departments"
  rm -rf "$home"
  echo "== $rows fact rows, $departments departments ($(nproc) cores, $(date -u +%FT%TZ))"
  start=$(date +%s.%N)
  java -cp "$duckdb_jar" bench/FullJobInputs.java "$home" "$rows" "$departments"
  echo "inputs written in $(echo "$(date +%s.%N) - $start" | bc) s; $(du -sh "$home/inbox" | cut -f1) in the inbox"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

  /usr/bin/time -v -o "$home/time.txt" java -Xmx2g -jar "$jar" --home "$home" run nightly 2024-01-31 \
    > "$home/run.txt" 2>&1 &
  timer=$!
  : > "$home/rss.txt"
  # Sample the JVM's resident set (DuckDB runs inside it) and CPU time (user + system, in clock
  # ticks) once a second, with the wall time and the load average.
  ticks=$(getconf CLK_TCK)
  while kill -0 "$timer" 2>/dev/null; do
    jvm=$(pgrep -P "$timer" java || true)
    if [ -n "$jvm" ] && [ -r "/proc/$jvm/status" ]; then
      echo "$(date +%s.%N) $(awk '/VmRSS/ {print $2}' "/proc/$jvm/status") $(cut -d' ' -f1 /proc/loadavg)" \
        "$(awk -v t="$ticks" '{print ($14 + $15) / t}' "/proc/$jvm/stat")" >> "$home/rss.txt" || true
    fi
    sleep 1
  done
  wait "$timer" || { echo "the job failed:"; tail -20 "$home/run.txt"; exit 1; }
  echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
  grep -E "COMPLETED|FAILED|^  [a-z]+ " "$home/run.txt" | grep -v "rows loaded" || true
  grep -E "Elapsed|Maximum resident|User time|System time|Percent of CPU" "$home/time.txt"

  java -cp "$h2_jar" org.h2.tools.Shell -url "jdbc:h2:file:$home/jobrepo/batch" -user sa -sql \
    "select step_name, cast(datediff('MILLISECOND', start_time, end_time) as double) / 1000,
            extract(epoch from cast(start_time as timestamp with time zone)),
            extract(epoch from cast(end_time as timestamp with time zone))
     from batch_step_execution order by step_execution_id" \
    | awk -F'|' 'NR > 1 && NF == 4 {gsub(/ /, ""); print}' OFS=' ' > "$home/steps.txt"
  # Each step's time, the CPU seconds used and the peak resident memory sampled while it ran.
  awk 'FNR == NR {t[FNR] = $1; r[FNR] = $2; l[FNR] = $3; c[FNR] = $4; n = FNR; next}
       {peak = 0; load = 0; first = -1; last = 0; for (i = 1; i <= n; i++) if (t[i] >= $3 && t[i] <= $4 + 1) {
          if (r[i] > peak) peak = r[i]; if (l[i] > load) load = l[i]; if (first < 0) first = c[i > 1 ? i - 1 : i]; if (c[i] > last) last = c[i]}
        printf "  step %-10s %9.1f s   CPU %8.1f s   peak RSS %6.2f GB   load ≤ %s\n", $1, $2, last - first, peak / 1048576, load}' \
    "$home/rss.txt" <(tr '|' ' ' < "$home/steps.txt")
  echo "warehouse $(du -sh "$home/warehouse" | cut -f1), published $(du -sh "$home/published" | cut -f1)," \
    "lake $(du -sh "$home/lake" | cut -f1), archive $(du -sh "$home/archive" | cut -f1)," \
    "outbox $(ls "$home/outbox" | wc -l) files"
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$home"; fi
done
