use super::*;

fn parse(raw: &str) -> Result<ListQuery<PackageField>, QueryError> {
    parse_list_query(raw)
}

fn text(value: &str) -> FilterValue {
    FilterValue::Text(value.to_string())
}

#[test]
fn defaults_without_parameters() {
    let query = parse("").unwrap();
    assert!(query.filters.is_empty());
    assert_eq!(query.sort, PackageField::DEFAULT_SORT);
    assert_eq!(
        query.page,
        Page {
            start: 0,
            limit: 20
        }
    );
}

#[test]
fn paging_values_and_limits() {
    assert_eq!(
        parse("start=5&limit=5").unwrap().page,
        Page { start: 5, limit: 5 }
    );
    assert_eq!(parse("limit=100").unwrap().page.limit, 100);
    for bad in [
        "limit=0",
        "limit=101",
        "limit=ten",
        "limit=-1",
        "start=-1",
        "start=x",
    ] {
        assert!(parse(bad).is_err(), "{bad} should be refused");
    }
}

#[test]
fn parameter_names_are_case_insensitive() {
    let query = parse("orderBy=name&LIMIT=3&Start=6&PROPERTY=status==DRAFT").unwrap();
    assert_eq!(
        query.sort,
        Sort {
            field: PackageField::Name,
            descending: false
        }
    );
    assert_eq!(query.page, Page { start: 6, limit: 3 });
    assert_eq!(query.filters.len(), 1);
}

#[test]
fn sort_direction_prefixes() {
    let sort = |raw: &str| parse_sort::<PackageField>(raw).unwrap();
    assert!(sort("-modifiedDate").descending);
    assert!(!sort("+modifiedDate").descending);
    assert!(!sort("modifiedDate").descending);
    // `+` arrives as a space when the client did not percent-encode it.
    assert!(!parse("orderby=+expiry").unwrap().sort.descending);
    assert_eq!(sort("-CREATEDDATE").field, PackageField::CreatedDate);
}

#[test]
fn sort_refuses_unknown_or_unsortable_fields() {
    let error = parse_sort::<PackageField>("-colour").unwrap_err();
    assert!(error.0.contains("'colour'"), "{error}");
    assert!(parse_sort::<PackageField>("packageType").is_err());
}

#[test]
fn equality_with_comma_means_any_of_and_enums_are_upper_cased() {
    let filter = parse_property::<PackageField>("status==draft, PUBLISHED").unwrap();
    assert_eq!(
        filter,
        Filter {
            field: PackageField::Status,
            operator: Operator::Eq,
            values: vec![text("DRAFT"), text("PUBLISHED")],
        }
    );
}

#[test]
fn each_operator_is_recognised() {
    let operator = |raw: &str| parse_property::<PackageField>(raw).unwrap().operator;
    assert_eq!(operator("packageType!=FULL"), Operator::Ne);
    assert_eq!(operator("createdDate<1"), Operator::Lt);
    assert_eq!(operator("createdDate<=1"), Operator::Le);
    assert_eq!(operator("createdDate>1"), Operator::Gt);
    assert_eq!(operator("createdDate>=1"), Operator::Ge);
    assert_eq!(operator("name~sale"), Operator::Contains);
}

#[test]
fn contains_keeps_commas_and_operator_characters_in_the_value() {
    let filter = parse_property::<PackageField>("name~a,b=c").unwrap();
    assert_eq!(filter.values, vec![text("a,b=c")]);
}

#[test]
fn timestamps_accept_iso_dates() {
    let filter = parse_property::<PackageField>("createdDate>=2023-05-11T18:29:59.999Z").unwrap();
    assert_eq!(filter.values, vec![FilterValue::Millis(1_683_829_799_999)]);
    assert!(parse_property::<PackageField>("createdDate>=soon").is_err());
}

#[test]
fn percent_encoded_properties_are_decoded() {
    let query = parse("property=status%3D%3DDRAFT%2CPUBLISHED&property=name%7Esale").unwrap();
    assert_eq!(query.filters.len(), 2);
    assert_eq!(
        query.filters[0].values,
        vec![text("DRAFT"), text("PUBLISHED")]
    );
    assert_eq!(query.filters[1].operator, Operator::Contains);
}

#[test]
fn refusals_name_the_culprit() {
    let message = |raw: &str| parse_property::<PackageField>(raw).unwrap_err().0;
    assert!(message("colour==red").contains("'colour'"));
    assert!(message("status=DRAFT").contains("'='"));
    assert!(message("status=~DRAFT").contains("'=~'"));
    assert!(message("status").contains("no operator"));
    assert!(message("status<DRAFT").contains("'<'"));
    assert!(message("createdDate~2023").contains("'~'"));
    assert!(message("status==").contains("empty value"));
    assert!(message("status==DRAFT,").contains("empty value"));
}

#[test]
fn envelope_counts_pages_from_the_item_offset() {
    let envelope = Page { start: 5, limit: 5 }.envelope(17, vec![(); 5]);
    assert_eq!(envelope.current_page, 1);
    assert_eq!(envelope.total_pages, 4);
    assert!(envelope.has_previous_page);
    assert!(envelope.has_next_page);

    let last = Page {
        start: 15,
        limit: 5,
    }
    .envelope(17, vec![(); 2]);
    assert_eq!(last.current_page, 3);
    assert!(!last.has_next_page);

    let empty = Page::default().envelope::<()>(0, Vec::new());
    assert_eq!((empty.total_pages, empty.has_next_page), (0, false));
}

#[test]
fn declared_query_parameters_are_equality_filters() {
    let query = parse("status=draft,PUBLISHED").unwrap();
    assert_eq!(query.filters[0].field, PackageField::Status);
    assert_eq!(query.filters[0].operator, Operator::Eq);
    assert_eq!(query.filters[0].values, [text("DRAFT"), text("PUBLISHED")]);
    let jobs: ListQuery<JobField> =
        parse_list_query("jobStatus=failed&requestType=IMPORT&property=name~x").unwrap();
    assert_eq!(jobs.filters.len(), 3);
    let error = parse_list_query::<JobField>("jobStatus=DONE").unwrap_err();
    assert!(error.0.contains("'DONE'") && error.0.contains("jobStatus"), "{error}");
    assert!(error.0.contains("CANCELLED"), "{error}");
    // Fields not declared as parameters stay ignored, as Platform ignores unknown ones.
    assert!(parse("packageType=HALF").unwrap().filters.is_empty());
}
