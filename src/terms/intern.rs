//! [`Interner`]: distinct terms ↔ dense ids, with the first 16 bytes of each term kept in the
//! hash table itself.
//!
//! A streaming term table interns every distinct term of every document (about 2,800 per
//! 57 KB report). With the terms behind pointers, each lookup is three dependent memory loads
//! (table slot, entry, string bytes); here a term of up to 16 bytes (five Han characters) is
//! compared inside its table slot, and only longer terms follow the pointer to the rest.

use hashbrown::HashTable;
use std::hash::{BuildHasher, Hasher};

use super::hash::{padded_le, FxBuild, FxHasher};

/// One table slot: the term's hash, its first 16 bytes (zero-padded), length and id.
#[derive(Debug, Clone, Copy)]
struct Slot {
    hash: u64,
    head: [u64; 2],
    len: u32,
    id: u32,
}

/// Terms interned in first-seen order; a term's id is its index.
#[derive(Debug, Clone, Default)]
pub struct Interner {
    table: HashTable<Slot>,
    terms: Vec<Box<str>>,
}

/// The first 16 bytes of `s`, zero-padded, as two little-endian words.
fn head(s: &str) -> [u64; 2] {
    let b = s.as_bytes();
    [padded_le(b), padded_le(b.get(8..).unwrap_or_default())]
}

fn hash(s: &str) -> u64 {
    let mut h: FxHasher = FxBuild::default().build_hasher();
    h.write(s.as_bytes());
    h.finish()
}

impl Interner {
    /// An empty interner.
    pub fn new() -> Interner {
        Interner::default()
    }

    /// The number of distinct terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether no term was interned.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The term with id `id` (empty for an unknown id).
    pub fn term(&self, id: u32) -> &str {
        self.terms.get(id as usize).map_or("", |t| t)
    }

    fn find(&self, t: &str, hash: u64, head: [u64; 2]) -> Option<u32> {
        let terms = &self.terms;
        self.table
            .find(hash, |s| {
                s.len as usize == t.len()
                    && s.head == head
                    && (t.len() <= 16
                        || terms[s.id as usize].as_bytes()[16..] == t.as_bytes()[16..])
            })
            .map(|s| s.id)
    }

    /// The id of `t`, if interned.
    pub fn get(&self, t: &str) -> Option<u32> {
        self.find(t, hash(t), head(t))
    }

    /// The id of `t`, interned now if new. Ids run 0, 1, 2 … in first-seen order (more than
    /// 4 G distinct terms would wrap; a vocabulary is millions at most).
    pub fn intern(&mut self, t: &str) -> u32 {
        let (h, hd) = (hash(t), head(t));
        if let Some(id) = self.find(t, h, hd) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.terms.push(t.into());
        self.table.insert_unique(
            h,
            Slot {
                hash: h,
                head: hd,
                len: t.len() as u32,
                id,
            },
            |s| s.hash,
        );
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use indexmap::IndexSet;
    use proptest::prelude::*;

    #[test]
    fn ids_in_first_seen_order_by_hand() {
        let mut i = Interner::new();
        // Equal first 16 bytes, different tails; a prefix of another term; the empty term.
        let long_a = "习近平新时代中国特色社会主义思想";
        let long_b = "习近平新时代中国特色社会主义道路";
        let words = ["党建", "党建引领", long_a, long_b, "", "党建", long_a, "a"];
        let ids: Vec<u32> = words.iter().map(|w| i.intern(w)).collect();
        assert_eq!(ids, [0, 1, 2, 3, 4, 0, 2, 5]);
        assert_eq!(i.len(), 6);
        assert_eq!(i.term(3), long_b);
        assert_eq!(i.get("党建引领"), Some(1));
        assert_eq!(i.get("党"), None);
        assert_eq!(i.get("习近平新时代中国特色社会主义"), None);
        assert_eq!(i.term(99), "");
    }

    proptest! {
        /// A second method: indexmap's `IndexSet`, whose indices are first-seen order too.
        #[test]
        fn same_ids_as_an_index_set(words in prop::collection::vec("[党建引领a-c1]{0,9}", 0..200)) {
            let mut i = Interner::new();
            let mut set: IndexSet<String> = IndexSet::new();
            for w in &words {
                let id = i.intern(w);
                let (want, _) = set.insert_full(w.clone());
                prop_assert_eq!(id as usize, want);
            }
            for w in &words {
                prop_assert_eq!(i.get(w).map(|x| x as usize), set.get_index_of(w));
                prop_assert_eq!(i.term(i.get(w).unwrap_or(u32::MAX)), w.as_str());
            }
            prop_assert_eq!(i.len(), set.len());
        }
    }
}
