//! Finds protoc: `PROTOC` when set, else `protoc` on `PATH`; the build fails, saying so, when there is none.
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=PROTOC");
    println!("cargo:rerun-if-env-changed=PATH");
    let found = std::env::var_os("PROTOC").map(PathBuf::from).or_else(|| {
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
            .map(|dir| dir.join("protoc"))
            .find(|p| p.is_file())
    });
    match found {
        Some(protoc) => println!("cargo:rustc-env=SYSTEM_PROTOC={}", protoc.display()),
        None => {
            eprintln!("protoc not found (set PROTOC, or install Debian's protobuf-compiler)");
            std::process::exit(1);
        }
    }
}
