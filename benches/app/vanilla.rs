//! The baseline for the app's 100-row page: the same rows, from the same response, rendered by
//! a few lines of plain DOM code (`createElement`, `textContent`) in the same page and browser,
//! into a table with the same classes, cells and status light. Timed as the app's
//! `transfers-rows-painted` mark is (`src/perf.rs`): from the response body in hand to a task
//! queued from the next animation frame, so both include parsing the JSON.

use serde_json::Value;
use thirtyfour::prelude::*;

use crate::page::{acme_headers, Result};

/// Fetches the app's last list request again (the same URL and organization: the same rows,
/// as no transfer runs while the pages are measured), renders it next to the app's table,
/// waits for the frame, removes it. Answers `[ms, same ids as the app's rows, row count]`.
const RENDER: &str = r#"
const [headers, done] = arguments;
const list = performance.getEntriesByType('resource')
    .filter((entry) => entry.name.includes('/exim/transfer/list')).pop();
const appIds = [...document.querySelectorAll('#transfers-table tbody tr')]
    .map((row) => row.dataset.transferId).join();
fetch(list.name, { headers }).then((response) => response.text()).then((text) => {
    const start = performance.now();
    const transfers = JSON.parse(text).data;
    const add = (parent, tag, text, className) => {
        const element = parent.appendChild(document.createElement(tag));
        if (text != null) element.textContent = text;
        if (className) element.className = className;
        return element;
    };
    const pad = (n) => String(n).padStart(2, '0');
    const local = (ms) => {
        const d = new Date(ms);
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} `
            + `${pad(d.getHours())}:${pad(d.getMinutes())}`;
    };
    const time = (cell, ms) => { add(cell, 'time', local(ms)).title = new Date(ms).toISOString(); };
    const lights = { PENDING: 'notice', IN_PROGRESS: 'notice', COMPLETED: 'positive',
                     FAILED: 'negative' };
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    const body = add(add(wrap, 'table', null, 'data-table'), 'tbody');
    for (const t of transfers) {
        const row = add(body, 'tr');
        row.dataset.transferId = t.id;
        add(add(row, 'td', null, 'name-cell'), 'a', t.packageName ?? t.packageId).href =
            `/sharing/${encodeURIComponent(t.id)}`;
        add(row, 'td', t.sourceOrgName ?? t.sourceIMSOrgId, 'optional');
        add(add(row, 'td', t.targetOrgName ?? t.targetIMSOrgId), 'small', t.targetIMSOrgId,
            'org-id');
        add(row, 'td', t.requestType === 'PUBLIC' ? 'Public pull' : 'Private share', 'optional');
        const status = t.status.replaceAll('_', ' ').toLowerCase();
        add(add(row, 'td'), 'span', status[0].toUpperCase() + status.slice(1),
            `status-light ${lights[t.status] ?? 'neutral'}`);
        add(row, 'td', t.initiatedBy, 'optional');
        time(add(row, 'td'), t.createdDate);
        const completed = add(row, 'td');
        if (t.completedTime == null) completed.textContent = '—';
        else time(completed, t.completedTime);
    }
    document.querySelector('#transfers-table').closest('.table-wrap').after(wrap);
    requestAnimationFrame(() => setTimeout(() => {
        const elapsed = performance.now() - start;
        wrap.remove();
        done([elapsed, transfers.map((t) => t.id).join() === appIds, transfers.length]);
    }, 0));
}).catch((error) => done(String(error)));"#;

/// Milliseconds for the plain DOM code to paint the rows the app shows now.
pub async fn render_same_rows(driver: &WebDriver, rows: usize) -> Result<f64> {
    let answer: Value = driver
        .execute_async(RENDER, vec![acme_headers()])
        .await?
        .json()
        .clone();
    match serde_json::from_value::<(f64, bool, usize)>(answer.clone()) {
        Ok((elapsed, true, count)) if count == rows => Ok(elapsed),
        Ok((_, same, count)) => Err(format!(
            "the baseline got {count} rows ({} ids) where the app shows {rows}",
            if same { "the same" } else { "other" }
        )
        .into()),
        Err(_) => Err(format!("the baseline failed: {answer}").into()),
    }
}
