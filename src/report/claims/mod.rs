//! The renderers of the many-outlet report ([`crate::findings::claims`]):
//! [`text`], [`csv`] (long format and the coverage matrix), [`json`] and
//! [`html`].

pub mod csv;
pub mod html;
pub mod json;
pub mod text;

// The model's public path before it moved to `findings`.
pub use crate::findings::claims::{
    ClaimEntry, ClaimStatus, ClaimsReport, ClauseOf, CopyHint, OutletSummary, Provenance, Variant,
};
