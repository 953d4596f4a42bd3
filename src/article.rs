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

    /// The year of `date` when it starts with one (`2019-10-27`, `2019`):
    /// actor resolution reads office holders' terms against it.
    pub fn year(&self) -> Option<u16> {
        let date = self.date.as_deref()?.trim();
        let digits = date.get(0..4)?;
        let rest = date.as_bytes().get(4);
        (digits.bytes().all(|b| b.is_ascii_digit()) && rest.is_none_or(|&c| c == b'-'))
            .then(|| digits.parse().ok())
            .flatten()
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

#[cfg(test)]
mod tests {
    use super::Meta;

    fn year(date: &str) -> Option<u16> {
        Meta {
            date: Some(date.to_string()),
            ..Meta::default()
        }
        .year()
    }

    #[test]
    fn the_year_of_a_date_that_starts_with_one() {
        assert_eq!(year("2019-10-27"), Some(2019));
        assert_eq!(year("2020"), Some(2020));
        assert_eq!(year(" 2020-08 "), Some(2020));
        assert_eq!(year("27 October 2019"), None);
        assert_eq!(year("20190"), None);
        assert_eq!(Meta::default().year(), None);
    }
}
