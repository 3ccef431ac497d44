#!/usr/bin/env bash
# Runs shellcheck on every shell script of the repository: each file whose first line names sh
# or bash, the sourced *.sh files (bin/lib/wgtrack-lab/, bench/common.sh) and the OpenRC
# service scripts. Exits non-zero on any finding. Needs shellcheck (install-test-deps.sh).
# Settings every run shares, such as where sourced files are found, are in .shellcheckrc.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts=()
openrc_scripts=()

# Build output and lab directories hold no scripts of ours.
repository_files() {
    find . \( -path ./.git -o -path ./target -o -path ./lab-run \) -prune -o -type f -print0 | sort -z
}

while IFS= read -r -d '' file; do
    first_line=
    IFS= read -r first_line <"$file" || true
    case $first_line in
    '#!/sbin/openrc-run'*) openrc_scripts+=("${file#./}") ;;
    '#!/bin/sh'* | '#!/bin/bash'* | '#!/usr/bin/env sh'* | '#!/usr/bin/env bash'*) scripts+=("${file#./}") ;;
    *) if [[ $file == *.sh ]]; then scripts+=("${file#./}"); fi ;;
    esac
done < <(repository_files)

# --external-sources: follow what a script sources, so its functions and variables are known.
shellcheck --external-sources "${scripts[@]}"
if ((${#openrc_scripts[@]})); then
    # openrc-run sources the service script and reads description, command, command_args and
    # its other settings itself, so to shellcheck those assignments look unused (SC2034).
    shellcheck --shell=sh --exclude=SC2034 "${openrc_scripts[@]}"
fi
echo "shellcheck.sh: $((${#scripts[@]} + ${#openrc_scripts[@]})) shell scripts, no findings"
