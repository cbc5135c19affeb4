//! Reporters: one writer per output format.

pub mod human;
pub mod json;
pub mod sarif;
