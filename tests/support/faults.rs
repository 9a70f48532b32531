//! Arming exim-server's `/_local/faults` from the page (same origin as the API).

use thirtyfour::prelude::*;

use super::Session;

/// Arms a fault (see exim-server's crate docs), e.g.
/// `{"method": "GET", "path": "/data/foundation/exim/handshake/list", "times": 1, "status": 500}`.
pub async fn arm_fault(session: &Session, fault: serde_json::Value) -> WebDriverResult<()> {
    let status: u16 = session
        .driver
        .execute_async(
            r#"const [fault, done] = arguments;
               fetch('/_local/faults', {
                 method: 'POST',
                 headers: { 'Content-Type': 'application/json' },
                 body: JSON.stringify(fault),
               }).then((r) => done(r.status), () => done(0));"#,
            vec![fault],
        )
        .await?
        .convert()?;
    assert_eq!(status, 201, "the fault is armed");
    Ok(())
}
