//! Order-of-growth checks shared by tests/regression.rs and
//! tests/fuzz_properties.rs: eight times the text must take less than 32
//! times as long (linear: 8; a quadratic stage: 64). This checks how time
//! grows, not speed (that is measured in benches/); the margin is wide and
//! each size takes the fastest of five runs because the test shares the
//! machine with the rest of the suite.

use std::time::{Duration, Instant};

use stance::{Article, Engine};

/// Below this, timings are too small to compare.
const FLOOR: Duration = Duration::from_millis(300);

/// The fastest of five runs of the engine on `text`.
fn time(engine: &Engine, text: &str) -> Duration {
    let article = Article::new("a", text);
    (0..5)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(engine.score(&article));
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// `make(8 * base)` takes less than 32 times as long as `make(base)`.
pub fn assert_linear(engine: &Engine, what: &str, make: impl Fn(usize) -> String, base: usize) {
    let small = time(engine, &make(base));
    let large = time(engine, &make(8 * base));
    assert!(
        large < (small * 32).max(FLOOR),
        "{what}: size {base} took {small:?}, 8 times as much {large:?}"
    );
}
