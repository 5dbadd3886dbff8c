#!/usr/bin/env bash
# The reconciliation benchmark: builds the classes, then times one full reconciliation over
# ledgers of 1M, 5M and 10M fact rows (or the sizes given). Run from the repository root:
#   bash bench/reconcile.sh [ROWS...]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o -pl jobs compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
classpath="jobs/target/classes:$(cat jobs/target/bench-classpath.txt)"
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then sizes=(1000000 5000000 10000000); fi
java -Xmx2g -cp "$classpath" bench/ReconcileBench.java "${sizes[@]}"
