use super::Document;
use super::token::TokenKind;

/// A quotation: the text between a pair of double quotation marks (straight or
/// curly) within one paragraph. A quote that a paragraph leaves open and the next
/// paragraph reopens is two `Quote`s, the second with `continues` set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or `None` when the quote was never closed
    /// (it then runs to the end of its paragraph or to the next opening mark).
    pub close: Option<usize>,
    /// One past the last quoted token.
    pub content_end: usize,
    pub paragraph: usize,
    /// This quote reopens one the previous paragraph left open.
    pub continues: bool,
}

impl Quote {
    /// Token indices of the quoted words (marks excluded).
    pub fn content(&self) -> std::ops::Range<usize> {
        self.open + 1..self.content_end
    }

    /// One past the last token of the quote, its closing mark included.
    pub fn end(&self) -> usize {
        self.close.map_or(self.content_end, |c| c + 1)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

fn mark(s: &str) -> Option<Mark> {
    match s {
        "\u{201C}" | "\u{201E}" | "\u{AB}" => Some(Mark::Open),
        "\u{201D}" | "\u{BB}" => Some(Mark::Close),
        "\"" | "''" => Some(Mark::Either),
        "``" => Some(Mark::Open),
        _ => None,
    }
}

/// Whether the mark at `i` looks like an opening mark (stuck to the word after
/// it only) and like a closing one (stuck to the word before it only).
fn glue(doc: &Document, para: std::ops::Range<usize>, i: usize) -> (bool, bool) {
    let glued_before = i > para.start && doc.tokens[i - 1].end == doc.tokens[i].start;
    let glued_after = i + 1 < para.end && doc.tokens[i + 1].start == doc.tokens[i].end;
    (glued_after && !glued_before, glued_before && !glued_after)
}

/// With a quote open at `outer`, the mark at `inner` opens a nested quote when
/// it opens in the other style (`“` in a straight quote, a straight mark stuck
/// to the next word in a curly one) or is a curly `“` in a curly quote, its
/// closing mark of the same style comes next, and a closing mark of the outer
/// style follows before any other mark opens. Returns the nested closing mark.
fn nested_quote_close(
    doc: &Document,
    para: std::ops::Range<usize>,
    outer: usize,
    inner: usize,
) -> Option<usize> {
    let curly_outer = mark(doc.str(outer)) == Some(Mark::Open);
    let opens = |k: usize| match mark(doc.str(k)) {
        Some(Mark::Open) => true,
        Some(Mark::Either) => glue(doc, para.clone(), k).0,
        _ => false,
    };
    let inner_curly = match mark(doc.str(inner))? {
        Mark::Open if !glue(doc, para.clone(), inner).1 => true,
        Mark::Either if curly_outer && glue(doc, para.clone(), inner).0 => false,
        _ => return None,
    };
    // `"“You don’t win …,” Rubio responded …"`: a mark right after the
    // opening one doubles it and opens no nested quote.
    if !inner_curly && !curly_outer || inner == outer + 1 {
        return None;
    }
    // The next mark closes the nested quote in its own style …
    let marks = (inner + 1..para.end)
        .filter(|&k| doc.tokens[k].kind == TokenKind::Punct && mark(doc.str(k)).is_some());
    let mut marks = marks.peekable();
    let close = marks.next()?;
    let closes_inner = if inner_curly {
        mark(doc.str(close)) == Some(Mark::Close)
    } else {
        mark(doc.str(close)) == Some(Mark::Either) && !opens(close)
    };
    if !closes_inner {
        return None;
    }
    // … and the one after it closes the outer quote.
    let outer_close = marks.next()?;
    let closes_outer = if curly_outer {
        mark(doc.str(outer_close)) == Some(Mark::Close)
    } else {
        mark(doc.str(outer_close)) == Some(Mark::Either) && !opens(outer_close)
    };
    closes_outer.then_some(close)
}

/// Pairs the double quotation marks of each paragraph. Single marks are left
/// alone: `’` is mostly an apostrophe, and `‘…’` nests inside a double quote.
pub(super) fn find_quotes(doc: &Document) -> (Vec<Quote>, Vec<Option<u32>>) {
    let mut quotes: Vec<Quote> = Vec::new();
    let mut left_open_before = false;
    for (p, para) in doc.paragraphs.iter().enumerate() {
        let first_here = quotes.len();
        let mut open: Option<usize> = None;
        let quote = |open: usize, close: Option<usize>, content_end: usize| Quote {
            open,
            close,
            content_end,
            paragraph: p,
            continues: false,
        };
        // The closing mark of a quote nested in the open one, to pass over.
        let mut nested_close: Option<usize> = None;
        for i in para.tokens.clone() {
            if doc.tokens[i].kind != TokenKind::Punct {
                continue;
            }
            let Some(m) = mark(doc.str(i)) else { continue };
            if nested_close == Some(i) {
                nested_close = None;
                continue;
            }
            let (looks_open, looks_close) = glue(doc, para.tokens.clone(), i);
            // `"… the question: “As you know, …” Forty-three, yes."`: a quote
            // in the other style (or a curly one in a curly one) opened inside
            // the open quote and closed before the open quote closes is nested
            // in it: its marks are part of the open quote's content.
            if let Some(o) = open
                && nested_close.is_none()
                && let Some(c) = nested_quote_close(doc, para.tokens.clone(), o, i)
            {
                nested_close = Some(c);
                continue;
            }
            // Curly marks typed the wrong way round: `”This is why …` opening a
            // paragraph or glued only to the word after it opens; `…here,“`
            // glued only to the word before it closes.
            let m = match m {
                Mark::Close if open.is_none() && (looks_open || i == para.tokens.start) => {
                    Mark::Open
                }
                Mark::Open if open.is_some() && looks_close => Mark::Close,
                m => m,
            };
            match (open, m) {
                (None, Mark::Open) => open = Some(i),
                (None, Mark::Either) if !looks_close || i == para.tokens.start => open = Some(i),
                (None, _) => {} // a stray closing mark
                (Some(o), Mark::Close) => {
                    quotes.push(quote(o, Some(i), i));
                    open = None;
                }
                (Some(o), Mark::Either) if !(looks_open && i > o + 1) => {
                    quotes.push(quote(o, Some(i), i));
                    open = None;
                }
                (Some(o), _) => {
                    // An opening mark while a quote is open: the earlier quote was
                    // never closed. It ends here and a new one opens.
                    quotes.push(quote(o, None, i));
                    open = Some(i);
                }
            }
        }
        if let Some(o) = open {
            quotes.push(quote(o, None, para.tokens.end));
        }
        // A paragraph that opens with a quotation mark while the previous one
        // ended inside a quote continues that quote (news convention).
        if left_open_before
            && let Some(q) = quotes.get_mut(first_here)
            && q.open == para.tokens.start
        {
            q.continues = true;
        }
        left_open_before = quotes.len() > first_here
            && quotes
                .last()
                .is_some_and(|q| q.close.is_none() && q.content_end == para.tokens.end);
    }
    let mut quote_of = vec![None; doc.tokens.len()];
    for (k, q) in quotes.iter().enumerate() {
        for slot in &mut quote_of[q.content()] {
            *slot = Some(k as u32);
        }
    }
    (quotes, quote_of)
}
