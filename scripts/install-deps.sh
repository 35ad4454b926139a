#!/usr/bin/env bash
# Installs every Debian 12 package Tema needs to build, test and run.
# Idempotent and fast when everything is already there: apt is only
# called when a package is missing.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git clang libclang-rt-14-dev
  # core libraries
  libicu-dev libssl-dev libsqlite3-dev sqlite3 libxapian-dev libzip-dev libpugixml-dev
  nlohmann-json3-dev libcli11-dev libpoppler-cpp-dev
  # Norwegian and English dictionaries for search (read by src/core/stem), Snowball
  hunspell-no hunspell-en-us libstemmer-dev
  # GUI
  libwxgtk3.2-dev xvfb xauth
  # tests
  catch2 graphviz unzip zip libxml2-utils zlib1g-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
