#!/usr/bin/env bash
# Builds Release, generates the synthetic corpus (once) and prints the import
# figures for 200 and 1,000 files. Goal: 1,000 files in <= 1.0 s, <= 150 MB RSS.
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release --target tema_generate_corpus tema_bench_import >/dev/null
corpus=build/release/bench-corpus
[ -f "$corpus/fg-1000.txt" ] || build/release/tests/bench/tema_generate_corpus "$corpus"
for n in 200 1000; do
  build/release/tests/bench/tema_bench_import "$corpus" "$n" build/release/bench-import.tema
done
