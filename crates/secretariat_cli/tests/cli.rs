//! CLI snapshots: each `tests/cli/<name>.case` holds one line of arguments (split on white space,
//! run from the repository root); `<name>.stdout`, `<name>.stderr` and `<name>.status` hold what the
//! command printed and its exit status. Add a case by adding a `.case` file and running
//! `UPDATE_SNAPSHOTS=1 cargo test -p secretariat_cli`; review the new files like code.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn every_cli_case_matches_its_snapshot() {
    let dir = root().join("tests/cli");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    cases.retain(|p| p.extension().is_some_and(|e| e == "case"));
    cases.sort();
    assert!(cases.len() >= 20, "too few CLI cases in {}", dir.display());
    let mut failures = Vec::new();
    for case in &cases {
        let args = std::fs::read_to_string(case).unwrap_or_default();
        let output = Command::new(env!("CARGO_BIN_EXE_secretariat"))
            .args(args.split_whitespace())
            .current_dir(root())
            .output();
        let Ok(output) = output else {
            failures.push(format!("{}: could not run", case.display()));
            continue;
        };
        let got = [
            (
                "stdout",
                String::from_utf8_lossy(&output.stdout).into_owned(),
            ),
            (
                "stderr",
                String::from_utf8_lossy(&output.stderr).into_owned(),
            ),
            (
                "status",
                format!("{}\n", output.status.code().unwrap_or(-1)),
            ),
        ];
        for (ext, text) in got {
            let path = case.with_extension(ext);
            if update {
                let _ = std::fs::write(&path, &text);
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(want) if want == text => {}
                Ok(want) => failures.push(format!(
                    "{}: differs from the snapshot\n--- want\n{}\n--- got\n{}",
                    path.display(),
                    want.chars().take(1500).collect::<String>(),
                    text.chars().take(1500).collect::<String>()
                )),
                Err(_) => failures.push(format!(
                    "{}: no snapshot (run with UPDATE_SNAPSHOTS=1)",
                    path.display()
                )),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// The size limit holds while reading: `/dev/zero` as the organisation (an endless file) or as the
/// requests (an endless line) is refused with a message once the limit is passed, under a memory
/// cap of about twice the limit; reading it whole took over 20 GB before the kernel killed it.
#[test]
#[cfg(target_os = "linux")]
fn an_endless_input_is_refused_at_the_limit_within_bounded_memory() {
    let exe = env!("CARGO_BIN_EXE_secretariat");
    for (args, says) in [
        ("lint --org /dev/zero", "the limit is 536870912 bytes"),
        (
            "decide --org tests/fixtures/demo/org.json --requests /dev/zero",
            "longer than 1048576 bytes",
        ),
    ] {
        // 1.2 GB of address space: the 512 MiB limit and the program, not one byte more of input.
        let script = format!("ulimit -v 1200000; exec {exe} {args}");
        let output = Command::new("bash")
            .args(["-c", &script])
            .current_dir(root())
            .output();
        let Ok(output) = output else {
            continue; // no bash: nothing to check here
        };
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args}: {stderr}");
        assert!(stderr.contains(says), "{args}: {stderr}");
    }
}
