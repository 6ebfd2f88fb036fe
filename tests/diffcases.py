"""Two versions of an invented notice for the diff's tests: the old one,
and a new one that makes one change of every kind."""

from __future__ import annotations

import functools

import policy_parse
from policy_parse.compare.diff import NoticeDiff, diff

# Two parts, five measures with labelled annotations.
OLD = """关于印发某区优化营商环境分工方案的通知
一、提升政务服务
1.推行企业开办一网通办，压缩办理时间至一个工作日。（牵头单位：区政务服务办；责任单位：区市场监管局、区税务局；完成时限：2024年底前）
2.建设区级政务服务中心综合窗口，实现一窗受理集成服务。（牵头单位：区发展改革委；责任单位：区财政局；完成时限：长期坚持）
3.清理规范涉企中介服务事项，公布中介服务收费目录清单。（牵头单位：区市场监管局；责任单位：区发展改革委；完成时限：2024年9月）
二、强化要素保障
4.设立中小企业应急转贷资金池，缓解企业资金周转压力。（牵头单位：区财政局；责任单位：区金融局；完成时限：2025年6月）
5.盘活存量工业用地，推行标准地出让改革，提高土地利用效率。（牵头单位：区规划资源局；责任单位：区发展改革委；完成时限：持续推进）
6.建立重点项目用工服务专员制度，保障企业招工用工需求。（牵头单位：区人社局）
7.完善企业家参与涉企政策制定机制，定期召开政企座谈会。（牵头单位：区工商联）
"""

# 1 reworded (一 → 半) with <b> in its text; 2 a new lead, new support and
# a new deadline; 3 moved to part 二; 4 removed; 5 split in two; 6 and 7
# merged; one measure added.
NEW = """关于印发某区优化营商环境分工方案的通知
一、提升政务服务
1.推行企业开办一网通办<b>，压缩办理时间至半个工作日。（牵头单位：区政务服务办；责任单位：区市场监管局、区税务局；完成时限：2024年底前）
2.建设区级政务服务中心综合窗口，实现一窗受理集成服务。（牵头单位：区数据局；责任单位：区财政局、区司法局；完成时限：2025年底前）
3.开展涉企收费专项清理，坚决纠正乱收费行为。（牵头单位：区市场监管局）
二、强化要素保障
4.清理规范涉企中介服务事项，公布中介服务收费目录清单。（牵头单位：区市场监管局；责任单位：区发展改革委；完成时限：2024年9月）
5.盘活存量工业用地，推行标准地出让改革。（牵头单位：区规划资源局；责任单位：区发展改革委；完成时限：持续推进）
6.提高土地利用效率。（牵头单位：区规划资源局；完成时限：持续推进）
7.建立重点项目用工服务专员制度，保障企业招工用工需求，完善企业家参与涉企政策制定机制，定期召开政企座谈会。（牵头单位：区人社局）
"""

EVERY_KIND = (
    "added", "removed", "split", "merged", "text", "lead", "support", "deadline", "moved",
)  # fmt: skip


@functools.cache
def every_kind() -> NoticeDiff:
    return diff(
        policy_parse.parse_text(OLD, path="old.txt"), policy_parse.parse_text(NEW, path="new.txt")
    )
