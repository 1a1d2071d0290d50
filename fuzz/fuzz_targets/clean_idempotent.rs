//! Fuzz target `clean_idempotent`: cleaning cleaned text changes nothing,
//! `clean(clean(x).text).text == clean(x).text`, on arbitrary UTF-8.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tifa::clean::{clean, CleanOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    let opts = CleanOptions::default();
    let once = clean(raw, &opts);
    let twice = clean(&once.text, &opts);
    assert_eq!(twice.text, once.text, "not idempotent on {raw:?}");
});
