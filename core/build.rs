//! The locales and migrations are compiled into the crate by macros that stable Rust cannot
//! make cargo track; tell it to rebuild when they change.
fn main() {
    println!("cargo:rerun-if-changed=../locales");
    println!("cargo:rerun-if-changed=../migrations");
    println!("cargo:rerun-if-changed=../deploy/catalog.toml");
}
