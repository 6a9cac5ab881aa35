fn main() -> std::process::ExitCode {
    factledger::cli::main(std::env::args_os())
}
