//! The frames that enclose a whole list and are no part of any item: 以…为X ("taking …
//! as X") and 在…上/方面 ("in … (aspects)").

/// The most characters of the noun in the frame 以…为X(的) ([`cut_yi_wei`]).
const WEI_NOUN: usize = 4;

/// Cuts the frame 以 … 为X(的) ("taking … as X") off a list: 以 opening the first item
/// and 为 with a noun of 2–[`WEI_NOUN`] characters (and 的) ending the last (以抢先一步、
/// 上前一步、提升一步为主要内容 → 抢先一步 … 提升一步), or both in one item
/// (…、以98个行政村农民夜校为阵地的 → 98个行政村农民夜校).
pub(in crate::slogans) fn cut_yi_wei(items: &mut [String]) {
    let n = items.len();
    for item in items.iter_mut() {
        let framed = wei_at(item).filter(|&w| item.starts_with('以') && w > '以'.len_utf8());
        if let Some(wei) = framed {
            item.truncate(wei);
            item.drain(..'以'.len_utf8());
        }
    }
    if n >= 2 && items[0].starts_with('以') {
        if let Some(wei) = wei_at(&items[n - 1]) {
            items[n - 1].truncate(wei);
            items[0].drain(..'以'.len_utf8());
        }
    }
}

/// The most characters of the verb after the 上 of the frame 在…上 ([`cut_zai_shang`]).
const SHANG_VERB: usize = 3;

/// Cuts the frame 在 … 上/方面 ("in … (aspects)") off a list of three or more: 在 in the
/// first item, 上 or 方面 and a verb of up to [`SHANG_VERB`] characters ending the last,
/// two characters or more left of each (力争使服务平台在形象外观、环境设施、…、工作岗位上
/// 达到 → 形象外观 … 工作岗位). Not when a middle item holds 在 itself, nor at the 在 of a
/// word (在职党员).
pub(in crate::slogans) fn cut_zai_shang(items: &mut [String]) {
    let n = items.len();
    if n < 3 || items[1..n - 1].iter().any(|i| i.contains('在')) {
        return;
    }
    // Not the 在 of a word (在职党员, 在线, 在于, 在建, 在校, 在岗, 在册).
    let Some(zai) = items[0]
        .char_indices()
        .rev()
        .filter(|&(i, c)| {
            c == '在'
                && !items[0][i + '在'.len_utf8()..]
                    .starts_with(|x: char| "职线于建校岗册".contains(x))
        })
        .map(|(i, _)| i)
        .next()
    else {
        return;
    };
    let after_zai = zai + '在'.len_utf8();
    let last = &items[n - 1];
    let shang = ["方面", "上"].iter().find_map(|m| {
        let at = last.rfind(m)?;
        let verb = last[at + m.len()..].chars().count();
        (verb <= SHANG_VERB && last[..at].chars().count() >= 2).then_some(at)
    });
    let Some(shang) = shang else { return };
    if items[0][after_zai..].chars().count() < 2 {
        return;
    }
    items[n - 1].truncate(shang);
    items[0].drain(..after_zai);
}

/// The byte offset of the 为 of a frame 以…为X(的) ending `item`, if it ends in one
/// ([`cut_yi_wei`]).
pub(super) fn wei_at(item: &str) -> Option<usize> {
    let bare = item.strip_suffix('的').unwrap_or(item);
    let wei = bare.rfind('为')?;
    let noun = bare[wei + '为'.len_utf8()..].chars().count();
    (2..=WEI_NOUN).contains(&noun).then_some(wei)
}
