#!/usr/bin/env bash
# Builds Release and prints tema-gui's figures under Xvfb: start and open the sample
# project (goal <= 1 s), show a 2 MB transcript (<= 200 ms), resident memory with a
# 1,000-transcript project open (<= 150 MB).
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release --target tema tema_generate_corpus tema_bench_gui >/dev/null
bin=build/release
work=$bin/bench-gui
mkdir -p "$work"
corpus=$bin/bench-corpus
[ -f "$corpus/fg-1000.txt" ] || $bin/tests/bench/tema_generate_corpus "$corpus"
[ -f "$work/large/fg-0001.txt" ] ||
  $bin/tests/bench/tema_generate_corpus "$work/large" --files 1 --size 2000000 --seed 7
export TEMA_CODER=Bench
if [ ! -f "$work/sample.tema" ]; then
  sample-projects/build-sample.sh $bin/src/cli/tema "$work/sample.tema" >/dev/null
fi
if [ ! -f "$work/large.tema" ]; then
  $bin/src/cli/tema init "$work/large.tema" >/dev/null
  $bin/src/cli/tema import "$work/large.tema" "$work/large/fg-0001.txt" >/dev/null
fi
if [ ! -f "$work/big.tema" ]; then
  $bin/src/cli/tema init "$work/big.tema" >/dev/null
  $bin/src/cli/tema import "$work/big.tema" $(ls "$corpus"/fg-*.txt | head -1000) >/dev/null
fi
TEMA_GUI_CONFIG=$work/tema-gui.ini xvfb-run -a -s "-screen 0 1600x1200x24" \
  $bin/tests/bench/tema_bench_gui "$work/sample.tema" "$work/large.tema" fg-0001 "$work/big.tema"
