//! The container image (`deploy/Containerfile`), built with buildah from the binary the other
//! tests run and checked from its unpacked root file system by `deploy/image/check.sh`: no
//! shell or package manager, a non-root user, labels, health check and command; the binary
//! run from it as that user passes `schalter locales check` and answers `/healthz` and
//! `schalter health`. buildah must be installed (the README's test command installs Debian's
//! package); without it the test fails.

#[test]
fn the_image_runs_as_its_user_with_nothing_else_in_it() {
    let binary = schalter_tests::schalter_bin();
    let out = std::process::Command::new("bash")
        .arg("deploy/image/check.sh")
        .arg(&binary)
        .current_dir(schalter_tests::workspace())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run deploy/image/check.sh");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    eprintln!("{stdout}");
    assert!(
        stdout.contains("all 13 locales complete"),
        "locales check in the image: {stdout}"
    );
    assert!(
        stdout.contains("ok: /healthz answered from the image's root file system as user 10001"),
        "{stdout}"
    );
}
