#!/usr/bin/env bash
# What a large JSON Lines file costs the loader (bench/JsonLoadBench.java).
# Run from the repository root:  bash bench/json-load.sh [RECORDS [cut]]   (default 1,000,000;
# cut: the last line is cut off mid-record, so the file is read line by line)
set -euo pipefail
cd "$(dirname "$0")/.."
classpath="$(bash bench/test-classpath.sh)"
java -Xmx512m -cp "$classpath" bench/JsonLoadBench.java "$@"
