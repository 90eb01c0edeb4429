//! Argument parsing and dispatch; each subcommand lives in its own file.

use caveat::answer::analyze::{Options, Sensitivity};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

mod analyze;
mod bench;
mod extract;
mod jsonl;
pub mod memory;

#[derive(Parser)]
#[command(name = "caveat", version, about = "Marks speculative language and unsourced claims in news articles.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse JSON lines {"id", "text"} from stdin; one line of findings per input, in order.
    Jsonl {
        #[command(flatten)]
        options: AnalysisArgs,
    },
    /// Find the article in PAGE (a file, or - for stdin) and print its text.
    Extract {
        page: PathBuf,
        /// Print the blocks and metadata as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Extract the article from PAGE (a file, or - for stdin), analyse it, and show the findings.
    /// A .txt file, or input with no HTML tag in it, is analysed as plain text.
    Analyze {
        /// An HTML page or a plain-text file, or - for stdin.
        page: PathBuf,
        /// Print the findings and summary as JSON (the same as --format json).
        #[arg(long, conflicts_with = "format")]
        json: bool,
        /// text: the article with its findings and a summary; json: the same as JSON; markdown:
        /// the report the extension's "Copy report" copies.
        #[arg(long, value_parser = ["text", "json", "markdown"])]
        format: Option<String>,
        /// The page's address, for the report (markdown).
        #[arg(long, value_name = "URL")]
        url: Option<String>,
        #[command(flatten)]
        options: AnalysisArgs,
    },
    /// Measure analysis and extraction speed on sample text and print MB/s.
    Bench,
}

/// The analysis options the extension's options page offers.
#[derive(Args)]
struct AnalysisArgs {
    /// Which warnings to show, by the calibrated chance that each deserves its mark:
    /// balanced shows the likely ones and at most one per sentence, strict adds the less
    /// sure ones, lenient keeps only the likeliest.
    #[arg(long, default_value = "balanced", value_parser = ["strict", "balanced", "lenient"])]
    sensitivity: String,
    /// A word or phrase to mark as speculation too (repeatable).
    #[arg(long = "hedge", value_name = "PHRASE")]
    hedges: Vec<String>,
    /// A word or phrase that names a vague source, like "insiders" (repeatable).
    #[arg(long = "vague-source", value_name = "PHRASE")]
    sources: Vec<String>,
    /// Analyse text that is not English too. The rules read English; by default other
    /// languages are left unmarked and a note says which language was found.
    #[arg(long)]
    any_language: bool,
    /// Score warnings with the calibration weights in FILE (as `cargo run --example
    /// train_calibration` writes them) instead of the built-in ones: for cross-validating
    /// the calibration on the labelled news set.
    #[arg(long, value_name = "FILE")]
    calibration: Option<PathBuf>,
}

impl AnalysisArgs {
    /// The options, after loading a calibration file if one is given.
    fn options(self) -> Result<Options, String> {
        if let Some(path) = &self.calibration {
            let source = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            caveat::model::calibration::Calibration::use_instead(&source).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        let sensitivity = match self.sensitivity.as_str() {
            "strict" => Sensitivity::Strict,
            "lenient" => Sensitivity::Lenient,
            _ => Sensitivity::Balanced,
        };
        Ok(Options { sensitivity, custom_hedges: self.hedges, custom_sources: self.sources, any_language: self.any_language })
    }
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Jsonl { options } => options.options().and_then(|o| jsonl::run(&o)),
        Command::Extract { page, json } => extract::run(&page, json),
        Command::Analyze { page, json, format, url, options } => {
            let format = match (json, format.as_deref()) {
                (true, _) | (_, Some("json")) => analyze::Format::Json,
                (_, Some("markdown")) => analyze::Format::Markdown,
                _ => analyze::Format::Text,
            };
            options.options().and_then(|o| analyze::run(&page, format, url.as_deref(), &o))
        }
        Command::Bench => bench::run(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("caveat: {message}");
            ExitCode::FAILURE
        }
    }
}
