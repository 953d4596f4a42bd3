//! The properties the fuzz targets check, shared with `tests/fuzz_properties.rs`
//! (which replays the corpus kept in `fuzz/corpus/` on every `cargo test`).
//!
//! Each function panics, naming the property, when one does not hold; the
//! engine itself must never panic on any text or lexicon.

#![allow(dead_code)]

use std::sync::OnceLock;

use stance::lexicon::{LexiconName, UserLexicon};
use stance::text::Document;
use stance::{Article, Engine, Lexicons, attribution};

/// The embedded lexicons, loaded once per process.
pub fn embedded() -> &'static Lexicons {
    static LEXICONS: OnceLock<Lexicons> = OnceLock::new();
    LEXICONS.get_or_init(|| Lexicons::embedded().expect("embedded lexicons load"))
}

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::from_lexicons(embedded().clone()))
}

fn boundary(text: &str, at: usize, what: &str) {
    assert!(
        at <= text.len(),
        "{what}: byte {at} past the text's {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(at),
        "{what}: byte {at} not on a char boundary"
    );
}

/// Segments `text` and checks every span of the document.
pub fn segment(text: &str) {
    let doc = Document::new(text, &embedded().abbreviations);
    check_document(&doc);
}

fn check_document(doc: &Document) {
    let text = doc.text;
    let n = doc.tokens.len();
    let mut last_end = 0;
    for (i, t) in doc.tokens.iter().enumerate() {
        boundary(text, t.start, "token start");
        boundary(text, t.end, "token end");
        assert!(t.start < t.end, "token {i} is empty");
        assert!(t.start >= last_end, "token {i} overlaps the one before");
        last_end = t.end;
        let _ = doc.str(i);
        let _ = doc.lower(i);
    }
    for p in &doc.paragraphs {
        boundary(text, p.start, "paragraph start");
        boundary(text, p.end, "paragraph end");
        assert!(p.start <= p.end, "paragraph ends before it starts");
        assert!(
            p.tokens.start < p.tokens.end && p.tokens.end <= n,
            "paragraph tokens"
        );
    }
    let mut last = 0;
    for s in &doc.sentences {
        assert!(
            s.tokens.start < s.tokens.end && s.tokens.end <= n,
            "sentence tokens"
        );
        assert!(s.tokens.start >= last, "sentences overlap");
        assert!(s.paragraph < doc.paragraphs.len(), "sentence paragraph");
        last = s.tokens.end;
        let _ = doc.span_text(s.tokens.clone());
    }
    assert_eq!(doc.quote_of.len(), n, "quote_of has one slot per token");
    for q in &doc.quotes {
        assert!(q.open < n, "quote opens past the tokens");
        assert!(
            q.content_end <= n && q.open < q.content_end.max(q.open + 1),
            "quote content"
        );
        if let Some(c) = q.close {
            assert!(c < n && c > q.open, "quote closes before it opens");
        }
        assert!(q.end() <= n, "quote end");
        assert!(q.paragraph < doc.paragraphs.len(), "quote paragraph");
        let _ = doc.span_text(q.content());
    }
    if n > 0 {
        let _ = doc.paragraph_of(n - 1);
    }
}

/// Attributes `text` and scores it with the whole engine (resolve, score,
/// aggregate), checking every span.
pub fn attribution(text: &str) {
    let lex = embedded();
    let doc = Document::new(text, &lex.abbreviations);
    check_document(&doc);
    let statements = attribution::attribute(&doc, lex.attribution());
    let n = doc.tokens.len();
    for st in &statements {
        assert!(
            st.content.start < st.content.end && st.content.end <= n,
            "statement content {:?} of {n} tokens",
            st.content
        );
        let m = st.speaker.mention();
        assert!(
            m.start < m.end && m.end <= n,
            "speaker mention {m:?} of {n} tokens"
        );
        if let Some(c) = st.cue_token {
            assert!(c < n, "cue token {c} of {n}");
        }
    }
    let mentions = lex.actors.mentions(&doc, None);
    for m in &mentions {
        assert!(
            m.tokens.start < m.tokens.end && m.tokens.end <= n,
            "actor mention"
        );
    }
    // Resolution, scoring and aggregation: the whole engine.
    check_report(engine(), text);
}

/// Scores `text` as an article and checks that every row's offsets find its
/// text again and every score is a finite number in -1 ..= 1.
pub fn check_report(engine: &Engine, text: &str) {
    let report = engine.score(&Article::new("fuzz", text));
    let chars: Vec<char> = text.chars().collect();
    let span = |s: usize, e: usize, what: &str| -> String {
        assert!(
            s <= e && e <= chars.len(),
            "{what} {s}..{e} of {} chars",
            chars.len()
        );
        chars[s..e].iter().collect()
    };
    for (k, row) in report.statements.iter().enumerate() {
        assert_eq!(row.statement, k + 1, "statements are numbered from 1");
        assert_eq!(
            span(row.start, row.end, "content"),
            row.text,
            "content offsets"
        );
        if let (Some(s), Some(e)) = (row.speaker_start, row.speaker_end) {
            let _ = span(s, e, "speaker");
        }
        for v in [row.sentiment, row.stance] {
            assert!(v.is_finite() && (-1.0..=1.0).contains(&v), "score {v}");
        }
    }
    for a in &report.actors {
        for v in [a.sentiment, a.stance].into_iter().flatten() {
            assert!(
                v.is_finite() && (-1.0..=1.0).contains(&v),
                "actor score {v}"
            );
        }
    }
    for d in &report.dyads {
        assert!(
            d.stance.is_finite() && (-1.0..=1.0).contains(&d.stance),
            "dyad stance"
        );
    }
}

/// The article each loaded lexicon scores.
const ARTICLE: &str = "South Korea said on Aug. 22 it will terminate its military \
intelligence-sharing pact with Japan. \"We're disappointed to see the decision,\" \
U.S. Secretary of State Mike Pompeo told reporters.\n\nJapan's Foreign Minister \
Taro Kono called the move \"a complete misjudgment,\" adding that Tokyo had \
summoned the ambassador. According to an unnamed official, Seoul will not back down.";

/// Loads `data` as a user's lexicon file: the first byte picks the lexicon
/// (and, with its top bit, replaces the defaults), the rest is the file.
pub fn lexicon(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let lexicon = LexiconName::ALL[pick as usize % LexiconName::ALL.len()];
    let text = String::from_utf8_lossy(rest).into_owned();
    let user = UserLexicon {
        lexicon,
        replace: pick & 0x80 != 0,
        file: "fuzz.tsv".into(),
        text: text.clone(),
    };
    match Lexicons::with_user_files(&[user]) {
        Ok(lex) => {
            let engine = Engine::from_lexicons(lex);
            check_report(&engine, ARTICLE);
            let prefix: String = text.chars().take(2000).collect();
            check_report(&engine, &prefix);
        }
        Err(e) => {
            assert_eq!(e.file, "fuzz.tsv", "the error names the user's file: {e}");
            let lines = text.split('\n').count();
            assert!(
                e.line >= 1 && e.line <= lines,
                "the error names a line of the file (1..={lines}): {e}"
            );
            assert!(!e.to_string().contains('\n'), "the error is one line: {e}");
        }
    }
}
