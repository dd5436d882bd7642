#!/usr/bin/env bash
# Local test of the GitHub Action: runs its step (bin/podlint-action) the way action.yml does, with
# the inputs' defaults from action.yml and GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and
# RUNNER_TEMP pointing at temporary paths, and checks the SARIF file, the annotations, the outputs
# and the exit codes. Then checks action.yml and docs/examples/github-workflow.yml with gha-validate
# (../shared/tools/gha-validate, or $GHA_VALIDATE) when it is there. Needs target/podlint.jar (mvn
# package) or Maven, python3 with PyYAML, and jq.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# shellcheck source=.ci/checks.sh
. "$root/.ci/checks.sh"

jqe() { jq -e "$@" >/dev/null; } # jqe FILTER FILE: true when the filter holds

# action.yml: the step runs bin/podlint-action and maps every input to the INPUT_ variable it reads.
python3 - "$root/action.yml" "$root/bin/podlint-action" >"$scratch/defaults" <<'EOF'
import re, sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
script = open(sys.argv[2]).read()
steps = action["runs"]["steps"]
step = next(s for s in steps if s.get("id") == "lint")
assert "bin/podlint-action" in step["run"], step["run"]
env = step["env"]
used = set(re.findall(r"\bINPUT_[A-Z_]+\b", script))
for name, spec in action["inputs"].items():
    var = "INPUT_" + name.upper().replace("-", "_")
    if name == "setup-java":
        continue
    assert env.get(var) == "${{ inputs.%s }}" % name, (var, env.get(var))
    assert var in used, var + " is not read by bin/podlint-action"
    print("%s=%s" % (var, spec.get("default", "")))
assert used == set(env), (used, set(env))
for name in ("sarif-file", "exit-code"):
    assert action["outputs"][name]["value"] == "${{ steps.lint.outputs.%s }}" % name
EOF
echo "ok: action.yml maps its inputs onto bin/podlint-action"

# A workspace with one bad and one clean manifest.
ws="$scratch/workspace"
mkdir -p "$ws/k8s" "$ws/clean" "$scratch/runner"
cp "$root/testdata/ci/port-conflict.yaml" "$ws/k8s/bad, pod.yaml"
cat >"$ws/clean/job.yaml" <<'EOF'
apiVersion: batch/v1
kind: Job
metadata:
  name: once
  namespace: batch
spec:
  ttlSecondsAfterFinished: 3600
  activeDeadlineSeconds: 600
  template:
    spec:
      restartPolicy: Never
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: once
          image: busybox:1.36
          command: [sh, -c, "true"]
          resources:
            requests: {cpu: 10m, memory: 16Mi}
            limits: {cpu: 100m, memory: 32Mi}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: {drop: [ALL]}
EOF

# run NAME [INPUT_X=value...]: the action's step with the defaults of action.yml, then the overrides
run() {
  local name="$1"
  shift
  local out="$scratch/runner/$name"
  mkdir -p "$out/temp"
  : >"$out/github_output"
  : >"$out/step_summary"
  set +e
  (
    while IFS= read -r kv; do export "${kv?}"; done <"$scratch/defaults"
    for kv in "$@"; do export "${kv?}"; done
    export GITHUB_WORKSPACE="$ws" GITHUB_OUTPUT="$out/github_output" GITHUB_STEP_SUMMARY="$out/step_summary" \
      RUNNER_TEMP="$out/temp" GITHUB_ACTION_PATH="$root" GITHUB_ACTIONS=true
    cd "$scratch"
    bash "$GITHUB_ACTION_PATH/bin/podlint-action"
  ) >"$out/stdout" 2>"$out/stderr"
  echo $? >"$out/code"
  set -e
}
code() { cat "$scratch/runner/$1/code"; }
has() { grep -qxF -- "$2" "$scratch/runner/$1/$3"; }

# Defaults: SARIF in the workspace, annotations on the log, exit 1 for the error.
run defaults
d="$scratch/runner/defaults"
check "defaults: exit code 1" [ "$(code defaults)" = 1 ]
check "defaults: the SARIF file exists in the workspace" test -s "$ws/podlint.sarif"
check "defaults: the SARIF is a podlint run with the error" \
  jqe '.runs[0].automationDetails.id == "podlint/" and ([.runs[0].results[] | select(.ruleId == "PL001")] | length) == 1' \
  "$ws/podlint.sarif"
check "defaults: the error is annotated, its file name escaped" has defaults \
  "::error file=k8s/bad%2C pod.yaml,line=14,col=26,endLine=14,endColumn=30,title=PL001 container-port-conflict::Port 8080/TCP of container 'stats' is already declared by container 'web'" stdout
check "defaults: only annotations on standard output" bash -c "! grep -v '^::\(error\|warning\|notice\) ' '$d/stdout'"
check "defaults: GITHUB_OUTPUT has the SARIF path" has defaults "sarif-file=podlint.sarif" github_output
check "defaults: GITHUB_OUTPUT has the exit code" has defaults "exit-code=1" github_output
check "defaults: the step summary has podlint's summary" grep -qE '^podlint: 2 files, 2 objects: 1 error, ' "$d/step_summary"
check "defaults: the summary is on standard error" grep -qE '^podlint: 2 files, 2 objects: 1 error, ' "$d/stderr"
check "defaults: RUNNER_TEMP is left clean" bash -c "[ -z \"\$(ls -A '$d/temp')\" ]"
rm -f "$ws/podlint.sarif"

# Inputs: paths, sarif-file in a new directory, category, fail-on.
run inputs "INPUT_PATHS=clean
k8s" INPUT_SARIF_FILE=reports/k8s.sarif INPUT_CATEGORY=prod INPUT_FAIL_ON=none
check "fail-on none: exit code 0" [ "$(code inputs)" = 0 ]
check "sarif-file: written into a new directory" test -s "$ws/reports/k8s.sarif"
check "sarif-file: the output names it" has inputs "sarif-file=reports/k8s.sarif" github_output
check "category: automationDetails.id podlint/prod/" \
  jqe '.runs[0].automationDetails.id == "podlint/prod/"' "$ws/reports/k8s.sarif"
check "paths: the findings are those of the bad manifest" \
  jqe '[.runs[0].results[].locations[0].physicalLocation.artifactLocation.uri] | unique == ["k8s/bad,%20pod.yaml"]' \
  "$ws/reports/k8s.sarif"
check "paths: both directories counted" grep -qE '^podlint: 2 files, ' "$scratch/runner/inputs/stderr"

run clean INPUT_PATHS=clean INPUT_FAIL_ON=note INPUT_SARIF_FILE=clean.sarif
check "clean manifest: exit code 0" [ "$(code clean)" = 0 ]
check "clean manifest: no annotations" test ! -s "$scratch/runner/clean/stdout"
check "clean manifest: SARIF without results" jqe '.runs[0].results == []' "$ws/clean.sarif"

run quiet INPUT_ANNOTATIONS=false INPUT_SARIF_FILE=quiet.sarif
check "annotations false: exit code 1" [ "$(code quiet)" = 1 ]
check "annotations false: nothing on standard output" test ! -s "$scratch/runner/quiet/stdout"

run text INPUT_FORMAT=text
check "format text: exit code 1" [ "$(code text)" = 1 ]
check "format text: compiler-style lines" grep -qF "k8s/bad, pod.yaml:14:26: error: Port 8080/TCP" "$scratch/runner/text/stdout"
check "format text: annotations too" grep -qF "::error file=k8s/bad%2C pod.yaml,line=14," "$scratch/runner/text/stdout"
check "format text: no SARIF, an empty output" has text "sarif-file=" github_output

run github INPUT_FORMAT=github
check "format github: each annotation once" [ "$(grep -c '^::error ' "$scratch/runner/github/stdout")" = 1 ]

run config INPUT_CONFIG=ci.podlint.yaml INPUT_SARIF_FILE=config.sarif
check "config: a missing file is a usage error (exit 2)" [ "$(code config)" = 2 ]
check "config: no annotations after a usage error" test ! -s "$scratch/runner/config/stdout"
printf 'failOn: none\n' >"$ws/ci.podlint.yaml"
run config2 INPUT_CONFIG=ci.podlint.yaml INPUT_SARIF_FILE=config.sarif
check "config: failOn of the named file counts (exit 0)" [ "$(code config2)" = 0 ]

run badformat INPUT_FORMAT=xml
check "format xml: exit code 2" [ "$(code badformat)" = 2 ]
check "format xml: an error annotation says why" grep -qF "::error title=podlint::format must be sarif, text, json or github, not 'xml'" \
  "$scratch/runner/badformat/stdout"

# gha-validate: the action metadata and the example workflow.
validate="${GHA_VALIDATE:-$root/../shared/tools/gha-validate}"
if [ -x "$validate" ] && command -v node >/dev/null 2>&1; then
  check "gha-validate: action.yml and docs/examples/github-workflow.yml" \
    "$validate" "$root/action.yml" "$root/docs/examples/github-workflow.yml"
else
  echo "skipped: gha-validate ($validate is not there)"
fi

if [ "$failures" -gt 0 ]; then
  echo "action-test: $failures check(s) failed; the runs are in $scratch (kept)" >&2
  trap - EXIT
  exit 1
fi
echo "action-test: all checks passed"
