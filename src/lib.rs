//! tifa (提法, "formulation"): comparative analytics of Chinese policy and Party-building texts.
//!
//! The library holds all logic; the `tifa` binary only parses arguments and wires the stages:
//!
//! 1. [`load`]: files, directories, manifests, CSV and JSON Lines, with encoding detection;
//! 2. [`clean`]: normalisation (full-width, Traditional → Simplified, pinyin glosses),
//!    rejoining of page-broken paragraphs, removal of repeated material, with offsets back
//!    into the raw text ([`offsets`]);
//! 3. [`segment`]: jieba-rs segmentation with a domain dictionary and protected tokens;
//! 4. analyse: [`terms`] and [`keyness`], [`slogans`] (numbered formulations, 提法),
//!    [`cooccur`] and [`kwic`];
//! 5. present: [`table`] for the terminal and CSV, [`chart`] for SVG, [`report`] for the
//!    whole job; [`output`] writes files atomically.
//!
//! No `unwrap()` or `expect()` outside tests: input is user data, and a failure must be a
//! one-line error, not a panic (issue 9; `.ci/run` runs clippy, which enforces this).

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod chart;
pub mod clean;
pub mod contexts;
pub mod cooccur;
pub mod error;
pub mod keyness;
pub mod kwic;
pub mod load;
pub mod offsets;
pub mod output;
pub mod pipeline;
pub mod report;
pub mod segment;
pub mod slogans;
pub mod table;
pub mod terms;

pub use error::{Error, Result};
