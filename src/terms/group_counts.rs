//! [`GroupCounts`]: one group's (count, document frequency) per term id, an open-addressing
//! table built for the streaming term table's one hot operation, adding a document.
//!
//! A document brings about 2,800 distinct terms, each landing in a random slot of a table of
//! the group's whole vocabulary (megabytes, out of cache once the other groups have had
//! their documents). With `std`'s map the sink waited on one cache miss after the other (the
//! profile put 83% of `GroupTable::add` on the first key compare of the probe). Here a
//! document is added in chunks: the home slots of a chunk are read first, loads that do not
//! depend on each other and so overlap, and the chunk is then counted in, from cache.

/// A slot: term id (`EMPTY` when free), documents containing it, count.
#[derive(Debug, Clone, Copy)]
struct Slot {
    id: u32,
    df: u32,
    count: u64,
}

/// The id of a free slot. Interner ids count up from 0; a vocabulary never nears 4 G terms.
const EMPTY: u32 = u32::MAX;

const FREE: Slot = Slot {
    id: EMPTY,
    df: 0,
    count: 0,
};

/// Terms whose home slots are read ahead before they are counted in.
const CHUNK: usize = 16;

/// Per term id: (count, documents). Linear probing over a power-of-two table kept at most
/// half full; ids are spread by Fibonacci hashing.
#[derive(Debug, Clone, Default)]
pub(crate) struct GroupCounts {
    slots: Vec<Slot>,
    /// Used slots.
    len: usize,
    /// `64 - log2(slots.len())`.
    shift: u32,
}

impl GroupCounts {
    /// The home slot of `id`.
    #[inline]
    fn home(&self, id: u32) -> usize {
        (u64::from(id).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The slot holding `id`, or the free slot where it goes.
    #[inline]
    fn probe(&self, id: u32) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = self.home(id);
        loop {
            let s = self.slots[i].id;
            if s == id || s == EMPTY {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// Makes room for `more` new ids without passing half full.
    fn reserve(&mut self, more: usize) {
        let need = (self.len + more) * 2;
        if need <= self.slots.len() {
            return;
        }
        let cap = need.next_power_of_two().max(64);
        let old = std::mem::replace(&mut self.slots, vec![FREE; cap]);
        self.shift = 64 - cap.trailing_zeros();
        for s in old.into_iter().filter(|s| s.id != EMPTY) {
            let i = self.probe(s.id);
            self.slots[i] = s;
        }
    }

    /// Adds one document: `count` occurrences of each `(id, count)` and one document to each
    /// id's document frequency. The ids must be distinct.
    pub(crate) fn add_doc(&mut self, terms: &[(u32, u64)]) {
        self.reserve(terms.len());
        for chunk in terms.chunks(CHUNK) {
            // Read ahead: independent loads of the chunk's home slots, so their misses
            // overlap (black_box keeps the otherwise unused reads).
            let mut ahead = 0u32;
            for &(id, _) in chunk {
                ahead ^= self.slots[self.home(id)].id;
            }
            std::hint::black_box(ahead);
            for &(id, count) in chunk {
                let i = self.probe(id);
                let s = &mut self.slots[i];
                if s.id == EMPTY {
                    *s = Slot {
                        id,
                        df: 0,
                        count: 0,
                    };
                    self.len += 1;
                }
                s.count += count;
                s.df = s.df.saturating_add(1);
            }
        }
    }

    /// The (count, documents) of `id`, if counted.
    pub(crate) fn get(&self, id: u32) -> Option<(u64, u64)> {
        if self.slots.is_empty() || id == EMPTY {
            return None;
        }
        let s = self.slots[self.probe(id)];
        (s.id == id).then_some((s.count, u64::from(s.df)))
    }

    /// Every counted id with its (count, documents), in no particular order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u32, (u64, u64))> + '_ {
        self.slots
            .iter()
            .filter(|s| s.id != EMPTY)
            .map(|s| (s.id, (s.count, u64::from(s.df))))
    }

    /// The number of counted ids.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.len
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    #[test]
    fn counts_by_hand() {
        let mut g = GroupCounts::default();
        assert_eq!(g.get(0), None);
        g.add_doc(&[(0, 3), (7, 1)]);
        g.add_doc(&[(7, 2), (9, 5)]);
        // id 7: 1 + 2 occurrences in 2 documents; id 0: 3 in 1; id 9: 5 in 1.
        assert_eq!(g.get(7), Some((3, 2)));
        assert_eq!(g.get(0), Some((3, 1)));
        assert_eq!(g.get(9), Some((5, 1)));
        assert_eq!(g.get(8), None);
        assert_eq!(g.get(EMPTY), None);
        assert_eq!(g.len(), 3);
        let mut all: Vec<_> = g.iter().collect();
        all.sort();
        assert_eq!(all, [(0, (3, 1)), (7, (3, 2)), (9, (5, 1))]);
    }

    proptest! {
        /// A second method: `std`'s HashMap, through growth (thousands of ids) and chunks.
        #[test]
        fn same_as_a_hash_map(docs in prop::collection::vec(
            prop::collection::hash_map(0u32..5000, 1u64..9, 0..300), 0..12)) {
            let mut g = GroupCounts::default();
            let mut want: HashMap<u32, (u64, u64)> = HashMap::new();
            for d in &docs {
                let terms: Vec<(u32, u64)> = d.iter().map(|(&i, &c)| (i, c)).collect();
                g.add_doc(&terms);
                for &(i, c) in &terms {
                    let e = want.entry(i).or_insert((0, 0));
                    e.0 += c;
                    e.1 += 1;
                }
            }
            prop_assert_eq!(g.len(), want.len());
            let got: HashMap<u32, (u64, u64)> = g.iter().collect();
            prop_assert_eq!(&got, &want);
            for i in 0..5000 {
                prop_assert_eq!(g.get(i), want.get(&i).copied());
            }
        }
    }
}
