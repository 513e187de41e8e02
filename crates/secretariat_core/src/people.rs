//! Who an organisation makes a secretary, and who a doctor — for pickers (the playground), for
//! simulation (who to list) and for anyone who lays out an organisation. From the indexes, in file
//! order, in linear time.

use crate::file::Category;
use crate::org::{Organisation, PersonId};
use crate::view::PersonRef;

impl Organisation {
    /// Whether the file gives this person any part of a secretary: a practice access, a profile, an
    /// affiliation (directly or through a group), a group — or the category `secretaire` without
    /// being a coordinator.
    pub(crate) fn acts_as_secretary(&self, p: PersonId) -> bool {
        let x = self.person(p);
        (x.category == Category::Secretaire && x.coordinator_of.is_empty())
            || !x.accesses.is_empty()
            || !x.profiles.is_empty()
            || !x.affiliations.is_empty()
            || !x.groups.is_empty()
    }

    /// Everyone the file makes a secretary, in file order.
    pub fn secretaries(&self) -> Vec<PersonRef> {
        self.person_ids()
            .filter(|&p| self.acts_as_secretary(p))
            .map(|p| self.person_ref(p))
            .collect()
    }

    /// The doctors, in file order: anyone named as a doctor by an access, an affiliation or an RCP
    /// role, and every person in category `medecin` who does not act as a secretary.
    pub fn doctors(&self) -> Vec<PersonRef> {
        let mut named = vec![false; self.people.len()];
        let doctors = self
            .accesses
            .iter()
            .map(|a| a.doctor)
            .chain(self.affiliations.iter().map(|a| a.doctor));
        for d in doctors {
            if let Some(slot) = named.get_mut(d.ix()) {
                *slot = true;
            }
        }
        self.person_ids()
            .filter(|&p| {
                named.get(p.ix()).copied().unwrap_or(false)
                    || !self.person(p).rcps.is_empty()
                    || (self.person(p).category == Category::Medecin && !self.acts_as_secretary(p))
            })
            .map(|p| self.person_ref(p))
            .collect()
    }

    /// Her doctors as written — affiliated to her directly or to a group she belongs to — whatever
    /// their windows and statuses, in file order. `None` when no person has that id.
    pub fn affiliated_doctors(&self, secretary: &str) -> Option<Vec<PersonRef>> {
        let s = self.person_id(secretary)?;
        let mut ids: Vec<PersonId> = self.doctor_links(s).map(|l| l.doctor).collect();
        crate::sorted::sort(&mut ids);
        ids.dedup();
        Some(ids.into_iter().map(|p| self.person_ref(p)).collect())
    }
}

#[cfg(test)]
mod tests {
    use crate::Organisation;

    fn ids(people: Vec<crate::PersonRef>) -> Vec<String> {
        people.into_iter().map(|p| p.id).collect()
    }

    #[test]
    fn the_demo_has_five_secretaries_and_four_doctors() -> Result<(), String> {
        let org = Organisation::load(crate::DEMO_ORG).map_err(|e| e.to_string())?;
        // Nadia is in category `medecin` but holds a profile and an affiliation: a secretary.
        // Isabelle Roux coordinates a centre: neither.
        assert_eq!(
            ids(org.secretaries()),
            ["sophie", "lea", "karim", "nadia", "julie"]
        );
        assert_eq!(
            ids(org.doctors()),
            ["dr-martin", "dr-durand", "dr-petit", "dr-leroy"]
        );
        // Léa has Dr Durand through the group « Secrétariat digestif » only.
        assert_eq!(
            org.affiliated_doctors("lea").map(ids),
            Some(vec!["dr-durand".to_owned()])
        );
        assert_eq!(org.affiliated_doctors("nobody"), None);
        Ok(())
    }
}
