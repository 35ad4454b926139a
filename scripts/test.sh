#!/usr/bin/env bash
# Installs what Tema needs, builds it in Debug with AddressSanitizer and
# UndefinedBehaviorSanitizer, warnings as errors, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake -S . -B build/debug -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTEMA_SANITIZE=ON -DTEMA_WERROR=ON >/dev/null
cmake --build build/debug
cd build/debug
ctest --output-on-failure --timeout 600 -j "$(nproc)"
