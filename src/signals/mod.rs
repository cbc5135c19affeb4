//! Signal extractors: each reads a prepared posting text and returns one part of the output
//! contract, every value with the spans it came from.

pub mod autonomy;
pub mod degree;
pub mod experience;
mod figure_starts;
pub mod leadership;
pub mod title;
