#!/usr/bin/env bash
# Screenshots of tema-gui's main views, from the sample project with a few codes
# applied, into docs/screenshots/. Usage: scripts/screenshots.sh [BUILD_DIR]
# (default build/debug; it must hold a built tema and tema_gui_tests).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath "${1:-$root/build/debug}")
tema=$build/src/cli/tema
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
project=$work/sample.tema

"$root/sample-projects/build-sample.sh" "$tema" "$project" >/dev/null
export TEMA_CODER="Kari Nordmann"
fg2=fokusgruppe-2-nav-og-behandlere-fjordheim
"$tema" code "$project" add Arbeidsgiver --color "#1F77B4" >/dev/null
"$tema" code "$project" add Kontakt --parent Arbeidsgiver --color "#2CA02C" >/dev/null
"$tema" code "$project" add "Samarbeid NAV og DPS" --color "#9467BD" >/dev/null
"$tema" code "$project" add "Ærlighet" --color "#D62728" >/dev/null
"$tema" code "$project" add "Kapasitet" --color "#FF7F0E" >/dev/null
"$tema" apply "$project" "Samarbeid NAV og DPS" "$fg2" --lines 42-48 >/dev/null
"$tema" apply "$project" Arbeidsgiver/Kontakt "$fg2" --lines 44-44 >/dev/null
"$tema" apply "$project" "Ærlighet" "$fg2" --lines 50-50 >/dev/null
"$tema" apply "$project" Kapasitet "$fg2" --lines 50-60 >/dev/null
TEMA_CODER="Ola Hansen" "$tema" apply "$project" Arbeidsgiver/Kontakt "$fg2" --lines 56-60 >/dev/null
"$tema" memo "$project" add --kind journal "Jeg merker at jeg heier på jobbspesialistene; les FG2 igjen med det i tankene." >/dev/null
"$tema" memo "$project" add --kind journal "NAV-veilederne har 140 brukere hver. Kapasitet er kanskje et tema, ikke en kode." >/dev/null
"$tema" memo "$project" add --on "source:$fg2" --lines 46-47 "Her snakker NAV og DPS forbi hverandre: samme ord, ulik betydning av «samarbeid». Sjekk mot FG1." >/dev/null
TEMA_CODER="Ola Hansen" "$tema" memo "$project" add --kind journal "Jeg er selv tidligere NAV-ansatt; jeg må passe på å ikke forsvare dem i analysen." >/dev/null

mkdir -p "$root/docs/screenshots"
export TEMA_SAMPLE_PROJECT=$project TEMA_SCREENSHOT_DIR=$root/docs/screenshots
export TEMA_GUI_CONFIG=$work/tema-gui.ini  # not the user's layout
export LSAN_OPTIONS=suppressions=$root/tests/gui/lsan.supp
# One process per view: GTK 3 gives a process's later screen copies its first image.
for view in main-window quick-code search memos memo-on-selection journal; do
  xvfb-run -a -s "-screen 0 1600x1200x24" "$build/tests/tema_gui_tests" "Screenshot $view" >/dev/null
done
ls -l "$root/docs/screenshots"
