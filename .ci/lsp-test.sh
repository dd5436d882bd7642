#!/usr/bin/env bash
# The language server with a real client: Neovim (Debian's package; 0.7 or newer has an LSP client)
# runs headless with .ci/lsp-test.lua against `bin/podlint lsp` (needs the jar built before).
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/checks.sh

if ! command -v nvim >/dev/null 2>&1; then
  echo "lsp-test: installing neovim"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq neovim >/dev/null
fi
nvim --version | sed -n 1p

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="$work/nvim.out"
export LSP_TEST_DIR="$work"
export PODLINT_LSP_CMD="$PWD/bin/podlint lsp"
# the manifest the script writes, linted first by `podlint lint`: the diagnostic must be where lint says
lua_manifest() { sed -n "/^local lines = {/,/^}/p" .ci/lsp-test.lua | sed -n "s/^  '\(.*\)',\$/\1/p"; }
lua_manifest >"$work/expected.yaml"
LSP_TEST_AT="$(bin/podlint lint --no-config --fail-on none -q "$work/expected.yaml" | sed -n 's/.*expected\.yaml:\([0-9]*:[0-9]*\): error: .*\[PL001 container-port-conflict\]$/\1/p')"
export LSP_TEST_AT
echo "lsp-test: podlint lint reports the conflict at ${LSP_TEST_AT:-(nowhere)}"

# -u NONE: no user configuration; the script prints ok:/FAILED: lines and quits (cquit on failure)
run_nvim() {
  HOME="$work" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" \
    timeout 300 nvim --headless -u NONE -i NONE -c "luafile .ci/lsp-test.lua" >"$out" 2>&1
}
run_nvim && code=0 || code=$?
# headless Neovim ends its messages with carriage returns
tr '\r' '\n' <"$out" | grep -E '^(ok|FAILED): ' || true
check "Neovim's LSP client: diagnostic at lint's place, suppression code action, diagnostic back after an edit" \
  test "$code" -eq 0 -a -n "$(grep -E '^ok: the server stops' "$out")" -a -z "$(grep FAILED "$out")"
if [ "$failures" -gt 0 ]; then
  tr '\r' '\n' <"$out" | tail -30
  [ -f "$work/state/nvim/lsp.log" ] && { echo "--- lsp.log"; tail -50 "$work/state/nvim/lsp.log"; }
fi
echo "lsp-test: $((failures == 0 ? 1 : 0)) passed, $failures failed"
[ "$failures" -eq 0 ]
