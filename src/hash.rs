//! Hashes of names made of parts (a model's feature names, a lexicon's phrases), and
//! maps keyed by them.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Keys are already hashes: hashing them again would only cost time.
#[derive(Default)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = n as u64;
    }
}

pub type HashedMap<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// A model's weights, keyed by `weight_key`.
pub type WeightMap = HashMap<u32, f32, BuildHasherDefault<PassThrough>>;

/// The key of a feature's weight: the low 32 bits of its hash, which halve the keys the
/// wasm carries; `the_models_features_do_not_collide` checks the built-in models, and
/// build.rs refuses a model two of whose features share a key.
pub fn weight_key(hash: u64) -> u32 {
    hash as u32
}

pub type HashedSet = HashSet<u64, BuildHasherDefault<PassThrough>>;

/// The hash of a feature from its name parts, so features need no allocation: each
/// part is read eight bytes at a time and folded in with a wide multiply (the wyhash
/// step), a few multiplies per feature where a byte-at-a-time hash takes one per byte.
pub fn hash(parts: &[&str]) -> u64 {
    hash_spaced_parts(parts.iter().copied())
}

/// `hash` of a name written with its parts joined by single spaces, as model files write them.
pub fn hash_spaced(name: &str) -> u64 {
    hash_spaced_parts(name.split(' '))
}

fn hash_spaced_parts<'a>(parts: impl Iterator<Item = &'a str>) -> u64 {
    parts.fold(0, |h, part| hash_part(h, part.as_bytes()))
}

const K0: u64 = 0xa076_1d64_78bd_642f;
const K1: u64 = 0xe703_7ed1_a0b4_28db;

/// The high and low halves of the 128-bit product, xored: every input bit reaches
/// every output bit.
#[inline]
fn fold(a: u64, b: u64) -> u64 {
    let m = (a as u128) * (b as u128);
    (m as u64) ^ ((m >> 64) as u64)
}

#[inline]
fn read_u64(bytes: &[u8]) -> u64 {
    u64::from_le_bytes(bytes[..8].try_into().expect("eight bytes"))
}

#[inline]
fn read_u32(bytes: &[u8]) -> u64 {
    u32::from_le_bytes(bytes[..4].try_into().expect("four bytes")) as u64
}

/// The hash of the parts hashed into `h`, then `bytes`: `hash` a part at a time. The
/// length goes in first, so parts cannot run into each other.
#[inline]
pub fn hash_part(h: u64, bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let mut h = h ^ n as u64;
    // Short parts (nearly all) are read whole, in two overlapping halves or three bytes.
    let last = if n > 8 {
        let mut rest = bytes;
        while rest.len() > 8 {
            h = fold(h ^ K0, read_u64(rest) ^ K1);
            rest = &rest[8..];
        }
        read_u64(&bytes[n - 8..])
    } else if n >= 4 {
        read_u32(bytes) | read_u32(&bytes[n - 4..]) << 32
    } else if n > 0 {
        (bytes[0] as u64) << 16 | (bytes[n / 2] as u64) << 8 | bytes[n - 1] as u64
    } else {
        0
    };
    fold(h ^ K0, last ^ K1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_keep_their_boundaries() {
        let lists: [&[&str]; 7] = [&["ab", "c"], &["a", "bc"], &["abc"], &["abc", ""], &["", "abc"], &["w", "longer than eight"], &["w", "longer than eigh", "t"]];
        let hashes: HashSet<u64> = lists.iter().map(|parts| hash(parts)).collect();
        assert_eq!(hashes.len(), lists.len());
        assert_eq!(hash(&["pw", "is", "widely"]), hash_spaced("pw is widely"));
    }

    #[test]
    fn the_models_features_do_not_collide() {
        let files = [include_str!("model/attribution_cue.txt"), include_str!("model/hedge_cue.txt")];
        for file in files {
            let names: HashSet<&str> = file.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.rsplit_once('\t')).map(|(name, _)| name).collect();
            let hashes: HashSet<u32> = names.iter().map(|name| weight_key(hash_spaced(name))).collect();
            assert_eq!(hashes.len(), names.len());
        }
    }
}
