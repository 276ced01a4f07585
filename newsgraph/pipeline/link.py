"""Link stage (within a document): find the names in a parsed text and group them into entities.

"Defense Secretary James Mattis", "Jim Mattis" and "Mattis'" become one PERSON entity with the
title "Defense Secretary"; "U.S. Central Command" and "CENTCOM" one ORG. A surname joins a full
name only when exactly one full name in the document has it; otherwise it stays its own entity,
marked ambiguous. The entity's type is a vote over its mentions, so a surname that the model
tagged ORG or NORP still ends in the PERSON it belongs to.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsgraph.lexicon import Lexicon, data_lines, default_lexicon
from newsgraph.models import Entity, Mention
from newsgraph.names import (
    PATRONYMIC_PARTICLES,
    PersonName,
    abbreviated_name,
    abbreviates,
    fold,
    given_names_compatible,
    head_word,
    is_acronym,
    is_given_name,
    name_abbreviations,
    name_kind,
    name_kinds,
    org_key,
    parse_person,
    person_gender,
    short_forms,
    surname_fold,
    surname_last_word,
    surname_spelling,
)
from newsgraph.pipeline.nlp import abbreviated_titles, source_text

# Labels whose spans may be entities. NORP ("Russian") joins a person or stays out of the graph.
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
# Labels a lone surname may carry when the small model mis-tags a person.
PERSON_MISTAGS = {"ORG", "NORP", "FAC", "PERSON", "PRODUCT", "WORK_OF_ART"}
PLACE_PREPOSITIONS = {"in", "at", "from", "to", "near", "of", "across", "into", "outside", "inside"}
# Verbs of saying written before their speaker: '"...," said Wang.'
SPEAKER_CUES = {"said", "says", "added", "asked"}
# Types that become graph nodes.
GRAPH_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
# Words of organization names that no person's name has ("Morgan Stanley Bank").
ORG_WORDS = {
    "bank",
    "group",
    "brothers",
    "bros",
    "sons",
    "press",
    "times",
    "post",
    "news",
    "media",
    "capital",
    "energy",
    "airlines",
    "motors",
    "studios",
    "entertainment",
    "productions",
    "pictures",
    "magazine",
    "journal",
    "tribune",
    "herald",
    "club",
    "united",
    "city",
    "town",
    "fc",
    "band",
    "orchestra",
    "choir",
    "quartet",
    "trio",
}
_FUNCTION_WORDS = {"of", "the", "for", "and", "to"}
AGENT_SUFFIXES = ("er", "or", "ist", "ian")  # screenwriter, actor, novelist, politician
_POSSESSIVE = {"'s", "’s", "'", "’", "s'", "s’"}
_STRIP_EDGE = set("\"“”‘’'«»()[]{},;:.!?—–-")


@dataclass
class Candidate:
    """A cleaned name span in one parsed piece of the document."""

    chunk: int
    start: int  # token indices in the piece's Doc, after cleaning
    end: int
    label: str
    name: str
    sentence: int
    char_start: int
    char_end: int
    titles: list[str] = field(default_factory=list)
    title_core: str = ""
    title_qualified: bool = False  # "French President": a nationality narrows the office
    title_nation: str = ""  # the country of that nationality: "france"
    person: PersonName | None = None
    entity: int = -1
    description: bool = False
    subject: bool = False
    prev_word: str = ""  # the word before the name, lower case ("in" Paris)
    after_noun: bool = False  # a common noun just before: "the actor Sreenivasan" introduces
    # The name's own script written after it: "Osaka Bay (大阪湾)" holds the char_start of
    # "Osaka Bay"; -1 for every other candidate.
    script_of: int = -1

    @property
    def key(self) -> str:
        key = org_key(self.name)
        # "Government of Sudan", "the Sudanese government", "Sudan's government": one body
        return (_government_key(key) or key) if self.label == "ORG" else key


def _government_key(key: str) -> str:
    from newsgraph.pipeline.corpus import government_key  # corpus imports this module

    return government_key(key)


def _agent_noun(token: Token) -> bool:
    """A common noun, such as a role, written before a name: "the actor and screenwriter X".
    The small model tags some agent nouns as base verbs ("screenwriter")."""
    if token.pos_ == "NOUN":
        return True
    return token.tag_ == "VB" and token.is_lower and token.text.endswith(AGENT_SUFFIXES)


def boilerplate_ranges(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Character ranges of paragraphs (lines) that match a boilerplate pattern."""
    ranges = []
    offset = 0
    for line in text.split("\n"):
        matches = [m for p in lexicon.boilerplate if (m := p.search(line))] if line.strip() else []
        if matches:
            # "... before their meeting in Brasilia. (AP Photo/Eraldo Peres)": only the credit
            # in parentheses at the end of a caption is boilerplate, not the caption
            credit = _TRAILING_PARENTHESES.search(line)
            if credit and all(m.start() >= credit.start() for m in matches):
                ranges.append((offset + credit.start(), offset + len(line)))
            else:
                ranges.append((offset, offset + len(line)))
        offset += len(line) + 1
    return ranges


_TRAILING_PARENTHESES = re.compile(r"\([^()]*\)\s*$")


def in_ranges(pos: int, ranges: list[tuple[int, int]] | None) -> bool:
    """Is the character position inside one of the (start, end) ranges (boilerplate to skip)?"""
    return any(a <= pos < b for a, b in ranges or ())


def _country_word(tok: Token) -> bool:
    """Is the token a country's name, however the model tagged it? Capitalised only: "the
    island" folds to Ísland."""
    return tok.text[:1].isupper() and org_key(tok.text) in _country_names()


def _clean_span(span: Span) -> tuple[int, int] | None:
    """Token bounds of a span without leading articles/punctuation or trailing possessives."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].lower_ in ("the", "a", "an")
        or doc[start].text in _STRIP_EDGE
        or doc[start].text in _POSSESSIVE  # "Prime Minister[’s Hitto]’s plan"
    ):
        start += 1
    while end > start and (
        doc[end - 1].text in _POSSESSIVE
        or doc[end - 1].text in _STRIP_EDGE
        # "[Narendra Modi to] Downing Street": a function word the model ran the name into
        or (doc[end - 1].is_lower and doc[end - 1].pos_ in ("ADP", "CCONJ", "DET", "PART"))
    ):
        end -= 1
    # "[Algoney Hamdan Daglo Musa] (Algoney)": a bracket a person's span opens but never
    # closes ends the name; what follows is a short form the text defines. (A body's span
    # "Council on Foreign Relations (CFR" is split where candidates are found.)
    if span.label_ == "PERSON":
        opened = [i for i in range(start + 1, end) if doc[i].text in ("(", "[")]
        if opened and not any(t.text in (")", "]") for t in doc[opened[0] + 1 : end]):
            end = opened[0]
    # "Ambassador to [Burma Andrew Heyn]": the office's country run into a person's name (a
    # body's span is cut where titled names are found)
    if (
        span.label_ == "PERSON"
        and end - start >= 3
        and start > 1
        and doc[start - 1].lower_ in ("to", "of", "for")
        and doc[start - 2].is_title
        and _country_word(doc[start])
        and _person_like(doc[start + 1 : end].text, known_given=False)
    ):
        start += 1
    # "Mattis’" can be tokenised as one token ending in an apostrophe.
    if end <= start:
        return None
    return start, end


# Titles whose "to" names the person served, not a place of office: "Adviser to X"
_PRINCIPAL_ROLES = {"adviser", "advisor", "aide", "assistant", "counselor", "counsellor"}


def _title_before(doc: Doc, start: int, head_ids: set[int], lexicon: Lexicon) -> list[Token]:
    """Title words written before a name and attached to it: 'Defense Secretary', 'Lt. General'."""
    tokens: list[Token] = []
    i = start - 1
    attached = set(head_ids)
    while i >= 0:
        tok = doc[i]
        hyphen = tok.text in ("-", "‐") and not tok.whitespace_  # "Vice-President"
        if hyphen and i >= 1 and lexicon.is_title(doc[i - 1].text) and not doc[i - 1].whitespace_:
            # The parser may hang "Vice" and "-" anywhere; the spelling joins them.
            tokens.append(doc[i - 1])
            attached.update({i, i - 1})
            i -= 2
            continue
        if (
            tok.dep_ in ("compound", "amod", "nmod", "punct")
            and (tok.head.i in attached or tok.head.i >= start)
            and (
                lexicon.is_title(tok.text)
                or tok.lower_ in lexicon.title_modifiers
                or tok.ent_type_ in ("NORP", "GPE", "ORG")
                or _country_word(tok)  # "[Burma] Andrew Heyn" tagged PERSON
                or hyphen
            )
        ):
            if tok.dep_ != "punct" and not hyphen:
                tokens.append(tok)
            attached.add(tok.i)
            i -= 1
            continue
        if (
            lexicon.is_title(tok.text)
            and tok.is_title
            and any(doc[h].dep_ == "appos" and doc[h].head.i == i for h in attached)
            and not any(t.is_punct for t in doc[i + 1 : start])
        ):
            # "Homeland Security Advisor Dr. Liz Sherwood-Randall": the parser made the title
            # the head and the name its apposition, with no comma between them
            tokens.append(tok)
            attached.add(tok.i)
            i -= 1
            continue
        if (
            tok.lower_ in ("of", "for", "to")
            # "Adviser to [Kazakhstan] Nursultan Nazarbayev": an adviser's "to" names a principal
            and not (tok.lower_ == "to" and i >= 1 and doc[i - 1].lower_ in _PRINCIPAL_ROLES)
            and tokens
            and all(t.ent_type_ in ("GPE", "LOC") or _country_word(t) for t in tokens)
            and i >= 1
            and doc[i - 1].is_title
            and lexicon.is_title(doc[i - 1].text)
        ):
            # "Minister for [Afghanistan] Alistair Burt", "Ambassador to [Kenya] Kyle
            # McCarter": the place the parser hung on the name ends an office
            tokens.extend([tok, doc[i - 1]])
            attached.update({i, i - 1})
            i -= 2
            continue
        of = _office_of(doc, i, lexicon)
        if of and all(t.lower_ in TITLE_NOISE for t in tokens):
            # "Deputy Secretary of State Wendy Sherman", "the Minister for Europe Sir Alan
            # Duncan": the office's own of- or for-phrase, before any honorific (which is
            # no part of the office)
            tokens = list(reversed(doc[of - 1 : i + 1]))
            attached.update(range(of - 1, i + 1))
            i = of - 2
            continue
        break
    if (
        tokens
        and not any(lexicon.is_title(t.text) for t in tokens)
        and doc[start - 1].text in office_domains()
    ):
        # "Assistant to the President for Homeland Security and [Counterterrorism] Lisa
        # Monaco": a domain's last word (tagged NORP) is no title; the whole office is
        return _office_run_before(doc, start, lexicon)
    if tokens:
        # "Senior Advisor to the President Jared Kushner": that title names his principal
        # (not "spokesman for U.N. Secretary-General Antonio Guterres", his own office).
        i = tokens[-1].i - 1
        if i >= 1 and doc[i].lower_ == "the":
            i -= 1
            if doc[i].lower_ in ("to", "for") and doc[i].pos_ == "ADP":
                return []
    return list(reversed(tokens))


def _office_of(doc: Doc, end: int, lexicon: Lexicon) -> int:
    """Where the "of" of an office's name ending at token `end` stands ("Secretary of State",
    "Minister of Foreign Affairs", "Speaker of the Mongolian Parliament"): a title word, "of",
    then at most four capitalised words (or "the", "and", "&"); or "for" and a place or a
    department ("Minister for Europe"); 0 if none."""
    for j in range(end, max(end - 5, 0), -1):
        if doc[j].lower_ in ("of", "for"):
            words = doc[j + 1 : end + 1]
            if (
                words
                and lexicon.is_title(doc[j - 1].text)
                and doc[j - 1].is_title
                and words[-1].is_title
                and all(t.is_title or t.lower_ in ("the", "and", "&") for t in words)
                # "Minister for Europe": a place or a department after "for" (not "spokesman
                # for U.N. Secretary-General Antonio Guterres", another's office)
                and (doc[j].lower_ == "of" or all(_department_or_place(t, lexicon) for t in words))
            ):
                return j
            return 0
    return 0


def _department_or_place(tok: Token, lexicon: Lexicon) -> bool:
    return (
        tok.ent_type_ in ("GPE", "LOC", "NORP")
        or tok.lower_ in lexicon.title_modifiers
        or tok.lower_ in ("the", "and", "&", "affairs")
    )


PLACE_PREFIXES = {
    "old", "new", "upper", "lower", "north", "south", "east", "west", "northern", "southern",
    "eastern", "western", "central", "greater", "great", "little",
}  # fmt: skip
PLACE_SIDES = PLACE_PREFIXES - {"central", "greater", "great", "little"}  # not "Little Richard"
ORDINALS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
}  # fmt: skip


# "My" stays out: a Vietnamese given name ("My Linh Nguyen")
_POSSESSIVE_DETERMINERS = {"Our", "Your", "Their"}


def _place_kind_word(word: str) -> bool:
    """Is the word the kind of place that ends a place's name ("Province", "County",
    "Borough"; data/name_kinds.tsv)?"""
    kind = name_kinds().get(fold(word))
    return kind is not None and kind[0] == "GPE" and "last" in kind[1]


def _place_of_phrase_end(ent: Span) -> int:
    """Where "of" and the capitalised name after a place name ending in its kind of place
    end ("[the London Borough] of Hounslow", "[County] of Los Angeles"); 0 for any other name,
    where the name after "of" is tagged other than a place, or is a country's."""
    doc = ent.doc
    if (
        ent.label_ not in ("GPE", "ORG", "LOC")
        or not _place_kind_word(ent[-1].text)
        or ent.end + 1 >= len(doc)
        or doc[ent.end].lower_ != "of"
    ):
        return 0
    end = ent.end + 1
    while end < len(doc) and end - ent.end <= 3 and doc[end].pos_ == "PROPN" and doc[end].is_title:
        if doc[end].ent_type_ not in ("", "GPE", "LOC"):
            return 0
        end += 1
    # "Kotayk Province of Armenia": a province in a country, not one name
    if end == ent.end + 1 or org_key(doc[ent.end + 1 : end].text) in _country_names():
        return 0
    return end


def _department_of_end(ent: Span, nxt: Span | None) -> int:
    """Where the department's name after "[U.S. Department] of the [Treasury]" ends: a body's
    name ending in "Department" or "Ministry" and, after "of (the)", the next name of a body
    the model tagged apart; 0 otherwise."""
    doc = ent.doc
    if (
        nxt is None
        or ent.label_ != "ORG"
        or nxt.label_ != "ORG"
        or ent[-1].lower_ not in ("department", "ministry")
        # "[U.S. Department] of the [Treasury]"; not "the Justice Department of the Trump
        # administration", whose department is named already
        or not all(
            org_key(t.text) in _country_words() | {"us", "usa", "uk"} or t.lower_ == "the"
            for t in ent[:-1]
        )
        or ent.end >= len(doc)
        or doc[ent.end].lower_ != "of"
    ):
        return 0
    start = ent.end + 1 + (ent.end + 1 < len(doc) and doc[ent.end + 1].lower_ == "the")
    return nxt.end if nxt.start == start else 0


def _entity_spans(doc: Doc, lexicon: Lexicon) -> list[Span]:
    """The model's entity spans, mended where it cut a name: a person's name in two ("Robert
    Kingsbury" + "Huntington"; a given name tagged apart, "Rufus" + "Seaman Carter"), a place
    without its capitalised qualifier ("Old [Bohumín]"), a body without the ordinal that tells it
    from its namesake ("the second [Philippine Commission]")."""
    quoted = (
        _quoted_nickname_names(doc)
        + _untagged_titled_names(doc, lexicon)
        + _untagged_apposed_names(doc, lexicon)
    )
    taken = {t for span in quoted for t in range(span.start, span.end)}
    ents = [e for e in doc.ents if not taken & set(range(e.start, e.end))]
    out: list[Span] = list(quoted)
    i = 0
    while i < len(ents):
        ent = ents[i]
        if ent.label_ == "WORK_OF_ART" and _body_name(ent):
            out.append(Span(doc, ent.start, ent.end, label="ORG"))
            i += 1
            continue
        if ent.label_ in _NON_NAME_LABELS:
            # "Bahraini NSA H.E. Sheikh [Nasser bin Hamad Al Khalifa]" tagged a work of art: the
            # words after a person's title are the person's name
            titles = [t.i for t in ent if t.is_title and lexicon.is_title(t.text)]
            rest = doc[titles[-1] + 1 : ent.end] if titles else doc[0:0]
            if (
                len(rest) >= 2
                and rest[0].is_title
                and all(t.is_title or t.lower_ in _NAME_PARTICLES for t in rest)
            ):
                out.append(Span(doc, rest.start, rest.end, label="PERSON"))
                i += 1
                continue
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[0].text in _POSSESSIVE_DETERMINERS:
            # "Our Azerbaijan", "Our Ukraine": no one's name starts with "Our"; a bloc's does
            out.append(Span(doc, ent.start, ent.end, label="ORG"))
            i += 1
            continue
        of_end = _department_of_end(ent, ents[i + 1] if i + 1 < len(ents) else None)
        if of_end:
            # "the [U.S. Department] of the [Treasury]": one body
            out.append(Span(doc, ent.start, of_end, label="ORG"))
            i += 2
            continue
        of_end = _place_of_phrase_end(ent)
        if of_end:
            # "the [London Borough] of [Hounslow]" and "... of [Hillingdon]": a place's kind
            # and its of-phrase are one name, or every such borough would be one node
            out.append(Span(doc, ent.start, of_end, label="GPE"))
            i += 1
            while i < len(ents) and ents[i].start < of_end:
                i += 1
            continue
        inner = [t.i for t in ent[1:-1] if t.lower_ in ("'s", "’s")]
        last = ent.end - 1 if doc[ent.end - 1].lower_ in ("'s", "’s") else ent.end
        if inner and ent.label_ == "PERSON" and name_kind(doc[inner[0] + 1 : last].text):
            # "the Tigray People's Liberation Front's demands": a body's name with a possessive
            out.append(Span(doc, ent.start, ent.end, label="ORG"))
            i += 1
            continue
        if inner and ent.label_ == "ORG" and _body_and_unit(ent, inner[0]):
            # "the Department of the Treasury’s Office of Foreign Assets Control": two bodies
            out.append(Span(doc, ent.start, inner[0], label="ORG"))
            out.append(Span(doc, inner[0] + 1, last, label="ORG"))
            i += 1
            continue
        if inner and ent.label_ == "PERSON":
            # "[Rice’s Beijing] visit": the owner and the name of what is owned, run together
            # (names of bodies may hold a possessive: "People’s Liberation Army")
            p = inner[0]
            out.append(Span(doc, ent.start, p, label=ent.label_))
            rest = doc[p + 1 : ent.end]
            place = len(rest) == 1 and _place_word(rest[0])
            out.append(Span(doc, p + 1, ent.end, label="GPE" if place else ent.label_))
            i += 1
            continue
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        # "[Nur Adde] [Hassan Hussein's]": the possessive is no part of the name
        nxt_name = (
            nxt[:-1] if nxt is not None and len(nxt) > 1 and nxt[-1].lower_ in ("'s", "’s") else nxt
        )
        if (
            nxt is not None
            and nxt_name is not None
            and nxt.label_ == "PERSON"
            and nxt.start == ent.end
            and doc[ent.end - 1].whitespace_ == " "
            and not doc[nxt.start].is_sent_start
            and all(t.is_title or t.lower_ in _NAME_PARTICLES for t in (*ent, *nxt_name))
            and (
                (ent.label_ == "PERSON" and len(ent) > 1 and len(nxt_name) <= 2)
                or (ent.label_ in PERSON_MISTAGS and len(ent) == 1 and is_given_name(ent.text))
            )
        ):
            out.append(Span(doc, ent.start, nxt.end, label="PERSON"))
            i += 2
            continue
        branch = _branch_end(doc, ent, nxt)
        if branch:
            # "Al-Qaeda in the Arabian Peninsula" is one body, named with its region
            out.append(Span(doc, ent.start, branch, label="ORG"))
            i += 2
            continue
        start, label = ent.start, ent.label_
        if label == "PERSON" and ent.end < len(doc) and doc[ent.end].lower_ in _GOVERNMENTS:
            # "the Bush administration" is a government, not the man
            out.append(Span(doc, start, ent.end + 1, label="ORG"))
            i += 1
            continue
        government = _national_government(doc, ent)
        if government is not None:
            out.append(government)
            i += 1
            continue
        if label == "PERSON":
            # "[Ursula von] der [Leyen]": a name the model broke at its particles.
            j = ent.end
            while j < len(doc) and doc[j].lower_ in _NAME_PARTICLES and doc[j].is_lower:
                j += 1
            rest = nxt if nxt is not None and nxt.start == j else None
            if (
                (j > ent.end or doc[ent.end - 1].lower_ in _NAME_PARTICLES)
                and j < len(doc)
                and doc[j].is_title
                and doc[j].is_alpha
                and (rest is None or len(rest) == 1)  # not "[Charles de] [Gaulle Airport]"
            ):
                out.append(Span(doc, start, j + 1, label=label))
                i += 2 if rest is not None else 1  # the rest of the name was that entity
                continue
            end = _name_continues(doc, ent.end, lexicon)
            if end > ent.end:
                out.append(Span(doc, start, end, label=label))
                i += 1
                continue
        before = doc[start - 1] if start > 0 else None
        if before is not None and before.ent_type_ in ("", "ORDINAL"):
            if (
                before.is_title
                and before.lower_ in PLACE_PREFIXES
                and (label in ("GPE", "LOC") or label == "PERSON" and before.lower_ in PLACE_SIDES)
            ):
                start, label = start - 1, "GPE" if label == "PERSON" else label  # "Old Bohumín"
            elif (
                label == "ORG"
                and before.lower_ in ORDINALS
                and start > 1
                and doc[start - 2].lower_ == "the"
            ):
                start -= 1
            elif (
                label == "PERSON"
                and start > 1
                and before.is_title
                and before.is_alpha
                and before.pos_ == "PROPN"
                and not lexicon.is_title(before.text)
                and not _plural_title(before.text, lexicon)  # "U.S. Senators Joni Ernst"
                and lexicon.is_title(doc[start - 2].text)
                and not _place_word(before)
                and before.lower_ not in name_kinds()
                and not _headline(before.sent)  # "President Nominates Regina Benjamin"
            ):
                start -= 1  # "Gen. [Asfaq] Parvez Kayani": the given name after the title
        end = ent.end
        after = doc[end] if end < len(doc) else None
        kind = name_kinds().get(after.lower_) if after is not None else None
        if (
            after is not None
            and kind is not None
            and kind[0] in ("LOC", "FAC")
            and after.is_title
            and not after.ent_type_
            and label in ("GPE", "LOC", "FAC", "ORG", "PERSON")
            and (nxt is None or nxt.start > end)
        ):
            # "[Osaka] Bay", "[Warsaw] Metro": the place or facility named after the name
            end, label = end + 1, kind[0]
        if start == ent.start and end == ent.end:
            out.append(ent)
        else:
            out.append(Span(doc, start, end, label=label))
        i += 1
    return sorted(out, key=lambda span: span.start)


@cache
def _branch_bodies() -> frozenset[str]:
    return frozenset(data_lines("branch_bodies.txt"))


def _branch_end(doc: Doc, ent: Span, nxt: Span | None) -> int:
    """The end of a regional branch's name that starts with this entity ("Al-Qaeda" + "in the"
    + "Arabian Peninsula"), or 0."""
    if nxt is None or nxt.label_ not in ("GPE", "LOC") or ent.label_ not in PERSON_MISTAGS:
        return 0
    if org_key(ent.text).replace("-", " ") not in _branch_bodies():
        return 0
    between = [t.lower_ for t in doc[ent.end : nxt.start]]
    return nxt.end if between in (["in"], ["in", "the"]) else 0


# Labels of names that are no graph entity; a person's name the model ran into a title there is
# mended ("Bahraini NSA H.E. Sheikh Nasser bin Hamad Al Khalifa" tagged a work of art).
_NON_NAME_LABELS = {"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}


def _body_name(ent: Span) -> bool:
    """A name in quotes the model took for a title of a work whose head word is a kind of body:
    'the rebel group "The Movement for the Liberation of Congo"'. The head is the word before
    the first "of" or "for", or the last word; every word is capitalised but the small ones."""
    words = [t for t in ent if t.is_alpha]
    if len(words) < 2 or not all(t.is_title or t.lower_ in _SMALL_WORDS for t in words):
        return False
    cut = next((k for k, t in enumerate(words) if k and t.lower_ in ("of", "for")), len(words))
    kind = name_kinds().get(words[cut - 1].lower_)
    return kind is not None and kind[0] == "ORG"


# Words that head a body's name ("Department of the Treasury") and words that head the name of
# a unit one body keeps ("Office of Foreign Assets Control").
_BODY_HEADS = {"department", "ministry", "agency", "office", "bureau", "service", "council",
               "committee", "commission", "command", "university", "government"}  # fmt: skip
_UNIT_HEADS = {"office", "bureau", "department", "division", "directorate", "agency", "service",
               "command", "committee", "board", "unit", "branch", "center", "centre",
               "institute", "school", "college"}  # fmt: skip


def _body_and_unit(ent: Span, p: int) -> bool:
    """An organization's name run into the name of one of its units at the possessive `p`:
    "[Department of the Treasury]’s [Office of Foreign Assets Control]". A body's own name may
    hold a possessive ("People's Liberation Army", "Women's Refugee Commission"): the words
    after it must name a unit ("Office of ..."), and the words before it a body, by a head word
    or as one name ("Treasury")."""
    doc = ent.doc
    before = [t.lower_ for t in doc[ent.start : p] if t.lower_ != "the"]
    after = doc[p + 1 : ent.end]
    if len(after) < 3 or not after[0].is_title or after[0].lower_ not in _UNIT_HEADS:
        return False
    if len(before) == 1:  # "the Treasury’s Office of Foreign Assets Control"
        return after[1].lower_ == "of"
    return any(w in _BODY_HEADS for w in before)


# Nouns that make a person's name into a body: "the Bush administration".
_GOVERNMENTS = {"administration"}


# "the Sri Lankan government", "Kyrgyzstan's interim government", "the Syrian regime": a
# country's government, named by the country, is a body of its own.
_NATIONAL_GOVERNMENTS = {"government", "regime", "junta"}
_GOVERNMENT_KINDS = {"interim", "military", "transitional", "provisional", "caretaker",
                     "federal", "central", "national", "new", "former", "previous", "elected",
                     "civilian"}  # fmt: skip


def _national_government(doc: Doc, ent: Span) -> Span | None:
    """The span "Sri Lankan government" (from a country's demonym), "Nepal's government" or
    "the Somalia government" (from its name), when the model tagged only the country or
    nationality."""
    if ent.label_ not in ("NORP", "GPE"):
        return None
    from newsgraph.pipeline.corpus import country_keys  # corpus imports this module

    names, demonyms = country_keys()
    key = org_key(ent.text)
    j = ent.end
    if key not in demonyms:
        if key not in names or j >= len(doc):
            return None
        if doc[j].lower_ in ("'s", "’s"):
            j += 1
    while j < len(doc) and doc[j].lower_ in _GOVERNMENT_KINDS:
        j += 1
    if j < len(doc) and doc[j].lower_ in _NATIONAL_GOVERNMENTS and doc[j].tag_ == "NN":
        return Span(doc, ent.start, j + 1, label="ORG")
    return None


def _name_continues(doc: Doc, end: int, lexicon: Lexicon) -> int:
    """The end of a person's name the model cut short where the parse runs on: "[Maria
    Corina] Machado", "[Mohammed bin Abdulrahman] Al Thani": the cut word is a compound of a
    capitalised proper noun just after it, and the words up to that noun are proper nouns
    that no entity holds and that are no generic words ("Trump Tower") or titles ("Maj.").
    Not in a headline, where every word is capitalised ("Cheney Aide Indicted")."""
    kinds = name_kinds()
    if _headline(doc[end - 1].sent):
        return end
    while end < len(doc) and doc[end - 1].dep_ == "compound":
        head = doc[end - 1].head.i
        if not end <= head < end + 3:
            break
        words = doc[end : head + 1]
        if (
            not all(
                t.pos_ == "PROPN"
                and not t.ent_type_
                and (t.is_title or t.lower_ in _NAME_PARTICLES)
                and t.lower_ not in kinds
                and not lexicon.is_title(t.text)
                for t in words
            )
            or not doc[head].is_title
        ):
            break
        end = head + 1
    return end


def _headline(sent: Span) -> bool:
    """A headline: verbs capitalised ('Cheney Aide Indicted in Leak Probe'), or, with no full
    stop, most longer words ('Kenyan President Invites Rival to Talks'); as written (see
    `source_text`)."""
    if "source_text" in sent.doc.user_data and _is_headline(
        source_text(sent.doc)[sent.start_char : sent.end_char]
    ):
        return True
    if any(
        t.is_title and t.pos_ in ("VERB", "AUX") and t.i > sent.start and t.is_alpha for t in sent
    ):
        return True
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return (
        sent[-1].text not in (".", "!", "?")
        and len(words) >= 3
        and sum(t.is_title for t in words) >= 0.75 * len(words)
    )


_REGNAL = re.compile(r"^[IVX]{1,4}$")


def _untagged_titled_names(doc: Doc, lexicon: Lexicon) -> list[Span]:
    """Names right after a person's title that the model left untagged: "Jordan's King
    [Abdullah II]", "Pope [Francis]". One to three capitalised proper nouns, no title among
    them, then perhaps a regnal number."""
    found = []
    for tok in doc[:-1]:
        if not (tok.is_title and lexicon.is_title(tok.text)):
            continue
        start = tok.i + 1
        # "former President of Russia [Dmitry Medvedev]": a full name after the country
        after_country = (
            start + 1 < len(doc) and doc[start].lower_ == "of" and doc[start + 1].ent_type_ == "GPE"
        )
        if after_country:
            start += 2
            while start < len(doc) and doc[start].ent_iob_ == "I":
                start += 1
            # "Governor of Helmand [Province] Gulabuddin Mangal": the place's own kind
            if start < len(doc) and _place_kind_word(doc[start].text):
                start += 1
            if start == len(doc):
                continue
        elif start < len(doc) and doc[start].lower_ == "of":
            # "Minister of Foreign Trade and Tourism [Martín Pérez]": the office's words, then
            # a known given name and a capitalised word, none of them tagged
            given = _given_name_after_office(doc, start + 1)
            if given is None:
                continue
            start = given
            after_country = True  # a full name only
        if doc[start].ent_type_:
            continue
        if _headline(tok.sent):
            continue
        initials = _spelled_acronym_end(doc, start)
        if initials > start + 1 and doc[initials - 1].whitespace_ and initials < len(doc):
            # "President [B-J] [Habibie]": initials spelled with hyphens, as radio scripts
            # write them, before the surname the model tagged
            name = next((e for e in doc.ents if e.start == initials), None)
            if name is not None and name.label_ == "PERSON":
                found.append(Span(doc, start, name.end, label="PERSON"))
            continue
        # "Commissioner for Foreign [Relations] Julio Borges": a plural noun ends the office
        while start < len(doc) - 1 and doc[start].tag_ == "NNPS" and not doc[start].ent_type_:
            start += 1
        end = start
        while (
            end < len(doc)
            and end - start < 3
            and doc[end].is_title
            and doc[end].pos_ == "PROPN"
            and not doc[end].ent_type_
            and not lexicon.is_title(doc[end].text)
        ):
            end += 1
        if end == start or (after_country and end - start < 2):
            continue
        if end < len(doc) and _REGNAL.match(doc[end].text) and not doc[end].ent_type_:
            end += 1
        if end < len(doc) and (
            doc[end].ent_type_ or doc[end].is_title and lexicon.is_title(doc[end].text)
        ):
            continue  # "Senate Majority Whip": still a title; "...": the model has the rest
        if any(t.is_sent_start for t in doc[start:end]):
            continue
        found.append(Span(doc, start, end, label="PERSON"))
    return found


def _given_name_after_office(doc: Doc, start: int) -> int | None:
    """Where a known given name starts after an office's of-phrase ("of Foreign Trade and
    Tourism Martín Pérez"): up to six capitalised words (or "and", "&", "the"), untagged, then
    the given name and a capitalised proper noun."""
    for i in range(start + 1, min(start + 7, len(doc) - 1)):
        words = doc[start:i]
        if not all(t.is_title or t.lower_ in ("and", "&", "the") for t in words):
            return None
        if any(t.ent_type_ in ("PERSON", "GPE") for t in words):
            return None
        if not words[-1].is_title:
            continue
        name, rest = doc[i], doc[i + 1]
        if (
            name.is_title
            and rest.is_title
            and rest.pos_ == "PROPN"
            and not name.ent_type_
            and not rest.ent_type_
            and is_given_name(name.text)
        ):
            return i
    return None


def _untagged_apposed_names(doc: Doc, lexicon: Lexicon) -> list[Span]:
    """Names set off by commas after a titled description that the model left untagged: "The
    U.N. Chief of Mission in Cyprus, [Taye-Brook Zerihoun], made the announcement". Two to four
    capitalised words (hyphenated parts join), none a title or tagged, then a comma or a stop;
    the description's title word at most seven words before the comma."""
    found = []
    for comma in range(2, len(doc) - 2):
        after = doc[comma + 1]
        if doc[comma].text != "," or not (after.is_title and after.pos_ == "PROPN"):
            continue
        if after.ent_type_:
            continue
        described = doc[max(doc[comma].sent.start, comma - 8) : comma]
        if not any(t.is_title and lexicon.is_title(t.text) and t.pos_ != "VERB" for t in described):
            continue
        if any(t.ent_type_ == "PERSON" for t in described):
            continue  # "President Bush, ...": the name is already there
        start = end = comma + 1
        words = 0
        while end < len(doc) and words < 4:
            tok = doc[end]
            if tok.text in ("-", "‐") and not tok.whitespace_ and not doc[end - 1].whitespace_:
                end += 1  # "Taye-Brook"
                continue
            if not (_runs_on(tok, lexicon) and tok.pos_ == "PROPN") or tok.ent_type_:
                break
            words += 1
            end += 1
        if words < 2 or end >= len(doc) or doc[end].text not in (",", "."):
            continue
        if doc[end - 1].text in ("-", "‐") or any(t.is_sent_start for t in doc[start + 1 : end]):
            continue
        found.append(Span(doc, start, end, label="PERSON"))
    return found


_QUOTES = {'"', "“", "”"}


def _quoted_nickname_names(doc: Doc) -> list[Span]:
    """Full names with a quoted nickname, which the model often cuts or misses: 'Wilfried
    "Willi" Schneider', 'James Llewellyn "Jimmy" Frise'. Given names first (the first a known
    one), then the nickname in quotes, then one or two capitalised words."""
    found = []
    for q in range(1, len(doc) - 3):
        if doc[q].text not in _QUOTES or doc[q + 2].text not in _QUOTES:
            continue
        if not (doc[q + 1].is_title and doc[q + 1].is_alpha):
            continue
        start = q
        while start > 0 and q - start < 3 and doc[start - 1].is_title and doc[start - 1].is_alpha:
            start -= 1
        # The name starts at its first known given name: "Legal Counsel Juan Carlos "Charly"
        # Duarte" is no "Counsel Juan Carlos ...".
        while start < q and not is_given_name(doc[start].text):
            start += 1
        end = q + 3
        while end < len(doc) and end - (q + 3) < 2 and doc[end].is_title and doc[end].is_alpha:
            end += 1
        if start == q or end == q + 3:
            continue
        if found and found[-1].end > start:
            continue
        found.append(Span(doc, start, end, label="PERSON"))
    return found


def find_candidates(
    pieces: list[tuple[int, Doc]],
    sentence_base: list[int],
    lexicon: Lexicon,
    skip: list[tuple[int, int]],
) -> list[Candidate]:
    """Every entity-like name in the parsed pieces, cleaned, with titles split off."""
    found: list[Candidate] = []
    people_nouns = frozenset(lexicon.words.get("people_nouns", []))
    for chunk, (offset, doc) in enumerate(pieces):
        sent_starts = [s.start for s in doc.sents]
        for ent in _entity_spans(doc, lexicon):
            if ent.label_ not in ENTITY_LABELS or in_ranges(offset + ent.start_char, skip):
                continue
            bounds = _clean_span(ent)
            if bounds is None:
                continue
            start, end = bounds
            label = ent.label_
            # "Council on Foreign Relations (CFR": the model ran the name into the acronym that
            # defines it; both are names of the entity (joined by the definition).
            paren = _parenthesised_acronym(doc, start, end) if label != "PERSON" else None
            if paren is not None:
                a_start, a_end = paren
                acr = doc[a_start:a_end]
                found.append(
                    Candidate(
                        chunk=chunk,
                        start=a_start,
                        end=a_end,
                        label=label,
                        name=acr.text,
                        sentence=sentence_base[chunk] + _sentence_of(sent_starts, a_start),
                        char_start=offset + acr.start_char,
                        char_end=offset + acr.end_char,
                        prev_word=doc[a_start - 1].lower_,
                    )
                )
                end = a_start - 1
            if label != "PERSON":
                # "the Special Representative of the [United Nations]": the model cut a title
                # phrase at a function word; what is left names an office, not a body.
                cut = end
                while cut - start > 1 and doc[cut - 1].lower_ in _FUNCTION_WORDS:
                    cut -= 1
                only_title = all(
                    lexicon.is_title(t.text) or t.lower_ in lexicon.title_modifiers
                    for t in doc[start:cut]
                )
                if cut < end and only_title:
                    continue
                end = cut
                # "the [P5 Ambassadors]", "[Gulf Foreign Ministers]": office holders are no
                # body; what names their body is kept
                # ("Council of Ministers", "the Joint Chiefs" are bodies' names)
                plural = doc[end - 1].lower_
                if end - start > 1 and plural.endswith("s") and plural[:-1] in lexicon.offices:
                    body = end - 1
                    while body > start and (
                        lexicon.is_title(doc[body - 1].text)
                        or doc[body - 1].lower_ in lexicon.title_modifiers
                        or doc[body - 1].lower_ in _FUNCTION_WORDS
                    ):
                        body -= 1
                    if body > start and doc[end - 2].lower_ not in _FUNCTION_WORDS:
                        end = body
                # "[Goldman Sachs Chairman] Lloyd Blankfein", "[UAE NSA H.E. Sheikh] Tahnoun bin
                # Zayed": a person's title run into a body's name is cut off; two or more words
                # left in capitals only ("UAE NSA") are more title ("FBI" alone is a body)
                # "[Afghan National Security Advisor], Hamdullah Mohib criticized ..."
                named = end + 1 if end + 1 < len(doc) and doc[end].text == "," else end
                if (
                    named < len(doc)
                    and doc[named].ent_type_ == "PERSON"
                    and doc[named].ent_iob_ == "B"
                ):
                    # only where the span ends in an office ("Chairman", "Sheikh", "Advisor"),
                    # not in a word a body's name may end in ("Homeland Security")
                    cut = end
                    if doc[end - 1].lower_ in lexicon.offices:
                        while cut > start and (
                            (doc[cut - 1].is_title and lexicon.is_title(doc[cut - 1].text))
                            or doc[cut - 1].text in _STYLES
                        ):
                            cut -= 1
                    if cut < end:
                        rest = doc[start:cut]
                        if (
                            not rest
                            or (len(rest) > 1 and all(t.is_upper or not t.is_alpha for t in rest))
                            or (len(rest) == 1 and _place_word(rest[0]))
                        ):
                            continue  # "UAE NSA", "Afghan": more title
                        end = cut
            # "Defense" in "Defense Secretary James Mattis" is part of a title, not an entity.
            if (
                label != "PERSON"
                and end - start == 1
                and doc[start].lower_ in lexicon.title_modifiers
                and (
                    end < len(doc)
                    and lexicon.is_title(doc[end].text)
                    # "Secretary of State John Kerry", "Minister of Defence"
                    or start >= 2
                    and doc[start - 1].lower_ == "of"
                    and lexicon.is_title(doc[start - 2].text)
                )
            ):
                continue
            # "[Fayza Aboul Nagga National Security Adviser] to the President": a person's
            # name with the office written after it, no comma between
            if end - start > 2 and doc[end - 1].lemma_.lower() in lexicon.offices:
                cut = end - 1
                while cut > start and lexicon.is_title(doc[cut - 1].text):
                    cut -= 1
                first = start
                while first < cut and lexicon.is_title(doc[first].text):
                    first += 1  # "General [Ahmed Gamal el-Din] Adviser on Security"
                if cut - first >= 2 and is_given_name(doc[first].text):
                    end, label = cut, "PERSON"
            titles: list[str] = []
            core_tokens: list[Token] = []
            person = None
            if label == "PERSON":
                # "Secretary of Defense [Lloyd] J. Austin III": a given name the model left out.
                before = doc[start - 1] if start > 0 else None
                if (
                    before is not None
                    and before.pos_ == "PROPN"
                    and not before.ent_type_
                    and before.text[:1].isupper()
                    and not lexicon.is_title(before.text)
                    and (
                        # not a second one before a full name: "the Minister for Africa
                        # [James Duddridge]" ("Africa", like "Asia", is in the given-name
                        # lists); a lone surname may be one too ("Ahmet [Kaya]")
                        is_given_name(before.text)
                        and not (end - start >= 2 and is_given_name(doc[start].text))
                        # "Ivanka [Trump]": a lone surname's own compound, whatever the name
                        or end - start == 1
                        and before.dep_ == "compound"
                        and before.head.i == start
                        and before.is_title
                        and not before.is_sent_start
                        and not _plural_title(before.text, lexicon)
                        and before.lower_ not in name_kinds()
                    )
                ):
                    start -= 1
                # "Song Min-soon", "Kim Jong-un": the model may stop at the hyphen.
                while (
                    end + 1 < len(doc)
                    and doc[end].text == "-"
                    and not doc[end - 1].whitespace_
                    and not doc[end].whitespace_
                    and doc[end + 1].is_alpha
                ):
                    end += 2
                # Titles inside the span ("President Trump") and before it ("Vice President").
                inside = []
                while end - start > 1 and (
                    lexicon.is_title(doc[start].text)
                    # "Defense [Ministers George Robertson] of Britain, Alain Richard ..."
                    or _plural_title(doc[start].text, lexicon)
                ):
                    inside.append(doc[start].text)
                    start += 1
                # before the titles inside: "King Abdullah" is no "King King"
                first = start - len(inside)
                before = _title_before(doc, first, {t.i for t in doc[first:end]}, lexicon)
                words = [t.text for t in before] + inside
                if words:
                    titles = [" ".join(words)]
                    core_tokens = before + [doc[i] for i in range(start - len(inside), start)]
                    # "President Xi Jinping of China": the entity's titles keep the country
                    # (descriptions still read the bare office: "the Chancellor" of a readout
                    # that names "Chancellor Angela Merkel of Germany" is Merkel).
                    country = _country_after(doc, end)
                    if country:
                        titles = [f"{titles[0]} of {' '.join(t.text for t in country)}"]
            span = doc[start:end]
            name = span.text
            if label == "PERSON" and name[-1:] in ("’", "'"):
                name = name[:-1]
            # "Mohan al-Freiji.[2]": a citation mark pasted from Wikipedia is no part of a name
            name = _CITATION.sub("", name)
            # "Ambassador [Richard] Holbrooke": an editor's insertion is part of the name
            name = re.sub(r"\s+", " ", name.replace("[", "").replace("]", "")).strip()
            if not re.search(r"[^\W\d_]", name):
                continue
            if label == "ORG" and (
                fold(name.split()[-1]) in people_nouns
                or (_plural_office(name.split()[-1], lexicon) and " of " not in name)
            ):
                # "Internally Displaced Persons", "the Foreign, Home and Defence Secretaries":
                # people, no body that acts (a "Council of Ministers" is one)
                continue
            if (
                label != "PERSON"
                and _office_phrase(span, lexicon)
                # "[the Minister of Human Rights Karla Cueva]": its holder, cut out later
                and not _given_name_at(list(span), _country_words())
            ):
                continue
            if label == "PERSON" and name_kind(name):
                # "Mount Shinn", "Parc del Foix": named after someone, but no person.
                label = name_kind(name)
            elif label == "PERSON" and start > 0 and doc[start - 1].lower_ == "the":
                # "told the Herald", "the Commission": a kind word alone is no person's name
                kind = name_kinds().get(fold(name))
                if kind and "head" in kind[1]:
                    label = kind[0]
            if label == "PERSON":
                person = parse_person(name)
                if not person.last:
                    continue
            sent_index = sentence_base[chunk] + _sentence_of(sent_starts, start)
            found.append(
                Candidate(
                    chunk=chunk,
                    start=start,
                    end=end,
                    label=label,
                    name=name,
                    sentence=sent_index,
                    char_start=offset + span.start_char,
                    char_end=offset + span.end_char,
                    titles=titles,
                    title_core=title_core(core_tokens, lexicon),
                    title_qualified=_qualified(core_tokens),
                    title_nation=_nation(core_tokens),
                    person=person,
                    subject=span.root.dep_ in ("nsubj", "nsubjpass"),
                    prev_word=doc[start - 1].lower_ if start > 0 else "",
                    after_noun=start > 0 and _agent_noun(doc[start - 1]),
                )
            )
    found = _confirm_headline_names(found, pieces)
    found = _speaker_labels(pieces, sentence_base, found, skip, lexicon)
    found = _join_cut_surnames(found, pieces, lexicon)
    found = _join_across_name_infixes(found, pieces)
    _drop_office_word_before_given_name(found, pieces, lexicon)
    found = _drop_office_domains_before_names(found, pieces, lexicon)
    found = _extend_to_acronyms(found, pieces)
    found = _long_forms_before_acronyms(found, pieces, sentence_base)
    found = _body_acronyms_tagged_people(found, pieces)
    _retag_surnames(found, pieces)
    _retag_full_names(found, pieces)
    _retag_apposed_people(found, pieces, lexicon)
    _titled_names(found, pieces, lexicon)
    found = _split_name_pairs(found, pieces)
    found = _split_titled_lists(found, pieces, lexicon)
    found = _split_body_and_holder(found, pieces, lexicon)
    found = _drop_lone_titles(found, lexicon)
    _unit_names(found, pieces)
    found.extend(_untagged_repeats(pieces, sentence_base, found, skip, lexicon))
    found.extend(_untagged_surnames(pieces, sentence_base, found, skip, lexicon))
    found.extend(_untagged_acronyms(pieces, sentence_base, found, skip))
    found.extend(_bracketed_short_forms(pieces, found))
    _particle_surnames(found, pieces)
    _cover_postnominals(found, pieces, lexicon)
    return _names_in_own_script(pieces, found)


_FAMILY_NOUNS = {"family", "dynasty", "clan", "brothers", "sisters", "household"}


def _particle_surnames(found: list[Candidate], pieces: list[tuple[int, Doc]]) -> None:
    """A surname with a particle, written alone ("Le Drian", "Van Rompuy"), is read as a given
    name and a surname; where the document names someone in full with exactly that surname
    ("Jean-Yves Le Drian"), it is the surname alone, so it can join him."""
    surnames = {
        fold(c.person.last)
        for c in found
        if c.label == "PERSON" and c.person and c.person.is_full and " " in c.person.last
    }
    for c in found:
        doc = pieces[c.chunk][1]
        if c.end < len(doc) and doc[c.end].lemma_.lower() in _FAMILY_NOUNS:
            continue  # "The Al Thani family has ruled Qatar": the family, not the man
        if c.label == "PERSON" and fold(c.name) not in surnames:
            # '"...," dos [Santos] told the secretary': the model left the lower-case particle
            # out of the surname the document wrote in full ("Joao Ernesto dos Santos")
            start = c.start
            while start > 0 and start > c.start - 2 and doc[start - 1].text in _NAME_PARTICLES:
                start -= 1
                if fold(doc[start : c.end].text) in surnames:
                    _respan(c, doc, start, c.end)
                    break
        if fold(c.name) in surnames and (c.label == "PERSON" or c.label in PERSON_MISTAGS):
            # tagged a body or not, "Le Drian" is the man's surname
            c.label, c.person = "PERSON", PersonName("", "", c.name, "", "")


def _cover_postnominals(
    found: list[Candidate], pieces: list[tuple[int, Doc]], lexicon: Lexicon
) -> None:
    """A person's post-nominal letters ("Minister Leo Docherty MP also met ...", where the
    parser makes "MP" the subject) stand for the person: the candidate's tokens take them in,
    its name and characters do not."""
    letters = frozenset(lexicon.words.get("postnominals", []))
    for c in found:
        doc = pieces[c.chunk][1]
        if (
            c.label == "PERSON"
            and c.end < len(doc)
            and doc[c.end].text.isupper()
            and doc[c.end].lower_ in letters
        ):
            c.end += 1


# "Nikos Aliagas (Greek: Νίκος Αλιάγας)", "Osaka Bay ( 大阪湾 Ōsaka-wan )": an optional
# language label, then the name in a script without Latin letters.
_SCRIPT_LEAD = re.compile(r"\s*\(\s*(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*[:;]\s*)?")
_SCRIPT_PUNCT = set(" -'’.·\u200c\u200d")


def _non_latin_run(text: str) -> str:
    """The leading run of `text` written in scripts other than Latin (letters, marks, spaces,
    hyphens), trimmed; '' when it has no letter or any Latin one."""
    end = 0
    for i, ch in enumerate(text):
        category = unicodedata.category(ch)
        if category[0] in "LM":
            if "LATIN" in unicodedata.name(ch, "LATIN"):
                break
        elif ch not in _SCRIPT_PUNCT:
            break
        end = i + 1
    run = text[:end]
    # A Latin word after the run ("大阪湾 Ōsaka") ends it at the space before that word.
    if end < len(text) and unicodedata.category(text[end])[0] == "L":
        run = run[: run.rfind(" ") + 1] if " " in run else ""
    run = run.strip(" -'’.·")
    return run if any(unicodedata.category(ch)[0] == "L" for ch in run) else ""


def _names_in_own_script(pieces: list[tuple[int, Doc]], found: list[Candidate]) -> list[Candidate]:
    """A name written again in its own script, in parentheses right after it, is a mention of
    the same entity (joined in `cluster`); it replaces any name the model found inside it."""
    out: list[Candidate] = []
    texts = [doc.text for _, doc in pieces]  # Doc.text is rebuilt on every access
    for c in found:
        if c.description:
            continue
        offset, doc = pieces[c.chunk]
        at = c.char_end - offset
        lead = _SCRIPT_LEAD.match(texts[c.chunk], at)
        if lead is None:
            continue
        run = _non_latin_run(texts[c.chunk][lead.end() : lead.end() + 120])
        if not run:
            continue
        span = doc.char_span(lead.end(), lead.end() + len(run), alignment_mode="expand")
        if span is None:
            continue
        out.append(_in_brackets_after(c, offset, span, run, script_of=c.char_start))
    inside = [(n.char_start, n.char_end) for n in out]
    kept = [c for c in found if not any(a <= c.char_start and c.char_end <= b for a, b in inside)]
    return kept + out


# A transcript's speaker label: "MR. DONILON:", "MS. PSAKI:" (capitals, which the model misses).
_SPEAKER = re.compile(r"\b(MR|MRS|MS|DR)\.?\s+([A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+)?)(?=\s*:)")
# "SECRETARY OF DEFENSE JIM MATTIS:" at the start of a line: an office in capitals, then a
# given name and a surname
_TITLED_SPEAKER = re.compile(
    r"^[ \t]*((?:[A-Z][A-Z.]*[ \t]+){1,6}?)([A-Z][A-Z'’-]+[ \t]+[A-Z][A-Z'’-]+)(?=[ \t]*:)",
    re.MULTILINE,
)


# "Deputy Secretary Armitage:" at the start of a line: titles, then one or two name words
_MIXED_SPEAKER = re.compile(
    r"^[ \t]*((?:[A-Z][a-z.]+[ \t]+){1,4})([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)(?=[ \t]*:)",
    re.MULTILINE,
)
# A questioner's label, which is no one's name: "QUESTION:", "Q:"
_QUESTIONER = re.compile(
    r"^[ \t]*(QUESTION|Question|Q|MODERATOR|Moderator|PARTICIPANT|REPORTER|Reporter)(?=[ \t]*:)",
    re.MULTILINE,
)


_CITATION = re.compile(r"\.?\[\d*\]?$")


def _office_phrase(span: Span, lexicon: Lexicon) -> bool:
    """ "the Minister of Foreign Affairs of Iraq", "Secretary of State", "National Security
    Advisor", "the Minister for Industry and Trade": an office the model tagged as an
    organization; its holder is a person, named beside it or not."""
    words = [t for t in span if t.lower_ != "the"]
    n = 0
    while n < len(words) and lexicon.is_title(words[n].text):
        n += 1  # "Deputy Prime Minister", not "General [Confederation]"
    if n == len(words) > 1:
        return words[-1].lemma_.lower() in lexicon.offices  # "National Security Advisor"
    return (
        0 < n < len(words) - 1
        and words[n - 1].lemma_.lower() in lexicon.offices
        and words[n].lower_ in ("of", "for")
    )


def _country_after(doc: Doc, end: int) -> list[Token]:
    """The tokens of a country named in "of <country>" right after a name ("Xi Jinping of
    China", "Rishi Sunak of the United Kingdom"), or none."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return []
    first = end + 2 if doc[end + 1].lower_ == "the" else end + 1
    for stop in range(min(first + 4, len(doc)), first, -1):
        words = doc[first:stop]
        if all(t.is_title for t in words) and org_key(words.text) in _country_words():
            return list(words)
    return []


def _speaker_labels(
    pieces: list[tuple[int, Doc]],
    sentence_base: list[int],
    found: list[Candidate],
    skip: list[tuple[int, int]],
    lexicon: Lexicon,
) -> list[Candidate]:
    """Add the names of speaker labels ("MR. DONILON:" -> the person "Donilon", titled "Mr.";
    "Deputy Secretary Armitage:" -> "Armitage", titled "Deputy Secretary"); a candidate the
    model made of the label's words ("P.M. PDT MR") gives way, and so does one the model made
    of a questioner's label ("QUESTION:")."""
    labels = []
    questioners = set()
    for chunk, (offset, doc) in enumerate(pieces):
        matches = (
            list(_SPEAKER.finditer(doc.text))
            + [
                m
                for m in _TITLED_SPEAKER.finditer(doc.text)
                if is_given_name(m.group(2).split()[0])
            ]
            + [
                m
                for m in _MIXED_SPEAKER.finditer(doc.text)
                if all(lexicon.is_title(w) for w in m.group(1).split())
                and not any(lexicon.is_title(w) for w in m.group(2).split())
            ]
        )
        questioners |= {(chunk, m.start(1)) for m in _QUESTIONER.finditer(doc.text)}
        for m in matches:
            span = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
            if span is None or in_ranges(offset + span.start_char, skip):
                continue
            labels.append((chunk, offset, doc, span, m.group(1)))
    if questioners:
        found = [
            c for c in found if (c.chunk, c.char_start - pieces[c.chunk][0]) not in questioners
        ]
    if not labels:
        return found
    drop = set()
    extra = []
    for chunk, offset, doc, span, honorific in labels:
        first = doc[span.start - 2].i if span.start >= 2 else span.start
        for n, c in enumerate(found):
            if c.chunk == chunk and c.start < span.end and c.end > first:
                drop.add(n)
        name = " ".join(w.capitalize() for w in span.text.split())
        sent_starts = [s.start for s in doc.sents]
        extra.append(
            _found_at(
                chunk,
                offset,
                span,
                sentence_base[chunk] + _sentence_of(sent_starts, span.start),
                label="PERSON",
                name=name,
                titles=[
                    honorific.capitalize() + "."
                    if len(honorific) <= 3
                    else " ".join(w.capitalize() for w in honorific.split())
                ],
                person=parse_person(name),
            )
        )
    return [c for n, c in enumerate(found) if n not in drop] + extra


# Lower-case words inside a person's name: "Fradique de Menezes", "Ludwig van Beethoven".
_NAME_PARTICLES = {
    "de",
    "da",
    "do",
    "dos",
    "das",
    "del",
    "della",
    "di",
    "du",
    "la",
    "le",
    "van",
    "von",
    "der",
    "den",
    "ter",
    "bin",
    "bint",
    "binti",
    "ibn",
    "al",
    "el",
    "y",
}


def _person_like(name: str, known_given: bool = True) -> bool:
    """A name the model tagged otherwise that reads as a person's: 2-4 words, the first a known
    given name (unless `known_given` is false), no generic word of a place or organization, no
    country or demonym."""
    words = name.split()
    if not 2 <= len(words) <= 4 or name_kind(name) or any(ch.isdigit() for ch in name):
        return False
    if len(fold(words[0])) < 2 or not words[0][:1].isupper():
        return False
    if known_given and not is_given_name(words[0]):
        return False
    if not words[-1][:1].isupper() or is_acronym(words[-1]):
        return False
    countries = _country_words()
    kinds = name_kinds()
    for w in words:
        if fold(w) in countries or fold(w) in ORG_WORDS or fold(w) in kinds:
            return False
        if not w[:1].isupper() and w not in _NAME_PARTICLES:
            return False
    return True


# One capitalised word of a name, perhaps hyphenated: "Qureshi", "Aguiar-Branco"
_ONE_NAME_WORD = re.compile(r"[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?")


def _join_cut_surnames(
    found: list[Candidate], pieces: list[tuple[int, Doc]], lexicon: Lexicon
) -> list[Candidate]:
    """A person's name the model cut before its last word, tagged apart or left untagged
    ("[Jose Pedro] Aguiar-Branco", "[Shah Mahmood] [Qureshi]" as GPE): the word is the surname
    when it is written again elsewhere in the document, on its own ("thanked Aguiar-Branco").
    One word (hyphens allowed), capitalised, no country or generic word."""
    text = " ".join(doc.text for _, doc in pieces)
    countries = _country_words()
    starts = {(c.chunk, c.start): c for c in found}
    joined: set[int] = set()
    for c in found:
        if c.label != "PERSON" or c.person is None or id(c) in joined:
            continue
        doc = pieces[c.chunk][1]
        if c.end >= len(doc) or not doc[c.end - 1].whitespace_:
            continue
        nxt = starts.get((c.chunk, c.end))
        if nxt is not None:
            if nxt.label not in ("ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT"):
                continue
            end = nxt.end
        elif doc[c.end].ent_type_:
            continue
        else:
            end = c.end + 1
            if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
                end += 2  # "Aguiar-Branco"
        word = doc[c.end : end].text
        if (
            _ONE_NAME_WORD.fullmatch(word)
            and not any(t.ent_type_ for t in doc[c.end : end] if nxt is None)
            and fold(word) not in countries
            and fold(word) not in name_kinds()
            and fold(word) not in ORG_WORDS
            and not lexicon.is_title(word)  # "[Ahmed Gamal el-Din] Adviser on Security"
            and len(re.findall(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text)) >= 2
        ):
            _respan(c, doc, c.start, end)
            c.person = parse_person(c.name)
            if nxt is not None:
                joined.add(id(nxt))
    return [c for c in found if id(c) not in joined]


# Words written inside Somali and Arabic names between given name and family name: "Sharif
# Hassan Sheikh Aden", "Hassan Sheikh Mohamud"
_NAME_INFIXES = {"sheikh", "sheik", "shaikh", "shaykh"}
_ONE_WORD_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")


def _join_across_name_infixes(
    found: list[Candidate], pieces: list[tuple[int, Doc]]
) -> list[Candidate]:
    """A person's name the model cut at an inner "Sheikh" ("[Sharif Hassan] Sheikh [Aden]" with
    Aden tagged a place, "[Hassan Sheikh] [Mohamud]"): the one capitalised word that follows
    "Sheikh" with no punctuation between, tagged a name of its own, ends the name. Not a
    country's name, nor the first part of a compound ("Nairobi-based")."""
    countries = _country_words()
    starts = {(c.chunk, c.start): c for c in found}
    joined: set[int] = set()
    for c in found:
        if c.label != "PERSON" or c.person is None or id(c) in joined:
            continue
        doc = pieces[c.chunk][1]
        if c.end - c.start >= 2 and doc[c.end - 1].lower_ in _NAME_INFIXES:
            word = c.end  # "[Hassan Sheikh] Mohamud"
        elif (
            c.end + 1 < len(doc)
            and doc[c.end].lower_ in _NAME_INFIXES
            and doc[c.end - 1].whitespace_
            and (c.chunk, c.end) not in starts
        ):
            word = c.end + 1  # "[Sharif Hassan] Sheikh Aden"
        else:
            continue
        if word >= len(doc) or not doc[word - 1].whitespace_:
            continue
        # a name of one word, tagged ("Hassan Sheikh Meets Kenyan Leader": a headline's verb)
        nxt = starts.get((c.chunk, word))
        if nxt is None or nxt.end != word + 1 or nxt.label not in _ONE_WORD_NAME_LABELS:
            continue
        text = doc[word].text
        if (
            not _ONE_NAME_WORD.fullmatch(text)
            or fold(text) in countries
            or (word + 1 < len(doc) and doc[word + 1].text == "-")  # "Nairobi-based"
        ):
            continue
        _respan(c, doc, c.start, word + 1)
        c.person = parse_person(c.name)
        joined.add(id(nxt))
    return [c for c in found if id(c) not in joined]


def _drop_office_word_before_given_name(
    found: list[Candidate], pieces: list[tuple[int, Doc]], lexicon: Lexicon
) -> None:
    """The last word of an office's domain that the model ran into the holder's name: "Assistant
    Secretary for Europe and [Eurasia Dan Fried]". After "and", "for" or "of" that follow a
    title word, a first word that is no given name (or is a country) before a known given name
    is the office's, not the person's; never an initial ("W. Mark Felt")."""
    countries = _country_words()
    for c in found:
        if c.label != "PERSON" or c.end - c.start < 3 or c.start == 0:
            continue
        doc = pieces[c.chunk][1]
        first, second = doc[c.start], doc[c.start + 1]
        if (
            doc[c.start - 1].lower_ in ("and", "for", "of")
            and first.is_title
            and first.is_alpha
            and len(first) > 1
            and (not is_given_name(first.text) or fold(first.text) in countries)
            and second.is_title
            and is_given_name(second.text)
            and any(lexicon.is_title(t.text) for t in doc[max(0, c.start - 7) : c.start - 1])
        ):
            _respan(c, doc, c.start + 1, c.end)
            c.person = parse_person(c.name)


def _drop_office_domains_before_names(
    found: list[Candidate], pieces: list[tuple[int, Doc]], lexicon: Lexicon
) -> list[Candidate]:
    """An office's domain that the model tagged a name of its own: "Assistant Secretary of
    [State for International Narcotics and Law Enforcement] William R. Brownfield" (a
    department's word and "for" after an office's "of", right before the holder's name, is no
    body), and "... and [Law Enforcement] [William R. Brownfield]"
    (after "and", "for" or "of" that follow a title word, a "person" of at most three words,
    none a known given name, written right before another person's name)."""
    starts = {(c.chunk, c.start): c for c in found}
    dropped: set[int] = set()
    for c in found:
        doc = pieces[c.chunk][1]
        after = starts.get((c.chunk, c.end))
        if (
            c.label == "ORG"
            and c.start > 1
            and c.end - c.start > 2
            and doc[c.start - 1].lower_ == "of"
            and doc[c.start + 1].lower_ == "for"
            and lexicon.is_title(doc[c.start - 2].text)
            # the holder's name follows ("[State for African Affairs Jendayi Frazer]" is cut
            # to the name later)
            and after is not None
            and after.label == "PERSON"
        ):
            dropped.add(id(c))
            continue
        if c.label != "PERSON" or c.start == 0 or c.end - c.start > 3:
            continue
        holder = starts.get((c.chunk, c.end))
        if (
            holder is not None
            and holder.label == "PERSON"
            and doc[c.end - 1].whitespace_
            and doc[c.start - 1].lower_ in ("and", "for", "of")
            and all(t.is_title and not is_given_name(t.text) for t in doc[c.start : c.end])
            and any(lexicon.is_title(t.text) for t in doc[max(0, c.start - 7) : c.start - 1])
        ):
            dropped.add(id(c))
    return [c for c in found if id(c) not in dropped]


_LINK_WORDS = {"and", "of", "for", "in", "on"}


def _extend_to_acronyms(found: list[Candidate], pieces: list[tuple[int, Doc]]) -> list[Candidate]:
    """A body's name the model cut before its last words ("[the Islamic State of Iraq] and the
    [Levant]", "[The Organization for Security and Co-operation] in [Europe]") runs on to them
    when an acronym of the document spells the whole name and not the cut one ("ISIL",
    "OSCE"). The run-on is a small word ("and", "of", "for", "in", "on"), perhaps "the", then
    one to three capitalised words; a name tagged there becomes part of the body's."""
    acronyms = {
        tok.text
        for _, doc in pieces
        for tok in doc
        if tok.text[:1].isupper() and tok.text.replace(".", "").isupper() and is_acronym(tok.text)
    }
    if not acronyms:
        return found
    starts = {(c.chunk, c.start): c for c in found}
    absorbed: set[int] = set()
    for c in found:
        if c.label != "ORG" or " " not in c.name or id(c) in absorbed:
            continue
        doc = pieces[c.chunk][1]
        end = c.end
        if end >= len(doc) or doc[end].lower_ not in _LINK_WORDS:
            continue
        end += 1
        if end < len(doc) and doc[end].lower_ == "the":
            end += 1
        words = 0
        while end < len(doc) and words < 3 and doc[end].is_title and doc[end].pos_ == "PROPN":
            end, words = end + 1, words + 1
        if not words or any(t.is_sent_start for t in doc[c.end : end]):
            continue
        inside = [
            o for (chunk, start), o in starts.items() if chunk == c.chunk and c.end <= start < end
        ]
        if any(o.end > end for o in inside):
            continue
        name = doc[c.start : end].text
        if not any(abbreviates(a, name) and not abbreviates(a, c.name) for a in acronyms):
            continue
        _respan(c, doc, c.start, end)
        absorbed |= {id(o) for o in inside}
    return [c for c in found if id(c) not in absorbed]


# Small words a body's long name may hold between its capitalised words
_LONG_FORM_SMALL = {"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "el"}


def _long_forms_before_acronyms(
    found: list[Candidate], pieces: list[tuple[int, Doc]], sentence_base: list[int]
) -> list[Candidate]:
    """A body's long name that the model left untagged, or tagged in part, before the acronym
    that defines it: "Rebel forces from [Liberians] United for Reconciliation and Democracy
    (LURD)". Reading back from "(ACRONYM)" over capitalised and small words, the shortest run
    whose words spell the acronym becomes one ORG name (a country's name a GPE) and takes in
    the names tagged inside it. Only where no name of the document already ends there spelling
    it; acronyms of three letters or more."""
    ends = {(c.chunk, c.end): c for c in found}
    extra: list[Candidate] = []
    absorbed: set[int] = set()
    countries = _country_names()
    for chunk, (offset, doc) in enumerate(pieces):
        sent_starts = [s.start for s in doc.sents]
        for p in range(1, len(doc) - 2):
            acr = doc[p + 1].text
            if doc[p].text != "(" or doc[p + 2].text != ")" or len(acr.replace(".", "")) < 3:
                continue
            if not (acr.replace(".", "").replace("-", "").isupper() and is_acronym(acr)):
                continue
            before = ends.get((chunk, p))
            if before is not None and abbreviates(acr, before.name):
                continue
            start = p
            while start > 0 and p - start < 12:
                tok = doc[start - 1]
                if tok.is_sent_start and not tok.text[:1].isupper():
                    break
                if not (tok.text[:1].isupper() or tok.lower_ in _LONG_FORM_SMALL):
                    break
                start -= 1
                if tok.is_sent_start:
                    break
            best = None
            for s in range(p - 2, start - 1, -1):
                if not doc[s].text[:1].isupper() or doc[s].lower_ in _LONG_FORM_SMALL:
                    continue
                if abbreviates(acr, doc[s:p].text):
                    best = s
                    break
            if best is None:
                continue
            span = doc[best:p]
            inside = [c for c in found if c.chunk == chunk and best <= c.start and c.end <= p]
            if any(
                c.chunk == chunk and c.start < p and c.end > best and c not in inside for c in found
            ):
                continue  # a name runs across the edge of the long name
            key = org_key(span.text)
            extra.append(
                _found_at(
                    chunk,
                    offset,
                    span,
                    sentence_base[chunk] + _sentence_of(sent_starts, best),
                    label="GPE" if key in countries else "ORG",
                    name=span.text,
                    prev_word=doc[best - 1].lower_ if best > 0 else "",
                )
            )
            absorbed |= {id(c) for c in inside}
    if not extra:
        return found
    return sorted([c for c in found if id(c) not in absorbed] + extra, key=lambda c: c.char_start)


_ROMAN_NUMERAL = re.compile(r"[IVXLC]+")


def _body_acronyms_tagged_people(
    found: list[Candidate], pieces: list[tuple[int, Doc]]
) -> list[Candidate]:
    """An acronym the model tagged a person's name, or ran into one ("By SSgt Penny Snoozy
    [CJTF-HOA] Djibouti"), is the body's when it spells a longer name of the document that is
    no person's ("Combined Joint Task Force-Horn of Africa"): it becomes that body's mention,
    cut from the name it ran into. Not a person's initials ("MBS" of Mohammed bin Salman), nor
    a roman numeral ("William Wheeler III"); nor the end of a name written in capitals."""
    long_names = [c.name for c in found if c.label != "PERSON" and " " in c.name.strip()]
    if not long_names:
        return found
    extra: list[Candidate] = []
    for c in found:
        if c.label != "PERSON":
            continue
        words = c.name.split()
        last = words[-1]
        if (
            not is_acronym(last)
            or _ROMAN_NUMERAL.fullmatch(last)
            # post-nominal letters ("John Smith USN", "Keir Starmer KC") stay the person's:
            # only a longer acronym ran in from a byline
            or (len(words) > 1 and len(re.sub(r"\W", "", last)) < 4)
            or (len(words) > 1 and all(w.isupper() for w in words))
            or not any(abbreviates(last, name) for name in long_names)
        ):
            continue
        doc = pieces[c.chunk][1]
        if len(words) == 1:
            c.label, c.person = "ORG", None
            continue
        start = c.end - 1
        while start > c.start and not doc[start - 1].whitespace_:
            start -= 1  # "CJTF-HOA" is three tokens
        if start == c.start:
            continue
        offset = c.char_start - doc[c.start].idx
        extra.append(
            _found_at(
                c.chunk,
                offset,
                doc[start : c.end],
                c.sentence,
                label="ORG",
                name=doc[start : c.end].text,
                prev_word=doc[start - 1].lower_,
            )
        )
        _respan(c, doc, c.start, start)
        c.person = parse_person(c.name)
    if not extra:
        return found
    return sorted(found + extra, key=lambda c: c.char_start)


def _retag_surnames(found: list[Candidate], pieces: list[tuple[int, Doc]]) -> None:
    """A person's name the model tagged as a place or body ("Hagel also thanked [Aguiar-Branco]"
    tagged ORG, "beside [Qureshi]" tagged GPE) is the person's when the document has named that
    person in full before: the same full name, or one word that is its surname. Not a country,
    capital, generic word or acronym, nor a word after "in", "at" or "from" ("in Washington"
    of a story on George Washington), unless it is a possessor ("part of [Hagel]’s
    discussion") or the "to" is a phrase's ("In addition to [Pelosi]")."""
    full: dict[str, int] = {}
    surnames: dict[str, int] = {}
    firsts: dict[str, int] = {}
    for c in found:
        if c.label == "PERSON" and c.person is not None and c.person.is_full:
            key = fold(c.name)
            full[key] = min(full.get(key, c.char_start), c.char_start)
            key = c.person.surname_key
            surnames[key] = min(surnames.get(key, c.char_start), c.char_start)
            # Family name first: "Liang" of "Chinese Defense Minister Liang Guanglie", a titled
            # name whose first word is no given name ("Somerset Fire" is no one's)
            first = fold(c.person.first)
            if (
                c.titles
                and " " not in first
                and len(c.name.split()) <= 3
                and not is_given_name(first)
            ):
                firsts[first] = min(firsts.get(first, c.char_start), c.char_start)
    if not full:
        return
    countries, capitals, kinds = _country_words(), _capital_names(), name_kinds()
    for c in found:
        if c.label not in ("ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT"):
            continue
        key = fold(c.name)
        if key in full:  # a full name, on its own line or tagged apart once
            c.label, c.person = "PERSON", parse_person(c.name)
            continue
        doc = pieces[c.chunk][1]
        # "emphasized to [Liang]" of the titled "Liang Guanglie": a place or body tagged alone,
        # never a people, a river or a modifier ("Han settlers", "along the Han", "the Wei
        # river")
        first_word = (
            firsts.get(key, c.char_start) < c.char_start
            and c.label in ("GPE", "ORG")
            and c.prev_word != "the"
            and not (c.end < len(doc) and doc[c.end].pos_ in ("NOUN", "PROPN"))
        )
        if (
            _ONE_NAME_WORD.fullmatch(c.name)
            and (surnames.get(surname_fold(key), c.char_start) < c.char_start or first_word)
            and key not in countries
            and key not in capitals
            and key not in kinds
            and key not in ORG_WORDS
            and not is_acronym(c.name)
            and (
                c.prev_word not in PLACE_PREPOSITIONS
                or _possessor(pieces[c.chunk][1], c.end)
                or _to_of_a_phrase(pieces[c.chunk][1], c.start)
            )
        ):
            c.label, c.person = "PERSON", parse_person(c.name)


# Words before "to" that make it no preposition of place: "In addition to Pelosi"
_TO_PHRASES = {"addition", "according", "thanks", "contrary", "opposed"}
# Verbs whose "to" names whom one speaks or gives to: "emphasized to Liang"
_TO_ADDRESSEE_VERBS = {
    "say",
    "speak",
    "talk",
    "explain",
    "emphasize",
    "emphasise",
    "stress",
    "express",
    "convey",
    "complain",
    "apologize",
    "apologise",
    "propose",
    "suggest",
    "reply",
    "respond",
    "listen",
    "mention",
    "pledge",
    "promise",
    "hand",
}


def _to_of_a_phrase(doc: Doc, start: int) -> bool:
    """Is the word before token `start` the "to" of a phrase like "in addition to", or of a
    verb of speaking to someone ("emphasized to Liang")?"""
    return (
        start >= 2
        and doc[start - 1].lower_ == "to"
        and (
            doc[start - 2].lower_ in _TO_PHRASES
            or (doc[start - 2].pos_ == "VERB" and doc[start - 2].lemma_ in _TO_ADDRESSEE_VERBS)
        )
    )


def _possessor(doc: Doc, end: int) -> bool:
    """Is the name ending before token `end` followed by a possessive ending ("Hagel’s")?"""
    return end < len(doc) and doc[end].tag_ == "POS"


_HONORIFICS = {"Mr", "Mrs", "Ms", "Dr", "MR", "MRS", "MS"}


def _retag_full_names(found: list[Candidate], pieces: list[tuple[int, Doc]]) -> None:
    """A full name the model tagged ORG, GPE or FAC ("Leone Marucci ... Marucci said") is a
    person's when its first word is a known given name and its surname stands alone elsewhere
    in the document (not at the start of a sentence)."""
    alone: set[str] = set()
    for _, doc in pieces:
        for tok in doc:
            if tok.is_sent_start or not tok.text[:1].isupper():
                continue
            if (tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper()) or (
                tok.i > 0
                and doc[tok.i - 1].text[:1].isupper()
                and doc[tok.i - 1].text.rstrip(".") not in _HONORIFICS  # "Mr. Mesic"
            ):
                continue
            alone.add(tok.text)
    # "his Thai counterpart, [Abhisit Vejjajiva]" tagged ORG, then "Abhisit said": a person
    # the document names by the first word of the name elsewhere
    lone_people = {c.name for c in found if c.label == "PERSON" and " " not in c.name}
    for c in found:
        if c.label not in ("ORG", "GPE", "FAC", "LOC") or c.end - c.start < 2:
            continue
        words = c.name.split()
        if (
            len(words) == 2
            and words[0] in lone_people
            and words[0] in alone
            and _person_like(c.name, known_given=False)
        ):
            c.label, c.person = "PERSON", parse_person(c.name)
            continue
        # "Croatia's new President-elect, [Stipe Mesic]" tagged ORG, then "Mr. Mesic": a
        # surname the model tags a person's elsewhere needs no known given name before it
        # (two words only: "The Notorious Bettie Page" is a film on the Page of the story)
        lone_surname = words[-1] in lone_people and len(words) == 2
        if words[-1] in alone and _person_like(c.name, known_given=not lone_surname):
            person = parse_person(c.name)
            if person.is_full:
                c.label, c.person = "PERSON", person


def _retag_apposed_people(
    found: list[Candidate], pieces: list[tuple[int, Doc]], lexicon: Lexicon
) -> None:
    """A name the model tagged a body or place that stands in apposition to a role noun is a
    person's: "sanctioned two Cambodian government officials, [Chau Phirun] (Chau) and Tea
    Vinh" (the first tagged ORG). The name reads as a person's (two to four words, a known
    given name first, none a generic word of a place or body, no country), the noun is a title
    or role in lower case and no firm's ("financial adviser, Goldman Sachs"); a name joined to
    the apposition by "and" counts too. Also a lone given name apposed to a kinship noun: "the
    one led by his son, [Ilham]" is the story's one Ilham named in full, when the sentence names
    another of his family ("Heidar Aliyev")."""
    # roles firms, parties and teams fill too ("the market leader, Hewlett Packard", "the
    # bank's outside counsel, Wachtell Lipton", "the main opposition, Sinn Fein")
    firm_roles = frozenset(lexicon.relations.get("advised", {}).get("role", [])) | {
        "opposition",
        "leader",
        "counsel",
        "head",
        "chief",
    }
    kin = kinship_words()
    # "the government of Heidar Aliyev or the one led by his son, [Ilham]" (tagged GPE), in a
    # story on Ilham Aliyev: the given name of one person the story names in full, apposed to
    # a kinship noun in a sentence naming another of that family
    surnames_of: dict[str, set[str]] = defaultdict(set)
    for c in found:
        if c.label == "PERSON" and c.person is not None and c.person.is_full:
            surnames_of[c.person.first].add(c.person.last)
    for c in found:
        if c.label not in ("ORG", "GPE", "FAC", "LOC", "PRODUCT"):
            continue
        tok = pieces[c.chunk][1][c.start : c.end].root
        if (
            c.end - c.start == 1
            and len(surnames_of.get(c.name, ())) == 1
            and any(
                p.sentence == c.sentence
                and p.person is not None
                and p.person.first != c.name
                and p.person.last in surnames_of[c.name]
                for p in found
                if p.label == "PERSON"
            )
            and tok.dep_ == "appos"
            and tok.head.lower_ in kin
            and any(d.dep_ == "poss" for d in tok.head.children)
        ):
            c.label, c.person = "PERSON", parse_person(c.name)
            continue
        if not _person_like(c.name, known_given=True):
            continue
        while tok.dep_ == "conj" and tok.head.i < tok.i:
            tok = tok.head
        head = tok.head
        if (
            tok.dep_ == "appos"
            and head.i < tok.i
            and head.pos_ == "NOUN"
            and head.is_lower
            and lexicon.is_title(head.text)
            and fold(head.lemma_) not in firm_roles
            # "the political party Vlaams Belang": a body's kind is no role
            and fold(head.lemma_) not in ORG_WORDS
            and not name_kinds().get(fold(head.lemma_))
        ):
            person = parse_person(c.name)
            if person.is_full:
                c.label, c.person = "PERSON", person


def _plain_name_word(tok: Token, countries: frozenset[str]) -> bool:
    """A capitalised word that can be part of a person's name (not a generic word of a place or
    organization, a country or nationality)."""
    w = fold(tok.text)
    return (
        tok.text[:1].isupper()
        and not is_acronym(tok.text)
        and w not in countries
        and w not in ORG_WORDS
        and w not in name_kinds()
        and not any(ch.isdigit() for ch in tok.text)
    ) or tok.lower_ in _NAME_PARTICLES


def _titled_names(
    found: list[Candidate], pieces: list[tuple[int, Doc]], lexicon: Lexicon, again: bool = True
) -> None:
    """Persons the model tagged otherwise because of a title:
    - a name right after a person's title ("South African President Thabo Mbeki" tagged GPE,
      "Sen. Whitehouse" tagged ORG) is a person's;
    - a span that runs a title into a name ("Secretary of [State Tillerson]", "[State for
      African Affairs Jendayi Frazer]") is cut to the name, when a person of the document
      bears that surname, the name has a known given name, or the span opens on a
      department's word after an office's "of" ("Secretary of [Defense Cohen]").
    A person found so may make another: "[Defense Fredy Díaz]" gives the surname of "the
    Minister of the Presidency [Ebal Díaz]" (tagged LOC), so a second pass reads again."""
    persons_before = sum(c.label == "PERSON" for c in found)
    countries = _country_words()
    surnames = {c.person.last for c in found if c.label == "PERSON" and c.person}

    def titleish(tok: Token) -> bool:
        w = tok.lower_
        return (
            lexicon.is_title(tok.text)
            or w in lexicon.title_modifiers
            or w in ("of", "for", "the", "and", "affairs", ",")
            or fold(tok.text) in countries
        )

    for c in found:
        if c.label not in ("ORG", "GPE", "FAC", "LOC", "NORP"):
            continue
        _, doc = pieces[c.chunk]
        tokens = list(doc[c.start : c.end])
        if name_kind(c.name) or not tokens:
            continue
        start = c.start
        office: list[Token] = []
        if _surname_closing_office(doc, c, lexicon):
            # "..., Assistant to the President for Homeland Security and Counterterrorism
            # [Monaco], Director of National Intelligence Clapper, ..."
            office = _office_run_before(doc, c.start, lexicon)
        elif titleish(tokens[0]):
            cut = max(n for n, t in enumerate(tokens) if titleish(t)) + 1
            if len(tokens) - cut > 3 and (k := _given_name_at(tokens[cut - 1 :], countries)):
                cut += k - 1  # "[Minister of Human Rights Karla Cueva]": the office's words
            tail = tokens[cut:]
            if not 1 <= len(tail) <= 3 or not all(_plain_name_word(t, countries) for t in tail):
                continue
            if not (
                tail[-1].text in surnames
                or (len(tail) > 1 and is_given_name(tail[0].text))
                # "Secretary of [Defense Cohen]": a department's word after a minister's or
                # secretary's "of"; "Deputy Minister of Investments, Industry, and [Trade,
                # Badriddin Abidov]" (not "Chairman of [Energy Transfer]", "Secretary of [State
                # Department]")
                or (
                    tokens[0].lower_ in lexicon.title_modifiers
                    and c.start > 1
                    and (
                        doc[c.start - 1].lower_ == "of"
                        or (doc[c.start - 1].lower_ == "and" and tokens[cut - 1].text == ",")
                    )
                    and _office_before(doc, c.start, lexicon, commas=True)
                    and _department_office(doc, c.start)
                    and all(_plain_name_word(t, countries) and t.ent_type_ != "GPE" for t in tail)
                )
            ):
                continue
            start = c.start + cut
        elif (k := _given_name_at(tokens, countries)) and _office_before(doc, c.start, lexicon):
            # "Administrator for Latin America and the [Caribbean Barbara Feinstein]": the end
            # of an office's name run into its holder's
            start = c.start + k
        elif (
            2 <= len(tokens) <= 3
            and tokens[-1].text in surnames
            and all(_plain_name_word(t, countries) for t in tokens)
            and _office_before(doc, c.start, lexicon)
        ):
            pass  # "the Minister of the Presidency [Ebal Díaz]" beside "Fredy Díaz"
        else:
            before = doc[c.start - 1] if c.start > 0 else None
            if (
                before is None
                or not before.text[:1].isupper()
                or not lexicon.is_title(before.text)
                or before.lower_ in lexicon.title_modifiers
                or len(tokens) > 3
                or not all(_plain_name_word(t, countries) for t in tokens)
            ):
                continue
        span = doc[start : c.end]
        person = parse_person(span.text)
        if not person.last:
            continue
        title_tokens = office or _title_before(doc, start, {t.i for t in span}, lexicon)
        offset = c.char_start - doc[c.start].idx
        c.start, c.label, c.name, c.person = start, "PERSON", span.text, person
        c.char_start = offset + span.start_char
        c.titles = [" ".join(t.text for t in title_tokens)] if title_tokens else []
        c.title_core = title_core(title_tokens, lexicon)
        c.title_qualified = _qualified(title_tokens)
        c.title_nation = _nation(title_tokens)
        c.subject = span.root.dep_ in ("nsubj", "nsubjpass")
    if again and sum(c.label == "PERSON" for c in found) > persons_before:
        _titled_names(found, pieces, lexicon, again=False)


def office_words_before(doc: Doc, start: int, limit: int = 12) -> list[Token]:
    """The capitalised words (and "of", "for", "to", "the", "and") written right before token
    `start` in its sentence, at most `limit` of them: where an office's name may be."""
    first = start
    while (
        first > doc[start].sent.start
        and start - first < limit
        and (doc[first - 1].is_title or doc[first - 1].lower_ in ("of", "for", "to", "the", "and"))
    ):
        first -= 1
    return list(doc[first:start])


def _office_run_before(doc: Doc, start: int, lexicon: Lexicon) -> list[Token]:
    """The office's name written right before token `start`, from its first title word:
    "Assistant to the President for Homeland Security and Counterterrorism"."""
    words = office_words_before(doc, start)
    first = words[0].i if words else start
    while first < start and not (doc[first].is_title and lexicon.is_title(doc[first].text)):
        first += 1
    return list(doc[first:start])


def _white_house_office(doc: Doc, start: int, lexicon: Lexicon) -> bool:
    """Is the office written right before token `start` "... to the (Vice) President ..."?"""
    run = [t.lower_ for t in _office_run_before(doc, start, lexicon)]
    return any(
        run[i : i + 3] == ["to", "the", "president"]
        or run[i : i + 4] == ["to", "the", "vice", "president"]
        for i in range(len(run))
    )


def _titled_roster(doc: Doc, tok: Token, lexicon: Lexicon) -> bool:
    """Does the sentence of `tok` list two or more people each right after a title or an
    office's domain word ("joined by Vice President Biden, National Security Advisor Rice, ...")?"""
    domains = office_domains()
    titled = [
        ent
        for ent in doc.ents
        if ent.label_ == "PERSON"
        and ent.sent == tok.sent
        and ent.start > 0
        and (lexicon.is_title(doc[ent.start - 1].text) or doc[ent.start - 1].text in domains)
    ]
    return len(titled) >= 2


def _surname_closing_office(doc: Doc, c: Candidate, lexicon: Lexicon) -> bool:
    """A lone capitalised word right after an office's domain word, in a roster of titled
    people, is the holder's surname even when it is a place's name: "Assistant to the President
    for Homeland Security and Counterterrorism [Monaco]," (tagged ORG). The item must end there
    (a comma, "and" or the sentence's end), or it is the body's own name ("Homeland Security
    Investigations")."""
    if c.end - c.start != 1 or c.start == 0 or doc[c.start - 1].text not in office_domains():
        return False
    tok = doc[c.start]
    after = doc[c.end] if c.end < len(doc) else None
    following = doc[c.end + 1] if c.end + 1 < len(doc) else None
    if (
        after is not None
        and after.text == ","
        and following is not None
        and following.ent_type_ == "PERSON"
    ):
        return False  # "the Secretary of Public Security Mexico, Osorio Chong": his country
    if fold(tok.text) in _country_words() and not _white_house_office(doc, c.start, lexicon):
        # "Minister of Foreign Affairs Jordan, Minister of Defense Israel": countries, unless
        # the office is a White House one ("Assistant to the President for ... Monaco")
        return False
    return (
        tok.is_title
        and tok.is_alpha
        and len(tok) > 2
        and not is_acronym(tok.text)
        and not lexicon.is_title(tok.text)
        and tok.text not in office_domains()
        and fold(tok.text) not in ORG_WORDS
        and not name_kinds().get(fold(tok.text))
        and (after is None or after.text in (",", ";", ".") or after.lower_ == "and")
        and _office_before(doc, c.start - 1, lexicon)
        and _titled_roster(doc, tok, lexicon)
    )


def _given_name_at(tokens: list[Token], countries: frozenset[str]) -> int:
    """Where a full name starts inside a span: the last known given name that follows a word
    that is none ("... Cooperation [María] Dolores Aguero", "... North Macedonia [Nikola]
    Gruevski"), with at most three words of a name from it to the span's end; 0 if none."""
    for k in range(len(tokens) - 2, 0, -1):
        rest = tokens[k:]
        if len(rest) > 3 or not all(_plain_name_word(t, countries) for t in rest):
            return 0
        if is_given_name(tokens[k].text) and not is_given_name(tokens[k - 1].text):
            return k
    return 0


# Last words of a place one visits, never a body that acts ("Buckingham Palace said" is the
# royal household; "the Applied Arts Museum" is a building)
VISITED_PLACES = {
    "museum", "gallery", "memorial", "monument", "cemetery", "temple", "cathedral", "mosque",
    "shrine", "stadium",
}  # fmt: skip

# Small words inside an office's name and its list of departments: "Minister of Investments,
# Industry, and Trade", "Secretary for Health & Social Care"
OFFICE_NAME_JOINS = frozenset({"of", "for", "and", "the", "&", ","})

# Offices whose "of" names a department: "Secretary of Defense", "Minister of Trade"
DEPARTMENT_OFFICES = {"secretary", "minister", "undersecretary", "under-secretary"}


def _department_office(doc: Doc, start: int) -> bool:
    """Is the nearest "of" before token `start` that of a minister's or secretary's office
    ("Deputy Minister of Investments, Industry, and ...")?"""
    for tok in reversed(doc[max(start - 10, doc[start].sent.start) : start]):
        if tok.lower_ == "of":
            return tok.i > 0 and doc[tok.i - 1].lower_ in DEPARTMENT_OFFICES
    return False


def _office_before(doc: Doc, start: int, lexicon: Lexicon, commas: bool = False) -> bool:
    """Does an office's name end right before token `start` ("Minister of Foreign Affairs
    and International", "Administrator for Latin America and the")? Capitalised words, "of",
    "for", "and", "the" back to a title; with `commas`, a list of departments too ("Deputy
    Minister of Investments, Industry, and")."""
    joins = OFFICE_NAME_JOINS if commas else OFFICE_NAME_JOINS - {","}
    for tok in reversed(doc[max(start - 10, doc[start].sent.start) : start]):
        if lexicon.is_title(tok.text) and tok.is_title:
            return True
        if not (tok.is_title or tok.lower_ in joins):
            return False
    return False


def _parenthesised_acronym(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token bounds of the acronym closing a span 'Name ( ACR' or 'Name (ACR)', else None."""
    for p in range(start + 1, end - 1):
        if doc[p].text == "(":
            inner = [t for t in doc[p + 1 : end] if t.text != ")"]
            if len(inner) == 1 and is_acronym(inner[0].text) and p - start >= 2:
                return inner[0].i, inner[0].i + 1
            return None
    return None


# Labels the model gives names that are no entities of ours; an acronym it tagged so may still
# be one ("OCA" tagged PRODUCT).
_NUMERIC_LABELS = {"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"}


def _untagged_acronyms(
    pieces: list[tuple[int, Doc]],
    sentence_base: list[int],
    found: list[Candidate],
    skip: list[tuple[int, int]],
) -> list[Candidate]:
    """Acronyms the model left untagged that name an entity of the document: one defined in
    parentheses after a name ("Olympic Council of Asia (OCA)"), one tagged elsewhere, or one
    that abbreviates exactly one long name of the document ("NTF": National Turkey Federation).
    Each occurrence becomes a mention with the label of the entity it names; one the model
    tagged a person takes the label of the name that defines it."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for c in found:
        if c.label != "PERSON" and is_acronym(c.name):
            labels[c.name][c.label] += 1
    defined: set[str] = set()
    for c in found:
        # "Louisville (KY)" names a state, not Louisville: a definition follows a long name.
        if c.label == "PERSON" or is_acronym(c.name) or " " not in c.name:
            continue
        offset, doc = pieces[c.chunk]
        m = _ACRONYM_AFTER.match(doc.text, c.char_end - offset)
        acr = _defined_acronym(m, c.name)
        if acr and is_acronym(acr):
            labels[acr][c.label] += 1
            defined.add(acr)
    long_names = [c for c in found if c.label != "PERSON" and " " in c.name]
    covered = {(c.chunk, i) for c in found for i in range(c.start, c.end)}
    known: dict[str, str] = {name: votes.most_common(1)[0][0] for name, votes in labels.items()}
    for c in found:
        if c.label == "PERSON" and c.name in defined:
            # "he joined [ZANU-PF]" tagged a person, where the text defined it as a party's
            c.label, c.person = known[c.name], None
    extra = []
    for chunk, (offset, doc) in enumerate(pieces):
        sent_starts = [s.start for s in doc.sents]
        i = 0
        while i < len(doc):
            tok = doc[i]
            end = _spelled_acronym_end(doc, i)
            i = end
            span = doc[tok.i : end]
            if any((chunk, t.i) in covered or t.ent_type_ in ENTITY_LABELS for t in span):
                continue
            if tok.ent_type_ in _NUMERIC_LABELS or not is_acronym(span.text):
                continue
            if not span.text.replace(".", "").isupper() or in_ranges(offset + tok.idx, skip):
                continue
            label = known.get(span.text)
            if label is None:
                fits = {c.key for c in long_names if abbreviates(span.text, c.name)}
                if len(fits) != 1:
                    known[span.text] = ""
                    continue
                key = next(iter(fits))
                label = next(c.label for c in long_names if c.key == key)
                known[span.text] = label
            if not label:
                continue
            extra.append(
                _found_at(
                    chunk,
                    offset,
                    span,
                    sentence_base[chunk] + _sentence_of(sent_starts, tok.i),
                    label=label,
                    name=span.text,
                    prev_word=doc[tok.i - 1].lower_ if tok.i > 0 else "",
                )
            )
    return extra


# "Chau Phirun (Chau)": one word in brackets right after a name
_SHORT_FORM_AFTER = re.compile(r"\s*\(\s*([A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)\s*\)")


def _bracketed_short_forms(
    pieces: list[tuple[int, Doc]], found: list[Candidate]
) -> list[Candidate]:
    """Short forms defined in brackets that the model left untagged: "sanctioned Chau Phirun
    (Chau) and Tea Vinh (Tea)", as legal texts name people and bodies before calling them by
    one word. The word must be the first or last word of the name; each becomes a mention
    with the name's label (cluster joins it to the name)."""
    covered = {(c.chunk, i) for c in found for i in range(c.start, c.end)}
    places = {c.name for c in found if c.label in ("GPE", "LOC", "FAC")}
    places |= {w for w in {c.name for c in found} if fold(w) in _capital_names()}
    extra = []
    for c in found:
        words = c.name.split()
        if len(words) < 2 or c.label in ("GPE", "LOC"):
            continue
        offset, doc = pieces[c.chunk]
        m = _SHORT_FORM_AFTER.match(doc.text, c.char_end - offset)
        if not m or m.group(1) not in (words[0], words[-1]) or m.group(1) in places:
            continue  # "the Houston Chronicle (Houston)": a place, not the paper's short form
        span = doc.char_span(m.start(1), m.end(1))
        if span is None or any((c.chunk, t.i) in covered for t in span):
            continue
        extra.append(_in_brackets_after(c, offset, span, span.text))
    return extra


def _spelled_acronym_end(doc: Doc, i: int) -> int:
    """The end of an acronym spelled out letter by letter from token `i`, as radio scripts
    write those read as letters ("the M-L-C", which the tokenizer cuts at each hyphen); `i + 1`
    where there is none."""
    end = i + 1
    if len(doc[i].text) != 1 or not doc[i].is_upper:
        return end
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and len(doc[end + 1].text) == 1
        and doc[end + 1].is_upper
    ):
        end += 2
    return end


_SMALL_WORDS = {
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "on",
    "for",
    "and",
    "with",
    "at",
    "by",
    "as",
    "or",
}


_CLOCK_WORDS = ("a.m.", "p.m.")


def _is_headline(line: str) -> bool:
    """Title Case lines ("Republican Senator Declines to Support Bolton"), where the small
    model takes capitalised verbs and nouns for names."""
    # Words of scripts without case ("བོད་སྐད།" in a VOA page's language menu) say nothing.
    words = [
        w
        for w in re.findall(r"[^\W\d_][\w'’.-]*", line)
        if w.lower() not in _SMALL_WORDS
        and w[0].lower() != w[0].upper()
        and w.lower() not in _CLOCK_WORDS
    ]
    # "..., Friday, September 6, 1996 - 10 a.m.": a time's full stop closes no sentence
    stripped = line.rstrip()
    closed = stripped.endswith((".", "?", "!", ":")) and not stripped.lower().endswith(_CLOCK_WORDS)
    if len(words) < 3 or closed and len(line) > 80:
        return False
    # "The delegation met this week with King Abdullah, in Amman, Jordan, ... Israel,": a
    # paragraph of names that lost its full stop; no headline ends in a comma or runs this long
    # (a paragraph typed in capitals: "INTRO: THOUSANDS OF ANGRY DEMONSTRATORS TOOK ...")
    if stripped.endswith(",") or len(stripped) > 200:
        return False
    # A short sentence full of names ("Macron received Zelensky at the Elysee Palace on
    # Sunday.") keeps its verb in lower case; a headline with a full stop capitalises it too.
    share = 1.0 if closed else 0.8
    return sum(1 for w in words if w[0].isupper()) >= share * len(words)


def _confirm_headline_names(
    found: list[Candidate], pieces: list[tuple[int, Doc]]
) -> list[Candidate]:
    """Keep a one-word name from a Title Case headline only if the body uses that word in a name,
    and a longer person's name only if the body writes one of its words (capitalised as here)
    or one is a given name."""
    headline: set[int] = set()
    for n, (_, doc) in enumerate(pieces):
        if _is_headline(source_text(doc)):
            headline.add(n)
    if not headline:
        return found
    body_words = {
        surname_fold(fold(word))
        for c in found
        if c.chunk not in headline
        for word in c.name.split()
    }
    body = " ".join(doc.text for n, (_, doc) in enumerate(pieces) if n not in headline)
    # a transcript's speaker labels ("SECRETARY OF DEFENSE JIM MATTIS:") are names in capitals
    capitals = set(re.findall(r"\b[A-Z][A-Z'’-]+\b", body))
    kept = []
    for c in found:
        if c.chunk in headline and c.end - c.start > 1:
            _trim_to_body(c, pieces[c.chunk][1], body)
        if (
            c.chunk in headline
            and c.label == "PERSON"
            and c.end - c.start > 1
            and not any(
                is_given_name(word) or re.search(rf"\b{re.escape(word)}\b", body)
                for word in c.name.split()
            )
        ):
            continue  # "Somali Prime Minister [Disputes Firing]": headline words, no name
        if (
            c.chunk not in headline
            or c.end - c.start > 1
            or surname_fold(fold(c.name)) in body_words  # "Zelensky" for the body's "Zelenskyy"
            or (len(c.name) > 2 and c.name.upper() in capitals)
        ):
            kept.append(c)
    return kept


def _trim_to_body(c: Candidate, doc: Doc, body: str) -> None:
    """Cut a headline name back to the longest start of it that the body writes as a name:
    "[Dalai Lama Arrives] in Washington" is "Dalai Lama" when the body never writes "Dalai
    Lama Arrives" (the model runs Title Case verbs into names)."""

    def written(words: str) -> bool:
        return re.search(r"(?<![\w-])" + re.escape(words) + r"(?![\w-])", body) is not None

    if written(c.name):
        return
    for end in range(c.end - 1, c.start, -1):
        if written(doc[c.start : end].text):
            _respan(c, doc, c.start, end)
            if c.person is not None:
                c.person = parse_person(c.name)
            return


# Words that date or rank a title without changing the office: "the former national security
# adviser" holds the office "national security adviser".
TITLE_NOISE = {
    "former",
    "first",
    "new",
    "then",
    "current",
    "outgoing",
    "incoming",
    "late",
    "longtime",
    "ex",
    "future",
    "acting",
    "interim",
    "second",
    "third",
    "top",
    "newly",
    "recently",
    "the",
    "retired",
    "next",
    "previous",
    "sitting",
    # words that praise or weigh the holder: "a key Republican senator" is a senator
    "key",
    "leading",
    "prominent",
    "influential",
    "powerful",
    "veteran",
    "senior",
    "embattled",
    "ousted",
    "beleaguered",
    # honorifics are not offices
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "dr",
    "dr.",
    "sir",
    "dame",
    "madam",
    "mme",
    "m.",
}
# How many sentences from the top of a document a salience-resolved description may stand:
# the headline and standfirst name the article's subject.
LEAD_SENTENCES = 6
ANONYMITY_CUES = (
    "anonymity",
    "anonymous",
    "not authorized",
    "not be named",
    "not to be named",
    "not be identified",
    "declined to be named",
    "unnamed",
)


def _place_word(t: Token) -> bool:
    """A nationality or a country's or capital's name, tagged so or not ("the Kyiv leader")."""
    if t.ent_type_ in ("NORP", "GPE"):
        return True
    if not t.is_title:
        return False
    key = org_key(t.text)
    return key in _country_words() or key in _capital_names()


def _office_words(tokens: list[Token], lesser: frozenset[str] = frozenset()) -> list[Token]:
    """The words of a title that say which office it is. A word in `lesser` (the lexicon's
    `deputy_words`) always counts, however the model tagged it: "THE PRESS SECRETARY" (PRESS
    tagged an organization) is not the Secretary."""
    return [
        t
        for t in tokens
        if t.lower_ in lesser
        or t.lower_ not in TITLE_NOISE
        # "U.N. Secretary-General", "White House chief of staff": whose office, not which
        and t.ent_type_ not in ("ORG", "ORDINAL", "DATE")
        and not _place_word(t)
        and t.dep_ not in ("det", "poss", "case", "punct")
        and not t.is_punct
        and t.pos_ not in ("ADV", "CCONJ", "PRON")  # "how much both the Vice President"
    ]


def _qualified(tokens: list[Token]) -> bool:
    return any(_place_word(t) for t in tokens)


def _nation(tokens: list[Token]) -> str:
    """The country a title's nationality names ('Russian President' -> 'russia'), or ''."""
    from newsgraph.pipeline.corpus import country_keys  # corpus imports this

    names, demonyms = country_keys()
    capitals = _capital_names()  # "the Kyiv leader" is Ukraine's
    found = {
        demonyms.get(key) or names.get(key) or capitals.get(key) or key
        for t in tokens
        if _place_word(t) and (key := org_key(t.text))
    }
    return next(iter(found)) if len(found) == 1 else ""


def _country_at(tok: Token) -> str:
    """The country whose name the token is part of (a place the model tagged), or ''."""
    place = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if place is None or place.label_ != "GPE":
        return ""
    return _country_names().get(org_key(place.text), "")


def _nation_owner(tok: Token) -> str:
    """The country that owns an office ("Ecuador's ambassador" -> 'ecuador'), or ''."""
    return next((c for p in tok.children if p.dep_ == "poss" and (c := _country_at(p))), "")


def _nation_after(tok: Token) -> str:
    """The country an of-phrase gives an office ('the president of Afghanistan' ->
    'afghanistan'), or ''."""
    for pobj in (
        p
        for prep in tok.rights
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for p in prep.children
        if p.dep_ == "pobj"
    ):
        if any(c.dep_ == "cc" for c in pobj.children):
            return ""
        return _country_at(pobj)
    return ""


def title_core(tokens: list[Token], lexicon: Lexicon | None = None) -> str:
    """The office a title names, without dating words or nationality: 'British Prime Minister'
    and 'the former Prime Minister' -> 'prime minister'. With the `lexicon`, its deputy words
    always count ("Press Secretary" is no "Secretary"), and an of-phrase naming a department
    or a place is left out, as a description names the office: "Deputy Secretary of State" ->
    'deputy secretary' (but "Chief of Staff" stays 'chief of staff')."""
    lesser = lexicon.deputy_words if lexicon is not None else frozenset()
    cut = len(tokens)
    for n, t in enumerate(tokens):
        if t.lower_ in ("of", "for") and n > 0 and lexicon is not None:
            after = tokens[n + 1 :]
            if any(
                w.lower_ in lexicon.title_modifiers or w.ent_type_ in ("GPE", "LOC", "ORG", "NORP")
                for w in after
            ):
                cut = n
            break
    return " ".join(t.lower_ for t in _office_words(tokens[:cut], lesser))


@dataclass
class Description:
    """A definite role description: 'the President', 'the Foreign Minister'."""

    chunk: int
    start: int
    end: int
    sentence: int
    char_start: int
    char_end: int
    text: str
    core: str
    office: str  # as written: "Foreign Minister"
    qualified: bool  # "the Russian Foreign Minister"
    nation: str  # "russia"
    unique_office: bool
    subject: bool
    appos: tuple[int, int] | None  # token that names the holder: "the minister, Sergey Lavrov"
    owners: list[tuple[int, int]]  # possessor tokens: "Trump's adviser" is not Trump
    indefinite: bool = False  # "A key Republican senator says ...": named later in the story
    # "the Indian leader": the offices of a nation's leader it may stand for ("prime minister")
    leads_as: frozenset[str] = frozenset()
    # its common words, whoever owns it: "incumbent president" for "the incumbent president"
    # and "Ivory Coast's incumbent president"
    phrase: str = ""
    # a department's word qualifies the office: "the Foreign Secretary", "the Defense Minister"
    departmental: bool = False
    # "The President", capitalised, of an office a text may leave unnamed: it stands for its
    # holder even when the document never names one
    unnamed_holder: bool = False
    # a word of a lesser office: "the Vice President" is not the President
    deputy: bool = False


def find_descriptions(
    pieces: list[tuple[int, Doc]],
    sentence_base: list[int],
    lexicon: Lexicon,
    candidates: list[Candidate],
    skip: list[tuple[int, int]],
) -> list[Description]:
    """Singular definite noun phrases headed by a title word, not part of a name."""
    covered = {(c.chunk, i) for c in candidates for i in range(c.start, c.end)}
    people = {
        (c.chunk, i) for c in candidates if c.label == "PERSON" for i in range(c.start, c.end)
    }
    # A nationality, a country or a party word qualifies an office ("a key Republican senator",
    # "the U.S. defense secretary"): a modifier that is any other name ("the Trump adviser")
    # makes no description.
    countries = set(_country_names()) | {"us", "uk"}
    named_modifiers = covered - {
        (c.chunk, i)
        for c in candidates
        if c.label == "NORP" or (c.label == "GPE" and org_key(c.name) in countries)
        for i in range(c.start, c.end)
    }
    # "the Indian leader" may stand for the nation's president or prime minister
    leader_nouns = set(lexicon.words.get("leader_nouns", []))
    head_offices = frozenset(lexicon.words.get("head_offices", []))
    unnamed_offices = frozenset(lexicon.words.get("unnamed_holder_offices", []))
    deputy_words = lexicon.deputy_words
    found = []
    for chunk, (offset, doc) in enumerate(pieces):
        sent_starts = [s.start for s in doc.sents]
        for tok in doc:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ in ("NNS", "NNPS"):
                continue
            if (chunk, tok.i) in covered or tok.dep_ == "compound":
                continue
            # a word of a name, unless an office the model ran into one we dropped ("the
            # Minister of Foreign Affairs of Iraq, HE Dr Ibrahim Al-Ja'afari")
            if tok.ent_type_ and not (tok.ent_type_ == "ORG" and lexicon.is_title(tok.text)):
                continue
            # "the Canadian prime minister's allegations"; not "Trump's adviser's" chains
            if tok.dep_ == "poss" and not any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children
            ):
                continue
            if tok.lemma_.lower() not in lexicon.offices:
                continue
            dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
            if not dets:
                # "the secretary - general": the parser may hang the article on the compound
                dets = [
                    c
                    for m in tok.lefts
                    if m.dep_ == "compound"
                    for c in m.children
                    if c.dep_ == "det" and c.i < m.i
                ]
            if not dets and tok.dep_ == "conj" and tok.head.lemma_.lower() in lexicon.offices:
                # "The President and Chancellor condemned": the article serves both offices.
                dets = [c for c in tok.head.children if c.dep_ in ("det", "poss")]
            sentence = sentence_base[chunk] + _sentence_of(sent_starts, tok.i)
            # "A key Republican senator says he will not support ...": a story may open on
            # someone it names only later; only a subject of the lead, and only an office one
            # person of the story holds.
            indefinite = bool(
                dets
                and dets[0].lower_ in ("a", "an")
                and tok.dep_ in ("nsubj", "nsubjpass")
                and sentence < LEAD_SENTENCES
                and lexicon.offices[tok.lemma_.lower()]
                # "A Republican senator who spoke on condition of anonymity": a source the
                # story keeps unnamed on purpose.
                and not any(cue in tok.sent.text.lower() for cue in ANONYMITY_CUES)
            )
            # "Gen. Martin E. Dempsey, chairman of the Joint Chiefs of Staff,": an office in
            # apposition to a person needs no article
            bare_appos = (
                not dets
                and tok.dep_ == "appos"
                and (chunk, tok.head.i) in people
                # "Monaco, Director of National Intelligence Clapper, ...": a roster's next
                # item, whose holder follows the office's domain
                and not _holder_after_domain(doc, chunk, tok, people)
            )
            if not bare_appos and (
                not dets or not (dets[0].lower_ == "the" or dets[0].dep_ == "poss" or indefinite)
            ):
                continue
            mods = _left_modifiers(tok)
            # "the Trump adviser" is no description of its own, unless a name is set beside
            # it ("the U.N. special envoy to Burma, Ibrahim Gambari,")
            named_modifier = any((chunk, m.i) in named_modifiers for m in mods)
            if in_ranges(offset + tok.idx, skip):
                continue
            first = min([m.i for m in mods] + [tok.i])
            # the head itself, even as a possessor
            office = _office_words(mods, deputy_words) + [tok]
            core = " ".join(t.lower_ for t in office)
            if not core:
                continue
            named_beside = [
                c
                for c in tok.children
                if c.dep_ == "appos"
                and (chunk, c.i) in covered
                # "The President and the Prime Minister of Portugal, Antonio Guterres, met":
                # a name after a second office coordinated with this one is that office's
                and not any(tok.i < conj.i < c.i for conj in tok.conjuncts)
            ]
            # "attended by the Vice President, Secretary Albright, National Security Advisor
            # Berger, and ...": a list of people, none of them the first office's holder
            listed = sum((chunk, c.i) in people for c in tok.children if c.dep_ == "appos") > 1
            appos = (chunk, named_beside[0].i) if named_beside and not listed else None
            # "The Dalai Lama, Tibet's spiritual leader": the description stands beside a name.
            if appos is None and tok.dep_ == "appos" and (chunk, tok.head.i) in covered:
                appos = (chunk, tok.head.i)
            if appos is None:
                # "The leader of the opposition party, Raila Odinga", "the U.N. special envoy
                # to Burma, Ibrahim Gambari": the parser hangs the name on the party or place;
                # a person there names the officeholder.
                appos = next(
                    (
                        (chunk, a.i)
                        for prep in tok.children
                        if prep.dep_ == "prep" and prep.lower_ in ("of", "to", "for")
                        for pobj in prep.children
                        if pobj.dep_ == "pobj" and (chunk, pobj.i) not in people
                        for a in pobj.children
                        if a.dep_ == "appos" and (chunk, a.i) in people
                    ),
                    None,
                )
            if appos is None:
                appos = _name_after_comma(doc, chunk, tok, people, lexicon)
            if appos is None and tok.dep_ == "attr" and tok.head.lemma_ == "be":
                # "Mr. Ouattara is the country's duly-elected president": the subject holds it
                appos = next(
                    (
                        (chunk, c.i)
                        for c in tok.head.children
                        if c.dep_ == "nsubj" and (chunk, c.i) in people
                    ),
                    None,
                )
            if named_modifier and appos is None:
                continue
            owners = [(chunk, c.i) for c in tok.children if c.dep_ == "poss"]
            # "The President and Mrs. Reagan telephoned": a person coordinated with the
            # office is someone else
            others = [(chunk, c.i) for c in tok.conjuncts if (chunk, c.i) in people]
            nation = _nation(mods) or _nation_after(tok)
            qualified = _qualified(mods) or bool(nation)
            # "Ecuador's ambassador": the owner says whose office, not which kind of office
            nation = nation or _nation_owner(tok)
            span = doc[first : tok.i + 1]
            found.append(
                Description(
                    chunk=chunk,
                    start=first,
                    end=tok.i + 1,
                    sentence=sentence,
                    char_start=offset + span.start_char,
                    char_end=offset + span.end_char,
                    text=span.text,
                    core=core,
                    office=" ".join(t.text for t in office),
                    qualified=qualified,
                    nation=nation,
                    unique_office=lexicon.offices[tok.lemma_.lower()],
                    subject=tok.dep_ in ("nsubj", "nsubjpass"),
                    appos=appos,
                    owners=owners + others,
                    indefinite=indefinite,
                    leads_as=head_offices if core in leader_nouns else frozenset(),
                    phrase=" ".join(t.lower_ for t in span if t.pos_ in ("ADJ", "NOUN")),
                    departmental=any(t.lower_ in lexicon.title_modifiers for t in office[:-1]),
                    deputy=any(t.lower_ in deputy_words for t in office[:-1]),
                    unnamed_holder=(
                        core in unnamed_offices
                        and bool(dets)
                        and dets[0].lower_ == "the"
                        and appos is None
                        and not owners
                        and all(t.text[:1].isupper() for t in office)
                        and not _inside_title(doc, chunk, tok, first, people, lexicon)
                    ),
                )
            )
    return found


def _holder_after_domain(doc: Doc, chunk: int, tok: Token, people: set[tuple[int, int]]) -> bool:
    """Does a person's name close the office `tok` heads, right after a word of its domain
    ("Director of National Intelligence [Clapper]", "Director of the Federal Bureau of
    Investigation [Comey]")? Then the office is that person's. Only the office's own
    prepositional chain is read (not an apposition or a conjunct after it)."""
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ not in ("prep", "pobj"):
                continue
            if (chunk, c.i) in people:
                first = c.left_edge.i
                while first < c.i and (chunk, first) not in people:
                    first += 1
                if first > 0 and doc[first - 1].text in office_domains():
                    return True
            stack.append(c)
    return False


def _inside_title(
    doc: Doc, chunk: int, tok: Token, start: int, people: set[tuple[int, int]], lexicon: Lexicon
) -> bool:
    """Is the office word `tok` part of someone's title rather than a person of its own: the
    title of the name that follows ("the President and Foreign Minister Liberata Mulamula",
    "the President of Taiwan Tsai Ing-wen"), or the office another title serves ("Assistant to
    the President for Homeland Security Lisa Monaco", "Deputy National Security Advisor to the
    Vice President")?"""
    i = tok.i + 1
    while i < len(doc) and (
        doc[i].lower_ in ("of", "the") or doc[i].ent_type_ in ("GPE", "ORG", "NORP")
    ):
        i += 1  # the office's own domain: "of Taiwan"
    if i < len(doc) and (chunk, i) in people:
        return True
    # the word before "to the (Vice) President", wherever the parser hung the preposition
    det = start if doc[start].lower_ == "the" else start - 1
    return (
        det >= 2
        and doc[det].lower_ == "the"
        and doc[det - 1].lower_ in ("to", "of", "for")
        and lexicon.is_title(doc[det - 2].text)
    )


# Styles written in capitals before a name: His/Her Excellency, Royal Highness ("HE" is no
# title word: as a word it is the pronoun).
_STYLES = {"HE", "H.E.", "HRH", "H.R.H.", "HH", "HM"}


def _name_after_comma(
    doc: Doc, chunk: int, tok: Token, people: set[tuple[int, int]], lexicon: Lexicon
) -> tuple[int, int] | None:
    """ "Russia's Ambassador to the United States, Sergey Kislyak, said": a person's name set off
    by commas right after the description's phrase, however the parser attached it; not the
    first of a list ("the ambassador, Sergey Kislyak and Sergey Lavrov")."""
    # "the Deputy Minister of Investments, Industry, and Trade, Badriddin Abidov": the parser
    # may make the name the last of the departments, inside the office's phrase
    k = tok.i + 1
    while (
        k < tok.right_edge.i
        and (chunk, k) not in people
        and (doc[k].is_title or doc[k].lower_ in OFFICE_NAME_JOINS)
    ):
        k += 1
    if (
        (chunk, k) in people
        and doc[k - 1].text == ","
        and k > tok.i + 1
        # not past a second office: "The President and the Prime Minister of Portugal, X"
        and not any(tok.i < conj.i < k for conj in tok.conjuncts)
    ):
        end = k
        while end < len(doc) and (chunk, end) in people:
            end += 1
        if end - 1 == tok.right_edge.i:
            return (chunk, end - 1)
    i = tok.right_edge.i + 1
    # "... Ambassador to the United States, Sergey Kislyak": the office's own of/to-phrase,
    # whatever the parser hung it on, is part of the description.
    while i < len(doc) and (
        doc[i].lower_ in ("to", "of", "for", "the") or doc[i].ent_type_ in ("GPE", "ORG", "NORP")
    ):
        i += 1
    if i + 1 >= len(doc) or doc[i].text != ",":
        return None
    j = i + 1
    while (
        j < len(doc) - 1
        and (chunk, j) not in people
        and (lexicon.is_title(doc[j].text) or doc[j].text in _STYLES)
    ):
        j += 1  # "..., HE Dr Ibrahim Al-Ja'afari"
    if (chunk, j) not in people:
        return None
    while j < len(doc) and (chunk, j) in people:
        j += 1
    if j < len(doc) and doc[j].text not in (",", ".", ";", ":") and not doc[j].is_sent_end:
        return None
    return (chunk, j - 1)


def _left_modifiers(tok: Token) -> list[Token]:
    out = []
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod", "nmod"):
            out.extend(_left_modifiers(child))
            out.append(child)
    return sorted(out, key=lambda t: t.i)


def _respan(c: Candidate, doc: Doc, start: int, end: int) -> None:
    """Move candidate `c` to the tokens [start, end) of its piece `doc`, with their text as its
    name and their character offsets in the document."""
    offset = c.char_start - doc[c.start].idx
    span = doc[start:end]
    c.start, c.end, c.name = start, end, span.text
    c.char_start, c.char_end = offset + span.start_char, offset + span.end_char


def _person_found(c: Candidate, offset: int, span: Span, **fields: Any) -> Candidate:
    """A person's candidate for the tokens of `span`, in the piece and sentence of `c`."""
    return _found_at(
        c.chunk,
        offset,
        span,
        c.sentence,
        label="PERSON",
        name=span.text,
        person=parse_person(span.text),
        **fields,
    )


def _found_at(chunk: int, offset: int, span: Span, sentence: int, **fields: Any) -> Candidate:
    """A candidate for the tokens of `span` in the piece `chunk`, which starts at character
    `offset` of the document."""
    return Candidate(
        chunk=chunk,
        start=span.start,
        end=span.end,
        sentence=sentence,
        char_start=offset + span.start_char,
        char_end=offset + span.end_char,
        **fields,
    )


def _in_brackets_after(
    c: Candidate, offset: int, span: Span, name: str, **fields: Any
) -> Candidate:
    """A mention written in brackets right after the candidate `c` ("Chau Phirun (Chau)",
    "Xi Jinping (习近平)"): of its sentence and label."""
    return _found_at(
        c.chunk, offset, span, c.sentence, label=c.label, name=name, prev_word="(", **fields
    )


def _runs_on(tok: Token, lexicon: Lexicon) -> bool:
    """A capitalised word, no title, that would make the name beside it a longer one ("Sunol
    Valley [Rock] Quarry", "Trump [Tower]")."""
    return tok.is_title and tok.is_alpha and not lexicon.is_title(tok.text)


def _plural_title(word: str, lexicon: Lexicon) -> bool:
    """ "Senators" in "Senators Durbin and McCain"."""
    return word.endswith("s") and lexicon.is_title(word[:-1])


def _plural_office(word: str, lexicon: Lexicon) -> bool:
    """ "Secretaries", "Ministers": the plural of an office's head word (offices.txt)."""
    w = word.lower()
    return w.endswith("s") and (w[:-3] + "y" if w.endswith("ies") else w[:-1]) in lexicon.offices


def _untagged_surnames(
    pieces: list[tuple[int, Doc]],
    sentence_base: list[int],
    found: list[Candidate],
    skip: list[tuple[int, int]],
    lexicon: Lexicon,
) -> list[Candidate]:
    """Surnames of people named in full elsewhere in the document that the model left untagged
    ("Trump fired Flynn" with "Trump" read as a common noun)."""
    surnames = {
        c.person.last
        for c in found
        if c.person is not None and c.person.is_full and " " not in c.person.last
    } | {
        word
        for c in found
        if c.person is not None and c.person.is_full
        for word in _first_surnames(c.person)
    }
    # a first word no list knows as a given name, which the story may use alone: "Abiy" of
    # "Abiy Ahmed", "Hu" of "Hu Jintao"
    countries, kinds = _country_words(), name_kinds()
    firsts = {
        first
        for c in found
        if c.person is not None
        and c.person.is_full
        and (first := c.name.split()[0]) == c.person.first
        and _ONE_NAME_WORD.fullmatch(first)
        and not is_given_name(first)
        and not lexicon.is_title(first)
        and fold(first) not in countries
        and fold(first) not in kinds
        and fold(first) not in ORG_WORDS
    } - surnames
    if not surnames and not firsts:
        return []
    covered = {(c.chunk, i) for c in found for i in range(c.start, c.end)}
    extra = []
    for chunk, (offset, doc) in enumerate(pieces):
        sent_starts = [s.start for s in doc.sents]
        # The model runs a Title Case headline into one long name ("[Durbin, Shaheen, Welch
        # Meet With Head Of Belarusian Opposition] Leader"); where that name was cut back to
        # its first word, the words after it are free to read.
        headline = _is_headline(source_text(doc))
        for tok in doc:
            if (chunk, tok.i) in covered:
                continue
            # a lone first word only as a clause's subject ("Abiy flew into Assab"), not as a
            # modifier ("Hindu traditions" of a story that tags "Hindu Kush" a person)
            if tok.text not in surnames and not (
                tok.text in firsts and tok.dep_ in ("nsubj", "nsubjpass")
            ):
                continue
            if tok.ent_type_ and not headline:
                continue
            if in_ranges(offset + tok.idx, skip):
                continue
            after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if (
                after is not None
                and _runs_on(after, lexicon)
                and not after.ent_type_
                and not _headline(tok.sent)  # where every word is capitalised
            ):
                continue  # "Trump Tower", "Sunol Valley Rock Quarry": a longer name
            start = tok.i
            before = doc[tok.i - 1] if tok.i > 0 else None
            if (
                before is not None
                and before.dep_ == "compound"
                and before.head.i == tok.i
                and before.pos_ == "PROPN"
                and before.is_title
                and not before.ent_type_
                and (chunk, before.i) not in covered
                and not before.is_sent_start
                and not lexicon.is_title(before.text)
                and not _plural_title(before.text, lexicon)  # "Senators Durbin and McCain"
                and before.lower_ not in name_kinds()
            ):
                start -= 1  # "Ivanka Trump" in a story on Donald Trump is someone else
            span = doc[start : tok.i + 1]
            extra.append(
                _found_at(
                    chunk,
                    offset,
                    span,
                    sentence_base[chunk] + _sentence_of(sent_starts, tok.i),
                    label="PERSON",
                    name=span.text,
                    person=parse_person(span.text),
                    subject=tok.dep_ in ("nsubj", "nsubjpass"),
                )
            )
    return extra


def _unit_names(found: list[Candidate], pieces: list[tuple[int, Doc]]) -> None:
    """Names of military units and bodies the model read otherwise:
    - a name opening on an abbreviated unit word is a body's ("[TF Duke]" tagged PERSON; not a
      rank written short, "Sqn Ldr John Smith", whose next word is a title);
    - a generic plural after a unit's name is its members, no part of the name ("[Task Force
      Thunderbolt Soldiers] and Sailors"); only after a unit's word ("Task Force", "Division"),
      so "the Documented Original Tuskegee Airmen" and "the Kandahar Council of Elders" stay
      whole."""
    plurals = generic_plurals()
    abbreviations = name_abbreviations()
    for c in found:
        _, doc = pieces[c.chunk]
        words = c.name.split()
        if (
            c.label == "PERSON"
            and len(words) > 1
            and fold(words[0]) in abbreviations
            and not any(fold(w) in abbreviations or _rank_word(w) for w in words[1:2])
        ):
            c.label, c.person = "ORG", None
        if (
            c.label == "ORG"
            and len(words) > 2
            and words[-1].lower() in plurals
            and any(fold(w) in _UNIT_WORDS for w in words[:-1])
            and fold(words[-2]) not in _ORG_LINK_WORDS
        ):
            if doc[c.end - 1].text == words[-1]:
                _respan(c, doc, c.start, c.end - 1)


# Words that tie a name to what follows: a plural after them is the name's own ("Council of
# Elders")
_ORG_LINK_WORDS = {"of", "for", "and", "the", "&"}
# Words of military units' names: "Task Force Thunderbolt", "3rd Brigade", "1st Infantry Division"
_UNIT_WORDS = {
    "task", "force", "division", "brigade", "battalion", "regiment", "squadron", "infantry",
    "corps", "cavalry", "artillery", "bct",
}  # fmt: skip
# Ranks written short before a name: "Sqn Ldr", "Sgt Maj"
_SHORT_RANKS = {"ldr", "sgt", "maj", "gen", "col", "lt", "capt", "cdr", "cmdr", "cpl", "pte"}


def _rank_word(word: str) -> bool:
    return fold(word) in _SHORT_RANKS


@cache
def generic_plurals() -> frozenset[str]:
    """Capitalised plurals that name no one alone ("Sailors"), from generic_plurals.txt."""
    return frozenset(data_lines("generic_plurals.txt"))


def _drop_lone_titles(found: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """A "person" that is one title word ("the Chinese State [Councilor] and Minister ... Guo
    Shengkun") names no one, unless some full name ends in that word ("Martin Luther King"),
    nor does a title's plural ("Foreign [Ministers] agreed"), a title's modifier ("the top House
    [Republican]"), an abbreviated title of any type ("Brig." tagged GPE) or a generic plural of
    any type ("U.S. Soldiers, [Sailors] brief ...")."""
    surnames = {c.person.surname_key for c in found if c.person is not None and c.person.is_full}
    abbreviated = abbreviated_titles()
    plurals = generic_plurals()
    return [
        c
        for c in found
        if not (
            c.end - c.start == 1
            and (
                c.name in abbreviated
                or c.name.lower() in plurals
                # "the 14th IA [Div.]": an abbreviated word of a unit's name, alone
                or fold(c.name) in name_abbreviations()
                or (
                    c.label == "PERSON"
                    and (
                        lexicon.is_title(c.name)
                        or c.name.lower() in lexicon.title_modifiers
                        # "Foreign [Ministers] agreed new sanctions": an office's plural
                        or _plural_title(c.name, lexicon)
                        or _plural_office(c.name, lexicon)
                    )
                    and fold(c.name) not in surnames
                )
            )
        )
    ]


def _split_body_and_holder(
    found: list[Candidate], pieces: list[tuple[int, Doc]], lexicon: Lexicon
) -> list[Candidate]:
    """'Ambassador to the [United Nations Samantha Power]': the model ran the body a title
    names into the name of its holder. After "TITLE to/of the", a body's name that ends in a
    person's name (a known given name first) is cut in two."""
    out: list[Candidate] = []
    for c in found:
        doc = pieces[c.chunk][1]
        split = None
        if (
            c.label in ("ORG", "GPE", "FAC", "LOC")
            and c.end - c.start >= 3
            and c.start >= 3
            and doc[c.start - 1].lower_ == "the"
            and doc[c.start - 2].lower_ in ("to", "of")
            and doc[c.start - 3].is_title  # "Ambassador", not "officials of the Red Cross"
            and lexicon.is_title(doc[c.start - 3].text)
        ):
            split = next(
                (
                    at
                    for at in (c.end - 2, c.end - 3)
                    if at > c.start and _person_like(doc[at : c.end].text)
                ),
                None,
            )
        title_start = c.start - 3
        if split is None:
            split, title_start = _surname_after_domain(doc, c, lexicon)
        if split is None:
            out.append(c)
            continue
        offset = pieces[c.chunk][0]
        body = doc[c.start : split]
        holder = doc[split : c.end]
        out.append(
            _found_at(
                c.chunk,
                offset,
                body,
                c.sentence,
                label=c.label,
                name=body.text,
                prev_word=c.prev_word,
            )
        )
        out.append(
            _person_found(
                c,
                offset,
                holder,
                titles=[doc[title_start:split].text],
                prev_word=doc[split - 1].lower_,
            )
        )
    return out


@cache
def office_domains() -> frozenset[str]:
    """Last words of offices' domains ("Secretary of [Defense]"), from office_domains.txt."""
    return frozenset(data_lines("office_domains.txt"))


def _surname_after_domain(doc: Doc, c: Candidate, lexicon: Lexicon) -> tuple[int | None, int]:
    """'Director of [National Intelligence Clapper]', 'Secretary of [Defense Hagel]': after
    "TITLE of/for (the)", a body's name whose last word follows an office's domain word
    (office_domains.txt) and is no such word, no title, no kind of body or place and no
    country, ends in the holder's surname. Returns (where the surname starts, where the
    title starts), or (None, 0)."""
    at = c.start - 1
    if at >= 1 and doc[at].lower_ == "the":
        at -= 1
    if (
        c.label not in ("ORG", "GPE", "FAC", "LOC", "NORP")
        or c.end - c.start < 2
        or at < 1
        or doc[at].lower_ not in ("of", "for")
        or not (doc[at - 1].is_title and lexicon.is_title(doc[at - 1].text))
    ):
        return None, 0
    last, before = doc[c.end - 1], doc[c.end - 2]
    domains = office_domains()
    if (
        before.text not in domains
        or not (last.is_title and last.is_alpha and len(last) > 2)
        or last.text in domains
        or lexicon.is_title(last.text)
        or name_kinds().get(fold(last.text))
        or fold(last.text) in _country_words()
        or (c.end < len(doc) and doc[c.end].is_title)  # the name runs on
    ):
        return None, 0
    # only in a roster of titled officials ("joined by Vice President Biden, National Security
    # Advisor Rice, ..., Director of National Intelligence Clapper"), where a last word after a
    # domain is a surname; alone, it is more likely the body's own ("Bureau of Labor
    # Statistics", "Homeland Security Investigations", "Energy Transfer")
    if not _titled_roster(doc, last, lexicon):
        return None, 0
    start = at - 1
    while start > 0 and doc[start - 1].is_title and lexicon.is_title(doc[start - 1].text):
        start -= 1  # "Deputy Secretary of State"
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].ent_type_ == "PERSON":
        # "Kelcy Warren, Chairman of Energy Transfer": the holder came first; not so after a
        # list's titled item ("... Director Olsen, Director of the FBI Comey")
        first = start - 2
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        if not (first > 0 and lexicon.is_title(doc[first - 1].text)):
            return None, 0
    return c.end - 1, start


def _split_name_pairs(found: list[Candidate], pieces: list[tuple[int, Doc]]) -> list[Candidate]:
    """Two people's surnames joined by a hyphen are two mentions, not one name: "the
    Powell-Arafat meeting", "Crisis Over Maliki-Bush Meeting"; so are two surnames alone joined
    by "and" in one span the model tagged a body ("[Kiir and Machar] discussed"). Both words
    must be surnames of people the document names apart; "Jean-Pierre" and "Min-soon" are left
    whole."""
    surnames = {c.person.surname_key for c in found if c.person is not None and c.person.last} - {
        ""
    }
    # "and" only between people the document names with a title ("President Salva Kiir",
    # "rebel leader Riek Machar"): "Procter and Gamble" stays the firm its founders named
    titled = {
        c.person.surname_key for c in found if c.person is not None and c.person.last and c.titles
    }
    out: list[Candidate] = []
    for c in found:
        doc = pieces[c.chunk][1]
        joiners = ("-", "and") if c.end - c.start == 3 and c.label != "PERSON" else ("-",)
        dash = next(
            (
                i
                for i in range(c.start + 1, c.end - 1)
                if doc[i].text in joiners
                and doc[i - 1].is_title
                and doc[i + 1].is_title
                and fold(doc[i - 1].text) in (surnames if doc[i].text == "-" else titled)
                and fold(doc[i + 1].text) in (surnames if doc[i].text == "-" else titled)
                and fold(doc[i - 1].text) != fold(doc[i + 1].text)
            ),
            None,
        )
        if dash is None:
            out.append(c)
            continue
        for tok in (doc[dash - 1], doc[dash + 1]):
            out.append(
                _person_found(
                    c,
                    pieces[c.chunk][0],
                    doc[tok.i : tok.i + 1],
                    prev_word=doc[tok.i - 1].lower_ if tok.i > 0 else "",
                )
            )
    return out


def _split_titled_lists(
    found: list[Candidate], pieces: list[tuple[int, Doc]], lexicon: Lexicon
) -> list[Candidate]:
    """A plural title before a list of names is that many people, whatever the model tagged
    the span: "met with [Sheiks Anwar, Lewis] and Hatham" (tagged a body) is Sheik Anwar and
    Sheik Lewis. Only a list (a comma or "and" between names of one or two capitalised words
    each), so that "the Presidents Cup" stays a name."""
    out: list[Candidate] = []
    for c in found:
        offset, doc = pieces[c.chunk]
        first = doc[c.start]
        if c.label == "PERSON" or c.end - c.start < 4 or not _plural_title(first.text, lexicon):
            out.append(c)
            continue
        items: list[list[Token]] = [[]]
        for tok in doc[c.start + 1 : c.end]:
            if tok.text == "," or tok.lower_ == "and":
                items.append([])
            else:
                items[-1].append(tok)
        if len(items) < 2 or not all(
            1 <= len(item) <= 2
            and all(t.is_title and t.is_alpha and not name_kinds().get(t.lower_) for t in item)
            for item in items
        ):
            out.append(c)
            continue
        title = first.text[:-1]
        for item in items:
            span = doc[item[0].i : item[-1].i + 1]
            out.append(
                _person_found(
                    c,
                    offset,
                    span,
                    titles=[title],
                    title_core=title.lower(),
                    prev_word=doc[span.start - 1].lower_,
                )
            )
    return out


def _untagged_repeats(
    pieces: list[tuple[int, Doc]],
    sentence_base: list[int],
    found: list[Candidate],
    skip: list[tuple[int, int]],
    lexicon: Lexicon,
) -> list[Candidate]:
    """Names of two or more words that the model tagged in one place and left untagged in
    another ("The Dalai Lama has arrived ..."). The repeat must stand alone: no capitalised
    word runs on before or after it, so "Dalai Lama Trust" is not the Dalai Lama."""
    names: dict[tuple[str, ...], Candidate] = {}
    for c in found:
        words = tuple(pieces[c.chunk][1][c.start : c.end].text.split())
        if c.label != "NORP" and len(words) > 1 and c.name == " ".join(words):
            names.setdefault(words, c)
    if not names:
        return []
    firsts = {words[0] for words in names}
    covered = {(c.chunk, i) for c in found for i in range(c.start, c.end)}
    extra = []
    for chunk, (offset, doc) in enumerate(pieces):
        sent_starts = [s.start for s in doc.sents]

        def inside(tok: Token) -> bool:
            # "Friends of [Lake Hiawatha]": the end of a longer name joined by a small word
            before = tok.doc[tok.i - 2 : tok.i]
            return (
                len(before) == 2
                and before[1].lower_ in ("of", "for", "de", "del", "and", "&")
                and before[0].is_title
                and not before[0].is_sent_start
            )

        for tok in doc:
            if tok.text not in firsts:
                continue
            for words, seen in names.items():
                end = tok.i + len(words)
                if words[0] != tok.text or end > len(doc):
                    continue
                span = doc[tok.i : end]
                if tuple(t.text for t in span) != words:
                    continue
                if any((chunk, t.i) in covered or t.ent_type_ for t in span):
                    continue
                if (
                    tok.i > 0
                    and _runs_on(doc[tok.i - 1], lexicon)
                    and not doc[tok.i - 1].is_sent_start
                ):
                    continue
                if inside(tok):
                    continue
                if end < len(doc) and _runs_on(doc[end], lexicon):
                    continue
                if in_ranges(offset + span.start_char, skip):
                    continue
                extra.append(
                    _found_at(
                        chunk,
                        offset,
                        span,
                        sentence_base[chunk] + _sentence_of(sent_starts, tok.i),
                        label=seen.label,
                        name=seen.name,
                        person=seen.person,
                        subject=span.root.dep_ in ("nsubj", "nsubjpass"),
                        prev_word=doc[tok.i - 1].lower_ if tok.i > 0 else "",
                    )
                )
                covered.update((chunk, t.i) for t in span)
                break
    return extra


def _sentence_of(sent_starts: list[int], token_index: int) -> int:
    lo, hi = 0, len(sent_starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sent_starts[mid] <= token_index:
            lo = mid
        else:
            hi = mid - 1
    return lo


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _country_words() -> frozenset[str]:
    from newsgraph.pipeline.corpus import country_words  # corpus imports this module

    return country_words()


def _country_names() -> dict[str, str]:
    """Folded name or other name of a country -> the country's key."""
    from newsgraph.pipeline.corpus import country_keys  # corpus imports this

    return country_keys()[0]


def _capital_names() -> dict[str, str]:
    """Folded capital -> its country's key ('kyiv' -> 'ukraine')."""
    from newsgraph.pipeline.corpus import capital_keys  # corpus imports this

    return capital_keys()


def _without_place(key: str, places: set[str]) -> list[str]:
    """An organization's name without the place that qualifies it, where the text names that
    place (`places`) or it is a country: 'minnesota vikings' -> 'vikings', 'house of commons of
    canada' -> 'house of commons'."""
    countries = _country_names()
    words = key.split()
    out = []
    for n in (1, 2, 3):
        lead = " ".join(words[:n])
        if len(words) > n and (lead in places or lead in countries):
            out.append(" ".join(words[n:]))
    head, sep, tail = key.rpartition(" of ")
    if sep and head and (tail in places or tail in countries):
        out.append(head)
    # not a body every place has: "Florida Supreme Court" is not the "Supreme Court"
    out = [short for short in out if not name_kinds().get(short.split()[-1])]
    # but the organs of the United Nations are one each: "the Security Council"
    for lead in _UN_NAMES:
        if key.startswith(lead + " ") and len(key.split()) > len(lead.split()) + 1:
            out.append(key[len(lead) + 1 :])
    return out


# The United Nations, as an organization's name begins with it (folded)
_UN_NAMES = ("united nations", "un")


def _without_legal_suffix(key: str) -> str:
    from newsgraph.pipeline.corpus import without_legal_suffix  # corpus imports this module

    return without_legal_suffix(key)


# 'U.S. Central Command (CENTCOM)'; 'the Revolutionary Armed Forces of Colombia, or FARC' (a
# foreign acronym that spells no English word of the name, so only the text can define it).
_ACRONYM_AFTER = re.compile(
    r"(['’]s)?\s*(?:[(\[]\s*(?:the\s+)?([A-Za-z.&-]{2,12})\s*[)\]]"
    r"|,\s+(?:or|also known as|known as"
    # "the National Liberation Forces, known by their French acronym FNL"
    r"|known (?:by|under) (?:its|their|the) (?:[A-Z][a-z]+ )?(?:acronym|initials|abbreviation))"
    r"\s+(?:the\s+)?([A-Za-z.&-]{2,12})(?=[\s,.;:)]|$))"
)


def _defined_acronym(m: re.Match[str] | None, name: str) -> str:
    """The acronym an `_ACRONYM_AFTER` match defines for `name`, or ''. After a possessive
    ("the African Union's (AU)") it must spell the name: "the Government of the [Russian
    Federation]’s (GoR)" defines no acronym of the name the model tagged."""
    if m is None:
        return ""
    acronym = m.group(2) or m.group(3) or ""
    if m.group(1) and not abbreviates(acronym, name):
        return ""
    return acronym


def _acronym_definitions(text: str, cands: list[Candidate]) -> dict[str, str]:
    """Acronyms defined in the text: 'U.S. Central Command (CENTCOM)' -> {'centcom': key}."""
    defined = {}
    for c in cands:
        m = _ACRONYM_AFTER.match(text[c.char_end : c.char_end + 60])
        acronym = _defined_acronym(m, c.name)
        if (
            not acronym
            or not is_acronym(acronym)
            or is_acronym(c.name)
            # one word defines an acronym only as a body's name ("Kuomintang (KMT)"), never a
            # place's ("Louisville (KY)" names a state)
            or (" " not in c.name.strip() and c.label != "ORG")
        ):
            continue
        if m.group(3) and any(d.key != c.key and abbreviates(acronym, d.name) for d in cands):
            continue  # "the European Union, or NATO": a list, not a definition
        if fold(acronym) in _country_words() or (
            c.name.isupper() and not abbreviates(acronym, c.name)
        ):
            # "BY PHILIP SMUCKER (KOSOVO)": in a text in capitals every word looks like an
            # acronym; there only one that spells the name's initials defines it
            continue
        defined[fold(acronym).replace(" ", "")] = c.key
    return defined


# Between two names, words that say the second is another name of the first.
_ALIAS_BETWEEN = re.compile(
    r"\s*,?\s*(?:whose (?:real|birth|given|full) name (?:is|was)|better known as|also known as"
    r"|a\.k\.a\.?|aka|known popularly as|born as|real name:?|alias|nicknamed)\s+[\"“']?",
    re.I,
)

# "Kuomintang (or Nationalist Party)": a body's other name in brackets after "or".
_OR_BRACKETED = re.compile(r"\s*\(\s*or\s+(?:the\s+)?", re.I)


def _bracketed_alias(first: Candidate, second: Candidate, text: str, person_keys: set[str]) -> bool:
    """Is `second` another name of `first` given in brackets right after it? "Mohammed Hamdan
    Daglo (Hemedti)": a full person name and one capitalised word that is no place, party or
    acronym ("Chris Smith (R-N.J.)", "Kerry (Massachusetts)") and that the text tags a person
    once at least; "the Kuomintang (or Nationalist Party)": two organization names; "Chau
    Phirun (Chau)": one word of the name, defined as its short form."""
    if text[second.char_end : second.char_end + 1] != ")":
        return False
    between = text[first.char_end : second.char_start]
    words = first.name.split()
    if (
        between.strip() == "("
        and len(words) >= 2
        and second.name in (words[0], words[-1])
        and first.label not in ("GPE", "LOC")
        and second.label not in ("GPE", "LOC", "FAC")
        and second.key not in _country_words()
        and second.key not in _capital_names()
    ):
        # "Chau Phirun (Chau)": a short form the text defines, one word of the name, whatever
        # the model tagged either
        return True
    if first.label == "ORG" and second.label == "ORG":
        return bool(_OR_BRACKETED.fullmatch(between))
    return (
        between.strip() == "("
        and first.person is not None
        and first.person.is_full
        and second.end - second.start == 1
        and second.name[:1].isupper()
        and not is_acronym(second.name)
        and second.key in person_keys
        and second.key not in _country_words()
        and second.key not in _capital_names()
    )


_PLACE_OF = re.compile(
    r"\b(?:city|town|village|province|county|district|region|municipality|prefecture) of\s+$",
    re.I,
)


# First words of Arabic compound surnames: "Abdel Rahim", "Abu Ghazaleh"
_SURNAME_OPENERS = frozenset({"abdel", "abdul", "abd", "abu", "abou", "abdal"})


@cache
def _given_name_title_words() -> frozenset[str]:
    return frozenset(data_lines("given_name_titles.txt"))


@cache
def kinship_words() -> frozenset[str]:
    """The kinship nouns of data/kinship.txt, in lower case ("son", "wife")."""
    return frozenset(w.lower() for w in data_lines("kinship.txt"))


@cache
def _kin_before() -> re.Pattern[str]:
    """A kinship noun and "of" that introduce the name right after them: "the son of Louis
    Mousseau", "the third child of Meier Bernheimer", "grandson of noted Philadelphia architect
    Clarence C. Zantzinger". Not "His son, T.J. DiLeo," whom the story may go on to quote as
    "DiLeo", and not across a sentence or a list ("the murders of his mother and sister. John
    Jenkin")."""
    words = "|".join(re.escape(w) for w in sorted(data_lines("kinship.txt"), key=len, reverse=True))
    return re.compile(
        rf"\b(?:{words})\s+of(?:\s+(?!and\b|or\b)[^\W\d_][\w-]*){{0,3}}\s*$",
        re.I,
    )


def _introduced_as_kin(c: Candidate, text: str) -> bool:
    return bool(_kin_before().search(text, max(0, c.char_start - 90), c.char_start))


def given_name_titled(titles: list[str] | tuple[str, ...]) -> bool:
    """May a lone name with these titles be a given name? Yes after a title that goes before a
    given name ("King", "Sheikh", "Sir"), and after a bare "Mr." or "Mrs." (of a name whose
    family name comes first: "Mr. Kim" of "Kim Jong Il"); not after an office ("Ambassador
    Jeffrey" is a surname)."""
    words = _given_name_title_words()
    if all(t.lower().rstrip(".") in _HONORIFIC_TITLES for t in titles):
        return True
    return any(w in words for t in titles for w in t.lower().split())


_HONORIFIC_TITLES = {"mr", "mrs", "ms", "miss", "madam", "madame"}


def _first_surnames(person: PersonName) -> list[str]:
    """Middle words that are no given names, read as a first surname: "Pacheco" of "Gregorio
    Pacheco Leyes", "Endara" of "Guillermo David Endara Galimany". Not a father's name in a
    patronymic chain ("Yusuf ibn Yaqub ibn Ishaq"), nor an organization's word."""
    middle = person.middle.split()
    if PATRONYMIC_PARTICLES.intersection(map(str.lower, middle)):
        return []
    countries = _country_words()
    return [
        word
        for word in middle
        if len(fold(word)) > 2
        and word[:1].isupper()
        and not is_given_name(word)
        and fold(word) not in countries
        and fold(word) not in ORG_WORDS
        and fold(word) not in name_kinds()
    ]


def _join_double_surnames(uf: _UnionFind, names_of: dict[int, list[PersonName]]) -> None:
    """ "Johnson Sirleaf" is the double surname of the one "Ellen Johnson Sirleaf" (as "López
    Obrador" is of "Andrés Manuel López Obrador"): a two-word name whose first word ends the
    middle of exactly one longer name of the same surname, and no other name."""
    groups = {root: names for root, names in names_of.items() if uf.find(root) == root}
    for root, names in list(groups.items()):
        if len(names) != 1 or names[0].middle:
            continue
        short = names[0]
        longer = [
            other
            for other, others in groups.items()
            if other != root
            and any(
                n.middle
                and fold(n.middle.split()[-1]) == fold(short.first)
                # not "[Nominates] Regina Benjamin" of a headline; but "Abdel Rahim" is the
                # surname of "Tayeb Abdel Rahim" whatever his given name
                and (is_given_name(n.first) or fold(short.first) in _SURNAME_OPENERS)
                for n in others
            )
        ]
        if len(longer) == 1 and len(groups) == 2:
            uf.union(longer[0], root)


def _join_surname_spellings(
    uf: _UnionFind, full_by_surname: dict[str, list[int]], candidates: list[Candidate]
) -> None:
    """Two spellings of one surname in one text that differ only by a doubled letter, or by one
    mistyped letter in a surname of six letters or more, with the same given name: "Mehdi
    Karroubi" and "Mehdi Karoubbi", "Raila Odinga" and "Raila Odinda" (never "Clinton" /
    "Clifton" without that given name, nor two written in one sentence: "Thomas Meyer met
    Thomas Meier")."""
    by_spelling: dict[str, list[str]] = defaultdict(list)
    for key in full_by_surname:
        if len(key) >= 5:
            by_spelling[surname_spelling(key)].append(key)
    # "Raila Odinga" (often) and "Raila Odinda" (once): one letter mistyped inside a long
    # surname; not the first letter ("Maria Hernandez" and "Maria Fernandez", "John Barker" and
    # "John Parker" are other people), and one spelling a slip beside the usual one
    long_keys = sorted(k for k in full_by_surname if len(k) >= 6 and " " not in k)
    written = Counter(c.person.surname_key for c in candidates if c.person is not None)
    groups = list(by_spelling.values()) + [
        [a, b]
        for n, a in enumerate(long_keys)
        for b in long_keys[n + 1 :]
        if len(a) == len(b)
        and a[0] == b[0]
        and sum(x != y for x, y in zip(a, b, strict=True)) == 1
        and min(written[a], written[b]) == 1
        and max(written[a], written[b]) >= 2
    ]

    def given(m: int) -> str:
        person = candidates[m].person
        return fold(person.first) if person is not None and len(person.first) > 2 else ""

    for keys in groups:
        for a_pos, a in enumerate(keys):
            for b in keys[a_pos + 1 :]:
                pairs = [
                    (m, n)
                    for m in full_by_surname[a]
                    for n in full_by_surname[b]
                    if given(m) and given(m) == given(n)
                ]
                sentences_a = {candidates[m].sentence for m in full_by_surname[a]}
                if pairs and not sentences_a & {candidates[n].sentence for n in full_by_surname[b]}:
                    uf.union(*pairs[0])


def _join_first_surnames(
    uf: _UnionFind, full_by_surname: dict[str, list[int]], candidates: list[Candidate]
) -> None:
    """ "Álvaro Uribe" is the "Álvaro Uribe Vélez" of the same text, a name written without its
    second surname ("Jefferson Madeira" / "Jefferson Madeira da Silva"): a two-word name whose
    surname is the first surname, right before the last, of exactly one longer name with the
    same given name, when no other full name bears that surname. The longer name comes first,
    as a text introduces a person; its last word is no generic word of a place or body and no
    country ("Wayne Gretzky Drive", "Square Enix Europe" are named after the shorter)."""
    countries, kinds = _country_words(), name_kinds()
    longer: dict[str, list[int]] = defaultdict(list)
    for members in full_by_surname.values():
        for m in members:
            person = candidates[m].person
            assert person is not None
            firsts = _first_surnames(person)
            last = fold(person.last)
            if (
                firsts
                and firsts[-1] == person.middle.split()[-1]
                and last not in countries
                and last.split()[-1] not in kinds
            ):
                longer[surname_fold(fold(firsts[-1]))].append(m)
    for key, members in full_by_surname.items():
        if key not in longer or len({uf.find(m) for m in members}) != 1:
            continue
        shorts = [candidates[m].person for m in members]
        if any(p is None or p.middle or p.suffix or not p.first for p in shorts):
            continue
        givens = {fold(p.first) for p in shorts if p is not None}
        first_short = min(candidates[m].char_start for m in members)
        fits = {
            uf.find(m)
            for m in longer[key]
            if fold(candidates[m].person.first) in givens  # type: ignore[union-attr]
            and candidates[m].char_start < first_short
        }
        if len(fits) == 1:
            uf.union(members[0], next(iter(fits)))


def cluster(
    candidates: list[Candidate], text: str, lexicon: Lexicon | None = None
) -> tuple[list[list[int]], set[int]]:
    """Group candidates into entities: the candidate indices of each entity, and the indices
    of surnames that fit several full names (ambiguous, kept apart). `lexicon` gives the
    titles of a couple ("General Secretary and Mrs. Gorbachev"); the shipped one if none."""
    n = len(candidates)
    uf = _UnionFind(n)
    ambiguous: set[int] = set()

    # 1. Full person names: same surname and compatible given names. Identical names join at
    # once; distinct names join only when every name of one group fits every name of the
    # other ("J. Smith" must not bridge "John Smith" and "Jane Smith").
    full_by_surname: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(candidates):
        if c.person is not None and c.person.is_full:
            full_by_surname[c.person.surname_key].append(i)
    for members in full_by_surname.values():
        first_of: dict[PersonName, int] = {}
        for m in members:
            name = candidates[m].person
            assert name is not None
            if name in first_of:
                uf.union(first_of[name], m)
            else:
                first_of[name] = m
        distinct = list(first_of.items())
        names_of: dict[int, list[PersonName]] = {m: [name] for name, m in distinct}
        for a_pos, (_, a) in enumerate(distinct):
            for _, b in distinct[a_pos + 1 :]:
                ra, rb = uf.find(a), uf.find(b)
                if ra == rb:
                    continue
                if all(given_names_compatible(x, y) for x in names_of[ra] for y in names_of[rb]):
                    uf.union(ra, rb)
                    root = uf.find(ra)
                    names_of[root] = names_of.pop(ra) + names_of.pop(rb)
        _join_double_surnames(uf, names_of)
    _join_surname_spellings(uf, full_by_surname, candidates)
    _join_first_surnames(uf, full_by_surname, candidates)
    countries = _country_words()
    # Surname index over full-name entities: the surname and the last word of a long surname.
    surname_entities: dict[str, set[int]] = defaultdict(set)
    given_entities: dict[str, set[int]] = defaultdict(set)
    given_members: dict[str, list[int]] = defaultdict(list)
    suffixed: dict[tuple[str, str], set[int]] = defaultdict(set)  # (surname, "jr") -> entities
    inner_entities: dict[str, set[int]] = defaultdict(set)
    for key, members in full_by_surname.items():
        if not key:
            continue
        for m in members:
            surname_entities[key].add(uf.find(m))
            if (last_word := surname_last_word(key)) is not None:
                surname_entities[last_word].add(uf.find(m))
            person = candidates[m].person
            assert person is not None
            if person.first:
                given_entities[fold(person.first)].add(uf.find(m))
                given_members[fold(person.first)].append(m)
            if person.suffix_key:
                suffixed[(key, person.suffix_key)].add(uf.find(m))
            for word in _first_surnames(person):
                inner_entities[surname_fold(fold(word))].add(uf.find(m))

    # 2. Lone surnames, whatever the model tagged them, join the one full name that fits.
    lone_person: dict[str, int] = {}
    ambiguous_by_key: dict[str, int] = {}
    persons: set[int] = {i for i, c in enumerate(candidates) if c.person is not None}
    # Numbered names without a given name ("Carol II", "Louis XIV"): "Carol" may be Carol II.
    regnal: dict[str, set[str]] = defaultdict(set)
    for c in candidates:
        if c.person is not None and not c.person.is_full and c.person.suffix_key:
            if not suffixed.get((c.person.surname_key, c.person.suffix_key)):
                regnal[c.person.surname_key].add(c.person.suffix_key)
    full_members = [m for members in full_by_surname.values() for m in members]
    person_words = {
        surname_fold(fold(c.name))
        for c in candidates
        if c.label == "PERSON" and c.end - c.start == 1
    }

    def _same_title(owners: set[int], lone_titles: list[str]) -> set[int]:
        """The owners whose full name carries one of the lone name's titles, if just one."""
        titles = {t.lower() for t in lone_titles}
        same = {
            o
            for o in owners
            if any(
                titles & {t.lower() for t in candidates[m].titles}
                for m in full_members
                if uf.find(m) == o
            )
        }
        return same if len(same) == 1 else set()

    def _first_full_start(root: int) -> int:
        return min(candidates[m].char_start for m in full_members if uf.find(m) == root)

    kin = {m for m in full_members if _introduced_as_kin(candidates[m], text)}
    spouses = _couples(text, lexicon or default_lexicon())

    def _relative(root: int) -> bool:
        """Is every full-name mention of this entity introduced as someone's relative? (A
        relative named again in full may be the more prominent one: "Hunter Biden, the son of
        President Joe Biden ... Biden met Zelensky ... Joe Biden has said ...".)"""
        return all(m in kin for m in full_members if uf.find(m) == root)

    for i, c in enumerate(candidates):
        rivals_added = False
        single = c.end - c.start == 1 or (c.person is not None and not c.person.is_full)
        if not single or is_acronym(c.name):
            continue
        # A place-tagged word is a surname only where it is not a country and not after
        # "in", "at", "from" ... ("Prima" tagged GPE in "Louis Prima ... Prima recorded").
        place_ok = (
            c.label == "GPE"
            and c.prev_word not in PLACE_PREPOSITIONS
            and fold(c.name) not in countries
        )
        if c.label not in PERSON_MISTAGS and not place_ok:
            continue
        key = surname_fold(fold(c.name)) if c.person is None else c.person.surname_key
        if not key:
            continue
        suffix = c.person.suffix_key if c.person is not None else ""
        if suffix:
            # "James III" is not "James IV"; "Desmarais Sr." joins only a "... Desmarais Sr.".
            owners = {uf.find(m) for m in suffixed.get((key, suffix), set())}
            key = f"{key} {suffix}"
        else:
            owners = {uf.find(m) for m in surname_entities.get(key, set())}
            # "Leonard" with "Ronald Leonard" and "Leonard Rose" could be either.
            rivals = {uf.find(m) for m in given_entities.get(key, set())} - owners
            rivals_added = bool(owners and rivals and is_given_name(key))
            if rivals_added:
                owners |= rivals
            if not owners and key not in given_entities and c.label != "NORP":
                owners = {uf.find(m) for m in inner_entities.get(key, set())}
            numbered = regnal.get(key, set())
            if owners and numbered:
                ambiguous.add(i)
                continue
            if not owners and len(numbered) == 1 and c.label == "PERSON":
                key = f"{key} {next(iter(numbered))}"
        if key in spouses and _wife(c):
            # "The President and Mrs. Reagan telephoned General Secretary and Mrs. Gorbachev":
            # Mrs. Gorbachev is not the General Secretary, nor any man of that surname.
            key = f"{key} (mrs)"
            if not c.name.startswith("Mrs"):
                c.name = f"Mrs. {c.name}"  # her own name in the graph, beside his
            owners = {
                o
                for o in owners
                if not any(
                    person_gender(candidates[m].person, candidates[m].titles) == "m"  # type: ignore[arg-type]
                    for m in full_members
                    if uf.find(m) == o
                )
            }
        if (
            not owners
            and not suffix
            # the word the model tagged a person elsewhere: "Chung said" tagged ORG once; or
            # the speaker after a quote: "..., said Wang." tagged ORG
            and (c.label == "PERSON" or key in person_words or c.prev_word in SPEAKER_CUES)
            and key not in lone_person
        ):
            # A given name, once: "Joe" for the one "Joe Biden" who is nobody's surname; a
            # family name written first: "Zhou" for the one "Zhou Enlai".
            by_given = {uf.find(m) for m in given_entities.get(key, set())}
            if c.titles and is_given_name(c.name) and not given_name_titled(c.titles):
                # "Ambassador Jeffrey" is a surname, not the Jeffrey of "Assistant Secretary
                # Jeffrey Feltman"; "South Korean President Kim" may be "South Korean
                # President Kim Dae Jung", whose family name comes first
                by_given = _same_title(by_given, c.titles)
            if len(by_given) > 1 and c.titles and c.label == "PERSON":
                by_given = _same_title(by_given, c.titles)
            if len(by_given) == 1 and (
                c.titles
                or is_given_name(c.name)
                or not any(
                    fold(candidates[m].person.last) in name_kinds()  # type: ignore[union-attr]
                    for m in given_members.get(key, ())
                )
            ):
                owners = by_given
        if len(owners) > 1 and c.titles and not rivals_added:
            # "South Korean President Kim" is the one Kim the text titled so
            owners = _same_title(owners, c.titles) or owners
        if len(owners) > 1 and not rivals_added and not suffix and not c.after_noun:
            # Writers name a second bearer of a surname in full before they use the surname
            # for either, so a lone surname read before that second full name is the first:
            # "Betty Bowes ... Bowes studied ... her husband Thomas David Bowes". Not where a
            # noun introduces the surname as someone new: "son of the actor Sreenivasan".
            earlier = {o for o in owners if _first_full_start(o) < c.char_start}
            if len(earlier) == 1:
                owners = earlier
            else:
                # Relatives named as such are not the one a bare surname goes on to mean:
                # "Lehmann Bernheimer ..., the third child of Meier Bernheimer ... In 1887,
                # Bernheimer bought ..." is Lehmann.
                principal = {o for o in earlier if not _relative(o)}
                if len(principal) == 1 and len(earlier) > 1:
                    owners = principal
        if len(owners) == 1:
            uf.union(next(iter(owners)), i)
            persons.add(i)
        elif len(owners) > 1 and c.label == "PERSON":
            # Every "Clinton" of a document with Bill and Hillary is one ambiguous entity.
            ambiguous.add(i)
            if key in ambiguous_by_key:
                uf.union(ambiguous_by_key[key], i)
            else:
                ambiguous_by_key[key] = i
        elif c.label == "PERSON" and not owners:
            if key in lone_person:
                uf.union(lone_person[key], i)
            else:
                lone_person[key] = i
    # Persons tagged ORG etc. for a surname that is also a lone PERSON elsewhere: "Trump" (ORG).
    for i, c in enumerate(candidates):
        if i in persons or c.label == "PERSON" or c.label not in PERSON_MISTAGS:
            continue
        if c.end - c.start == 1 and not is_acronym(c.name) and fold(c.name) in lone_person:
            uf.union(lone_person[fold(c.name)], i)
            persons.add(i)
    for i, c in enumerate(candidates):
        if c.person is not None:
            persons.add(i)

    # 3. Organizations and places: same key, or an acronym of exactly one long name.
    by_key: dict[str, int] = {}
    for i, c in enumerate(candidates):
        if i in persons:
            continue
        if c.key in by_key:
            uf.union(by_key[c.key], i)
        else:
            by_key[c.key] = i
    # "Africa Union" for the "African Union": a place's adjective written as the place
    by_place_form: dict[str, int] = {}
    for key, i in by_key.items():
        if candidates[i].label == "ORG" and " " in key:
            form = " ".join(w[:-1] if w.endswith("an") and len(w) > 4 else w for w in key.split())
            if form in by_place_form:
                uf.union(by_place_form[form], i)
            else:
                by_place_form[form] = i
    defined = _acronym_definitions(text, [c for i, c in enumerate(candidates) if i not in persons])
    long_keys = [k for k, i in by_key.items() if not is_acronym(candidates[i].name) and " " in k]
    for key, i in by_key.items():
        cand = candidates[i]
        if not is_acronym(cand.name):
            continue
        bare = key.replace(" ", "")
        if bare in defined and defined[bare] in by_key:
            uf.union(by_key[defined[bare]], i)
            continue
        fits = [k for k in long_keys if abbreviates(cand.name, candidates[by_key[k]].name)]
        roots = {uf.find(by_key[k]) for k in fits}
        if len(roots) == 1:
            uf.union(next(iter(roots)), i)
    # "3rd BCT" for the one "3rd Brigade Combat Team": some words kept, the rest an acronym
    for i in by_key.values():
        name = candidates[i].name
        if " " not in name or is_acronym(name):
            continue
        fits = [
            k
            for k in long_keys
            if abbreviated_name(name, candidates[by_key[k]].name)
            # "DR Congo" tagged a body is no short form of the country
            and candidates[by_key[k]].label == candidates[i].label
        ]
        roots = {uf.find(by_key[k]) for k in fits}
        if len(roots) == 1:
            uf.union(next(iter(roots)), i)

    # 4. Short forms: "Epic" for the one "Epic Records" of the text, "Izmir" for the one "Izmir
    # Province"; a generic head written alone ("the Commission") for the one name it ends
    # ("Philippine Commission"). Never a name that a person of the text bears ("Brigden" with
    # "William Wharton Brigden"), nor a country.
    short_owner: dict[str, set[int]] = defaultdict(set)
    short_type: dict[str, set[str]] = defaultdict(set)
    head_owner: dict[str, set[int]] = defaultdict(set)
    company_forms: set[str] = set()  # short forms that only drop "Inc." or "Ltd."
    place_forms: set[str] = set()  # short forms that only drop a place ("Minnesota Vikings")
    department_forms: set[str] = set()  # "Treasury" of the "Treasury Department"
    # "Britain's Treasury": a body a possessive gives a country of its own is not the department
    owned = {c.key for c in candidates if c.prev_word in ("'s", "’s")}
    place_keys = {c.key for c in candidates if c.label in ("GPE", "LOC")}
    for key, i in by_key.items():
        forms = short_forms(key)
        if candidates[i].label == "ORG":
            unplaced = _without_place(key, place_keys)
            place_forms.update(unplaced)
            forms += [(short, "ORG") for short in unplaced]
        for short, etype in forms:
            short_owner[short].add(uf.find(i))
            short_type[short].add(etype)
        if key.endswith(" department"):
            department_forms.update(short for short, _ in forms)
        bare = _without_legal_suffix(key)
        if bare != key:
            short_owner[bare].add(uf.find(i))
            company_forms.add(bare)
        head = head_word(key)
        if head:
            head_owner[head].add(uf.find(i))
    taken = set(surname_entities) | set(given_entities) | countries
    # A name the model typed otherwise is still a place after "the city of" ("the city of
    # Jeonju" is no short form of "Jeonju University").
    places = {
        c.key
        for c in candidates
        if c.label in ("GPE", "LOC")
        or _PLACE_OF.search(text, max(0, c.char_start - 40), c.char_start)
    }
    shorts = [(i, candidates[i]) for i in list(by_key.values()) + list(lone_person.values())]
    for i, c in shorts:
        key = c.key
        if key in taken or is_acronym(c.name) or not c.name[:1].isupper():
            continue
        owners = {uf.find(r) for r in short_owner.get(key, ())}
        # An organization's short form is no place: where "Oxford" is a place in the text, it
        # is not "Oxford University"; nor is "Heathrow Airport" the "Heathrow Airport Holdings".
        if owners and (
            (short_type[key] - {"GPE", "LOC"} and key in places)
            # "US Airways Group" + "Inc.", "House of Commons" + "of Canada"
            or (name_kind(key) and key not in company_forms | place_forms)
        ):
            owners = set()
        if key in department_forms and key in owned:
            owners = set()
        if not owners and " " not in key:
            owners = {uf.find(r) for r in head_owner.get(key, ())}
        if len(owners) == 1 and uf.find(i) not in owners:
            uf.union(next(iter(owners)), i)

    # 5. A name in its own script joins the name it follows.
    at_char = {c.char_start: i for i, c in enumerate(candidates) if c.script_of < 0}
    for i, c in enumerate(candidates):
        if c.script_of >= 0 and c.script_of in at_char:
            uf.union(at_char[c.script_of], i)

    # 6. A name the text says is another's: "Prachanda, whose real name is Pushpa Kamal Dahal",
    # "Islamic State, also known as ISIS".
    ordered = sorted(range(n), key=lambda i: candidates[i].char_start)
    same_name: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(candidates):
        same_name[c.key].append(i)
    person_keys = {c.key for c in candidates if c.label == "PERSON"}
    for a, b in pairwise(ordered):
        first, second = candidates[a], candidates[b]
        if (
            first.label in GRAPH_TYPES
            and second.label in GRAPH_TYPES
            and _ALIAS_BETWEEN.fullmatch(text[first.char_end : second.char_start])
        ):
            uf.union(a, b)
        elif _bracketed_alias(first, second, text, person_keys):
            # the alias stands alone elsewhere, maybe typed otherwise ("Hemedti's preference")
            for other in same_name.get(second.key, ()):
                uf.union(a, other)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(i)
    result = sorted(groups.values(), key=lambda ms: min(candidates[m].char_start for m in ms))
    return result, ambiguous


_COUPLE = re.compile(r"\b([A-Z][\w.]*) and Mrs\.? ([A-Z][\w’'-]+)")


def _couples(text: str, lexicon: Lexicon) -> set[str]:
    """Surname keys the text gives a couple: "The President and Mrs. Reagan", "General
    Secretary and Mrs. Gorbachev", "Mr. and Mrs. Smith" (a title or "Mr." before "and")."""
    return {
        surname_fold(fold(m.group(2)))
        for m in _COUPLE.finditer(text)
        if lexicon.is_title(m.group(1)) or m.group(1).rstrip(".") == "Mr"
    }


def _wife(c: Candidate) -> bool:
    return any(fold(t).rstrip(".") == "mrs" for t in c.titles)


def _country_name(name: str) -> bool:
    """Is this a country's name ('Nepal', 'Burma'), not its demonym?"""
    from newsgraph.pipeline.corpus import country_keys  # corpus imports this

    names, demonyms = country_keys()
    key = org_key(name)
    return key in names and key not in demonyms


def vote_type(members: list[Candidate]) -> str:
    """The entity's type: full person names decide; a country's name is a place whatever the
    model tagged it ("Nepal's Prime Minister to Meet ..." tagged PERSON, "DRC" ORG); a name
    ending in a facility's word is a facility ("Applied Arts Museum" tagged ORG); otherwise
    the majority label."""
    if any(c.person is not None and c.person.is_full for c in members):
        return "PERSON"
    votes = Counter(c.label for c in members)
    if (
        ("PERSON" in votes or "ORG" in votes)
        and all(_country_name(c.name) for c in members)
        # "Assistant to the President for Homeland Security and Counterterrorism Monaco" (not
        # "Minister of Defense [Israel]", a country in a list of offices)
        and not any(
            c.label == "PERSON" and any(" to the President" in t for t in c.titles) for c in members
        )
    ):
        return "GPE"  # "the Democratic Republic of the Congo (DRC)", "DRC" tagged ORG
    if (
        ("PERSON" in votes or "ORG" in votes)
        and not any(c.titles for c in members)
        and all(org_key(c.name) in _capital_names() for c in members)
        # an organization only after "in", "to", "from" ...: "Georgetown" may be the university
        and ("PERSON" in votes or all(c.prev_word in PLACE_PREPOSITIONS for c in members))
    ):
        # "talks in Dakar" tagged a person, "her visit to Ulaanbaatar" an organization: a
        # capital, untitled
        return "GPE"
    best = max(votes.values())
    tied = [label for label, count in votes.items() if count == best]
    if tied == ["ORG"] and all(fold(c.name).split()[-1] in VISITED_PLACES for c in members):
        return "FAC"  # "the Applied Arts Museum" tagged an organization: a place one visits
    if len(tied) == 1:
        return tied[0]
    if any(is_acronym(c.name) for c in members):
        tied = [t for t in tied if t != "PERSON"] or tied
    for preferred in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"):
        if preferred in tied:
            return preferred
    return tied[0]


def canonical_name(members: list[Candidate], etype: str) -> str:
    """The longest full form seen, the most frequent among equals."""
    if etype == "PERSON":
        forms = [c.person.display for c in members if c.person is not None]
        forms = forms or [c.name for c in members]
        # "Mrs. Gorbachev" beside her husband "Gorbachev" (see `cluster`): the honorific
        # tells the two nodes apart
        wives = [c.name for c in members if c.name.startswith("Mrs. ")]
        if wives and all(" " not in f for f in forms):
            return wives[0]
    else:
        forms = [re.sub(r"^(the|The)\s+", "", c.name) for c in members if c.script_of < 0]
        forms = forms or [c.name for c in members]
        non_acronyms = [f for f in forms if not is_acronym(f)]
        forms = non_acronyms or forms
    counts = Counter(forms)
    first_seen = {f: i for i, f in reversed(list(enumerate(forms)))}
    return max(counts, key=lambda f: (len(f.split()), counts[f], -first_seen[f]))


def _lesser_than_own_title(
    d: Description, members: list[int], candidates: list[Candidate], lesser: frozenset[str]
) -> bool:
    """Is a description the lesser office of the very title its apposed name bears ("Prime
    Minister Haradinaj, the Deputy Prime Minister and ..."): a list going on, not the man?"""
    for m in members:
        own = candidates[m].title_core
        extra = d.core[: -len(own)].split() if own and d.core.endswith(" " + own) else []
        if extra and all(w in lesser for w in extra):
            return True  # "deputy prime minister" beside "Prime Minister X"
    return False


def _resolve_descriptions(
    candidates: list[Candidate],
    groups: list[list[int]],
    descriptions: list[Description],
    lesser: frozenset[str] = frozenset(),
) -> set[int]:
    """Join each role description to the one person known to hold that office in the document
    (by a title written with a name: "President Obama" -> "the President"), or to the name in
    apposition; near the top of the article, to the subject of the sentence before. Resolved
    descriptions become mentions of that person, so relations and pronouns can use them.

    An office no one in the document holds by name ("The President" of a White House readout
    that never names him) becomes a person of its own; returns the indexes of those mentions,
    which the caller marks ambiguous: who holds the office, the text does not say."""
    group_of: dict[tuple[int, int], int] = {}
    for g, members in enumerate(groups):
        for m in members:
            c = candidates[m]
            for i in range(c.start, c.end):
                group_of[(c.chunk, i)] = g
    persons = {
        g
        for g, members in enumerate(groups)
        if vote_type([candidates[m] for m in members]) == "PERSON"
    }
    offices: dict[int, set[str]] = defaultdict(set)
    # office core -> (position, sentence, group, qualified) of each titled mention
    titled: dict[str, list[tuple[int, int, int, bool]]] = defaultdict(list)
    for g in persons:
        for m in groups[g]:
            c = candidates[m]
            if c.title_core:
                # A bare "the President" is not the "French President" of a US readout.
                offices[g].add(("q:" if c.title_qualified else "") + c.title_core)
                if c.title_nation:
                    offices[g].add(f"n:{c.title_nation}:{c.title_core}")
                titled[c.title_core].append((c.char_start, c.sentence, g, c.title_qualified))
    subjects: dict[int, list[int]] = defaultdict(list)  # sentence -> person groups as subject
    for g in persons:
        for m in groups[g]:
            c = candidates[m]
            if c.subject:
                subjects[c.sentence].append(g)
    contested: set[str] = set()
    # A description the text gives a name in apposition names that person wherever it stands,
    # before or after: the lede's "the incumbent president" is the "incumbent president,
    # Laurent Gbagbo" of the third paragraph, not the one person titled "President". A bare
    # office ("the president") is left to its titled holder.
    named_as: dict[str, set[int]] = defaultdict(set)
    for d in descriptions:
        if d.appos is not None and group_of.get(d.appos) in persons and " " in d.phrase:
            named_as[d.phrase].add(group_of[d.appos])
    office_sentences: dict[str, set[int]] = defaultdict(set)
    for d in descriptions:
        office_sentences[d.core].add(d.sentence)
    unresolved: list[tuple[Description, bool]] = []
    for d in sorted(descriptions, key=lambda d: d.char_start):
        owners = {group_of.get(o) for o in d.owners}
        chosen: int | None = None
        if (
            d.appos is not None
            and group_of.get(d.appos) in persons
            and not _lesser_than_own_title(d, groups[group_of[d.appos]], candidates, lesser)
        ):
            chosen = group_of[d.appos]
        elif d.phrase in named_as:
            if len(named_as[d.phrase]) > 1:
                continue  # two people named so: which one is meant is unclear
            chosen = next(iter(named_as[d.phrase]))
        else:
            keys = {d.core, "q:" + d.core} if d.qualified else {d.core}
            same_nation = [
                g
                for g in persons
                if d.nation
                and g not in owners
                and (
                    f"n:{d.nation}:{d.core}" in offices[g]
                    # "the Indian leader": the nation's one head of state or government
                    or any(
                        o.startswith(f"n:{d.nation}:") and o.rsplit(":", 1)[-1] in d.leads_as
                        for o in offices[g]
                    )
                )
            ]
            # A person named elsewhere in the same sentence is someone else: "The President
            # and President Sarkozy spoke", "the President called Prime Minister Cameron".
            named_here = {
                g for g in persons if any(candidates[m].sentence == d.sentence for m in groups[g])
            }
            holders = [g for g in persons if keys & offices[g] and g not in owners]
            if d.nation:
                # "the Pakistani president" is not the one president the story titles Afghan
                holders = [
                    g
                    for g in holders
                    if f"n:{d.nation}:{d.core}" in offices[g]
                    or not any(
                        o.startswith("n:") and o.rsplit(":", 1)[-1] == d.core for o in offices[g]
                    )
                ]
            if len(same_nation) == 1 and same_nation[0] not in named_here:
                # "In a news conference with Mr. Sarkozy, the Russian president said": the one
                # holder of the office of that nation, whoever else holds it elsewhere.
                holders = same_nation
            elif any(g in named_here for g in holders):
                # The text shows this office naming someone other than its known holder;
                # from here on the bare description is left unresolved. Here it is the one
                # other holder: "the Prime Minister has travelled to Algiers to meet with
                # President Bouteflika and Prime Minister Sellal" after "Prime Minister David
                # Cameron". Not a holder titled with a nationality, nor once the office was
                # seen naming others: "The President spoke separately with ... President
                # Hollande ... The President also spoke with President Berzins ..." is no
                # Hollande.
                first_contest = not keys & contested
                contested |= keys
                others = [g for g in holders if g not in named_here]
                if (
                    first_contest
                    and len(others) == 1
                    and "q:" + d.core not in offices[others[0]]
                    # a person the story makes a subject somewhere, not one only spoken to
                    and any(others[0] in lead for lead in subjects.values())
                    and not d.qualified
                    and d.subject
                ):
                    holders = same_nation = others
            if keys & contested and holders != same_nation:
                continue
            if len(holders) == 1 and not d.qualified and _overtaken(titled[d.core], holders[0], d):
                # "President Bush urged talks. ... Kenyan President Mwai Kibaki ... The
                # president says he will not step down": which president is meant is unclear.
                continue
            if (
                not holders
                and " " in d.core
                and not d.qualified
                # "the Foreign Secretary" is no "Secretary Powell": a department makes
                # another office
                and not d.departmental
            ):
                # "the opposition leader" after "the leader of the opposition party, Raila
                # Odinga": the one person known by the office's head word; not where a title
                # word makes it another office ("the Vice President" is not the President).
                head = d.core.rsplit(" ", 1)[1]
                if not d.deputy:
                    holders = [g for g in persons if head in offices[g] and g not in owners]
            if d.indefinite:
                # Only the one titled holder of the office anywhere in the story.
                chosen = holders[0] if len(holders) == 1 else None
            elif len(holders) == 1:
                chosen = holders[0]
            elif (
                not holders
                and d.subject
                and d.sentence < LEAD_SENTENCES
                and d.unique_office
                # "Delia Robertson reports. ... the South African president said": a
                # nationality says the office is not that of the last subject.
                and not d.qualified
            ):
                # "spokesman for U.N. Secretary-General Antonio Guterres ... the secretary":
                # someone titled with that word is named, so only that one may be the last
                # subject meant ("U.S. Secretary of State Colin Powell ... Mr. Powell was to
                # have met ... 'The secretary condemns ...'").
                titled_holders = {
                    g
                    for core, seen in titled.items()
                    if set(d.core.split()) <= set(core.split())
                    # "Vice President Joe Biden" holds no "the President"
                    and not (set(core.split()) - set(d.core.split())) & lesser
                    for _, _, g, _ in seen
                }
                # Only a person with no other known office takes this one by position; not
                # one beside the office itself ("The President spoke to ..., and Mrs. Reagan
                # spoke to ...": she is someone else).
                for back in range(d.sentence - 1, max(d.sentence - 3, -1), -1):
                    if back in office_sentences[d.core] or len(titled_holders) > 1:
                        break
                    before = {
                        g
                        for g in subjects.get(back, [])
                        if g not in owners
                        and (g in titled_holders if titled_holders else not offices[g])
                    }
                    if before:
                        chosen = next(iter(before)) if len(before) == 1 else None
                        break
        if chosen is None:
            if d.unnamed_holder and not contested & {d.core, "q:" + d.core}:
                # "Today the President spoke with French President Nicolas Sarkozy": a holder
                # of the office named beside it is someone else
                beside = any(
                    candidates[m].sentence == d.sentence
                    for g in persons
                    if "q:" + d.core in offices[g]
                    for m in groups[g]
                )
                unresolved.append((d, beside))
            continue
        offices[chosen].add(("q:" if d.qualified else "") + d.core)
        _add_description(candidates, groups[chosen], d)
        for i in range(d.start, d.end):
            group_of[(d.chunk, i)] = chosen
    # "Boris Johnson met the Iraqi Foreign Minister ... 'The Foreign Secretary met ...'": a
    # subject of the lead named in full with no title at all may be the holder meant
    if any(
        not any(candidates[m].titles for m in groups[g])
        and any(
            candidates[m].person is not None and candidates[m].person.is_full for m in groups[g]
        )
        for n, lead in subjects.items()
        if n < LEAD_SENTENCES
        for g in lead
    ):
        return set()
    return _unnamed_holders(candidates, groups, unresolved, offices)


def _add_description(candidates: list[Candidate], members: list[int], d: Description) -> None:
    """Append description `d` as a mention of the person whose mention indexes are `members`."""
    candidates.append(
        Candidate(
            chunk=d.chunk,
            start=d.start,
            end=d.end,
            label="PERSON",
            name=f"{'a' if d.indefinite else 'the'} {d.office}",
            sentence=d.sentence,
            char_start=d.char_start,
            char_end=d.char_end,
            titles=[d.office],
            title_core=d.core,
            description=True,
            subject=d.subject,
        )
    )
    members.append(len(candidates) - 1)


def _unnamed_holders(
    candidates: list[Candidate],
    groups: list[list[int]],
    unresolved: list[tuple[Description, bool]],
    offices: dict[int, set[str]],
) -> set[int]:
    """One new person per office that the document names only by its title: "The President
    met with the Foreign Minister of Kuwait" when no one is titled President or Foreign
    Minister, nor was any other description of the office resolved to a named person. A
    holder titled with a nationality ("Ukrainian president Yushchenko") holds it too, unless
    named beside the bare office (`unresolved` says where: "Today the President spoke with
    French President Nicolas Sarkozy"). Returns the indexes of the new mentions."""
    held = {o for owned in offices.values() for o in owned if not o.startswith("n:")}
    beside = {d.core for d, near in unresolved if near}
    by_core: dict[str, list[Description]] = defaultdict(list)
    for d, _ in unresolved:
        if d.core not in held and ("q:" + d.core not in held or d.core in beside):
            by_core[d.core].append(d)
    added: set[int] = set()
    for found in by_core.values():
        # "the Foreign Minister of Kuwait" and "the Foreign Minister of Bahrain": two people,
        # and which one a bare "the Foreign Minister" is, the text does not say
        if len({d.nation for d in found if d.nation}) > 1:
            continue
        members: list[int] = []
        for d in found:
            _add_description(candidates, members, d)
        groups.append(members)
        added.update(members)
    return added


def _overtaken(titled: list[tuple[int, int, int, bool]], holder: int, d: Description) -> bool:
    """Has a holder of the qualified office ("Kenyan President Kibaki") been named after the
    bare office's holder ("President Bush") and before the description, in a sentence of its
    own? Named together ("President Obama called French President Hollande"), the bare title
    stays with its own holder."""
    before = sorted(t for t in titled if t[0] < d.char_start)
    own = [t for t in before if t[2] == holder]
    last_pos, last_sentence = (own[-1][0], own[-1][1]) if own else (-1, -1)
    return any(
        q and g != holder and pos > last_pos and sent != last_sentence for pos, sent, g, q in before
    )


def link_document(
    doc_id: str,
    candidates: list[Candidate],
    text: str,
    descriptions: list[Description] | None = None,
    lexicon: Lexicon | None = None,
) -> tuple[list[Mention], list[Entity]]:
    """Mentions and entities of one document; sets `entity` on each candidate. Resolved role
    descriptions are added to `candidates`. `lexicon` is the run's (the shipped one if none)."""
    lexicon = lexicon or default_lexicon()
    groups, ambiguous_members = cluster(candidates, text, lexicon)
    if descriptions:
        ambiguous_members |= _resolve_descriptions(
            candidates, groups, descriptions, lexicon.deputy_words
        )
    entities: list[Entity] = []
    for members_idx in groups:
        members = [candidates[i] for i in members_idx]
        etype = vote_type(members)
        ambiguous = any(i in ambiguous_members for i in members_idx)
        eid = f"e{len(entities)}"
        titles = sorted({t for c in members for t in c.titles})
        aliases = sorted({c.name for c in members})
        entities.append(
            Entity(
                id=eid,
                name=canonical_name(members, etype),
                type=etype,
                aliases=aliases,
                titles=titles,
                mentions=len(members),
                documents=[doc_id],
                ambiguous=ambiguous,
            )
        )
        for c in members:
            c.entity = len(entities) - 1
    mentions = [
        Mention(
            text=text[c.char_start : c.char_end],
            name=c.name,
            label=c.label,
            start=c.char_start,
            end=c.char_end,
            sentence=c.sentence,
            titles=c.titles,
            entity=entities[c.entity].id,
        )
        for c in sorted(candidates, key=lambda c: c.char_start)
    ]
    return mentions, entities
