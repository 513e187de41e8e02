//! The binding in Node: `cargo test --target wasm32-unknown-unknown -p secretariat_wasm --test node`.
#![cfg(target_arch = "wasm32")]
#![expect(clippy::unwrap_used, clippy::panic, reason = "a test fails loudly")]

#[macro_use]
mod common;

all_checks!();
