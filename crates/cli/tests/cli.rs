//! The `letterbook` command as a user runs it.

use std::path::PathBuf;
use std::process::Command;

fn corpus() -> PathBuf {
    std::env::var("LETTERBOOK_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
        })
}

fn letterbook(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_letterbook"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn parse_json_prints_one_line_per_document() {
    let seed = corpus().join("seed/frus1981-88v03-d74.txt");
    let d73 = corpus().join("txt-dev/frus1981-88v03-d73.txt");
    let (code, out, _) = letterbook(&[
        "parse",
        "--json",
        seed.to_str().unwrap(),
        d73.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "frus1981-88v03-d74");
    assert_eq!(lines[0]["footnotes"].as_array().unwrap().len(), 3);
    assert_eq!(lines[0]["date"]["source"], "source-note");
    assert_eq!(lines[1]["id"], "frus1981-88v03-d73");
    assert_eq!(lines[1]["kind"], "telegram");
    // Absent values are null or [], never omitted.
    for key in ["place", "links", "diagnostics", "refs", "pages"] {
        assert!(lines[0].get(key).is_some(), "{key} missing");
    }
}

#[test]
fn check_summarises_and_fails_on_errors() {
    let seed = corpus().join("seed/frus1981-88v03-d74.txt");
    let (code, out, _) = letterbook(&["check", seed.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("letter: Gromyko → Haig; July 21, 1981 (from the source note); 3 footnotes (3 placed); pages 222–223"), "{out}");

    let dir = std::env::temp_dir().join(format!("letterbook-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"Mr. A to Mr. B.\n\nSir: caf\xe9").unwrap();
    let (code, out, _) = letterbook(&["check", seed.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.contains("bad.txt:3:9: invalid UTF-8 (byte 0xE9)"),
        "{out}"
    );
    assert!(out.contains("1 of 2 documents parsed"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}
