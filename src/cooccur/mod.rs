//! Co-occurrence and comparison: what regions share, how alike they are, and what goes
//! together with what.
//!
//! Three modes, all over plain data (strings and counts), all returning a labelled
//! [`Matrix`] with deterministic order and finite values:
//!
//! - **group × item** ([`group_item`]): groups (regions, 地区) as rows, items (slogans,
//!   formulations, 提法, or terms) as columns, raw, per-10k or binary, keeping items
//!   present in at least K groups (cross-region recurrences);
//! - **group × group** ([`group_similarity`]): Jaccard on item sets or cosine on
//!   (TF-IDF) frequency vectors, with the shared items of each pair;
//! - **item × item** ([`Cooccurrence`]): items counted once per context (sentence,
//!   paragraph, document or token window), with count, PMI, NPMI and Jaccard.

mod group;
mod items;
mod matrix;

pub use group::{
    group_item, group_similarity, similarity_matrix, GroupCounts, Measure, Norm, PairSimilarity,
    Similarity,
};
pub use items::{measures, Association, Cooccurrence, PairStat};
pub use matrix::Matrix;

#[cfg(test)]
mod tests;
