#!/usr/bin/env bash
# Builds Release, generates the synthetic corpus (once, 1,001 files: the last is
# added after the index is built) and prints the search figures: index build
# time, MB/s, peak RSS and size; the latency of 30 mixed queries; the cost of
# indexing one more source. Goals: build <= 8 s wall on 2 cores, <= 200 MB peak
# RSS, index <= 3x the text; query p95 <= 10 ms for every kind.
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release --target tema_generate_corpus tema_bench_search >/dev/null
corpus=build/release/bench-corpus-search
[ -f "$corpus/fg-1001.txt" ] || build/release/tests/bench/tema_generate_corpus "$corpus" --files 1001
build/release/tests/bench/tema_bench_search "$corpus" build/release/bench-search.tema 1000 "${RUNS:-20}"
