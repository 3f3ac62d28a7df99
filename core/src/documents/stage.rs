//! A check that takes a file piece by piece, as a channel downloads it, and passes on what is to
//! be kept of it, so that no file is ever held whole: the pieces go on to be sealed and stored
//! a chunk at a time (see [`super::Documents`]).
//!
//! Each kind has its stage: a PDF's is a scan that passes every byte on unchanged and refuses
//! the file if it finds a script, an attachment or encryption; an image's drops or blanks its
//! metadata as it goes. A stage holds a bounded amount of the file at any time, whatever the
//! file's size; where that bound is not obvious the stage says what it holds.

use super::Refusal;

/// One kind's check, fed the file in pieces of any size.
///
/// The pieces a stage appends to `out` are exactly the bytes to keep, in order; cutting the
/// same file into other pieces gives the same bytes and the same outcome. After a refusal the
/// stage is not fed again and what it passed on is thrown away.
pub(super) trait Stage: Send {
    /// Takes the next piece of the file; appends to `out` what is to be kept so far.
    fn feed(&mut self, input: &[u8], out: &mut Vec<u8>) -> Result<(), Refusal>;
    /// The file ended: appends the rest to be kept to `out`, or refuses a file that ended too
    /// soon or lacked what its kind must have.
    fn finish(&mut self, out: &mut Vec<u8>) -> Result<(), Refusal>;
}
