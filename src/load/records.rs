//! Collections of `<doc>` records in one text file: the layout of the Sogou news dumps
//! (SogouCA, SogouCS) and of many corpora built after them, one article per record:
//!
//! ```text
//! <doclist>
//! <doc>
//! <url>http://news.sohu.com/20120612/n345428229.shtml</url>
//! <docno>c172394d49da2142-69713306c0bb3300</docno>
//! <contenttitle>公安机关销毁１０余万非法枪支</contenttitle>
//! <content>中广网唐山６月１２日消息……</content>
//! </doc>
//! …
//! </doclist>
//! ```
//!
//! A text file whose first markup is `<doclist>` or `<doc>` and that closes a `</doc>` is
//! such a collection (read as one document it would mix hundreds of unrelated articles).
//! Each record becomes a [`Document`]: id `STEM#N` (N counts records from 1), `row` the
//! line of its `<doc>`; its `<content>` (or `<text>`, `<body>`) is the text, after its
//! title (`<contenttitle>` or `<title>`) as the first line; every element, the text one
//! excepted, is a metadata field under its own name (`url`, `docno`, `contenttitle`).
//! Text outside any element of a record is kept as text. Markup inside the text (escaped
//! HTML) is left to cleaning.

use super::Document;
use indexmap::IndexMap;

/// Elements whose value is the record's text.
const TEXT_ELEMENTS: &[&str] = &["content", "text", "body"];

/// Elements whose value is the record's title (also kept as a field).
const TITLE_ELEMENTS: &[&str] = &["contenttitle", "title"];

/// True when `text` is a collection of `<doc>` records (see the module documentation).
pub(crate) fn is_collection(text: &str) -> bool {
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    (head.starts_with("<doclist>") || head.starts_with("<doc>")) && text.contains("</doc>")
}

/// The records of a collection as documents (ids `STEM#N`), in file order. A last record
/// without `</doc>` (a file cut short) runs to the end of the file.
pub(crate) fn split(text: &str, stem: &str, file: &str, encoding: &str) -> Vec<Document> {
    let mut docs = Vec::new();
    let mut at = 0;
    let mut line = 1u64;
    let mut counted = 0; // bytes whose newlines are in `line`
    while let Some(k) = text[at..].find("<doc>") {
        let start = at + k;
        line += memchr::memchr_iter(b'\n', &text.as_bytes()[counted..start]).count() as u64;
        counted = start;
        let body_start = start + "<doc>".len();
        let (body_end, next) = match text[body_start..].find("</doc>") {
            Some(e) => (body_start + e, body_start + e + "</doc>".len()),
            None => (text.len(), text.len()),
        };
        let (fields, raw) = record(&text[body_start..body_end]);
        docs.push(Document {
            id: format!("{stem}#{}", docs.len() + 1),
            file: file.to_string(),
            row: Some(line),
            fields,
            encoding: encoding.to_string(),
            raw,
        });
        at = next;
    }
    docs
}

/// The fields and text of one record's body.
fn record(body: &str) -> (IndexMap<String, String>, String) {
    let mut fields = IndexMap::new();
    let mut title: Option<String> = None;
    let mut text: Vec<&str> = Vec::new();
    let mut at = 0;
    while at < body.len() {
        let Some((open, name, value_start)) = next_open(body, at) else {
            push_loose(&mut text, &body[at..]);
            break;
        };
        let close = format!("</{name}>");
        let Some(e) = body[value_start..].find(&close) else {
            // An element never closed (a record cut short): the rest is text, tag and all,
            // as cleaning will see it.
            push_loose(&mut text, &body[at..]);
            break;
        };
        push_loose(&mut text, &body[at..open]);
        let value = &body[value_start..value_start + e];
        let lower = name.to_ascii_lowercase();
        if TEXT_ELEMENTS.contains(&lower.as_str()) {
            text.push(value);
        } else {
            let v = value.trim().to_string();
            if TITLE_ELEMENTS.contains(&lower.as_str()) && title.is_none() {
                title = Some(v.clone());
            }
            fields.insert(name.to_string(), v);
        }
        at = value_start + e + close.len();
    }
    let mut raw = String::new();
    if let Some(t) = title.filter(|t| !t.is_empty()) {
        raw.push_str(&t);
        raw.push('\n');
    }
    for (i, t) in text.iter().enumerate() {
        if i > 0 {
            raw.push('\n');
        }
        raw.push_str(t);
    }
    (fields, raw)
}

/// Text of a record outside any element, kept unless it is only whitespace.
fn push_loose<'a>(text: &mut Vec<&'a str>, s: &'a str) {
    if !s.trim().is_empty() {
        text.push(s.trim());
    }
}

/// The next opening tag `<name>` (no attributes) at or after `at`: its offset, its name and
/// the offset of its value.
fn next_open(body: &str, at: usize) -> Option<(usize, &str, usize)> {
    let b = body.as_bytes();
    let mut i = at;
    while let Some(k) = memchr::memchr(b'<', &b[i..]) {
        let p = i + k;
        let name_end = b[p + 1..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-'))
            .map(|n| p + 1 + n);
        if let Some(e) = name_end {
            if e > p + 1 && b[p + 1].is_ascii_alphabetic() && b[e] == b'>' {
                return Some((p, &body[p + 1..e], e + 1));
            }
        }
        i = p + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sogou_records_become_documents_with_fields() {
        let text = "<doclist>\n<doc>\n<url>http://a.cn/1</url>\n<docno>d1</docno>\n\
                    <contenttitle>标题一</contenttitle>\n<content>正文一。\n第二行。</content>\n\
                    </doc>\n<doc>\n<url>http://a.cn/2</url>\n<docno>d2</docno>\n\
                    <contenttitle></contenttitle>\n<content>正文二。</content>\n</doc>\n</doclist>\n";
        assert!(is_collection(text));
        let d = split(text, "news", "news.dat", "GB18030");
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].id, "news#1");
        assert_eq!(d[0].row, Some(2));
        assert_eq!(d[0].raw, "标题一\n正文一。\n第二行。");
        assert_eq!(
            d[0].fields.iter().collect::<Vec<_>>(),
            [
                (&"url".to_string(), &"http://a.cn/1".to_string()),
                (&"docno".to_string(), &"d1".to_string()),
                (&"contenttitle".to_string(), &"标题一".to_string()),
            ]
        );
        // An empty title adds no line; the second <doc> is on line 9.
        assert_eq!(
            (d[1].id.as_str(), d[1].row, d[1].raw.as_str()),
            ("news#2", Some(9), "正文二。")
        );
    }

    #[test]
    fn only_files_that_start_with_records_are_collections() {
        assert!(!is_collection("一篇文章，提到<doc>标签。</doc>"));
        assert!(!is_collection("<doc>没有结束"));
        assert!(is_collection(
            "\u{FEFF}\n  <doc><content>文</content></doc>"
        ));
    }

    #[test]
    fn loose_text_unclosed_elements_and_a_cut_last_record() {
        let text = "<doc>前言<b>加粗</b>\n<content>正文</content>后记</doc><doc><content>截断";
        let d = split(text, "s", "s.txt", "UTF-8");
        assert_eq!(d.len(), 2);
        // <b> is an element like any other: a field.
        assert_eq!(d[0].raw, "前言\n正文\n后记");
        assert_eq!(d[0].fields["b"], "加粗");
        assert_eq!(d[1].raw, "<content>截断");
    }
}
