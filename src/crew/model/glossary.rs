//! The glossary: every vocabulary word of the tour with the tour's own definition, in
//! alphabetical order, each marked when the student has met it (heard its stop's host
//! introduce it, or passed its stop's gate). Plain Rust.

use std::collections::BTreeSet;

use crate::tour::model::content::Tour;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryEntry {
    pub term: String,
    pub definition: String,
    /// The stop that teaches it, and its title.
    pub stop: u8,
    pub stop_title: String,
    pub met: bool,
}

/// Every word of the tour, A to Z. `met_stops` are the stops whose words count as met.
pub fn entries(tour: &Tour, met_stops: &BTreeSet<u8>) -> Vec<GlossaryEntry> {
    let mut out: Vec<GlossaryEntry> = tour
        .stops
        .iter()
        .flat_map(|stop| {
            stop.vocabulary.iter().map(|v| GlossaryEntry {
                term: v.term.clone(),
                definition: v.definition.clone(),
                stop: stop.number,
                stop_title: stop.title.clone(),
                met: met_stops.contains(&stop.number),
            })
        })
        .collect();
    out.sort_by_key(|e| e.term.to_lowercase());
    out
}

/// Entries whose term or definition holds `filter` (any case); all of them for "".
pub fn filtered<'a>(entries: &'a [GlossaryEntry], filter: &str) -> Vec<&'a GlossaryEntry> {
    let wanted = filter.trim().to_lowercase();
    entries
        .iter()
        .filter(|e| {
            wanted.is_empty()
                || e.term.to_lowercase().contains(&wanted)
                || e.definition.to_lowercase().contains(&wanted)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tour::model::content::bundled_file;

    #[test]
    fn every_word_of_the_tour_is_listed_once_in_order_and_met_by_its_stop() {
        let tour = bundled_file::<Tour>().expect("tour");
        let words: usize = tour.stops.iter().map(|s| s.vocabulary.len()).sum();
        let none = entries(&tour, &BTreeSet::new());
        assert_eq!(none.len(), words);
        assert!(none.iter().all(|e| !e.met));
        let terms: Vec<String> = none.iter().map(|e| e.term.to_lowercase()).collect();
        let mut sorted = terms.clone();
        sorted.sort();
        assert_eq!(terms, sorted);
        let met = entries(&tour, &BTreeSet::from([2]));
        let marked: Vec<&str> = met
            .iter()
            .filter(|e| e.met)
            .map(|e| e.term.as_str())
            .collect();
        let stop2: Vec<&str> = tour.stops[2]
            .vocabulary
            .iter()
            .map(|v| v.term.as_str())
            .collect();
        assert_eq!(marked.len(), stop2.len());
        assert!(marked.iter().all(|t| stop2.contains(t)), "{marked:?}");
    }

    #[test]
    fn the_filter_finds_words_by_term_or_definition() {
        let tour = bundled_file::<Tour>().expect("tour");
        let all = entries(&tour, &BTreeSet::new());
        assert_eq!(filtered(&all, "").len(), all.len());
        let frame = filtered(&all, "FRAME");
        assert!(frame.iter().any(|e| e.term == "Frame"), "{frame:?}");
        assert!(filtered(&all, "zzzz-not-a-word").is_empty());
    }
}
