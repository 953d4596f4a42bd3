//! Loading a user's lexicon file of any content: no panic; an error names the
//! file and a line of it; lexicons that load score articles without panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    checks::lexicon(data);
});
