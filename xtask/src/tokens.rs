//! Just enough of a Rust lexer for the source checks: identifiers, `::`, single punctuation and
//! string literals, each with its line. Comments, character literals, lifetimes and numbers
//! are dropped, so a path in a doc comment never counts as a dependency.

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Ident(String),
    /// `::`
    PathSep,
    Punct(char),
    /// A string literal's text between its quotes, escapes left as written.
    Str(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: Kind,
    /// 1-based.
    pub line: usize,
}

impl Token {
    pub fn is_ident(&self, name: &str) -> bool {
        matches!(&self.kind, Kind::Ident(ident) if ident == name)
    }

    pub fn is_punct(&self, punct: char) -> bool {
        self.kind == Kind::Punct(punct)
    }
}

pub fn tokenize(source: &str) -> Vec<Token> {
    let mut lexer = Lexer {
        chars: source.chars().collect(),
        at: 0,
        line: 1,
    };
    let mut tokens = Vec::new();
    while let Some(c) = lexer.peek(0) {
        let line = lexer.line;
        let mut push = |kind| tokens.push(Token { kind, line });
        match c {
            '/' if lexer.peek(1) == Some('/') => lexer.skip_while(|c| c != '\n'),
            '/' if lexer.peek(1) == Some('*') => lexer.skip_block_comment(),
            '"' => push(Kind::Str(lexer.string(false))),
            '\'' => lexer.skip_char_or_lifetime(),
            'r' | 'b' | 'c' if lexer.string_prefix_len().is_some() => {
                let prefix = lexer.string_prefix_len().unwrap_or(0);
                let raw = lexer.chars[lexer.at..lexer.at + prefix].contains(&'r');
                lexer.at += prefix;
                push(Kind::Str(lexer.string(raw)));
            }
            c if c.is_ascii_digit() => lexer.skip_while(is_ident_char),
            c if is_ident_start(c) => {
                // A raw identifier `r#match` is the identifier `match`.
                if c == 'r' && lexer.peek(1) == Some('#') {
                    lexer.at += 2;
                }
                let start = lexer.at;
                lexer.skip_while(is_ident_char);
                push(Kind::Ident(lexer.chars[start..lexer.at].iter().collect()));
            }
            ':' if lexer.peek(1) == Some(':') => {
                lexer.at += 2;
                push(Kind::PathSep);
            }
            c if c.is_whitespace() => lexer.advance(),
            c => {
                lexer.advance();
                push(Kind::Punct(c));
            }
        }
    }
    tokens
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

struct Lexer {
    chars: Vec<char>,
    at: usize,
    line: usize,
}

impl Lexer {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn advance(&mut self) {
        if self.peek(0) == Some('\n') {
            self.line += 1;
        }
        self.at += 1;
    }

    fn skip_while(&mut self, keep_going: impl Fn(char) -> bool) {
        while self.peek(0).is_some_and(&keep_going) {
            self.advance();
        }
    }

    /// Block comments nest in Rust.
    fn skip_block_comment(&mut self) {
        let mut depth = 0;
        while let Some(c) = self.peek(0) {
            if c == '/' && self.peek(1) == Some('*') {
                depth += 1;
                self.at += 2;
            } else if c == '*' && self.peek(1) == Some('/') {
                depth -= 1;
                self.at += 2;
                if depth == 0 {
                    return;
                }
            } else {
                self.advance();
            }
        }
    }

    /// The length of `r`, `r#…#`, `b`, `br#…#`, `c` or `cr#…#` when a string literal follows,
    /// up to and excluding the hashes of a raw string (which `skip_string` counts).
    fn string_prefix_len(&self) -> Option<usize> {
        let mut len = 0;
        if matches!(self.peek(0), Some('b' | 'c')) {
            len += 1;
        }
        if self.peek(len) == Some('r') {
            len += 1;
            let mut hashes = len;
            while self.peek(hashes) == Some('#') {
                hashes += 1;
            }
            return (self.peek(hashes) == Some('"')).then_some(len);
        }
        (len > 0 && self.peek(len) == Some('"')).then_some(len)
    }

    /// From the opening `"` (or the hashes of a raw string) past the closing one, returning the
    /// text between. A raw string has no escapes; it ends at `"` followed by as many hashes as
    /// it opened with.
    fn string(&mut self, raw: bool) -> String {
        let mut hashes = 0;
        while self.peek(0) == Some('#') {
            hashes += 1;
            self.at += 1;
        }
        self.at += 1; // the opening quote
        let start = self.at;
        while let Some(c) = self.peek(0) {
            if c == '\\' && !raw {
                self.advance();
                self.advance();
            } else if c == '"' && (0..hashes).all(|i| self.peek(1 + i) == Some('#')) {
                let text = self.chars[start..self.at].iter().collect();
                self.at += 1 + hashes;
                return text;
            } else {
                self.advance();
            }
        }
        self.chars[start..].iter().collect()
    }

    /// `'a'`, `'\n'`, `'\u{1F600}'` are characters; `'a` and `'static` are lifetimes.
    fn skip_char_or_lifetime(&mut self) {
        self.at += 1;
        if self.peek(0) == Some('\\') {
            self.advance();
            self.advance();
            self.skip_while(|c| c != '\'');
            self.at += 1;
        } else if self.peek(1) == Some('\'') {
            self.advance();
            self.at += 1;
        } else {
            self.skip_while(is_ident_char);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{tokenize, Kind};

    fn idents(source: &str) -> Vec<String> {
        tokenize(source)
            .into_iter()
            .filter_map(|token| match token.kind {
                Kind::Ident(name) => Some(name),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn comments_are_dropped_and_strings_kept_as_written() {
        let source = r####"
            // crate::a
            /* crate::b /* nested crate::c */ still comment crate::d */
            /// crate::e
            let s = "crate::f \" crate::g";
            let r = r#"crate::h " crate::i"#;
            let b = br"crate::j";
            let c = '"'; let q = '\''; let u = '\u{22}';
            fn f<'a>(x: &'a str) -> &'static str { x }
            keep
        "####;
        assert_eq!(
            idents(source),
            ["let", "s", "let", "r", "let", "b", "let", "c", "let", "q", "let", "u"]
                .into_iter()
                .chain(["fn", "f", "x", "str", "str", "x", "keep"])
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn string_literals_keep_their_text() {
        let strings: Vec<_> = tokenize(r###"a("x \" y", r#"raw " q"#, b"z")"###)
            .into_iter()
            .filter_map(|token| match token.kind {
                Kind::Str(text) => Some(text),
                _ => None,
            })
            .collect();
        assert_eq!(strings, [r#"x \" y"#, r#"raw " q"#, "z"]);
    }

    #[test]
    fn paths_keep_their_separators_and_lines() {
        let tokens = tokenize("use crate::a;\n\nr#mod::x(1.5e3)");
        let kinds: Vec<_> = tokens.iter().map(|t| (&t.kind, t.line)).collect();
        assert_eq!(
            kinds,
            [
                (&Kind::Ident("use".into()), 1),
                (&Kind::Ident("crate".into()), 1),
                (&Kind::PathSep, 1),
                (&Kind::Ident("a".into()), 1),
                (&Kind::Punct(';'), 1),
                (&Kind::Ident("mod".into()), 3),
                (&Kind::PathSep, 3),
                (&Kind::Ident("x".into()), 3),
                (&Kind::Punct('('), 3),
                (&Kind::Punct('.'), 3),
                (&Kind::Punct(')'), 3),
            ]
        );
    }

    #[test]
    fn lines_count_inside_comments_and_strings() {
        let tokens = tokenize("/*\n*/ \"\n\" r#\"\n\"# a");
        let lines: Vec<_> = tokens.iter().map(|t| t.line).collect();
        assert_eq!(lines, [2, 3, 4]);
    }
}
