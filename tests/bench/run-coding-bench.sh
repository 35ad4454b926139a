#!/usr/bin/env bash
# Builds Release, generates the synthetic corpus (once) and prints the coding
# figures: 10,000 applications of one code, each its own action (goal: median
# <= 0.2 ms, p99 <= 1 ms), and retrieval of its 10,000 segments (<= 50 ms).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${BUILD:-build/release}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target tema_generate_corpus tema_bench_coding >/dev/null
corpus=$build/bench-corpus
[ -f "$corpus/fg-1000.txt" ] || "$build"/tests/bench/tema_generate_corpus "$corpus"
"$build"/tests/bench/tema_bench_coding "$corpus" "$build"/bench-coding.tema 10000
