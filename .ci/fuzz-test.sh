#!/usr/bin/env bash
# Bounded fuzzing with Jazzer: runs each fuzz target of LintFuzzTest (the loader, the engine with
# every rule, every report format) in fuzzing mode for FUZZ_SECONDS (default 40) and fails on the
# first crash, which Jazzer saves under src/test/resources/dev/podlint/LintFuzzTestInputs/<target>/.
#
#   .ci/fuzz-test.sh                          all targets, 40 s each
#   FUZZ_SECONDS=600 .ci/fuzz-test.sh engine  one target, ten minutes
#
# libFuzzer starts from every YAML file under testdata/ and keeps what it finds in
# target/fuzz-corpus/<target>/ (gone with `mvn clean`). One fuzzing process at a time: Jazzer
# fuzzes one target per JVM, and the machine's cores are better spent on one.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-40}"
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(loader engine reports)
inputs=src/test/resources/dev/podlint/LintFuzzTestInputs

mvn -B -ntp -q test-compile
status=0
for t in "${targets[@]}"; do
  corpus="target/fuzz-corpus/$t"
  mkdir -p "$corpus"
  before="$(find "$inputs" -type f 2>/dev/null | sort)"
  log="target/fuzz-$t.log"
  echo "fuzz: $t for ${seconds}s (log: $log)"
  # jazzer.internal.arg.N are libFuzzer's arguments (argv[0], then corpus directories and flags):
  # the first directory receives new inputs, the others only seed. -timeout makes a hang a finding.
  if ! JAZZER_FUZZ=1 mvn -B -ntp surefire:test -Dtest="LintFuzzTest#$t" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.hooks=true -Djazzer.instrument='dev.podlint.**,org.snakeyaml.**' \
      -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1="$corpus" -Djazzer.internal.arg.2=testdata \
      -Djazzer.internal.arg.3="-max_total_time=$seconds" -Djazzer.internal.arg.4=-timeout=60 \
      >"$log" 2>&1; then
    status=1
    echo "fuzz: $t FAILED; the end of its log:"
    grep -v '^INFO: Instrumented' "$log" | tail -60
  fi
  # libFuzzer's closing line, e.g. "Done 12345 runs in 41 second(s)"
  grep -E '^Done [0-9]+ runs' "$log" | sed "s/^/fuzz: $t: /" || true
  after="$(find "$inputs" -type f 2>/dev/null | sort)"
  if [ "$before" != "$after" ]; then
    status=1
    echo "fuzz: $t: new crashing inputs:"
    comm -13 <(echo "$before") <(echo "$after")
  fi
done
exit "$status"
