//! The breakdown as the report shows it: Markdown, a short text for the terminal, JSON.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::{Breakdown, Shipped, LISTED_CRATES, NOT_RUST, OUR_CRATES, UNNAMED};

impl Breakdown {
    fn percent_of_code(&self, bytes: usize) -> f64 {
        bytes as f64 / self.code_bytes.max(1) as f64 * 100.0
    }

    /// The crates listed by name: the largest, and wherever they rank ours and the functions
    /// without a crate.
    fn listed_crates(&self) -> impl Iterator<Item = &(String, usize)> {
        self.crates.iter().enumerate().filter_map(|(rank, entry)| {
            let name = entry.0.as_str();
            let always = OUR_CRATES.contains(&name) || [UNNAMED, NOT_RUST].contains(&name);
            (rank < LISTED_CRATES || always).then_some(entry)
        })
    }

    fn unlisted(&self) -> (usize, usize) {
        let listed: Vec<&String> = self.listed_crates().map(|(name, _)| name).collect();
        let rest: Vec<usize> = self
            .crates
            .iter()
            .filter(|(name, _)| !listed.contains(&name))
            .map(|(_, bytes)| *bytes)
            .collect();
        (rest.len(), rest.iter().sum())
    }

    /// The overview paragraph: what was read, and how it relates to the shipped wasm.
    fn overview(&self, shipped: Option<Shipped>) -> String {
        let mut text = format!(
            "Read from `{}`, the module wasm-bindgen writes and wasm-opt then shrinks (dropping \
             the function names): {} in all, of which code (function bodies) {}, data segments \
             (`.rodata`, statics) {}, custom sections (names, producers; never downloaded) {}.",
            self.source.display(),
            kb(self.file_bytes),
            kb(self.code_bytes),
            kb(self.data_bytes),
            kb(self.custom_bytes),
        );
        if let Some(before) = self.before_bindgen_code_bytes {
            let _ = write!(
                text,
                " Cargo's output before wasm-bindgen has {} of code: the difference is \
                 wasm-bindgen's descriptor functions, run at build time and removed, and what \
                 only they use.",
                kb(before)
            );
        }
        if let Some(shipped) = shipped {
            let executable = self.code_bytes + self.data_bytes;
            let _ = write!(
                text,
                " The first visit downloads it after wasm-opt: {} raw, {} gzip -9, that is \
                 {:.2} gzip bytes per byte of code and data here. A crate's share of code \
                 carries over roughly to the gzip figure; its bytes here do not (wasm-opt \
                 shrinks some code more than other, and gzip compresses it unevenly).",
                kb(shipped.raw),
                kb(shipped.gzip),
                shipped.gzip as f64 / executable.max(1) as f64,
            );
        }
        text
    }

    pub fn markdown(&self, shipped: Option<Shipped>) -> String {
        let mut out = format!(
            "\n## Where the wasm bytes go\n\n{}\n\n",
            self.overview(shipped)
        );
        out += "Function bytes by crate: a function belongs to the crate of its path; an impl \
                method `<A as B>::f` to `A`'s crate, unless `A` is from `core`/`alloc`/`std` or \
                not a path (`&T`, a tuple, a type parameter), or `B` is ours: then `B`'s; an \
                inherent method of a primitive type (`<str>::f`) to `core`; drop glue to the \
                dropped type's crate.\n\n";
        out += "| Crate | Bytes | % of code |\n|---|---:|---:|\n";
        for (name, bytes) in self.listed_crates() {
            let _ = writeln!(
                out,
                "| {name} | {} | {:.1} % |",
                kb(*bytes),
                self.percent_of_code(*bytes)
            );
        }
        let (count, bytes) = self.unlisted();
        if count > 0 {
            let _ = writeln!(
                out,
                "| {count} other crates | {} | {:.1} % |",
                kb(bytes),
                self.percent_of_code(bytes)
            );
        }
        let _ = writeln!(out, "| **code** | **{}** | 100 % |", kb(self.code_bytes));
        let _ = writeln!(out, "| data segments | {} | |", kb(self.data_bytes));
        let _ = write!(
            out,
            "\nOur largest functions ({}):\n\n| # | Function | Bytes |\n|---:|---|---:|\n",
            OUR_CRATES.join(", ")
        );
        for (rank, (name, _, bytes)) in self.top_functions.iter().enumerate() {
            let name = name.replace('|', "\\|");
            let _ = writeln!(out, "| {} | `{name}` | {} |", rank + 1, bytes);
        }
        out
    }

    /// A short version for the terminal: the crates and our ten largest functions.
    pub fn text(&self) -> String {
        let mut out = format!(
            "\nWhere the wasm bytes go ({}; code {}, data {})\n",
            self.source.display(),
            kb(self.code_bytes),
            kb(self.data_bytes)
        );
        for (name, bytes) in self.listed_crates() {
            let share = self.percent_of_code(*bytes);
            let _ = writeln!(out, "  {name:<40} {:>12} {share:>6.1} %", kb(*bytes));
        }
        let (count, bytes) = self.unlisted();
        if count > 0 {
            let share = self.percent_of_code(bytes);
            let name = format!("{count} other crates");
            let _ = writeln!(out, "  {name:<40} {:>12} {share:>6.1} %", kb(bytes));
        }
        out += "  our largest functions:\n";
        for (name, _, bytes) in self.top_functions.iter().take(10) {
            let _ = writeln!(out, "  {bytes:>8}  {name}");
        }
        out
    }

    pub fn json(&self, shipped: Option<Shipped>) -> Value {
        json!({
            "source": self.source.display().to_string(),
            "file_bytes": self.file_bytes,
            "code_bytes": self.code_bytes,
            "data_bytes": self.data_bytes,
            "custom_section_bytes": self.custom_bytes,
            "code_bytes_before_wasm_bindgen": self.before_bindgen_code_bytes,
            "shipped_wasm": shipped.map(|s| json!({"raw_bytes": s.raw, "gzip_bytes": s.gzip})),
            "crates": self.crates.iter().map(|(name, bytes)| json!({
                "crate": name,
                "bytes": bytes,
                "percent_of_code": self.percent_of_code(*bytes),
            })).collect::<Vec<_>>(),
            "top_functions": self.top_functions.iter().map(|(name, krate, bytes)| json!({
                "function": name,
                "crate": krate,
                "bytes": bytes,
            })).collect::<Vec<_>>(),
        })
    }
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_lists_ours_even_when_small() {
        let mut crates: Vec<(String, usize)> = (0..20)
            .map(|i| (format!("crate{i:02}"), 1000 - i))
            .collect();
        crates.push(("exim_api".into(), 1));
        crates.push((NOT_RUST.into(), 1));
        let breakdown = Breakdown {
            source: "app.wasm".into(),
            file_bytes: 30_000,
            code_bytes: crates.iter().map(|(_, b)| b).sum(),
            data_bytes: 5_000,
            custom_bytes: 1_000,
            before_bindgen_code_bytes: Some(40_000),
            crates,
            top_functions: vec![("exim_api::f".into(), "exim_api".into(), 1)],
        };
        let markdown = breakdown.markdown(Some(Shipped {
            raw: 20_000,
            gzip: 8_000,
        }));
        assert!(markdown.contains("| crate14 |"));
        assert!(!markdown.contains("| crate15 |"));
        assert!(markdown.contains("| exim_api | 0.0 KB | 0.0 % |"));
        assert!(markdown.contains("| 5 other crates |"));
        assert!(markdown.contains(&format!("| {NOT_RUST} |")));
        assert!(markdown.contains("| 1 | `exim_api::f` | 1 |"));
        assert!(markdown.contains("8.0 KB gzip -9"));
        assert!(markdown.contains("before wasm-bindgen has 40.0 KB of code"));
    }
}
