//! Fuzz target `slogans`: the formulation/slogan extractor and the expansion finder on
//! arbitrary UTF-8. Every mention's offsets are char boundaries with
//! `surface == text[start..end]`; nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use tifa::slogans::{expand, extract, extract_with_lexicon, Lexicon, Mention};

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::builtin)
}

fn check(text: &str, mentions: &[Mention]) {
    for m in mentions {
        assert!(
            m.start <= m.end && m.end <= text.len(),
            "range {}..{} in {} bytes",
            m.start,
            m.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(m.start),
            "start {} not a char boundary",
            m.start
        );
        assert!(
            text.is_char_boundary(m.end),
            "end {} not a char boundary",
            m.end
        );
        assert_eq!(
            m.surface,
            &text[m.start..m.end],
            "surface differs from text[start..end]"
        );
        let _ = expand(text, m);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check(text, &extract(text));
    check(text, &extract_with_lexicon(text, lexicon()));
});
