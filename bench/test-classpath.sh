#!/usr/bin/env bash
# Compiles the main and test classes and prints the classpath a bench harness runs on: both class
# folders and every test-scope jar (the harnesses reuse test fixtures such as IngestBenchmark's
# file generator). Run from the repository root; the bench scripts call it.
set -euo pipefail
mvn -q -o -pl jobs test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-test-classpath.txt \
  -Dmdep.includeScope=test >&2
echo "jobs/target/classes:jobs/target/test-classes:$(cat jobs/target/bench-test-classpath.txt)"
