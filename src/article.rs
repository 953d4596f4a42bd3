//! The article: one input document with its id, its text exactly as the input
//! held it, and the metadata users may pass through.

/// Optional metadata of an article, carried to the output where asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

impl Meta {
    /// The value of a metadata field by its name (`title`, `date`, `source`, `url`).
    pub fn get(&self, field: MetaField) -> Option<&str> {
        match field {
            MetaField::Title => self.title.as_deref(),
            MetaField::Date => self.date.as_deref(),
            MetaField::Source => self.source.as_deref(),
            MetaField::Url => self.url.as_deref(),
        }
    }
}

/// A metadata field that can be carried into the CSV output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaField {
    Title,
    Date,
    Source,
    Url,
}

impl MetaField {
    pub const ALL: [MetaField; 4] = [
        MetaField::Title,
        MetaField::Date,
        MetaField::Source,
        MetaField::Url,
    ];

    pub fn name(self) -> &'static str {
        match self {
            MetaField::Title => "title",
            MetaField::Date => "date",
            MetaField::Source => "source",
            MetaField::Url => "url",
        }
    }

    pub fn parse(name: &str) -> Option<MetaField> {
        MetaField::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// One input document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    pub id: String,
    /// The text exactly as the input held it: offsets in the output count the
    /// code points of this string.
    pub text: String,
    pub meta: Meta,
}

impl Article {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Article {
            id: id.into(),
            text: text.into(),
            meta: Meta::default(),
        }
    }
}
