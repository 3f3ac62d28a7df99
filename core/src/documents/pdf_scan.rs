//! The streaming check of a PDF: a lexer of PDF syntax fed the file in pieces, which passes
//! every byte on unchanged and refuses a file carrying a script, a launch action, an attached
//! file or encryption, with the same [`Refusal`]s as the whole-file check in `check.rs`.
//!
//! It reads tokens, not the object graph: a name decides wherever it stands (`/JS`,
//! `/JavaScript` and `/Launch` make a file active, `/EmbeddedFiles`, `/EF` and `/EmbeddedFile`
//! mean an attachment, `/Encrypt` as a dictionary key means encryption), so no reference needs
//! following and no object needs keeping. Stream data is skipped, since a page's content uses
//! names that mean nothing here, except in object streams, which hold dictionaries: those are
//! inflated and lexed by a second lexer as they arrive.
//!
//! What it holds at any time, whatever the file's size: the token being read (a name, number
//! or keyword, at most [`MAX_TOKEN`] bytes; strings are walked, not kept), a stack of open
//! dictionaries and arrays at most [`MAX_DEPTH`] deep, a few flags, and while an object stream
//! passes, a flate decoder (its 32 KiB window), a 16 KiB output buffer and the second lexer.
//!
//! Whatever the lexer cannot follow safely is [`Refusal::Unreadable`]: a file it could
//! misread is one in which it could miss a script. So is a comment or literal string holding
//! the structure of objects (`obj`, `endobj`, `endstream`), where a reader that finds objects
//! by their offsets could find one the lexer walked past as text. When the lexer gives up, the
//! rest of the file is still searched for `/Encrypt`, as the whole-file check does, so that an
//! encrypted file is told as such even where its ciphertext cannot be lexed.
//!
//! What a lexer cannot see: an object placed inside the data of a stream with a direct length,
//! which a reader would find only if the cross-reference pointed into that data. Catching it
//! would take keeping every object's offset, which grows with the file.

use flate2::{Decompress, FlushDecompress, Status};

use super::Refusal;
use super::stage::Stage;

/// The most a dictionary or array may nest; deeper is no document anyone writes.
const MAX_DEPTH: usize = 256;
/// The longest name, number or keyword.
const MAX_TOKEN: usize = 64 * 1024;
/// The most an object stream may inflate to, as for the whole-file check, so that a small
/// crafted file cannot make the check inflate without end.
const MAX_INFLATED_STREAM: u64 = 64 * 1024 * 1024;
/// The bytes a PDF starts with.
const HEADER: &[u8] = b"%PDF-";
const ENDSTREAM: &[u8] = b"endstream";
/// The size of the buffer an object stream is inflated through.
const INFLATE_BUFFER: usize = 16 * 1024;

/// The [`Stage`] of a PDF. See the module's documentation.
pub(super) struct PdfScan {
    /// How many bytes of [`HEADER`] have been seen.
    header: usize,
    lexer: Lexer,
    /// The lexer could not follow the file; only the search for `/Encrypt` goes on.
    lexer_failed: bool,
    findings: Findings,
    /// `/Encrypt` anywhere in the raw bytes. An encrypted file's strings and streams are
    /// ciphertext, so the lexer may fail on them (an object stream does not inflate) before it
    /// reaches the trailer; the file is then refused as encrypted rather than unreadable, which
    /// tells the citizen what to send instead.
    encrypt: NameSearch,
    /// A refusal already given, given again if the stage is fed after it.
    refused: Option<Refusal>,
}

impl PdfScan {
    pub(super) fn new() -> Self {
        Self {
            header: 0,
            lexer: Lexer::new(Level::File),
            lexer_failed: false,
            encrypt: NameSearch::default(),
            findings: Findings::default(),
            refused: None,
        }
    }

    fn scan(&mut self, input: &[u8]) -> Result<(), Refusal> {
        for &byte in input.iter().take(HEADER.len().saturating_sub(self.header)) {
            if HEADER.get(self.header) != Some(&byte) {
                return Err(Refusal::Unreadable);
            }
            self.header = self.header.saturating_add(1);
        }
        self.encrypt.feed(input);
        if !self.lexer_failed {
            match self.lexer.feed(input, &mut self.findings) {
                Err(Refusal::Unreadable) => self.lexer_failed = true,
                other => other?,
            }
        }
        if self.lexer_failed && self.encrypt.found {
            return Err(Refusal::PdfEncrypted);
        }
        Ok(())
    }

    fn conclude(&mut self) -> Result<(), Refusal> {
        if self.header < HEADER.len() {
            return Err(Refusal::Unreadable);
        }
        self.encrypt.finish();
        match self.read_to_end() {
            Err(Refusal::Unreadable) if self.encrypt.found => Err(Refusal::PdfEncrypted),
            outcome => outcome,
        }
    }

    fn read_to_end(&mut self) -> Result<(), Refusal> {
        if self.lexer_failed {
            return Err(Refusal::Unreadable);
        }
        self.lexer.finish(&mut self.findings)?;
        let found = &self.findings;
        // A catalog leading to pages and a trailer ending the file are what a reader starts
        // from; a file without them is no document.
        if !(found.catalog && found.pages && found.startxref && found.eof_after_startxref) {
            return Err(Refusal::Unreadable);
        }
        if found.active {
            return Err(Refusal::PdfActive);
        }
        if found.embedded {
            return Err(Refusal::PdfEmbedded);
        }
        Ok(())
    }
}

impl Stage for PdfScan {
    fn feed(&mut self, input: &[u8], out: &mut Vec<u8>) -> Result<(), Refusal> {
        if let Some(refusal) = self.refused {
            return Err(refusal);
        }
        self.scan(input)
            .inspect_err(|&refusal| self.refused = Some(refusal))?;
        out.extend_from_slice(input);
        Ok(())
    }

    fn finish(&mut self, _out: &mut Vec<u8>) -> Result<(), Refusal> {
        if let Some(refusal) = self.refused {
            return Err(refusal);
        }
        self.conclude()
            .inspect_err(|&refusal| self.refused = Some(refusal))
    }
}

/// What the names seen so far say about the file. Encryption is refused as soon as it is seen,
/// since it outranks every other finding.
#[derive(Default)]
struct Findings {
    active: bool,
    embedded: bool,
    catalog: bool,
    pages: bool,
    startxref: bool,
    /// A `%%EOF` after the last `startxref`.
    eof_after_startxref: bool,
}

impl Findings {
    fn name(&mut self, name: &[u8], is_key: bool) -> Result<(), Refusal> {
        match name {
            b"JS" | b"JavaScript" | b"Launch" => self.active = true,
            b"EmbeddedFiles" | b"EF" | b"EmbeddedFile" => self.embedded = true,
            b"Catalog" => self.catalog = true,
            b"Pages" => self.pages = true,
            b"Encrypt" if is_key => return Err(Refusal::PdfEncrypted),
            _ => {}
        }
        Ok(())
    }
}

/// A search of the raw bytes for the whole name `/Encrypt` (not `/EncryptMetadata`).
#[derive(Default)]
struct NameSearch {
    /// How many bytes of the name match so far.
    matched: usize,
    found: bool,
}

impl NameSearch {
    const NAME: &[u8] = b"/Encrypt";

    fn feed(&mut self, input: &[u8]) {
        for &byte in input {
            if self.found {
                return;
            }
            if self.matched == Self::NAME.len() && !is_regular(byte) {
                self.found = true;
            } else if Self::NAME.get(self.matched) == Some(&byte) {
                self.matched = self.matched.saturating_add(1);
            } else {
                // Only the name's first byte, `/`, can begin it again.
                self.matched = usize::from(byte == b'/');
            }
        }
    }

    /// The input ended: a name at its very end counts.
    fn finish(&mut self) {
        self.found |= self.matched == Self::NAME.len();
    }
}

/// Which lexer: the file's own, or the one reading an object stream's inflated data (which
/// holds no streams, no cross-reference and no end of file).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    File,
    ObjectStream,
}

/// A lexer of PDF syntax. Bytes go through [`Lexer::byte`] one at a time, except stream data,
/// which goes by the slice.
struct Lexer {
    level: Level,
    state: State,
    /// The name (decoded) or the number or keyword being read.
    token: Vec<u8>,
    stack: Vec<Frame>,
    /// The outermost dictionary being read: what it says about a stream that may follow.
    dict: StreamDict,
    /// The outermost dictionary just closed, while no token has followed it.
    closed: Option<StreamDict>,
    /// Stream data ended: only white space and the keyword `endstream` may follow.
    expect_endstream: bool,
    /// Watches comments and literal strings for the structure they must not hold.
    watch: Watch,
}

enum State {
    Between,
    /// After `%`: the first bytes of the comment, enough to tell `%%EOF`.
    Comment {
        start: [u8; 4],
        len: usize,
    },
    /// A number or keyword, in `token`.
    Regular,
    /// After `/`: the name so far in `token`, decoded.
    Name(Escape),
    /// Inside `( … )`: the depth of unescaped parentheses, and whether a backslash precedes.
    Literal {
        depth: u32,
        escaped: bool,
    },
    /// Inside `< … >`.
    Hex,
    /// After `<`: a dictionary if `<` follows, else a hex string.
    Less,
    /// After `>`: a dictionary's end, if `>` follows.
    Greater,
    /// After the keyword `stream`, before its end of line; `cr` once a carriage return passed.
    StreamStart {
        cr: bool,
    },
    Data(Data),
}

/// Where a `#xx` escape of a name stands.
#[derive(Clone, Copy)]
enum Escape {
    None,
    Hash,
    /// `#` and one hex digit, kept raw in case the second is no digit.
    Digit(u8),
}

#[derive(Clone, Copy)]
enum Frame {
    /// `expect_key`: the next name is a key rather than a value.
    Dict {
        expect_key: bool,
    },
    Array,
}

/// A token as the lexer hands it on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    Name(&'a [u8]),
    /// A number or keyword.
    Word(&'a [u8]),
    /// A literal or hex string, or a `{`/`}` (which only streams use, and are skipped here).
    Other,
    DictOpen,
    DictClose,
    ArrayOpen,
    ArrayClose,
}

impl Lexer {
    fn new(level: Level) -> Self {
        Self {
            level,
            state: State::Between,
            token: Vec::new(),
            stack: Vec::new(),
            dict: StreamDict::default(),
            closed: None,
            expect_endstream: false,
            watch: Watch::new(),
        }
    }

    fn feed(&mut self, input: &[u8], findings: &mut Findings) -> Result<(), Refusal> {
        let mut rest = input;
        while !rest.is_empty() {
            if let State::Data(data) = &mut self.state {
                let (used, ended) = data.take(rest, findings)?;
                rest = rest.get(used..).unwrap_or_default();
                if let Some(end) = ended {
                    self.end_data(end, findings)?;
                }
                continue;
            }
            let Some((&byte, tail)) = rest.split_first() else {
                break;
            };
            self.byte(byte, findings)?;
            rest = tail;
        }
        Ok(())
    }

    /// The input ended: a token that was being read ends with it; anything else still open
    /// means the input ended too soon.
    fn finish(&mut self, findings: &mut Findings) -> Result<(), Refusal> {
        match self.state {
            State::Between => {}
            State::Comment { .. } => {
                if self.watch.end() {
                    return Err(Refusal::Unreadable);
                }
            }
            State::Regular => self.end_regular(findings)?,
            State::Name(escape) => self.end_name(escape, findings)?,
            _ => return Err(Refusal::Unreadable),
        }
        if !matches!(self.state, State::Between | State::Comment { .. })
            || !self.stack.is_empty()
            || self.expect_endstream
        {
            return Err(Refusal::Unreadable);
        }
        Ok(())
    }

    fn byte(&mut self, byte: u8, findings: &mut Findings) -> Result<(), Refusal> {
        match &mut self.state {
            State::Between => self.start(byte, findings),
            State::Comment { start, len } => {
                if byte == b'\r' || byte == b'\n' {
                    self.state = State::Between;
                } else if let Some(slot) = start.get_mut(*len) {
                    *slot = byte;
                    *len = len.saturating_add(1);
                    if *start == *b"%EOF" && self.level == Level::File && findings.startxref {
                        findings.eof_after_startxref = true;
                    }
                }
                if self.watch.push(byte) {
                    return Err(Refusal::Unreadable);
                }
                Ok(())
            }
            State::Regular => {
                if is_regular(byte) {
                    return self.push_token(byte);
                }
                self.end_regular(findings)?;
                self.byte(byte, findings)
            }
            State::Name(escape) => {
                let escape = *escape;
                if !is_regular(byte) {
                    self.end_name(escape, findings)?;
                    return self.byte(byte, findings);
                }
                match (escape, hex_value(byte)) {
                    (Escape::None, _) if byte == b'#' => {
                        self.state = State::Name(Escape::Hash);
                        Ok(())
                    }
                    (Escape::None, _) => self.push_token(byte),
                    (Escape::Hash, Some(_)) => {
                        self.state = State::Name(Escape::Digit(byte));
                        Ok(())
                    }
                    (Escape::Digit(first), Some(low)) => {
                        self.state = State::Name(Escape::None);
                        let high = hex_value(first).unwrap_or_default();
                        self.push_token(high.wrapping_mul(16).wrapping_add(low))
                    }
                    // Not an escape after all: the `#` (and digit) stand as they are.
                    (Escape::Hash | Escape::Digit(_), None) => {
                        self.push_raw_escape(escape)?;
                        self.state = State::Name(Escape::None);
                        self.byte(byte, findings)
                    }
                }
            }
            State::Literal { depth, escaped } => {
                if *escaped {
                    *escaped = false;
                } else if byte == b'\\' {
                    *escaped = true;
                } else if byte == b'(' {
                    *depth = depth.checked_add(1).ok_or(Refusal::Unreadable)?;
                } else if byte == b')' {
                    *depth = depth.saturating_sub(1);
                    if *depth == 0 {
                        self.state = State::Between;
                        if self.watch.end() {
                            return Err(Refusal::Unreadable);
                        }
                        return self.token(Token::Other, findings);
                    }
                }
                // A literal string must not swallow structure: a stream without a direct
                // length ends at the first `endstream` after white space, so a crafted stream
                // could end early for this lexer with a `(` after it, and the string would then
                // run over the real objects that follow, and over a script in them. Objects
                // end with `endobj`, and streams with `endstream`; neither belongs in text.
                if self.watch.push(byte) {
                    return Err(Refusal::Unreadable);
                }
                Ok(())
            }
            State::Hex => {
                if byte == b'>' {
                    self.state = State::Between;
                    self.token(Token::Other, findings)
                } else if byte.is_ascii_hexdigit() || is_white(byte) {
                    Ok(())
                } else {
                    Err(Refusal::Unreadable)
                }
            }
            State::Less => {
                if byte == b'<' {
                    self.state = State::Between;
                    self.token(Token::DictOpen, findings)
                } else {
                    self.state = State::Hex;
                    self.byte(byte, findings)
                }
            }
            State::Greater => {
                if byte != b'>' {
                    return Err(Refusal::Unreadable);
                }
                self.state = State::Between;
                self.token(Token::DictClose, findings)
            }
            State::StreamStart { cr } => match byte {
                b'\n' => self.begin_data(findings),
                // A carriage return alone ends the line too (as some writers have it); the
                // byte after it is then the data's first.
                _ if *cr => {
                    self.begin_data(findings)?;
                    self.feed(&[byte], findings)
                }
                b'\r' => {
                    *cr = true;
                    Ok(())
                }
                b' ' | b'\t' => Ok(()),
                _ => Err(Refusal::Unreadable),
            },
            // Data goes by the slice in `feed`.
            State::Data(_) => Err(Refusal::Unreadable),
        }
    }

    /// A byte between tokens.
    fn start(&mut self, byte: u8, findings: &mut Findings) -> Result<(), Refusal> {
        if is_white(byte) {
            return Ok(());
        }
        if self.expect_endstream && !is_regular(byte) {
            return Err(Refusal::Unreadable);
        }
        match byte {
            b'%' => {
                self.watch.reset();
                self.state = State::Comment {
                    start: [0; 4],
                    len: 0,
                };
                Ok(())
            }
            b'(' => {
                self.watch.reset();
                self.state = State::Literal {
                    depth: 1,
                    escaped: false,
                };
                Ok(())
            }
            b'<' => {
                self.state = State::Less;
                Ok(())
            }
            b'>' => {
                self.state = State::Greater;
                Ok(())
            }
            b'[' => self.token(Token::ArrayOpen, findings),
            b']' => self.token(Token::ArrayClose, findings),
            b'{' | b'}' => self.token(Token::Other, findings),
            b')' => Err(Refusal::Unreadable),
            b'/' => {
                self.token.clear();
                self.state = State::Name(Escape::None);
                Ok(())
            }
            _ => {
                self.token.clear();
                self.token.push(byte);
                self.state = State::Regular;
                Ok(())
            }
        }
    }

    fn push_token(&mut self, byte: u8) -> Result<(), Refusal> {
        if self.token.len() >= MAX_TOKEN {
            return Err(Refusal::Unreadable);
        }
        self.token.push(byte);
        Ok(())
    }

    /// The raw bytes of an escape that turned out not to be one.
    fn push_raw_escape(&mut self, escape: Escape) -> Result<(), Refusal> {
        match escape {
            Escape::None => Ok(()),
            Escape::Hash => self.push_token(b'#'),
            Escape::Digit(first) => {
                self.push_token(b'#')?;
                self.push_token(first)
            }
        }
    }

    fn end_regular(&mut self, findings: &mut Findings) -> Result<(), Refusal> {
        self.state = State::Between;
        let word = std::mem::take(&mut self.token);
        let result = self.token(Token::Word(&word), findings);
        self.token = word;
        result
    }

    fn end_name(&mut self, escape: Escape, findings: &mut Findings) -> Result<(), Refusal> {
        self.push_raw_escape(escape)?;
        self.state = State::Between;
        let name = std::mem::take(&mut self.token);
        let result = self.token(Token::Name(&name), findings);
        self.token = name;
        result
    }

    /// A whole token: its meaning for the findings, the nesting and the stream to come.
    fn token(&mut self, token: Token<'_>, findings: &mut Findings) -> Result<(), Refusal> {
        let closed = self.closed.take();
        if self.expect_endstream {
            if token != Token::Word(ENDSTREAM) {
                return Err(Refusal::Unreadable);
            }
            self.expect_endstream = false;
            return Ok(());
        }
        let depth = self.stack.len();
        let key_position = matches!(self.stack.last(), Some(Frame::Dict { expect_key: true }));
        if let Token::Name(name) = token {
            findings.name(name, key_position)?;
        }
        // The outermost dictionary's keys, and everything within its values.
        if depth == 1
            && key_position
            && let Token::Name(name) = token
        {
            self.dict.key(name);
        } else if depth > 1 || (depth == 1 && token != Token::DictClose) {
            self.dict.value(token, depth);
        }
        match token {
            Token::Name(_) if key_position => self.set_expect_key(false),
            Token::Name(_) | Token::Other => self.set_expect_key(true),
            Token::Word(word) => {
                // A number or keyword where a key belongs is the rest of a reference
                // (`4 0 R`), not a value.
                if !key_position {
                    self.set_expect_key(true);
                }
                return self.keyword(word, closed, findings);
            }
            Token::DictOpen | Token::ArrayOpen => {
                if depth >= MAX_DEPTH {
                    return Err(Refusal::Unreadable);
                }
                if depth == 0 && token == Token::DictOpen {
                    self.dict = StreamDict::default();
                }
                self.stack.push(match token {
                    Token::DictOpen => Frame::Dict { expect_key: true },
                    _ => Frame::Array,
                });
            }
            Token::DictClose | Token::ArrayClose => {
                let frame = self.stack.pop();
                match (frame, token) {
                    (Some(Frame::Dict { .. }), Token::DictClose) => {
                        if self.stack.is_empty() {
                            self.closed = Some(std::mem::take(&mut self.dict));
                        }
                    }
                    (Some(Frame::Array), Token::ArrayClose) => {}
                    _ => return Err(Refusal::Unreadable),
                }
                self.set_expect_key(true);
            }
        }
        Ok(())
    }

    fn set_expect_key(&mut self, expect: bool) {
        if let Some(Frame::Dict { expect_key }) = self.stack.last_mut() {
            *expect_key = expect;
        }
    }

    /// A number or keyword in a value's place.
    fn keyword(
        &mut self,
        word: &[u8],
        closed: Option<StreamDict>,
        findings: &mut Findings,
    ) -> Result<(), Refusal> {
        match word {
            // Objects and streams begin and end outside any dictionary or array.
            b"obj" | b"endobj" | b"stream" | b"endstream" if !self.stack.is_empty() => {
                Err(Refusal::Unreadable)
            }
            b"stream" => match (self.level, closed) {
                (Level::File, Some(dict)) => {
                    self.dict = dict;
                    self.state = State::StreamStart { cr: false };
                    Ok(())
                }
                _ => Err(Refusal::Unreadable),
            },
            b"endstream" => Err(Refusal::Unreadable),
            b"startxref" if self.level == Level::File => {
                findings.startxref = true;
                findings.eof_after_startxref = false;
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// The end of line after `stream` passed: the data begins, read as its dictionary says.
    fn begin_data(&mut self, findings: &mut Findings) -> Result<(), Refusal> {
        let dict = std::mem::take(&mut self.dict);
        let sink = if dict.object_stream {
            Sink::object_stream(&dict)?
        } else {
            Sink::Skip
        };
        let until = match dict.direct_length() {
            Some(length) => Until::Length(length),
            None => Until::Endstream {
                matched: 0,
                after_white: true,
            },
        };
        self.state = State::Data(Data { until, sink });
        if let State::Data(Data {
            until: Until::Length(0),
            ..
        }) = self.state
        {
            return self.end_data(DataEnd::Length, findings);
        }
        Ok(())
    }

    /// The stream's data ended: after its length, or at `endstream`, whose letters have been
    /// read and now complete as a keyword token (so that `endstreamx` is no end).
    fn end_data(&mut self, end: DataEnd, findings: &mut Findings) -> Result<(), Refusal> {
        let State::Data(data) = std::mem::replace(&mut self.state, State::Between) else {
            return Err(Refusal::Unreadable);
        };
        data.sink.finish(findings)?;
        self.expect_endstream = true;
        if end == DataEnd::Endstream {
            self.token.clear();
            self.token.extend_from_slice(ENDSTREAM);
            self.state = State::Regular;
        }
        Ok(())
    }
}

/// What the outermost dictionary of an object says about the stream that may follow it.
#[derive(Default)]
struct StreamDict {
    key: Key,
    length: Length,
    object_stream: bool,
    flate_filters: u32,
    other_filter: bool,
    /// A predictor other than 1, or parameters given by reference.
    unsupported_parms: bool,
    /// The key `/Predictor` was just seen in the decode parameters.
    predictor_next: bool,
}

/// The key whose value is being read in the outermost dictionary.
#[derive(Default, Clone, Copy)]
enum Key {
    #[default]
    Other,
    Length,
    Type,
    Filter,
    DecodeParms,
}

/// How far `/Length` has been read: a direct length is one number, and a number followed by
/// another and `R` is a reference, whose value is elsewhere in the file.
#[derive(Default, Clone, Copy)]
enum Length {
    #[default]
    Absent,
    Key,
    Number(u64),
    Generation,
    Other,
}

impl StreamDict {
    fn key(&mut self, name: &[u8]) {
        self.key = match name {
            b"Length" => {
                self.length = Length::Key;
                Key::Length
            }
            b"Type" => Key::Type,
            b"Filter" => Key::Filter,
            b"DecodeParms" => Key::DecodeParms,
            _ => Key::Other,
        };
    }

    /// A token within the value of the current key, `depth` being how deep it stands.
    fn value(&mut self, token: Token<'_>, depth: usize) {
        match self.key {
            Key::Other => {}
            Key::Length => {
                self.length = match (self.length, token) {
                    (Length::Key, Token::Word(word)) if depth == 1 => {
                        unsigned(word).map_or(Length::Other, Length::Number)
                    }
                    (Length::Number(_), Token::Word(word)) if unsigned(word).is_some() => {
                        Length::Generation
                    }
                    _ => Length::Other,
                }
            }
            Key::Type => {
                if depth == 1 && token == Token::Name(b"ObjStm") {
                    self.object_stream = true;
                }
            }
            Key::Filter => match token {
                Token::Name(b"FlateDecode" | b"Fl") => {
                    self.flate_filters = self.flate_filters.saturating_add(1);
                }
                Token::ArrayOpen | Token::ArrayClose if depth <= 2 => {}
                Token::Word(b"null") => {}
                _ => self.other_filter = true,
            },
            Key::DecodeParms => {
                if std::mem::take(&mut self.predictor_next) && token != Token::Word(b"1") {
                    self.unsupported_parms = true;
                }
                match token {
                    Token::Name(b"Predictor") => self.predictor_next = true,
                    Token::Word(b"R") => self.unsupported_parms = true,
                    _ => {}
                }
            }
        }
    }

    fn direct_length(&self) -> Option<u64> {
        match self.length {
            Length::Number(length) => Some(length),
            _ => None,
        }
    }
}

/// A stream's data on its way.
struct Data {
    until: Until,
    sink: Sink,
}

enum Until {
    /// The bytes of a direct `/Length` still to come.
    Length(u64),
    /// Up to `endstream` after white space: `matched` letters of it read so far (held back
    /// from the sink until they are known to be data or the end).
    Endstream { matched: usize, after_white: bool },
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum DataEnd {
    Length,
    Endstream,
}

impl Data {
    /// Takes what of `input` is data; returns how much, and whether the data ended.
    fn take(
        &mut self,
        input: &[u8],
        findings: &mut Findings,
    ) -> Result<(usize, Option<DataEnd>), Refusal> {
        match &mut self.until {
            Until::Length(remaining) => {
                let available = u64::try_from(input.len()).unwrap_or(u64::MAX);
                let count = (*remaining).min(available);
                *remaining = remaining.saturating_sub(count);
                let used = usize::try_from(count).unwrap_or(input.len());
                self.sink
                    .write(input.get(..used).unwrap_or_default(), findings)?;
                let end = (*remaining == 0).then_some(DataEnd::Length);
                Ok((used, end))
            }
            Until::Endstream {
                matched,
                after_white,
            } => {
                let mut run = 0;
                for (at, &byte) in input.iter().enumerate() {
                    if *matched > 0 {
                        if ENDSTREAM.get(*matched) == Some(&byte) {
                            *matched = matched.saturating_add(1);
                            if *matched == ENDSTREAM.len() {
                                return Ok((at.saturating_add(1), Some(DataEnd::Endstream)));
                            }
                            continue;
                        }
                        // Data after all: the letters held back go on, and this byte is
                        // looked at afresh.
                        self.sink
                            .write(ENDSTREAM.get(..*matched).unwrap_or_default(), findings)?;
                        *matched = 0;
                        *after_white = false;
                        run = at;
                    }
                    if *after_white && byte == b'e' {
                        self.sink
                            .write(input.get(run..at).unwrap_or_default(), findings)?;
                        *matched = 1;
                        continue;
                    }
                    *after_white = is_white(byte);
                }
                if *matched == 0 {
                    self.sink
                        .write(input.get(run..).unwrap_or_default(), findings)?;
                }
                Ok((input.len(), None))
            }
        }
    }
}

/// Where a stream's data goes: nowhere, or through the lexer of an object stream.
enum Sink {
    Skip,
    ObjectStream(Box<ObjectStream>),
}

struct ObjectStream {
    /// `None` for an object stream stored without a filter.
    inflate: Option<Decompress>,
    /// The zlib stream ended; what follows it (an end of line before `endstream`) is not data.
    ended: bool,
    buffer: Vec<u8>,
    lexer: Lexer,
}

impl Sink {
    fn object_stream(dict: &StreamDict) -> Result<Self, Refusal> {
        if dict.other_filter || dict.flate_filters > 1 || dict.unsupported_parms {
            return Err(Refusal::Unreadable);
        }
        Ok(Sink::ObjectStream(Box::new(ObjectStream {
            inflate: (dict.flate_filters == 1).then(|| Decompress::new(true)),
            ended: false,
            buffer: vec![0; INFLATE_BUFFER],
            lexer: Lexer::new(Level::ObjectStream),
        })))
    }

    fn write(&mut self, data: &[u8], findings: &mut Findings) -> Result<(), Refusal> {
        match self {
            Sink::Skip => Ok(()),
            Sink::ObjectStream(stream) => stream.write(data, findings, FlushDecompress::None),
        }
    }

    fn finish(self, findings: &mut Findings) -> Result<(), Refusal> {
        match self {
            Sink::Skip => Ok(()),
            Sink::ObjectStream(mut stream) => {
                stream.write(&[], findings, FlushDecompress::Finish)?;
                if stream.inflate.is_some() && !stream.ended {
                    return Err(Refusal::Unreadable);
                }
                stream.lexer.finish(findings)
            }
        }
    }
}

impl ObjectStream {
    fn write(
        &mut self,
        data: &[u8],
        findings: &mut Findings,
        flush: FlushDecompress,
    ) -> Result<(), Refusal> {
        let Some(inflate) = &mut self.inflate else {
            return self.lexer.feed(data, findings);
        };
        let mut input = data;
        while !self.ended {
            let (in_before, out_before) = (inflate.total_in(), inflate.total_out());
            let status = inflate
                .decompress(input, &mut self.buffer, flush)
                .map_err(|_| Refusal::Unreadable)?;
            let used = usize::try_from(inflate.total_in().saturating_sub(in_before))
                .map_err(|_| Refusal::Unreadable)?;
            let produced = usize::try_from(inflate.total_out().saturating_sub(out_before))
                .map_err(|_| Refusal::Unreadable)?;
            if inflate.total_out() > MAX_INFLATED_STREAM {
                return Err(Refusal::Unreadable);
            }
            self.lexer
                .feed(self.buffer.get(..produced).unwrap_or_default(), findings)?;
            input = input.get(used..).unwrap_or_default();
            self.ended = status == Status::StreamEnd;
            if used == 0 && produced == 0 {
                // No progress: the decoder wants more than there is, or the data is broken.
                if input.is_empty() {
                    break;
                }
                return Err(Refusal::Unreadable);
            }
            if input.is_empty() && produced < self.buffer.len() {
                break;
            }
        }
        Ok(())
    }
}

/// The last bytes of a comment or literal string, to tell when one holds the structure of
/// objects: `endobj`, `endstream`, or `obj` as a word of its own (which a reader looking for
/// an object at an offset inside the comment or string would take for one, `endobj` or not).
struct Watch {
    last: [u8; 9],
}

impl Watch {
    fn new() -> Self {
        Self { last: [b' '; 9] }
    }

    fn reset(&mut self) {
        self.last = [b' '; 9];
    }

    /// Takes the next byte; whether structure has been seen.
    fn push(&mut self, byte: u8) -> bool {
        let [.., before, o, b, j] = self.last;
        let word_obj = !is_regular(byte) && !is_regular(before) && [o, b, j] == *b"obj";
        self.last.rotate_left(1);
        if let Some(last) = self.last.last_mut() {
            *last = byte;
        }
        word_obj || self.last.ends_with(b"endobj") || self.last == *b"endstream"
    }

    /// The comment or string ended; whether its last word was `obj`.
    fn end(&mut self) -> bool {
        self.push(b' ')
    }
}

/// White space as PDF has it.
fn is_white(byte: u8) -> bool {
    matches!(byte, b'\0' | b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

fn is_delimiter(byte: u8) -> bool {
    matches!(
        byte,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// A byte of a name, number or keyword.
fn is_regular(byte: u8) -> bool {
    !is_white(byte) && !is_delimiter(byte)
}

fn hex_value(byte: u8) -> Option<u8> {
    char::from(byte)
        .to_digit(16)
        .and_then(|digit| u8::try_from(digit).ok())
}

/// A non-negative integer as PDF writes it; `None` for anything else or too large.
fn unsigned(word: &[u8]) -> Option<u64> {
    let digits = word.strip_prefix(b"+").unwrap_or(word);
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    digits.iter().try_fold(0u64, |value, &digit| {
        value
            .checked_mul(10)?
            .checked_add(u64::from(digit.saturating_sub(b'0')))
    })
}

#[cfg(test)]
mod tests {
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    use super::*;
    use crate::documents::check::tests::{
        CATALOG, PAGE, PAGES, find, minimal_pdf, pdf, pdf_bytes, pdf_with_object_streams,
    };

    /// Feeds `bytes` in pieces of the given sizes (the last piece takes the rest); the outcome
    /// and what was passed on.
    fn scan_in(
        bytes: &[u8],
        sizes: impl IntoIterator<Item = usize>,
    ) -> (Result<(), Refusal>, Vec<u8>) {
        let mut scan = PdfScan::new();
        let mut out = Vec::new();
        let mut rest = bytes;
        let mut sizes = sizes.into_iter();
        while !rest.is_empty() {
            let size = sizes.next().unwrap_or(rest.len()).clamp(1, rest.len());
            let (piece, tail) = rest.split_at(size);
            if let Err(refusal) = scan.feed(piece, &mut out) {
                return (Err(refusal), out);
            }
            rest = tail;
        }
        (scan.finish(&mut out), out)
    }

    fn random_sizes(seed: u64, max: usize) -> impl Iterator<Item = usize> {
        let mut rng = StdRng::seed_from_u64(seed);
        std::iter::repeat_with(move || rng.random_range(1..=max))
    }

    /// The outcome of scanning `bytes`, which must be the same whether they come whole, a byte
    /// at a time or in random pieces; an accepted file is passed on unchanged.
    fn scan(bytes: &[u8]) -> Result<(), Refusal> {
        let (whole, out) = scan_in(bytes, [bytes.len()]);
        if whole.is_ok() {
            assert_eq!(out, bytes, "an accepted file is passed on unchanged");
        }
        let (single, single_out) = scan_in(bytes, std::iter::repeat(1));
        assert_eq!(single, whole, "fed a byte at a time");
        for seed in 0..4 {
            let (random, random_out) = scan_in(bytes, random_sizes(seed, 64));
            assert_eq!(random, whole, "fed in random pieces (seed {seed})");
            if whole.is_ok() {
                assert_eq!(random_out, bytes);
                assert_eq!(single_out, bytes);
            }
        }
        whole
    }

    // --- The cases of the whole-file check --------------------------------------------------

    #[test]
    fn a_minimal_pdf_is_accepted_unchanged() {
        assert_eq!(scan(&minimal_pdf()), Ok(()));
    }

    #[test]
    fn a_pdf_with_object_streams_is_accepted() {
        let bytes = pdf_with_object_streams(false);
        assert!(find(&bytes, b"/ObjStm").is_some());
        assert_eq!(scan(&bytes), Ok(()));
    }

    #[test]
    fn a_pdf_opening_with_javascript_is_active() {
        let catalog =
            "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>";
        assert_eq!(
            scan(&pdf(&[catalog, PAGES, PAGE], "")),
            Err(Refusal::PdfActive)
        );
    }

    #[test]
    fn a_pdf_with_a_launch_action_is_active() {
        let catalog = "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>";
        assert_eq!(
            scan(&pdf(&[catalog, PAGES, PAGE], "")),
            Err(Refusal::PdfActive)
        );
    }

    #[test]
    fn a_script_reached_only_through_a_reference_is_found() {
        let page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /AA << /O 4 0 R >> >>";
        let action = "<< /S /JavaScript /JS 5 0 R >>";
        let script = "(app.launchURL\\(\"https://example.org\"\\))";
        let bytes = pdf(&[CATALOG, PAGES, page, action, script], "");
        assert_eq!(scan(&bytes), Err(Refusal::PdfActive));
    }

    #[test]
    fn a_script_named_with_hex_escapes_is_found() {
        let catalog =
            "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /J#61vaScript /J#53 (x) >> >>";
        assert_eq!(
            scan(&pdf(&[catalog, PAGES, PAGE], "")),
            Err(Refusal::PdfActive)
        );
        for name in ["/Java#53cript", "/#4AS", "/J#53", "/Launc#68", "/#45#46"] {
            let catalog = format!("<< /Type /Catalog /Pages 2 0 R /X {name} >>");
            let expected = if name == "/#45#46" {
                Refusal::PdfEmbedded
            } else {
                Refusal::PdfActive
            };
            assert_eq!(
                scan(&pdf(&[&catalog, PAGES, PAGE], "")),
                Err(expected),
                "{name}"
            );
        }
    }

    #[test]
    fn a_script_hidden_in_a_compressed_object_stream_is_found() {
        let bytes = pdf_with_object_streams(true);
        assert!(
            find(&bytes, b"JavaScript").is_none(),
            "the action must be compressed"
        );
        // `scan` feeds it byte by byte too.
        assert_eq!(scan(&bytes), Err(Refusal::PdfActive));
        let (byte_by_byte, _) = scan_in(&bytes, std::iter::repeat(1));
        assert_eq!(byte_by_byte, Err(Refusal::PdfActive));
    }

    #[test]
    fn a_cycle_of_references_does_not_loop() {
        let page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Next 4 0 R >>";
        let bytes = pdf(
            &[
                CATALOG,
                PAGES,
                page,
                "<< /Next 5 0 R >>",
                "<< /Next 4 0 R >>",
            ],
            "",
        );
        assert_eq!(scan(&bytes), Ok(()));
    }

    #[test]
    fn a_pdf_with_attached_files_is_refused() {
        let catalog = "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >> >>";
        let filespec = "<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>";
        let file = "<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream";
        let bytes = pdf(&[catalog, PAGES, PAGE, filespec, file], "");
        assert_eq!(scan(&bytes), Err(Refusal::PdfEmbedded));
    }

    #[test]
    fn an_attached_file_outside_the_names_tree_is_found() {
        let page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [<< /Subtype /FileAttachment /FS 4 0 R >>] >>";
        let filespec = "<< /F (a.exe) /EF << /F 5 0 R >> >>";
        let file = "<< /Length 2 >>\nstream\nMZ\nendstream";
        let bytes = pdf(&[CATALOG, PAGES, page, filespec, file], "");
        assert_eq!(scan(&bytes), Err(Refusal::PdfEmbedded));
    }

    #[test]
    fn an_encrypted_pdf_is_refused() {
        let encrypt = "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 \
             /O <0000000000000000000000000000000000000000000000000000000000000000> \
             /U <0000000000000000000000000000000000000000000000000000000000000000> >>";
        let bytes = pdf(
            &[CATALOG, PAGES, PAGE, encrypt],
            "/Encrypt 4 0 R /ID [<00> <00>]",
        );
        assert_eq!(scan(&bytes), Err(Refusal::PdfEncrypted));
        let bytes = pdf(
            &[CATALOG, PAGES, PAGE, "<< /Filter /Unknown >>"],
            "/Encrypt 4 0 R",
        );
        assert_eq!(scan(&bytes), Err(Refusal::PdfEncrypted));
    }

    #[test]
    fn an_encrypted_pdf_is_refused_as_such_where_its_ciphertext_is_unreadable() {
        // An encrypted object stream does not inflate; the trailer comes after it.
        let mut rng = StdRng::seed_from_u64(0xC1F3);
        let mut ciphertext = vec![0u8; 300];
        rng.fill(&mut ciphertext[..]);
        let objstm = stream(
            "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode",
            &ciphertext,
            true,
        );
        let objects = [
            CATALOG.into(),
            PAGES.into(),
            PAGE.into(),
            objstm,
            b"<< /Filter /Standard /V 5 >>".to_vec(),
        ];
        assert_eq!(
            scan(&pdf_bytes(&objects, "/Encrypt 5 0 R")),
            Err(Refusal::PdfEncrypted)
        );
        assert_eq!(
            scan(&pdf_bytes(&objects, "/EncryptMetadata false")),
            Err(Refusal::Unreadable)
        );
    }

    #[test]
    fn encryption_outranks_a_script_and_a_script_an_attachment() {
        let catalog = "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> /OpenAction << /S /JavaScript /JS (x) >> >>";
        let bytes = pdf(&[catalog, PAGES, PAGE, "<< >>"], "/Encrypt 4 0 R");
        assert_eq!(scan(&bytes), Err(Refusal::PdfEncrypted));
        let bytes = pdf(&[catalog, PAGES, PAGE, "<< >>"], "");
        assert_eq!(scan(&bytes), Err(Refusal::PdfActive));
    }

    #[test]
    fn a_truncated_or_garbage_pdf_is_unreadable() {
        let bytes = minimal_pdf();
        let catalog_end = find(&bytes, b"endobj").unwrap();
        assert_eq!(scan(&bytes[..catalog_end]), Err(Refusal::Unreadable));
        assert_eq!(
            scan(b"%PDF-1.7\nnot a document at all"),
            Err(Refusal::Unreadable)
        );
        assert_eq!(scan(b"%PDF-"), Err(Refusal::Unreadable));
        assert_eq!(scan(b"%PD"), Err(Refusal::Unreadable));
        assert_eq!(scan(b"GIF89a"), Err(Refusal::Unreadable));
        // Cut anywhere before its `%%EOF` is whole, the minimal PDF is no document.
        let eof_end = find(&bytes, b"%%EOF").unwrap() + 5;
        for cut in 0..eof_end {
            assert_eq!(
                scan_in(&bytes[..cut], [cut]).0,
                Err(Refusal::Unreadable),
                "cut at {cut}"
            );
        }
        assert_eq!(scan_in(&bytes[..eof_end], [eof_end]).0, Ok(()));
    }

    #[test]
    fn name_tokens_are_matched_whole() {
        let catalog = "<< /Type /Catalog /Pages 2 0 R /EncryptMetadata false /JSX 1 /EFF /Launched /JavaScripts 2 >>";
        assert_eq!(scan(&pdf(&[catalog, PAGES, PAGE], "")), Ok(()));
        let bytes = pdf(
            &[CATALOG, PAGES, PAGE],
            "/EncryptMetadata false /Encrypt 4 0 R",
        );
        assert_eq!(scan(&bytes), Err(Refusal::PdfEncrypted));
        // `/Encrypt` as a value says nothing.
        let bytes = pdf(&[CATALOG, PAGES, PAGE], "/Note /Encrypt");
        assert_eq!(scan(&bytes), Ok(()));
    }

    // --- Streams ----------------------------------------------------------------------------

    /// A stream object of `data`, with a direct `/Length` or none.
    fn stream(dict: &str, data: &[u8], direct_length: bool) -> Vec<u8> {
        let length = if direct_length {
            format!("/Length {}", data.len())
        } else {
            String::new()
        };
        let mut out = format!("<< {dict} {length} >>\nstream\n").into_bytes();
        out.extend_from_slice(data);
        out.extend_from_slice(b"\nendstream");
        out
    }

    fn with_page_content(content: Vec<u8>, extra: &[Vec<u8>]) -> Vec<u8> {
        let page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>";
        let mut objects = vec![CATALOG.into(), PAGES.into(), page.into(), content];
        objects.extend_from_slice(extra);
        pdf_bytes(&objects, "")
    }

    #[test]
    fn stream_data_is_not_lexed() {
        // Names, strings and brackets of every kind in a page's content mean nothing here.
        let content = b"BT /JS 12 Tf /EmbeddedFile 1 Tf (unbalanced ) ] >> ET << [ endobj";
        for direct in [true, false] {
            let bytes = with_page_content(stream("", content, direct), &[]);
            assert_eq!(scan(&bytes), Ok(()), "direct length: {direct}");
        }
        // With a length given by reference, the data ends at `endstream` after white space.
        let content = stream("/Length 5 0 R", b"q Q", false);
        let bytes = with_page_content(content, &[b"3".to_vec()]);
        assert_eq!(scan(&bytes), Ok(()));
    }

    #[test]
    fn a_direct_length_must_end_at_endstream() {
        let mut content = stream("", b"0123456789", true);
        // A length past the data's end runs into `endstream`.
        let at = find(&content, b"/Length 10").unwrap();
        content[at + 9] = b'9';
        assert_eq!(
            scan(&with_page_content(content, &[])),
            Err(Refusal::Unreadable)
        );
        let content = stream("", b"0123456789", true);
        // `endstream` glued to more letters is no end.
        let mut glued = content.clone();
        glued.extend_from_slice(b"x");
        assert_eq!(
            scan(&with_page_content(glued, &[])),
            Err(Refusal::Unreadable)
        );
        assert_eq!(scan(&with_page_content(content, &[])), Ok(()));
    }

    #[test]
    fn a_stream_ending_early_for_the_lexer_cannot_hide_objects_in_a_string() {
        // Object 4's length is object 7, so the lexer looks for `endstream`; its data holds one
        // followed by `(`, which would open a string running over the script's object 5 up to
        // the `)` in a comment. A reader taking the length from object 7 sees the script.
        let data = b"q Q\nendstream (";
        let mut content = b"<< /Length 7 0 R >>\nstream\n".to_vec();
        content.extend_from_slice(data);
        content.extend_from_slice(b"\nendstream");
        let catalog = "<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>";
        let page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>";
        let objects = vec![
            catalog.as_bytes().to_vec(),
            PAGES.as_bytes().to_vec(),
            page.as_bytes().to_vec(),
            content,
            b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>\n% )".to_vec(),
            b"null".to_vec(),
            data.len().to_string().into_bytes(),
        ];
        let bytes = pdf_bytes(&objects, "");
        let outcome = scan(&bytes);
        assert!(
            matches!(outcome, Err(Refusal::Unreadable | Refusal::PdfActive)),
            "{outcome:?}"
        );
    }

    #[test]
    fn literal_strings_and_comments_must_not_hold_object_structure() {
        for text in [
            "(a endobj b)",
            "(endstream)",
            "(5 0 obj << >>)",
            "(x\\)endobj)",
        ] {
            let catalog = format!("<< /Type /Catalog /Pages 2 0 R /Title {text} >>");
            assert_eq!(
                scan(&pdf(&[&catalog, PAGES, PAGE], "")),
                Err(Refusal::Unreadable),
                "{text}"
            );
        }
        let catalog = "<< /Type /Catalog /Pages 2 0 R >>\n% 5 0 obj << /S /JavaScript >>";
        assert_eq!(
            scan(&pdf(&[catalog, PAGES, PAGE], "")),
            Err(Refusal::Unreadable)
        );
        // Ordinary words that merely contain the letters are fine.
        let catalog =
            "<< /Type /Catalog /Pages 2 0 R /Title (objects, objection, obj2) >>\n% objective";
        assert_eq!(scan(&pdf(&[catalog, PAGES, PAGE], "")), Ok(()));
    }

    /// A PDF with an object stream (object 4) of the given dictionary entries and data, whose
    /// member 5 the catalog names as its form.
    fn with_object_stream(dict: &str, data: &[u8]) -> Vec<u8> {
        let objstm = stream(&format!("/Type /ObjStm /N 1 /First 4 {dict}"), data, true);
        let catalog = "<< /Type /Catalog /Pages 2 0 R /AcroForm 5 0 R >>";
        pdf_bytes(&[catalog.into(), PAGES.into(), PAGE.into(), objstm], "")
    }

    fn zlib(data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn an_object_stream_is_lexed_raw_or_inflated() {
        let members = b"5 0 << /Fields [] /JS (x) >>";
        for (dict, data) in [
            ("", members.to_vec()),
            ("/Filter /FlateDecode", zlib(members)),
            ("/Filter [/FlateDecode]", zlib(members)),
            (
                "/Filter /FlateDecode /DecodeParms << /Predictor 1 >>",
                zlib(members),
            ),
        ] {
            let bytes = with_object_stream(dict, &data);
            assert_eq!(scan(&bytes), Err(Refusal::PdfActive), "{dict}");
        }
        let harmless = b"5 0 << /Fields [] >>";
        assert_eq!(
            scan(&with_object_stream("/Filter /FlateDecode", &zlib(harmless))),
            Ok(())
        );
        // Without a direct length, the compressed data ends at `endstream` too.
        let objstm = stream(
            "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length 5 0 R",
            &zlib(members),
            false,
        );
        let bytes = pdf_bytes(
            &[
                CATALOG.into(),
                PAGES.into(),
                PAGE.into(),
                objstm,
                b"9".to_vec(),
            ],
            "",
        );
        assert_eq!(scan(&bytes), Err(Refusal::PdfActive));
    }

    #[test]
    fn an_object_stream_that_cannot_be_read_is_unreadable() {
        let members = b"5 0 << /Fields [] >>";
        for (dict, data) in [
            ("/Filter /LZWDecode", members.to_vec()),
            ("/Filter [/FlateDecode /FlateDecode]", zlib(&zlib(members))),
            (
                "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>",
                zlib(members),
            ),
            ("/Filter /FlateDecode /DecodeParms 9 0 R", zlib(members)),
            ("/Filter 9 0 R", zlib(members)),
            // Not zlib at all, and zlib cut short.
            ("/Filter /FlateDecode", members.to_vec()),
            ("/Filter /FlateDecode", zlib(members)[..8].to_vec()),
            // A member left open, and a stream inside an object stream.
            ("", b"5 0 << /Fields [".to_vec()),
            ("", b"5 0 << >> stream\nx\nendstream".to_vec()),
        ] {
            let bytes = with_object_stream(dict, &data);
            assert_eq!(scan(&bytes), Err(Refusal::Unreadable), "{dict} {data:?}");
        }
        // The same dictionaries without /Type /ObjStm are skipped as any stream's.
        let objstm = stream("/Filter /LZWDecode", members, true);
        let bytes = pdf_bytes(&[CATALOG.into(), PAGES.into(), PAGE.into(), objstm], "");
        assert_eq!(scan(&bytes), Ok(()));
    }

    #[test]
    fn an_object_stream_inflating_beyond_the_limit_is_unreadable() {
        let limit = usize::try_from(MAX_INFLATED_STREAM).unwrap();
        let mut members = b"5 0 << /Fields [] >>".to_vec();
        // White space inflates to nothing a reader would mind, but past the limit it stops.
        members.resize(limit + 1, b' ');
        let bytes = with_object_stream("/Filter /FlateDecode", &zlib(&members));
        assert!(bytes.len() < 1024 * 1024);
        assert_eq!(scan_in(&bytes, [bytes.len()]).0, Err(Refusal::Unreadable));
        members.truncate(limit - 100);
        let bytes = with_object_stream("/Filter /FlateDecode", &zlib(&members));
        assert_eq!(scan_in(&bytes, [bytes.len()]).0, Ok(()));
    }

    #[test]
    fn a_ten_megabyte_scan_is_accepted_with_a_direct_or_an_indirect_length() {
        let mut rng = StdRng::seed_from_u64(0x0DD5_CA11);
        let mut data = vec![0u8; 10 * 1024 * 1024];
        rng.fill(&mut data[..]);
        for direct in [true, false] {
            let content = if direct {
                stream("/Filter /DCTDecode", &data, true)
            } else {
                stream("/Filter /DCTDecode /Length 5 0 R", &data, false)
            };
            let extra = if direct {
                vec![]
            } else {
                vec![data.len().to_string().into_bytes()]
            };
            let bytes = with_page_content(content, &extra);
            let (whole, out) = scan_in(&bytes, [bytes.len()]);
            assert_eq!(whole, Ok(()), "direct length: {direct}");
            assert_eq!(out, bytes);
            let (pieces, out) = scan_in(&bytes, random_sizes(7, 256 * 1024));
            assert_eq!(pieces, Ok(()), "direct length: {direct}");
            assert_eq!(out, bytes);
        }
    }

    // --- Structure --------------------------------------------------------------------------

    #[test]
    fn nesting_is_limited() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert_eq!(
            scan(&pdf(&[CATALOG, PAGES, PAGE, &nested(MAX_DEPTH)], "")),
            Ok(())
        );
        assert_eq!(
            scan(&pdf(&[CATALOG, PAGES, PAGE, &nested(MAX_DEPTH + 1)], "")),
            Err(Refusal::Unreadable)
        );
        let dicts = format!(
            "{}{}",
            "<< /A ".repeat(MAX_DEPTH + 1),
            ">> ".repeat(MAX_DEPTH + 1)
        );
        assert_eq!(
            scan(&pdf(&[CATALOG, PAGES, PAGE, &dicts], "")),
            Err(Refusal::Unreadable)
        );
    }

    #[test]
    fn malformed_syntax_is_unreadable() {
        let long_name = format!("/{}", "A".repeat(MAX_TOKEN + 1));
        let fine_name = format!("/{}", "A".repeat(MAX_TOKEN));
        for (object, outcome) in [
            ("<< /A 1 >> >>", Err(Refusal::Unreadable)),
            ("[1 2] ]", Err(Refusal::Unreadable)),
            ("[1 2 >>", Err(Refusal::Unreadable)),
            ("<< /A [1 2 >> ]", Err(Refusal::Unreadable)),
            ("<0A 1b zz>", Err(Refusal::Unreadable)),
            ("<0A 1b\nff>", Ok(())),
            ("(a (nested) \\) string)", Ok(())),
            ("(unclosed", Err(Refusal::Unreadable)),
            ("a ) b", Err(Refusal::Unreadable)),
            ("<< /A > >>", Err(Refusal::Unreadable)),
            ("<< /A 1 0 obj >>", Err(Refusal::Unreadable)),
            ("stream\nx\nendstream", Err(Refusal::Unreadable)),
            ("endstream", Err(Refusal::Unreadable)),
            (&long_name, Err(Refusal::Unreadable)),
            (&fine_name, Ok(())),
        ] {
            assert_eq!(
                scan(&pdf(&[CATALOG, PAGES, PAGE, object], "")),
                outcome,
                "{:.40}",
                object
            );
        }
    }

    #[test]
    fn a_file_lacking_its_catalog_pages_or_trailer_is_unreadable() {
        assert_eq!(
            scan(&pdf(&[PAGE, PAGE, PAGE], "")),
            Err(Refusal::Unreadable)
        );
        assert_eq!(
            scan(&pdf(&["<< /Type /Catalog >>", PAGE, PAGE], "")),
            Err(Refusal::Unreadable)
        );
        let bytes = minimal_pdf();
        let startxref = find(&bytes, b"startxref").unwrap();
        let mut without = bytes[..startxref].to_vec();
        without.extend_from_slice(b"%%EOF\n");
        assert_eq!(scan(&without), Err(Refusal::Unreadable));
        // An update appended after the `%%EOF` needs one of its own.
        let mut updated = bytes.clone();
        updated.extend_from_slice(b"4 0 obj\n<< >>\nendobj\nstartxref\n9\n");
        assert_eq!(scan(&updated), Err(Refusal::Unreadable));
        updated.extend_from_slice(b"%%EOF");
        assert_eq!(scan(&updated), Ok(()));
    }

    /// Bytes that mean something to the lexer.
    const SYNTAX: &[u8] = b"()<>[]/%\n #\\e";

    #[test]
    fn no_input_panics() {
        let mut rng = StdRng::seed_from_u64(0x5C4A_17E2);
        let fixtures = [
            minimal_pdf(),
            pdf_with_object_streams(true),
            with_object_stream(
                "/Filter /FlateDecode",
                &zlib(b"5 0 << /Fields [(a) <0f>] >>"),
            ),
        ];
        for round in 0..2_000u64 {
            let mut bytes = if round % 2 == 0 {
                b"%PDF-1.7\n".to_vec()
            } else {
                Vec::new()
            };
            let mut tail = vec![0u8; rng.random_range(0..512)];
            rng.fill(&mut tail[..]);
            bytes.extend_from_slice(&tail);
            let _ = scan_in(&bytes, random_sizes(round, 32));
        }
        for (index, fixture) in fixtures.iter().enumerate() {
            for round in 0..500u64 {
                let seed = round + 1000 * index as u64;
                let _ = scan_in(
                    &fixture[..rng.random_range(0..fixture.len())],
                    random_sizes(seed, 64),
                );
                let mut flipped = fixture.clone();
                for _ in 0..rng.random_range(1..5) {
                    let at = rng.random_range(0..flipped.len());
                    flipped[at] = match rng.random_range(0..3) {
                        0 => flipped[at] ^ (1 << rng.random_range(0..8)),
                        1 => SYNTAX[rng.random_range(0..SYNTAX.len())],
                        _ => rng.random(),
                    };
                }
                let _ = scan_in(&flipped, random_sizes(seed, 64));
            }
        }
    }
}
