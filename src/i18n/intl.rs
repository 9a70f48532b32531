//! Numbers, dates and plural categories in the user's locale, through the browser's `Intl`
//! (no date or number library in the wasm). One formatter per kind is kept until the language
//! changes: a 100-row page formats hundreds of dates. Natively (unit tests) plain forms stand in.

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;

    use js_sys::{Array, Date, Function, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;

    /// The formatters of one locale tag.
    struct Formatters {
        tag: String,
        number: Function,
        plural: Intl::PluralRules,
        date: Function,
        date_time: Function,
        exact: Function,
    }

    thread_local! {
        static FORMATTERS: RefCell<Option<Formatters>> = const { RefCell::new(None) };
    }

    fn options(pairs: &[(&str, &str)]) -> Object {
        let object = Object::new();
        for (name, value) in pairs {
            let _ = Reflect::set(&object, &(*name).into(), &(*value).into());
        }
        object
    }

    fn date_format(locales: &Array, pairs: &[(&str, &str)]) -> Function {
        Intl::DateTimeFormat::new(locales, &options(pairs)).format()
    }

    fn with<T>(tag: &str, use_them: impl FnOnce(&Formatters) -> T) -> T {
        FORMATTERS.with(|cell| {
            let mut cell = cell.borrow_mut();
            if cell.as_ref().is_none_or(|f| f.tag != tag) {
                let locales = Array::of1(&tag.into());
                *cell = Some(Formatters {
                    tag: tag.to_string(),
                    number: Intl::NumberFormat::new(&locales, &Object::new()).format(),
                    plural: Intl::PluralRules::new(&locales, &Object::new()),
                    date: date_format(&locales, &[("dateStyle", "medium")]),
                    date_time: date_format(
                        &locales,
                        &[("dateStyle", "medium"), ("timeStyle", "short")],
                    ),
                    exact: date_format(&locales, &[("dateStyle", "medium"), ("timeStyle", "long")]),
                });
            }
            use_them(cell.as_ref().expect("just made"))
        })
    }

    fn call(format: &Function, value: &JsValue) -> String {
        format
            .call1(&JsValue::NULL, value)
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_default()
    }

    pub fn number(tag: &str, value: f64) -> String {
        with(tag, |f| call(&f.number, &value.into()))
    }

    pub fn plural_category(tag: &str, count: f64) -> String {
        with(tag, |f| f.plural.select(count).into())
    }

    /// A `Date`, or None for a time it cannot hold.
    fn date_of(epoch_ms: i64) -> Option<Date> {
        let date = Date::new(&JsValue::from_f64(epoch_ms as f64));
        date.get_time().is_finite().then_some(date)
    }

    pub fn date(tag: &str, epoch_ms: i64) -> Option<String> {
        let date = date_of(epoch_ms)?;
        Some(with(tag, |f| call(&f.date, &date)))
    }

    pub fn date_time(tag: &str, epoch_ms: i64) -> Option<String> {
        let date = date_of(epoch_ms)?;
        Some(with(tag, |f| call(&f.date_time, &date)))
    }

    pub fn exact_time(tag: &str, epoch_ms: i64) -> Option<String> {
        let date = date_of(epoch_ms)?;
        let local = with(tag, |f| call(&f.exact, &date));
        let utc: String = date.to_iso_string().into();
        Some(format!("{local} ({utc})"))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod browser {
    pub fn number(_tag: &str, value: f64) -> String {
        value.to_string()
    }

    pub fn plural_category(_tag: &str, count: f64) -> String {
        if count == 1.0 { "one" } else { "other" }.to_string()
    }

    pub fn date(_tag: &str, epoch_ms: i64) -> Option<String> {
        Some(format!("@{epoch_ms}"))
    }

    pub fn date_time(tag: &str, epoch_ms: i64) -> Option<String> {
        date(tag, epoch_ms)
    }

    pub fn exact_time(tag: &str, epoch_ms: i64) -> Option<String> {
        date(tag, epoch_ms)
    }
}

pub use browser::{date, date_time, exact_time, number, plural_category};
