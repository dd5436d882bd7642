#!/usr/bin/env bash
# Bounded fuzzing with Jazzer: runs each fuzz target of LintFuzzTest (the loader, the engine with
# every rule, every report format, the size limit of reads) in fuzzing mode for FUZZ_SECONDS
# (default 30) and fails on the first crash, which Jazzer saves under
# src/test/resources/dev/podlint/LintFuzzTestInputs/<target>/.
#
#   .ci/fuzz-test.sh                                              all targets, 30 s each
#   FUZZ_SECONDS=600 FUZZ_SEEDS=testdata .ci/fuzz-test.sh engine  one target, ten minutes
#
# libFuzzer starts from the YAML files of FUZZ_SEEDS (directories; default: testdata/ without its
# 450 rule fixtures, which the engine and report targets would spend the whole short run replaying)
# and keeps what it finds in target/fuzz-corpus/<target>/ (gone with `mvn clean`). One fuzzing
# process at a time: Jazzer fuzzes one target per JVM, and the cores are better spent on one.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-30}"
if [ -n "${FUZZ_SEEDS:-}" ]; then
  read -r -a seeds <<<"$FUZZ_SEEDS"
else
  seeds=()
  for d in testdata/*/; do
    [ "$d" = testdata/rules/ ] || seeds+=("${d%/}")
  done
fi
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(loader engine reports limits)
inputs=src/test/resources/dev/podlint/LintFuzzTestInputs

mvn -B -ntp -q test-compile
status=0
for t in "${targets[@]}"; do
  corpus="target/fuzz-corpus/$t"
  mkdir -p "$corpus"
  # the directory exists only once Jazzer saved something there (a clean clone has none)
  before="$( { find "$inputs" -type f 2>/dev/null || true; } | sort)"
  log="target/fuzz-$t.log"
  echo "fuzz: $t for ${seconds}s (log: $log)"
  # jazzer.internal.arg.N are libFuzzer's arguments (argv[0], then corpus directories and flags):
  # the first directory receives new inputs, the others only seed. -timeout makes a hang a finding.
  args=(fuzz "$corpus" "${seeds[@]}" "-max_total_time=$seconds" -timeout=60)
  props=()
  for i in "${!args[@]}"; do
    props+=("-Djazzer.internal.arg.$i=${args[$i]}")
  done
  if ! JAZZER_FUZZ=1 mvn -B -ntp surefire:test -Dtest="LintFuzzTest#$t" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.hooks=true -Djazzer.instrument='dev.podlint.**,org.snakeyaml.**' "${props[@]}" >"$log" 2>&1; then
    status=1
    echo "fuzz: $t FAILED; the end of its log:"
    grep -v "^INFO: Instrumented" "$log" | tail -60 || true
  fi
  # libFuzzer's closing line, e.g. "Done 12345 runs in 41 second(s)"
  grep -E '^Done [0-9]+ runs' "$log" | sed "s/^/fuzz: $t: /" || true
  after="$( { find "$inputs" -type f 2>/dev/null || true; } | sort)"
  if [ "$before" != "$after" ]; then
    status=1
    echo "fuzz: $t: new crashing inputs:"
    comm -13 <(echo "$before") <(echo "$after")
  fi
done
exit "$status"
