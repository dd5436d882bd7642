#!/usr/bin/env bash
# Integration test of the pre-commit hook (.pre-commit-hooks.yaml), offline: pre-commit clones this
# checkout, and "language: script" downloads nothing. Run by .ci/run after "mvn verify".
#   1. pre-commit try-repo on a scratch repository with a bad and a good manifest: the hook builds
#      target/podlint.jar in its clone on first use, fails, and names the bad file's line and column;
#   2. the bad file fixed, try-repo passes;
#   3. the .pre-commit-config.yaml snippet of README.md (docs/integrations.md shows the same one and
#      the same command), with repo pointed at this checkout: the README's "pre-commit autoupdate
#      --repo URL" pins its rev to a commit hash (podlint has no release tag yet); with rev at this
#      checkout's HEAD it passes with "pre-commit run --all-files", and fails on a staged bad file.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v pre-commit >/dev/null 2>&1; then
  echo "precommit-test: installing pre-commit"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq pre-commit >/dev/null
fi
pre-commit --version

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"   # never the user's cache
export GIT_CONFIG_GLOBAL=/dev/null GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t
unset PODLINT_JAR PODLINT_BUILD
scratch="$work/manifests"
mkdir -p "$scratch"
cd "$scratch"
git init -q .

fail() { echo "precommit-test: FAIL: $*" >&2; exit 1; }

# two containers of one pod on port 8080 (testdata/ci/port-conflict.yaml, shared with the action's
# test): PL001 container-port-conflict at 14:26; another second port fixes it
write_pod() { # $1 file, $2 second port
  sed '$ s/containerPort: 8080$/containerPort: '"$2"'/' "$repo/testdata/ci/port-conflict.yaml" > "$1"
}
write_pod bad.yaml 8080
write_pod good.yaml 9090
echo '{"note": "not a Kubernetes object"}' > other.json
git add .

run() { # prints the output, returns pre-commit's exit code
  set +e
  "$@" > "$work/out" 2>&1
  local rc=$?
  set -e
  cat "$work/out"
  return $rc
}

echo "precommit-test: try-repo, bad manifest (builds the jar in pre-commit's clone)"
if run pre-commit try-repo "$repo" podlint --all-files; then
  fail "the hook passed on bad.yaml"
fi
grep -q '^bad\.yaml:14:26: error: Port 8080/TCP .*\[PL001 container-port-conflict\]$' "$work/out" \
  || fail "no compiler-style finding at bad.yaml:14:26"
grep -q 'podlint: building target/podlint.jar' "$work/out" || fail "the jar was not built on first use"
grep -q 'podlint: 3 files, 2 objects' "$work/out" || fail "the files were not passed to one process"
if grep -q '^good\.yaml:[0-9]*:[0-9]*: error' "$work/out"; then fail "an error was reported in good.yaml"; fi

# from here on reuse this checkout's jar (built by mvn verify) instead of building once per clone
"$repo/bin/podlint" --version >/dev/null
export PODLINT_JAR="$repo/target/podlint.jar"

echo "precommit-test: try-repo, fixed manifest"
write_pod bad.yaml 9090
git add bad.yaml
run pre-commit try-repo "$repo" podlint --all-files || fail "the hook failed after the fix"

echo "precommit-test: the README's .pre-commit-config.yaml"
snippet_of() { awk '/^<!-- pre-commit-config:/ {m=1; next} m && /^```yaml$/ {p=1; next} p && /^```$/ {exit} p' "$1"; }
snippet="$(snippet_of "$repo/README.md")"
[ -n "$snippet" ] || fail "no pre-commit-config snippet in README.md"
[ "$(snippet_of "$repo/docs/integrations.md")" = "$snippet" ] || fail "docs/integrations.md shows another pre-commit-config snippet than README.md"
grep -q '^  - repo: https://' <<<"$snippet" || fail "the README snippet does not name a repo URL"
rev="$(git -C "$repo" rev-parse HEAD)"
# as written, repo aside, and pinned as the README says
url="$(sed -n 's|^  - repo: ||p' <<<"$snippet")"
autoupdate="$(grep -o "^pre-commit autoupdate --repo $url\$" "$repo/README.md")" || fail "README.md shows no pre-commit autoupdate --repo $url"
grep -qx "$autoupdate" "$repo/docs/integrations.md" || fail "docs/integrations.md shows no $autoupdate"
sed -e "s|^  - repo: .*|  - repo: $repo|" <<<"$snippet" > .pre-commit-config.yaml
run ${autoupdate/$url/$repo} || fail "pre-commit autoupdate failed on the README's snippet"
pinned="$(sed -n 's|^    rev: ||p' .pre-commit-config.yaml)"
if ! [[ "$pinned" =~ ^[0-9a-f]{40}$ || "$pinned" =~ ^v[0-9] ]]; then fail "autoupdate pinned no commit or tag: rev: $pinned"; fi
[[ "$pinned" =~ ^v ]] || [ "$pinned" = "$rev" ] || fail "autoupdate pinned $pinned, not the checkout's HEAD $rev"
sed -e "s|^  - repo: .*|  - repo: $repo|" -e "s|^    rev: .*|    rev: $rev|" <<<"$snippet" > .pre-commit-config.yaml
cmp -s <(sed -e 's|^  - repo: .*||' -e 's|^    rev: .*||' <<<"$snippet") \
  <(sed -e 's|^  - repo: .*||' -e 's|^    rev: .*||' .pre-commit-config.yaml) || fail "snippet changed beyond repo and rev"
git add .pre-commit-config.yaml
run pre-commit run --all-files || fail "pre-commit run failed on good manifests"
git commit -qm manifests --no-verify
write_pod staged.yaml 8080
git add staged.yaml
if run pre-commit run; then fail "pre-commit run passed a staged bad manifest"; fi
grep -q '^staged\.yaml:14:26: error:' "$work/out" || fail "no finding at staged.yaml:14:26"
grep -q 'podlint: 1 file, 1 object' "$work/out" || fail "more than the staged file was linted"

echo "precommit-test: OK"
