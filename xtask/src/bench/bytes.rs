//! The bytes a first visit downloads: each kind of file of the release build, raw, gzip -9
//! and brotli 11, and the shipped wasm alone (for the breakdown of its bytes).

use std::path::Path;

use crate::breakdown::Shipped;
use crate::budgets::BYTES;
use crate::process::Result;
use crate::report::Row;
use crate::sizes;

/// How many bytes some content takes in one encoding.
type Encoded = fn(&[u8]) -> Result<usize>;

/// `(id key, label, size)` of each encoding a first visit may download.
const ENCODINGS: [(&str, &str, Encoded); 3] = [
    ("raw", "raw", |bytes| Ok(bytes.len())),
    ("gzip", "gzip -9", sizes::gzip_len),
    ("brotli", "brotli 11", sizes::brotli_len),
];

/// Raw, gzip -9 and brotli 11 sizes of the `.wasm`, `.js` and `.css` files (each kind
/// summed: the CSS is one small file per widget), and their totals.
pub fn first_visit(dist: &Path) -> Result<Vec<Row>> {
    let mut kinds: Vec<(String, usize, [usize; 3])> = Vec::new();
    for path in sizes::downloaded_files(dist)? {
        let content =
            std::fs::read(&path).map_err(|error| format!("{}: {error}", path.display()))?;
        let kind = path
            .extension()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let index = match kinds.iter().position(|(known, _, _)| *known == kind) {
            Some(index) => index,
            None => {
                kinds.push((kind, 0, [0; 3]));
                kinds.len() - 1
            }
        };
        let (_, files, sizes) = &mut kinds[index];
        *files += 1;
        for ((_, _, size), total) in ENCODINGS.iter().zip(sizes.iter_mut()) {
            *total += size(&content)?;
        }
    }
    if kinds.is_empty() {
        return Err(format!("no .wasm, .js or .css in {}", dist.display()));
    }
    let mut rows = Vec::new();
    let mut totals = [0usize; 3];
    for (kind, files, sizes) in &kinds {
        let what = match files {
            1 => format!(".{kind}"),
            _ => format!(".{kind} ({files} files)"),
        };
        for ((key, label, _), (size, total)) in ENCODINGS.iter().zip(sizes.iter().zip(&mut totals))
        {
            *total += size;
            rows.push(Row::new(
                format!("bytes.{kind}.{key}"),
                BYTES,
                format!("{what}, {label}"),
                kb(*size),
                "KB",
            ));
        }
    }
    for ((key, label, _), total) in ENCODINGS.iter().zip(totals) {
        rows.push(Row::new(
            format!("bytes.total.{key}"),
            BYTES,
            format!("total, {label}"),
            kb(total),
            "KB",
        ));
    }
    Ok(rows)
}

/// Raw, gzip -9 and brotli 11 sizes of each language served besides English
/// (`dist/locales/<code>/`): fetched only when chosen, so not part of a first visit.
pub fn languages(dist: &Path) -> Result<Vec<Row>> {
    let root = dist.join("locales");
    let mut codes: Vec<_> = std::fs::read_dir(&root)
        .map_err(|error| format!("{}: {error}", root.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_dir())
        .collect();
    codes.sort();
    let mut rows = Vec::new();
    for dir in codes {
        let code = dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let mut sizes = [0usize; 3];
        let mut files = 0;
        for entry in
            std::fs::read_dir(&dir).map_err(|error| format!("{}: {error}", dir.display()))?
        {
            let path = entry.map_err(|error| error.to_string())?.path();
            let content =
                std::fs::read(&path).map_err(|error| format!("{}: {error}", path.display()))?;
            files += 1;
            for ((_, _, size), total) in ENCODINGS.iter().zip(sizes.iter_mut()) {
                *total += size(&content)?;
            }
        }
        for ((key, label, _), size) in ENCODINGS.iter().zip(sizes) {
            rows.push(Row::new(
                format!("bytes.locale.{code}.{key}"),
                BYTES,
                format!("locales/{code}, {files} file(s) fetched when chosen, {label}"),
                kb(size),
                "KB",
            ));
        }
    }
    Ok(rows)
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1000.0
}

/// The shipped `.wasm` (after wasm-bindgen and wasm-opt), raw and gzip -9.
pub fn shipped_wasm(dist: &Path) -> Result<Shipped> {
    let mut shipped = Shipped { raw: 0, gzip: 0 };
    for path in sizes::downloaded_files(dist)? {
        if path.extension().is_some_and(|ext| ext == "wasm") {
            let content =
                std::fs::read(&path).map_err(|error| format!("{}: {error}", path.display()))?;
            shipped.raw += content.len();
            shipped.gzip += sizes::gzip_len(&content)?;
        }
    }
    match shipped.raw {
        0 => Err(format!("no .wasm in {}", dist.display())),
        _ => Ok(shipped),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_summed_per_kind_of_file_and_in_total() {
        let dist = std::env::temp_dir().join(format!("xtask-bytes-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        for (name, size) in [
            ("app.wasm", 3000),
            ("a.css", 1000),
            ("b.css", 500),
            ("index.html", 9),
            ("locales/de/common.json", 200),
        ] {
            let path = dist.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, vec![b'x'; size]).unwrap();
        }
        let rows = first_visit(&dist).and_then(|mut rows| {
            rows.extend(languages(&dist)?);
            Ok(rows)
        });
        let shipped = shipped_wasm(&dist);
        std::fs::remove_dir_all(&dist).unwrap();
        let rows = rows.unwrap();
        let value = |label: &str| {
            rows.iter()
                .find(|row| row.label == label)
                .map(|row| row.value)
        };
        assert_eq!(value(".css (2 files), raw"), Some(1.5));
        assert_eq!(value(".wasm, raw"), Some(3.0));
        assert_eq!(value("total, raw"), Some(4.5));
        assert_eq!(
            value("locales/de, 1 file(s) fetched when chosen, raw"),
            Some(0.2)
        );
        let gzip = rows
            .iter()
            .find(|row| row.id == "bytes.total.gzip")
            .unwrap();
        assert_eq!(gzip.budget, Some(300.0));
        assert!(gzip.value < 4.5, "repeated bytes compress");
        assert_eq!(rows.len(), 12, "9 of the first visit, 3 of German");
        assert_eq!(shipped.map(|wasm| wasm.raw), Ok(3000));
    }
}
