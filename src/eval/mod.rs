//! Evaluation against gold data: the figures the README and the issues quote
//! come from here.

pub mod attribution;
pub mod brat;
