//! French names, cities and tumour boards: what a real directory of a French cancer network holds.

/// Given names of doctors (mixed).
pub const DOCTOR_GIVEN: &[&str] = &[
    "Claire",
    "Paul",
    "Anne",
    "Marc",
    "Isabelle",
    "Philippe",
    "Catherine",
    "Jean",
    "Sophie",
    "Nicolas",
    "Nathalie",
    "François",
    "Hélène",
    "Pierre",
    "Valérie",
    "Olivier",
    "Christine",
    "Thierry",
    "Sandrine",
    "Laurent",
    "Florence",
    "Éric",
    "Cécile",
    "Stéphane",
    "Agnès",
    "Julien",
    "Élise",
    "Guillaume",
    "Bénédicte",
    "Antoine",
    "Marion",
    "Frédéric",
    "Delphine",
    "Vincent",
    "Aurélie",
    "Thomas",
    "Camille",
    "Mathieu",
    "Juliette",
    "Hugo",
    "Inès",
    "Benoît",
    "Émilie",
    "Xavier",
    "Laure",
    "Yannick",
    "Noémie",
    "Rémi",
    "Solène",
    "Arnaud",
];

/// Given names of secretaries.
pub const SECRETARY_GIVEN: &[&str] = &[
    "Sophie",
    "Léa",
    "Julie",
    "Nadia",
    "Karim",
    "Sandrine",
    "Céline",
    "Aurélie",
    "Stéphanie",
    "Émilie",
    "Laetitia",
    "Virginie",
    "Audrey",
    "Sabrina",
    "Mélanie",
    "Karine",
    "Elodie",
    "Fatima",
    "Samia",
    "Myriam",
    "Chloé",
    "Manon",
    "Océane",
    "Pauline",
    "Marine",
    "Coralie",
    "Jessica",
    "Vanessa",
    "Sylvie",
    "Martine",
    "Brigitte",
    "Corinne",
    "Patricia",
    "Josiane",
    "Yasmina",
    "Amandine",
    "Anaïs",
    "Justine",
    "Mathilde",
    "Gaëlle",
    "Nathan",
    "Mehdi",
    "Kevin",
    "Romain",
];

/// The most frequent French surnames, and a few others.
pub const SURNAMES: &[&str] = &[
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefèvre",
    "Leroy",
    "Roux",
    "David",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Lefebvre",
    "Faure",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Garnier",
    "Chevalier",
    "François",
    "Legrand",
    "Gauthier",
    "Garcia",
    "Perrin",
    "Robin",
    "Clément",
    "Morin",
    "Nicolas",
    "Henry",
    "Roussel",
    "Mathieu",
    "Gautier",
    "Masson",
    "Marchand",
    "Duval",
    "Denis",
    "Dumont",
    "Marie",
    "Lemaire",
    "Noël",
    "Meyer",
    "Dufour",
    "Meunier",
    "Brun",
    "Blanchard",
    "Giraud",
    "Joly",
    "Rivière",
    "Lucas",
    "Brunet",
    "Gaillard",
    "Barbier",
    "Arnaud",
    "Martinez",
    "Gérard",
    "Roche",
    "Renard",
    "Schmitt",
    "Roy",
    "Leroux",
    "Colin",
    "Vidal",
    "Caron",
    "Picard",
    "Roger",
    "Fabre",
    "Aubert",
    "Lemoine",
    "Renaud",
    "Dumas",
    "Lacroix",
    "Olivier",
    "Philippe",
    "Bourgeois",
    "Pierre",
    "Benoît",
    "Rey",
    "Leclerc",
    "Payet",
    "Rolland",
    "Leclercq",
    "Guillaume",
    "Lecomte",
    "Haddad",
    "Benali",
    "Nguyen",
    "Le Gall",
    "Le Goff",
    "Kerboul",
    "Etcheverry",
    "Ouédraogo",
    "Da Silva",
];

/// Cities with a cancer coordination centre (3C).
pub const CITIES: &[&str] = &[
    "Caen",
    "Rouen",
    "Lille",
    "Amiens",
    "Reims",
    "Nancy",
    "Strasbourg",
    "Metz",
    "Dijon",
    "Besançon",
    "Lyon",
    "Grenoble",
    "Saint-Étienne",
    "Clermont-Ferrand",
    "Limoges",
    "Poitiers",
    "Tours",
    "Orléans",
    "Angers",
    "Nantes",
    "Rennes",
    "Brest",
    "Vannes",
    "Le Mans",
    "Bordeaux",
    "Pau",
    "Bayonne",
    "Toulouse",
    "Montpellier",
    "Nîmes",
    "Perpignan",
    "Marseille",
    "Nice",
    "Toulon",
    "Avignon",
    "Ajaccio",
    "Bastia",
    "Paris",
    "Créteil",
    "Versailles",
    "Saint-Denis",
    "Argenteuil",
    "Boulogne-Billancourt",
    "Le Havre",
    "Cherbourg",
    "Valenciennes",
    "Arras",
    "Calais",
    "Troyes",
    "Mulhouse",
    "Colmar",
    "Chambéry",
    "Annecy",
    "Valence",
    "La Rochelle",
    "Niort",
    "Lorient",
    "Quimper",
    "Saint-Brieuc",
    "Laval",
    "Chartres",
    "Bourges",
    "Nevers",
    "Auxerre",
    "Périgueux",
    "Agen",
    "Albi",
    "Rodez",
    "Béziers",
    "Fort-de-France",
    "Pointe-à-Pitre",
    "Cayenne",
    "Saint-Pierre",
];

/// Kinds of establishment a 3C belongs to.
pub const CENTRE_KINDS: &[&str] = &[
    "CHU de",
    "Centre hospitalier de",
    "Institut de cancérologie de",
    "Clinique de",
    "Hôpital privé de",
];

/// Tumour boards (RCP) every 3C runs: (id part, name).
pub const RCPS: &[(&str, &str)] = &[
    ("digestif", "RCP digestive"),
    ("sein", "RCP sénologie"),
    ("thorax", "RCP thoracique"),
    ("uro", "RCP urologie"),
    ("gyneco", "RCP gynécologie"),
    ("orl", "RCP ORL et cervico-faciale"),
    ("neuro", "RCP neuro-oncologie"),
    ("hemato", "RCP hématologie"),
    ("dermato", "RCP dermatologie et mélanomes"),
    ("sarcomes", "RCP sarcomes"),
    ("thyroide", "RCP thyroïde et endocrine"),
    ("pediatrie", "RCP oncopédiatrie"),
    ("geriatrie", "RCP oncogériatrie"),
    ("moleculaire", "RCP moléculaire"),
    ("support", "RCP soins de support"),
];

/// Secretariats grouped by speciality.
pub const GROUP_KINDS: &[&str] = &[
    "Secrétariat digestif",
    "Secrétariat sénologie",
    "Secrétariat thoracique",
    "Secrétariat urologie",
    "Pool de secrétariat médical",
];

/// An id fragment: lowercase ASCII letters and digits, accents dropped, anything else a dash.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
            'î' | 'ï' | 'Î' => 'i',
            'ô' | 'ö' | 'Ô' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' | 'Ç' => 'c',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        };
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(c);
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// An RPPS number: `10` and eight digits from `n`, then the Luhn check digit (RULES.md B4), the
/// one digit that the core's own check accepts.
pub fn rpps(n: u64) -> String {
    let body = format!("10{:08}", n % 100_000_000);
    (0..10)
        .map(|check| format!("{body}{check}"))
        .find(|candidate| secretariat_core::rpps_is_well_formed(candidate))
        .unwrap_or(body)
}

#[cfg(test)]
mod tests {
    use super::{rpps, slug};

    #[test]
    fn rpps_numbers_pass_the_core_check() {
        for n in [0, 1, 42, 3_456_786, 99_999_999, 123_456_789] {
            let r = rpps(n);
            assert_eq!(r.len(), 11, "{r}");
            assert!(secretariat_core::rpps_is_well_formed(&r), "{r}");
        }
    }

    #[test]
    fn slugs_are_ascii_ids() {
        assert_eq!(slug("Saint-Étienne"), "saint-etienne");
        assert_eq!(slug("Le Gall"), "le-gall");
        assert_eq!(slug("Hélène"), "helene");
    }
}
