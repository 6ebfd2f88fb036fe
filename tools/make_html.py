"""Generate samples/notice.html: samples/notice.txt as a government portal saves it.

    python tools/make_html.py

The text sample is the reference, read with policy_parse's own txt reader, and
written back the way portal pages hold a notice (modelled on saved pages of
municipal portals):

* GBK bytes under ``<meta http-equiv="Content-Type" content="text/html;
  charset=gb2312">`` (portals label GBK pages gb2312);
* a site banner, a navigation bar, a breadcrumb (当前位置), a search form,
  scripts and styles in head and body, a share bar (分享到), 【打印】【关闭】
  links and a footer: furniture the reader must set aside;
* the portal's 来源/发布日期/浏览次数 line above the text, as portals print it;
* each text line a ``<p>`` (the title's lines one ``<p>`` with ``<br>``),
  inline ``<span>``/``<strong>`` runs, ``&nbsp;`` and source indentation;
* the 分工表 as a ``<table>`` with a ``<thead>``, every continuation the text
  form shows as an empty cell written as a rowspan on the cell above (the
  rule tools/docxkit.py uses for Word's vMerge), line breaks in a cell as
  ``<br>``;
* the stray line after the table (a page number left behind) as a last ``<p>``.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docxkit  # tools/ is not a package: found through sys.path above

from policy_parse.models import Paragraph, Table
from policy_parse.read import read_document

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

HEAD = r"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
 "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<meta name="ArticleTitle" content="{title}" />
<title>{title}_政策文件_天津滨海高新区</title>
<link rel="stylesheet" type="text/css" href="/css/article.css" />
<style type="text/css">
  .TRS_Editor p {{ text-indent: 2em; line-height: 1.8; }}
  .fgb td {{ border: 1px solid #000; }}
</style>
<script type="text/javascript" src="/js/jquery.min.js"></script>
<script type="text/javascript">
  var _hmt = _hmt || []; // 统计代码
  document.write("<span>浏览次数<\/span>");
</script>
</head>
<body>
<div class="top-banner"><img src="/images/logo.png" alt="天津滨海高新区" />天津滨海高新技术产业开发区</div>
<div id="nav" class="nav-bar">
  <ul>
    <li><a href="/">首页</a></li>
    <li><a href="/zwgk/">政务公开</a></li>
    <li><a href="/zcwj/">政策文件</a></li>
    <li><a href="/bsfw/">办事服务</a></li>
    <li><a href="/hdjl/">互动交流</a></li>
  </ul>
  <form class="search" action="/search"><input type="text" name="q" /><button>搜索</button></form>
</div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政策文件</div>
<div class="article">
  <div class="info">来源：天津滨海高新区管委会&nbsp;&nbsp;发布日期：2020-11-20&nbsp;&nbsp;浏览次数：<span id="hits">1024</span></div>
  <div class="TRS_Editor">
"""

FOOT = """  </div>
  <div class="bdsharebuttonbox">分享到：<a class="bds_weixin">微信</a><a class="bds_tsina">微博</a></div>
  <div class="print-close">【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div>
</div>
<div class="footer">
  <p>主办单位：天津滨海高新技术产业开发区管理委员会&nbsp;&nbsp;版权所有</p>
  <p>网站标识码：1200000000&nbsp;&nbsp;津ICP备00000000号</p>
</div>
<script type="text/javascript">window._bd_share_config = {"common": {}};</script>
</body>
</html>
"""


def _cell(text: str) -> str:
    return "<br />".join(html.escape(line) for line in text.split("\n"))


def _table(rows: list[list[str]]) -> str:
    merged = docxkit.continuations(rows)
    out = ['<table class="fgb" border="1" cellspacing="0" cellpadding="4" width="100%">']
    for r, row in enumerate(rows):
        if r == 0:
            out.append("<thead>")
        elif r == 1:
            out.append("<tbody>")
        out.append("<tr>")
        tag = "th" if r == 0 else "td"
        for c, text in enumerate(row):
            if (r, c) in merged:
                continue
            span = 1
            while (r + span, c) in merged:
                span += 1
            attr = f' rowspan="{span}"' if span > 1 else ""
            out.append(f'<{tag}{attr} valign="middle"><span>{_cell(text)}</span></{tag}>')
        out.append("</tr>")
        if r == 0:
            out.append("</thead>")
    out.append("</tbody></table>")
    return "\n".join(out) + "\n"


def build() -> bytes:
    doc = read_document(SAMPLES / "notice.txt")
    blocks = doc.blocks
    body: list[str] = []
    k = 0
    title = ""
    while k < len(blocks):
        block = blocks[k]
        if isinstance(block, Table):
            body.append(_table([[cell.text for cell in row.cells] for row in block.rows]))
            k += 1
            continue
        assert isinstance(block, Paragraph)
        # Consecutive lines of the title (they start with 关于印发 and run
        # until the one ending in 通知) share one <p>, broken by <br>.
        if block.text.startswith("关于印发"):
            group = [block.text]
            while not group[-1].endswith("通知") and k + 1 < len(blocks):
                k += 1
                group.append(blocks[k].text)  # type: ignore[union-attr]
            title = "".join(group)
            inner = "<br />\n".join(f"<strong>{html.escape(t)}</strong>" for t in group)
            body.append(f'<p align="center">\n{inner}\n</p>\n')
        else:
            body.append(f"    <p>&nbsp;&nbsp;<span>{html.escape(block.text)}</span></p>\n")
        k += 1
    page = HEAD.format(title=html.escape(title)) + "".join(body) + FOOT
    return page.encode("gbk")


def main() -> int:
    path = SAMPLES / "notice.html"
    path.write_bytes(build())
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
