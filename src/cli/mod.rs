//! Argument parsing and dispatch; each subcommand lives in its own file.

use clap::{Parser, Subcommand};
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
    Jsonl,
    /// Find the article in PAGE (a file, or - for stdin) and print its text.
    Extract {
        page: PathBuf,
        /// Print the blocks and metadata as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Extract the article from PAGE (a file, or - for stdin), analyse it, and show the findings.
    Analyze {
        page: PathBuf,
        /// Print the findings and summary as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Measure analysis and extraction speed on sample text and print MB/s.
    Bench,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Jsonl => jsonl::run(),
        Command::Extract { page, json } => extract::run(&page, json),
        Command::Analyze { page, json } => analyze::run(&page, json),
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
