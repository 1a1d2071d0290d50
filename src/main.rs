//! The `tifa` binary: parses arguments (clap) and hands them to one subcommand in `cmd/`,
//! which wires input → library → output. All logic lives in the `tifa` library.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cmd;

use clap::Parser;

/// mimalloc instead of the system allocator: faster for the many small per-document
/// allocations of the pipeline (see Cargo.toml).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The exit code after SIGINT (128 + signal number 2, the shell convention).
const EXIT_INTERRUPTED: i32 = 130;

fn main() {
    let cli = cmd::Cli::parse();
    // A signal ends the process without unwinding, so the temporary files of output being
    // written would stay behind: remove them, then exit. (Failing to install the handler
    // leaves the default, dying at once, which loses only that cleanup.)
    let _ = ctrlc::set_handler(|| tifa::output::remove_temporaries_and_exit(EXIT_INTERRUPTED));
    if let Err(e) = cmd::run(cli) {
        eprintln!("tifa: {e}");
        std::process::exit(e.exit_code());
    }
}
