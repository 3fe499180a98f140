//! The two functions of protobuf-src 1.1.0, for the system's protoc (found by build.rs).
use std::path::PathBuf;

/// The protoc binary.
pub fn protoc() -> PathBuf {
    PathBuf::from(env!("SYSTEM_PROTOC"))
}

/// The directory of protobuf's own .proto files, beside protoc's `bin/`.
pub fn include() -> PathBuf {
    let protoc = protoc();
    let prefix = protoc.parent().and_then(|bin| bin.parent());
    prefix.map_or_else(|| PathBuf::from("/usr/include"), |p| p.join("include"))
}
