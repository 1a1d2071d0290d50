//! The `tifa` binary: parses arguments and calls the library (see `cmd/`).

fn main() {
    println!("tifa: being written");
}
