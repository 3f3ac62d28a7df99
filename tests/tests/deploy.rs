//! The deployment files (deploy/compose/, deploy/kubernetes/) validated offline by
//! tests/deploy/validate.sh: the compose file against the Compose Specification's JSON schema
//! (vendored in tests/deploy/), the manifests against the Kubernetes schemas of the three newest
//! minor versions that `kubernetes-validate` ships, and the kustomization, catalogue and secret
//! references for consistency. The Python tools come from the virtualenv at
//! `$SCHALTER_TEST_SYNAPSE` (default `.test-env/synapse` in the workspace; tests/run.sh
//! installs them). A missing tool fails the test; it is never skipped.

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate lives in the workspace")
        .to_path_buf()
}

#[test]
fn deployment_files_validate_offline() {
    let root = workspace();
    let venv = std::env::var_os("SCHALTER_TEST_SYNAPSE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join(".test-env").join("synapse"));
    for tool in ["python", "check-jsonschema", "kubernetes-validate"] {
        let path = venv.join("bin").join(tool);
        assert!(
            path.is_file(),
            "{} is missing: the deployment test validates with check-jsonschema and \
             kubernetes-validate from the virtualenv at SCHALTER_TEST_SYNAPSE; run tests/run.sh \
             or `{}/bin/pip install check-jsonschema kubernetes-validate`",
            path.display(),
            venv.display()
        );
    }
    let script = root.join("tests").join("deploy").join("validate.sh");
    let out = Command::new("bash")
        .arg(&script)
        .env("SCHALTER_TEST_SYNAPSE", &venv)
        .current_dir(&root)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the deployment files do not validate ({}):\n--- stdout\n{stdout}\n--- stderr\n{stderr}",
        out.status
    );
    // The script's last word: proof that it ran to the end rather than stopping early.
    assert!(
        stdout.contains("all deployment files validate"),
        "validate.sh ended without its final line:\n{stdout}\n{stderr}"
    );
    println!("{stdout}");
}
