//! Entry point of the playground's WebAssembly binary (built by Trunk from `web/index.html`).

#[cfg(target_arch = "wasm32")]
fn main() {
    secretariat_playground::start();
}

/// Natively there is no page to mount on: the crate's logic is tested with `cargo test`.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the playground runs in a browser: scripts/serve-playground");
}
