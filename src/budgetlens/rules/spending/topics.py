"""Where the 情况说明 speaks of 三公, 机关运行经费, 政府采购, 国有资产 and 绩效.

Templates put each topic under its own heading (``九、财政拨款“三公”经费支出决算情况说明``) or open a
paragraph with it (``（四）政府采购情况：2024年…``) inside a catch-all section (其他重要事项). A
topic's sentences are those of its sections plus the paragraphs that open with it, never the 名词解释,
whose definitions state no figures of the unit.
"""

from __future__ import annotations

from dataclasses import dataclass

from budgetlens.model import Document, Paragraph
from budgetlens.rules.narrative.figures import Sentence, fold, sections
from budgetlens.rules.per_check import per_check

# Topic → words naming it in a heading or at the start of a paragraph.
TOPICS: dict[str, tuple[str, ...]] = {
    "三公": ("三公",),
    "机关运行经费": ("机关运行经费", "运行经费", "行政经费"),
    "政府采购": ("政府采购",),
    "国有资产": ("国有资产占", "资产占用", "资产占有", "国有资产使用", "国有资产情况"),
    "绩效": ("绩效",),
}
GLOSSARY = "名词解释"
_OPENING = 30  # a paragraph "opens with" a topic when the word is among its first characters
# Headings that show a document has a narrative at all (a 报表-only file has none of them).
_NARRATIVE_HEADINGS = ("说明", "概况", "职能", "职责")


@dataclass(frozen=True)
class TopicSentence:
    sentence: Sentence
    index: int  # position in its section
    section: list[Sentence]


def has_narrative(document: Document) -> bool:
    return any(word in fold(s.heading) for s in document.narrative for word in _NARRATIVE_HEADINGS)


def _opens_with(paragraph: Paragraph, words: tuple[str, ...]) -> bool:
    start = fold(paragraph.text)[:_OPENING]
    return any(word in start for word in words)


@per_check
def topic_sentences(document: Document, topic: str) -> list[TopicSentence]:
    """The sentences about ``topic``, in document order."""
    words = TOPICS[topic]
    found: list[TopicSentence] = []
    for section in sections(document):
        current: Paragraph | None = None
        inside = False
        for index, sentence in enumerate(section):
            if GLOSSARY in sentence.headings:
                break
            if sentence.paragraph is not current:
                current = sentence.paragraph
                inside = _in_topic(sentence, words, inside)
            if inside:
                found.append(TopicSentence(sentence, index, section))
    return found


def _in_topic(sentence: Sentence, words: tuple[str, ...], before: bool) -> bool:
    """A paragraph is in the topic when its section's heading (or an enclosing one) names it or it opens
    with it; a paragraph that opens with another topic's word ends a run, any other one continues it."""
    if any(word in sentence.headings for word in words):
        return True
    if _opens_with(sentence.paragraph, words):
        return True
    others = [w for t in TOPICS.values() if t != words for w in t]
    return before and not _opens_with(sentence.paragraph, tuple(others)) and not _numbered(sentence)


def _numbered(sentence: Sentence) -> bool:
    """Whether the paragraph starts a new numbered point (``（五）``), which starts another topic."""
    text = fold(sentence.paragraph.text).lstrip()
    return text.startswith("(") and ")" in text[:6]


def present(document: Document, topic: str) -> bool:
    """Whether a heading or an opening paragraph outside the 名词解释 names the topic."""
    words = TOPICS[topic]
    for section_sentences, section in zip(sections(document), document.narrative, strict=True):
        heading = fold(section.heading)
        if GLOSSARY in heading:
            continue
        if section_sentences and GLOSSARY in section_sentences[0].headings:
            continue
        if any(word in heading for word in words):
            return True
        if any(_opens_with(p, words) for p in section.paragraphs):
            return True
    return False
