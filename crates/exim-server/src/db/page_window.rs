//! Deep pages read from the nearer end of a list (transfers, jobs).

/// Which rows to read for a page. SQLite steps over every skipped row, so a page in the
/// second half of the list is read backwards from the end: the cost is the distance to the
/// nearer end, not to the start.
#[derive(Debug, PartialEq, Eq)]
pub struct PageWindow {
    pub offset: u64,
    pub limit: u64,
    pub reversed: bool,
}

impl PageWindow {
    pub fn new(start: u64, limit: u64, total: u64) -> PageWindow {
        let rows = limit.min(total.saturating_sub(start));
        if start > total / 2 && rows > 0 {
            PageWindow {
                offset: total - start - rows,
                limit: rows,
                reversed: true,
            }
        } else {
            PageWindow {
                offset: start,
                limit,
                reversed: false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PageWindow;

    #[test]
    fn pages_near_the_end_are_read_backwards() {
        let window = |start, limit, total| PageWindow::new(start, limit, total);
        assert_eq!(
            window(0, 20, 100),
            PageWindow {
                offset: 0,
                limit: 20,
                reversed: false
            }
        );
        assert_eq!(
            window(40, 20, 100),
            PageWindow {
                offset: 40,
                limit: 20,
                reversed: false
            }
        );
        assert_eq!(
            window(60, 20, 100),
            PageWindow {
                offset: 20,
                limit: 20,
                reversed: true
            }
        );
        assert_eq!(
            window(90, 20, 100),
            PageWindow {
                offset: 0,
                limit: 10,
                reversed: true
            }
        );
        assert_eq!(
            window(100, 20, 100),
            PageWindow {
                offset: 100,
                limit: 20,
                reversed: false
            }
        );
        assert_eq!(
            window(5, 20, 0),
            PageWindow {
                offset: 5,
                limit: 20,
                reversed: false
            }
        );
    }
}
