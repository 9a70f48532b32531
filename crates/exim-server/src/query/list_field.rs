//! What a list's fields are: their names, how their values compare, the default order.
//! Each list's field enum (packages, jobs, partnerships, transfers) implements [`ListField`].

/// How a field's values are compared, which decides the operators it accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text such as a name: exact match, exclusion or contains.
    Text,
    /// An upper-case wire enum such as `status`: values are matched case-insensitively.
    Enum,
    /// Epoch milliseconds; filter values may also be ISO-8601.
    Timestamp,
}

/// The fields one kind of list can be filtered and sorted on.
pub trait ListField: Copy + Sized + 'static {
    const ALL: &'static [Self];
    const DEFAULT_SORT: Sort<Self>;
    /// Enum fields Adobe's OpenAPI also declares as query parameters of their own, named
    /// like the field: `jobStatus=FAILED,CANCELLED` means `property=jobStatus==FAILED,CANCELLED`.
    const QUERY_PARAMETERS: &'static [Self] = &[];

    /// The name used in `property` and `orderby`.
    fn name(self) -> &'static str;
    fn kind(self) -> FieldKind;
    fn sortable(self) -> bool;

    /// The values an enum field accepts, upper-case; empty accepts any value.
    fn known_values(self) -> &'static [&'static str] {
        &[]
    }

    /// The stored value an accepted (upper-case) enum value stands for; aliases map here.
    fn stored_value(self, value: String) -> String {
        value
    }

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|field| field.name().eq_ignore_ascii_case(name))
    }
}

/// An `orderby`: a sortable field and its direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort<F> {
    pub field: F,
    pub descending: bool,
}
