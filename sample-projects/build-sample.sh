#!/usr/bin/env bash
# Builds the sample project from the invented IPS study in ips-study/ and shows
# what it holds: sources, participants, and the analysis in ips-study/coding/
# (codebook, in-vivo codes, coded segments by two coders, themes with their
# fields, memos and the journal, the phase log, two thematic map snapshots).
# Everything goes through the tema command line. Usage: build-sample.sh TEMA_BINARY OUT.tema
set -euo pipefail
tema=$(realpath "$1")
out=$2
here=$(cd "$(dirname "$0")" && pwd)
study=$here/ips-study
coding=$study/coding

rm -f "$out" "$out-wal" "$out-shm"
rm -rf "$out-index"
export TEMA_CODER="Kari Nordmann"
"$tema" init "$out" --title "Arbeid som medisin? IPS i Norge (invented sample study)"
"$tema" participants "$out" import "$study/participants.csv"
"$tema" import "$out" "$study"/sources/*.txt

# The commands go through `tema batch` (one process for many commands, each
# its own action, as if run one by one): q queues one, run_batch runs them.
batch=$(mktemp)
trap 'rm -f "$batch"' EXIT
q() {  # JSON-escapes backslash, quote, newline and tab: all the data holds
  local word line=""
  for word in "$@"; do
    word=${word//\\/\\\\}
    word=${word//\"/\\\"}
    word=${word//$'\n'/\\n}
    word=${word//$'\t'/\\t}
    line+=${line:+, }\"$word\"
  done
  printf '[%s]\n' "$line" >>"$batch"
}
run_batch() {
  "$tema" batch "$batch"
  : >"$batch"
}

# "Person 1" in one focus group is not "Person 1" in the next.
fg2=fokusgruppe-2-nav-og-behandlere-fjordheim
fg3=fokusgruppe-3-deltakere-solvang
for n in 1 2 3 4 5 6; do
  q speakers "$out" fokusgruppe-1-jobbspesialister-bergvik map "Deltaker $n" "P0$n"
  q speakers "$out" "$fg2" map "Person $n" "$(printf 'P%02d' $((n + 6)))"
done
for n in 1 2 3 4 5; do
  q speakers "$out" "$fg3" map "Person $n" "$(printf 'P%02d' $((n + 12)))"
done
q speakers "$out" interview-02-employer map Respondent P19
run_batch >/dev/null

# --- Reading the data files in coding/ ---------------------------------------

# Splits a tab-separated line into the array F, keeping empty fields.
split_tsv() {
  local line=$1
  F=()
  while [[ $line == *$'\t'* ]]; do
    F+=("${line%%$'\t'*}")
    line=${line#*$'\t'}
  done
  F+=("$line")
}

# The data lines of a file: no comments, no blank lines.
data_lines() { grep -v -e '^#' -e '^[[:space:]]*$' "$1" || true; }

# Calls `handle_block HEADER KEYS... -- TEXT` for each block of a block file
# (codebook.txt, themes.txt): a header line, `key: value` lines for the keys
# named in $block_keys, and free text, up to a blank line.
read_blocks() {
  local file=$1 header="" text="" line key
  local -a keys=()
  flush() {
    if [[ -n $header ]]; then handle_block "$header" "${keys[@]}" -- "$text"; fi
    header="" text="" keys=()
  }
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line == \#* ]]; then continue; fi
    if [[ -z ${line//[[:space:]]/} ]]; then flush; continue; fi
    if [[ -z $header ]]; then header=$line; continue; fi
    key=${line%%: *}
    if [[ $line == *': '* && " $block_keys " == *"|$key|"* ]]; then
      keys+=("$line")
    else
      text+=${text:+$'\n'}$line
    fi
  done <"$file"
  flush
}

# --- Phase 2: the codebook, in-vivo codes and the coded segments ----------------

export TEMA_CODER=anna
block_keys="|color| |origin|"
handle_block() {
  local header=$1 path name parent="" kind
  shift
  local -a args=()
  while [[ $1 != -- ]]; do
    case $1 in
      "color: "*) args+=(--color "${1#color: }") ;;
      "origin: "*) args+=(--origin "${1#origin: }") ;;
    esac
    shift
  done
  kind=${header%% *}
  path=${header#* }
  name=${path##*/}
  [[ $path == */* ]] && parent=${path%/*}
  [[ $kind == folder ]] && args+=(--folder)
  [[ -n $parent ]] && args+=(--parent "$parent")
  q code "$out" add "$name" --description "$2" "${args[@]}"
}
read_blocks "$coding/codebook.txt"

while IFS= read -r line; do
  split_tsv "$line"  # coder, source, words, occurrence, parent, description
  q --coder "${F[0]}" invivo "$out" "${F[1]}" "${F[2]}" --occurrence "${F[3]}" --parent "${F[4]}"
  q --coder "${F[0]}" code "$out" describe "${F[2]}" "${F[5]}"
done < <(data_lines "$coding/invivo.tsv")
run_batch >/dev/null

# segments/SOURCE.CODER.tsv: lines, code, translation, memo. The segment ids
# (from the JSON each apply prints, in order) are kept so that memos.tsv can
# put a memo on a segment.
declare -A segment_id
keys=()
for file in "$coding"/segments/*.tsv; do
  base=$(basename "$file" .tsv)
  source=${base%.*}
  coder=${base##*.}
  while IFS= read -r line; do
    split_tsv "$line"
    args=(--coder "$coder" --json apply "$out" "${F[1]}" "$source" --lines "${F[0]}")
    [[ -n ${F[2]:-} ]] && args+=(--translation "${F[2]}")
    [[ -n ${F[3]:-} ]] && args+=(--memo "${F[3]}")
    q "${args[@]}"
    keys+=("$coder:$source:${F[0]}:${F[1]}")
  done < <(data_lines "$file")
done
mapfile -t ids < <(run_batch | sed -n 's/^ *"segment": *\([0-9]*\).*/\1/p')
[[ ${#ids[@]} -eq ${#keys[@]} ]] || { echo "expected ${#keys[@]} segments, got ${#ids[@]}" >&2; exit 1; }
for i in "${!keys[@]}"; do segment_id[${keys[$i]}]=${ids[$i]}; done
segments=$(printf '%s\n' "${ids[@]}" | sort -u | wc -l)  # an apply may extend a segment

# --- Phase 3: candidate themes, as first named, and the first map --------------

fields_line=$(grep -m1 '^fields: ' "$coding/themes.txt")
IFS=';' read -ra fields <<<"${fields_line#fields: }"
fields=("${fields[@]# }")
block_keys="|was| |status| |codes|"
for field in "${fields[@]}"; do block_keys+=" |$field|"; done

declare -A phase3_path theme_keys theme_definition
theme_order=()
handle_block() {
  local path=${1#theme } first key code
  local -a keys=() codes=()
  shift
  while [[ $1 != -- ]]; do keys+=("$1"); shift; done
  first=${path##*/}
  for key in "${keys[@]}"; do [[ $key == "was: "* ]] && first=${key#was: }; done
  if [[ $path == */* ]]; then
    phase3_path[$path]=${phase3_path[${path%/*}]}/$first
    q theme "$out" add "$first" --parent "${phase3_path[${path%/*}]}"
  else
    phase3_path[$path]=$first
    q theme "$out" add "$first"
  fi
  for key in "${keys[@]}"; do
    if [[ $key == "codes: "* ]]; then
      IFS=';' read -ra codes <<<"${key#codes: }"
      for code in "${codes[@]# }"; do q theme "$out" link "${phase3_path[$path]}" "$code"; done
    fi
  done
  theme_order+=("$path")
  theme_keys[$path]=$(printf '%s\n' "${keys[@]}")
  theme_definition[$path]=$2
}
read_blocks <(grep -v '^fields: ' "$coding/themes.txt")
q map "$out" snapshot "Fase 3 – kandidattemaer"

# --- Memos and the journal --------------------------------------------------------

while IFS= read -r line; do
  split_tsv "$line"  # coder, date, on, kind, text
  on=${F[2]}
  if [[ $on == segment:* ]]; then
    key=${on#segment:}
    [[ -n ${segment_id[$key]:-} ]] || { echo "memos.tsv: no segment $key" >&2; exit 1; }
    on=segment:${segment_id[$key]}
  fi
  q --coder "${F[0]}" memo "$out" add --on "$on" --kind "${F[3]}" "${F[1]}: ${F[4]}"
done < <(data_lines "$coding/memos.tsv")

# --- Phases 4 and 5: names, definitions, statuses, fields, the second map ------

previous=""
for field in "${fields[@]}"; do
  q field "$out" define "$field" ${previous:+--after "$previous"}
  previous=$field
done
for path in "${theme_order[@]}"; do
  [[ ${phase3_path[$path]##*/} != "${path##*/}" ]] && q theme "$out" rename "${phase3_path[$path]}" "${path##*/}"
done
for path in "${theme_order[@]}"; do
  q theme "$out" define "$path" "${theme_definition[$path]}"
  while IFS= read -r key; do
    case $key in
      "status: candidate" | "was: "* | "codes: "* | "") ;;
      "status: "*) q theme "$out" status "$path" "${key#status: }" ;;
      *) q theme "$out" set "$path" "${key%%: *}" "${key#*: }" ;;  # a field
    esac
  done <<<"${theme_keys[$path]}"
done

while IFS= read -r line; do
  split_tsv "$line"  # phase, status, note
  q phase "$out" set "${F[0]}" "${F[1]}" --note "${F[2]}"
done < <(data_lines "$coding/phases.tsv")
q map "$out" snapshot "Fase 5 – definerte temaer"
run_batch >/dev/null

# --- What the project holds ----------------------------------------------------------

count() { grep -o "$1" | wc -l; }
echo
echo "== Sources in $out"
"$tema" sources "$out"
echo
echo "== Participants"
"$tema" participants "$out" list
echo
echo "== The opening of focus group 2"
"$tema" show "$out" "$fg2" --lines 1-12
echo
echo "== Themes"
"$tema" themes "$out"
echo
echo "== Phase log"
"$tema" phase "$out"
echo
echo "== Search: where do they talk about the employer? (every form of the word, in every source)"
"$tema" search "$out" arbeidsgiver --limit 3
echo
n_sources=$("$tema" --json sources "$out" | count '"sha256"')
n_participants=$("$tema" --json participants "$out" list | count '"attributes"')
n_codes=$("$tema" --json codes "$out" | count '"guid"')
n_themes=$("$tema" --json themes "$out" | count '"status"')
n_memos=$("$tema" --json memo "$out" list | count '"kind"')
echo "Built $out: $n_sources sources, $n_participants participants, $n_codes codes," \
  "$segments coded segments (two coders on $fg3), $n_themes themes and subthemes, $n_memos memos."
