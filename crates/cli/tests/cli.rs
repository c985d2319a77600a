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
    // Given together, the letter is linked to the telegram that carried Haig's letter.
    assert_eq!(
        lines[0]["links"],
        serde_json::json!([{"target": "frus1981-88v03-d73", "relation": "answers",
            "evidence": "your letter of July 10, 1981 + footnote 2: See Document 73."}])
    );
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
    assert!(out.contains("letter: Gromyko → Haig; handed over July 21, 1981 (from the source note), so written on or before; 3 footnotes (3 placed); pages 222–223"), "{out}");

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
    assert!(out.contains("1 document parsed from 2 files"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_tei_volume_is_one_json_line_per_document() {
    let vol = corpus().join("tei-volumes/frus1934v05.xml");
    let (code, out, err) = letterbook(&["parse", vol.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 639);
    assert_eq!(lines[0]["id"], "frus1934v05-d1");
    assert_eq!(lines[0]["date"]["iso"], "1934-01-05T18:00");
    assert_eq!(lines[0]["place"], "Santiago");
    assert_eq!(lines[0]["kind"], "telegram");
}

#[test]
fn check_and_toc_of_tei_volumes() {
    let vol = corpus().join("tei-volumes/frus1934v05.xml");
    let modern = corpus().join("tei-modern/frus1981-88v03-d72-d75.xml");
    let (code, out, _) = letterbook(&["check", vol.to_str().unwrap(), modern.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("639 documents, 712 footnotes, 533 page breaks"),
        "{out}"
    );
    assert!(out.contains("643 documents parsed from 2 files"), "{out}");

    let (code, out, _) = letterbook(&["toc", vol.to_str().unwrap()]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("frus1934v05 — Foreign Relations"),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1], "  Chile");
    assert!(
        lines[2].starts_with("    Efforts of the Department of State"),
        "{}",
        lines[2]
    );
    assert_eq!(
        lines[3],
        "      1. The Ambassador in Chile (Sevier) to the Acting Secretary of State (1934-01-05T18:00)"
    );

    // Diagnostics are counted by their code, not by their wording.
    let old = corpus().join("tei-volumes/frus1870.xml");
    let (code, out, _) = letterbook(&["check", "-v", old.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("    7 × suspect_date (first: date/@when=\"0201-07-04\""),
        "{out}"
    );
    assert!(out.contains("    1 × invalid_date"), "{out}");
    assert_eq!(out.matches("[suspect_date]").count(), 7, "{out}");

    let dir = std::env::temp_dir().join(format!("letterbook-cli-tei-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cut = dir.join("cut.xml");
    let bytes = std::fs::read(&vol).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let (code, out, _) = letterbook(&["check", cut.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("error: ") && out.contains("cut.xml:") && out.contains("ends inside"),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn check_holds_dates_against_the_register() {
    let pocom = corpus().join("../data/pocom");
    let vol = corpus().join("tei-volumes/frus1894Nicaragua.xml");
    // The table the app loads, written and read back.
    let (code, table, _) = letterbook(&["register", pocom.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(table.starts_with("letterbook-register 1\n"));
    let tmp = std::env::temp_dir().join(format!("letterbook-register-{}.tsv", std::process::id()));
    std::fs::write(&tmp, &table).unwrap();
    for register in [pocom.to_str().unwrap(), tmp.to_str().unwrap()] {
        let (code, out, err) =
            letterbook(&["check", "-v", "--register", register, vol.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        assert!(
            out.contains("1 × date_outside_office")
                && out.contains("Walter Quintin Gresham as Secretary of State")
                && out.contains("(frus1894Nicaragua-d40)"),
            "{out}"
        );
    }
    // Without the register nothing is said; a broken table is named.
    let (_, out, _) = letterbook(&["check", vol.to_str().unwrap()]);
    assert!(!out.contains("date_outside_office"));
    std::fs::write(&tmp, "letterbook-register 1\nT\t9\t9\t\t\n").unwrap();
    let (code, _, err) = letterbook(&[
        "check",
        "--register",
        tmp.to_str().unwrap(),
        vol.to_str().unwrap(),
    ]);
    assert_ne!(code, 0);
    assert!(
        err.contains(tmp.to_str().unwrap()) && err.contains(":2"),
        "{err}"
    );
    let _ = std::fs::remove_file(&tmp);
}

/// A fresh folder under target/ for a test's site.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The text of a site's precompressed copy (`.br` or `.gz`), as a browser reads it.
fn unpacked(path: &std::path::Path) -> String {
    use std::io::Read;
    let bytes = std::fs::read(path).unwrap();
    let mut out = String::new();
    if path.extension().is_some_and(|e| e == "br") {
        brotli::Decompressor::new(&bytes[..], 4096).read_to_string(&mut out)
    } else {
        flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut out)
    }
    .unwrap();
    out
}

#[test]
fn pack_writes_a_site_of_every_corpus_volume() {
    use letterbook_core::pack::{decode, decode_summary, manifest::sha256_hex, Manifest};
    let site = scratch("pack-corpus");
    let mut volumes: Vec<PathBuf> = std::fs::read_dir(corpus().join("tei-volumes"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    volumes.sort();
    assert_eq!(volumes.len(), 12);
    let seed = corpus().join("seed/frus1981-88v03-d74.txt");
    let app = scratch("pack-app");
    let page = "<!doctype html><html><head><meta charset=\"utf-8\" /><title>app</title></head><body></body></html>";
    std::fs::write(app.join("index.html"), page).unwrap();
    // Stale on purpose: the site's copies must be written again with the mark.
    std::fs::write(app.join("index.html.br"), b"stale").unwrap();
    std::fs::write(app.join("index.html.gz"), b"stale").unwrap();
    let mut args = vec![
        "pack".to_string(),
        "--out".into(),
        site.to_string_lossy().into(),
        "--title".into(),
        "The corpus".into(),
        "--app".into(),
        app.to_string_lossy().into(),
    ];
    args.extend(volumes.iter().map(|p| p.to_string_lossy().to_string()));
    args.push(seed.to_string_lossy().into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, _, err) = letterbook(&args);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("packed 12 volumes and 1 page text (4,874 documents)"),
        "{err}"
    );
    assert!(site.join("index.html").is_file(), "the app is copied in");
    // The site's page is marked as a site's, and so are its precompressed copies.
    let mark = r#"<meta name="letterbook-collection" content="collection.json" />"#;
    let marked = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(marked.contains(mark), "{marked}");
    assert_eq!(marked.matches("<title>app</title>").count(), 1);
    assert_eq!(unpacked(&site.join("index.html.br")), marked);
    assert_eq!(unpacked(&site.join("index.html.gz")), marked);
    // The manifest is sent compressed too.
    let json = std::fs::read_to_string(site.join("collection.json")).unwrap();
    assert_eq!(unpacked(&site.join("collection.json.br")), json);
    assert_eq!(unpacked(&site.join("collection.json.gz")), json);
    let manifest = Manifest::parse(&std::fs::read(site.join("collection.json")).unwrap()).unwrap();
    assert_eq!(manifest.title, "The corpus");
    assert_eq!(manifest.volumes.len(), 13);
    assert_eq!(manifest.documents, 4874);
    for (v, path) in manifest.volumes.iter().zip(volumes.iter()) {
        // The counts of the volume as the core reads it.
        let parsed =
            letterbook_core::parse_volume(&path.to_string_lossy(), &std::fs::read(path).unwrap())
                .unwrap();
        assert_eq!(v.id, parsed.volume.id);
        assert_eq!(v.documents, parsed.documents.len() as u64, "{}", v.id);
        let stats = letterbook_core::VolumeStats::of(&mut parsed.documents.iter());
        assert_eq!(
            (v.footnotes, v.pages),
            (stats.footnotes as u64, stats.pages as u64),
            "{}",
            v.id
        );
        assert_eq!((&v.from, &v.to), (&stats.first_date, &stats.last_date));
        let bytes = std::fs::read(site.join(&v.pack.path)).unwrap();
        assert_eq!(bytes.len() as u64, v.pack.bytes);
        assert_eq!(sha256_hex(&bytes), v.pack.sha256);
        assert!(v
            .pack
            .path
            .starts_with(&format!("packs/{}", &v.pack.sha256[..20])));
        assert!(
            decode(&bytes).unwrap()
                == letterbook_core::pack::Record {
                    volume: Some(parsed.volume),
                    documents: parsed.documents,
                    file: path.file_name().unwrap().to_string_lossy().into(),
                    errors: Vec::new(),
                    ends_early: None,
                    index: None,
                }
        );
    }
    let text = &manifest.volumes[12];
    assert_eq!(
        (text.id.as_str(), text.kind.as_str()),
        ("frus1981-88v03-d74", "text")
    );
    let summary = std::fs::read(site.join(&manifest.summary.path)).unwrap();
    assert_eq!(sha256_hex(&summary), manifest.summary.sha256);
    assert_eq!(decode_summary(&summary).unwrap().docs.len(), 4874);
    // The search index: its table of contents, checked, and every part it names.
    let index = manifest.search.as_ref().expect("a search index");
    let meta = std::fs::read(site.join(&index.path)).unwrap();
    assert_eq!(sha256_hex(&meta), index.sha256);
    let meta = letterbook_search::site::SiteMeta::read(&meta).unwrap();
    assert_eq!(meta.norms.len(), 4874);
    for p in meta
        .terms
        .iter()
        .map(|t| &t.path)
        .chain(meta.text.iter().map(|t| &t.path))
    {
        let bytes = std::fs::read(site.join(p)).unwrap();
        letterbook_search::site::check_part(p, &bytes).unwrap();
    }
    // The site answers every query as its sources do: the same total, the same ranking.
    let queries = scratch("pack-queries").join("queries.txt");
    std::fs::write(
        &queries,
        "\"secretary of state\" hull\nco-operation\ntrea*\nkind:telegram japan\nin:notes tariff\n\"soviet union\" gromyko\n",
    )
    .unwrap();
    let run = |sources: Vec<String>| {
        let mut args = vec![
            "search".to_string(),
            "--json".into(),
            "--limit".into(),
            "20".into(),
            "--queries".into(),
            queries.to_string_lossy().into(),
        ];
        args.extend(sources);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = letterbook(&args);
        assert_eq!(code, 0, "{err}");
        out.lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                (
                    v["total"].clone(),
                    v["hits"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|h| h["id"].clone())
                        .collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
    };
    let mut sources: Vec<String> = volumes
        .iter()
        .map(|p| p.to_string_lossy().to_string())
        .collect();
    sources.push(seed.to_string_lossy().into());
    let from_sources = run(sources);
    let from_site = run(vec![site.to_string_lossy().into()]);
    assert_eq!(from_sources.len(), 6);
    assert_eq!(from_sources, from_site);
    // The letter is the one page text: Gromyko's own words find it first.
    assert_eq!(from_site[5].1[0], "frus1981-88v03-d74");
}

#[test]
fn search_answers_each_query_on_one_json_line() {
    let v = corpus().join("tei-volumes/frus1934v05.xml");
    let seed = corpus().join("seed/frus1981-88v03-d74.txt");
    let (code, out, err) = letterbook(&[
        "search",
        "--json",
        "--limit",
        "3",
        "-q",
        "\"Secretary of State\" -telegram",
        v.to_str().unwrap(),
        seed.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let line: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(line["query"], "\"Secretary of State\" -telegram");
    let total = line["total"].as_u64().unwrap();
    assert!(total > 3, "{line}");
    let hits = line["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 3);
    assert!(hits[0]["id"].as_str().unwrap().starts_with("frus1934v05-d"));
    assert!(hits[0]["score"].as_f64().unwrap() >= hits[1]["score"].as_f64().unwrap());
    assert!(line["micros"].as_u64().is_some());
    // Hostile queries are answered, and say what was read otherwise.
    let (code, out, _) = letterbook(&[
        "search",
        "--json",
        "-q",
        "kind:memorial ((( \"\"\" hull:",
        seed.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let line: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert!(
        line["notices"][0].as_str().unwrap().contains("not a kind"),
        "{line}"
    );
    // A hit in a note says so in the text form.
    let (code, out, _) = letterbook(&[
        "search",
        "-q",
        "in:notes typed signature",
        seed.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("1 document"), "{out}");
    assert!(out.contains("[note"), "{out}");
    // Nothing to search is an error.
    let (code, _, err) = letterbook(&["search", "-q", "x", "/no/such/file.xml"]);
    assert_eq!(code, 1);
    assert!(err.contains("/no/such/file.xml"), "{err}");
}

#[test]
fn pack_reports_and_skips_bad_sources() {
    let work = scratch("pack-bad");
    let nicaragua = corpus().join("tei-volumes/frus1894Nicaragua.xml");
    let xml = std::fs::read_to_string(&nicaragua).unwrap();
    let cut = work.join("frus1894Nicaragua-cut.xml");
    std::fs::write(&cut, &xml[..xml.len() / 2]).unwrap();
    let broken = work.join("broken.xml");
    std::fs::write(&broken, "<TEI><teiHeader></TEI>").unwrap();
    let notes = work.join("notes.txt");
    std::fs::write(&notes, "Shopping list\n\nmilk\n").unwrap();
    let site = work.join("site");
    let (code, _, err) = letterbook(&[
        "pack",
        "--out",
        &site.to_string_lossy(),
        &nicaragua.to_string_lossy(),
        &cut.to_string_lossy(),
        &broken.to_string_lossy(),
        &notes.to_string_lossy(),
        &nicaragua.to_string_lossy(),
    ]);
    assert_eq!(code, 1, "{err}");
    let skipped: Vec<&str> = err.lines().filter(|l| l.starts_with("skipped: ")).collect();
    assert_eq!(skipped.len(), 4, "{err}");
    // Each with its place: file:line:column.
    let place = regex_lite::Regex::new(r"^skipped: \S+:\d+:\d+: ").unwrap();
    for (l, file) in
        skipped
            .iter()
            .take(3)
            .zip(["frus1894Nicaragua-cut.xml", "broken.xml", "notes.txt"])
    {
        assert!(l.contains(file), "{l}");
        assert!(place.is_match(l), "{l}");
    }
    assert!(
        skipped[3].contains("frus1894Nicaragua is already packed"),
        "{}",
        skipped[3]
    );
    assert!(
        err.contains("packed 1 volume and 0 page texts (138 documents)"),
        "{err}"
    );
    assert!(err.contains("; 4 sources skipped"), "{err}");
    let manifest = letterbook_core::pack::Manifest::parse(
        &std::fs::read(site.join("collection.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(manifest.volumes.len(), 1);
    // Nothing packable at all: an error, and no manifest.
    let empty = work.join("empty-site");
    let (code, _, err) = letterbook(&[
        "pack",
        "--out",
        &empty.to_string_lossy(),
        &notes.to_string_lossy(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("error: nothing to pack"), "{err}");
    assert!(!empty.join("collection.json").exists());
    // The app copied onto itself or into itself: refused before anything is written.
    let app = work.join("app");
    std::fs::create_dir_all(&app).unwrap();
    std::fs::write(app.join("index.html"), "<!doctype html>").unwrap();
    for out in [app.clone(), app.join("site")] {
        let (code, _, err) = letterbook(&[
            "pack",
            "--out",
            &out.to_string_lossy(),
            "--app",
            &app.to_string_lossy(),
            &nicaragua.to_string_lossy(),
        ]);
        assert_eq!(code, 1);
        assert!(err.contains("overlap"), "{err}");
        assert_eq!(
            std::fs::read_to_string(app.join("index.html")).unwrap(),
            "<!doctype html>"
        );
        assert!(!out.join("collection.json").exists());
    }
}

#[test]
fn the_same_sources_make_the_same_site_wherever_they_lie() {
    let work = scratch("pack-twice");
    let here = work.join("here");
    let there = work.join("elsewhere/deeper");
    for dir in [&here, &there] {
        std::fs::create_dir_all(dir).unwrap();
        for f in ["frus1894Nicaragua.xml", "frus1872p2v5.xml"] {
            std::fs::copy(corpus().join("tei-volumes").join(f), dir.join(f)).unwrap();
        }
    }
    let mut sites = Vec::new();
    for (dir, name) in [(&here, "site-a"), (&there, "site-b")] {
        let site = work.join(name);
        let (code, _, err) = letterbook(&[
            "pack",
            "--out",
            &site.to_string_lossy(),
            &dir.join("frus1894Nicaragua.xml").to_string_lossy(),
            &dir.join("frus1872p2v5.xml").to_string_lossy(),
        ]);
        assert_eq!(code, 0, "{err}");
        sites.push(std::fs::read_to_string(site.join("collection.json")).unwrap());
    }
    assert_eq!(
        sites[0], sites[1],
        "the manifests (and so every hash) differ"
    );
}

#[test]
fn pack_makes_a_kiosk_site_from_its_settings_and_refuses_bad_ones() {
    let work = scratch("pack-kiosk");
    let nicaragua = corpus().join("tei-volumes/frus1894Nicaragua.xml");
    let nic = nicaragua.to_string_lossy();
    let pack = |toml: &str, name: &str| {
        let file = work.join(format!("{name}.toml"));
        std::fs::write(&file, toml).unwrap();
        let site = work.join(name);
        let out = letterbook(&[
            "pack",
            "--level",
            "3",
            "--out",
            &site.to_string_lossy(),
            "--kiosk",
            &file.to_string_lossy(),
            &nic,
        ]);
        (out, site)
    };
    let ((code, _, err), site) = pack(
        "pin = \"0427\"\nfeatured = [\"frus1894Nicaragua-d40\", \"frus1894Nicaragua-d12\"]\nidle_browse_secs = 45\n",
        "good",
    );
    assert_eq!(code, 0, "{err}");
    let manifest = letterbook_core::pack::Manifest::parse(
        &std::fs::read(site.join("collection.json")).unwrap(),
    )
    .unwrap();
    let kiosk = manifest.kiosk.expect("the manifest carries the kiosk");
    assert!(kiosk.pin_matches("0427") && !kiosk.pin_matches("0000"));
    assert_eq!(
        kiosk.featured,
        ["frus1894Nicaragua-d40", "frus1894Nicaragua-d12"]
    );
    assert_eq!((kiosk.idle_browse_secs, kiosk.idle_reading_secs), (45, 120));
    let json = std::fs::read_to_string(site.join("collection.json")).unwrap();
    assert!(!json.contains("0427"), "the PIN is not written in clear");

    // Each mistake named with its file (and line, for the syntax).
    for (toml, name, said) in [
        ("pin = 427\n", "number", "bad-number.toml"),
        ("pin = \"04270\"\n", "digits", "not four digits"),
        (
            "pin = \"0427\"\ncountdown_secs = 5\n",
            "short",
            "countdown_secs: 5 s is too short",
        ),
        (
            "pin = \"0427\"\nidle = 3\n",
            "unknown",
            "unknown field `idle`",
        ),
        (
            "pin = \"0427\"\nfeatured = [\"frus1894Nicaragua-d9999\"]\n",
            "missing",
            "featured documents not in the collection: frus1894Nicaragua-d9999",
        ),
        ("pin = \"0427\n", "syntax", "line 1"),
    ] {
        let ((code, _, err), site) = pack(toml, &format!("bad-{name}"));
        assert_ne!(code, 0, "{name}: {err}");
        assert!(err.contains(said), "{name}: {err}");
        assert!(err.contains(&format!("bad-{name}.toml")), "{name}: {err}");
        assert!(!site.join("collection.json").exists(), "{name}");
    }
}
