//! The list query language of exim lists: `property` filters, `orderby` and `start`/`limit`
//! paging. Parsing is pure; the db module renders the result as parameterized SQL.
//!
//! Grammar (api-notes §6, §14):
//! - `property=<field><op><value>`, repeatable (AND). Operators: `==` (comma = OR), `!=`
//!   (comma = none of), `<`, `<=`, `>`, `>=`, `~` (case-insensitive contains).
//! - `orderby=<field>` or `orderBy=…`; a `-` prefix sorts descending, `+` or none ascending.
//! - `start` is an item offset (default 0), `limit` 1..=100 (default 20).
//!
//! Parameter names are matched case-insensitively, as are field names and enum values.

mod fields;
mod handshake_fields;
mod job_fields;
mod list_field;
mod timestamp;
mod transfer_fields;

pub use fields::PackageField;
pub use handshake_fields::HandshakeField;
pub use job_fields::JobField;
pub use list_field::{FieldKind, ListField, Sort};
pub use timestamp::parse_timestamp;
pub use transfer_fields::TransferField;

use std::fmt;

use exim_api::PagedResponse;

pub const DEFAULT_LIMIT: u64 = 20;
pub const MAX_LIMIT: u64 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Contains,
}

impl Operator {
    const ALL: [Operator; 7] = [
        Operator::Eq,
        Operator::Ne,
        Operator::Lt,
        Operator::Le,
        Operator::Gt,
        Operator::Ge,
        Operator::Contains,
    ];

    pub fn symbol(self) -> &'static str {
        match self {
            Operator::Eq => "==",
            Operator::Ne => "!=",
            Operator::Lt => "<",
            Operator::Le => "<=",
            Operator::Gt => ">",
            Operator::Ge => ">=",
            Operator::Contains => "~",
        }
    }

    fn from_symbol(symbol: &str) -> Option<Operator> {
        Operator::ALL.into_iter().find(|op| op.symbol() == symbol)
    }

    fn applies_to(self, kind: FieldKind) -> bool {
        match self {
            Operator::Eq | Operator::Ne => true,
            Operator::Contains => kind == FieldKind::Text,
            Operator::Lt | Operator::Le | Operator::Gt | Operator::Ge => {
                kind == FieldKind::Timestamp
            }
        }
    }

    /// Only equality lists take several values; elsewhere a comma is part of the value.
    fn takes_value_list(self) -> bool {
        matches!(self, Operator::Eq | Operator::Ne)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterValue {
    Text(String),
    Millis(i64),
}

/// One `property` condition. `values` has several entries only for `==` (any of) and `!=`
/// (none of).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter<F> {
    pub field: F,
    pub operator: Operator,
    pub values: Vec<FilterValue>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub start: u64,
    pub limit: u64,
}

impl Default for Page {
    fn default() -> Self {
        Page {
            start: 0,
            limit: DEFAULT_LIMIT,
        }
    }
}

impl Page {
    /// Wraps one page of rows in Platform's envelope; `total` counts every matching row.
    pub fn envelope<T>(&self, total: u64, data: Vec<T>) -> PagedResponse<T> {
        PagedResponse {
            total_elements: total,
            current_page: self.start / self.limit,
            total_pages: total.div_ceil(self.limit),
            has_previous_page: self.start > 0,
            has_next_page: self.start.saturating_add(self.limit) < total,
            data,
            next_page: None,
            page_size: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery<F> {
    pub filters: Vec<Filter<F>>,
    pub sort: Sort<F>,
    pub page: Page,
}

/// Why a query string was refused; the text becomes the 400 error's title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError(pub String);

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for QueryError {}

/// Parses a raw (still percent-encoded) query string. Parameters other than `property`,
/// `orderby`, `start`, `limit` and the list's [`ListField::QUERY_PARAMETERS`] are ignored,
/// as Platform does.
pub fn parse_list_query<F: ListField>(raw_query: &str) -> Result<ListQuery<F>, QueryError> {
    let mut query = ListQuery {
        filters: Vec::new(),
        sort: F::DEFAULT_SORT,
        page: Page::default(),
    };
    for (name, value) in form_urlencoded::parse(raw_query.as_bytes()) {
        if name.eq_ignore_ascii_case("property") {
            if !value.trim().is_empty() {
                query.filters.push(parse_property(&value)?);
            }
        } else if let Some(&field) = F::QUERY_PARAMETERS
            .iter()
            .find(|field| field.name().eq_ignore_ascii_case(&name))
        {
            if !value.trim().is_empty() {
                query.filters.push(parameter_filter(field, &value)?);
            }
        } else if name.eq_ignore_ascii_case("orderby") {
            if !value.trim().is_empty() {
                query.sort = parse_sort(&value)?;
            }
        } else if name.eq_ignore_ascii_case("start") {
            query.page.start = value.trim().parse().map_err(|_| {
                QueryError(format!(
                    "Invalid start '{value}': expected a non-negative integer item offset"
                ))
            })?;
        } else if name.eq_ignore_ascii_case("limit") {
            query.page.limit = value
                .trim()
                .parse()
                .ok()
                .filter(|limit| (1..=MAX_LIMIT).contains(limit))
                .ok_or_else(|| {
                    QueryError(format!(
                        "Invalid limit '{value}': expected an integer from 1 to {MAX_LIMIT}"
                    ))
                })?;
        }
    }
    Ok(query)
}

/// A [`ListField::QUERY_PARAMETERS`] parameter: any of its comma-separated values.
fn parameter_filter<F: ListField>(field: F, raw: &str) -> Result<Filter<F>, QueryError> {
    let values = raw
        .split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| filter_value(field, part))
        .collect::<Result<_, _>>()?;
    Ok(Filter {
        field,
        operator: Operator::Eq,
        values,
    })
}

const OPERATOR_CHARS: &[char] = &['=', '!', '<', '>', '~'];

/// Parses one decoded `property` value such as `status==DRAFT,PUBLISHED`.
pub fn parse_property<F: ListField>(raw: &str) -> Result<Filter<F>, QueryError> {
    let raw = raw.trim();
    let Some(operator_start) = raw.find(OPERATOR_CHARS) else {
        return Err(QueryError(format!(
            "Property '{raw}' has no operator; expected <field><operator><value>, e.g. status==DRAFT"
        )));
    };
    let field_name = raw[..operator_start].trim();
    let rest = &raw[operator_start..];
    let operator_len = rest
        .find(|c: char| !OPERATOR_CHARS.contains(&c))
        .unwrap_or(rest.len());
    let (symbol, value) = rest.split_at(operator_len);

    let field = F::from_name(field_name).ok_or_else(|| {
        QueryError(format!(
            "Unknown property field '{field_name}' in '{raw}'; filterable fields: {}",
            field_names(F::ALL.iter().copied())
        ))
    })?;
    let operator = Operator::from_symbol(symbol).ok_or_else(|| {
        QueryError(format!(
            "Unknown operator '{symbol}' in property '{raw}'; supported operators: {}",
            Operator::ALL.map(Operator::symbol).join(", ")
        ))
    })?;
    if !operator.applies_to(field.kind()) {
        return Err(QueryError(format!(
            "Operator '{symbol}' is not supported for field '{}'",
            field.name()
        )));
    }

    let parts: Vec<&str> = if operator.takes_value_list() {
        value.split(',').map(str::trim).collect()
    } else {
        vec![value.trim()]
    };
    if parts.iter().any(|part| part.is_empty()) {
        return Err(QueryError(format!("Property '{raw}' has an empty value")));
    }
    let values = parts
        .into_iter()
        .map(|part| filter_value(field, part))
        .collect::<Result<_, _>>()?;
    Ok(Filter {
        field,
        operator,
        values,
    })
}

fn filter_value<F: ListField>(field: F, raw: &str) -> Result<FilterValue, QueryError> {
    match field.kind() {
        FieldKind::Text => Ok(FilterValue::Text(raw.to_string())),
        // Enums are stored upper-case; the docs promise case-insensitive enum values.
        FieldKind::Enum => {
            let value = raw.to_ascii_uppercase();
            let known = field.known_values();
            if !known.is_empty() && !known.contains(&value.as_str()) {
                return Err(QueryError(format!(
                    "Unknown value '{raw}' for '{}'; expected one of {}",
                    field.name(),
                    known.join(", ")
                )));
            }
            Ok(FilterValue::Text(field.stored_value(value)))
        }
        FieldKind::Timestamp => parse_timestamp(raw).map(FilterValue::Millis).ok_or_else(|| {
            QueryError(format!(
                "Invalid value '{raw}' for '{}': expected epoch milliseconds or an ISO-8601 date-time",
                field.name()
            ))
        }),
    }
}

/// Parses an `orderby` value such as `-createdDate`.
pub fn parse_sort<F: ListField>(raw: &str) -> Result<Sort<F>, QueryError> {
    let raw = raw.trim();
    let (descending, name) = match raw.strip_prefix('-') {
        Some(name) => (true, name),
        None => (false, raw.strip_prefix('+').unwrap_or(raw)),
    };
    let sortable = || field_names(F::ALL.iter().copied().filter(|field| field.sortable()));
    match F::from_name(name.trim()) {
        Some(field) if field.sortable() => Ok(Sort { field, descending }),
        _ => Err(QueryError(format!(
            "Cannot order by '{name}'; sortable fields: {}",
            sortable()
        ))),
    }
}

fn field_names<F: ListField>(fields: impl Iterator<Item = F>) -> String {
    fields.map(F::name).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests;
