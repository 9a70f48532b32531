//! Demo ids, derived from seeds rather than drawn at random, so that every machine loads the
//! same demo.

/// 32 lowercase hex digits derived from `seed`, shaped like Platform's package ids.
pub fn hex_id(seed: &str) -> String {
    // Two FNV-1a passes with different offset bases give 128 stable bits (std's hashers may
    // change between Rust releases); the finalizer spreads similar seeds apart.
    let fnv1a = |basis: u64| {
        seed.bytes().fold(basis, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    let finalize = |mut hash: u64| {
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        hash ^ (hash >> 33)
    };
    format!(
        "{:016x}{:016x}",
        finalize(fnv1a(0xcbf2_9ce4_8422_2325)),
        finalize(fnv1a(0x8422_2325_cbf2_9ce4))
    )
}

/// A dashed UUID-shaped id derived from `seed`, like artifact and sandbox ids.
pub fn uuid(seed: &str) -> String {
    let hex = hex_id(seed);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_well_formed() {
        let id = hex_id("package/x");
        assert_eq!(id, hex_id("package/x"));
        assert_ne!(id, hex_id("package/y"));
        assert_eq!(id.len(), 32);
        assert!(id
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_eq!(uuid("a").len(), 36);
    }
}
