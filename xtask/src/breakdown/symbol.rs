//! Which crate a function's bytes are charged to, from its demangled name (as rustc-demangle
//! prints it without the hash).
//!
//! - A path `leptos::mount::mount_to_body` (or one of its closures): its first segment.
//! - An impl method `<A as B>::f`: an impl lives in the crate of its type or of its trait, so
//!   the implementing type's crate, unless that type is not a path (`&T`, `[T]`, a tuple, a
//!   type parameter) or is from the standard library (`core`, `alloc`, `std`), or the trait is
//!   one of ours: then the trait's. `<Vec<T> as leptos::IntoView>::into_view` is Leptos's
//!   code, `<sandbox_share::Query as core::fmt::Debug>::fmt` ours.
//! - An inherent method of a type that is not a path (`<str>::to_lowercase`): only the
//!   standard library has those (primitive types), so `core`.
//! - Drop glue `core::ptr::drop_in_place<T>`: generated for `T`, so charged like `T`.
//! - Anything that is not a Rust path (`memcpy`, `__wbindgen_malloc`): None.
//!
//! Monomorphized generics go to the crate that wrote them (`serde_json::from_str<Query>` is
//! serde_json's), which is where the bytes are written, not who asked for them.

const STANDARD_LIBRARY: &[&str] = &["core", "alloc", "std"];

/// The crate of the function named `symbol`; `ours` are the crates whose traits' impls are
/// ours whatever the type.
pub fn crate_of(symbol: &str, ours: &[&str]) -> Option<String> {
    let symbol = symbol.trim();
    if let Some(rest) = symbol.strip_prefix('<') {
        let inner = &rest[..closing_angle(rest)?];
        let (implementing, implemented) = match top_level_find(inner, " as ") {
            Some(at) => (&inner[..at], Some(&inner[at + 4..])),
            None => (inner, None),
        };
        let type_crate = type_crate(implementing, ours);
        let trait_crate = implemented.and_then(path_crate);
        return match (type_crate, trait_crate) {
            (Some(own), Some(from_trait))
                if STANDARD_LIBRARY.contains(&own.as_str())
                    || ours.contains(&from_trait.as_str()) =>
            {
                Some(from_trait)
            }
            (Some(own), _) => Some(own),
            (None, Some(from_trait)) => Some(from_trait),
            (None, None) => Some("core".to_string()),
        };
    }
    if let Some(rest) = symbol.strip_prefix("core::ptr::drop_in_place<") {
        let dropped = &rest[..closing_angle(rest)?];
        return type_crate(dropped, ours).or(Some("core".to_string()));
    }
    path_crate(symbol)
}

/// The crate of a type as written in a symbol, or None when it is not a path.
fn type_crate(ty: &str, ours: &[&str]) -> Option<String> {
    let mut ty = ty.trim();
    for prefix in ["&", "mut ", "*const ", "*mut ", "dyn ", "impl "] {
        if let Some(rest) = ty.strip_prefix(prefix) {
            return type_crate(rest, ours);
        }
    }
    if let Some(rest) = ty.strip_prefix('\'') {
        // A lifetime: `&'a T`.
        ty = rest.split_once(' ').map_or("", |(_, rest)| rest);
        return type_crate(ty, ours);
    }
    if ty.starts_with('<') {
        return crate_of(ty, ours);
    }
    if let Some(rest) = ty.strip_prefix('[') {
        let end = rest.find([';', ']']).unwrap_or(rest.len());
        return type_crate(&rest[..end], ours);
    }
    path_crate(ty)
}

/// `a::b::C<…>` → `a`; None without `::` (a type parameter, `str`, `u8`, a C symbol) or when
/// the first segment is not an identifier (`(A,B)`, `fn(…)`).
fn path_crate(path: &str) -> Option<String> {
    let first = path.split("::").next()?;
    let is_identifier = !first.is_empty()
        && first.chars().all(|c| c == '_' || c.is_alphanumeric())
        && !first.starts_with(|c: char| c.is_ascii_digit());
    (path.contains("::") && is_identifier).then(|| first.to_string())
}

/// The index in `text` of the `>` closing an `<` just before `text` (`->` is not one).
fn closing_angle(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut previous = ' ';
    for (at, c) in text.char_indices() {
        match c {
            '<' => depth += 1,
            '>' if previous != '-' => match depth {
                0 => return Some(at),
                _ => depth -= 1,
            },
            _ => {}
        }
        previous = c;
    }
    None
}

/// The first `needle` in `text` outside any `<…>`, `(…)` or `[…]`.
fn top_level_find(text: &str, needle: &str) -> Option<usize> {
    let mut depth = 0i32;
    let mut previous = ' ';
    for (at, c) in text.char_indices() {
        match c {
            '<' | '(' | '[' => depth += 1,
            '>' if previous != '-' => depth -= 1,
            ')' | ']' => depth -= 1,
            _ if depth == 0 && text[at..].starts_with(needle) => return Some(at),
            _ => {}
        }
        previous = c;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::crate_of;

    const OURS: &[&str] = &["sandbox_share", "exim_api"];

    fn of(symbol: &str) -> Option<String> {
        crate_of(symbol, OURS)
    }

    #[test]
    fn a_path_is_charged_to_its_first_segment() {
        for (symbol, expected) in [
            (
                "sandbox_share::pages::packages::PackagesPage::{{closure}}",
                "sandbox_share",
            ),
            (
                "serde_json::de::from_str<exim_api::PagedResponse<T>>",
                "serde_json",
            ),
            ("dlmalloc::dlmalloc::Dlmalloc<A>::malloc", "dlmalloc"),
        ] {
            assert_eq!(of(symbol).as_deref(), Some(expected), "{symbol}");
        }
    }

    #[test]
    fn an_impl_is_charged_to_its_type_unless_the_type_is_standard_or_not_a_path() {
        for (symbol, expected) in [
            (
                "<sandbox_share::state::Query as core::fmt::Debug>::fmt",
                "sandbox_share",
            ),
            (
                "<alloc::vec::Vec<T> as leptos::into_view::IntoView>::into_view",
                "leptos",
            ),
            ("<&T as core::fmt::Display>::fmt", "core"),
            (
                "<&'a mut tachys::html::Element<E,At,Ch> as core::fmt::Debug>::fmt",
                "tachys",
            ),
            (
                "<[exim_api::TransferRecord] as core::fmt::Debug>::fmt",
                "exim_api",
            ),
            ("<(A,B) as serde::de::Deserialize>::deserialize", "serde"),
            (
                "<reactive_graph::Memo<T> as core::ops::drop::Drop>::drop::{{closure}}",
                "reactive_graph",
            ),
        ] {
            assert_eq!(of(symbol).as_deref(), Some(expected), "{symbol}");
        }
    }

    #[test]
    fn our_traits_impls_are_ours_and_inherent_impls_their_types() {
        for (symbol, expected) in [
            ("<leptos_router::Params as sandbox_share::state::url::UrlQuery>::parse", "sandbox_share"),
            ("<hashbrown::raw::RawTable<T>>::reserve_rehash", "hashbrown"),
            ("<<sandbox_share::X as core::iter::IntoIterator>::IntoIter as core::iter::Iterator>::next", "sandbox_share"),
            ("<F as core::ops::function::FnOnce<(A,)>>::call_once", "core"),
            ("<fn() -> T as core::ops::Fn<()>>::call", "core"),
        ] {
            assert_eq!(of(symbol).as_deref(), Some(expected), "{symbol}");
        }
    }

    #[test]
    fn inherent_methods_of_primitive_types_are_the_standard_librarys() {
        for (symbol, expected) in [("<str>::to_lowercase", "core"), ("<[u8]>::to_vec", "core")] {
            assert_eq!(of(symbol).as_deref(), Some(expected), "{symbol}");
        }
    }

    #[test]
    fn drop_glue_is_charged_to_the_dropped_type() {
        for (symbol, expected) in [
            (
                "core::ptr::drop_in_place<sandbox_share::pages::Row>",
                "sandbox_share",
            ),
            ("core::ptr::drop_in_place<alloc::string::String>", "alloc"),
            ("core::ptr::drop_in_place<(A,B)>", "core"),
        ] {
            assert_eq!(of(symbol).as_deref(), Some(expected), "{symbol}");
        }
    }

    #[test]
    fn symbols_that_are_not_rust_paths_have_no_crate() {
        assert_eq!(of("memcpy"), None);
        assert_eq!(of("__wbindgen_malloc"), None);
        assert_eq!(of("main"), None);
    }
}
