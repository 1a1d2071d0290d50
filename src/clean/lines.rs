//! Step 1–2: lines and their kinds. Every non-empty line is a paragraph; non-text lines
//! (mastheads, page codes, scraped page chrome, image links) are dropped; bylines and
//! photo captions are identified (and kept).

use super::chars::{ends_final, is_han};

/// What a line of raw text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Running text or a heading: kept as a paragraph.
    Text,
    /// A byline (记者 reporter, 通讯员 correspondent, 文/图 text/photo credits): kept.
    Byline,
    /// A photo caption (a short line with a position marker such as `(左二)` "second from
    /// left", or a 供图/摄 "photo by" credit): kept.
    Caption,
    /// Not text: scraped page chrome (下载 download, 打印 print, 【字号：…】 font size …),
    /// a site footer (版权声明 copyright notice, 不得转载 "no reprinting", ICP备 site
    /// registration …), a line of mirror-site spam, an English-only masthead line, a lone
    /// page code such as `T40`, a line of symbols, a Markdown image link. Dropped.
    NonText,
}

/// Lines that are web-page chrome of the scraped provincial reports (and similar sites):
/// download/print/full-screen/bookmark buttons, font-size controls, share buttons,
/// breadcrumbs. Matched against the whole trimmed line.
const CHROME: &[&str] = &[
    "下载",
    "打印",
    "全屏",
    "收藏",
    "【字号：",
    "【字号:",
    "【字体：",
    "【字体:",
    "加大",
    "还原",
    "减小",
    "大",
    "中",
    "小",
    "【",
    "】",
    "首页",
    "分享:",
    "分享：",
    "分享到:",
    "分享到：",
    "分享到微信",
    "打印本页",
    "关闭窗口",
    "扫一扫在手机打开当前页",
    "相关报道：",
    "相关报道:",
    "相关文档：",
    "相关文档:",
    "您的位置:",
    "您的位置：",
    "当前位置：",
    "当前位置:",
    "阅读量：",
    "阅读量:",
];

/// Phrases of the footers news and government sites print under every article, in
/// Simplified and Traditional: 版权声明 "copyright notice", 免责声明 "disclaimer", 不得转载
/// "not to be reprinted", 转载请 "to reprint, please …", 版权所有 "all rights reserved",
/// ICP备/ICP证 (the site's ICP registration number), 网站标识码 (the government-site
/// code), 公网安备 (the public-security registration). A line with one is page furniture,
/// not text: on the 央广网 article of `corpora/news` the footer's quoted app name
/// (下载“央广网”客户端) came out as a slogan.
const FOOTER: &[&str] = &[
    "版权声明",
    "版權聲明",
    "免责声明",
    "免責聲明",
    "不得转载",
    "不得轉載",
    "转载请",
    "轉載請",
    "版权所有",
    "版權所有",
    "版权说明",
    "版權說明",
    // Document-sharing sites' paywall line (已阅读5页,还剩17页未读 继续免费阅读).
    "继续免费阅读",
    "繼續免費閱讀",
    "ICP备",
    "ICP備",
    "ICP证",
    "ICP證",
    "网站标识码",
    "網站標識碼",
    "公网安备",
    "公網安備",
];

/// True for a line of a site footer (see [`FOOTER`]).
pub(crate) fn is_footer(line: &str) -> bool {
    match footer_searcher() {
        Some(s) => s.find(line).is_some(),
        None => FOOTER.iter().any(|f| line.contains(f)),
    }
}

/// True when some line of `text` may be a site footer or spam (it holds a [`FOOTER`]
/// phrase or one of the first four [`SPAM`] words): one scan of the whole text, so that
/// the lines of a document without any (nearly all) are not searched one by one.
pub(crate) fn may_have_footer_or_spam(text: &str) -> bool {
    static SEARCHER: std::sync::OnceLock<Option<aho_corasick::packed::Searcher>> =
        std::sync::OnceLock::new();
    let suspect = || FOOTER.iter().chain(&SPAM[..4]);
    let searcher = SEARCHER.get_or_init(|| {
        aho_corasick::packed::Config::new()
            .builder()
            .extend(suspect())
            .build()
    });
    match searcher {
        Some(s) => s.find(text).is_some(),
        None => suspect().any(|w| text.contains(w)),
    }
}

/// The searcher of [`FOOTER`] (Teddy, SIMD), built once; `None` where the CPU lacks the
/// instructions it needs.
fn footer_searcher() -> Option<&'static aho_corasick::packed::Searcher> {
    static SEARCHER: std::sync::OnceLock<Option<aho_corasick::packed::Searcher>> =
        std::sync::OnceLock::new();
    SEARCHER
        .get_or_init(|| {
            aho_corasick::packed::Config::new()
                .builder()
                .extend(FOOTER)
                .build()
        })
        .as_ref()
}

/// Buttons of scraped pages that share a line with others (字号: \[小\] \[中\] \[大\] 打印本页
/// 关闭窗口; 共产党员网 打印 纠错), besides the [`CHROME`] lines.
const BUTTONS: &[&str] = &[
    "字号:",
    "字号：",
    "纠错",
    "手机版",
    "下载本文档",
    "返回顶部",
    "关闭",
];

/// Labels that open a breadcrumb (当前位置:首页 > 要闻 > 正文) or an editor's credit
/// (责任编辑:孙秀利, 初审编辑:): page furniture when the line is short and ends no sentence.
const LABELS: &[&str] = &[
    "当前位置",
    "您的位置",
    "您现在的位置",
    "责任编辑:",
    "责任编辑：",
    "初审编辑:",
    "初审编辑：",
    "终审编辑:",
    "终审编辑：",
    "责编:",
    "责编：",
];

/// Labels of a scraped page's metadata row (日期:2020-08-26 15:33 来源:《统一论坛》杂志
/// 作者:潘佳瑭; 發布時間：… 來源：…), Simplified and Traditional: a short line without a
/// sentence mark that has two or more of them, each before a colon, is chrome.
const META: &[&str] = &[
    "日期",
    "时间",
    "時間",
    "来源",
    "來源",
    "作者",
    "浏览量",
    "瀏覽量",
    "浏览次数",
    "点击数",
    "阅读量",
    "访问量",
];

/// True for a line of page chrome beyond the [`CHROME`] lines: buttons side by side (all
/// its words, brackets aside, are [`CHROME`] or [`BUTTONS`] entries; the first may be the
/// site's name when three or more follow it), or a short line without a sentence mark
/// (。！？) opened by one of the [`LABELS`] or holding two or more [`META`] labels.
fn is_chrome(line: &str) -> bool {
    // Chrome is short; paragraphs of text, most lines, are told by their length in bytes.
    if !is_short(line) {
        return false;
    }
    let sentence = line.contains(['。', '！', '？', '!', '?']);
    if !sentence && LABELS.iter().any(|l| line.starts_with(l)) {
        return true;
    }
    // A row of page metadata: two or more labels, each before a colon.
    let labelled = |l: &&&str| {
        line.match_indices(**l)
            .any(|(i, _)| line[i + l.len()..].starts_with([':', '：']))
    };
    if !sentence && META.iter().filter(labelled).nth(1).is_some() {
        return true;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let button = |w: &&str| {
        let w = w.trim_matches(['[', ']', '【', '】']);
        // A font-size label run into its first size (【字号：大 中 小】).
        let w = ["字号：", "字号:"]
            .iter()
            .find_map(|l| w.strip_prefix(l).filter(|r| !r.is_empty()))
            .unwrap_or(w);
        CHROME.contains(&w) || BUTTONS.contains(&w)
    };
    (!words.is_empty() && words.iter().all(button))
        || (words.len() >= 3 && words[1..].iter().all(button))
}

/// Words of the porn and gambling spam that mirror sites put into page titles and headers
/// (亚洲综合av永久无码精品一区二区_…_日韩精品无码一区二区三区免费): a line with at least
/// [`SPAM_MIN`] different ones is no text of the article. None of them is a word of the genre;
/// single ones do occur (群众可在线观看直播), hence the count.
const SPAM: &[&str] = &[
    "无码",
    "人妻",
    "一区二区",
    "中文字幕",
    "国产精品",
    "亚洲精品",
    "精品一区",
    "免费观看",
    "在线观看",
    "日韩精品",
    "欧美日韩",
    "成人福利",
];

/// The fewest different [`SPAM`] words that make a line spam.
const SPAM_MIN: usize = 3;

/// True for a line of mirror-site spam (see [`SPAM`]).
fn is_spam(line: &str) -> bool {
    SPAM.iter()
        .filter(|w| line.contains(*w))
        .nth(SPAM_MIN - 1)
        .is_some()
}

/// The longest line (in characters) that can be a byline or a caption.
const SHORT_LINE: usize = 60;

/// Classifies one trimmed line on its own (no context), as [`LineKind`].
///
/// Lines without any Han character are `NonText` when they hold Latin letters (English
/// masthead, page code, URL, HTML) or nothing alphanumeric at all (`>`, `|`, `---`);
/// lines of digits only (`2.5`, a list number) are kept.
pub fn classify_line(line: &str) -> LineKind {
    classify(line, true)
}

/// [`classify_line`], testing for a site footer or spam only when `suspect` (see
/// [`may_have_footer_or_spam`]).
pub(crate) fn classify(line: &str, suspect: bool) -> LineKind {
    if line.starts_with("![") && line.contains("](") {
        return LineKind::NonText;
    }
    if CHROME.contains(&line) || (suspect && (is_footer(line) || is_spam(line))) || is_chrome(line)
    {
        return LineKind::NonText;
    }
    let mut han = false;
    let mut alpha = false;
    let mut alnum = false;
    for c in line.chars() {
        if is_han(c) {
            han = true;
            break;
        }
        alpha |= c.is_alphabetic();
        alnum |= c.is_alphanumeric();
    }
    if !han && (alpha || !alnum) {
        return LineKind::NonText;
    }
    if is_byline(line) {
        return LineKind::Byline;
    }
    if is_caption(line) {
        return LineKind::Caption;
    }
    LineKind::Text
}

/// True for a byline: a short line without final punctuation that starts (after a `□`
/// or `■` bullet and 本报 "this paper's") with 记者 "reporter", 通讯员 "correspondent",
/// or a 文/图 "text/photo" credit.
pub(crate) fn is_byline(line: &str) -> bool {
    let s = line.trim_start_matches(['□', '■', '●', '◎']);
    let s = s.strip_prefix("本报").unwrap_or(s);
    const STARTS: [&str; 8] = [
        "记者",
        "通讯员",
        "文/图",
        "文／图",
        "图/文",
        "图／文",
        "撰稿",
        "作者",
    ];
    STARTS.iter().any(|p| s.starts_with(p)) && is_short(line) && !ends_final(line)
}

/// True when `line` has at most [`SHORT_LINE`] characters (byte length first: a line
/// of more than 4 bytes per allowed character is long without counting).
fn is_short(line: &str) -> bool {
    line.len() <= SHORT_LINE || (line.len() <= 4 * SHORT_LINE && line.chars().count() <= SHORT_LINE)
}

/// True for a photo caption: a short line without final punctuation with a position
/// marker in brackets — `(左二)` "second from left", `（右一）`, `(中)` — or ending in a
/// 供图/摄 "photo by" credit.
pub(crate) fn is_caption(line: &str) -> bool {
    // "… 。 宁夏日报记者 王鼎 摄": a photo description of any length ending in a credit.
    if let Some(head) = line.strip_suffix('摄') {
        let credit = head.rsplit(['。', '！', '？']).next().unwrap_or(head);
        if credit.chars().count() <= 20 && (credit.contains(' ') || credit.contains("记者")) {
            return true;
        }
    }
    if !is_short(line) || ends_final(line) {
        return false;
    }
    if line.ends_with("供图)") || line.ends_with("供图）") {
        return true;
    }
    let mut rest = line;
    while let Some(i) = rest.find(['(', '（']) {
        let after = &rest[i..];
        let open = after.chars().next().map_or(1, char::len_utf8);
        let inner = &after[open..];
        let close = inner.find([')', '）']).unwrap_or(inner.len());
        let marker = &inner[..close];
        let mut cs = marker.chars();
        if matches!(cs.next(), Some('左' | '右' | '中' | '前' | '后'))
            && marker.chars().count() <= 3
            && cs.all(|c| "一二三四五六七八九十起排".contains(c))
        {
            return true;
        }
        rest = inner;
    }
    false
}

/// True for a Markdown image link line (used to recognise captions next to images).
pub(crate) fn is_image_link(line: &str) -> bool {
    line.starts_with("![") && line.contains("](")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_seed_lines() {
        assert_eq!(classify_line("SHIYAN DAILY"), LineKind::NonText);
        assert_eq!(classify_line("T40"), LineKind::NonText);
        assert_eq!(
            classify_line("The Communist Party of China"),
            LineKind::NonText
        );
        assert_eq!(classify_line("【字号："), LineKind::NonText);
        assert_eq!(classify_line("】"), LineKind::NonText);
        assert_eq!(classify_line(">"), LineKind::NonText);
        assert_eq!(classify_line("2.5"), LineKind::Text);
        assert_eq!(
            classify_line("记者马胜江 通讯员张赛 侯影"),
            LineKind::Byline
        );
        assert_eq!(
            classify_line("□本报记者 王凤侠 通讯员 刘一帆"),
            LineKind::Byline
        );
        assert_eq!(
            classify_line("文/图 通讯员姚春安 孙波 刘洋 岳运锋"),
            LineKind::Byline
        );
        assert_eq!(
            classify_line("茅箭区委书记周庆安(左二)调研党建引领基层治理工作"),
            LineKind::Caption
        );
        assert_eq!(
            classify_line("东北烈士纪念馆（黑龙江省文旅厅博物馆与社会文物处供图）"),
            LineKind::Caption
        );
        assert_eq!(
            classify_line("会议在银川开幕。主席作政府工作报告。 宁夏日报记者 王鼎 摄"),
            LineKind::Caption
        );
        // Real parentheses are not caption markers.
        assert_eq!(classify_line("以村(社区)党组织为抓手"), LineKind::Text);
        assert_eq!(classify_line("三点发力"), LineKind::Text);
        assert_eq!(
            classify_line("![](https://example.org/a.jpg)"),
            LineKind::NonText
        );
    }

    #[test]
    fn chrome_lines_of_scraped_pages_are_not_text() {
        for line in [
            "字号: [小] [中] [大] 打印本页 关闭窗口",
            "共产党员网 打印 纠错",
            "当前位置:中国和平统一促进会 > 2020年第三期 > 正文",
            "您现在的位置是:首页 > 基层动态",
            "责任编辑:孙秀利",
            "初审编辑:",
            "版权说明:本文档由用户提供并上传,收益归属内容提供方",
            "已阅读5页,还剩17页未读 继续免费阅读",
            "手机版",
            "【字号：大 中 小】 打印 关闭",
            "日期:2020-08-26 15:33 来源:《统一论坛》杂志 作者:潘佳瑭",
            "發布時間：2022-07-15 08:03:00 來源：本站",
        ] {
            assert_eq!(classify_line(line), LineKind::NonText, "{line}");
        }
        for line in [
            // A sentence that mentions a button, or starts like a label but is prose.
            "群众可在手机版政务平台上下载表格、打印证明。",
            "当前位置偏远的村庄，也通上了网。",
            "共产党员网 专题",
            "记者 打印",
            // One label, or labels without colons, in text.
            "来源：新华网",
            "数据来源于统计局，时间跨度为五年",
        ] {
            assert_ne!(classify_line(line), LineKind::NonText, "{line}");
        }
    }

    #[test]
    fn mirror_site_spam_is_not_text() {
        for line in [
            "亚洲综合av永久无码精品一区二区_一本加勒比无码人妻_性无码一区二区三区在线观看",
            "日本一区二区高清,亚洲精品欧洲精品,一级片超级在线观看,在线观看中文字幕",
        ] {
            assert_eq!(classify_line(line), LineKind::NonText, "{line}");
        }
        for line in [
            "群众可在线观看直播，也可免费观看回放。",
            "打造一批精品一区一品示范村。",
        ] {
            assert_eq!(classify_line(line), LineKind::Text, "{line}");
        }
        assert!(may_have_footer_or_spam("前文…无码…后文"));
        assert!(!may_have_footer_or_spam("党建引领基层治理"));
    }

    #[test]
    fn site_footers_are_not_text() {
        // The last line of corpora/news/heilongjiang-qiyi-cnr-2025.md (央广网), shortened.
        let cnr = "更多精彩资讯请在应用市场下载“央广网”客户端。欢迎提供新闻线索，24小时报料热线\
                   400-800-0088；版权声明：本文章版权归属央广网所有，未经授权不得转载。";
        assert_eq!(classify_line(cnr), LineKind::NonText);
        // A government site's footer lines, Simplified and Traditional.
        for line in [
            "主办单位：某某市人民政府办公室 版权所有",
            "网站标识码：1234000001 京ICP备05070218号",
            "京公网安备 11010502030000号",
            "版權聲明：未經授權不得轉載",
        ] {
            assert_eq!(classify_line(line), LineKind::NonText, "{line}");
        }
        // Text that speaks of copyright is text.
        for line in [
            "加强知识产权保护，完善版权登记制度。",
            "依法打击侵犯著作权行为",
        ] {
            assert_eq!(classify_line(line), LineKind::Text, "{line}");
        }
    }
}
