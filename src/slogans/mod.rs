//! Slogans (口号) and numbered formulations (提法): extraction, normalisation, shapes,
//! expansions and counts by region.
//!
//! [`extract()`] finds, in *cleaned* text (Simplified, ASCII digits and `+`), five kinds of
//! [`Mention`]:
//!
//! * [`Kind::Numeric`]: digit formulas and codes: `1+5+N`, “136”工作体系 (named `136`), `3个1`;
//! * [`Kind::NumeralCompound`]: Chinese-numeral formulas such as 六联六促 ("six links, six
//!   promotions"), 两区一中心, 三治融合 ("fusion of the three governances");
//! * [`Kind::NumberedList`]: numeral + classifier + noun: 两个全覆盖, 五项权利, 四大体系;
//! * [`Kind::Plus`]: `X+` formulas: 党建+ ("Party building plus"), 党建+文化;
//! * [`Kind::QuotedSlogan`]: short slogans and brands in quotation marks: 红色物业 ("red
//!   property management"), 最后一公里 ("the last kilometre").
//!
//! The rules are triggered by cheap characters (quotes, digits, Chinese numerals, `+`) in one
//! pass over the text; no gold strings are carried. A curated [`Lexicon`] (`data/formulations.tsv`)
//! is a second, optional source for established unquoted catchphrases ([`extract_with_lexicon`]).
//! [`recognise_known`] is a corpus-level pass: a slogan quoted somewhere in the corpus is
//! also counted where it stands unquoted. [`expand()`] looks for the components a text gives
//! for a formulation, [`aggregate()`] counts mentions by region.
//!
//! Shapes and patterns: every mention has a *shape* that abstracts its numbers (`1+5+N` and
//! `1+2+N` → `1+k+N`; 六联六促 → `{6}联{6}促`) and a *pattern*, its family, which for a
//! compound of several numeral groups also abstracts the final morpheme: 三化三促 ("three
//! -isations, three promotions") and 三化三治 ("three -isations, three governances") share
//! the pattern `{3}化{3}*` while keeping their own shapes. [`by_shape`] (`tifa slogans --by
//! shape`) groups variants by shape, [`by_pattern`] (`--by pattern`) by family.

mod after;
mod aggregate;
mod before;
mod classify;
mod components;
mod defined;
mod expand;
mod extract;
#[cfg(test)]
mod extract_oracle;
mod families;
mod form_index;
mod heads;
mod known;
mod lexicon;
mod listed;
mod local;
mod memo;
pub mod numerals;
mod pointed;
mod scan;
mod series;
mod shape;
mod split;
mod tidy;
mod unquoted;
mod window;

pub use aggregate::{aggregate, Aggregator, Context, DocMentions, SloganStats};
pub use expand::{expand, Consistency, Expansion};
pub use extract::extract;
pub use families::{by_pattern, by_shape, ShapeStats};
pub use known::{recognise_known, recognise_known_with, KnownCollector, KnownForms, KnownGuard};
pub use lexicon::{extract_with_lexicon, Entry, Lexicon};
pub use shape::{pattern, shape};

use serde::Serialize;

/// The kind of a formulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Digit formulas and codes: `1+5+N`, `136`, `3个1`.
    Numeric,
    /// Chinese-numeral compounds: 六联六促, 三治融合.
    NumeralCompound,
    /// Numeral + classifier + noun: 两个全覆盖, 五项权利.
    NumberedList,
    /// `X+` formulas: 党建+, 党建+文化.
    Plus,
    /// Short slogans and brands in quotation marks.
    QuotedSlogan,
}

impl Kind {
    /// The serde / command-line name (`numeric`, `numeral_compound`, …).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Numeric => "numeric",
            Kind::NumeralCompound => "numeral_compound",
            Kind::NumberedList => "numbered_list",
            Kind::Plus => "plus",
            Kind::QuotedSlogan => "quoted_slogan",
        }
    }

    /// True for the formula kinds (everything but [`Kind::QuotedSlogan`]).
    pub fn is_formula(self) -> bool {
        self != Kind::QuotedSlogan
    }
}

/// One occurrence of a formulation or slogan in a cleaned text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Byte offset of the first character of `surface` (quotes excluded).
    pub start: usize,
    /// Byte offset just after `surface`.
    pub end: usize,
    /// The text as it stands: `text[start..end]`.
    pub surface: String,
    /// Normalised name: quotes removed, digit codes named by the code alone, split quotes
    /// (“打虎”、“拍蝇”) joined with `、`.
    pub normalized: String,
    /// What kind of formulation it is.
    pub kind: Kind,
    /// The shape, abstracting the numbers: `1+k+N`, `{6}联{6}促`, `党建+X`.
    pub shape: String,
    /// The pattern (family) of the shape: for a compound of two or more numeral groups the
    /// final morpheme is abstracted too (三化三促, 三化三治 → `{3}化{3}*`); otherwise the
    /// shape itself (digit formulas, single-numeral compounds, `X+`, quoted slogans).
    pub pattern: String,
    /// The numeric values of the numerals, in order (两 and 双 = 2).
    pub value: Vec<u32>,
    /// True when the mention stood in quotation marks.
    pub quoted: bool,
}

/// The most Han characters of a mention kept as one token when text is segmented (see
/// [`Mention::is_token`]).
pub const MAX_TOKEN_HAN: usize = 16;

impl Mention {
    /// True when the mention is kept as one token when its text is segmented (term counts,
    /// co-occurrence, contexts): every formulation and slogan but a quoted list of phrases
    /// longer than [`MAX_TOKEN_HAN`] Han characters (“分组共建聚合力、点面结合解难题、典型
    /// 回响促深化”), whose words are counted as the words they are.
    pub fn is_token(&self) -> bool {
        !extract::is_open_list(self.kind, &self.normalized)
    }

    /// A mention of `normalized` at `start..end` of `text`, with shape, pattern and values
    /// derived from `normalized`; `None` when the range is not on character boundaries.
    pub fn new(
        text: &str,
        start: usize,
        end: usize,
        normalized: String,
        kind: Kind,
        quoted: bool,
    ) -> Option<Mention> {
        let surface = text.get(start..end)?.to_string();
        let shape = shape::shape(kind, &normalized);
        Some(Mention {
            start,
            end,
            surface,
            pattern: shape::pattern(kind, &shape),
            shape,
            value: numerals::values(&normalized),
            normalized,
            kind,
            quoted,
        })
    }
}
