#!/usr/bin/env bash
# install_ts_fsrs.sh DIR: makes DIR/node_modules/ts-fsrs the reference version (5.4.2), from npm,
# unless it is already there. Only the generator, compare.sh and the benchmark need it; the tests
# use the committed data.
set -euo pipefail
readonly VERSION=5.4.2
dir=$1
installed=$(node -p "try { require('$dir/node_modules/ts-fsrs/package.json').version } catch { '' }" 2>/dev/null || true)
if [[ "$installed" != "$VERSION" ]]; then
  mkdir -p "$dir"
  [[ -f "$dir/package.json" ]] || echo '{"private": true}' > "$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "ts-fsrs@$VERSION" >&2
fi
