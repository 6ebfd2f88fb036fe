"""Every pattern the segmenter uses, in one place, one comment per line.

The patterns describe GB/T 9704 notices and the 分工方案 they carry
(../shared/DOMAIN.md).  Words that vary by issuer (annotation labels, table
headers) are data: see normalize/data/*.toml.
"""

from __future__ import annotations

from .._support.lazy_regex import VERBOSE, lazy_compile

CN_DIGITS = "〇零一二两三四五六七八九十百"

# --- header -----------------------------------------------------------------

DOC_NUMBER = lazy_compile(
    r"""
    ^\S{1,40}?                      # issuer abbreviation, e.g. 津高新区管发
    [〔\[［【(（]\s*(?P<year>\d{4})\s*[〕\]］】)）]  # year in 〔〕 (or look-alike brackets)
    \s*(?P<serial>\d{1,5})\s*号$    # serial number and 号
    """,
    VERBOSE,
)

DATE = lazy_compile(
    r"""
    ^(?P<y>\d{4}|[〇零一二三四五六七八九]{4})\s*年   # year, Arabic or 二〇二〇
    \s*(?P<m>\d{1,2}|[十一二三四五六七八九]{1,2})\s*月  # month
    \s*(?P<d>\d{1,2}|[十一二三四五六七八九]{1,3})\s*日$ # day
    """,
    VERBOSE,
)

NOTE = lazy_compile(
    r"""
    ^[（(]                           # a line wholly in parentheses
    (?P<note>[^（）()]*(?:公开|印发|发送|抄送|联系)[^（）()]*)  # publication note words
    [）)]$
    """,
    VERBOSE,
)

RECIPIENTS = lazy_compile(r"^(?P<who>[^。；]{2,120})[：:]$")  # a line ending with a colon

ATTACHMENT_LIST = lazy_compile(r"^附\s*件\s*[：:]\s*(?P<rest>.*)$")  # 附件：title
ATTACHMENT_MARK = lazy_compile(r"^附\s*件\s*\d*\s*$")  # the bare 附件 / 附件1 line
ATTACHMENT_ITEM = lazy_compile(r"^\s*\d+\s*[.．、]\s*(?P<title>.+)$")  # 1.title in a list

SENTENCE_END = lazy_compile(r"[。；！？]\s*$")  # a line that ends a sentence
LEADS_ON = lazy_compile(r"[：:，,]\s*$")  # a line that announces what follows (分工如下：)

# --- outline markers ----------------------------------------------------------
# Each marker style is one named alternative; the document's own order of
# first appearance decides which style is a part, a section or a measure.
# segment.markers matches the line's start after MARKER_FOLD (NFKC plus the
# table below), so look-alikes (１．, 1﹒, ⑴, 1。) need no alternative of their
# own; the common full-width forms stay in the pattern for callers that match
# unfolded text (segment.table's heading rows).

# Circled numbers (①, ㉑, ❶, ➀: Word's decimalEnclosedCircle numbering, and
# typed lists) are a style of their own: NFKC would fold ① to a bare 1.
CIRCLED = "".join(
    map(
        chr,
        [
            *range(0x2460, 0x2474),
            *range(0x3251, 0x3260),
            *range(0x32B1, 0x32C0),
            *range(0x2776, 0x2794),
        ],
    )
)
# A keycap (1️⃣: a digit, U+FE0F, which read/invisible.py takes out, and the
# enclosing keycap U+20E3) and 🔟 number the measures of a WeChat article:
# read as 1. and 10. (probe10).
MARKER_FOLD = {
    "。": ".",
    "—": "-",
    "–": "-",
    "\u20e3": ".",
    "\U0001f51f": "10.",
    **{c: c for c in CIRCLED},
}  # beyond NFKC
# A number of ten digits (or numerals) or more is no marker (a 5000-digit "measure number"
# is damage, not outline): the line stays text and is kept as such.

MARKER = lazy_compile(
    r"""
    ^\s*(?:
        第(?P<part_word>[〇零一二两三四五六七八九十百]{1,9})(?:部分|章)\s*[、,，:：.．]?  # 第一部分, 第一章
      | 第(?P<article>[〇零一二两三四五六七八九十百]{1,9}|\d{1,9})[条项](?:\s*[、,，:：.．]|\s+|$)  # 第一条 (若干措施), 第1项; alone, its text below
      | (?P<cn_dun>[〇零一二两三四五六七八九十百]{1,9})\s*[、.．]         # 一、
      | [(（]\s*(?P<cn_paren>[〇零一二两三四五六七八九十百]{1,9})\s*[)）]   # （一）
      | [(（]\s*(?P<ar_paren>\d{1,9})\s*[)）]                              # （1） or (1)
      | 【\s*(?P<ar_paren>\d{1,3})\s*】                                    # 【1】 (a portal's list)
      | (?P<ar_rparen>\d{1,9})\s*[)）]                                     # 1） or 1)
      | (?P<ar_sub>\d{1,9}(?:\s*[-－—]\s*\d{1,9})+)\s*[.．、]?                  # 36-1. / 36-1
      | [(（]\s*(?P<ar_sub>\d{1,9}(?:\s*[-－—]\s*\d{1,9})+)\s*[)）]              # （36-1）, closed
      | (?P<ar_dot>\d{1,9}(?:[.．]\d{1,9})*)\s*[.．](?!\d(?!\d{3}\s*年))        # 1. / 3.1. (1.2021年… too)
      | (?P<ar_dec>\d{1,9}(?:[.．]\d{1,9})+)(?=\s|[\p{Han}“"《(（])              # 3.1 text (no final dot)
      | (?P<ar_dun>\d{1,9})\s*、                                            # 1、
      | (?P<ar_dot>\d{1,3})\s*[|丨]                                         # 01｜ (a portal's card: number, bar, heading)
      | (?:NO|No|no)\s*\.\s*(?P<ar_dot>\d{1,3})\s*[:.、]?                     # NO.1 / No.1： (a numbered card)
      | (?P<circled>[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf\u2776-\u2793])\s*[、.．]?  # ① (CIRCLED)
      | (?P<ar_dot>\d{1,3})(?:[ \t\u3000]+|(?=\p{Han}))(?=[\p{Han}“"《])      # 1 推进, 1推进 (a copy lost the dot; see markers.py)
      | (?P<ar_dot>\d{1,3})(?=\s*$)                                         # 1 alone, its text on the next line (markers.py)
    )\s*
    """,
    VERBOSE,
)

# A "marker" that is a date or a time: 2023-01-05 10:00, 13.03.2015 07:51.
YEAR_COMPONENT = lazy_compile(r"^(?:19|20)\d\d$")  # one number of the marker is a year
CLOCK_AFTER = lazy_compile(r"^\d{1,2}:\d{2}")  # the rest of the line starts with a time

# Styles that name an outline level; ar_sub and ar_dec are sub-measures of the
# style their main number uses, so they share its level (see segment.levels).
STYLES = (
    "part_word",
    "article",
    "cn_dun",
    "cn_paren",
    "ar_paren",
    "ar_rparen",
    "ar_sub",
    "ar_dot",
    "ar_dec",
    "ar_dun",
    "circled",
)
# (Items 一是, 二是 … are of a style `cn_shi` no pattern here matches:
# segment/ordinals.py.)

# --- responsibility annotations ------------------------------------------------

# A parenthetical at the very end of a measure: the candidate annotation.
TRAILING_PAREN = lazy_compile(
    r"[（(](?P<body>(?:[^（）()]|[（(][^（）()]*[）)])*)[）)]\s*[。.]?\s*$"
)

UNIT_SEPARATORS = lazy_compile(r"[、，,；;／/\n﹑﹐﹔]+")  # between units in one list

# Punctuation a PDF or an input method writes in another form: the ratio
# sign ∶ for the colon, the small forms ﹕﹔﹐﹑ (NFKC would make them
# half-width).  Prose lines are read with the usual forms, so 牵头单位∶A is a
# label; punctuation is no word of the notice (audit.py does not count it).
PUNCT_VARIANTS = str.maketrans({"∶": "：", "﹕": "：", "﹔": "；", "﹐": "，", "﹑": "、"})
PUNCT_VARIANT_CHARS = tuple(map(chr, PUNCT_VARIANTS))  # searched for before translating

# A deadline written as the last item of a unit list: …，6月底完成 / 2021年底前.
DEADLINE_ITEM = lazy_compile(
    r"""
    ^(?:\d{4}\s*年\s*)?                       # an optional year
    (?:\d{1,2}\s*月(?:\d{1,2}\s*日)?|年?底|年?末|上半年|下半年|年内)  # a month, day or year end
    (?:底|末|中旬|上旬|下旬)?(?:前|之前|以前)?   # before …
    (?:全面|基本|初步)?(?:完成|办结|到位|见效|建成|启动)?$  # … done (2026年6月底前全面完成)
    |^(?:持续推进|长期坚持|长期推进|持续开展)$  # an open-ended deadline
    |^(?:常态化|长期|持续)(?:推进|开展|实施|落实)?$|^全年(?:推进|实施|开展)?$  # 常态化推进, 全年
    |^(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月|年?底|年?末|上半年|下半年|年内)  # 2025年底前完成
     (?:底|末)?(?:前|之前)?(?:完成)?并(?:长期坚持|持续推进|长期推进|持续开展)$  # 并长期坚持
    |^\d{4}\s*年\s*(?:\d{1,2}\s*月\s*)?(?:起|开始)              # 2025年起逐年推进, 2025年3月起: from then on
     (?:(?:逐年|每年|持续|分年度|分步)?(?:推进|实施|开展|完成|落实)?|长期坚持|长期推进)$
    |^\d{4}\s*年\s*(?:内|底前|前)?(?:完成|办结|到位|见效|实施|推进)?$  # 2025年 / 2025年内完成
    |^\d{4}\s*年?\s*[-－—–~～至到]\s*\d{4}\s*年                   # 2025—2027年: a span of years
     (?:底|末)?(?:前)?(?:完成|持续推进|推进|实施)?$
    |^(?:\d{4}\s*年\s*)?第?[一二三四1-4]\s*季度(?:末|底)?(?:前)?(?:完成)?$  # 2025年第三季度
    |^(?:分年度|逐年|分步|分阶段|立即)(?:推进|实施|启动|落实|开展)$    # 分年度实施: when, in steps
    |^(?:每|按)(?:年度?|半年|季度?|月度?|周|旬)                  # 每季度调度一次: how often
     (?:调度|报送|通报|督查|检查|评估|推进|开展|召开|总结)?[\u4e00-\u9fff]{0,6}$
    """,
    VERBOSE,
)

# --- table ----------------------------------------------------------------------

# 第3项 / 第三项 opening a table's text cell: the row's number in words.
ITEM_WORD = lazy_compile(
    r"^\s*第\s*(?P<num>\d{1,4}|[〇零一二两三四五六七八九十百]{1,9})\s*项\s*[、,，:：.．]?\s*"
)
TABLE_NUMBER = lazy_compile(r"^\s*(?P<num>\d+(?:\s*[-－—.．]\s*\d+)*)\s*[.．、]?\s*$")  # 序号 cell
CONTINUED = lazy_compile(r"^\s*续表\s*\d*\s*$")  # 续表 marker line

# --- text comparison --------------------------------------------------------------

WHITESPACE = lazy_compile(r"[\s\u3000\u00a0\u200b\ufeff]+")

# The same list item twice in a row: 产业链融资、产业链融资
REPEATED_TERM = lazy_compile(
    r"""
    (?:^|(?<=[、，,；;：:（(“"]))     # the item starts a list position
    (?P<term>[^、，,；;。：:（）()“”"]{2,30}?)  # the item itself
    [、，,]                           # a list separator
    (?P=term)                         # the very same item again
    (?=[、，,；;。）)”"等和及]|$)       # ending at a list position
    """,
    VERBOSE,
)

# A table caption: the short line right above the table naming it.
TABLE_CAPTION = lazy_compile(r"^[^。；]{2,80}(?:表|清单|台账)\s*$")
