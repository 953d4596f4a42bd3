//! Attribution and the whole engine on any text: no panic; every statement's
//! content and speaker lie within the text, and every row's offsets find its
//! text again.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    checks::attribution(&String::from_utf8_lossy(data));
});
