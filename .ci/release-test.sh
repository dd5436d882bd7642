#!/usr/bin/env bash
# The release's files and their use, offline: .ci/release-assets.sh on the jar `mvn verify` built,
# for a copy of this checkout whose pom.xml has a release version, then
#   - the archive unpacked runs podlint-VERSION/bin/podlint without Maven;
#   - bin/podlint of a release checkout without a jar downloads it (from a file: URL standing in for
#     the GitHub release, PODLINT_RELEASE_URL) instead of building it, checksum checked;
#   - a jar that does not match its checksum, a missing release, PODLINT_BUILD=1 and a development
#     (-SNAPSHOT) version all build with Maven instead (a stand-in mvn records that it was called);
#   - .github/workflows/release.yml passes gha-validate (../shared/tools/gha-validate or
#     $GHA_VALIDATE, when it is there; Node.js is installed when missing).
# Run by .ci/run after `mvn verify`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/podlint.jar"
[ -f "$jar" ] || { echo "release-test: $jar is missing; run mvn -B verify first" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=.ci/checks.sh
. "$root/.ci/checks.sh"

# A release checkout: bin/, .ci/, the examples and pom.xml with the version 9.8.7.
version=9.8.7
src="$work/src"
mkdir -p "$src/testdata" "$src/target"
cp -R "$root/bin" "$root/.ci" "$root/README.md" "$root/docs" "$src/"
cp -R "$root/testdata/examples" "$src/testdata/"
sed '0,/^  <version>[^<]*<\/version>$/s//  <version>'"$version"'<\/version>/' "$root/pom.xml" > "$src/pom.xml"
cp "$jar" "$src/target/podlint.jar"

# The release files.
release="$work/release"
"$src/.ci/release-assets.sh" "$version" "$release/v$version" >/dev/null
"$src/.ci/release-assets.sh" "$version" "$work/again" >/dev/null
name="podlint-$version"
check "release-assets: the jar is the one built" cmp -s "$jar" "$release/v$version/$name.jar"
check "release-assets: the checksums hold" bash -c "cd '$release/v$version' && sha256sum -c --quiet $name.jar.sha256 $name.tar.gz.sha256"
tar -tzf "$release/v$version/$name.tar.gz" | sort > "$work/listing"
for f in bin/podlint bin/podlint-fetch bin/podlint-action target/podlint.jar README.md docs/README.md docs/user-guide.md testdata/examples/shop-bad.yaml; do
  check "release-assets: the archive holds $name/$f" grep -qxF "$name/$f" "$work/listing"
done
check "release-assets: the archive holds nothing else" \
  bash -c "! grep -vE '^$name/(|bin/.*|target/|target/podlint.jar|README.md|docs/.*|LICENSE|testdata/|testdata/examples/.*)$' '$work/listing'"
check "release-assets: the same input gives the same archive" cmp -s "$release/v$version/$name.tar.gz" "$work/again/$name.tar.gz"
check "release-assets: a version that is not pom.xml's is refused" \
  bash -c "! '$src/.ci/release-assets.sh' 1.0.0 '$work/other' 2>/dev/null"

# A stand-in for Maven: records that a build was asked for, and fails it.
mkdir -p "$work/fake-bin"
cat > "$work/fake-bin/mvn" <<EOF
#!/usr/bin/env bash
echo called >> "$work/mvn-called"
exit 1
EOF
chmod +x "$work/fake-bin/mvn"
export PATH="$work/fake-bin:$PATH"
unset PODLINT_JAR PODLINT_BUILD

# run NAME DIR [VAR=value...] -- ARGS: DIR/bin/podlint, with stdout, stderr and exit code kept
run() {
  local n="$1" dir="$2"
  shift 2
  local vars=()
  while [ "$1" != -- ]; do vars+=("$1"); shift; done
  shift
  rm -f "$work/mvn-called"
  set +e
  env ${vars[@]+"${vars[@]}"} "$dir/bin/podlint" "$@" > "$work/$n.out" 2> "$work/$n.err"
  echo $? > "$work/$n.code"
  set -e
}
code() { cat "$work/$1.code"; }
built() { [ -f "$work/mvn-called" ]; }

# The archive, unpacked: runs as it is.
mkdir -p "$work/unpacked"
tar -C "$work/unpacked" -xzf "$release/v$version/$name.tar.gz"
run archive "$work/unpacked/$name" -- lint --no-config "$root/testdata/examples"
check "archive: bin/podlint lints (exit 1 for the examples' errors)" [ "$(code archive)" = 1 ]
check "archive: bin/podlint made its class-data-sharing archive or AOT cache" \
  test -s "$work/unpacked/$name/target/podlint.jsa" -o -s "$work/unpacked/$name/target/podlint.aot"
check "archive: the findings are printed" grep -q "shop-bad.yaml:66:30: error: Port 8080/TCP" "$work/archive.out"
check "archive: nothing was built" bash -c "! [ -f '$work/mvn-called' ]"

# A release checkout without its jar downloads it.
url="file://$release"
rm -f "$src/target/podlint.jar"
run fetch "$src" "PODLINT_RELEASE_URL=$url" -- lint --no-config -q "$root/testdata/ci/port-conflict.yaml"
check "fetch: bin/podlint lints with the downloaded jar (exit 1)" [ "$(code fetch)" = 1 ]
check "fetch: it says where from" grep -qF "podlint: downloading $url/v$version/$name.jar" "$work/fetch.err"
check "fetch: target/podlint.jar is the release's jar" cmp -s "$jar" "$src/target/podlint.jar"
check "fetch: nothing was built" bash -c "! [ -f '$work/mvn-called' ]"
run fetched "$src" "PODLINT_RELEASE_URL=file:///nonexistent" -- --version
check "fetch: once there, the jar is not downloaded again" bash -c "[ \"\$(cat '$work/fetched.code')\" = 0 ] && ! grep -q downloading '$work/fetched.err'"

# What makes it build instead.
cp -R "$release" "$work/tampered"
printf 'x' >> "$work/tampered/v$version/$name.jar"
rm -f "$src/target/podlint.jar"
run tampered "$src" "PODLINT_RELEASE_URL=file://$work/tampered" -- --version
check "tampered jar: refused for its checksum" grep -q "does not match its SHA-256 checksum" "$work/tampered.err"
check "tampered jar: not kept" test ! -e "$src/target/podlint.jar"
check "tampered jar: built with Maven instead" built
check "tampered jar: the failed build is exit 4" [ "$(code tampered)" = 4 ]

run missing "$src" "PODLINT_RELEASE_URL=file://$work/nothing-here" -- --version
check "no such release: says so and builds" bash -c "grep -q 'could not download the release $version' '$work/missing.err' && [ -f '$work/mvn-called' ]"

run optout "$src" "PODLINT_RELEASE_URL=$url" PODLINT_BUILD=1 -- --version
check "PODLINT_BUILD=1: builds without downloading" bash -c "! grep -q downloading '$work/optout.err' && [ -f '$work/mvn-called' ]"
check "PODLINT_BUILD=1: no jar appeared" test ! -e "$src/target/podlint.jar"

sed -i 's/^  <version>'"$version"'<\/version>$/  <version>9.9.0-SNAPSHOT<\/version>/' "$src/pom.xml"
run snapshot "$src" "PODLINT_RELEASE_URL=$url" -- --version
check "a development version: builds without downloading" \
  bash -c "! grep -q downloading '$work/snapshot.err' && [ -f '$work/mvn-called' ]"

# The release workflow, statically.
validate="${GHA_VALIDATE:-$root/../shared/tools/gha-validate}"
if [ -x "$validate" ]; then
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "release-test: installing nodejs npm (for gha-validate)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  fi
  check "gha-validate: .github/workflows/release.yml" "$validate" "$root/.github/workflows/release.yml"
else
  echo "skipped: gha-validate ($validate is not there)"
fi

if [ "$failures" -gt 0 ]; then
  echo "release-test: $failures check(s) failed" >&2
  exit 1
fi
echo "release-test: all checks passed"
