//! The results: printed as they come, written as JSON for `cargo xtask bench`'s report.

use std::path::Path;

use serde_json::json;

#[derive(Default)]
pub struct Measurements(Vec<serde_json::Value>);

impl Measurements {
    /// Records one value; `id` is what xtask's budgets refer to.
    pub fn add(&mut self, id: &str, section: &str, label: &str, value: f64, unit: &str) {
        println!("{section:<26} {label:<64} {value:>10.2} {unit}");
        self.0.push(json!({
            "id": id,
            "section": section,
            "label": label,
            "value": value,
            "unit": unit,
        }));
    }

    pub fn write_json(&self, path: &Path) -> std::io::Result<()> {
        std::fs::write(path, serde_json::to_string_pretty(&self.0)?)
    }
}

/// The median of some samples (the mean of the middle two for an even count).
pub fn median(samples: &[f64]) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        len if len % 2 == 1 => sorted[len / 2],
        len => (sorted[len / 2 - 1] + sorted[len / 2]) / 2.0,
    }
}
