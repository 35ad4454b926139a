#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default 600).
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (targets: docx odt pdf rtf srt vtt xml zip)
# New findings land in build/fuzz/corpus/TARGET and crash-* files in build/fuzz/; each
# target's report in build/fuzz/fuzz_TARGET.log.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
./scripts/install-deps.sh
CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTEMA_FUZZ=ON >/dev/null
targets=("$@")
if ((${#targets[@]} == 0)); then
  for f in tests/fuzz/fuzz_*.cc; do t=${f##*/fuzz_}; targets+=("${t%.cc}"); done
fi
for t in "${targets[@]}"; do
  cmake --build build/fuzz --target "fuzz_$t"
  mkdir -p "build/fuzz/corpus/$t"
  cp -n tests/fuzz/corpus/"$t"/* "build/fuzz/corpus/$t/" 2>/dev/null || true
  dict=()
  for d in "tests/fuzz/$t.dict" tests/fuzz/subtitles.dict; do
    if [ -f "$d" ] && { [ "$d" = "tests/fuzz/$t.dict" ] || [[ $t == srt || $t == vtt ]]; }; then
      dict=(-dict="$PWD/$d")  # the fuzzer runs in build/fuzz
      break
    fi
  done
  echo "== fuzz_$t for ${seconds}s"
  # The whole report goes to build/fuzz/fuzz_TARGET.log; a finding stops
  # that target only, and the next one runs.
  if (cd build/fuzz && "./tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=25 \
      -rss_limit_mb=2560 "${dict[@]}" "corpus/$t" >"fuzz_$t.log" 2>&1); then
    tail -1 "build/fuzz/fuzz_$t.log"
  else
    echo "fuzz_$t FOUND A PROBLEM: build/fuzz/fuzz_$t.log and build/fuzz/crash-*"
    grep -E "SUMMARY|broken promise|ERROR" "build/fuzz/fuzz_$t.log" | head -5
  fi
done
