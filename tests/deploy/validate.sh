#!/usr/bin/env bash
# Offline validation of the deployment files (run by tests/tests/deploy.rs; also by hand:
# `bash tests/deploy/validate.sh`). Nothing is started and nothing is downloaded:
#  (a) deploy/compose/compose.yaml, after substituting the values of .env.example, against the
#      Compose Specification's JSON schema vendored in tests/deploy/compose-spec.json
#      (check-jsonschema); every required ${VAR:?…} has a change-me placeholder in .env.example;
#      the config files the compose file mounts from deploy/compose/ exist;
#  (b) every manifest in deploy/kubernetes/ against the Kubernetes schemas of the three newest
#      minor versions kubernetes-validate ships, in strict mode (unknown fields are errors); the
#      ServiceMonitor (a Prometheus Operator CRD, no schema offline) is checked against the
#      Service it selects instead;
#  (c) kustomization.yaml lists files that exist, and every manifest but servicemonitor.yaml;
#  (d) the catalogue ConfigMap holds deploy/catalog.toml unchanged; no Secret is committed and
#      every secretKeyRef names the Secret `schalter`.
# The Python tools come from the virtualenv at $SCHALTER_TEST_SYNAPSE (tests/run.sh installs
# them). A missing tool is an error, never a skip.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
venv="${SCHALTER_TEST_SYNAPSE:-$root/.test-env/synapse}"
py="$venv/bin/python"
for tool in python check-jsonschema kubernetes-validate; do
  if [ ! -x "$venv/bin/$tool" ]; then
    echo "error: $venv/bin/$tool is missing: run tests/run.sh (or $venv/bin/pip install check-jsonschema kubernetes-validate)" >&2
    exit 1
  fi
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail=0
step() { printf '\n== %s\n' "$*"; }

# --- (a) Compose --------------------------------------------------------------------------------
step "compose.yaml with .env.example's values against tests/deploy/compose-spec.json"
"$py" - deploy/compose/compose.yaml deploy/compose/.env.example "$work" <<'PY' || fail=1
# Compose parses the YAML first (anchors, merge keys) and then interpolates each string value:
# $$, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?message}, ${VAR?message}. Done the same
# way here, with .env.example's values.
import json, re, sys, yaml
compose, env_file, work = sys.argv[1:4]
env, errors = {}, []
for n, line in enumerate(open(env_file, encoding="utf-8"), 1):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    if "=" not in line:
        errors.append(f"{env_file}:{n}: not NAME=value: {line}")
        continue
    k, v = line.split("=", 1)
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
        v = v[1:-1]
    if k in env:
        errors.append(f"{env_file}:{n}: {k} given twice")
    env[k] = v
pat = re.compile(r"\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])((?:[^{}]|\{[^{}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)")
def sub(m):
    if m.group(0) == "$$":
        return "$"
    name, op, arg = m.group(1) or m.group(4), m.group(2), m.group(3)
    val = env.get(name)
    if op in (":?", "?"):
        if val is None or (op == ":?" and not val):
            errors.append(f"required variable {name} ({arg}) has no value in {env_file}")
            return ""
        if "change-me" not in val:
            errors.append(f"{env_file}: required {name}={val!r} is not an obvious change-me placeholder")
        return val
    if op in (":-", "-"):
        use = bool(val) if op == ":-" else val is not None
        return val if use else pat.sub(sub, arg)
    if val is None:
        errors.append(f"variable {name} is neither in {env_file} nor given a default")
        return ""
    return val
def walk(node):
    if isinstance(node, str):
        out = pat.sub(sub, node)
        if "${" in out:
            errors.append(f"interpolation left in {out!r}")
        return out
    if isinstance(node, dict):
        return {walk(k): walk(v) for k, v in node.items()}
    if isinstance(node, list):
        return [walk(v) for v in node]
    return node
doc = walk(yaml.safe_load(open(compose, encoding="utf-8")))
json.dump(doc, open(f"{work}/compose.json", "w"), indent=1)
# The same with one misspelt key, which the schema must reject.
broken = json.loads(json.dumps(doc))
broken["services"]["postgres"]["restrat"] = broken["services"]["postgres"].pop("restart")
json.dump(broken, open(f"{work}/broken.json", "w"))
for e in errors:
    print("error:", e)
print("ok -- interpolated with .env.example" if not errors else "")
sys.exit(1 if errors else 0)
PY
if "$venv/bin/check-jsonschema" --schemafile tests/deploy/compose-spec.json "$work/compose.json"; then :; else fail=1; fi
# The schema must be able to say no: a misspelt service key has to be rejected.
if "$venv/bin/check-jsonschema" --schemafile tests/deploy/compose-spec.json "$work/broken.json" >/dev/null 2>&1; then
  echo "error: the compose schema accepted a misspelt key (restrat): the check proves nothing"; fail=1
else
  echo "ok -- a misspelt key is rejected"
fi
step "files compose.yaml mounts from deploy/compose/ and deploy/catalog.toml exist"
"$py" - "$work/compose.json" <<'PY' || fail=1
import json, os, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
base, bad = "deploy/compose", []
for name, svc in doc["services"].items():
    for vol in svc.get("volumes", []):
        src = vol.split(":")[0] if isinstance(vol, str) else vol.get("source", "")
        # ../prometheus, ../grafana and deploy/Containerfile come from other parts of the project.
        if src.startswith("./") or src == "../catalog.toml":
            if not os.path.exists(os.path.join(base, src)):
                bad.append(f"{name}: {src}")
for b in bad:
    print("error: missing mounted file", b)
print("ok" if not bad else "")
sys.exit(1 if bad else 0)
PY

# --- (b) Kubernetes -----------------------------------------------------------------------------
versions="$("$py" - <<'PY'
import os, re, kubernetes_validate
d = os.path.join(os.path.dirname(kubernetes_validate.__file__), "kubernetes-json-schema")
vs = sorted({tuple(map(int, m.groups())) for n in os.listdir(d) if (m := re.fullmatch(r"v(\d+)\.(\d+)\.(\d+)-local", n))})
print(" ".join(f"{a}.{b}.{c}" for a, b, c in vs[-3:]))
PY
)"
manifests=()
for f in deploy/kubernetes/*.yaml; do
  case "$(basename "$f")" in kustomization.yaml|servicemonitor.yaml) ;; *) manifests+=("$f") ;; esac
done
for v in $versions; do
  step "Kubernetes $v (kubernetes-validate $("$venv/bin/kubernetes-validate" --version 2>&1 | tr -d '\n'), strict)"
  if out="$("$venv/bin/kubernetes-validate" --strict -k "$v" "${manifests[@]}" 2>&1)"; then rc=0; else rc=$?; fi
  echo "$out"
  if [ "$rc" != 0 ]; then fail=1; fi
  # An unknown kind or apiVersion is only a warning to the tool: here it is an error.
  if grep -q "Couldn't find schema" <<<"$out"; then echo "error: a manifest has no schema in Kubernetes $v"; fail=1; fi
done
[ -n "$versions" ] || { echo "error: kubernetes-validate ships no schemas"; fail=1; }
# Strict mode must be able to say no: a misspelt probe field has to be rejected.
sed 's/timeoutSeconds: 3/timeoutSecond: 3/' deploy/kubernetes/deployment.yaml > "$work/broken-deployment.yaml"
for v in $versions; do
  if "$venv/bin/kubernetes-validate" --strict --quiet -k "$v" "$work/broken-deployment.yaml" >/dev/null 2>&1; then
    echo "error: kubernetes-validate $v accepted a misspelt field (timeoutSecond): the check proves nothing"; fail=1
  else
    echo "ok -- Kubernetes $v rejects a misspelt field"
  fi
done

step "servicemonitor.yaml selects the Service and its metrics port; kustomization.yaml; catalogue; secrets"
"$py" - <<'PY' || fail=1
import glob, os, sys, yaml
k8s = "deploy/kubernetes"
errors = []
def load(name):
    return [d for d in yaml.safe_load_all(open(os.path.join(k8s, name), encoding="utf-8")) if d]
# ServiceMonitor against the Service it must find.
sm, = load("servicemonitor.yaml")
svc, = load("service.yaml")
if (sm.get("apiVersion"), sm.get("kind")) != ("monitoring.coreos.com/v1", "ServiceMonitor"):
    errors.append("servicemonitor.yaml is not a monitoring.coreos.com/v1 ServiceMonitor")
labels = svc["metadata"].get("labels", {})
for k, v in sm["spec"]["selector"]["matchLabels"].items():
    if labels.get(k) != v:
        errors.append(f"ServiceMonitor selects {k}={v}, the Service has {labels.get(k)!r}")
ports = {p["name"] for p in svc["spec"]["ports"]}
for ep in sm["spec"]["endpoints"]:
    if ep.get("port") not in ports:
        errors.append(f"ServiceMonitor endpoint port {ep.get('port')!r} is not a port of the Service {sorted(ports)}")
allowed = {"selector", "namespaceSelector", "endpoints", "jobLabel", "targetLabels", "podTargetLabels", "sampleLimit"}
errors += [f"ServiceMonitor spec has unknown field {f}" for f in set(sm["spec"]) - allowed]
# (c) kustomization.yaml.
kz = yaml.safe_load(open(os.path.join(k8s, "kustomization.yaml"), encoding="utf-8"))
listed = kz.get("resources", [])
for r in listed:
    if not os.path.isfile(os.path.join(k8s, r)):
        errors.append(f"kustomization.yaml lists {r}, which does not exist")
if "servicemonitor.yaml" in listed:
    errors.append("servicemonitor.yaml must stay out of kustomization.yaml (a CRD that not every cluster has)")
for f in sorted(glob.glob(os.path.join(k8s, "*.yaml"))):
    b = os.path.basename(f)
    if b not in ("kustomization.yaml", "servicemonitor.yaml") and b not in listed:
        errors.append(f"{b} is not listed in kustomization.yaml")
# (d) catalogue and secrets.
docs = [d for f in sorted(glob.glob(os.path.join(k8s, "*.yaml"))) for d in yaml.safe_load_all(open(f, encoding="utf-8")) if d]
cat = [d for d in docs if d.get("kind") == "ConfigMap" and d["metadata"]["name"] == "schalter-catalog"]
if not cat or cat[0]["data"].get("catalog.toml") != open("deploy/catalog.toml", encoding="utf-8").read():
    errors.append("deploy/kubernetes/catalog-configmap.yaml does not hold deploy/catalog.toml unchanged: copy it again (see deploy/kubernetes/README.md)")
if any(d.get("kind") == "Secret" for d in docs):
    errors.append("a Secret is committed in deploy/kubernetes/: secrets are made with kubectl (README.md)")
def refs(node):
    if isinstance(node, dict):
        if "secretKeyRef" in node:
            yield node["secretKeyRef"]
        for v in node.values():
            yield from refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from refs(v)
secret_vars = {"SCHALTER_DATABASE_URL", "SCHALTER_ADMIN_TOKEN", "SCHALTER_MATRIX_PASSWORD",
               "SCHALTER_MATRIX_STORE_PASSPHRASE", "SCHALTER_TELEGRAM_TOKEN",
               "SCHALTER_TELEGRAM_PAYMENT_TOKEN", "SCHALTER_STRIPE_SECRET_KEY",
               "SCHALTER_STRIPE_WEBHOOK_SECRET", "SCHALTER_SMTP_URL", "SCHALTER_OIDC_CLIENT_SECRET"}
for d in docs:
    for r in refs(d):
        if r.get("name") != "schalter":
            errors.append(f"{d['kind']} {d['metadata']['name']}: secretKeyRef to {r.get('name')!r}, not the Secret schalter")
    if d.get("kind") == "ConfigMap":
        leaked = secret_vars & set(d.get("data", {}))
        errors += [f"ConfigMap {d['metadata']['name']} holds the secret {v}" for v in sorted(leaked)]
dep = [d for d in docs if d.get("kind") == "Deployment"][0]
env = {e["name"] for e in dep["spec"]["template"]["spec"]["containers"][0].get("env", []) if "valueFrom" in e}
errors += [f"the Deployment does not take {v} from the Secret" for v in sorted(secret_vars - env)]
for e in errors:
    print("error:", e)
print("ok" if not errors else "")
sys.exit(1 if errors else 0)
PY

if [ "$fail" != 0 ]; then
  printf '\nFAILED: the deployment files do not validate (see above)\n'
  exit 1
fi
printf '\nall deployment files validate (compose-spec schema; Kubernetes %s)\n' "$versions"
