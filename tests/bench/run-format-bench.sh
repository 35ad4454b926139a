#!/usr/bin/env bash
# Builds Release, generates the synthetic corpus (once), writes its first N
# transcripts (default 200, about 10 MB of text) in every format Tema imports
# and prints the import figures per format: MB, files, seconds, MB/s, ms/MB.
# Usage: tests/bench/run-format-bench.sh [N]   (BUILD=dir to use another build)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${BUILD:-build/release}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target tema_generate_corpus tema_bench_formats >/dev/null
corpus=$build/bench-corpus
[ -f "$corpus/fg-1000.txt" ] || "$build"/tests/bench/tema_generate_corpus "$corpus"
"$build"/tests/bench/tema_bench_formats "$corpus" "$build"/bench-formats "${1:-200}"
