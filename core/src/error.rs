//! The one error of the core services: what the store (or, rarely, the office's own
//! computation) could not do. Everything a citizen,
//! clerk or admin can get wrong is an answer (a variant of the service's outcome), not an
//! error.

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Something the office computes failed (hashing a password).
    #[error("internal error: {0}")]
    Internal(String),
    /// A channel broke off while a file was read: the input is tried again later.
    #[error("the file could not be fetched: {0}")]
    Fetch(String),
}
