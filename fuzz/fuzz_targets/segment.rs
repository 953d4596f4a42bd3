//! Segmentation of any text: no panic; every token, paragraph, sentence and
//! quote lies within the text, on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    checks::segment(&String::from_utf8_lossy(data));
});
