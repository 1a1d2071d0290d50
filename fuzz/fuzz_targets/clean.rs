//! Fuzz target `clean`: the cleaner on arbitrary UTF-8. Paragraph ranges are char-boundary
//! ranges of the cleaned text, and every paragraph start maps back (`map.to_raw`) to a char
//! boundary of the raw text, within it; nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tifa::clean::{clean, CleanOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    let c = clean(raw, &CleanOptions::default());
    for p in &c.paragraphs {
        assert!(
            p.start <= p.end && p.end <= c.text.len(),
            "paragraph {p:?} outside {} bytes",
            c.text.len()
        );
        assert!(c.text.is_char_boundary(p.start) && c.text.is_char_boundary(p.end));
        let r = c.map.to_raw(p.start);
        assert!(
            r <= raw.len(),
            "paragraph start {} maps to {r} > {}",
            p.start,
            raw.len()
        );
        assert!(
            raw.is_char_boundary(r),
            "paragraph start {} maps to {r}, not a char boundary",
            p.start
        );
    }
});
