fn main() {
    let lex = stance::Lexicons::embedded().expect("lexicons");
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let doc = stance::text::Document::new(&text, &lex.abbreviations);
    for s in stance::attribution::attribute(&doc, lex.attribution()) {
        let sp = s.speaker.mention();
        println!("{:?} [{}] cue={:?} speaker={:?} here={}\n    {}", s.kind, doc.span_text(sp.clone()), s.cue, s.speaker, s.speaker_here, doc.span_text(s.content.clone()));
    }
}
