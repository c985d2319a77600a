//! The register of office-holders (`../shared/data/pocom`) read whole, kept as the compact
//! table the app loads, and held against every dated document of the twelve corpus
//! volumes: a date outside its own people's terms of office is flagged, with what the
//! register says.

mod common;

use letterbook_core::register::{pocom, table, tenure_check};
use letterbook_core::{parse_volume, DiagnosticCode};

#[test]
fn the_register_reads_whole_and_keeps_as_a_table() {
    let reg = pocom::read_dir(&common::pocom()).expect("POCOM");
    // Counts of the copy in shared/ (README: 4,261 people; 1,293 principal and 5,743
    // chief-of-mission terms, a few naming nobody listed).
    assert_eq!(reg.people().len(), 4261);
    assert!(reg.tenures().len() > 6900, "{}", reg.tenures().len());
    let hull = reg
        .with_surname("Hull")
        .iter()
        .find(|&&p| reg.people()[p as usize].forename == "Cordell")
        .copied()
        .expect("Cordell Hull");
    let offices: Vec<&str> = reg
        .tenures_of(hull)
        .map(|t| reg.offices()[t.office as usize].as_str())
        .collect();
    assert!(offices.contains(&"Secretary of State"), "{offices:?}");

    let text = table::write(&reg);
    let back = table::read("register.tsv", &text).expect("table");
    assert_eq!(back, reg);
    // The copy the app serves is this table: remake it with
    // `letterbook register ../shared/data/pocom > assets/register.tsv`.
    let shipped =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/register.tsv");
    assert!(
        std::fs::read_to_string(&shipped).ok().as_deref() == Some(text.as_str()),
        "{} is not the table of ../shared/data/pocom; remake it with \
         `letterbook register ../shared/data/pocom > assets/register.tsv`",
        shipped.display()
    );
    println!(
        "register: {} people, {} offices, {} terms; table {} bytes",
        reg.people().len(),
        reg.offices().len(),
        reg.tenures().len(),
        text.len()
    );
}

#[test]
fn dates_the_documents_own_people_contradict_are_flagged() {
    let reg = pocom::read_dir(&common::pocom()).expect("POCOM");
    let mut flagged = Vec::new();
    let mut dated = 0;
    for path in common::tei_volumes() {
        let v = parse_volume(&path.to_string_lossy(), &std::fs::read(&path).unwrap()).unwrap();
        for mut d in v.documents {
            dated += usize::from(d.date.is_some());
            tenure_check::flag(&mut d, &reg);
            if let Some(w) = d
                .diagnostics
                .iter()
                .find(|w| w.code == DiagnosticCode::DateOutsideOffice)
            {
                println!("{}: {}", d.id, w.message);
                flagged.push(d.id.clone());
            }
        }
    }
    println!("{} of {dated} dated documents flagged", flagged.len());
    // The one the edition misdates (Gresham and Bayard took office in 1893; "1891" is a
    // misprint of 1894). Any new flag is a finding to read before it joins this list.
    assert_eq!(flagged, ["frus1894Nicaragua-d40"]);
}
