//! Straight double quotes are quotation marks too: each seed article with its Chinese quotes
//! typed as straight ones, and its lines ended by CRLF as Windows tools write them, gives the
//! same formulations as the original. The second method is the original text itself, whose
//! quotes need no pairing.

use tifa::clean::{clean, CleanOptions};
use tifa::slogans::extract;

/// The formulations found in the cleaned `raw`, in text order.
fn formulations(raw: &str) -> Vec<String> {
    let text = clean(raw, &CleanOptions::default()).text;
    extract(&text).into_iter().map(|m| m.normalized).collect()
}

#[test]
fn seeds_typed_with_straight_quotes_give_the_same_formulations() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 5);
    let mut total = 0;
    for path in paths {
        let raw = std::fs::read_to_string(&path).unwrap();
        let straight = raw.replace(['“', '”'], "\"").replace('\n', "\r\n");
        let want = formulations(&raw);
        assert_eq!(formulations(&straight), want, "{}", path.display());
        total += want.len();
    }
    // The seeds hold hundreds of mentions, most of them quoted.
    assert!(total > 300, "{total}");
}
