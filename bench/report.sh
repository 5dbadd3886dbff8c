#!/usr/bin/env bash
# The report benchmark: render time of the demo report and of a report with FINDINGS findings
# and as many quarantined rows (default 100,000), the big one in a JVM with -Xmx512m.
# Run from the repository root:  bash bench/report.sh [FINDINGS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -q -o -DskipTests package
classpath="$(bash bench/test-classpath.sh)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), java $(java -version 2>&1 | head -1)"

echo "== demo: the whole nightly run (ingest, reconcile, 4 PDFs, publish), then the company PDF alone"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
java -jar jobs/target/plumbline.jar demo --home "$work/demo" > "$work/demo.log"
echo "demo run: $(echo "$(date +%s.%N) - $start" | bc) s"
grep -E '^  report ' "$work/demo.log" || true
cp "$work/demo/warehouse/plumbline.duckdb" "$work/demo.duckdb"
java -Xmx512m -cp "$classpath" org.plumbline.report.BigReportMain render "$work/demo.duckdb" "$work/demo.pdf" 2>/dev/null \
  | awk '/^OK/ {print "demo company PDF: compile " $2 " ms, render " $3 " ms, peak heap " $4 " MB"}'
echo "pages: $(pdfinfo "$work/demo.pdf" | awk '/^Pages/ {print $2}')"

echo "== big: $rows findings in one section and $rows quarantined rows, -Xmx512m"
java -cp "$classpath" org.plumbline.report.BigReportMain generate "$work/big.duckdb" "$rows" "$rows"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -cp "$classpath" org.plumbline.report.BigReportMain render "$work/big.duckdb" "$work/big.pdf" 2>/dev/null \
  | awk '/^OK/ {print "big PDF: compile " $2 " ms, render " $3 " ms, peak heap " $4 " MB"}'
echo "pages: $(pdfinfo "$work/big.pdf" | awk '/^Pages/ {print $2}'), size: $(du -h "$work/big.pdf" | cut -f1)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
