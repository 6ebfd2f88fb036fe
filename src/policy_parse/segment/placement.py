"""Where annotations sit in a measure, and the tasks they close.

segment.annotations reads an annotation's body; this module finds it: a label
line, bare units in brackets on a line of their own, a bracketed group at the
end of a paragraph or at a sentence boundary inside it, an unbracketed
labelled clause or role phrase after the last sentence (docs/formats.md).
"""

from __future__ import annotations

import attrs

from .._support.brackets import (
    ANY_BRACKET,
    GROUP,
    SENTENCE_MARKS,
    TASK_ENDS,
    group_ends,
    group_start,
    open_at_end,
)
from .._support.records import NamedTuple
from ..data import load
from .annotations import (
    CLOSERS,
    OPENERS,
    PAIR,
    Annotation,
    bare_units,
    has_colon,
    label_pattern,
    labelled,
    names_only_units,
    parse_annotation,
    parse_annotation_line,
    parse_phrase,
    plausible_units,
)
from .grammar import DEADLINE_ITEM, TRAILING_PAREN
from .notes import is_note_only


def split_trailing_annotation(text: str) -> tuple[str, Annotation | None]:
    """Measure text → (text without its final bracketed annotation, the annotation)."""
    stripped = text.rstrip().rstrip("。.").rstrip()
    if not stripped or stripped[-1] not in CLOSERS:
        return text, None
    start = group_start(stripped, len(stripped) - 1)
    if start is None:
        return text, None
    body = stripped[start + 1 : -1]
    if is_note_only(body):
        # …（A、B）（排名第一位的为牵头单位）: a PDF joined the footnote under
        # the list to the last measure; the annotation is the bracket before.
        before, ann = split_trailing_annotation(text[:start])
        if ann is None or not ann.names_units:
            return text, None
        return before, attrs.evolve(ann, written=f"{ann.written}\n{stripped[start:]}")
    due = _deadline_only(body)
    if due is not None:
        # …（牵头单位：A；责任单位：B）（2024年9月底前）: the deadline has a
        # bracket of its own after the annotation (specimen 35).
        before, ann = split_trailing_annotation(text[:start])
        if ann is None or not ann.names_units:
            return text, None
        return before, attrs.evolve(
            ann, written=f"{ann.written}\n{stripped[start:]}", deadline=ann.deadline or due
        )
    # …。（A、B） at the end: units with no role word are an annotation too.
    ann = parse_annotation(body) or bare_units(body)
    if ann is None:
        return text, None
    return text[:start].rstrip(), ann


def _deadline_only(body: str) -> str | None:
    """（2024年9月底前） / （长期坚持） / （完成时限：2024年底前）: a bracket that
    gives a deadline and names no unit or person."""
    value = body.strip().rstrip("。")
    if DEADLINE_ITEM.match(value):
        return value
    if not has_colon(value):
        return None
    first = parse_annotation_line(value)
    if first is None or first[0] != "deadline":
        return None  # most brackets here are annotations: read once, by the caller
    ann = labelled(value, line=True)
    if ann is None or ann.names_units or ann.leaders:
        return None
    return ann.deadline


def _bare_units(text: str) -> Annotation | None:
    """（A、B） alone on a line under a measure: units with no role word."""
    m = TRAILING_PAREN.fullmatch(text.strip())
    if m is None:
        return None
    if (phrase := parse_phrase(m["body"])) is not None and phrase.names_units:
        # （A、B、C等负责） under the body: a phrase, read as one (its marker
        # is no part of the last unit's name), as （A（牵头）、B） is.
        return attrs.evolve(phrase, written=text.strip())
    ann = bare_units(m["body"])
    return None if ann is None else attrs.evolve(ann, written=text.strip())


class Task(NamedTuple):
    """A stretch of a paragraph and the annotations that close it."""

    text: str
    annotations: tuple[Annotation, ...]


def split_tasks(text: str, *, own_line: bool) -> list[Task]:
    """One paragraph of a measure → its tasks, each ended by an annotation.

    Looked for, in order: a line that is an annotation alone
    (`_own_line_task`: a label line 牵头单位：A, label lines in brackets,
    bare units in brackets); a labelled annotation written before its task
    (（牵头单位：A）text); the annotation that closes the paragraph
    (`_closing_annotation`); and bracketed annotations standing at a
    sentence boundary inside it (`_tasks_inside`: …。（A负责）… or
    …（A负责）。…), each of which ends a task — a note inside it
    (〔A牵头，B参与。以下各项…不再列出〕, segment.notes) included: a note
    speaks for later annotations, it joins no tasks.
    """
    if own_line and (alone := _own_line_task(text)) is not None:
        return [alone]
    rest_after, leading = _split_leading_annotation(text)
    if leading is not None:
        # （牵头单位：A）text: the annotation written before the task it closes.
        first, *more = split_tasks(rest_after, own_line=False)
        return [first._replace(annotations=(leading, *first.annotations)), *more]
    body, trailing = _closing_annotation(text, own_line=own_line)
    tasks, rest = _tasks_inside(body)
    last = [trailing] if trailing else []
    if rest or not tasks:
        tasks.append(Task(text=rest, annotations=tuple(last)))
    elif last:
        tasks[-1] = tasks[-1]._replace(annotations=(*tasks[-1].annotations, *last))
    return [_labelled_within(t) for t in tasks]


def _labelled_within(task: Task) -> Task:
    """推进甲（牵头单位：A），完成乙（配合单位：B）。: a labelled group inside a
    sentence (a role label and a colon: never the measure's own words), or a
    role phrase naming only units (（A负责）), is
    part of its task's annotation, not of its text — left in the text, its
    units were lost with nothing said.  It ends no task: no sentence ends
    at it."""
    text = task.text
    found: list[Annotation] = []
    ends = group_ends(text)
    kept: list[str] = []
    pos = 0
    for k in sorted(ends):
        if k < pos:
            continue
        body = text[k + 1 : ends[k]]
        if has_colon(body) and label_pattern().match(body.strip()):
            ann = parse_annotation(body)
        else:
            # 开展甲（县乙中心负责），每季度…: a role phrase whose every unit
            # ends like one (所需资金由企业自主负责 ends like none).
            ann = parse_phrase(body.strip())
            if ann is not None and not names_only_units([*ann.lead, *ann.support]):
                ann = None
        if ann is None or not ann.names_units or not _plausible_all(ann):
            continue
        kept.append(text[pos:k])
        found.append(attrs.evolve(ann, written=text[k : ends[k] + 1]))
        pos = ends[k] + 1
    if not found:
        return task
    kept.append(text[pos:])
    return Task(text="".join(kept).strip(), annotations=(*found, *task.annotations))


def _own_line_task(text: str) -> Task | None:
    """A line under the measure that is an annotation and nothing else."""
    whole = parse_annotation(text, line=True)
    if whole is not None and label_pattern().match(text.strip()):
        return Task(text="", annotations=(attrs.evolve(whole, written=text.strip()),))
    inner = TRAILING_PAREN.fullmatch(text.strip())
    if inner is not None and label_pattern().match(inner["body"].strip()):
        # （牵头单位：A；配合单位：B） or （完成时限：2022年底前） alone on its
        # line: label lines in brackets, read before bare units could
        # take 牵头单位：A for a unit's name.
        whole = parse_annotation(inner["body"], line=True)
        if whole is not None:
            return Task(text="", annotations=(attrs.evolve(whole, written=text.strip()),))
    if (bare := _bare_units(text)) is not None:
        return Task(text="", annotations=(bare,))
    return None


def _closing_annotation(text: str, *, own_line: bool) -> tuple[str, Annotation | None]:
    """The paragraph's closing annotation, the first of: a bracketed one at
    its end, an unbracketed labelled clause after its last sentence
    (…。责任单位：X、Y。), an unbracketed role phrase as its last sentence."""
    body, trailing = split_trailing_annotation(text)
    if trailing is None:
        body, trailing = dash_tail(body)
    if trailing is None:
        body, trailing = unbracketed_tail(body)
    if trailing is None:
        body, trailing = _unbracketed_phrase(body, own_line=own_line)
    return body, trailing


def _tasks_inside(body: str) -> tuple[list[Task], str]:
    """The tasks ended by annotations at sentence boundaries inside `body`,
    and the text after the last of them."""
    tasks: list[Task] = []
    pieces: list[str] = []
    ends = group_ends(body)
    pos = 0
    # Only bracket openings can end a task: visit them in order, skipping
    # those inside a stretch already taken (cheaper than every character).
    for k in sorted(ends):
        if k < pos:
            continue
        end = ends[k]
        after = body[end + 1 : end + 2]
        if _ends_sentence_before(body, k) or (after != "" and after in TASK_ENDS):
            ann = parse_annotation(body[k + 1 : end])
            if ann is not None and ann.names_units and _plausible_all(ann):
                pieces.append(body[pos:k])
                tasks.append(Task(text="".join(pieces).strip(), annotations=(ann,)))
                pieces = []
                pos = end + 1
                while pos < len(body) and body[pos] in TASK_ENDS:
                    pos += 1
    pieces.append(body[pos:])
    return tasks, "".join(pieces).strip()


def split_paragraph_annotation(text: str, *, own_line: bool) -> tuple[str, list[Annotation]]:
    """One paragraph → (its text, every annotation it carries): its tasks merged."""
    tasks = split_tasks(text, own_line=own_line)
    texts = [t.text for t in tasks if t.text]
    return "".join(texts), [a for t in tasks for a in t.annotations]


_TAG_OPENERS = "【〔［〖"  # a tag's brackets, never a sentence's


def _role_words_in(body: str) -> bool:
    """【牵头单位】: a label in a tag's bracket, no unit (its value follows)."""
    roles = load("annotations")["roles"]
    return any(map(body.__contains__, (*roles["lead"], *roles["support"], *roles["bare"])))


def _split_leading_annotation(text: str) -> tuple[str, Annotation | None]:
    """（牵头单位：A）text → (text, the annotation).  Only a labelled group
    (a role label first) followed by text: a leading （含…） or bare units
    could be the measure's own words."""
    stripped = text.lstrip()
    if not stripped or stripped[0] not in OPENERS:
        return text, None
    end = group_ends(stripped).get(0)
    if end is None or PAIR.get(stripped[end]) != stripped[0] and stripped[0] not in "（(":
        return text, None
    body, rest = stripped[1:end], stripped[end + 1 :].strip()
    if not rest:
        return text, None
    if label_pattern().match(body.strip()):
        ann = parse_annotation(body)
    else:
        # 【A牵头，B配合】text: a role phrase whose units all end like units.
        ann = parse_phrase(body.strip())
        if ann is not None and not names_only_units([*ann.lead, *ann.support]):
            ann = None
        if ann is None and stripped[0] in _TAG_OPENERS and not _role_words_in(body):
            # 【县甲局、县乙局】text: units alone in a tag's square bracket (a
            # round one could be the text's own words: （含…）).
            bare = bare_units(body)
            if bare is not None and names_only_units([*bare.lead, *bare.support]):
                ann = bare
    if ann is None or not ann.names_units or not _plausible_all(ann):
        return text, None
    return rest, attrs.evolve(ann, written=stripped[: end + 1])


def unbracketed_tail(text: str) -> tuple[str, Annotation | None]:
    """…。责任单位：X、Y。 → the text before, and the annotation.  A comma
    may stand before the label too (…，责任单位：X、Y。): the label's list
    must then run to the paragraph's end and name units."""
    if not has_colon(text):
        return text, None
    for m in label_pattern().finditer(text):
        before = text[: m.start()].rstrip()
        if before and not before.endswith(("。", "；", ";", "！", "？", "，", ",")):
            continue
        if open_at_end(before):
            continue  # （牵头领导：X；牵头单位：A）…: the label is inside a bracket
        tail = labelled(text[m.start() :], line=False)
        if tail is not None and tail.names_units and _plausible_all(tail):
            return before, attrs.evolve(tail, written=text[m.start() :].strip())
    return text, None


def dash_tail(text: str) -> tuple[str, Annotation | None]:
    """…。——A牵头，B配合 / …——牵头单位：A → the text before the dash,
    and the annotation after it: a run of two or more dashes (data/
    annotations.toml [dash]) whose tail is one clause list naming units — a
    label or a role phrase.  Units alone (…——A) are left in the text: whether
    they lead or support is a guess no word supports (a finding says no unit
    was read)."""
    marks = "".join(load("annotations")["dash"]["marks"])
    body = text.rstrip().rstrip("。.；;").rstrip()
    end = len(body)
    while end > 0 and body[end - 1] not in marks:
        end -= 1
    start = end
    while start > 0 and body[start - 1] in marks:
        start -= 1
    if end == 0 or end - start < 2 and body[start] not in "—":
        return text, None  # no dash, or a lone hyphen (a range, a code)
    tail = body[end:].strip()
    if not tail or any(c in "。！？" for c in tail):
        return text, None
    ann = parse_annotation(tail)
    if ann is None or not ann.names_units or not _plausible_all(ann):
        return text, None
    if labelled(tail, line=False) is None and not any(
        names_only_units([u]) for u in (*ann.lead, *ann.support)
    ):
        return text, None  # no label: some unit must end like one (各街道 need not)
    return body[:start].rstrip(), attrs.evolve(ann, written=body[start:].strip())


def _unbracketed_phrase(text: str, *, own_line: bool) -> tuple[str, Annotation | None]:
    """…。市教育局牵头，市财政局配合。 → the text before, and the annotation.

    Only the paragraph's last sentence (or a line of its own under the
    measure), only when every clause ends in a role marker (parse_phrase) and
    every item ends like a unit: 支持龙头企业牵头组建联合体 names no unit."""
    body = text.rstrip().rstrip("。.").rstrip()
    cut = max(body.rfind(c) for c in SENTENCE_MARKS)
    if cut < 0 and not own_line:
        return text, None
    tail = body[cut + 1 :].strip()
    if not tail or (ANY_BRACKET.search(tail) and not _brackets_in_names(tail)):
        return text, None
    ann = parse_phrase(tail)
    if ann is None or not ann.names_units or not _plausible_all(ann):
        return text, None
    if not names_only_units([*ann.lead, *ann.support]):
        return text, None
    return text[: cut + 1].rstrip(), attrs.evolve(ann, written=text[cut + 1 :].strip())


def _brackets_in_names(tail: str) -> bool:
    """各乡镇（街道）负责 / 县委组织部（县委人才办）牵头: every bracket closes a
    name (its body no role word), so the clause is still units and markers."""
    roles = load("annotations")["roles"]
    words = (*roles["lead"], *roles["support"], *roles["bare"])
    groups = list(GROUP.finditer(tail))
    if not groups or ANY_BRACKET.search(GROUP.sub("", tail)):
        return False  # a bracket left open, or nested
    return all(m["body"] and not any(w in m["body"] for w in words) for m in groups)


def _plausible_all(ann: Annotation) -> bool:
    return all(plausible_units(u) for u in (*ann.lead, *ann.support))


def _ends_sentence_before(text: str, k: int) -> bool:
    j = k - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j >= 0 and text[j] in TASK_ENDS
