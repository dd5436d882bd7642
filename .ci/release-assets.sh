#!/usr/bin/env bash
# Makes the files of a release from the jar `mvn verify` (or `mvn package`) built:
#
#   .ci/release-assets.sh VERSION DIR
#
# writes into DIR
#   podlint-VERSION.jar             target/podlint.jar: runs anywhere with Java 17 (java -jar)
#   podlint-VERSION.tar.gz          podlint-VERSION/ with bin/, target/podlint.jar, README.md and
#                                   docs/ (the pages it links to), LICENSE when there is one, and
#                                   testdata/examples/ (the README's first command, and what
#                                   bin/podlint trains its class-data-sharing archive on):
#                                   podlint-VERSION/bin/podlint runs the jar, no Maven
#   podlint-VERSION.jar.sha256      their SHA-256 checksums, as sha256sum writes them (check with
#   podlint-VERSION.tar.gz.sha256   `sha256sum -c podlint-VERSION.jar.sha256`)
#
# The release workflow (.github/workflows/release.yml) attaches them to the GitHub release of the
# tag vVERSION; bin/podlint-fetch downloads the jar and its checksum from there. VERSION must be
# pom.xml's version, which a release has without -SNAPSHOT. Tested by .ci/release-test.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -eq 2 ] || { echo "usage: $0 VERSION DIR" >&2; exit 2; }
version="$1"
out="$2"
pom="$(sed -n 's:^  <version>\([^<]*\)</version>$:\1:p' "$root/pom.xml" | sed -n 1p)"
if [ "$version" != "$pom" ]; then
  echo "release-assets: VERSION $version is not pom.xml's version $pom" >&2
  exit 2
fi
jar="$root/target/podlint.jar"
[ -f "$jar" ] || { echo "release-assets: $jar is missing; run mvn -B verify first" >&2; exit 2; }

mkdir -p "$out"
out="$(cd "$out" && pwd)"
name="podlint-$version"
cp "$jar" "$out/$name.jar"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name/target" "$stage/$name/testdata"
cp -R "$root/bin" "$stage/$name/bin"
cp -R "$root/testdata/examples" "$stage/$name/testdata/examples"
cp "$jar" "$stage/$name/target/podlint.jar"
cp "$root/README.md" "$stage/$name/"
cp -R "$root/docs" "$stage/$name/docs"
[ -f "$root/LICENSE" ] && cp "$root/LICENSE" "$stage/$name/"
# the same bytes from the same inputs: sorted names, no owners, the jar's time for every file
stamp="$(date -u -r "$jar" '+%Y-%m-%d %H:%M:%S')"
tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="$stamp" -cf - "$name" \
  | gzip -n -9 > "$out/$name.tar.gz"

(cd "$out" && sha256sum "$name.jar" > "$name.jar.sha256" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
ls -l "$out"
