//! The benchmark report: measurements with their budgets and verdicts, as a table on the
//! terminal, Markdown and JSON, ending with a one-line budget summary.

use std::fmt::Write as _;

use serde_json::json;

use crate::budgets;

/// The unit of one measurement divided by another.
pub const RATIO: &str = "×";

/// One measured value; a budget is always "at most".
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: String,
    pub section: String,
    pub label: String,
    pub value: f64,
    pub unit: String,
    pub budget: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    Met,
    Missed { by: f64 },
}

impl Row {
    /// A measurement with the budget its id has in [`budgets`].
    pub fn new(id: String, section: &str, label: String, value: f64, unit: &str) -> Row {
        Row {
            budget: budgets::budget(&id),
            id,
            section: section.to_string(),
            label,
            value,
            unit: unit.to_string(),
        }
    }

    pub fn verdict(&self) -> Option<Verdict> {
        let limit = self.budget?;
        Some(if self.value <= limit {
            Verdict::Met
        } else {
            Verdict::Missed {
                by: self.value - limit,
            }
        })
    }

    fn budget_text(&self) -> String {
        self.budget
            .map(|limit| format!("≤ {}", format_value(limit, &self.unit)))
            .unwrap_or_default()
    }

    fn verdict_text(&self) -> String {
        match self.verdict() {
            None => String::new(),
            Some(Verdict::Met) => "met".to_string(),
            Some(Verdict::Missed { by }) => format!("MISSED by {}", self.miss_text(by)),
        }
    }

    /// "266.1 KB (+133%)": a percentage only of a budget above zero.
    fn miss_text(&self, by: f64) -> String {
        let percent = self
            .budget
            .filter(|limit| *limit > 0.0)
            .map(|limit| format!(" (+{:.0}%)", by / limit * 100.0))
            .unwrap_or_default();
        format!("{}{percent}", format_value(by, &self.unit))
    }
}

/// Counts and whole numbers without decimals; ratios with two; times, sizes, rates and shares
/// with one.
pub fn format_value(value: f64, unit: &str) -> String {
    let decimals = match unit {
        "nodes" | "errors" | "transfers" | "bytes" => 0,
        RATIO => 2,
        _ => 1,
    };
    format!("{value:.decimals$} {unit}")
}

/// "Budgets: 7 of 12 met; missed: A by X, B by Y" (and any measurement that failed).
pub fn summary(rows: &[Row], failures: &[String]) -> String {
    let judged: Vec<&Row> = rows.iter().filter(|row| row.budget.is_some()).collect();
    let missed: Vec<String> = judged
        .iter()
        .filter_map(|row| match row.verdict() {
            Some(Verdict::Missed { by }) => Some(format!(
                "{} — {} by {}",
                row.section,
                row.label.trim(),
                row.miss_text(by)
            )),
            _ => None,
        })
        .collect();
    let mut line = format!(
        "Budgets: {} of {} met",
        judged.len() - missed.len(),
        judged.len()
    );
    if !missed.is_empty() {
        let _ = write!(line, "; MISSED: {}", missed.join("; "));
    }
    if !failures.is_empty() {
        let _ = write!(line, "; NOT MEASURED: {}", failures.join("; "));
    }
    line
}

/// The table as printed on the terminal, grouped by section.
pub fn text_table(rows: &[Row]) -> String {
    let mut out = String::new();
    let mut section = "";
    for row in rows {
        if row.section != section {
            section = &row.section;
            let _ = writeln!(out, "\n{section}");
        }
        let _ = writeln!(
            out,
            "  {:<66} {:>16} {:>16}  {}",
            row.label,
            format_value(row.value, &row.unit),
            row.budget_text(),
            row.verdict_text()
        );
    }
    out
}

pub fn markdown(title: &str, rows: &[Row], failures: &[String]) -> String {
    let mut out = format!(
        "# {title}\n\n| Section | Measurement | Value | Budget | Verdict |\n|---|---|---:|---:|---|\n"
    );
    for row in rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            row.section,
            row.label.trim(),
            format_value(row.value, &row.unit),
            row.budget_text(),
            row.verdict_text()
        );
    }
    let _ = writeln!(out, "\n{}", summary(rows, failures));
    out
}

pub fn json(title: &str, rows: &[Row], failures: &[String]) -> serde_json::Value {
    let measurements: Vec<_> = rows
        .iter()
        .map(|row| {
            json!({
                "id": row.id,
                "section": row.section,
                "label": row.label.trim(),
                "value": row.value,
                "unit": row.unit,
                "budget": row.budget,
                "verdict": match row.verdict() {
                    None => None,
                    Some(Verdict::Met) => Some("met"),
                    Some(Verdict::Missed { .. }) => Some("missed"),
                },
                "missed_by": match row.verdict() {
                    Some(Verdict::Missed { by }) => Some(by),
                    _ => None,
                },
            })
        })
        .collect();
    json!({
        "title": title,
        "measurements": measurements,
        "not_measured": failures,
        "summary": summary(rows, failures),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(value: f64, budget: Option<f64>, unit: &str) -> Row {
        Row {
            id: "x".into(),
            section: "Section".into(),
            label: "thing".into(),
            value,
            unit: unit.into(),
            budget,
        }
    }

    #[test]
    fn a_budget_is_met_up_to_and_including_its_limit() {
        assert_eq!(row(300.0, Some(300.0), "ms").verdict(), Some(Verdict::Met));
        assert_eq!(row(0.0, Some(0.0), "req/min").verdict(), Some(Verdict::Met));
        assert_eq!(row(1.0, None, "ms").verdict(), None);
    }

    #[test]
    fn a_miss_says_by_how_much() {
        let missed = row(466.1, Some(200.0), "KB");
        assert_eq!(
            missed.verdict(),
            Some(Verdict::Missed { by: 466.1 - 200.0 })
        );
        assert_eq!(missed.verdict_text(), "MISSED by 266.1 KB (+133%)");
        // No percentage of a zero budget.
        assert_eq!(
            row(2.0, Some(0.0), "req/min").verdict_text(),
            "MISSED by 2.0 req/min"
        );
    }

    #[test]
    fn the_summary_counts_budgets_and_names_misses_and_failures() {
        let rows = [
            row(466.1, Some(200.0), "KB"),
            row(10.0, Some(15.0), "ms"),
            row(3.0, None, "ms"),
        ];
        assert_eq!(
            summary(&rows, &[]),
            "Budgets: 1 of 2 met; MISSED: Section — thing by 266.1 KB (+133%)"
        );
        assert_eq!(
            summary(&rows[1..], &["app: chromedriver did not start".into()]),
            "Budgets: 1 of 1 met; NOT MEASURED: app: chromedriver did not start"
        );
    }

    #[test]
    fn counts_have_no_decimals() {
        assert_eq!(format_value(365.0, "nodes"), "365 nodes");
        assert_eq!(format_value(12.345, "ms"), "12.3 ms");
        assert_eq!(format_value(1.234, RATIO), "1.23 ×");
    }
}
