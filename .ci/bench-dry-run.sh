#!/usr/bin/env bash
# CI dry run of every benchmark: the suite (benchmarks/TextLens.Benchmarks) and the sample plugin's benchmark
# (samples/TextLens.Samples.CustomAnalyzer.Benchmarks), in Release, BenchmarkDotNet's Dry job (one launch, one
# iteration, no pilot) over every class (--filter '*', --join: one generated project to build per program), on a corpus shrunk to 100 documents
# (TEXTLENS_BENCH_DRY=1). Checks that every benchmark builds, sets up and runs; asserts nothing about timings.
# Exits non-zero if any benchmark fails (the programs return 1 through BenchmarkSuite.Run; the log is also
# scanned for BenchmarkDotNet's error markers). A few minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export TEXTLENS_BENCH_DRY=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

run() {
  local name=$1 project=$2
  echo "== bench dry run: $name ($project)"
  set +e
  # In-process toolchain: no generated project to build per benchmark program, which keeps CI fast; the
  # benchmark code, setup and baselines run exactly as in a real run. TEXTLENS_NO_BUILD=1 reuses CI's Release build.
  dotnet run -c Release ${TEXTLENS_NO_BUILD:+--no-build} --project "$project" -- --filter '*' --job Dry --inProcess --join --artifacts "$work/$name" 2>&1 | tee "$work/$name.log"
  local status=${PIPESTATUS[0]}
  set -e
  if [[ $status -ne 0 ]]; then
    echo "!! $name: exit code $status"
    failed=1
  fi
  if grep -qE '^// (ERROR|BENCHMARK FAILED)|Benchmarks with issues|Build Error|BuildException|Exception while' "$work/$name.log"; then
    echo "!! $name: benchmark errors in the log:"
    grep -E '^// (ERROR|BENCHMARK FAILED)|Benchmarks with issues|Build Error|BuildException|Exception while' "$work/$name.log" | head -20
    failed=1
  fi
  local ran
  ran=$(grep -cE '^// Benchmark: ' "$work/$name.log" || true)
  echo "== $name: $ran benchmark case(s) run"
  if [[ $ran -eq 0 ]]; then
    echo "!! $name: no benchmark ran"
    failed=1
  fi
}

run suite benchmarks/TextLens.Benchmarks/TextLens.Benchmarks.csproj
run hedging-plugin samples/TextLens.Samples.CustomAnalyzer.Benchmarks/TextLens.Samples.CustomAnalyzer.Benchmarks.csproj

if [[ $failed -ne 0 ]]; then
  echo "bench dry run: FAILED"
  exit 1
fi
echo "bench dry run: all benchmarks ran"
