#!/usr/bin/env bash
# Builds the sample project from the invented IPS study in ips-study/ and shows
# what it holds. Usage: build-sample.sh TEMA_BINARY OUT.tema
set -euo pipefail
tema=$(realpath "$1")
out=$2
here=$(cd "$(dirname "$0")" && pwd)
study=$here/ips-study

rm -f "$out" "$out-wal" "$out-shm"
export TEMA_CODER="Kari Nordmann"
"$tema" init "$out" --title "Arbeid som medisin? IPS i Norge (invented sample study)"
"$tema" participants "$out" import "$study/participants.csv"
"$tema" import "$out" "$study"/sources/*.txt

# "Person 1" in one focus group is not "Person 1" in the next.
fg2=fokusgruppe-2-nav-og-behandlere-fjordheim
fg3=fokusgruppe-3-deltakere-solvang
for n in 1 2 3 4 5 6; do
  "$tema" speakers "$out" fokusgruppe-1-jobbspesialister-bergvik map "Deltaker $n" "P0$n" >/dev/null
  "$tema" speakers "$out" "$fg2" map "Person $n" "$(printf 'P%02d' $((n + 6)))" >/dev/null
done
for n in 1 2 3 4 5; do
  "$tema" speakers "$out" "$fg3" map "Person $n" "$(printf 'P%02d' $((n + 12)))" >/dev/null
done
"$tema" speakers "$out" interview-02-employer map Respondent P19 >/dev/null

echo
echo "== Sources in $out"
"$tema" sources "$out"
echo
echo "== Participants"
"$tema" participants "$out" list
echo
echo "== The opening of focus group 2"
"$tema" show "$out" "$fg2" --lines 1-12
