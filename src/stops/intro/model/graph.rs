//! The dependency graph drawn on the level's screen: the needed parts in rows, each row below
//! the parts it needs, ordered so the arrows between rows cross as little as possible.

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
    // A few sweeps of the barycentre method: each part moves to the mean position of the parts
    // it is joined to, down the rows, then up.
    for sweep in 0..6 {
        let order: Vec<usize> = if sweep % 2 == 0 {
            (1..rows.len()).collect()
        } else {
            (0..rows.len().saturating_sub(1)).rev().collect()
        };
        for r in order {
            let at = positions(&rows);
            let mut keyed: Vec<(f32, usize, String)> = rows[r]
                .iter()
                .enumerate()
                .map(|(i, id)| {
                    let joined: Vec<f32> = neighbours(spec, id)
                        .filter_map(|n| at.get(n.as_str()).copied())
                        .collect();
                    let own = at.get(id.as_str()).copied().unwrap_or(0.5);
                    let key = if joined.is_empty() {
                        own
                    } else {
                        joined.iter().sum::<f32>() / joined.len() as f32
                    };
                    (key, i, id.clone())
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            rows[r] = keyed.into_iter().map(|(_, _, id)| id).collect();
        }
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

/// The parts `id` needs and the needed parts that need it.
fn neighbours<'a>(spec: &'a StudioSpec, id: &'a str) -> impl Iterator<Item = &'a String> + 'a {
    let needs = spec.part(id).into_iter().flat_map(|p| p.requires.iter());
    let users = spec
        .needed()
        .filter(move |p| p.requires.iter().any(|r| r == id))
        .map(|p| &p.id);
    needs.chain(users)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> StudioSpec {
        crate::tour::model::content::bundled_file::<StudioSpec>().expect("bundled content")
    }

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
