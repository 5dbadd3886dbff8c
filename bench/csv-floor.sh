#!/usr/bin/env bash
# Where the CSV load's floor is: the statements a loader keeping every field's text and line
# could be built from, each timed alone beside DuckDB's typed read_csv (bench/CsvFloorBench.java).
# Run from the repository root:  bash bench/csv-floor.sh [ROWS]   (default 5,000,000)
set -euo pipefail
cd "$(dirname "$0")/.."
# The test classes too: the harness writes and reads the files as IngestBenchmark does.
classpath="$(bash bench/test-classpath.sh)"
java -Xmx512m -cp "$classpath" bench/CsvFloorBench.java "$@"
