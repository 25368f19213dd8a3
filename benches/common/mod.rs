//! The benchmarks' shared inputs (benches/inputs.json, also read by tests/bench/), in a
//! subfolder so that cargo does not take it for a bench target of its own.
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Inputs {
    /// Post lengths in characters; the per-rule bench uses only the 3,000 of the budget.
    #[allow(dead_code)]
    pub lengths: Vec<usize>,
    /// Realistic mixed text: "risky" is ordinary professional posting with a few risky
    /// sentences, "safe" has none (but near-misses like Scunthorpe and Penistone).
    pub bases: Vec<Base>,
}

#[derive(Deserialize)]
pub struct Base {
    pub name: String,
    pub text: String,
}

pub fn inputs() -> Inputs {
    serde_json::from_str(include_str!("../inputs.json")).expect("benches/inputs.json")
}

/// `base` repeated and cut to exactly `chars` characters.
pub fn post(base: &str, chars: usize) -> String {
    base.chars().cycle().take(chars).collect()
}
