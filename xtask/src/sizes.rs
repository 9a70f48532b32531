//! Release sizes of what a browser downloads: raw, gzip -9 and (for the benchmark) brotli 11.

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::process::Result;

pub fn report(dist: &Path) -> Result {
    println!("\n==> release sizes ({})", dist.display());
    println!("{:<48} {:>10} {:>10}", "file", "raw", "gzip -9");
    let (mut raw_total, mut gzip_total) = (0, 0);
    for path in downloaded_files(dist)? {
        let bytes = std::fs::read(&path).map_err(|error| error.to_string())?;
        let gzipped = gzip_len(&bytes)?;
        raw_total += bytes.len();
        gzip_total += gzipped;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        println!("{name:<48} {:>10} {:>10}", kb(bytes.len()), kb(gzipped));
    }
    println!(
        "{:<48} {:>10} {:>10}",
        "total",
        kb(raw_total),
        kb(gzip_total)
    );
    Ok(())
}

/// The `.wasm`, `.js` and `.css` files of a build, sorted by name.
pub fn downloaded_files(dist: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dist)
        .map_err(|error| format!("cannot read {}: {error}", dist.display()))?;
    let mut files: Vec<_> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            matches!(
                path.extension().and_then(|ext| ext.to_str()),
                Some("wasm" | "js" | "css")
            )
        })
        .collect();
    files.sort();
    Ok(files)
}

pub fn gzip_len(bytes: &[u8]) -> Result<usize> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(bytes)
        .map_err(|error| error.to_string())?;
    encoder
        .finish()
        .map(|compressed| compressed.len())
        .map_err(|error| error.to_string())
}

/// Brotli at quality 11 with a 4 MiB window (`brotli -q 11`), as a server would precompress.
pub fn brotli_len(bytes: &[u8]) -> Result<usize> {
    let mut encoder = brotli::CompressorWriter::new(Vec::new(), 4096, 11, 22);
    encoder
        .write_all(bytes)
        .map_err(|error| error.to_string())?;
    // Finishes the stream.
    Ok(encoder.into_inner().len())
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}
