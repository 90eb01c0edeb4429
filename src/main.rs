//! `caveat`: the native command line over the same core as the extension.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

/// Counts only while `caveat bench` measures memory.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: cli::memory::CountingAllocator = cli::memory::CountingAllocator;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
