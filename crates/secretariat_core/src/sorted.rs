//! Sorting and sets for the engine's small lists (her RCPs, her entitlements, finding keys).
//!
//! The standard library's sorts are tuned for large inputs and weigh about 4 KB of `.wasm` per
//! element type; a B-tree set more. These lists hold tens to a few thousand items, where a plain
//! heapsort (O(n log n), in place, a few hundred bytes per type) is as good.

/// Sorts `v` in place, ascending. Not stable: for items that compare equal only when identical.
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift_down(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

/// Restores the max-heap order below `root` within `v[..end]`.
fn sift_down<T: Ord>(v: &mut [T], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && v.get(child) < v.get(child + 1) {
            child += 1;
        }
        if v.get(root) >= v.get(child) {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

/// `items` sorted, each once: a set as a plain vector (`binary_search` to look up).
pub(crate) fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut v: Vec<T> = items.into_iter().collect();
    sort(&mut v);
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::{set, sort};

    #[test]
    fn sorts_like_the_standard_library() {
        let mut seed = 0x2545_f491_u32;
        for len in [0, 1, 2, 3, 5, 8, 13, 100, 1000] {
            let mut v: Vec<u32> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    seed % 50
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_unstable();
            sort(&mut v);
            assert_eq!(v, expected, "{len}");
        }
        assert_eq!(set(["b", "a", "c", "a", "b"]), ["a", "b", "c"]);
    }
}
