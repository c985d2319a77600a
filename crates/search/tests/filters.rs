//! The timeline's filters and search's are one model: for the same URL, search finds
//! exactly the documents the timeline's filters keep.

mod common;

use letterbook_core::timeline::{self, Filter, TimelineQuery};
use letterbook_search::query::reader_query;
use letterbook_search::{search, Index, Sort};

#[test]
fn search_keeps_what_the_timelines_filters_keep() {
    let corr = common::model();
    let index = Index::new(corr, &[]);
    let mut checked = 0;
    for url in [
        "person=hull",
        "kind=telegram",
        "vol=frus1934v05",
        "from=1934-01-01&to=1934-06-30",
        "person=gresham",
        "kind=letter&from=1861-01-01&to=1870-12-31",
        "vol=frus1919Parisv01&kind=memorandum",
    ] {
        let q = TimelineQuery::parse(url);
        let f = Filter {
            person: q.person.as_deref().and_then(|k| corr.parties.find(k)),
            kind: q.kind,
            volume: q
                .volume
                .as_ref()
                .and_then(|v| corr.volumes.iter().position(|x| x == v).map(|i| i as u16)),
            from: q.from,
            to: q.to,
        };
        let sel = timeline::select(corr, &f, None);
        let mut want: Vec<u32> = sel.placed.iter().chain(&sel.undated).copied().collect();
        want.sort();
        let r = search(&index, corr, &reader_query(&q), Sort::Relevance);
        let mut got: Vec<u32> = r.hits.iter().map(|h| h.doc).collect();
        got.sort();
        assert!(!want.is_empty(), "{url} keeps nothing");
        assert_eq!(got, want, "{url}");
        checked += 1;
    }
    assert_eq!(checked, 7);
}
