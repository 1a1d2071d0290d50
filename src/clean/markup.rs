//! Step 0 (markup): HTML and XML left in scraped text. Pages saved from government and news
//! sites, and collections such as the Sogou news dump (`<doc><contenttitle>…`), carry tags
//! and character entities that would otherwise be counted as terms (`contenttitle`, `nbsp`).
//!
//! - A **tag** is `<name …>`, `</name>` or `<name/>` (name: an ASCII letter, then letters,
//!   digits, `-`, `_`, `:`; attributes on the same line, quoted values may hold `>`), a
//!   comment `<!-- … -->`, a declaration `<!DOCTYPE …>` or `<?xml …?>`. Inline tags
//!   (`<a>`, `<span>`, `<b>`, `<font>`, `<img>` …, see [`INLINE`]) are removed; every other
//!   tag (`<p>`, `<br>`, `<div>`, `<td>`, an unknown XML element …) ends a line, so that
//!   `<p>一</p><p>二</p>` gives two paragraphs. `<script>` and `<style>` go with their
//!   content. Text such as `a < b` or `<中国共产党章程>` is no tag (no ASCII letter after
//!   `<`, or no `>` on the line) and stays.
//! - An **entity** is `&name;` for the names in [`NAMED`] (any letter case), `&#NNN;` or
//!   `&#xHH;`: it becomes its character (`&nbsp;` a space, `&#13;` a line end). A chain
//!   of escapes (`&amp;lt;`) decodes at once to the last one's character. Code points that
//!   are no text (NUL and other controls, surrogates) are left as they are.
//!
//! Decoding can make new markup (`&lt;p&gt;` → `<p>`), and removing a tag can join two
//! halves of one (`<<b>p>`), so the step repeats until nothing changes, at most
//! [`MAX_ROUNDS`] times; and [`super::clean`] cleans its result again while rejoining or
//! de-duplication has brought the halves of a tag or an entity together, so that cleaning
//! cleaned text finds no markup (idempotence) unless markup nests deeper than that. The
//! fast path: a text without `<` and `&` is not copied.

use super::CleanReport;
use crate::offsets::{MapBuilder, OffsetMap};

/// Rounds of removal and decoding at most (each round that changes something shortens the
/// text, so the loop ends anyway; the cap bounds the cost of adversarial nesting).
pub const MAX_ROUNDS: usize = 8;

/// The longest tag (bytes) taken as markup; a longer `<…>` stays as text.
const MAX_TAG: usize = 4096;

/// The longest comment (bytes) taken as markup.
const MAX_COMMENT: usize = 1 << 16;

/// Inline elements: removed without ending the line. Every other tag ends a line.
pub const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font", "i", "img",
    "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong",
    "sub", "sup", "time", "tt", "u", "var", "wbr",
];

/// Named entities decoded (HTML's names for the characters of Chinese web text: spaces,
/// quotes, dashes, marks), with their characters.
pub const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("apos", '\''),
    ("bull", '•'),
    ("copy", '©'),
    ("deg", '°'),
    ("divide", '÷'),
    ("emsp", ' '),
    ("ensp", ' '),
    ("gt", '>'),
    ("hellip", '…'),
    ("laquo", '«'),
    ("ldquo", '“'),
    ("lsquo", '‘'),
    ("lt", '<'),
    ("mdash", '—'),
    ("middot", '·'),
    ("nbsp", ' '),
    ("ndash", '–'),
    ("quot", '"'),
    ("raquo", '»'),
    ("rdquo", '”'),
    ("reg", '®'),
    ("rsquo", '’'),
    ("thinsp", ' '),
    ("times", '×'),
    ("trade", '™'),
    ("yen", '¥'),
];

/// What one stretch of markup is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    /// A tag removed without a trace (inline element, comment, declaration).
    Removed,
    /// A tag that ends a line.
    Break,
}

/// Removes the markup of `input` (mapped to the raw text by `input_map`; see the module
/// documentation): the new text and its map to the raw text, counting tags and entities
/// in [`CleanReport::markup`]. `None` when there was none (the common case: one `memchr2`).
pub(crate) fn strip(
    input: &str,
    input_map: &OffsetMap,
    report: &mut CleanReport,
) -> Option<(String, OffsetMap)> {
    if !may_have_markup(input) {
        return None;
    }
    let (mut text, mut map, n) = round(input, input_map)?;
    report.markup += n;
    for _ in 1..MAX_ROUNDS {
        match round(&text, &map) {
            Some((t, m, n)) => {
                report.markup += n;
                (text, map) = (t, m);
            }
            None => break,
        }
    }
    Some((text, map))
}

/// True when `text` may hold markup (a `<` or `&`).
pub(crate) fn may_have_markup(text: &str) -> bool {
    memchr::memchr2(b'<', b'&', text.as_bytes()).is_some()
}

/// True when `text` holds a tag or an entity that [`strip`] would remove.
pub(crate) fn has_markup(text: &str) -> bool {
    next_markup(text, 0).is_some()
}

/// What one stretch of markup becomes: a tag (removed, or a line end) or an entity's
/// character.
#[derive(Debug, Clone, Copy)]
enum Hit {
    Tag(Found),
    Entity(char),
}

/// The first tag or entity at or after byte `from`: its start, end and what it becomes.
fn next_markup(text: &str, from: usize) -> Option<(usize, usize, Hit)> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(k) = memchr::memchr2(b'<', b'&', &bytes[i..]) {
        let p = i + k;
        let hit = if bytes[p] == b'<' {
            tag_at(text, p).map(|(end, f)| (end, Hit::Tag(f)))
        } else {
            entity_at(text, p).map(|(end, c)| (end, Hit::Entity(c)))
        };
        if let Some((end, h)) = hit {
            return Some((p, end, h));
        }
        i = p + 1;
    }
    None
}

/// One round over `text` (mapped to raw by `map`): the new text, its map and the number of
/// tags and entities handled, or `None` when there were none.
fn round(text: &str, map: &OffsetMap) -> Option<(String, OffsetMap, usize)> {
    let mut b: Option<MapBuilder<'_>> = None;
    let mut n = 0;
    let mut copied = 0;
    while let Some((p, end, hit)) = next_markup(text, copied) {
        let b = b.get_or_insert_with(|| MapBuilder::new(map, text.len()));
        if copied < p {
            b.push_copy(&text[copied..p], copied);
        }
        match hit {
            Hit::Tag(Found::Break) => b.push_replaced("\n", p),
            Hit::Tag(Found::Removed) => {}
            Hit::Entity(c) => b.push_replacing(c.encode_utf8(&mut [0u8; 4]), p..end),
        }
        n += 1;
        copied = end;
    }
    let mut b = b?;
    if copied < text.len() {
        b.push_copy(&text[copied..], copied);
    }
    let (text, map) = b.finish();
    Some((text, map, n))
}

/// The tag starting with the `<` at `p`: its end (exclusive) and kind.
fn tag_at(text: &str, p: usize) -> Option<(usize, Found)> {
    let b = text.as_bytes();
    let rest = &b[p + 1..];
    if rest.starts_with(b"!--") {
        let from = p + 4;
        let limit = (from + MAX_COMMENT).min(b.len());
        let end = memchr::memmem::find(&b[from..limit], b"-->")?;
        return Some((from + end + 3, Found::Removed));
    }
    match rest.first()? {
        b'!' | b'?' => {
            if !rest.get(1)?.is_ascii_alphabetic() {
                return None;
            }
            let end = line_gt(b, p + 2, false)?;
            return Some((end, Found::Removed));
        }
        _ => {}
    }
    let closing = rest.first() == Some(&b'/');
    let name_at = p + 1 + usize::from(closing);
    let first = *b.get(name_at)?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let mut e = name_at + 1;
    while e < b.len() && e - name_at < 32 && is_name_byte(b[e]) {
        e += 1;
    }
    let name = &text[name_at..e];
    // After the name: `>`, `/>`, or a space and attributes.
    let end = match *b.get(e)? {
        b'>' => e + 1,
        b'/' if b.get(e + 1) == Some(&b'>') => e + 2,
        c if c == b' ' || c == b'\t' => line_gt(b, e, !closing)?,
        _ => return None,
    };
    if !closing && (name.eq_ignore_ascii_case("script") || name.eq_ignore_ascii_case("style")) {
        return Some((raw_text_end(text, end, name), Found::Break));
    }
    let inline = INLINE.iter().any(|t| t.eq_ignore_ascii_case(name));
    Some((end, if inline { Found::Removed } else { Found::Break }))
}

/// Letters, digits, `-`, `_`, `:` (after the first letter of a tag name).
fn is_name_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c == b':'
}

/// The end (just past `>`) of a tag whose attributes start at `from`: the first `>` on the
/// line outside quotes (quotes count only when `quotes`), within [`MAX_TAG`] bytes and with
/// no `<` before it.
fn line_gt(b: &[u8], from: usize, quotes: bool) -> Option<usize> {
    let limit = (from + MAX_TAG).min(b.len());
    let mut quote: Option<u8> = None;
    let mut i = from;
    while i < limit {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) if c == b'\n' => return None,
            Some(_) => {}
            None => match c {
                b'>' => return Some(i + 1),
                b'<' | b'\n' | b'\r' => return None,
                b'"' | b'\'' if quotes && b[i - 1] == b'=' => quote = Some(c),
                _ => {}
            },
        }
        i += 1;
    }
    None
}

/// The end of a `<script>` or `<style>` element whose start tag ends at `from`: just past
/// its closing tag, or the end of the text when it has none.
fn raw_text_end(text: &str, from: usize, name: &str) -> usize {
    let b = text.as_bytes();
    let mut i = from;
    while let Some(k) = memchr::memmem::find(&b[i..], b"</") {
        let at = i + k + 2;
        let n = name.len();
        if b.len() >= at + n && b[at..at + n].eq_ignore_ascii_case(name.as_bytes()) {
            if let Some(end) = line_gt(b, at + n, false) {
                return end;
            }
        }
        i = at;
    }
    b.len()
}

/// The entity (or chain of `&amp;` escapes ending in one) at the `&` at `p`: its end and
/// the character it stands for.
fn entity_at(text: &str, p: usize) -> Option<(usize, char)> {
    let (mut end, mut c) = body_at(text, p + 1)?;
    // `&amp;amp;lt;`: an entity body right after a decoded `&` continues the chain.
    while c == '&' {
        match body_at(text, end) {
            Some((e, d)) => (end, c) = (e, d),
            None => break,
        }
    }
    Some((end, c))
}

/// The entity body (`nbsp`, `#13`, `#x4E2D`) at `from` with its `;`: its end and character.
fn body_at(text: &str, from: usize) -> Option<(usize, char)> {
    let b = text.as_bytes();
    let mut e = from;
    while e < b.len() && e - from <= 10 && (b[e].is_ascii_alphanumeric() || b[e] == b'#') {
        e += 1;
    }
    if e == from || b.get(e) != Some(&b';') {
        return None;
    }
    Some((e + 1, decode_body(&text[from..e])?))
}

/// The character of an entity body: a named entity of [`NAMED`], or a numeric one.
fn decode_body(body: &str) -> Option<char> {
    if let Some(num) = body.strip_prefix('#') {
        let v = match num.strip_prefix(['x', 'X']) {
            Some(h) => u32::from_str_radix(h, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return numeric(v);
    }
    NAMED
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(body))
        .map(|&(_, c)| c)
}

/// The character of a numeric entity: line ends become a line end, a tab a space; other
/// controls and surrogates are not decoded.
fn numeric(v: u32) -> Option<char> {
    match v {
        0x0A | 0x0D => Some('\n'),
        0x09 => Some(' '),
        0x20..=0x7E | 0xA0..=0x10FFFF => char::from_u32(v),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text after the markup step and the number of tags and entities it handled.
    fn strip_text(s: &str) -> (String, usize) {
        let mut r = CleanReport::default();
        let id = OffsetMap::identity();
        let text = strip(s, &id, &mut r).map_or_else(|| s.to_string(), |(t, _)| t);
        (text, r.markup)
    }

    #[test]
    fn block_tags_end_lines_and_inline_tags_vanish() {
        let (t, n) = strip_text("<p>第一段<b>党建</b>引领</p><p>第二段</p>");
        assert_eq!(t, "\n第一段党建引领\n\n第二段\n");
        assert_eq!(n, 6);
        // Unknown (XML) elements end lines too: the Sogou dump's fields.
        let (t, _) =
            strip_text("<doc><contenttitle>标题</contenttitle><content>正文</content></doc>");
        assert_eq!(t, "\n\n标题\n\n正文\n\n");
    }

    #[test]
    fn attributes_comments_declarations_script_and_style() {
        let (t, n) = strip_text(
            "<!DOCTYPE html><a href=\"x.htm?a=1&amp;b=>2\" class='c'>链接</a><!-- 注释 <p> -->\
             <script type=\"text/javascript\">var s = \"</p>\";</script>文<style>p{}</STYLE>字",
        );
        assert_eq!(t, "链接\n文\n字");
        // DOCTYPE, <a>, </a>, the comment, script with its content, style with its content.
        assert_eq!(n, 6);
    }

    #[test]
    fn entities_decode_once_even_when_escaped_twice() {
        let (t, n) =
            strip_text("党建&nbsp;引领&ldquo;红色物业&rdquo;&#x4E2D;&#22269;&AMP;&amp;amp;");
        assert_eq!(t, "党建 引领“红色物业”中国&&");
        assert_eq!(n, 7);
        // `&amp;lt;b&amp;gt;` decodes to `<b>` in the first round, removed in the second.
        let (t, n) = strip_text("加&amp;lt;b&amp;gt;粗&#13;&#10;行");
        assert_eq!(t, "加粗\n\n行");
        assert_eq!(n, 5);
    }

    #[test]
    fn text_that_only_looks_like_markup_stays() {
        for s in [
            "a < b 且 b > c",
            "《通知》与<中国共产党章程>",
            "<A股市场> <PM2.5> <1+5+N>",
            "&unknown; &#0; &#xD800; &;  & nbsp; AT&T",
            "<p 没有结束",
            "<!-- 没有结束",
        ] {
            assert_eq!(strip_text(s), (s.to_string(), 0), "{s}");
        }
    }

    #[test]
    fn offsets_point_at_the_raw_text() {
        let raw = "<p>红色&nbsp;物业</p>";
        let id = OffsetMap::identity();
        let (text, map) = strip(raw, &id, &mut CleanReport::default()).unwrap();
        assert_eq!(text, "\n红色 物业\n");
        let at = text.find("物业").unwrap();
        assert_eq!(&raw[map.to_raw(at)..map.to_raw(at) + "物业".len()], "物业");
        // The decoded space stands for the whole entity.
        let sp = text.find(' ').unwrap();
        assert_eq!(map.range_to_raw(sp..sp + 1), 9..15);
    }

    #[test]
    fn stripping_twice_changes_nothing_more() {
        for s in [
            "<<b>p>文字</p>",
            "&amp;lt;p&amp;gt;文字&amp;lt;/p&amp;gt;",
            "&am<b>p;文",
            "<p>一</p><p>二</p>&nbsp;",
        ] {
            let (once, _) = strip_text(s);
            assert_eq!(strip_text(&once), (once.clone(), 0), "{s}");
        }
    }
}
