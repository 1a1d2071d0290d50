//! The `tifa` binary: parses arguments (clap) and hands them to one subcommand in `cmd/`,
//! which wires input → library → output. All logic lives in the `tifa` library.

mod cmd;

use clap::Parser;

fn main() {
    let cli = cmd::Cli::parse();
    if let Err(e) = cmd::run(cli) {
        eprintln!("tifa: {e}");
        std::process::exit(e.exit_code());
    }
}
