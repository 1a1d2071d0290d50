//! `report.html`: one page with the report's tables and its SVGs inline, no external assets.

use super::{Report, SCHEMA};
use crate::chart;
use std::io::Write;

/// Escapes text for HTML.
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            c => o.push(c),
        }
    }
    o
}

/// The SVG document without its XML declaration, for inlining.
fn inline_svg(svg: &str) -> &str {
    match svg.find("<svg") {
        Some(i) => &svg[i..],
        None => svg,
    }
}

/// Writes `report.html`: the corpus overview, the formulation table, the charts inline, the
/// distinctive terms per group and the cleaning notes (a row per document, written as the
/// row spill is read).
pub(super) fn write_html(h: &Report, w: &mut dyn Write) -> std::io::Result<()> {
    let m = &h.metrics;
    let sum = &m["corpus"]["summary"];
    let mut o = String::new();
    o.push_str("<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str(&format!(
        "<title>tifa report · {}</title>\n",
        esc(&h.corpus_label)
    ));
    o.push_str("<style>\nbody{font-family:");
    o.push_str(chart::FONT_FAMILY);
    o.push_str(";max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}\n");
    o.push_str(
        "h1{font-size:1.6em;margin-bottom:0}h2{margin-top:2em;border-bottom:1px solid #ccc}\n",
    );
    o.push_str("table{border-collapse:collapse;margin:1em 0;font-size:0.9em}td,th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}\n");
    o.push_str(
        "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td.nw{white-space:nowrap}\n",
    );
    o.push_str(
        ".chart{overflow-x:auto;margin:1em 0}.chart svg{max-width:none}.muted{color:#666}\n",
    );
    o.push_str("</style>\n</head>\n<body>\n");
    o.push_str("<h1>tifa report</h1>\n");
    o.push_str(&format!(
        "<p class=\"muted\">{} · schema {}</p>\n",
        esc(&h.corpus_label),
        SCHEMA
    ));

    // Overview.
    o.push_str("<h2>Corpus</h2>\n<table>\n");
    let row = |o: &mut String, k: &str, v: String| {
        o.push_str(&format!(
            "<tr><th>{}</th><td>{}</td></tr>\n",
            esc(k),
            esc(&v)
        ))
    };
    row(&mut o, "documents", sum["documents"].to_string());
    row(
        &mut o,
        "characters (raw / cleaned)",
        format!("{} / {}", sum["chars"], sum["clean_chars"]),
    );
    row(&mut o, "word tokens", sum["tokens"].to_string());
    let encs: Vec<String> = sum["encodings"]
        .as_object()
        .map(|e| e.iter().map(|(k, v)| format!("{k} ({v})")).collect())
        .unwrap_or_default();
    row(&mut o, "encodings", encs.join(", "));
    let fields: Vec<String> = sum["fields"]
        .as_array()
        .map(|f| {
            f.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    row(&mut o, "fields", fields.join(", "));
    let gs: Vec<String> = sum["groups"]
        .as_object()
        .map(|e| e.iter().map(|(k, v)| format!("{k} ({v})")).collect())
        .unwrap_or_default();
    row(
        &mut o,
        &format!("groups ({}, documents)", h.group_by),
        gs.join(", "),
    );
    row(
        &mut o,
        "formulations (distinct)",
        h.slogans.len().to_string(),
    );
    o.push_str("</table>\n");

    // Slogan table.
    o.push_str("<h2>Formulations (提法)</h2>\n<p class=\"muted\">The 40 most widespread: number of groups using them, then total mentions. Every formulation is in metrics.json. An expansion in grey does not agree with the numeral: it has not as many components as the numeral says (1+2+N: at least three) (consistency <code>mismatch</code>).</p>\n");
    o.push_str("<table>\n<tr><th>formulation</th><th>kind</th><th class=\"n\">groups</th><th class=\"n\">mentions</th><th class=\"n\">documents</th><th>first date</th><th>expansion</th></tr>\n");
    for s in h.slogans.iter().take(40) {
        let kind = serde_json::to_value(s.kind)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        o.push_str(&format!(
            "<tr><td class=\"nw\">{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"nw\">{}</td><td>{}</td></tr>\n",
            esc(&s.normalized),
            esc(&kind),
            s.groups,
            s.total,
            s.documents,
            esc(s.first_date.as_deref().unwrap_or("")),
            expansion_cell(s),
        ));
    }
    o.push_str("</table>\n");

    // Charts.
    o.push_str("<h2>Charts</h2>\n");
    for (name, svg) in &h.files {
        if name.starts_with("keyness-") {
            continue;
        }
        o.push_str(&format!(
            "<div class=\"chart\" id=\"{}\">\n{}\n</div>\n",
            esc(name),
            inline_svg(svg)
        ));
    }

    // Distinctive terms.
    o.push_str("<h2>Distinctive terms per group</h2>\n<p class=\"muted\">Over-used against the rest of the corpus (signed log-likelihood G²; p &lt; 0.05 is G² &gt; 3.84).</p>\n");
    o.push_str("<table>\n<tr><th>group</th><th>terms (G²)</th></tr>\n");
    for grp in &h.groups {
        let terms: Vec<String> = h
            .key_over
            .iter()
            .filter(|r| &r.group == grp && r.score > 0.0)
            .take(10)
            .map(|r| format!("{} ({:.1})", r.term, r.score))
            .collect();
        o.push_str(&format!(
            "<tr><td>{}</td><td>{}</td></tr>\n",
            esc(grp),
            esc(&terms.join("，"))
        ));
    }
    o.push_str("</table>\n");
    for (name, grp) in &h.keyness_files {
        if let Some((_, svg)) = h.files.iter().find(|(n, _)| n == name) {
            o.push_str(&format!(
                "<div class=\"chart\" id=\"{}\" title=\"{}\">\n{}\n</div>\n",
                esc(name),
                esc(grp),
                inline_svg(svg)
            ));
        }
    }

    // Cleaning notes.
    o.push_str("<h2>Cleaning notes</h2>\n<table>\n<tr><th>document</th><th>script</th><th class=\"n\">chars</th><th class=\"n\">cleaned</th><th class=\"n\">markup</th><th class=\"n\">full-width</th><th class=\"n\">simplified</th><th class=\"n\">pinyin</th><th class=\"n\">rejoined</th><th class=\"n\">dup ¶</th><th class=\"n\">dup sent.</th><th class=\"n\">dropped lines</th></tr>\n");
    w.write_all(o.as_bytes())?;
    for record in h.rows.iter() {
        let r = record.map_err(std::io::Error::other)?.cleaning();
        o.clear();
        o.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
            esc(&r.id),
            esc(r.script),
            r.chars, r.clean_chars, r.markup, r.width_chars, r.simplified_chars,
            r.pinyin_glosses, r.rejoined, r.dup_paragraphs, r.dup_sentences, r.dropped_lines,
        ));
        w.write_all(o.as_bytes())?;
    }
    w.write_all(b"</table>\n")?;
    w.write_all(b"<p class=\"muted\">Made by <code>tifa report</code>. Machine-readable results: metrics.json (schema tifa.metrics/1).</p>\n</body>\n</html>\n")
}

/// The expansion of `s` for the formulation table: in grey when its count does not match the
/// numeral (or the numeral is open, 1+5+N), so a reader can tell a checked list from a guess.
fn expansion_cell(s: &crate::slogans::SloganStats) -> String {
    let text = esc(&s.expansion.join("、"));
    if s.consistency == crate::slogans::Consistency::Mismatch {
        format!("<span class=\"muted\">{text}</span>")
    } else {
        text
    }
}
