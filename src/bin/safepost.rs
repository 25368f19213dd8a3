//! `safepost`: check posts, blogs and newsletters from files or standard input, the same core
//! as the browser extension. Exit codes: 0 nothing at or above --fail-on, 1 something was,
//! 2 bad usage or unreadable input.
use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as Level};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};
use safepost::eval::{evaluate, load_corpus, side_by_side};
use safepost::{CheckOptions, Checker, Config, Finding, Profession, Severity};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "safepost",
    version,
    about = "Checks posts by healthcare professionals before they are published"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check files (or standard input when none is given).
    Check(CheckArgs),
    /// Measure precision and recall per category on a labelled corpus folder.
    Eval(EvalArgs),
    /// Write the classifier's features of labelled posts, for training (scripts/train.py).
    Features(FeaturesArgs),
}

#[derive(clap::Args)]
struct FeaturesArgs {
    /// Folders of *.jsonl samples.
    corpus: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files to check; `-` or nothing reads standard input.
    files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Whose guidance to cite.
    #[arg(long, default_value = "other", value_parser = parse_profession)]
    profession: Profession,
    /// Hide findings below this severity.
    #[arg(long, default_value = "low", value_parser = parse_severity)]
    min_severity: Severity,
    /// Exit with 1 when a finding at or above this severity is found.
    #[arg(long, default_value = "high", value_parser = parse_severity)]
    fail_on: Severity,
    /// The post has an image or video attached.
    #[arg(long)]
    media: bool,
    /// A JSON settings file (the extension's exported settings format).
    #[arg(long)]
    config: Option<PathBuf>,
}

#[derive(clap::Args)]
struct EvalArgs {
    /// Folders of *.jsonl samples, each a set reported side by side; the first is the one
    /// tuned on.
    #[arg(default_values = ["tests/corpus/train", "tests/corpus/sealed", "tests/corpus/real"])]
    corpus: Vec<PathBuf>,
    /// Also list every miss and false alarm of the first set (never of the others: sealed
    /// posts are read only as figures).
    #[arg(long)]
    verbose: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

fn parse_profession(s: &str) -> Result<Profession, String> {
    Profession::from_id(s).ok_or_else(|| {
        let ids: Vec<_> = Profession::ALL.iter().map(|p| p.id()).collect();
        format!("unknown profession {s:?}; one of: {}", ids.join(", "))
    })
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    Severity::from_id(s)
        .ok_or_else(|| format!("unknown severity {s:?}; one of: critical, high, medium, low"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Eval(args) => run_eval(args),
        Command::Features(args) => run_features(args),
    }
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("safepost: {message}");
    ExitCode::from(2)
}

fn run_check(args: CheckArgs) -> ExitCode {
    let mut config = match &args.config {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(json) => match Config::from_json(&json) {
                Ok(c) => c,
                Err(e) => return fail(format!("{}: {e}", path.display())),
            },
            Err(e) => return fail(format!("cannot read {}: {e}", path.display())),
        },
        None => Config::default(),
    };
    config.profession = args.profession;
    config.min_severity = args.min_severity;
    let checker = match Checker::new(config) {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let options = CheckOptions {
        media_attached: args.media,
    };
    let inputs: Vec<PathBuf> = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files.clone()
    };
    let stdout = std::io::stdout();
    let color = if stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        termcolor::ColorChoice::Auto
    } else {
        termcolor::ColorChoice::Never
    };
    let mut human = termcolor::StandardStream::stdout(color);
    let mut failed = false;
    let mut unreadable = false;
    for path in &inputs {
        let (name, text) = match read_input(path) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("safepost: {e}");
                unreadable = true;
                continue;
            }
        };
        let report = checker.check_with(&text, &options);
        failed |= report.findings.iter().any(|f| f.severity >= args.fail_on);
        let written = match args.format {
            Format::Json => print_json(&mut stdout.lock(), &name, &report.findings),
            Format::Human => print_human(&mut human, &name, &text, &report.findings),
        };
        if let Err(e) = written {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                break;
            }
            return fail(format!("cannot write output: {e}"));
        }
    }
    if unreadable {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn read_input(path: &Path) -> Result<(String, String), String> {
    let mut bytes = Vec::new();
    let name = if path.as_os_str() == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        "<stdin>".to_string()
    } else {
        bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        path.display().to_string()
    };
    let text = String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8 text"))?;
    Ok((name, text))
}

/// One JSON Lines record per input; a struct (not `json!`) keeps the fields in contract order.
#[derive(serde::Serialize)]
struct FileReport<'a> {
    file: &'a str,
    findings: &'a [Finding],
}

fn print_json(out: &mut impl Write, name: &str, findings: &[Finding]) -> std::io::Result<()> {
    let line = serde_json::to_string(&FileReport {
        file: name,
        findings,
    })
    .map_err(std::io::Error::other)?;
    writeln!(out, "{line}")
}

fn level(severity: Severity) -> Level {
    match severity {
        Severity::Critical | Severity::High => Level::Error,
        Severity::Medium => Level::Warning,
        Severity::Low => Level::Note,
    }
}

fn print_human(
    out: &mut termcolor::StandardStream,
    name: &str,
    text: &str,
    findings: &[Finding],
) -> std::io::Result<()> {
    let file = SimpleFile::new(name, text);
    let config = term::Config::default();
    for f in findings {
        let mut notes: Vec<String> = f
            .guidance
            .iter()
            .map(|g| {
                let section = if g.section.is_empty() {
                    String::new()
                } else {
                    format!(", {}", g.section)
                };
                format!("guidance: {}, {}{section}", g.source, g.title)
            })
            .collect();
        if let Some(s) = &f.suggestion {
            notes.push(format!("suggestion: replace with {s:?}"));
        }
        let diagnostic = Diagnostic::new(level(f.severity))
            .with_message(format!("{} ({})", f.message, f.severity))
            .with_code(f.category.id())
            .with_labels(vec![
                Label::primary((), f.byte_start..f.byte_end).with_message(&*f.rule)
            ])
            .with_notes(notes);
        term::emit_to_write_style(out, &config, &file, &diagnostic)
            .map_err(std::io::Error::other)?;
    }
    let summary = match findings.len() {
        0 => format!("{name}: no findings"),
        n => format!("{name}: {n} finding{}", if n == 1 { "" } else { "s" }),
    };
    writeln!(out, "{summary}")
}

fn run_eval(args: EvalArgs) -> ExitCode {
    let checker = Checker::new(Config::default()).expect("default config is valid");
    let mut sets = Vec::new();
    for dir in &args.corpus {
        let samples = match load_corpus(dir) {
            Ok(s) if !s.is_empty() => s,
            Ok(_) => return fail(format!("no samples in {}", dir.display())),
            Err(e) => return fail(e),
        };
        let name = dir
            .file_name()
            .map_or_else(|| dir.display().to_string(), |n| n.to_string_lossy().into());
        sets.push((name, evaluate(&checker, &samples)));
    }
    if args.verbose {
        if let Some((_, first)) = sets.first() {
            for m in &first.mistakes {
                println!("{m}");
            }
            println!();
        }
    }
    let named: Vec<(&str, &safepost::eval::Evaluation)> =
        sets.iter().map(|(n, e)| (n.as_str(), e)).collect();
    print!("{}", side_by_side(&named));
    ExitCode::SUCCESS
}

/// One line per sample: `{"origin", "expect", "near_miss", "windows": [[bucket, ...], ...],
/// "rules": [[rule, category, severity], ...]}`, the whole post's window first (see
/// `Checker::features`).
fn run_features(args: FeaturesArgs) -> ExitCode {
    let checker = Checker::new(Config::default()).expect("default config is valid");
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for dir in &args.corpus {
        let samples = match load_corpus(dir) {
            Ok(s) => s,
            Err(e) => return fail(e),
        };
        for sample in samples {
            let options = CheckOptions {
                media_attached: sample.media,
            };
            let row = checker.features(&sample.text, &options);
            let line = serde_json::json!({
                "origin": sample.origin,
                "expect": sample.expect,
                "near_miss": sample.near_miss,
                "windows": row.windows,
                "rules": row.rules,
            });
            if writeln!(out, "{line}").is_err() {
                return fail("cannot write the features");
            }
        }
    }
    ExitCode::SUCCESS
}
