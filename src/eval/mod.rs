//! Evaluation against gold data: the figures the README and the issues quote
//! come from here.

pub mod actors;
pub mod attribution;
pub mod brat;
pub mod sentiment;
pub mod targets;
