//! `secretariat`: the policy engine from the command line (INTERFACES.md). Only translation: files
//! and arguments in, the core's answers out as JSON (or CSV for the report).
//!
//! Exit status: 0 on success, 1 when the input is wrong (a message on standard error names what and
//! where), 2 on a usage error.

use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use secretariat_core::{ChangeSet, Instant, Lang, Organisation, Request};

#[derive(Parser)]
#[command(
    name = "secretariat",
    version,
    about = "Access policy for medical secretaries: decide, view, explain, simulate, lint, report."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct Common {
    /// The organisation file (secretariat-org/1).
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
    /// The JSON Schema of the organisation file.
    Schema,
    /// A realistic organisation file (secretariat-org/1), the same for the same seed.
    Generate {
        /// practice (5 doctors), region (2,000 doctors, 50,000 dossiers) or country (20,000, 500,000).
        #[arg(long, value_parser = parse_scale)]
        scale: secretariat_scale::Scale,
        /// Seed of the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write it; standard output when absent.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
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
        /// Read as this person (D8: a coordinator or RCP responsable); every row when absent.
        #[arg(long)]
        reader: Option<String>,
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

fn read(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path)
        .map_err(|e| Failure(format!("{}: cannot read: {e}", path.display())))
}

fn load(path: &Path) -> Result<Organisation, Failure> {
    Organisation::load(&read(path)?).map_err(|e| Failure(format!("{}: {e}", path.display())))
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
            let mut answer = |line: &str, out: &mut dyn Write| -> Result<(), Failure> {
                if line.trim().is_empty() {
                    return Ok(());
                }
                let a = org.decide_line(line, lang);
                total += 1;
                if a.starts_with("{\"error\"") {
                    errors += 1;
                }
                writeln!(out, "{a}").map_err(write_err)
            };
            match requests {
                Some(path) => {
                    for line in read(&path)?.lines() {
                        answer(line, &mut out)?;
                    }
                }
                None => {
                    for line in std::io::stdin().lock().lines() {
                        let line =
                            line.map_err(|e| Failure(format!("cannot read standard input: {e}")))?;
                        answer(&line, &mut out)?;
                    }
                }
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
                    Failure(format!(
                        "--secretary: unknown person `{secretary}` in {}",
                        common.org.display()
                    ))
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
            let org = load(&common.org)?;
            let text = read(&changes)?;
            let set = ChangeSet::parse(&text)
                .map_err(|e| Failure(format!("{}: {e}", changes.display())))?;
            let sim = org
                .simulate(&set.changes, now, common.lang.unwrap_or_default())
                .map_err(|problems| {
                    let lines: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
                    Failure(format!(
                        "{}: the changes cannot be applied:\n{}",
                        changes.display(),
                        lines.join("\n")
                    ))
                })?;
            writeln!(out, "{}", json(&sim)?).map_err(write_err)?;
        }
        Command::Lint { common, now, text } => {
            let org = load(&common.org)?;
            let findings = org.findings(now, common.lang.unwrap_or_default());
            if text {
                for f in &findings {
                    let sev = match f.severity {
                        secretariat_core::Severity::Danger => "DANGER ",
                        secretariat_core::Severity::Warning => "WARNING",
                        secretariat_core::Severity::Info => "INFO   ",
                    };
                    writeln!(
                        out,
                        "{sev} [{}] {}\n        at {}",
                        f.rule, f.message, f.path
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
                    now,
                },
        } => {
            let org = load(&common.org)?;
            let rows = org
                .report(reader.as_deref(), doctor.as_deref(), now)
                .map_err(|e| Failure(e.to_string()))?;
            write!(out, "{}", secretariat_core::to_csv(&rows)).map_err(write_err)?;
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
            match path {
                Some(path) => std::fs::write(&path, text + "\n")
                    .map_err(|e| Failure(format!("{}: cannot write: {e}", path.display())))?,
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
            let org = load(&args.org)?;
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
        Some(path) => load(path)?.file().clone(),
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
