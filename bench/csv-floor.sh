#!/usr/bin/env bash
# Where the CSV load's floor is: the statements a loader keeping every field's text and line
# could be built from, each timed alone beside DuckDB's typed read_csv (bench/CsvFloorBench.java).
# Run from the repository root:  bash bench/csv-floor.sh [ROWS]   (default 5,000,000)
set -euo pipefail
cd "$(dirname "$0")/.."
# The test classes too: the harness writes and reads the files as IngestBenchmark does.
mvn -q -o -pl jobs test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-test-classpath.txt \
  -Dmdep.includeScope=test
classpath="jobs/target/classes:jobs/target/test-classes:$(cat jobs/target/bench-test-classpath.txt)"
java -Xmx512m -cp "$classpath" bench/CsvFloorBench.java "$@"
