//! Every address of the app and every fragment it answers, in one place: views build
//! hrefs with [`Route`] and [`Fragment`], never with `format!`, so an address that works
//! today keeps working when a route changes.
//!
//! Routes: `/`, `/volume/frus1934v05`, `/volume/frus1934v05/page/24`,
//! `/read/frus1934v05-d127` (+ `?q=…` to show a search's hits, + `#fn2`, `#fnref2`,
//! `#pg_24`), `/timeline?…` and `/search?…` (one query for both: the core's
//! `TimelineQuery`, whose codec has native tests there).

use letterbook_core::timeline::TimelineQuery;
use letterbook_core::DocId;

/// A place in a document view, named by the URL's fragment and by an element's id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fragment {
    /// `#fn2`: footnote 2, open at its marker.
    Note(u32),
    /// `#fnref2`: the marker of footnote 2, focused.
    Marker(u32),
    /// `#pg_222`: where printed page 222 begins.
    Page(String),
    /// `#toc-d12`: a document's line in its volume's contents.
    Contents(String),
}

impl Fragment {
    /// Reads a fragment, with or without its `#`.
    pub fn parse(s: &str) -> Option<Fragment> {
        let s = s.strip_prefix('#').unwrap_or(s);
        let number = |n: &str| n.parse::<u32>().ok();
        if let Some(n) = s.strip_prefix("fnref") {
            return number(n).map(Fragment::Marker);
        }
        if let Some(n) = s.strip_prefix("fn") {
            return number(n).map(Fragment::Note);
        }
        if let Some(p) = s.strip_prefix("pg_").filter(|p| !p.is_empty()) {
            return Some(Fragment::Page(p.to_string()));
        }
        s.strip_prefix("toc-")
            .filter(|d| !d.is_empty())
            .map(|d| Fragment::Contents(d.to_string()))
    }

    /// The fragment without `#`; also the id of the element it names, except for
    /// [`Fragment::Note`], whose element is the marker it opens at.
    pub fn id(&self) -> String {
        match self {
            Fragment::Note(k) => format!("fn{k}"),
            Fragment::Marker(k) => format!("fnref{k}"),
            Fragment::Page(p) => format!("pg_{p}"),
            Fragment::Contents(d) => format!("toc-{d}"),
        }
    }

    /// `#fn2`: a link to this place in the current page.
    pub fn href(&self) -> String {
        format!("#{}", self.id())
    }

    /// The page fragment of a document in its volume's contents (`#toc-d12`).
    pub fn contents_of(doc_id: &str) -> Fragment {
        let local = DocId::parse(doc_id).map_or_else(
            || doc_id.rsplit('-').next().unwrap_or(doc_id).to_string(),
            |d| d.local(),
        );
        Fragment::Contents(local)
    }
}

/// A page of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    /// `/`: what is open, and the file picker.
    Library,
    /// `/volume/:vol`, perhaps at a fragment (`#toc-d12`).
    Volume { id: String, at: Option<Fragment> },
    /// `/volume/:vol/page/:n`: the document where printed page `n` begins.
    VolumePage { id: String, page: String },
    /// `/read/:id`, perhaps at a fragment, perhaps with a search's words (`?q=`) whose
    /// hits it marks.
    Read {
        id: String,
        at: Option<Fragment>,
        hits: Option<String>,
    },
    /// `/timeline` with what the reader chose (lanes, filters, view, selection).
    Timeline(TimelineQuery),
    /// `/search` with the words and filters (the timeline's query: one model).
    Search(TimelineQuery),
}

impl Route {
    /// Reads a path with its query and fragment (`/read/frus1934v05-d127#fn2`). Unknown
    /// paths give `None` (the not-found page).
    pub fn parse(url: &str) -> Option<Route> {
        let (rest, fragment) = match url.split_once('#') {
            Some((r, f)) => (r, Some(f)),
            None => (url, None),
        };
        let (path, query) = match rest.split_once('?') {
            Some((p, q)) => (p, q),
            None => (rest, ""),
        };
        let at = fragment.and_then(Fragment::parse);
        let parts: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
        match parts.as_slice() {
            [] | [""] => Some(Route::Library),
            ["volume", id] if !id.is_empty() => Some(Route::Volume {
                id: id.to_string(),
                at,
            }),
            ["volume", id, "page", page] if !id.is_empty() && !page.is_empty() => {
                Some(Route::VolumePage {
                    id: id.to_string(),
                    page: page.to_string(),
                })
            }
            ["read", id] if !id.is_empty() => Some(Route::Read {
                id: id.to_string(),
                at,
                hits: Some(TimelineQuery::parse(query).text).filter(|q| !q.trim().is_empty()),
            }),
            ["timeline"] => Some(Route::Timeline(TimelineQuery::parse(query))),
            ["search"] => Some(Route::Search(TimelineQuery::parse(query))),
            _ => None,
        }
    }

    /// The address of this route.
    pub fn href(&self) -> String {
        let with = |base: String, at: &Option<Fragment>| match at {
            Some(f) => format!("{base}{}", f.href()),
            None => base,
        };
        match self {
            Route::Library => LIBRARY.to_string(),
            Route::Volume { id, at } => with(format!("/volume/{id}"), at),
            Route::VolumePage { id, page } => format!("/volume/{id}/page/{page}"),
            Route::Read { id, at, hits } => {
                let words = TimelineQuery {
                    text: hits.clone().unwrap_or_default(),
                    ..Default::default()
                }
                .format();
                let q = if words.is_empty() {
                    String::new()
                } else {
                    format!("?{words}")
                };
                with(format!("/read/{id}{q}"), at)
            }
            Route::Timeline(q) => match q.format() {
                query if query.is_empty() => TIMELINE.to_string(),
                query => format!("{TIMELINE}?{query}"),
            },
            Route::Search(q) => match q.format() {
                query if query.is_empty() => SEARCH.to_string(),
                query => format!("{SEARCH}?{query}"),
            },
        }
    }
}

/// The library: what is open, and the file picker.
pub const LIBRARY: &str = "/";

/// The timeline's path (the router's and the URL mirror's).
pub const TIMELINE: &str = "/timeline";

/// Search's path.
pub const SEARCH: &str = "/search";

/// Search for the reader's query.
pub fn search_href(q: &TimelineQuery) -> String {
    Route::Search(q.clone()).href()
}

/// The timeline over the reader's query (its words and filters; no view, no selection).
pub fn timeline_href_of(q: &TimelineQuery) -> String {
    Route::Timeline(TimelineQuery {
        sort: q.sort.clone(),
        ..q.clone()
    })
    .href()
}

/// A document with a search's hits marked (`/read/<id>?q=…`).
pub fn hits_href(id: &str, words: &str) -> String {
    Route::Read {
        id: id.to_string(),
        at: None,
        hits: Some(words.to_string()).filter(|w| !w.trim().is_empty()),
    }
    .href()
}

/// The timeline with one document selected (and centred): the reader's way there.
pub fn timeline_href_for(id: &str) -> String {
    Route::Timeline(TimelineQuery {
        selected: Some(id.to_string()),
        ..Default::default()
    })
    .href()
}

/// `/read/<id>`, or `/read/<id>#pg_<page>` at a printed page.
pub fn doc_href(id: &str, page: Option<&str>) -> String {
    Route::Read {
        id: id.to_string(),
        at: page.map(|p| Fragment::Page(p.to_string())),
        hits: None,
    }
    .href()
}

/// `/volume/<id>`.
pub fn volume_href(id: &str) -> String {
    Route::Volume {
        id: id.to_string(),
        at: None,
    }
    .href()
}

/// Element ids of a document view that no address names.
pub mod ids {
    /// The popover shared by notes, people and terms.
    pub const POPOVER: &str = "fn-popover";

    /// The `k`-th person or term button of the view.
    pub fn entity(k: u32) -> String {
        format!("ent{k}")
    }

    /// Footnote `index` in the list of notes below the text.
    pub fn note(index: u32) -> String {
        format!("note-{index}")
    }

    /// The text of footnote `index` in that list (what its marker is described by).
    pub fn note_text(index: u32) -> String {
        format!("note-{index}-text")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_address_of_today_reads_and_writes_back() {
        for url in [
            "/",
            "/volume/frus1934v05",
            "/volume/frus1934v05#toc-d12",
            "/volume/frus1934v05/page/24",
            "/read/frus1934v05-d127",
            "/read/frus1934v05-d127#fn2",
            "/read/frus1981-88v03-d74#fnref3",
            "/read/frus1934v05-d20#pg_24",
            "/timeline",
            "/timeline?person=hull&kind=telegram",
            "/timeline?person=gromyko&kind=telegram&q=department",
            "/timeline?sel=frus1981-88v03-d74",
            "/timeline?from=1981-07-11&to=1981-07-31",
            "/timeline?lane=volume",
            "/timeline?view=list",
            "/search?q=treaty",
            "/search?kind=telegram&q=%22secretary%20of%20state%22&sender=hull%7Cc&sort=date",
            "/read/frus1934v05-d127?q=silver",
            "/read/frus1934v05-d127?q=%22the%20treaty%22#fn2",
        ] {
            let r = Route::parse(url).unwrap_or_else(|| panic!("{url}"));
            assert_eq!(r.href(), url);
        }
        assert_eq!(
            Route::parse("/read/frus1934v05-d127#fn2"),
            Some(Route::Read {
                id: "frus1934v05-d127".into(),
                at: Some(Fragment::Note(2)),
                hits: None,
            })
        );
        assert_eq!(
            timeline_href_for("frus1981-88v03-d74"),
            "/timeline?sel=frus1981-88v03-d74"
        );
        assert_eq!(timeline_href_for("a b~c/d"), "/timeline?sel=a%20b~c%2Fd");
        assert_eq!(Route::parse("/nowhere/x"), None);
        assert_eq!(Route::parse("/read/"), None);
    }

    #[test]
    fn fragments() {
        assert_eq!(Fragment::parse("#fn12"), Some(Fragment::Note(12)));
        assert_eq!(Fragment::parse("fnref3"), Some(Fragment::Marker(3)));
        assert_eq!(
            Fragment::parse("#pg_XII"),
            Some(Fragment::Page("XII".into()))
        );
        assert_eq!(Fragment::parse("#fnx"), None);
        assert_eq!(Fragment::parse("#pg_"), None);
        assert_eq!(Fragment::parse(""), None);
        assert_eq!(
            Fragment::contents_of("frus1981-88v03-d74").href(),
            "#toc-d74"
        );
        assert_eq!(
            doc_href("frus1934v05-d20", Some("24")),
            "/read/frus1934v05-d20#pg_24"
        );
        assert_eq!(volume_href("frus1934v05"), "/volume/frus1934v05");
        assert_eq!(
            hits_href("frus1934v05-d1", "co-operation"),
            "/read/frus1934v05-d1?q=co-operation"
        );
        assert_eq!(hits_href("frus1934v05-d1", "  "), "/read/frus1934v05-d1");
    }
}
