//! `secretariat`: the policy engine from the command line (INTERFACES.md). Only translation: files
//! and arguments in, the core's answers out as JSON (or CSV for the report).
//!
//! Exit status: 0 on success, 1 when the input is wrong (a message on standard error names what and
//! where), 2 on a usage error.

use std::io::{BufRead, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use secretariat_core::{inert, ChangeSet, Instant, Lang, Organisation, Request, MAX_FILE_BYTES};

#[derive(Parser)]
#[command(
    name = "secretariat",
    version,
    about = "Access policy for medical secretaries: decide, view, explain, simulate, lint, report, scope."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct Common {
    /// The organisation file (secretariat-org/1), or one secretary's scope (secretariat-scope/1)
    /// for `decide`, `view` and `explain`.
    #[arg(long, value_name = "FILE")]
    org: PathBuf,
    /// Language of reasons and labels: fr or en. Default: French (for `decide`, each request's own
    /// `lang`, else French).
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
}

#[derive(Subcommand)]
enum Command {
    /// Decision requests as JSON lines (standard input when no file) → answers as JSON lines.
    Decide {
        #[command(flatten)]
        common: Common,
        /// JSON-lines file of requests; standard input when absent.
        #[arg(long, value_name = "FILE")]
        requests: Option<PathBuf>,
    },
    /// Everything one secretary sees, as JSON.
    View {
        #[command(flatten)]
        common: Common,
        /// The secretary's id.
        #[arg(long)]
        secretary: String,
        /// RFC 3339 date-time the view is taken at.
        #[arg(long, value_parser = parse_now)]
        now: Option<Instant>,
    },
    /// One decision with its full derivation.
    Explain {
        #[command(flatten)]
        common: Common,
        /// The request, as JSON: {"principal", "action", "resource"?, "now"?}.
        request: String,
    },
    /// Views before/after a changes file for every affected secretary, findings, change requests.
    Simulate {
        #[command(flatten)]
        common: Common,
        /// The changes file (secretariat-changes/1).
        #[arg(long, value_name = "FILE")]
        changes: PathBuf,
        /// RFC 3339 date-time the views are taken at.
        #[arg(long, value_parser = parse_now)]
        now: Option<Instant>,
    },
    /// The organisation's findings.
    Lint {
        #[command(flatten)]
        common: Common,
        /// RFC 3339 date-time (for expired grants).
        #[arg(long, value_parser = parse_now)]
        now: Option<Instant>,
        /// Human-readable text instead of JSON.
        #[arg(long)]
        text: bool,
    },
    /// Reports as CSV.
    Report {
        #[command(subcommand)]
        report: ReportCommand,
    },
    /// Her scope (secretariat-scope/1): only what decides her requests, at any date — what her
    /// browser receives instead of the whole organisation (no patient id, no RPPS, no other secretary).
    Scope {
        /// The organisation file (secretariat-org/1).
        #[arg(long, value_name = "FILE")]
        org: PathBuf,
        /// The secretary's id.
        #[arg(long)]
        secretary: String,
        /// Where to write it (compact JSON); standard output (pretty JSON) when absent.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The JSON Schema of the organisation file.
    Schema,
    /// A copy of the organisation for support, without patient data (keyed pseudonyms).
    ///
    /// Patient ids, RPPS (still valid by Luhn) and, with `--names`, people's names and ids are
    /// replaced by pseudonyms; every decision, view and finding is unchanged but for them.
    Pseudonymise {
        /// The organisation file (secretariat-org/1).
        #[arg(long, value_name = "FILE")]
        org: PathBuf,
        /// The secret key: the same file and key give the same pseudonyms. Without it, a random key
        /// is drawn and the pseudonyms differ from run to run.
        #[arg(long, value_name = "K")]
        key: Option<String>,
        /// People's names and ids too.
        #[arg(long)]
        names: bool,
        #[command(flatten)]
        out: Output,
    },
    /// A realistic organisation file (secretariat-org/1), the same for the same seed.
    Generate {
        /// practice (5 doctors), region (2,000 doctors, 50,000 dossiers) or country (20,000, 500,000).
        #[arg(long, value_parser = parse_scale)]
        scale: secretariat_scale::Scale,
        /// Seed of the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[command(flatten)]
        out: Output,
    },
    /// CSV sheets (people, practice accesses, the report of a doctor's secretaries) → an
    /// organisation file. Every problem with its row and column; nothing half-imported.
    Import(ImportArgs),
    /// One sheet of an organisation as CSV (`;`, UTF-8 with BOM), as `import` reads it back.
    Export(ExportArgs),
    /// Trainers' scenario files (secretariat-scenarios/1).
    Scenarios {
        #[command(subcommand)]
        command: ScenariosCommand,
    },
}

#[derive(Subcommand)]
enum ScenariosCommand {
    /// Runs every step and reports where an expected answer disagrees with the engine (exit 1).
    Check {
        /// The scenario file.
        file: PathBuf,
        /// Organisation files a file may name by content hash (the built-in demo is always known).
        #[arg(long, value_name = "FILE")]
        org: Vec<PathBuf>,
        /// Language of the messages and reasons: fr or en.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// The content hash that names an organisation in a scenario file.
    Hash {
        /// The organisation file.
        #[arg(long, value_name = "FILE")]
        org: PathBuf,
    },
}

#[derive(clap::Args)]
struct ImportArgs {
    /// The CSV files, in any order (each is recognised by its header row).
    #[arg(required = true, value_name = "CSV")]
    sheets: Vec<PathBuf>,
    /// Import into this organisation file; a blank organisation when absent.
    #[arg(long, value_name = "FILE")]
    org: Option<PathBuf>,
    /// Name of the blank organisation.
    #[arg(long)]
    name: Option<String>,
    /// The practice vendor's support e-mail (blank organisation): change requests are addressed to it.
    #[arg(long, value_name = "EMAIL")]
    support_practice: Option<String>,
    /// The cancer network's support e-mail (blank organisation).
    #[arg(long, value_name = "EMAIL")]
    support_network: Option<String>,
    /// Where to write the organisation file; standard output when absent.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(clap::Args)]
struct ExportArgs {
    /// The organisation file (secretariat-org/1).
    #[arg(long, value_name = "FILE")]
    org: PathBuf,
    /// people, accesses or secretaries (the network's report: Secrétaire, Médecin, RPPS Médecin).
    #[arg(long, value_parser = parse_sheet)]
    sheet: secretariat_sheets::SheetKind,
    /// Where to write the CSV; standard output when absent.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

fn parse_sheet(s: &str) -> Result<secretariat_sheets::SheetKind, String> {
    secretariat_sheets::SheetKind::parse(s)
        .ok_or_else(|| format!("`{s}` is not a sheet; use `people`, `accesses` or `secretaries`"))
}

/// Where a command writes its file.
#[derive(clap::Args)]
struct Output {
    /// Where to write it; standard output when absent. An existing file or a symbolic link is
    /// refused unless `--force`.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Replace the file at `--out` if there is one (a symbolic link is replaced, never followed).
    #[arg(long, requires = "out")]
    force: bool,
}

fn parse_scale(s: &str) -> Result<secretariat_scale::Scale, String> {
    secretariat_scale::Scale::parse(s)
        .ok_or_else(|| format!("`{s}` is not a scale; use `practice`, `region` or `country`"))
}

#[derive(Subcommand)]
enum ReportCommand {
    /// "Secretaries of a doctor": Secrétaire, Médecin, RPPS Médecin.
    Secretaries {
        #[command(flatten)]
        common: Common,
        /// Only this doctor.
        #[arg(long)]
        doctor: Option<String>,
        /// Read as this person (D8: a coordinator or RCP responsable): only what she may read.
        #[arg(
            long,
            required_unless_present = "every_row",
            conflicts_with = "every_row"
        )]
        reader: Option<String>,
        /// Every row, read by no one in particular: for the organisation's administrator.
        #[arg(long)]
        every_row: bool,
        /// RFC 3339 date-time (affiliations in force).
        #[arg(long, value_parser = parse_now)]
        now: Option<Instant>,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("`{s}` is not a language; use `fr` or `en`"))
}

fn parse_now(s: &str) -> Result<Instant, String> {
    Instant::parse(s)
        .ok_or_else(|| format!("`{s}` is not an RFC 3339 date-time such as `2026-11-23T10:00:00Z`"))
}

/// Input that is wrong: exit 1 with this message.
struct Failure(String);

/// Longest request line read, in bytes.
const MAX_LINE_BYTES: usize = 1024 * 1024;

/// Reads at most `limit` bytes of `from` (one byte more, to know), and refuses what is longer. The
/// buffer never grows past the limit: a stream such as `/dev/zero` costs the limit, not more.
fn read_limited(from: impl Read, limit: usize, what: &str) -> Result<Vec<u8>, Failure> {
    let fail = |e: std::io::Error| Failure(format!("{what}: cannot read: {e}"));
    let too_long = || {
        Failure(format!(
            "{what}: more than {limit} bytes; the limit is {limit} bytes"
        ))
    };
    let mut from = from.take(limit as u64 + 1);
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = match from.read(&mut chunk) {
            Ok(0) => return Ok(bytes),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(fail(e)),
        };
        if bytes.len() + n > limit {
            return Err(too_long());
        }
        if bytes.capacity() < bytes.len() + n {
            // Double, but never past the limit.
            bytes.reserve_exact(bytes.len().max(n).min(limit - bytes.len()));
        }
        bytes.extend_from_slice(chunk.get(..n).unwrap_or_default());
    }
}

fn text(bytes: Vec<u8>, what: &str) -> Result<String, Failure> {
    String::from_utf8(bytes).map_err(|_| Failure(format!("{what}: not UTF-8 text")))
}

/// A file, or anything that reads like one (`/dev/stdin`, a pipe), up to [`MAX_FILE_BYTES`].
fn read(path: &Path) -> Result<String, Failure> {
    let what = path.display().to_string();
    let file =
        std::fs::File::open(path).map_err(|e| Failure(format!("{what}: cannot read: {e}")))?;
    // A file that says it is too large is refused before it is read.
    if file
        .metadata()
        .is_ok_and(|m| m.len() > MAX_FILE_BYTES as u64)
    {
        return Err(Failure(format!(
            "{what}: more than {MAX_FILE_BYTES} bytes; the limit is {MAX_FILE_BYTES} bytes"
        )));
    }
    text(read_limited(file, MAX_FILE_BYTES, &what)?, &what)
}

/// Calls `answer` on each line of `from`, each at most [`MAX_LINE_BYTES`].
fn each_line(
    mut from: impl BufRead,
    what: &str,
    mut answer: impl FnMut(&str) -> Result<(), Failure>,
) -> Result<(), Failure> {
    for n in 1.. {
        let mut line = Vec::new();
        (&mut from)
            .take(MAX_LINE_BYTES as u64 + 1)
            .read_until(b'\n', &mut line)
            .map_err(|e| Failure(format!("{what}: cannot read: {e}")))?;
        if line.is_empty() {
            break;
        }
        if line.len() > MAX_LINE_BYTES {
            return Err(Failure(format!(
                "{what}: line {n} is longer than {MAX_LINE_BYTES} bytes, the limit"
            )));
        }
        answer(&text(line, &format!("{what}: line {n}"))?)?;
    }
    Ok(())
}

/// A key nobody can guess, from the standard library's per-process random hash keys.
fn random_key() -> String {
    use std::hash::{BuildHasher, Hasher};
    let draw = || {
        std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish()
    };
    format!("{:016x}{:016x}", draw(), draw())
}

/// Writes `text` to a new file at `path`: an existing file or link is refused, or with `force`
/// removed first — a symbolic link is never followed (the file is created with `O_EXCL`).
fn write_new(path: &Path, text: &str, force: bool) -> Result<(), Failure> {
    let fail = |e: std::io::Error| Failure(format!("{}: cannot write: {e}", path.display()));
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        let kind = if meta.file_type().is_symlink() {
            "a symbolic link"
        } else {
            "a file"
        };
        if !force || meta.is_dir() {
            return Err(Failure(format!(
                "{}: there is {kind} there already; choose another path{}",
                path.display(),
                if meta.is_dir() {
                    ""
                } else {
                    " or add `--force`"
                }
            )));
        }
        std::fs::remove_file(path).map_err(fail)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(fail)?;
    file.write_all(text.as_bytes()).map_err(fail)
}

fn load(path: &Path) -> Result<Organisation, Failure> {
    Organisation::load(&read(path)?).map_err(|e| Failure(format!("{}: {e}", path.display())))
}

/// Loads an organisation file for a command that needs all of it: a scope answers only `decide`,
/// `view` and `explain` (docs/SCOPE.md).
fn whole(path: &Path, command: &str) -> Result<Organisation, Failure> {
    let org = load(path)?;
    if let Err(e) = org.whole(command) {
        return Err(Failure(format!("{}: {e}", path.display())));
    }
    Ok(org)
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map_err(|e| Failure(format!("cannot write the answer: {e}")))
}

fn run(cli: Cli) -> Result<(), Failure> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let write_err = |e: std::io::Error| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            // The reader has had enough (`| head`): not an input error.
            std::process::exit(0);
        }
        Failure(format!("cannot write to standard output: {e}"))
    };
    match cli.command {
        Command::Decide { common, requests } => {
            let org = load(&common.org)?;
            let lang = common.lang;
            let (mut total, mut errors) = (0usize, 0usize);
            let answer = |line: &str| -> Result<(), Failure> {
                let line = line.trim_end_matches(['\n', '\r']);
                if line.trim().is_empty() {
                    return Ok(());
                }
                let answer = org.decide_line(line, lang);
                total += 1;
                if answer.is_refused() {
                    errors += 1;
                }
                // The core's writer, as the npm gate module writes its answers: one text for both.
                writeln!(out, "{}", answer.to_json()).map_err(write_err)
            };
            match requests {
                Some(path) => {
                    let what = path.display().to_string();
                    let file = std::fs::File::open(&path)
                        .map_err(|e| Failure(format!("{what}: cannot read: {e}")))?;
                    each_line(std::io::BufReader::new(file), &what, answer)?;
                }
                None => each_line(std::io::stdin().lock(), "standard input", answer)?,
            }
            eprintln!("{total} requests answered, {errors} errors");
        }
        Command::View {
            common,
            secretary,
            now,
        } => {
            let org = load(&common.org)?;
            let view = org
                .view(&secretary, now, common.lang.unwrap_or_default())
                .ok_or_else(|| {
                    Failure(match org.scope_for() {
                        Some(scope_for) => format!(
                            "--secretary: {} is the scope of `{scope_for}`, not of `{secretary}`",
                            common.org.display()
                        ),
                        None => format!(
                            "--secretary: unknown person `{secretary}` in {}",
                            common.org.display()
                        ),
                    })
                })?;
            writeln!(out, "{}", json(&view)?).map_err(write_err)?;
        }
        Command::Explain { common, request } => {
            let org = load(&common.org)?;
            let request: Request = serde_json::from_str(&request)
                .map_err(|e| Failure(format!("REQUEST: malformed request: {e}")))?;
            let explanation = org
                .explain(&request, common.lang.unwrap_or_default())
                .map_err(|e| Failure(format!("REQUEST: {e}")))?;
            writeln!(out, "{}", json(&explanation)?).map_err(write_err)?;
        }
        Command::Simulate {
            common,
            changes,
            now,
        } => {
            let org = whole(&common.org, "simulate")?;
            let text = read(&changes)?;
            let set = ChangeSet::parse(&text)
                .map_err(|e| Failure(format!("{}: {e}", changes.display())))?;
            let sim = org
                .simulate(&set.changes, now, common.lang.unwrap_or_default())
                .map_err(|e| {
                    let lines: Vec<String> =
                        e.problems().iter().map(|p| format!("  {p}")).collect();
                    Failure(format!(
                        "{}: the changes cannot be applied:\n{}",
                        changes.display(),
                        lines.join("\n")
                    ))
                })?;
            writeln!(out, "{}", json(&sim)?).map_err(write_err)?;
        }
        Command::Lint { common, now, text } => {
            let org = whole(&common.org, "lint")?;
            let findings = org.findings(now, common.lang.unwrap_or_default());
            if text {
                for f in &findings {
                    let sev = match f.severity {
                        secretariat_core::Severity::Danger => "DANGER ",
                        secretariat_core::Severity::Warning => "WARNING",
                        secretariat_core::Severity::Info => "INFO   ",
                    };
                    // Names and ids come from the file: nothing in them may drive the terminal.
                    writeln!(
                        out,
                        "{sev} [{}] {}\n        at {}",
                        f.rule,
                        inert(&f.message),
                        inert(&f.path)
                    )
                    .map_err(write_err)?;
                }
                writeln!(out, "{} findings", findings.len()).map_err(write_err)?;
            } else {
                writeln!(out, "{}", json(&findings)?).map_err(write_err)?;
            }
        }
        Command::Report {
            report:
                ReportCommand::Secretaries {
                    common,
                    doctor,
                    reader,
                    every_row: _,
                    now,
                },
        } => {
            let org = whole(&common.org, "report")?;
            let rows = match reader {
                Some(reader) => org.report(
                    &reader,
                    doctor.as_deref(),
                    now,
                    common.lang.unwrap_or_default(),
                ),
                None => org.report_every_row(doctor.as_deref(), now),
            }
            .map_err(|e| Failure(e.to_string()))?;
            write!(out, "{}", secretariat_core::to_csv(&rows)).map_err(write_err)?;
        }
        Command::Scope {
            org: path,
            secretary,
            out: target,
        } => {
            let org = load(&path)?;
            let scope = org
                .scope(&secretary)
                .map_err(|e| Failure(format!("--secretary: {e} ({})", path.display())))?;
            let text = scope.to_json();
            eprintln!(
                "scope of `{secretary}`: {} bytes, {} people, {} RCPs, {} dossiers",
                text.len(),
                scope.people.len(),
                scope.rcps.len(),
                scope.dossiers.len()
            );
            match target {
                Some(target) => std::fs::write(&target, text + "\n")
                    .map_err(|e| Failure(format!("{}: cannot write: {e}", target.display())))?,
                None => writeln!(out, "{}", scope.to_json_pretty()).map_err(write_err)?,
            }
        }
        Command::Generate {
            scale,
            seed,
            out: path,
        } => {
            let file = secretariat_scale::generate(scale, seed);
            let text = json(&file)?;
            eprintln!(
                "{} scale, seed {seed}: {} people, {} dossiers",
                scale.id(),
                file.people.len(),
                file.network.as_ref().map_or(0, |n| n.dossiers.len())
            );
            match path.out {
                Some(file) => write_new(&file, &(text + "\n"), path.force)?,
                None => writeln!(out, "{text}").map_err(write_err)?,
            }
        }
        Command::Pseudonymise {
            org,
            key,
            names,
            out: path,
        } => {
            let file = whole(&org, "pseudonymise")?.file().clone();
            let key = key.unwrap_or_else(|| {
                eprintln!(
                    "no --key: a random key is used, and the pseudonyms will differ next time"
                );
                random_key()
            });
            let copy = secretariat_core::pseudonymise(&file, &key, names);
            let text = json(&copy.file)?;
            eprintln!(
                "{} values pseudonymised{}",
                copy.renamed.len(),
                if names { ", names included" } else { "" }
            );
            match path.out {
                Some(file) => write_new(&file, &(text + "\n"), path.force)?,
                None => writeln!(out, "{text}").map_err(write_err)?,
            }
        }
        Command::Import(args) => {
            let text = json(&import(&args)?)? + "\n";
            match &args.out {
                Some(path) => write_file(path, &text)?,
                None => write!(out, "{text}").map_err(write_err)?,
            }
        }
        Command::Export(args) => {
            let org = whole(&args.org, "export")?;
            let csv = secretariat_sheets::export(org.file(), args.sheet);
            match &args.out {
                Some(path) => write_file(path, &csv)?,
                None => write!(out, "{csv}").map_err(write_err)?,
            }
        }
        Command::Scenarios {
            command: ScenariosCommand::Check { file, org, lang },
        } => {
            let (text, agrees) = check_scenarios(&file, &org, lang.unwrap_or_default())?;
            write!(out, "{text}").map_err(write_err)?;
            if !agrees {
                out.flush().map_err(write_err)?;
                return Err(Failure(format!(
                    "{}: the expected answers disagree with the engine",
                    file.display()
                )));
            }
        }
        Command::Scenarios {
            command: ScenariosCommand::Hash { org },
        } => {
            writeln!(out, "{}", load(&org)?.content_hash()).map_err(write_err)?;
        }
        Command::Schema => {
            let schema = schemars::schema_for!(secretariat_core::file::OrgFile);
            writeln!(out, "{}", json(&schema)?).map_err(write_err)?;
        }
    }
    out.flush().map_err(write_err)
}

/// `import`: the sheets read and applied to the base (or a blank organisation), checked as a whole.
fn import(args: &ImportArgs) -> Result<secretariat_core::file::OrgFile, Failure> {
    let base = match &args.org {
        Some(path) => whole(path, "import")?.file().clone(),
        None => secretariat_core::file::OrgFile {
            format: secretariat_core::file::FORMAT.to_owned(),
            name: args.name.clone().unwrap_or_default(),
            support: (args.support_practice.is_some() || args.support_network.is_some()).then(
                || secretariat_core::file::Support {
                    practice: args.support_practice.clone(),
                    network: args.support_network.clone(),
                },
            ),
            ..Default::default()
        },
    };
    let mut texts = Vec::new();
    for path in &args.sheets {
        let bytes = std::fs::read(path)
            .map_err(|e| Failure(format!("{}: cannot read: {e}", path.display())))?;
        texts.push((path.display().to_string(), bytes));
    }
    let sheets: Vec<secretariat_sheets::Sheet<'_>> = texts
        .iter()
        .map(|(name, bytes)| secretariat_sheets::Sheet { name, bytes })
        .collect();
    let file =
        secretariat_sheets::import_into(base, &sheets).map_err(|e| Failure(e.to_string()))?;
    eprintln!(
        "{} sheets imported; the organisation has {} people, {} accesses, {} affiliations",
        sheets.len(),
        file.people.len(),
        file.practice.as_ref().map_or(0, |p| p.accesses.len()),
        file.network.as_ref().map_or(0, |n| n.affiliations.len())
    );
    Ok(file)
}

/// `scenarios check`: the report as text, and whether every expected answer agrees.
fn check_scenarios(file: &Path, orgs: &[PathBuf], lang: Lang) -> Result<(String, bool), Failure> {
    let scenarios = secretariat_core::ScenarioFile::parse(&read(file)?)
        .map_err(|e| Failure(format!("{}: {e}", file.display())))?;
    let mut known = vec![Organisation::load(secretariat_core::DEMO_ORG)
        .map_err(|e| Failure(format!("the built-in demo: {e}")))?];
    for path in orgs {
        known.push(load(path)?);
    }
    let refs: Vec<&Organisation> = known.iter().collect();
    let org = scenarios
        .organisation(&refs)
        .map_err(|e| Failure(format!("{}: {e}", file.display())))?;
    let report = scenarios.check(&org, lang);
    let mut text = format!(
        "{}\n{} steps, {} expected answers, {} disagreements\n",
        scenarios.title.get(lang),
        report.steps,
        report.expectations,
        report.disagreements.len()
    );
    for d in &report.disagreements {
        text.push_str(&format!("  {} ({}): {}\n", d.path, d.step, d.message));
    }
    Ok((text, report.disagreements.is_empty()))
}

/// Writes `text` to the file `path`.
fn write_file(path: &Path, text: &str) -> Result<(), Failure> {
    std::fs::write(path, text)
        .map_err(|e| Failure(format!("{}: cannot write: {e}", path.display())))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("secretariat: {message}");
            ExitCode::from(1)
        }
    }
}
