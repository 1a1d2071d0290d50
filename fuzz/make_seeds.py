#!/usr/bin/env python3
"""Writes the seed corpora under fuzz/corpus/<target>/ (reproducible: sorted inputs, fixed picks).

Sources: lines of tests/fixtures/seeds/*.txt (those with quotes, digits, Chinese numerals or '+'),
snippets of /work/shared/corpora (if present; optional), the loader fixtures in tests/fixtures/load,
and hand-made nasty inputs. Run from the repository root: python3 fuzz/make_seeds.py
"""
import hashlib
import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
SHARED = pathlib.Path("/work/shared/corpora")

TRIGGERS = set("“”「」『』\"'+＋0123456789０１２３４５６７８９一二三四五六七八九十两双百千万")


def put(target, data: bytes):
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    (d / name).write_bytes(data)


def seed_lines():
    out = []
    for f in sorted((ROOT / "tests/fixtures/seeds").glob("*.txt")):
        text = f.read_text(encoding="utf-8", errors="replace")
        lines = [l for l in text.splitlines() if l.strip() and TRIGGERS & set(l)]
        # every 4th interesting line, capped, to keep the corpus small
        out.extend(lines[::4][:25])
    return out


def corpora_snippets():
    out = []
    prov = SHARED / "provinces-2026"
    if prov.is_dir():
        for f in sorted(prov.glob("*.csv"))[::5]:
            text = f.read_text(encoding="utf-8-sig", errors="replace")
            mid = len(text) // 2
            out.append(text[mid : mid + 1500])
    news = SHARED / "news" / "heilongjiang-qiyi-cnr-2025.md"
    if news.is_file():
        out.append(news.read_text(encoding="utf-8")[:2000])
    return out


# Hand-made nasty inputs (as text; encoded variants are added for the loader).
NASTY_TEXT = [
    "",
    " ",
    "\n\n\n",
    "\ufeff党建引领“红色物业”",
    "\ufeff\ufeff双BOM",
    "a\u0000b\u0000",
    "发(fā)展(zhǎn)“三治融合”",
    "發(fā)展（fā）“三治融合”（zhì）",
    "(fā",
    "“未闭合的引号 党建+",
    "“「『』」”",
    "“「『三治融合』」”",
    "”反向“引号“",
    "“”“”“”",
    "１＋５＋Ｎ工作机制，“１３６”体系，３个１",
    "1+5+N+",
    "++++++++",
    "党建+",
    "+党建",
    "党建++文化+",
    "9" * 60 + "个全覆盖",
    "一二三四五六七八九十百千万亿" * 5 + "联",
    "两个全覆盖、三治融合、六联六促、“红色物业”、党建+、1+5+N",
    "三个思维”即系统思维、创新思维、一线思维",
    "自治法治德治“三治融合”",
    "“警员、网格员、企业专员”三员结对包企",
    "以党建联建促发展，以组织联动促治理，以人才联育促振兴",
    "兩個全覆蓋 黨建引領 “紅色物業”",
    "\u3000\u3000全角空格\u3000段落\r\n第二段\r\n",
    "段落一。\n\n段落一。\n\n段落一。",
    "句子重复。句子重复。句子重复。",
    "第1页\n上一页 下一页\n【字号】大 中 小\n打印 关闭",
    "People's Daily Online\n人民网",
    "\u200b\u200d\u2028\u2029\ufffd",
    "e\u0301\u0300\u0300",
    "𠀀𪚥𠮷",
    "，。、；：？！……——",
    "“" * 50,
    "”" * 50,
    "一" * 200,
    "1" * 300,
    "十" * 30 + "个",
]


def nasty_bytes():
    out = []
    for t in NASTY_TEXT:
        out.append(t.encode("utf-8"))
    # BOMs and UTF-16 with and without lone surrogates
    out += [
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xfe\xff",
        b"\xff\xfe" + "党建引领".encode("utf-16-le"),
        b"\xfe\xff" + "党建引领".encode("utf-16-be"),
        b"\xff\xfe\x00\xd8a\x00",  # UTF-16LE lone high surrogate
        b"\xff\xfe\x00\xdc",  # UTF-16LE lone low surrogate
        b"\xfe\xff\xd8\x00\x00a",  # UTF-16BE lone high surrogate
        b"\xff\xfe\x41",  # odd length
        b"\xef\xbb\xbf\xff\xfe",  # UTF-8 BOM then junk
        "党建引领基层治理".encode("gb18030"),
        "黨建引領基層治理".encode("big5"),
        "党建".encode("gb18030") + b"\x81",  # truncated two-byte sequence
        b"\x81\x30\x81\x30",  # GB18030 four-byte
        b"\x84\x31\xa4\x39",  # GB18030 max four-byte
        b"\xe5\x85",  # truncated UTF-8
        b"\xc0\xaf",  # overlong
        b"\xed\xa0\x80",  # CESU surrogate
        b"\x00" * 16,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        bytes(range(256)),
    ]
    return out


CSV_SEEDS = [
    b"id,region,text\n1,a,\xe5\x85\x9a\xe5\xbb\xba+\n",
    "id,region,text\n1,上海,“红色物业”\n2,北京,\"三治融合\n跨行\"\n".encode(),
    b"id,text\n1,\"unterminated\n",
    b"id,text\n1,a,b,c\n2\n",
    b"region,body\n1,x\n",
    b"id,file\nx,missing.txt\n",
    b"id,file\nx,../../etc/passwd\n",
    b"\xef\xbb\xbfprovince,year,full_text\n\xe4\xb8\x8a\xe6\xb5\xb7,2026,\"a\"\"b\"\n",
    b"text\n\n\n",
    b"text,text\n1,2\n",
    b",,,\n,,,\n",
    b'"',
    b'id,text\r\n1,"a""\r\n',
    "id,text\n1,党建\n".encode("gb18030"),
]

JSONL_SEEDS = [
    '{"id":"1","region":"上海","text":"“红色物业”"}\n{"id":"2","text":"1+5+N"}\n'.encode(),
    b'{"id":"1","text":"a"}\n{bad json\n{"id":"3","text":"c"}\n',
    b'{"text":null}\n',
    b'{"text":123,"id":[1,2]}\n',
    b'{"id":"","text":"x"}\n',
    b'[1,2,3]\n"str"\nnull\n',
    b'{"text":"\\ud800"}\n',
    b'{"text":"\\u0000"}\n',
    b'{"full_text":"x","region":{"a":1}}\n',
    b"\n\n  \n",
    b'{"id":"1","text":"a"}{"id":"2","text":"b"}\n',
    b'{"a":' * 200 + b"\n",
]


def main():
    lines = seed_lines()
    snippets = corpora_snippets()
    for t in lines + snippets:
        put("slogans", t.encode())
        put("clean", t.encode())
    for t in NASTY_TEXT:
        put("slogans", t.encode())
        put("clean", t.encode())
    # Multi-paragraph texts for the cleaner: a few seed files' openings.
    for f in sorted((ROOT / "tests/fixtures/seeds").glob("*.txt"))[::3]:
        put("clean", f.read_bytes()[:3000].decode("utf-8", "ignore").encode())
    for b in nasty_bytes() + CSV_SEEDS + JSONL_SEEDS:
        put("load_bytes", b)
    for t in lines[::5]:
        put("load_bytes", t.encode("gb18030", errors="ignore"))
        put("load_bytes", b"\xff\xfe" + t.encode("utf-16-le"))
    fixtures = ROOT / "tests/fixtures/load"
    for f in sorted(fixtures.rglob("*")):
        if f.is_file() and f.stat().st_size <= 64 * 1024:
            put("load_bytes", f.read_bytes())
    for target in ("load_bytes", "slogans", "clean"):
        print(target, len(os.listdir(CORPUS / target)))


if __name__ == "__main__":
    main()
