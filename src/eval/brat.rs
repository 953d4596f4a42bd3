//! Gold attribution in brat standoff format, as PolNeAR writes it: `T` lines
//! (`T3\tContent 115 290;300 310\tcovered text`) and `E` lines linking an
//! attribution's content, cue and source. Offsets count code points.

use std::path::{Path, PathBuf};

/// A span of code points, end exclusive.
pub type CharSpan = (usize, usize);

/// One gold attribution relation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoldAttribution {
    pub content: Vec<CharSpan>,
    pub cue: Vec<CharSpan>,
    pub source: Vec<CharSpan>,
}

/// A gold article: its text and its attributions.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    pub name: String,
    pub text: String,
    pub attributions: Vec<GoldAttribution>,
}

/// Parses a `.ann` file. Lines that are not `T` or `E` lines (continuations of
/// a covered text with a newline, notes) are skipped; a malformed `T` or `E`
/// line is an error naming the line.
pub fn parse_ann(ann: &str) -> Result<Vec<GoldAttribution>, String> {
    let mut spans: std::collections::HashMap<&str, Vec<CharSpan>> = Default::default();
    let mut relations = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let mut parts = body.splitn(2, ' ');
            let _kind = parts.next();
            let offsets = parts.next().unwrap_or("");
            let mut list = Vec::new();
            for piece in offsets.split(';') {
                let mut nums = piece.split_whitespace().map(str::parse::<usize>);
                match (nums.next(), nums.next()) {
                    (Some(Ok(a)), Some(Ok(b))) if a <= b => list.push((a, b)),
                    _ => return Err(format!("line {}: bad offsets {offsets:?}", n + 1)),
                }
            }
            spans.insert(id, list);
        } else if id.starts_with('E') {
            relations.push((n + 1, body));
        }
    }
    let mut out = Vec::new();
    for (n, body) in relations {
        let mut gold = GoldAttribution::default();
        for arg in body.split_whitespace() {
            let Some((role, target)) = arg.split_once(':') else {
                return Err(format!("line {n}: bad argument {arg:?}"));
            };
            let found = spans.get(target).cloned().unwrap_or_default();
            match role {
                "Content" => gold.content = found,
                "Cue" => gold.cue = found,
                "Source" => gold.source = found,
                _ => {}
            }
        }
        if !gold.content.is_empty() {
            out.push(gold);
        }
    }
    Ok(out)
}

/// The gold articles of a folder: `text/X.txt` with `attributions/X_<annotator>.ann`
/// (PolNeAR), or `X.txt` beside `X.ann`. For an article with several annotator
/// files, the first by name is used.
pub fn read_gold_dir(dir: &Path) -> Result<Vec<GoldArticle>, String> {
    let (text_dir, ann_dir) = if dir.join("text").is_dir() && dir.join("attributions").is_dir() {
        (dir.join("text"), dir.join("attributions"))
    } else {
        (dir.to_path_buf(), dir.to_path_buf())
    };
    let mut texts: Vec<PathBuf> = list(&text_dir, "txt")?;
    texts.sort();
    let mut anns: Vec<PathBuf> = list(&ann_dir, "ann")?;
    anns.sort();
    let mut out = Vec::new();
    for txt in texts {
        let stem = txt
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let ann = anns.iter().find(|a| {
            let s = a
                .file_stem()
                .map(|s| s.to_string_lossy())
                .unwrap_or_default();
            s == stem || s.rsplit_once('_').is_some_and(|(head, _)| head == stem)
        });
        let Some(ann) = ann else { continue };
        let text = std::fs::read_to_string(&txt).map_err(|e| format!("{}: {e}", txt.display()))?;
        let ann_text =
            std::fs::read_to_string(ann).map_err(|e| format!("{}: {e}", ann.display()))?;
        let attributions = parse_ann(&ann_text).map_err(|e| format!("{}: {e}", ann.display()))?;
        out.push(GoldArticle {
            name: stem,
            text,
            attributions,
        });
    }
    if out.is_empty() {
        return Err(format!("{}: no .txt with a matching .ann", dir.display()));
    }
    Ok(out)
}

fn list(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect())
}
