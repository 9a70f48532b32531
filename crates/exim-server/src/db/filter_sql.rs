//! Renders parsed list queries as SQL conditions with bound parameters. Values never enter
//! the SQL text; only column expressions chosen by the caller do.

use rusqlite::types::Value;

use crate::query::{FieldKind, Filter, FilterValue, ListField, Operator, Sort};

/// Appends ` AND <condition>` for each filter, pushing its values onto `params`.
pub fn push_conditions<F: ListField>(
    sql: &mut String,
    params: &mut Vec<Value>,
    filters: &[Filter<F>],
    column: impl Fn(F) -> &'static str,
) {
    for filter in filters {
        let column = column(filter.field);
        let placeholders = vec!["?"; filter.values.len()].join(", ");
        let condition = match filter.operator {
            Operator::Eq => format!("{column} IN ({placeholders})"),
            // A missing value differs from every given value.
            Operator::Ne => format!("({column} IS NULL OR {column} NOT IN ({placeholders}))"),
            Operator::Lt => format!("{column} < ?"),
            Operator::Le => format!("{column} <= ?"),
            Operator::Gt => format!("{column} > ?"),
            Operator::Ge => format!("{column} >= ?"),
            // instr avoids LIKE, whose `%` and `_` would need escaping in user input.
            Operator::Contains => format!("instr(lower({column}), lower(?)) > 0"),
        };
        sql.push_str(" AND ");
        sql.push_str(&condition);
        params.extend(filter.values.iter().map(|value| match value {
            FilterValue::Text(text) => Value::Text(text.clone()),
            FilterValue::Millis(millis) => Value::Integer(*millis),
        }));
    }
}

/// ` ORDER BY` clause; `tie_breaker` (a unique column) keeps pages stable between requests.
pub fn order_by<F: ListField>(
    sort: Sort<F>,
    column: impl Fn(F) -> &'static str,
    tie_breaker: &str,
) -> String {
    let direction = if sort.descending { "DESC" } else { "ASC" };
    let collation = if sort.field.kind() == FieldKind::Text {
        " COLLATE NOCASE"
    } else {
        ""
    };
    format!(
        " ORDER BY {}{collation} {direction}, {tie_breaker} {direction}",
        column(sort.field)
    )
}
