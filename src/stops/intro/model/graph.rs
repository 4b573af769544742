//! The dependency graph drawn on the level's screen: the needed parts in rows, each row below
//! the parts it needs, ordered so the arrows between rows do not cross where they need not.

use std::collections::BTreeMap;

use super::StudioSpec;

/// The needed parts in rows: row 0 needs nothing; every other part sits one row below the
/// lowest part it needs. Within a row, parts are ordered near the parts they connect to.
pub fn layers(spec: &StudioSpec) -> Vec<Vec<String>> {
    let mut depth: BTreeMap<&str, usize> = BTreeMap::new();
    fn depth_of<'a>(
        spec: &'a StudioSpec,
        id: &'a str,
        memo: &mut BTreeMap<&'a str, usize>,
    ) -> usize {
        if let Some(&d) = memo.get(id) {
            return d;
        }
        // Validation rules out cycles; the guard keeps bad content from recursing forever.
        memo.insert(id, 0);
        let d = spec.part(id).map_or(0, |p| {
            p.requires
                .iter()
                .map(|r| depth_of(spec, r, memo) + 1)
                .max()
                .unwrap_or(0)
        });
        memo.insert(id, d);
        d
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    for part in spec.needed() {
        let d = depth_of(spec, &part.id, &mut depth);
        if rows.len() <= d {
            rows.resize(d + 1, Vec::new());
        }
        rows[d].push(part.id.clone());
    }
    rows.retain(|r| !r.is_empty());
    // Walk up from the parts nobody needs, through what each needs, in the file's order: the
    // walk keeps a chain's parts together, so each row follows the one below it.
    let mut walk: Vec<&str> = Vec::new();
    fn visit<'a>(spec: &'a StudioSpec, id: &'a str, walk: &mut Vec<&'a str>) {
        if walk.contains(&id) {
            return;
        }
        walk.push(id);
        if let Some(p) = spec.part(id) {
            for r in &p.requires {
                visit(spec, r, walk);
            }
        }
    }
    let is_needed_by_others = |id: &str| spec.needed().any(|p| p.requires.iter().any(|r| r == id));
    for part in spec.needed().filter(|p| !is_needed_by_others(&p.id)) {
        visit(spec, &part.id, &mut walk);
    }
    for row in &mut rows {
        row.sort_by_key(|id| walk.iter().position(|w| w == id));
    }
    rows
}

/// Each part's place across its row, from 0 to 1 (rows are spread evenly over the width).
pub fn positions(rows: &[Vec<String>]) -> BTreeMap<&str, f32> {
    let mut at = BTreeMap::new();
    for row in rows {
        for (i, id) in row.iter().enumerate() {
            at.insert(id.as_str(), (i as f32 + 0.5) / row.len() as f32);
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::intro::model::test_support::spec;

    #[test]
    fn every_part_sits_below_the_parts_it_needs() {
        let s = spec();
        let rows = layers(&s);
        let row_of = |id: &str| rows.iter().position(|r| r.iter().any(|x| x == id));
        assert_eq!(
            rows.iter().map(Vec::len).sum::<usize>(),
            s.needed().count(),
            "every needed part once, and no other"
        );
        for part in s.needed() {
            let row = row_of(&part.id).expect("placed");
            for r in &part.requires {
                assert!(row_of(r).expect("placed") < row, "{r} above {}", part.id);
            }
        }
        assert!(row_of("fax-machine").is_none());
    }

    #[test]
    fn the_bundled_graph_has_no_crossing_arrows() {
        let s = spec();
        let rows = layers(&s);
        let at = positions(&rows);
        let row_of = |id: &str| rows.iter().position(|r| r.iter().any(|x| x == id));
        // (rows joined, place at the top end, place at the bottom end)
        let edges: Vec<((Option<usize>, Option<usize>), f32, f32)> = s
            .needed()
            .flat_map(|p| {
                p.requires.iter().map(|r| {
                    (
                        (row_of(r), row_of(&p.id)),
                        at[r.as_str()],
                        at[p.id.as_str()],
                    )
                })
            })
            .collect();
        // Two arrows between the same rows cross when their ends swap order.
        let crossings = edges
            .iter()
            .enumerate()
            .flat_map(|(i, a)| edges[i + 1..].iter().map(move |b| (a, b)))
            .filter(|(a, b)| a.0 == b.0 && (a.1 - b.1) * (a.2 - b.2) < -1e-6)
            .count();
        assert_eq!(crossings, 0, "{rows:?}");
    }
}
