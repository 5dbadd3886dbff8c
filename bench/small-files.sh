#!/usr/bin/env bash
# What a file costs the loader beyond its rows: many small CSV files into one warehouse
# (bench/SmallFilesBench.java). Run from the repository root:
#   bash bench/small-files.sh [FILES] [ROWS]   (default 110 files of 200 rows; the first 10 warm up)
set -euo pipefail
cd "$(dirname "$0")/.."
# The test classes too: the harness writes and reads the files as IngestBenchmark does.
classpath="$(bash bench/test-classpath.sh)"
java -Xmx256m -cp "$classpath" bench/SmallFilesBench.java "$@"
