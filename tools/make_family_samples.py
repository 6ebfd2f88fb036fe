"""Generate the constructed family-* samples of issue 4 (see samples/FAMILY.md).

Every family sample is an invented 分工方案 notice.  The source of each one lives
in this script: the header lines, the prose measures (number as written, text,
responsibility annotation) and the rows of the 分工表.  The table text of a
measure is taken from the prose text unless a row deliberately overrides it, so
the only disagreements between prose and table are the planted ones listed in
samples/FAMILY.md and tests/expectations/<stem>.toml.

Outputs
  samples/family-*.txt   web-portal text form, as samples/notice.txt: prose, a
                         caption line, then table rows as groups of lines each
                         starting with a TAB, one cell per line, a lone TAB for
                         an empty cell, rows separated by blank lines.  A cell
                         that continues a vertically merged cell is empty.
  samples/family-*.docx  python-docx: one paragraph per line, the 分工表 as a
                         real Word table (header row repeated via w:tblHeader,
                         vertical merges via w:vMerge, empty cells stay empty).
                         family-district-renewal.docx numbers its top-level
                         measures by Word automatic numbering (w:numPr): the
                         digits are not in the paragraph text.

In a table row below, the cell value MERGE marks the continuation of the
vertically merged cell above (empty cell in .txt, w:vMerge in .docx).

Usage:  python tools/make_family_samples.py [--check]
  --check  exit 1 if a committed sample differs from what the script makes.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from docx.enum.section import WD_SECTION

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docxkit  # tools/ is not a package: found through sys.path above

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
MERGE = object()  # continuation of a vertically merged cell


@dataclass
class Sample:
    stem: str
    fmt: str  # "txt" | "docx"
    lines: list[str]  # everything before the table (header, attachment, prose)
    caption: str | None = None
    rows: list[list[object]] = field(default_factory=list)  # header row first
    autonum: set[int] = field(default_factory=set)  # line indexes numbered by Word
    tail: list[str] = field(default_factory=list)  # lines after the table


def _ann(template: str, **kw: str) -> str:
    return template.format(**kw)


# ---------------------------------------------------------------------------
# family-county-private-economy.txt
#   parts 一、 ; measures 1、 ; （牵头单位：A；配合单位：B、C）
#   table 序号/重点任务(merged group)/具体措施/牵头单位/配合单位/完成时限
#   planted: lead-mismatch on 7, alias 县市场局 on 11


def county() -> Sample:
    parts = [
        ("一、", "降低企业经营成本", [
            ("1", "严格落实国家减税降费政策，确保小微企业普惠性减免、阶段性减免社会保险费等政策应享尽享。", "县税务局", "县财政局、县人社局", "持续推进"),
            ("2", "全面清理规范涉企收费，对没有法律法规依据的收费项目一律取消，公布涉企收费目录清单。", "县发改局", "县财政局、县市场监管局", "2021年6月底前"),
            ("3", "降低企业用电用气成本，落实一般工商业电价降价政策，推行用电报装“零上门、零审批、零投资”服务。", "县发改局", "国网云溪县供电公司、县住建局", "2021年年底前"),
            ("4", "对符合条件的民营企业新建项目用地，可采取长期租赁、先租后让、弹性年期出让等方式供应。", "县自然资源局", "县发改局、县工信局", "持续推进"),
        ]),
        ("二、", "缓解融资难融资贵", [
            ("5", "建立县级政府性融资担保体系，扩大担保业务规模，担保费率不高于1%。", "县金融办", "县财政局、人民银行云溪县支行", "2021年年底前"),
            ("6", "落实续贷政策，引导银行业金融机构开展无还本续贷业务，不得盲目抽贷、断贷。", "人民银行云溪县支行", "县金融办、县工信局", "持续推进"),
            ("7", "设立民营企业应急转贷资金，为暂时出现资金周转困难的企业提供过桥服务。", "县财政局", "县金融办、县工信局", "2021年6月底前"),
            ("8", "推广应收账款融资、知识产权质押融资等业务，每年组织银企对接活动不少于4次。", "县金融办", "县市场监管局、人民银行云溪县支行", "持续推进"),
        ]),
        ("三、", "持续优化营商环境", [
            ("9", "深化“一网通办”改革，企业开办时间压缩至1个工作日以内。", "县审批局", "县市场监管局、县税务局", "2021年6月底前"),
            ("10", "全面推行证明事项告知承诺制，公布实行告知承诺制的证明事项清单。", "县司法局", "县审批局、县市场监管局", "2021年6月底前"),
            ("11", "开展涉企违规收费专项整治，畅通投诉举报渠道，对查实的违规收费行为依法处理并公开通报。", "县市场局", "县发改局、县财政局", "2021年年底前"),
            ("12", "建立政府部门和国有企业拖欠民营企业账款清理台账，确保按时清偿。", "县工信局", "县财政局、城关、青石、河口镇人民政府", "2021年年底前"),
        ]),
        ("四、", "强化服务保障", [
            ("13", "建立县领导联系重点民营企业制度，定期走访，协调解决企业反映的问题。", "县工信局", "县发改局、县商务局", "长期坚持"),
            ("14", "每季度召开一次民营企业家座谈会，听取意见建议。", "县工商联", "县工信局、县商务局", "每季度"),
            ("15", "加大民营企业人才引进支持力度，落实人才住房、子女入学等保障政策。", "县人社局", "县教育局、县住建局", "持续推进"),
            ("16", "依法保护民营企业和企业家合法权益，严厉打击侵害民营企业合法权益的违法犯罪行为。", "县公安局", "县法院、县检察院、县司法局", "持续推进"),
        ]),
    ]
    lines = [
        "云溪县人民政府办公室文件",
        "云政办发〔2021〕18号",
        "",
        "云溪县人民政府办公室关于印发",
        "《云溪县贯彻落实〈关于促进民营经济高质量",
        "发展的若干措施〉任务分工方案》的通知",
        "",
        "各乡镇人民政府，县政府各部门：",
        "",
        "为贯彻落实《江州市关于促进民营经济高质量发展的若干措施》（江政发〔2021〕3号），进一步激发民营经济活力，经县人民政府同意，现将《云溪县贯彻落实〈关于促进民营经济高质量发展的若干措施〉任务分工方案》印发给你们，请各牵头单位会同配合单位细化工作措施，认真抓好落实，每半年将工作进展情况报县工信局。",
        "",
        "附件：云溪县贯彻落实《关于促进民营经济高质量发展的若干措施》任务分工方案",
        "",
        "云溪县人民政府办公室",
        "2021年3月12日",
        "",
        "（此件主动公开）",
        "",
        "附件",
        "",
        "云溪县贯彻落实《关于促进民营经济高质量",
        "发展的若干措施》任务分工方案",
        "为推动《江州市关于促进民营经济高质量发展的若干措施》在我县落地见效，结合我县实际，现将有关任务分工如下。",
    ]
    rows: list[list[object]] = [["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"]]
    for pno, ptitle, measures in parts:
        lines.append(f"{pno}{ptitle}")
        for k, (no, text, lead, support, deadline) in enumerate(measures):
            lines.append(f"{no}、{text}（牵头单位：{lead}；配合单位：{support}）")
            t_lead = lead
            if no == "7":  # planted lead-mismatch
                t_lead = "县发改局"
            if no == "11":  # planted alias: the table writes the full 县市场监管局
                t_lead = "县市场监管局"
            group: object = ptitle if k == 0 else MERGE
            if no == "10":
                group = ptitle  # a page break: the merged group text is repeated
            dl: object = MERGE if no == "16" else deadline  # 15 and 16 share a merged cell
            rows.append([no, group, text, t_lead, support, dl])
    return Sample(
        "family-county-private-economy", "txt", lines,
        "云溪县贯彻落实《关于促进民营经济高质量发展的若干措施》任务分工表", rows,
    )


# ---------------------------------------------------------------------------
# family-city-foreign-trade.docx
#   第一部分 parts ; （一） sections ; measures 1． with sub-measures 3.1
#   （牵头部门：A，责任部门：B、C）
#   table 编号/工作任务/牵头部门/责任部门/完成时间 ; vMerge on 牵头部门 and 完成时间
#   planted: 3.3 missing from the table ; text-mismatch on 9


def city() -> Sample:
    # (written number, text, lead, support, deadline); support "" = none named
    outline = [
        ("第一部分　稳定外贸基本盘", None),
        ("（一）支持企业开拓国际市场", None),
        ("1．", ("组织企业参加广交会、进博会等重点展会，对参展费用给予不超过50%的补助。", "对外贸易处", "外贸发展事务中心、市贸促会", "2021年年底前")),
        ("2．", ("支持企业开展境外商标注册、国际认证和专利申请，按实际费用给予补助。", "对外贸易处", "市市场监管局", "持续推进")),
        ("3．加快发展外贸新业态：", None),
        ("3.1", ("推进跨境电商综合试验区建设，培育跨境电商产业园区5个以上。", "电子商务处", "东陵海关、市税务局", "2021年年底前")),
        ("3.2", ("支持企业建设海外仓，对认定的公共海外仓给予一次性奖励。", "电子商务处", "市财政局", "2021年")),
        ("3.3", ("推动市场采购贸易方式试点扩面增效。", "对外贸易处", "东陵海关、市市场监管局", "2021年")),
        ("（二）强化外贸金融支持", None),
        ("4．", ("扩大出口信用保险覆盖面，对小微企业出口信用保险保费给予全额补助。", "对外贸易处", "市财政局、中国出口信用保险公司东陵营业管理部", "持续推进")),
        ("5．", ("鼓励金融机构开展出口退税账户托管贷款、订单融资等业务。", "市金融局", "人民银行东陵市中心支行、市税务局", "持续推进")),
        ("6．", ("加快出口退税进度，正常出口退税平均办理时间压缩至5个工作日以内。", "市税务局", "", "2021年6月底前")),
        ("第二部分　积极利用外资", None),
        ("（三）加大招商引资力度", None),
        ("7．", ("围绕重点产业链开展精准招商，每季度梳理发布重点招商项目清单。", "外资管理处", "各区县商务主管部门", "每季度")),
        ("8．", ("落实外商投资准入前国民待遇加负面清单管理制度，确保准入后享受同等待遇。", "外资管理处", "市发展改革委、市市场监管局", "长期坚持")),
        ("9．", ("对新设立或增资的外资项目，按实际到资额给予奖励。", "外资管理处", "市财政局", "2021年")),
        ("（四）优化外资服务", None),
        ("10．", ("建立重点外资项目“一对一”服务专员制度，协调解决项目落地中的困难和问题。", "外资管理处", "各区县商务主管部门", "持续推进")),
        ("11．", ("完善外商投资企业投诉工作机制，依法保护外商投资合法权益。", "政策法规处", "外资管理处", "持续推进")),
        ("第三部分　保障措施", None),
        ("（五）加强组织实施", None),
        ("12．", ("建立稳外贸稳外资工作专班，定期调度重点任务推进情况。", "办公室", "对外贸易处、外资管理处", "每季度")),
        ("13．", ("加强政策宣传解读，编印惠企政策汇编。", "政策法规处", "办公室、外贸发展事务中心", "2021年6月底前")),
    ]
    lines = [
        "东陵市商务局文件",
        "东商发〔2021〕9号",
        "",
        "东陵市商务局关于印发《东陵市推进外贸外资",
        "稳中提质若干措施任务分工方案》的通知",
        "",
        "各区县商务主管部门，局机关各处室、直属各单位：",
        "",
        "为贯彻落实《东陵市人民政府关于推进外贸外资稳中提质的若干措施》（东政发〔2021〕11号），经局党组研究，现将《东陵市推进外贸外资稳中提质若干措施任务分工方案》印发给你们，请结合职责抓好落实，于每季度末将进展情况报局办公室。",
        "",
        "附件：东陵市推进外贸外资稳中提质若干措施任务分工方案",
        "",
        "东陵市商务局",
        "2021年4月6日",
        "",
        "（此件依申请公开）",
        "",
        "附件",
        "",
        "东陵市推进外贸外资稳中提质若干措施任务分工方案",
        "",
        "为确保各项措施落到实处，现就有关任务分工如下：",
    ]
    rows: list[list[object]] = [["编号", "工作任务", "牵头部门", "责任部门", "完成时间"]]
    prev_lead = prev_dl = None
    for written, m in outline:
        if m is None:
            lines.append(written)
            continue
        text, lead, support, deadline = m
        ann = f"（牵头部门：{lead}，责任部门：{support}）" if support else f"（牵头部门：{lead}）"
        sep = "　" if "." in written else ""  # "3.1　推进…" but "1．组织…"
        lines.append(f"{written}{sep}{text}{ann}")
        if written == "3.3":  # planted: missing from the table
            continue
        no = written.rstrip("．")
        t_text = text
        if no == "9":  # planted text-mismatch
            t_text = "对新设立或增资的外资项目，按实际到资额的1%给予奖励。"
        lead_cell: object = MERGE if lead == prev_lead and lead == "外资管理处" else lead
        dl_cell: object = MERGE if deadline == prev_dl and deadline == "持续推进" else deadline
        rows.append([no, t_text, lead_cell, support, dl_cell])
        prev_lead, prev_dl = lead, deadline
    lines.append("")
    return Sample(
        "family-city-foreign-trade", "docx", lines,
        "东陵市推进外贸外资稳中提质若干措施任务分工表", rows,
    )


# ---------------------------------------------------------------------------
# family-zone-business-environment.txt : prose only
#   sections （一） ; measures (1) restarting in each section
#   own-line 牵头单位： / 责任单位： / 配合单位： / 完成时限：
#   planted: numbering gap (三)(2)→(4) ; ambiguous 企业局


def zone() -> Sample:
    sections = [
        ("（一）提升政务服务效能", [
            ("1", "推行企业开办“一窗受理、一日办结”，全面实现企业开办全程网上办理。", [("牵头单位", "行政审批局"), ("配合单位", "市场监管分局、税务分局")], "2021年6月底前"),
            ("2", "推进工程建设项目审批制度改革，一般社会投资项目审批时间压缩至40个工作日以内。", [("牵头单位", "行政审批局"), ("责任单位", "规划建设局、生态环境分局")], "2021年年底前"),
            ("3", "建立重点项目“帮办代办”服务机制，为重点项目提供全流程代办服务。", [("牵头单位", "投资促进局"), ("责任单位", "行政审批局"), ("配合单位", "各园区运营公司")], "持续推进"),
            ("4", "推行政务服务“好差评”制度，每季度通报评价结果。", [("牵头单位", "行政审批局"), ("配合单位", "党政办")], "每季度"),
        ]),
        ("（二）降低企业运营成本", [
            ("1", "落实国家和省市各项减税降费政策，开展政策宣传辅导。", [("牵头单位", "税务分局"), ("配合单位", "财政局、经济发展局")], "持续推进"),
            ("2", "对区内标准厂房租金给予阶段性减免，减轻中小企业负担。", [("牵头单位", "企业发展局"), ("配合单位", "财政局、各园区运营公司")], "2021年年底前"),
            ("3", "建立企业诉求“直通车”，对企业反映的问题实行清单化管理、限时办结。", [("牵头单位", "企业局"), ("配合单位", "党政办、各街道办事处")], "长期坚持"),
            ("4", "组织开展“政银企”对接活动，帮助企业解决融资难题。", [("牵头单位", "企业服务局"), ("配合单位", "财政局")], "每季度"),
        ]),
        ("（三）优化要素保障", [
            ("1", "加快标准地出让，新增工业用地原则上按“标准地”供应。", [("牵头单位", "规划建设局"), ("配合单位", "经济发展局、投资促进局")], "2021年年底前"),
            ("2", "完善区内供水、供电、供气等配套设施，提升保障能力。", [("牵头单位", "规划建设局"), ("责任单位", "各园区运营公司")], "持续推进"),
            ("4", "加强企业用工服务，定期举办招聘活动。", [("责任单位", "社会事务局、各街道办事处")], "每季度"),
        ]),
        ("（四）强化监管与法治保障", [
            ("1", "推行“双随机、一公开”监管全覆盖，减少对企业正常经营的干扰。", [("牵头单位", "市场监管分局"), ("配合单位", "应急管理局、生态环境分局")], "持续推进"),
            ("2", "建立包容审慎监管机制，对新业态实行轻微违法行为免罚清单制度。", [("牵头单位", "市场监管分局"), ("配合单位", "党政办")], "2021年6月底前"),
            ("3", "开展营商环境专项督查，对损害营商环境的行为严肃问责。", [("牵头单位", "党政办"), ("配合单位", "企业服务局")], "2021年"),
        ]),
    ]
    lines = [
        "青岚经济技术开发区管理委员会文件",
        "青岚经开管发〔2021〕7号",
        "",
        "关于印发《青岚经济技术开发区2021年优化营商环境",
        "重点任务分工方案》的通知",
        "",
        "区各部门、各街道办事处，各园区运营公司：",
        "",
        "《青岚经济技术开发区2021年优化营商环境重点任务分工方案》已经管委会主任办公会议研究同意，现印发给你们，请认真贯彻执行。各牵头单位要切实履行牵头职责，各责任单位、配合单位要主动配合，形成工作合力。",
        "",
        "附件：青岚经济技术开发区2021年优化营商环境重点任务分工方案",
        "",
        "青岚经济技术开发区管理委员会",
        "2021年2月26日",
        "",
        "（此件公开发布）",
        "",
        "附件",
        "",
        "青岚经济技术开发区2021年优化营商环境",
        "重点任务分工方案",
        "",
        "为持续打造市场化、法治化、国际化营商环境，现将2021年重点任务分工如下：",
    ]
    for title, measures in sections:
        lines.append(title)
        for no, text, units, deadline in measures:
            lines.append(f"({no}){text}")
            lines.extend(f"{role}：{names}" for role, names in units)
            lines.append(f"完成时限：{deadline}")
    lines += [
        "",
        "各单位要按照分工要求，于每季度末向党政办报送工作进展情况。",
    ]
    return Sample("family-zone-business-environment", "txt", lines)


# ---------------------------------------------------------------------------
# family-hk-republished-trad.txt : Traditional script, republished on a portal
#   no 版头 issuer line; portal line on top ; parts 一、 ; measures （1）
#   （A牽頭，B、C按職責分工負責） / （A負責）
#   table 序號/具體落實舉措/完成時限/責任單位 — lead and support in ONE column, lead first
#   planted: numbering gap 7→9 (both sides) ; units-mismatch on 11 ; alias 市人社局 on 6


def traditional() -> Sample:
    parts = [
        ("一、擴大服務業對港澳開放", [
            ("1", "支持港澳投資者在本市獨資或合資設立專業服務機構，落實准入後國民待遇。", "市商務局", "市市場監管局、市司法局", "2021年年底前"),
            ("2", "支持港澳律師事務所與本市律師事務所開展合夥聯營。", "市司法局", "", "持續推進"),
            ("3", "推動港澳建築、規劃等專業人士經備案後在本市提供專業服務。", "市住房城鄉建設局", "市自然資源局、市人力資源社會保障局", "2021年"),
            ("4", "支持港澳醫療機構在本市設立獨資或合資醫院，簡化審批流程。", "市衛生健康局", "", "2021年6月底前"),
            ("5", "推動港澳金融機構在本市設立分支機構，擴大跨境金融服務。", "市金融局", "人民銀行南灣市中心支行、市市場監管局", "持續推進"),
        ]),
        ("二、便利港澳居民在本市發展", [
            ("6", "落實港澳居民在本市就業與本市居民同等待遇，港澳人員在本市就業無需辦理就業許可。", "市人力資源社會保障局", "", "2021年6月底前"),
            ("7", "支持港澳青年在本市創新創業，對入駐孵化基地的港澳青年創業團隊給予場租補貼。", "市人力資源社會保障局", "市財政局、市港澳事務局", "長期堅持"),
            ("9", "為港澳居民子女在本市就讀提供便利，將符合條件的港澳居民子女納入義務教育入學保障範圍。", "市教育局", "", "2021年"),
            ("10", "支持港澳居民按規定參加本市社會保險，享受同等社會保險待遇。", "市人力資源社會保障局", "市醫療保障局、市稅務局", "持續推進"),
            ("11", "推動港澳居民在本市購房享受本市居民同等待遇。", "市住房城鄉建設局", "市自然資源局", "2021年年底前"),
        ]),
        ("三、深化規則銜接和交流合作", [
            ("12", "推動與港澳在職業資格、標準認證等方面規則銜接，擴大職業資格互認範圍。", "市人力資源社會保障局", "市市場監管局", "持續推進"),
            ("13", "每季度舉辦一次港澳服務業合作對接活動。", "市港澳事務局", "市商務局、市文化廣電旅遊體育局", "每季度"),
            ("14", "深化與港澳文化、旅遊、體育領域合作，聯合打造「一程多站」旅遊精品線路。", "市文化廣電旅遊體育局", "", "長期堅持"),
            ("15", "建立深化與港澳服務業合作聯席會議制度，統籌協調重大事項。", "市商務局", "市港澳事務局", "2021年6月底前"),
        ]),
    ]
    lines = [
        "來源：南灣市人民政府網站　　發佈日期：2021-05-20　　瀏覽次數：326",
        "",
        "南灣市人民政府辦公室關於印發南灣市深化與港澳",
        "服務業合作若干措施任務分工方案的通知",
        "南府辦〔2021〕23號",
        "",
        "各區人民政府，市政府各部門、各直屬機構：",
        "",
        "為貫徹落實《南灣市深化與港澳服務業合作的若干措施》（南府〔2021〕8號），經市人民政府同意，現將《南灣市深化與港澳服務業合作若干措施任務分工方案》印發給你們，請認真組織實施。實施中遇到的問題，請徑向市商務局反映。",
        "",
        "附件：南灣市深化與港澳服務業合作若干措施任務分工方案",
        "",
        "南灣市人民政府辦公室",
        "2021年5月18日",
        "",
        "（此件公開發布）",
        "",
        "附件",
        "",
        "南灣市深化與港澳服務業合作若干措施任務分工方案",
        "",
        "為確保各項措施落地見效，現將任務分工如下：",
    ]
    rows: list[list[object]] = [["序號", "具體落實舉措", "完成時限", "責任單位"]]
    for title, measures in parts:
        lines.append(title)
        for no, text, lead, support, deadline in measures:
            if support:
                ann = f"（{lead}牽頭，{support}按職責分工負責）"
            else:
                ann = f"（{lead}負責）"
            lines.append(f"（{no}）{text}{ann}")
            units = f"{lead}、{support}" if support else lead
            if no == "6":  # planted alias: the table abbreviates
                units = "市人社局"
            if no == "11":  # planted units-mismatch: the table adds a unit
                units = "市住房城鄉建設局、市自然資源局、市稅務局"
            rows.append([no, text, deadline, units])
    return Sample(
        "family-hk-republished-trad", "txt", lines,
        "南灣市深化與港澳服務業合作若干措施任務分工表", rows,
    )


# ---------------------------------------------------------------------------
# family-district-renewal.docx
#   parts 1、 ; measures 1. by Word automatic numbering (w:numPr) ; （1） nested under 3.
#   （牵头单位：A，责任单位：B） / （责任单位：A、B） / （A、B按职责分工负责) ;
#   half-width punctuation in some annotations ; shared suffix 东门、西关、南塘街道办事处
#   table 序号/具体落实举措/牵头单位/参与单位/时限 ; 序号 3 vMerged over 3 rows
#   planted: 12 missing in prose ; repeated term in 3-2 (both sides)


def district() -> Sample:
    STREETS = "东门、西关、南塘街道办事处"
    outline: list[tuple[str, object]] = [
        ("1、 摸清底数，科学编制计划", None),
        ("1", ("开展全区老旧小区现状调查，建立改造项目库。", f"（牵头单位：区住建局，责任单位：{STREETS}）", "区住建局", STREETS, "2021年6月底前")),
        ("2", ("编制2021年度老旧小区改造计划，明确改造内容和资金来源。", "（牵头单位：区住建局，责任单位：区发改局、区财政局）", "区住建局", "区发改局、区财政局", "2021年6月底前")),
        ("3", ("分类确定改造内容：", None, None, None, None)),
        ("（1）", ("基础类改造，重点解决供水、排水、供电、道路、消防等设施老化问题。", "(牵头单位:区住建局,责任单位:区水务局、国网柳川供电公司)", "区住建局", "区水务局、国网柳川供电公司", "2021年年底前")),
        ("（2）", ("完善类改造，因地制宜增设电梯、停车位、停车位、充电桩等设施。", "（牵头单位：区住建局，责任单位：区市场监管局、区规划分局）", "区住建局", "区市场监管局、区规划分局", "2021年年底前")),
        ("（3）", ("提升类改造，统筹建设养老、托育、助餐等社区服务设施。", "（区民政局、区卫生健康局按职责分工负责）", "", "区民政局、区卫生健康局", "2021年年底前")),
        ("2、 多方筹措，保障改造资金", None),
        ("4", ("积极争取中央和省级补助资金，足额安排区级配套资金。", "（牵头单位：区财政局，责任单位：区发改局、区住建局）", "区财政局", "区发改局、区住建局", "持续推进")),
        ("5", ("引导居民按照“谁受益、谁出资”原则合理分担改造费用。", f"（责任单位：{STREETS}）", "", STREETS, "持续推进")),
        ("6", ("鼓励社会资本参与改造运营，探索“改造+运营”模式。", "(牵头单位：区发改局，责任单位：区住建局、区财政局)", "区发改局", "区住建局、区财政局", "2021年")),
        ("3、 规范建设，强化质量监管", None),
        ("7", ("严格落实工程质量安全责任制，加强施工现场监督检查。", "（牵头单位：区住建局，责任单位：区城管局、区消防救援大队）", "区住建局", "区城管局、区消防救援大队", "长期坚持")),
        ("8", ("简化审批流程，对不涉及用地、规划调整的改造项目免予办理用地规划许可。", "（牵头单位：区行政审批局，责任单位：区规划分局、区住建局）", "区行政审批局", "区规划分局、区住建局", "2021年6月底前")),
        ("9", ("建立改造项目竣工联合验收机制。", "(牵头单位:区住建局;责任单位:区规划分局、区消防救援大队、区城管局)", "区住建局", "区规划分局、区消防救援大队、区城管局", "2021年")),
        ("4、 健全机制，巩固改造成效", None),
        ("10", ("推动改造后小区建立长效管理机制，引入专业化物业服务。", f"（牵头单位：区住建局，责任单位：{STREETS}）", "区住建局", STREETS, "持续推进")),
        ("11", ("建立改造工作定期调度和通报制度，每季度通报各街道改造进度。", "（牵头单位：区住建局，责任单位：区政府督查室）", "区住建局", "区政府督查室", "每季度")),
    ]
    lines = [
        "柳川区人民政府办公室文件",
        "柳川府办发〔2021〕31号",
        "",
        "柳川区人民政府办公室关于印发柳川区2021年",
        "老旧小区改造工作任务分工方案的通知",
        "",
        "各街道办事处，区政府各部门：",
        "",
        "经区政府同意，现将《柳川区2021年老旧小区改造工作任务分工方案》印发给你们，请按照职责分工，认真抓好落实。",
        "",
        "附件：柳川区2021年老旧小区改造工作任务分工方案",
        "",
        "柳川区人民政府办公室",
        "2021年3月30日",
        "",
        "（此件主动公开）",
        "",
        "附件",
        "",
        "柳川区2021年老旧小区改造工作任务分工方案",
        "",
        "为扎实推进老旧小区改造工作，改善居民居住条件，结合我区实际，制定本分工方案。",
    ]
    autonum: set[int] = set()
    rows: list[list[object]] = [["序号", "具体落实举措", "牵头单位", "参与单位", "时限"]]
    prev: list[object] | None = None
    for written, m in outline:
        if m is None:
            lines.append(str(written))
            continue
        text, ann, lead, support, deadline = m  # type: ignore[misc]
        if written.isdigit():
            autonum.add(len(lines))  # Word writes "N." in front: not in the text
            lines.append(f"{text}{ann}" if ann else text)
        else:
            lines.append(f"{written}{text}{ann}")
        if ann is None:
            continue  # the lead-in of 3 is not a row of its own
        no: object = written if written.isdigit() else ("3" if written == "（1）" else MERGE)
        row: list[object] = [no, text, lead, support, deadline]
        if prev is not None:
            for c in (2, 4):  # equal lead / deadline cells are merged by the clerk
                if row[c] and row[c] == prev[c] and row[c] in ("区住建局", "2021年年底前", "持续推进", "2021年6月底前"):
                    row[c] = MERGE
        # keep the real values for the next comparison
        prev_real = [no, text, lead, support, deadline]
        rows.append(row)
        prev = prev_real
    # planted: a measure only the table has
    rows.append(["12", "将老旧小区改造工作纳入街道年度绩效考核。", "区政府督查室", STREETS, "2021年年底前"])
    return Sample(
        "family-district-renewal", "docx", lines,
        "柳川区2021年老旧小区改造工作任务分工表", rows, autonum,
    )


# ---------------------------------------------------------------------------
# family-city-sci-tech-table-only.txt : table only (no prose list)
#   table 序号/主要内容/时间节点/牵头单位/协办单位 ; section rows of one cell ;
#   merged 牵头单位 and 时间节点 ; shared suffix 高新区、经开区管委会
#   planted: duplicate-text (10 repeats 9)


def table_only() -> Sample:
    lines = [
        "江岭市科学技术局文件",
        "江科发〔2021〕6号",
        "",
        "江岭市科学技术局关于印发《2021年全市科技创新",
        "工作要点任务分工》的通知",
        "",
        "各区县科技主管部门，局机关各处室、各直属单位：",
        "",
        "现将《2021年全市科技创新工作要点任务分工》印发给你们，请各牵头单位会同协办单位制定具体推进计划，确保按时完成。",
        "",
        "附件：2021年全市科技创新工作要点任务分工",
        "",
        "江岭市科学技术局",
        "2021年1月29日",
        "",
        "（此件主动公开）",
        "",
        "附件",
        "",
        "2021年全市科技创新工作要点任务分工",
    ]
    M = MERGE
    rows: list[list[object]] = [
        ["序号", "主要内容", "时间节点", "牵头单位", "协办单位"],
        ["一、提升创新平台能级"],
        ["1", "推进省级重点实验室、工程技术研究中心建设，新认定省级以上创新平台10家以上。", "2021年年底前", "规划与平台处", "高新技术处、社会发展科技处"],
        ["2", "支持高新区、经开区建设科技企业孵化器和众创空间。", "持续推进", M, "高新区、经开区管委会"],
        ["3", "推动新型研发机构备案和绩效评价工作。", "2021年6月底前", M, "政策法规处"],
        ["二、培育壮大创新主体"],
        ["4", "开展高新技术企业培育，全年新增高新技术企业80家以上。", "2021年年底前", "高新技术处", "各区县科技主管部门"],
        ["5", "组织科技型中小企业评价入库工作，每季度通报入库进度。", "每季度", M, "各区县科技主管部门、市生产力促进中心"],
        ["6", "落实企业研发费用加计扣除等普惠性政策，开展政策宣讲。", "持续推进", "政策法规处", "市税务局、高新技术处"],
        ["三、加强科技成果转化"],
        ["7", "建设市级技术转移服务平台，培育技术经纪人队伍。", "2021年", "成果转化处", "市生产力促进中心"],
        ["8", "举办科技成果对接活动，推动高校院所科技成果在本市转化。", "每季度", M, "各区县科技主管部门"],
        ["9", "开展农业科技特派员服务，推广农业新品种新技术。", "长期坚持", "农村科技处", "各区县科技主管部门"],
        ["10", "开展农业科技特派员服务，推广农业新品种新技术。", M, "社会发展科技处", "各区县科技主管部门"],
        ["四、优化创新生态"],
        ["11", "完善科技金融服务体系，扩大科技型企业贷款风险补偿规模。", "持续推进", "科技金融与监督处", "市财政局"],
        ["12", "引进海外高层次人才和外国专家，落实外国人来华工作许可“不见面”审批。", "持续推进", "外国专家服务处", "各区县科技主管部门"],
        ["13", "加强科研诚信建设，开展科技项目资金监督检查。", "2021年", "科技金融与监督处", "办公室"],
        ["14", "开展全国科技活动周等科普活动。", "2021年6月底前", "政策法规处", "各区县科技主管部门、高新区、经开区管委会"],
    ]
    return Sample(
        "family-city-sci-tech-table-only", "txt", lines,
        "2021年全市科技创新工作要点任务分工表", rows,
    )


BUILDERS = [county, city, zone, traditional, district, table_only]


# ---------------------------------------------------------------------------
# Rendering: text


def render_txt(s: Sample) -> bytes:
    out = list(s.lines)
    if s.rows:
        out += ["", "\t" + (s.caption or ""), ""]
        for row in s.rows:
            out += ["\t" + ("" if c is MERGE else str(c)) for c in row]
            out.append("")
    out += s.tail
    text = "\n".join(out).rstrip("\n") + "\n"
    return text.encode("utf-8")


# ---------------------------------------------------------------------------
# Rendering: Word

BODY_FONT = "仿宋_GB2312"
HEAD_FONT = "宋体"


def render_docx(s: Sample) -> bytes:
    d = docxkit.new_document(
        BODY_FONT, 12, author="policy_parse tools/make_family_samples.py", title=s.stem
    )
    docxkit.a4(d.sections[0], landscape=False)
    for k, line in enumerate(s.lines):
        p = d.add_paragraph()
        if k in s.autonum:
            docxkit.number_paragraph(p, 1)
        if line:
            docxkit.add_text(p, line, BODY_FONT)
    if s.rows:
        docxkit.a4(d.add_section(WD_SECTION.NEW_PAGE), landscape=True)
        docxkit.add_text(d.add_paragraph(), s.caption or "", HEAD_FONT, 14)
        merged = {
            (r, c) for r, row in enumerate(s.rows) for c, v in enumerate(row) if v is MERGE
        }
        texts = [["" if v is MERGE else str(v) for v in row] for row in s.rows]
        docxkit.add_table(
            d, texts, merged, header_font=HEAD_FONT, body_font=HEAD_FONT, size_pt=10.5
        )
    for line in s.tail:
        docxkit.add_text(d.add_paragraph(), line, BODY_FONT)
    if s.autonum:
        docxkit.set_numbering(d, docxkit.decimal_numbering(20, 640))
    return docxkit.save(d)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare, do not write")
    args = ap.parse_args(argv)
    stale = 0
    for build in BUILDERS:
        s = build()
        data = render_txt(s) if s.fmt == "txt" else render_docx(s)
        path = SAMPLES / f"{s.stem}.{s.fmt}"
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                print(f"stale: {path.relative_to(ROOT)}", file=sys.stderr)
                stale += 1
            continue
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)}")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
