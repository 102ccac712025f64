#!/usr/bin/env bash
# install_fsrs_rs_binding.sh DIR: makes DIR/node_modules/@open-spaced-repetition/binding version
# 0.5.0 (fsrs-rs 6.5.0 with its linux-x64 native build), from npm, unless it is already there.
# Only the optimizer benchmark uses it.
set -euo pipefail
readonly VERSION=0.5.0
dir=$1
installed=$(node -p "try { require('$dir/node_modules/@open-spaced-repetition/binding/package.json').version } catch { '' }" 2>/dev/null || true)
if [[ "$installed" != "$VERSION" ]]; then
  mkdir -p "$dir"
  [[ -f "$dir/package.json" ]] || echo '{"private": true}' > "$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "@open-spaced-repetition/binding@$VERSION" >&2
fi
