//! The budgets of the performance issue, by measurement id, and the order of the report's
//! sections. Every budget is "at most"; the measurements never assert them.

/// Sections in report order (rows of an unknown section go last).
pub const SECTIONS: &[&str] = &[
    BYTES,
    PACKAGES,
    SERVER,
    SHARING,
    PARTNER,
    EXPORT,
    "Polling (Sharing Status)",
    "Soak (Sharing Status)",
    BULK,
];
pub const BYTES: &str = "Bytes on the wire (first visit)";
pub const SERVER: &str = "Sharing Status, server (100,000 transfers)";
/// Written by the app bench (benches/app/loads.rs and paging.rs).
pub const PACKAGES: &str = "Packages table";
pub const SHARING: &str = "Sharing Status, 100 rows";
/// Written by the app bench (benches/app/export.rs).
pub const EXPORT: &str = "Export CSV (100,000 transfers)";
/// Written by the app bench (benches/app/partner.rs).
pub const PARTNER: &str = "Partner page (Globex)";
/// Written by the app bench (benches/app/bulk.rs).
pub const BULK: &str = "Bulk share (50 packages × 3 organizations)";

/// p95 of every server scenario, in ms.
const SERVER_P95_MS: f64 = 15.0;

const BUDGETS: &[(&str, f64)] = &[
    ("bytes.total.gzip", 300.0),
    ("packages.cold.median_ms", 300.0),
    // The app's own cost; request start → painted adds the server and is reported unbudgeted.
    ("sharing.response_to_painted_ms", 16.0),
    // The same rows in a few lines of plain DOM code, in the same page and browser.
    ("sharing.ours_to_vanilla", 1.3),
    // Every page of 100,000 transfers, on localhost.
    ("export.click_to_file_ms", 20_000.0),
    ("export.heap_growth_mb", 50.0),
    // The first page of a partner's list, however many transfers it has (the bench checks
    // at least 10,000): after a click in the app, and when its address is loaded.
    ("partner.click_to_painted_ms", 300.0),
    ("partner.load_to_painted_ms", 300.0),
    // One request per package, never one per organization or a repeat.
    ("bulk.requests", 50.0),
    // "Painted as answers arrive": each package's results within 100 ms of its answer, the
    // limit under which a change reads as immediate (RAIL's response budget).
    ("bulk.answer_to_painted_max_ms", 100.0),
    ("polling.idle_list_per_min", 0.0),
    // One list request per 5 s tick.
    ("polling.in_flight_list_per_min", 12.0),
    ("polling.in_flight_row_per_min", 0.0),
    ("polling.hidden_per_min", 0.0),
    ("soak.heap_growth_pct", 5.0),
    ("soak.dom_growth_pct", 5.0),
    ("soak.console_errors", 0.0),
];

pub fn budget(id: &str) -> Option<f64> {
    if id.starts_with("server.") && id.ends_with(".p95_ms") {
        return Some(SERVER_P95_MS);
    }
    BUDGETS
        .iter()
        .find(|(budgeted, _)| *budgeted == id)
        .map(|(_, limit)| *limit)
}

pub fn section_rank(section: &str) -> usize {
    SECTIONS
        .iter()
        .position(|known| *known == section)
        .unwrap_or(SECTIONS.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_server_p95_has_the_same_budget_and_p50s_none() {
        assert_eq!(budget("server.3.p95_ms"), Some(15.0));
        assert_eq!(budget("server.3.p50_ms"), None);
        assert_eq!(budget("polling.in_flight_list_per_min"), Some(12.0));
        assert_eq!(budget("packages.warm.median_ms"), None);
        assert_eq!(budget("packages.cold_to_warm"), None);
        assert_eq!(budget("sharing.ours_to_vanilla"), Some(1.3));
        assert_eq!(budget("bytes.total.gzip"), Some(300.0));
        assert_eq!(budget("export.click_to_file_ms"), Some(20_000.0));
        assert_eq!(budget("export.heap_growth_mb"), Some(50.0));
        assert_eq!(budget("export.file_mb"), None);
        assert_eq!(budget("partner.click_to_painted_ms"), Some(300.0));
        assert_eq!(budget("bulk.requests"), Some(50.0));
        assert_eq!(budget("bulk.answer_to_painted_median_ms"), None);
    }

    #[test]
    fn unknown_sections_go_last() {
        assert_eq!(section_rank(BYTES), 0);
        assert_eq!(section_rank("Something new"), SECTIONS.len());
    }
}
