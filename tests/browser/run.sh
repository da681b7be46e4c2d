#!/usr/bin/env bash
# Browser tests of the web UI (CTest: serve_browser). Usage:
#   tests/browser/run.sh DATELINE_BIN WORK_DIR ARTIFACT_DIR
# Builds a database from samples/, starts `dateline serve` on a free loopback
# port, installs playwright-core from the lockfile (npm ci) into WORK_DIR, and
# drives Debian's headless Chromium. Exits 77 (CTest SKIP) when node, chromium
# or the npm packages are unavailable. Screenshots go to ARTIFACT_DIR.
set -uo pipefail
bin=${1:?dateline binary}
work=${2:?work dir}
art=${3:?artifact dir}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
skip() { echo "SKIPPED: $*"; exit 77; }

command -v node >/dev/null || skip "node is not installed"
chromium=${CHROMIUM:-}
for c in /usr/bin/chromium /usr/bin/chromium-browser; do [[ -z "$chromium" && -x "$c" ]] && chromium=$c; done
[[ -n "$chromium" ]] || skip "chromium is not installed (apt-get install chromium)"
[[ -x "$bin" ]] || { echo "no dateline binary at $bin"; exit 1; }

mkdir -p "$work" "$art"
cp "$here/package.json" "$here/package-lock.json" "$here/ui_test.js" "$work/"
if [[ ! -d "$work/node_modules/playwright-core" ]] || ! cmp -s "$here/package-lock.json" "$work/.installed-lock"; then
  (cd "$work" && npm ci --no-audit --no-fund --loglevel=error >npm.log 2>&1) ||
    { tail -5 "$work/npm.log"; skip "npm ci failed (no registry?)"; }
  cp "$here/package-lock.json" "$work/.installed-lock"
fi

tmp=$(mktemp -d)
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

"$bin" ingest "$root/samples" --db "$tmp/demo.db" >"$tmp/ingest.log" 2>&1
rc=$?
if [[ $rc -ne 0 && $rc -ne 2 ]]; then cat "$tmp/ingest.log"; echo "ingest failed"; exit 1; fi

token="browser-test-$$"
"$bin" serve --db "$tmp/demo.db" --port 0 --ingest-token "$token" >"$tmp/serve.out" 2>"$tmp/serve.err" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$tmp/serve.out" 2>/dev/null | head -1)
  [[ -n "$url" ]] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.2
done
[[ -n "$url" ]] || { cat "$tmp/serve.err"; echo "server did not start"; exit 1; }

cd "$work" && BASE_URL="$url" INGEST_TOKEN="$token" ARTIFACTS="$art" CHROMIUM="$chromium" node ui_test.js
