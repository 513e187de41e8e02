//! What the property and scope tests share: every resource a file names, for an action's kind.

use secretariat_core::file::OrgFile;
use secretariat_gen::Kind;

/// Every resource of the file an action of this kind can name, in file order (`None` first for an
/// action whose centre is optional).
pub fn resources(file: &OrgFile, kind: Kind) -> Vec<Option<String>> {
    let net = file.network.clone().unwrap_or_default();
    let named = |prefix: &str, ids: Vec<&str>| -> Vec<Option<String>> {
        ids.into_iter()
            .map(|id| Some(format!("{prefix}:{id}")))
            .collect()
    };
    match kind {
        Kind::Doctor => named(
            "doctor",
            file.people.iter().map(|p| p.id.as_str()).collect(),
        ),
        Kind::OptionalCentre => std::iter::once(None)
            .chain(named(
                "centre",
                net.centres.iter().map(|c| c.id.as_str()).collect(),
            ))
            .collect(),
        Kind::Centre => named(
            "centre",
            net.centres.iter().map(|c| c.id.as_str()).collect(),
        ),
        Kind::Rcp => named("rcp", net.rcps.iter().map(|r| r.id.as_str()).collect()),
        Kind::Dossier => named(
            "dossier",
            net.dossiers.iter().map(|d| d.id.as_str()).collect(),
        ),
    }
}
