#!/usr/bin/env bash
# The main job: installs what Tema needs, builds it (Release), builds the
# bundled sample project from sample-projects/ and shows what it holds.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DTEMA_BUILD_TESTS=OFF >/dev/null
cmake --build build/release
mkdir -p out
./sample-projects/build-sample.sh build/release/src/cli/tema out/ips-study.tema
