//! Function names as a person reads them.

/// A function's name as a person reads it. A mangled Rust symbol is demangled without its
/// hash. wasm-bindgen demangles names itself but keeps what identifies them:
/// `core::fmt::write::h0123456789abcdef` (legacy symbols), crate disambiguators
/// `core[c5930c85a12de822]::fmt::write` (v0 symbols: the precompiled standard library), and a
/// counter after a repeated name (`…::fmt[2]`); those are dropped. Anything else stays as it is.
pub fn readable(name: &str) -> String {
    if let Ok(symbol) = rustc_demangle::try_demangle(name) {
        return format!("{symbol:#}");
    }
    let mut text = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        let after_identifier = rest[..open]
            .chars()
            .next_back()
            .is_some_and(|c| c == '_' || c.is_alphanumeric());
        let hex = rest[open + 1..]
            .find(']')
            .map(|len| &rest[open + 1..open + 1 + len])
            .filter(|hex| {
                (1..=16).contains(&hex.len()) && hex.chars().all(|c| c.is_ascii_hexdigit())
            });
        match hex {
            Some(hex) if after_identifier => {
                text += &rest[..open];
                rest = &rest[open + hex.len() + 2..];
            }
            _ => {
                text += &rest[..=open];
                rest = &rest[open + 1..];
            }
        }
    }
    text += rest;
    match text.rsplit_once("::h") {
        Some((path, hash)) if hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()) => {
            path.to_string()
        }
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::readable;

    #[test]
    fn names_are_read_without_their_hash() {
        assert_eq!(
            readable("_ZN4core3fmt5write17h0123456789abcdefE"),
            "core::fmt::write"
        );
        assert_eq!(
            readable("core::fmt::write::h0123456789abcdef"),
            "core::fmt::write"
        );
        assert_eq!(
            readable("<&T as core::fmt::Debug>::fmt::h0123456789abcdef[2]"),
            "<&T as core::fmt::Debug>::fmt"
        );
        assert_eq!(
            readable("<core[c5930c85a12de822]::str::pattern::StrSearcher>::new"),
            "<core::str::pattern::StrSearcher>::new"
        );
        assert_eq!(
            readable("<[T] as core::fmt::Debug>::fmt"),
            "<[T] as core::fmt::Debug>::fmt"
        );
        assert_eq!(readable("<[u8; 4]>::len[3]"), "<[u8; 4]>::len");
        assert_eq!(readable("memcpy"), "memcpy");
        assert_eq!(
            readable("sandbox_share::hash::h12"),
            "sandbox_share::hash::h12"
        );
    }
}
