#!/usr/bin/env bash
# The insights benchmark: builds the classes, then times the SPC and trend models over
# SERIES weekly KPI series of WEEKS weeks each (default: 100 and 500 series of 260
# weeks, five years). Run from the repository root:
#   bash bench/insights.sh [SERIES...]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o -pl jobs compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
classpath="jobs/target/classes:$(cat jobs/target/bench-classpath.txt)"
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then sizes=(100 500); fi
java -Xmx1g -cp "$classpath" bench/InsightsBench.java 260 "${sizes[@]}"
