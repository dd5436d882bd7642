#!/usr/bin/env bash
# Code-scanning quality: podlint's SARIF for a sample of the test data passes Microsoft's SARIF
# Multitool with the SARIF rules and GitHub's ingestion rules (rule kinds "Sarif;Gh") with no error
# and no warning. Installs Node.js (Debian) and the pinned Multitool (npm) when missing; needs the
# jar that `mvn verify` built.
set -euo pipefail
cd "$(dirname "$0")/.."

MULTITOOL_VERSION=5.7.0
if ! command -v npm >/dev/null 2>&1; then
  echo "sarif-test: installing nodejs npm"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
cache="${PODLINT_CI_CACHE:-$HOME/.cache/podlint-ci}/sarif-multitool-$MULTITOOL_VERSION"
tool="$cache/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$tool" ]; then
  echo "sarif-test: installing @microsoft/sarif-multitool@$MULTITOOL_VERSION"
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-audit --no-fund --silent "@microsoft/sarif-multitool@$MULTITOOL_VERSION"
fi
[ -x "$tool" ] || { echo "sarif-test: the Multitool did not install ($tool)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
jar="$(ls target/podlint.jar)"
# a sample with every kind of result: design advice with fixes, related locations, suppressions,
# Helm template sources, cross-object findings, schema violations
java -jar "$jar" lint -q --fail-on none -f sarif -o "$work/sample.sarif" \
  testdata/examples testdata/rules/unrelated-services-in-pod testdata/rules/service-target-port-unknown \
  testdata/rules/schema-violation testdata/suppressions testdata/helm testdata/rules/secret-in-env

validate() { # SARIF REPORT
  rm -f "$2"
  DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 "$tool" validate "$1" -o "$2" \
    --log ForceOverwrite --quiet true --rule-kind 'Sarif;Gh' >/dev/null 2>&1 || true
  [ -f "$2" ] || { echo "sarif-test: the Multitool wrote no report for $1" >&2; exit 1; }
}

# The check must be able to fail: a copy with a location without region and an absolute http URI
# must be rejected by GitHub's rules.
python3 - "$work/sample.sarif" "$work/broken.sarif" <<'PY'
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
results = log["runs"][0]["results"]
del results[0]["locations"][0]["physicalLocation"]["region"]
results[1]["locations"][0]["physicalLocation"]["artifactLocation"] = {"uri": "http://example.com/x.yaml"}
json.dump(log, open(sys.argv[2], "w", encoding="utf-8"))
PY
validate "$work/broken.sarif" "$work/broken-validation.sarif"
if python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["runs"][0].get("results") else 1)' \
    "$work/broken-validation.sarif"; then
  echo "sarif-test: the validator rejects a broken copy, as it should"
else
  echo "sarif-test: the validator accepted a broken SARIF file; the check is not working" >&2
  exit 1
fi

validate "$work/sample.sarif" "$work/validation.sarif"
python3 - "$work/validation.sarif" <<'PY'
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
bad = []
for run in log.get("runs", []):
    rules = run.get("tool", {}).get("driver", {}).get("rules", [])
    for r in run.get("results", []):
        rule = rules[r["ruleIndex"]] if "ruleIndex" in r and r["ruleIndex"] < len(rules) else {}
        level = r.get("level") or rule.get("defaultConfiguration", {}).get("level") or "warning"
        if level in ("error", "warning"):
            text = r.get("message", {}).get("text") or r.get("message", {}).get("id", "")
            bad.append(f"{level} {r.get('ruleId')}: {text} {r.get('message', {}).get('arguments', '')}")
    for inv in run.get("invocations", []):
        for n in inv.get("toolExecutionNotifications", []) + inv.get("toolConfigurationNotifications", []):
            if n.get("level", "warning") in ("error", "warning"):
                bad.append(f"tool: {n.get('message', {}).get('text', '')}")
for b in bad:
    print("sarif-test:", b)
print(f"sarif-test: {'FAILED' if bad else 'OK'}: {len(bad)} error(s) or warning(s) from the SARIF Multitool (Sarif;Gh)")
sys.exit(1 if bad else 0)
PY
