#!/usr/bin/env bash
# Prints the Java home of a JDK with AOT caches (24 or newer) installed where Debian and Ubuntu put
# JDKs (/usr/lib/jvm), or nothing. CI hands it to AotCacheIT and bin/podlint-bench measures with it.
set -euo pipefail
for home in /usr/lib/jvm/*/; do
  home="${home%/}"
  [ -x "$home/bin/java" ] && [ -f "$home/release" ] || continue
  version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")"
  if [ -n "$version" ] && [ "$version" -ge 24 ]; then
    echo "$home"
    exit 0
  fi
done
