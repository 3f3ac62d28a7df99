//! The locales are compiled into the crate by a macro that stable Rust cannot make cargo track;
//! tell it to rebuild when they change. (Migrations need no line: each is an `include_str!` in
//! `src/store/migrations.rs`, which cargo tracks.)
fn main() {
    println!("cargo:rerun-if-changed=../locales");
    println!("cargo:rerun-if-changed=../deploy/catalog.toml");
}
