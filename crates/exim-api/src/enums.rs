//! Status and type enums. Each keeps a value it does not know in `Other` instead of failing,
//! because Platform adds values over time and the console must still show the raw value.

/// Declares a string enum that (de)serializes as its wire name (upper-case for exim, lower-case
/// for sandbox-management) and keeps unknown values verbatim.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident {
        $($(#[$variant_meta:meta])* $variant:ident => $wire:literal),+ $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$variant_meta])* $variant,)+
            /// A value this version does not know, kept as sent.
            Other(String),
        }

        impl $name {
            /// Every known value, in documentation order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The value as Platform spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)+
                    $name::Other(raw) => raw,
                }
            }

            /// Parses a wire value; comparison is case-insensitive so that query strings such as
            /// `private` also match.
            pub fn parse(raw: &str) -> Self {
                $(if raw.eq_ignore_ascii_case($wire) { return $name::$variant; })+
                $name::Other(raw.to_string())
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let raw = <String as ::serde::Deserialize>::deserialize(deserializer)?;
                // Known values are matched exactly so that a round trip keeps the original case.
                $(if raw == $wire { return Ok($name::$variant); })+
                Ok($name::Other(raw))
            }
        }
    };
}
pub(crate) use wire_enum;

wire_enum!(
    /// Lifecycle of a package.
    PackageStatus {
        Draft => "DRAFT",
        PublishInProgress => "PUBLISH_IN_PROGRESS",
        Published => "PUBLISHED",
        PublishFailed => "PUBLISH_FAILED",
    }
);

wire_enum!(
    /// Whether other organizations may pull a package by its payload.
    PackageVisibility {
        Private => "PRIVATE",
        Public => "PUBLIC",
    }
);

wire_enum!(
    /// A PARTIAL package lists its artifacts; a FULL one copies the whole sandbox.
    PackageType {
        Partial => "PARTIAL",
        Full => "FULL",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_values_survive_a_round_trip() {
        let status: PackageStatus = serde_json::from_str("\"ARCHIVED\"").unwrap();
        assert_eq!(status, PackageStatus::Other("ARCHIVED".into()));
        assert_eq!(serde_json::to_string(&status).unwrap(), "\"ARCHIVED\"");
    }

    #[test]
    fn parse_is_case_insensitive_but_deserialize_keeps_case() {
        assert_eq!(
            PackageVisibility::parse("public"),
            PackageVisibility::Public
        );
        let lower: PackageVisibility = serde_json::from_str("\"public\"").unwrap();
        assert_eq!(lower, PackageVisibility::Other("public".into()));
    }
}
