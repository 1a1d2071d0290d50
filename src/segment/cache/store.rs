//! The cache's storage: cached blocks with their tokens ([`Store`]) and the per-call token
//! counts by id ([`Counter`]).

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

use hashbrown::HashTable;
use jieba_rs::Jieba;

use super::ENTRY_OVERHEAD;
use crate::terms::FxBuild;

/// Bytes per cached token in [`Store::arena`].
pub(super) const TOKEN_BYTES: usize = 6;

/// A cached block in the table: its hash, the offset of its record, its length and token
/// count.
#[derive(Debug, Clone, Copy)]
pub(super) struct Slot {
    hash: u64,
    offset: u32,
    len: u16,
    tokens: u16,
}

/// The Fx hash of a block's bytes.
fn block_hash(block: &str) -> u64 {
    let mut h = FxBuild::default().build_hasher();
    h.write(block.as_bytes());
    h.finish()
}

/// The tokens of a record's token bytes: (end offset in the block, id).
pub(super) fn decode(tokens: &[u8]) -> impl Iterator<Item = (usize, u32)> + '_ {
    tokens.chunks_exact(TOKEN_BYTES).map(|c| {
        (
            usize::from(u16::from_le_bytes([c[0], c[1]])),
            u32::from_le_bytes([c[2], c[3], c[4], c[5]]),
        )
    })
}

/// Slots of the table of blocks seen once ([`Store::seen_before`]): 2 MB per thread.
const SEEN_SLOTS: usize = 1 << 19;

/// Block text → its tokens, each as the byte offset of its end in the block and its id in
/// the thread's vocabulary.
///
/// A block is admitted on its second sighting: most blocks of real prose occur once (86% of
/// the block bytes of the provincial reports), and cutting those straight into the
/// document's counts costs less than storing them. The blocks seen once are remembered by a
/// 32-bit fingerprint in a direct-mapped table; a collision only admits a block early or
/// late, never changes a token.
#[derive(Default)]
pub(super) struct Store {
    /// The cached blocks, by hash; each slot names its record in `arena`.
    pub(super) table: HashTable<Slot>,
    /// One record per cached block: its bytes, then its tokens, [`TOKEN_BYTES`] each (end
    /// offset in the block as `u16`, id as `u32`, little-endian). A hit reads one stretch of
    /// memory: the key to compare and the tokens after it.
    pub(super) arena: Vec<u8>,
    /// Token → id, for the ids in `tokens`.
    pub(super) vocab: HashMap<Box<str>, u32, FxBuild>,
    /// Fingerprints of blocks seen once, by hash slot (0: empty); allocated on first use.
    pub(super) seen: Vec<u32>,
    /// Id + 1 of each one-character token of the Basic Multilingual Plane (0: none yet):
    /// the punctuation between blocks is counted by id without hashing. Allocated on first
    /// use (256 KB).
    pub(super) char_ids: Vec<u32>,
    /// Bytes counted against [`super::CACHE_BUDGET`].
    pub(super) bytes: usize,
}

/// Token counts by id of the text being counted.
#[derive(Default)]
pub(super) struct Counter {
    /// Count per token id (all zero between calls).
    pub(super) counts: Vec<u64>,
    /// Token ids counted in this call with the byte range of their first occurrence.
    pub(super) touched: Vec<(u32, usize, usize)>,
}

impl Store {
    /// The id of `token`, added to the vocabulary if new.
    pub(super) fn id(&mut self, token: &str) -> u32 {
        if let Some(&id) = self.vocab.get(token) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.bytes += token.len() + ENTRY_OVERHEAD;
        self.vocab.insert(token.into(), id);
        id
    }

    /// The id of the one-character token `t`.
    pub(super) fn char_id(&mut self, t: &str) -> u32 {
        // The code point, from the bytes (`t` is one character).
        let b = t.as_bytes();
        let low = |i: usize| usize::from(b.get(i).map_or(0, |&x| x & 0x3F));
        let i = match b.len() {
            1 => usize::from(b[0]),
            2 => (usize::from(b[0] & 0x1F) << 6) | low(1),
            3 => (usize::from(b[0] & 0x0F) << 12) | (low(1) << 6) | low(2),
            _ => return self.id(t),
        };
        if self.char_ids.is_empty() {
            self.char_ids = vec![0; 0x10000];
            self.bytes += 4 * 0x10000;
        }
        match self.char_ids[i] {
            0 => {
                let id = self.id(t);
                self.char_ids[i] = id + 1;
                id
            }
            n => n - 1,
        }
    }

    /// The byte range in `arena` of the tokens of cached `block` (hash `hash`).
    pub(super) fn lookup(&self, block: &str, hash: u64) -> Option<(usize, usize)> {
        let arena = &self.arena;
        self.table
            .find(hash, |s| {
                let at = s.offset as usize;
                s.hash == hash
                    && usize::from(s.len) == block.len()
                    && arena.get(at..at + block.len()) == Some(block.as_bytes())
            })
            .map(|s| {
                let at = s.offset as usize + usize::from(s.len);
                (at, at + TOKEN_BYTES * usize::from(s.tokens))
            })
    }

    /// Whether the block of hash `hash` was (probably) seen before; marks it seen.
    pub(super) fn seen_before(&mut self, hash: u64) -> bool {
        if self.seen.is_empty() {
            self.seen = vec![0; SEEN_SLOTS];
            self.bytes += 4 * SEEN_SLOTS;
        }
        let slot = (hash >> 32) as usize & (SEEN_SLOTS - 1);
        let print = (hash as u32) | 1;
        let seen = self.seen[slot] == print;
        self.seen[slot] = print;
        seen
    }

    /// Cuts `block` (at most [`super::MAX_BLOCK`] bytes) with jieba-rs and caches its tokens.
    pub(super) fn admit(
        &mut self,
        jieba: &Jieba,
        hmm: bool,
        block: &str,
        hash: u64,
    ) -> (usize, usize) {
        // The budget (checked between calls) keeps the arena far below 4 GB.
        let offset = self.arena.len();
        self.arena.extend_from_slice(block.as_bytes());
        let start = self.arena.len();
        let tokens = jieba.cut(block, hmm);
        for t in &tokens {
            let id = self.id(t.word);
            // block.len() <= MAX_BLOCK = u16::MAX.
            self.arena
                .extend_from_slice(&(t.byte_end as u16).to_le_bytes());
            self.arena.extend_from_slice(&id.to_le_bytes());
        }
        let end = self.arena.len();
        self.bytes += end - offset + ENTRY_OVERHEAD;
        let slot = Slot {
            hash,
            offset: offset as u32,
            len: block.len() as u16,
            tokens: tokens.len() as u16,
        };
        self.table.insert_unique(hash, slot, |s| s.hash);
        (start, end)
    }

    /// The token bytes of `block` (see [`decode`]) if it is cached, or seen before (then it
    /// is cut and cached now).
    pub(super) fn cached(&mut self, jieba: &Jieba, hmm: bool, block: &str) -> Option<&[u8]> {
        let hash = block_hash(block);
        let (start, end) = match self.lookup(block, hash) {
            Some(range) => range,
            None if self.seen_before(hash) => self.admit(jieba, hmm, block, hash),
            None => return None,
        };
        Some(&self.arena[start..end])
    }
}

impl Counter {
    /// Counts one occurrence of token `id` at `start..end` of the text.
    pub(super) fn count(&mut self, id: u32, start: usize, end: usize) {
        let i = id as usize;
        if i >= self.counts.len() {
            self.counts.resize(i + 1, 0);
        }
        if self.counts[i] == 0 {
            self.touched.push((id, start, end));
        }
        self.counts[i] += 1;
    }
}
