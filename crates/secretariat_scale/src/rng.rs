//! SplitMix64: a tiny seeded generator. Same seed, same organisation, on every machine.

/// A SplitMix64 stream.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A stream from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A stream derived from a seed and a few numbers (a block, an index): independent of how
    /// much was drawn elsewhere, so a block of the organisation never depends on the others.
    pub fn derive(seed: u64, parts: &[u64]) -> Rng {
        let mut r = Rng(seed);
        for &p in parts {
            r.0 = r.next_u64() ^ p.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
        r
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.next_u64() % 1000 < per_mille
    }

    /// One element of a non-empty slice, or `None`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    /// `k` distinct positions out of `0..n`, in increasing order (all of them when `k >= n`).
    pub fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        if k >= n {
            return (0..n).collect();
        }
        let mut chosen: Vec<usize> = Vec::with_capacity(k);
        while chosen.len() < k {
            let x = self.below(n);
            if !chosen.contains(&x) {
                chosen.push(x);
            }
        }
        chosen.sort_unstable();
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn same_seed_same_stream() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        assert_ne!(
            Rng::derive(7, &[1]).next_u64(),
            Rng::derive(7, &[2]).next_u64()
        );
    }

    #[test]
    fn sample_is_distinct_and_bounded() {
        let mut r = Rng::new(1);
        let s = r.sample(10, 4);
        assert_eq!(s.len(), 4);
        assert!(s.windows(2).all(|w| w.first() < w.last()) && s.iter().all(|&x| x < 10));
        assert_eq!(r.sample(3, 5), vec![0, 1, 2]);
    }
}
