//! Measurements divided by others of the same run: a ratio compares like with like on the same
//! machine at the same moment, which an absolute figure on a shared machine cannot.

use crate::budgets::{PACKAGES, SHARING};
use crate::report::{Row, RATIO};

/// `(id, section, label, numerator id, denominator id)`.
const RATIOS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "sharing.ours_to_vanilla",
        SHARING,
        "ours ÷ vanilla DOM, response received → rows painted (medians)",
        "sharing.response_to_painted_ms",
        "sharing.vanilla_response_to_painted_ms",
    ),
    (
        "packages.cold_to_warm",
        PACKAGES,
        "cold ÷ warm load, navigation start → rows painted (medians)",
        "packages.cold.median_ms",
        "packages.warm.median_ms",
    ),
];

/// The ratios whose two measurements are both in `rows` (and the divisor is not zero).
pub fn ratios(rows: &[Row]) -> Vec<Row> {
    let value = |id: &str| rows.iter().find(|row| row.id == id).map(|row| row.value);
    RATIOS
        .iter()
        .filter_map(|(id, section, label, numerator, denominator)| {
            let (numerator, denominator) = (value(numerator)?, value(denominator)?);
            (denominator > 0.0).then(|| {
                Row::new(
                    id.to_string(),
                    section,
                    label.to_string(),
                    numerator / denominator,
                    RATIO,
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measured(id: &str, value: f64) -> Row {
        Row::new(id.to_string(), SHARING, id.to_string(), value, "ms")
    }

    #[test]
    fn ratios_of_the_measurements_present_with_their_budgets() {
        let rows = [
            measured("sharing.response_to_painted_ms", 13.0),
            measured("sharing.vanilla_response_to_painted_ms", 10.0),
            measured("packages.cold.median_ms", 250.0),
        ];
        let ratios = ratios(&rows);
        assert_eq!(ratios.len(), 1, "no warm load, no cold ÷ warm");
        assert_eq!(ratios[0].id, "sharing.ours_to_vanilla");
        assert!((ratios[0].value - 1.3).abs() < 1e-9);
        assert_eq!(ratios[0].budget, Some(1.3));
        assert_eq!(ratios[0].unit, RATIO);
    }

    #[test]
    fn no_ratio_over_zero() {
        let rows = [
            measured("packages.cold.median_ms", 250.0),
            measured("packages.warm.median_ms", 0.0),
        ];
        assert!(ratios(&rows).is_empty());
    }
}
