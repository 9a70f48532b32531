//! Typed keys of every message, English compiled in, and the sections and languages served as
//! files: generated from `locales/` by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/i18n_keys.rs"));
