//! The partner page (`/partners/<org>`): one organization, the partnership with it both ways,
//! and the shares between us.

pub mod page;
mod requests;
mod shares;
