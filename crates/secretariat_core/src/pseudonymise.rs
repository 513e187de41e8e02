//! Pseudonymisation for support: an organisation file an administrator can send a vendor without
//! patient data. Patient ids, RPPS numbers and (optionally) people's names and ids are replaced by
//! pseudonyms drawn from a keyed hash, so that the same file and key always give the same copy and
//! nobody without the key can tell which patient or doctor a pseudonym stands for. Every decision,
//! view and finding of the copy is the original's with the values renamed (a property test holds
//! it: `tests/properties.rs`).
//!
//! The keyed hash is SipHash-2-4 (Aumasson and Bernstein, 2012), written here in thirty lines
//! rather than taken from a crate: it is a pseudo-random function designed for short inputs under
//! a 128-bit secret key, which is what a pseudonym is, and the core keeps its dependencies to serde
//! and rustc-hash (it is compiled into the `.wasm`). Its reference vectors are checked below.

use crate::file::OrgFile;
use crate::findings::rpps_is_well_formed;

/// A pseudonymised organisation file, and what was renamed.
#[derive(Clone, Debug)]
pub struct Pseudonymised {
    /// The copy: the same organisation with patient ids, RPPS and (optionally) people renamed.
    pub file: OrgFile,
    /// Each renamed value and its pseudonym, original first (for whoever holds the key and must
    /// read a vendor's answer back; never send it with the file).
    pub renamed: Vec<(String, String)>,
}

/// Pseudonymises `file` under `key`: patient ids (`patient-…`), RPPS numbers (11 digits, valid by
/// Luhn exactly when the original is) and, with `names`, people's ids (`p-…`) and names
/// (`Personne …`), everywhere they appear. The same file and key give the same copy.
pub fn pseudonymise(file: &OrgFile, key: &str, names: bool) -> Pseudonymised {
    let key = Key::derive(key);
    let mut file = file.clone();
    let mut renamed = Vec::new();
    let had_network = file.network.is_some();
    let network = file.network.get_or_insert_with(Default::default);
    let patients = Table::build(
        network
            .dossiers
            .iter()
            .map(|d| d.patient.as_str())
            .chain(network.patient_objections.iter().map(String::as_str)),
        |value, round| format!("patient-{:016x}", key.hash(b"patient", value, round)),
    );
    for d in &mut network.dossiers {
        patients.rename(&mut d.patient);
    }
    for p in &mut network.patient_objections {
        patients.rename(p);
    }
    let rpps = Table::build(
        file.people.iter().filter_map(|p| p.rpps.as_deref()),
        |value, round| rpps_pseudonym(key.hash(b"rpps", value, round), rpps_is_well_formed(value)),
    );
    for p in &mut file.people {
        if let Some(r) = &mut p.rpps {
            rpps.rename(r);
        }
    }
    patients.record(&mut renamed);
    rpps.record(&mut renamed);
    if names {
        rename_people(&mut file, &key, &mut renamed);
    }
    if !had_network {
        file.network = None;
    }
    Pseudonymised { file, renamed }
}

/// People's ids everywhere they are referred to, and their names.
fn rename_people(file: &mut OrgFile, key: &Key, renamed: &mut Vec<(String, String)>) {
    let ids = Table::build(file.people.iter().map(|p| p.id.as_str()), |value, round| {
        format!("p-{:012x}", key.hash(b"person", value, round) >> 16)
    });
    // Names are renamed per person (two people of one name get two pseudonyms), from the id.
    let mut names = Vec::with_capacity(file.people.len());
    for p in &mut file.people {
        let pseudonym = format!("Personne {:06X}", key.hash(b"name", &p.id, 0) & 0xFF_FFFF);
        names.push((std::mem::replace(&mut p.name, pseudonym.clone()), pseudonym));
        ids.rename(&mut p.id);
    }
    for g in &mut file.groups {
        g.members.iter_mut().for_each(|m| ids.rename(m));
    }
    if let Some(practice) = &mut file.practice {
        for a in &mut practice.accesses {
            ids.rename(&mut a.secretary);
            ids.rename(&mut a.doctor);
        }
    }
    if let Some(network) = &mut file.network {
        for p in &mut network.profiles {
            ids.rename(&mut p.secretary);
        }
        for a in &mut network.affiliations {
            ids.rename(&mut a.doctor);
            if let Some(s) = &mut a.secretary {
                ids.rename(s);
            }
        }
        for r in &mut network.rcps {
            for list in [&mut r.participants, &mut r.animateurs, &mut r.responsables] {
                list.iter_mut().for_each(|d| ids.rename(d));
            }
        }
        for d in &mut network.dossiers {
            ids.rename(&mut d.demandeur);
        }
    }
    ids.record(renamed);
    renamed.extend(names);
}

/// Eleven digits from a hash: ten, then a Luhn check digit that is right when `valid`, wrong when
/// not — so the copy has the same malformed-RPPS findings as the original.
fn rpps_pseudonym(hash: u64, valid: bool) -> String {
    let body = format!("{:010}", hash % 10_000_000_000);
    let check = (0..=9u8)
        .map(|c| format!("{body}{c}"))
        .find(|r| rpps_is_well_formed(r) == valid)
        .unwrap_or_else(|| format!("{body}0"));
    check
}

/// Distinct values and their pseudonyms, without collisions: values are taken in sorted order
/// (so that the table does not depend on the file's order), and a pseudonym already given is
/// drawn again with the next round.
struct Table {
    pairs: Vec<(String, String)>,
}

impl Table {
    fn build<'a>(
        values: impl Iterator<Item = &'a str>,
        pseudonym: impl Fn(&str, u32) -> String,
    ) -> Table {
        let mut values: Vec<&str> = values.collect();
        crate::sorted::sort(&mut values);
        values.dedup();
        let mut taken = rustc_hash::FxHashSet::default();
        let mut pairs = Vec::with_capacity(values.len());
        for value in values {
            let mut round = 0;
            let mut p = pseudonym(value, round);
            while !taken.insert(p.clone()) {
                round += 1;
                p = pseudonym(value, round);
            }
            pairs.push((value.to_owned(), p));
        }
        Table { pairs }
    }

    fn rename(&self, value: &mut String) {
        if let Ok(i) = self
            .pairs
            .binary_search_by(|(original, _)| original.as_str().cmp(value.as_str()))
        {
            if let Some((_, p)) = self.pairs.get(i) {
                value.clone_from(p);
            }
        }
    }

    fn record(self, renamed: &mut Vec<(String, String)>) {
        renamed.extend(self.pairs);
    }
}

/// A 128-bit SipHash key derived from the text key.
struct Key(u64, u64);

impl Key {
    fn derive(text: &str) -> Key {
        let k = (0x7365_6372_6574_6172, 0x6961_742d_7073_6575); // "secretar", "iat-pseu"
        Key(
            siphash(k, &[b"k0:", text.as_bytes()].concat()),
            siphash(k, &[b"k1:", text.as_bytes()].concat()),
        )
    }

    /// The pseudonym hash of `value` in `domain` (patients and RPPS never share pseudonyms).
    fn hash(&self, domain: &[u8], value: &str, round: u32) -> u64 {
        let mut input = Vec::with_capacity(domain.len() + value.len() + 5);
        input.extend_from_slice(domain);
        input.push(0);
        input.extend_from_slice(value.as_bytes());
        input.extend_from_slice(&round.to_le_bytes());
        siphash((self.0, self.1), &input)
    }
}

/// SipHash-2-4 of `data` under the key `(k0, k1)`.
fn siphash((k0, k1): (u64, u64), data: &[u8]) -> u64 {
    let mut v = [
        k0 ^ 0x736f_6d65_7073_6575,
        k1 ^ 0x646f_7261_6e64_6f6d,
        k0 ^ 0x6c79_6765_6e65_7261,
        k1 ^ 0x7465_6462_7974_6573,
    ];
    fn round(v: &mut [u64; 4]) {
        let [v0, v1, v2, v3] = v;
        *v0 = v0.wrapping_add(*v1);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v3);
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.wrapping_add(*v3);
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.wrapping_add(*v1);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v2 = v2.rotate_left(32);
    }
    let compress = |m: u64, v: &mut [u64; 4]| {
        v[3] ^= m;
        round(v);
        round(v);
        v[0] ^= m;
    };
    let chunks = data.chunks_exact(8);
    let tail = chunks.remainder();
    for chunk in chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        compress(u64::from_le_bytes(word), &mut v);
    }
    let mut last = [0u8; 8];
    for (slot, byte) in last.iter_mut().zip(tail) {
        *slot = *byte;
    }
    let last = u64::from_le_bytes(last) | ((data.len() as u64 & 0xff) << 56);
    compress(last, &mut v);
    v[2] ^= 0xff;
    for _ in 0..4 {
        round(&mut v);
    }
    v[0] ^ v[1] ^ v[2] ^ v[3]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siphash_matches_the_reference_vectors() {
        // Appendix A of the SipHash paper: key 00 01 … 0f.
        let key = (0x0706_0504_0302_0100, 0x0f0e_0d0c_0b0a_0908);
        assert_eq!(siphash(key, b""), 0x726f_db47_dd0e_0e31);
        let fifteen: Vec<u8> = (0..15).collect();
        assert_eq!(siphash(key, &fifteen), 0xa129_ca61_49be_45e5);
    }

    #[test]
    fn rpps_pseudonyms_keep_their_validity() {
        for h in [0, 1, 42, u64::MAX] {
            assert!(rpps_is_well_formed(&rpps_pseudonym(h, true)));
            assert!(!rpps_is_well_formed(&rpps_pseudonym(h, false)));
        }
    }

    #[test]
    fn the_same_key_gives_the_same_copy_and_another_key_another() -> Result<(), String> {
        let org = crate::Organisation::load(crate::DEMO_ORG).map_err(|e| e.to_string())?;
        let a = pseudonymise(org.file(), "k", true);
        let b = pseudonymise(org.file(), "k", true);
        let c = pseudonymise(org.file(), "other", true);
        assert_eq!(a.file, b.file);
        assert_ne!(a.file, c.file);
        let text = serde_json::to_string(&a.file).map_err(|e| e.to_string())?;
        for (original, _) in &a.renamed {
            assert!(!text.contains(&format!("\"{original}\"")), "{original}");
        }
        Ok(())
    }
}
