"""Relate stage: typed relations between a document's entities, from the dependency parse.

Grammar frames (spaCy DependencyMatcher patterns, `newsgraph/data/patterns.json`) are filled
with the word lists of `relations.toml`. Each match names a trigger and two argument tokens;
arguments are mapped to entities through the names they head, their conjuncts ("Kushner and
Flynn met with Kislyak"), the owner of a plan or proposal ("rejected Kerry's proposal"), an
apposition ("his Dutch counterpart Bert Koenders"), a relative pronoun, or a pronoun resolved to
the most salient person (see `Salience`). Negated and hypothetical clauses give no edge; modal or
wished-for ones are kept in extractions as `hedged` and left out of the graph; planned ones
carry `tense="planned"`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from newsgraph.lexicon import Lexicon, data_lines
from newsgraph.models import Entity, Evidence, Relation
from newsgraph.names import fold, org_key, parse_person, person_gender
from newsgraph.pipeline.components import LIST_BULLETS
from newsgraph.pipeline.corpus import capital_keys, country_keys, country_words
from newsgraph.pipeline.link import (
    AGENT_SUFFIXES,
    in_ranges,
    kinship_words,
    office_domains,
    office_words_before,
)
from newsgraph.pipeline.nlp import source_text

PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
# "a delegation led by X", "headed by X"
LEAD_VERBS = {"lead", "head"}
PRONOUN_GENDER = {p: "f" if p.startswith(("s", "her")) else "m" for p in PRONOUNS}
# Entity labels of the time that may name a meeting ("this afternoon's meeting")
TIMES = ("DATE", "TIME")
# Inside a quotation, the speaker (or the speaker's side: "we").
FIRST_SINGULAR = {"i", "me", "my", "mine", "myself"}
FIRST_PERSON = FIRST_SINGULAR | {"we", "us", "our", "ours", "ourselves"}
QUOTE_MARKS = {"“", "”", '"'}
# "the two leaders", "both men", "the three leaders": plural phrases that stand for the people
# just named; the number they count.
GROUP_SIZES = {"two": 2, "2": 2, "three": 3, "3": 3, "four": 4, "4": 4}
PAIR_NOUNS = {
    "leader",
    "man",
    "woman",
    "minister",
    "president",
    "counterpart",
    "diplomat",
    "envoy",
    "chief",
    "official",
    "senator",
    "politician",
    "foe",
    "rival",
    "ally",
}
RELATIVE = {"who", "whom", "which", "that", "whose"}
# Where a photo caption places a person: "Olaf Scholz, left, shakes hands with ..."
CAPTION_PLACES = {"left", "right", "center", "centre"}
MODALS = {"would", "could", "might", "may", "should", "must", "can", "'d", "ought"}
# Prepositions that set a clause in a meeting that took place whatever the clause says
# ("during talks with Y, X refused to ..."); not "in" or "at", which also take arguments
# ("did not take part in talks with Y").
SETTING_PREPOSITIONS = {"during", "after", "following", "throughout", "before"}
# Prepositions that name what is talked about: "wanted to talk about the meetings between X and
# Y" presupposes the meetings. Under any other ("declined to take part in talks with Y") the
# clause's negation and hedges hold.
TOPIC_PREPOSITIONS = {"about", "on", "over", "regarding", "concerning"}
REFUSAL_MODALS = {"can", "ca", "could", "would", "will", "wo"}
FUTURE = {"will", "shall", "'ll", "wo"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
ARG_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC"}

TokenKey = tuple[int, int]  # (piece index, token index)


@dataclass
class CompiledFrame:
    name: str
    relation: str
    confidence: float
    source: str
    target: str
    trigger: str
    node_names: list[str]
    excludes: list[str]
    needs_negation: bool
    needs_modal: bool = False
    target_types: frozenset[str] | None = None
    source_types: frozenset[str] | None = None
    through_purpose: bool = False  # the subject of "to remove Y" is that of the clause it serves
    all_pairs: bool = False  # "A, B and C met": every two of the parties
    joins_meeting: bool = False  # the target is the meeting last reported: its parties
    # how many sentences back that meeting may be, and must it have been held (not planned)
    join_window: int | None = None
    both_ways: bool = False  # "his arch-rival Y": each pair in both directions
    # every person the sentence names after the trigger is a target too ("I am publicly
    # designating his spouse, A, his son, B, and his daughter, C", a list the parser breaks)
    names_after: bool = False
    # the trigger's phrase must close where it ends ("X, Counselor to the President." or a
    # line's end), not run into the next name of a list of titled names ("..., Deputy National
    # Security Advisor to the Vice President Jeff Prescott, ...")
    closed: bool = False
    # the subject is no reporter: "VOA's David Gollust is traveling with Rice" (the press
    # travels along; a news outlet's possessive or a press role before the name says so)
    source_not_press: bool = False


def _fill(value: Any, lists: dict[str, Any]) -> Any:
    """Replace "$name" placeholders with the relation's word list `name`."""
    if isinstance(value, str) and value.startswith("$"):
        return lists[value[1:]]
    if isinstance(value, dict):  # a REL_OP such as "$++" (right sibling) is no placeholder
        return {k: v if k == "REL_OP" else _fill(v, lists) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, lists) for v in value]
    return value


def _placeholders(value: Any) -> set[str]:
    if isinstance(value, str) and value.startswith("$"):
        return {value[1:]}
    if isinstance(value, dict):
        inner = [_placeholders(v) for k, v in value.items() if k != "REL_OP"]
        return set().union(*inner) if inner else set()
    if isinstance(value, list):
        return set().union(*(_placeholders(v) for v in value)) if value else set()
    return set()


def _required_words(pattern: list[dict[str, Any]]) -> list[frozenset[str]]:
    """For each word-constrained node of a pattern, the words one of which must be in the text."""
    needs = []
    for node in pattern:
        for attr in ("LEMMA", "LOWER"):
            value = node.get("RIGHT_ATTRS", {}).get(attr)
            if isinstance(value, str):
                needs.append(frozenset({value.lower()}))
            elif isinstance(value, dict) and isinstance(value.get("IN"), list):
                needs.append(frozenset(w.lower() for w in value["IN"]))
    return needs


class RelationMatcher:
    """The lexicon's frames compiled into DependencyMatchers for a vocabulary, one per frame,
    each run only on sentences holding the words its pattern needs: most sentences hold none,
    and matching every frame on every token would cost a third of the parse."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.matchers: dict[str, DependencyMatcher] = {}
        self.needs: dict[str, list[frozenset[str]]] = {}
        self.frames: dict[str, CompiledFrame] = {}
        for relation, spec in lexicon.relations.items():
            lists = {k: v for k, v in spec.items() if isinstance(v, list)}
            for frame in lexicon.frames:
                needed = _placeholders(frame["pattern"])
                if not needed or not needed <= lists.keys():
                    continue
                key = f"{relation}:{frame['name']}"
                frame_lists = lists
                if frame.get("titled_role") and "role" in lists:
                    # "Trump's National Security Adviser John Bolton": a role written as a
                    # title, which the model lemmatises as written
                    frame_lists = {
                        **lists,
                        "role": lists["role"] + [w.title() for w in lists["role"]],
                    }
                pattern = _fill(frame["pattern"], frame_lists)
                self.matchers[key] = DependencyMatcher(vocab, validate=True)
                self.matchers[key].add(key, [pattern])
                self.needs[key] = _required_words(pattern)
                self.frames[key] = CompiledFrame(
                    name=frame["name"],
                    relation=relation,
                    confidence=float(frame.get("confidence", 0.8))
                    * float(spec.get("confidence", 1.0)),
                    source=frame["source"],
                    target=frame["target"],
                    trigger=frame["trigger"],
                    node_names=[node["RIGHT_ID"] for node in frame["pattern"]],
                    excludes=_expand_excludes(
                        frame.get("excludes", []) + list(spec.get("excludes", [])), lists
                    ),
                    needs_negation=bool(frame.get("needs_negation", False)),
                    needs_modal=bool(frame.get("needs_modal", False)),
                    through_purpose=bool(
                        frame.get("subject_through_purpose") or spec.get("aims_count")
                    ),
                    all_pairs=bool(frame.get("all_pairs", False)),
                    joins_meeting=bool(frame.get("joins_meeting", False)),
                    join_window=frame.get("join_window"),
                    both_ways=bool(frame.get("both_ways", False)),
                    names_after=bool(frame.get("names_after", False)),
                    closed=bool(frame.get("closed", False)),
                    source_not_press=bool(frame.get("source_not_press", False)),
                    target_types=frozenset(frame["target_types"])
                    if "target_types" in frame
                    else None,
                    source_types=frozenset(frame["source_types"])
                    if "source_types" in frame
                    else None,
                )
        # word -> (frame, which of its needs) the word meets: a sentence's words find the frames
        # it may match without testing every frame against every sentence
        self.needed_by: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for key, needs in self.needs.items():
            for n, words in enumerate(needs):
                for word in words:
                    self.needed_by[word].append((key, n))
        self.needless = [k for k, needs in self.needs.items() if not needs]
        self.order = {k: n for n, k in enumerate(self.needs)}
        w = lexicon.words
        self.owned = set(w.get("owned_nouns", []))
        self.patient_of = set(w.get("patient_of_nouns", []))
        self.negating = set(w.get("negating_verbs", []))
        self.stopping = frozenset(w.get("stopping_verbs", []))
        self.collective = set(w.get("collective_nouns", []))
        self.led = set(w.get("led_nouns", []))
        self.trips = set(w.get("trip_nouns", []))
        self.state_nouns = set(w.get("state_nouns", []))
        self.home_state_nouns = frozenset(w.get("home_state_nouns", []))
        # "America supports its fight against Russia": "its" is someone else's after these
        self.supporting = frozenset(lexicon.relations.get("supported", {}).get("verb_object", []))
        self.delegates = set(w.get("delegate_nouns", []))
        # legislature word -> the word for a delegation of its members ("congressional")
        self.legislatures: dict[str, str] = {}
        for pair in w.get("legislature_words", []):
            word, *adjective = pair.split()
            self.legislatures[word] = adjective[0] if adjective else word
        self.journeys = frozenset(w.get("journey_verbs", []))
        self.undertakings = frozenset(w.get("undertaking_verbs", []))
        self.events = set(w.get("event_heads", []))
        # press roles ("correspondent Steve Herman") and news outlets ("VOA's David Gollust")
        # that mark a reporter
        met = lexicon.relations.get("met", {})
        self.press = frozenset(met.get("press_role", []))
        self.outlets = frozenset(met.get("news_outlets", []))
        # meetings, which no "they" stands for ("A and B held talks with C. They ...")
        self.meeting_nouns = frozenset(met.get("noun_with", []))
        # relations whose arguments may be a country named by its nationality word
        self.nationality_owners = {
            r for r, spec in lexicon.relations.items() if spec.get("nationality_owners")
        }
        # relations whose parties may be named by an act or plan of theirs ("Y's proposal")
        self.owning = {r for r, spec in lexicon.relations.items() if spec.get("owned_parties")}
        # relations whose parties may be a government named by its capital ("Washington said")
        self.capital_parties = {
            r for r, spec in lexicon.relations.items() if spec.get("capitals_are_governments")
        }
        # relations no event name can be a party to ("hosted the Cybersecurity Dialogue")
        self.eventless = {
            r for r, spec in lexicon.relations.items() if spec.get("events_are_no_parties")
        }
        # relation -> words that, named by the trigger's "as", rule the relation out
        self.not_as: dict[str, set[str]] = {}
        for relation, spec in lexicon.relations.items():
            name = spec.get("not_as")
            if isinstance(name, str):
                self.not_as[relation] = {
                    w for other in lexicon.relations.values() for w in other.get(name, [])
                }
        self.planning = frozenset(w.get("planning_verbs", []))
        # adjectives whose infinitive shares the copula's subject: "X and Y are due to hold
        # talks" (a plan), "I was delighted to meet Y" (a fact)
        self.raising = self.planning | frozenset(w.get("factive_adjectives", []))
        self.reporting = set(w.get("reporting_verbs", []))
        self.quote_verbs = frozenset(w.get("quote_verbs", []))
        self.hedging = set(w.get("hedging_verbs", []))
        # relation -> attempts that are the relation itself when their subject makes them
        # ("LURD seeks to oust Taylor" opposes Taylor; "seeks to meet Y" meets no one)
        self.intents: dict[str, frozenset[str]] = {
            r: frozenset(spec.get("intent_verbs", [])) for r, spec in lexicon.relations.items()
        }
        # passive subjects that are topics, no one: "the relationship was discussed"
        self.topic_verbs = frozenset(w.get("topic_verbs", []))
        self.itinerary_nouns = frozenset(w.get("itinerary_nouns", []))
        self.person_nouns = (
            frozenset(lexicon.offices)
            | frozenset(w.get("delegate_nouns", []))
            | frozenset(w.get("people_nouns", []))
        )
        # words of a meeting at a distance: people named together on a call or in a letter
        # were not in one room
        met_lists = lexicon.relations.get("met", {})
        self.remote_words = frozenset(
            {
                "write",
                *met_lists.get("medium", []),
                *met_lists.get("written_medium", []),
                *met_lists.get("verb_call", []),
            }
        )

    def __call__(self, doc: Doc) -> list[tuple[str, list[int]]]:
        """(frame key, token indices) of every match in a parsed paragraph. Each frame runs
        only on the sentences that hold the words its pattern needs."""
        found = []
        lower = [t.lower_ for t in doc]  # one pass over the tokens, not two per sentence
        lemma = [t.lemma_.lower() for t in doc]
        for sent in doc.sents:
            words = set(lower[sent.start : sent.end]).union(lemma[sent.start : sent.end])
            met: dict[str, set[int]] = defaultdict(set)  # frame -> its needs the words meet
            for w in words:
                for key, n in self.needed_by.get(w, ()):
                    met[key].add(n)
            keys = self.needless + [k for k, n in met.items() if len(n) == len(self.needs[k])]
            keys.sort(key=self.order.__getitem__)
            if not keys:
                continue
            sent_doc = sent.as_doc()  # once, rather than once per frame
            for key in keys:
                for _, ids in self.matchers[key](sent_doc):
                    found.append((key, [sent.start + i for i in ids]))
        return found


_MATCHERS: dict[tuple[int, str], RelationMatcher] = {}


def relation_matcher(vocab: Vocab, lexicon: Lexicon) -> RelationMatcher:
    """One compiled matcher per vocabulary and lexicon, reused across documents."""
    key = (id(vocab), lexicon.fingerprint)
    if key not in _MATCHERS:
        _MATCHERS[key] = RelationMatcher(vocab, lexicon)
    return _MATCHERS[key]


# "had the opportunity to meet Y": nouns of a chance taken, whose infinitive is the haver's act
CHANCE_NOUNS = {"opportunity", "chance", "privilege", "honor", "honour", "pleasure"}
CHANCE_TAKEN = {"have", "get", "take", "seize", "use", "enjoy"}


def subject_of(
    tok: Token,
    journeys: frozenset[str] = frozenset(),
    purposes: bool = False,
    plans: frozenset[str] = frozenset(),
) -> Token | None:
    """The grammatical subject of a predicate, inherited through coordination, control
    ('agreed to meet'), relative clauses, participles and purposes of a journey ('flew to Kyiv
    to meet', with the travel verbs given in `journeys`); with `purposes`, through any purpose
    ('spoke to demand a vote to remove Y'), for frames whose relation is the intent itself;
    through an adjective given in `plans` ('X and Y are due to hold talks', 'I was delighted
    to meet Y')."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if subjects:
        # "Reps. Gallego and Byrne traveled ...": the parser may hang a word before the name
        # (a title) as a subject of its own; the last of two adjacent subjects is the head
        first = subjects[0]
        if len(subjects) > 1 and subjects[1].i == first.i + 1:
            return subjects[1]
        if _in_dateline(first):
            # "Kyiv, UKRAINE – US Senators Rob Portman and Chris Coons today issued ...": the
            # parser makes the dateline's place the subject and the senators its apposition
            dash = next(
                (t.i for t in first.sent if t.text in DASHES and t.i > first.i), first.sent.end
            )
            # ("Moscow, RUSSIA – Kremlin critic Alexei Navalny ...": or a conjunct of the
            # country's name)
            after = [
                c
                for a in first.children
                if a.dep_ == "appos"
                for c in (a, *a.conjuncts)
                if c.i > dash
            ]
            return min(after, key=lambda t: t.i) if after else first
        return first
    if tok.dep_ == "xcomp" and tok.head.dep_ == "acomp" and tok.head.lemma_ in plans:
        return subject_of(tok.head.head, journeys, purposes, plans)
    if tok.dep_ == "conj" and tok.head.lower_ in CAPTION_PLACES:
        # "Olaf Scholz, left, shakes hands with ...": a caption's placement word read as the
        # verb the subject belongs to
        return subject_of(tok.head, journeys, purposes, plans)
    if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
        found = subject_of(tok.head, journeys, purposes)
        if found is None and tok.head.tag_ == "VBN" and tok.head.dep_ == "ROOT":
            # "Ousted President Zelaya and President Micheletti met ...", parsed as a root
            # participle "ousted" with the names as its object and "met" as its conjunct.
            names = [c for c in tok.head.children if c.dep_ == "dobj" and c.pos_ == "PROPN"]
            if names and names[0].i < tok.i:
                return names[0]
        return found
    if tok.dep_ == "xcomp":
        # "X is set to meet Y", "X is scheduled to hold talks": the raised subject of a passive.
        for child in tok.head.children:
            if child.dep_ == "nsubjpass":
                return child
        return subject_of(tok.head, journeys, purposes)
    if (
        tok.dep_ == "acl"
        and tok.head.lemma_ in CHANCE_NOUNS
        and tok.head.dep_ == "dobj"
        and tok.head.head.lemma_ in CHANCE_TAKEN
        and _infinitive(tok)
    ):
        # "I had the opportunity to meet with Y", "she got a chance to meet Y": the one who had
        # the chance (not the chance itself; not "missed the chance", "gave Lopez the chance")
        return subject_of(tok.head.head, journeys, purposes, plans)
    if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    if tok.dep_ == "advcl" and tok.tag_ in ("VBD", "VBZ", "VBP"):
        # "Lynch and members of the delegation he led to Iraq met in the Oval Office with Y":
        # the parser makes the relative clause's "led" the root with both subjects, and the
        # main verb an adverbial clause with none; the first subject is the main verb's.
        subjects = [c for c in tok.head.children if c.dep_ == "nsubj" and c.i < tok.i]
        if len(subjects) == 2 and subjects[1].pos_ == "PRON":
            return subjects[0]
    if tok.dep_ == "advcl" and (
        tok.tag_ == "VBG"
        or _purpose(tok, journeys)
        # the aim of an act ("staged a strike to protest against Y"), not a motive claimed for
        # a state of affairs ("a dubious premise: that Russia is in Syria to fight ISIS")
        or (purposes and _infinitive(tok) and tok.head.lemma_ != "be")
    ):
        found = subject_of(tok.head, journeys, purposes)
        if found is None and _purpose(tok, journeys):
            # "Aung San Suu Kyi was taken from her home to meet Gambari"
            found = next((c for c in tok.head.children if c.dep_ == "nsubjpass"), None)
        return found
    # "after holding talks with Y": the gerund's subject is the main clause's; but "slammed Y
    # for holding talks with Z", "accused Y of meeting Z": it is the object's.
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ == "prep":
        verb = tok.head.head
        if tok.head.lower_ in ("for", "of"):
            for child in verb.children:
                if child.dep_ == "dobj":
                    return child
        return subject_of(verb, journeys, purposes)
    return None


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _purpose(verb: Token, journeys: frozenset[str]) -> bool:
    """'travelled to Ramallah to meet Abbas': an infinitive clause giving a journey's purpose.
    Other purposes are claims about intent ('Russia is in Syria to fight ISIS'), not plans."""
    return verb.dep_ == "advcl" and verb.head.lemma_ in journeys and _infinitive(verb)


@dataclass
class Modality:
    negated: bool = False
    hypothetical: bool = False
    hedged: bool = False
    planned: bool = False


# Modifiers that make a noun a plan: what is stopped was never held ("halted its planned talks")
PLAN_MODIFIERS = {"planned", "scheduled", "proposed", "upcoming", "future", "expected", "possible"}


def _governors(tok: Token) -> list[Token]:
    """The token and the predicates its clause depends on: up to its own verb, then through
    control ("refused to meet"), complement clauses ("denied that he met") and clauses that
    complete a noun, never through an adverbial clause or a coordinated verb."""
    chain = [tok]
    while tok.head.i != tok.i:
        dep = tok.dep_
        if dep in ("dobj", "nsubj", "nsubjpass", "pobj", "prep", "acomp", "attr", "pcomp"):
            if tok.pos_ in ("VERB", "AUX") and len(chain) > 1:
                break
        elif dep not in ("xcomp", "ccomp", "acl"):
            break
        tok = tok.head
        chain.append(tok)
    return chain


def _clause(chain: list[Token]) -> list[Token]:
    """The part of the governor chain up to the trigger's own verb (its negation is ours)."""
    out = []
    for tok in chain:
        out.append(tok)
        # "never had the chance to meet Y": the chance's verb is the meeting's own
        chance = tok.dep_ == "acl" and tok.head.lemma_ in CHANCE_NOUNS
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "xcomp" and not chance:
            break
    return out


def _own_intent(chain: list[Token], k: int, intents: frozenset[str]) -> bool:
    """Whether chain[k] is an attempt of the trigger's own subject: "tried to block Y", "seeks
    to oust Y" (each step a controlled infinitive), not "asked the UN to sanction Y"."""
    if chain[k].lemma_ not in intents or chain[0].pos_ != "VERB":
        return False
    return all(
        t.dep_ == "xcomp"
        and _infinitive(t)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        for t in chain[:k]
    )


def modality(
    nodes: list[Token],
    trigger: Token,
    matcher: RelationMatcher,
    intents: frozenset[str] = frozenset(),
) -> Modality:
    """Negation, condition, hedge and plan over the trigger's clause and what governs it.
    `intents` are the attempts that count as the act itself (see `RelationMatcher.intents`)."""
    m = Modality()
    chain = _governors(trigger)
    owned = trigger.pos_ == "NOUN" and any(c.dep_ == "poss" for c in trigger.children)
    if (
        owned
        and trigger.dep_ == "dobj"
        and trigger.head.lemma_ in matcher.stopping
        # not a plan: "halted its planned talks with Y", "its scheduled talks" never were
        and not any(
            c.dep_ in ("amod", "compound")
            and (c.lemma_ in matcher.planning or c.lower_ in PLAN_MODIFIERS)
            for c in trigger.children
        )
    ):
        # What one must stop goes on now: "Russia must end its war against Ukraine", "will
        # not stop its attacks on Y", "refused to end its war" all tell of a war that is
        chain, nodes = [trigger], [t for t in nodes if t != trigger.head]
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep":
        outside = _outside_quotation(trigger.head.head, trigger.head)
        if outside != trigger.head.head:  # the quotation's own verbs are no governors
            chain = [trigger, trigger.head, *_governors(outside)]
            nodes = [t for t in nodes if t.i >= trigger.head.i]  # nor its modals
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj":
        # A meeting named in a prepositional phrase is presupposed: "wanted to talk about the
        # meetings between X and Y" does not make the meetings a wish; "hoped for talks" does;
        # "during talks with Y, X agreed to ..." holds the talks whatever X agreed to.
        verbs = [n for n, t in enumerate(chain) if t.pos_ in ("VERB", "AUX")]
        first_verb = verbs[0] if verbs else len(chain)
        settings = [
            n
            for n, t in enumerate(chain[:first_verb])
            if t.lower_ in SETTING_PREPOSITIONS
            # "In the call, X asked Y ...": a definite meeting set before the clause, on its verb
            or (
                t.lower_ == "in" and t.head.pos_ == "VERB" and t.i < t.head.i and _definite(trigger)
            )
        ]
        if settings:  # "during three hours of talks": held, whatever the clause says
            chain = chain[: settings[0] + 1]
        elif trigger.head.lower_ in TOPIC_PREPOSITIONS and verbs:
            chain = chain[: first_verb + 1]
    # "offered his assessment in a telephone call to Y": the call is where the offer was made,
    # not what was offered ("offered to meet Y", "hoped for talks" are)
    setting_verb = (
        trigger.head.head
        if trigger.dep_ == "pobj" and trigger.head.lower_ in ("in", "at", "during")
        else None
    )
    clause = _clause(chain)
    verb = clause[-1] if clause else trigger
    if (
        verb.dep_ == "conj"
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in verb.children)
    ):
        # "he will attend the conference and meet with Y": the second verb shares the
        # first's auxiliary
        clause = [*clause, verb.head]
    # "will not stop his criticism of Y", "did not refuse to meet Y": a negated verb of
    # negation cancels out; a stopping not done goes on, anything else stays in doubt
    undone = {
        tok
        for tok in chain[1:]
        if tok.lemma_ in matcher.negating and any(c.dep_ == "neg" for c in tok.children)
    }
    if any(tok.lemma_ not in matcher.stopping for tok in undone):
        m.hedged = True
    for tok in set(nodes) | set(clause):
        for child in tok.children:
            if child.dep_ == "neg" and tok in undone:
                continue
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                m.negated = True
            if child.lower_ == "yet" and trigger.dep_ == "xcomp":  # "has yet to meet"
                m.negated = True
            if child.dep_ in ("aux", "auxpass"):
                if (
                    child.lower_ == "would"
                    and tok.dep_ == "ccomp"
                    and (tok.head.lemma_ in matcher.reporting)
                ):
                    m.planned = True  # "Peskov said Putin would meet Xi": the future, reported
                elif child.lower_ in MODALS:
                    m.hedged = True
                elif child.lower_ in FUTURE:
                    m.planned = True
            if child.dep_ == "amod" and child.lemma_ in matcher.planning:  # "planned meeting"
                m.planned = True
    for k, tok in enumerate(chain[1:], 1):
        if tok in undone:
            continue
        if tok.lemma_ in matcher.negating:
            m.negated = True
        elif tok.lemma_ in matcher.planning or (
            # "X is to meet Y"; not "X was delighted to meet Y"
            tok.lemma_ == "be" and trigger.dep_ == "xcomp" and trigger.head == tok
        ):
            m.planned = True
        elif (
            tok.lemma_ in matcher.hedging
            and tok != setting_verb
            and not _own_intent(chain, k, intents)
        ):
            m.hedged = True
        if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            m.negated = True  # "there were no plans for X to meet Y"
        if tok.lower_ == "without":
            m.negated = True
        if tok.dep_ in ("relcl", "acl") and tok.pos_ == "VERB" and _infinitive(tok) and not owned:
            # "ways to help arrange talks between X and Y": not yet, maybe never; but "ways to
            # accelerate our campaign against ISIL" speeds up a campaign that is
            m.hedged = True
        if tok in clause:
            continue
        # A governing clause that is itself negated: "did not say that X met Y".
        if any(c.dep_ == "neg" for c in tok.children):
            m.hedged = True
    if trigger.head.lower_ == "without":
        m.negated = True
    top = chain[-1]
    if top.dep_ == "pcomp" and top.head.head.lemma_ in matcher.hedging:
        # "accuses the U.S. of trying to overthrow Y": the chain stops at "trying", but what
        # it tells is still the accusation's
        m.hedged = True
    for tok in chain:
        # "the need for Russia to begin discussions with Y", "it is time for X to meet Y": an
        # infinitive with its own subject after "for" says what should be, not what was
        kids = [c.lower_ for c in tok.children if c.dep_ in ("mark", "aux")]
        if tok.pos_ in ("VERB", "AUX") and "for" in kids and "to" in kids:
            m.hedged = True
    if (
        trigger.dep_ == "xcomp"
        and trigger.head.lemma_ == "be"
        and any(c.dep_ == "aux" and c.lower_ == "have" for c in trigger.children)
    ):
        m.negated = True  # "was to have met": a plan that fell through
    if _purpose(trigger, matcher.journeys):
        # A purpose is a plan, and shares the fate of the clause it serves: "declined to travel
        # to Ramallah to meet Abbas" meets no one.
        head = modality([], trigger.head, matcher)
        m.planned = True
        m.negated |= head.negated
        m.hedged |= head.hedged
    if trigger.sent.text.rstrip().rstrip("\"”'’)").endswith("?"):
        m.hypothetical = True  # a question asserts nothing
    # A condition anywhere on the path to the root: "if X met Y, ...", "Had X met Y, ...".
    tok = trigger
    while True:
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children):
            m.hypothetical = True
        if tok.dep_ == "advcl" and _inverted(tok):
            m.hypothetical = True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return m


def _inverted(verb: Token) -> bool:
    """'Had Trump met Putin, ...': an auxiliary before the subject opens a condition."""
    aux = [c.i for c in verb.children if c.dep_ in ("aux", "auxpass")]
    subj = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(aux and subj and min(aux) < min(subj))


def _directly_negated(trigger: Token) -> bool:
    """'did not buy into', 'will not support': a not/never on the trigger itself."""
    return any(c.dep_ == "neg" for c in trigger.children)


class Salience:
    """Resolves he/she/him/her/his to the most salient person: the subject of the same sentence
    before the pronoun, else a person who is the subject (or its possessor) of the previous
    sentence, else the only person named there. Ambiguity gives no answer: two candidates of
    equal rank leave the pronoun unresolved. Gender (from an honorific or a given name that is
    almost always one gender) only rules people out: where the most salient person is of the
    other gender, the pronoun is the one other person of that sentence who may be meant."""

    def __init__(
        self,
        by_sentence: dict[int, list[tuple[int, int, int]]],
        unnamed_subjects: dict[int, list[int]],
        other_subjects: dict[int, list[int]] | None = None,
    ) -> None:
        # sentence -> [(rank, token position, entity)], rank 0 subject, 1 its possessor, 2 other
        self.by_sentence = by_sentence
        # sentence -> positions of subjects that are people but not named ("a key senator")
        self.unnamed_subjects = unnamed_subjects
        # sentence -> positions of subjects that name something other than a person
        self.other_subjects = other_subjects or {}
        # first-person pronoun inside a quotation -> the person quoted (see _quote_speakers)
        self.speakers: dict[TokenKey, int] = {}
        # person -> "m" / "f" where known (see _gender)
        self.genders: dict[int, str] = {}
        # "delegation" -> the people the story says led "the delegation" (see _story_leaders)
        self.leaders: dict[str, list[int]] = {}
        # "delegation" -> the people the story says went with its leader (_delegation_members)
        self.members: dict[str, list[int]] = {}
        # the legislatures whose delegation the story tells of ("congress" for "a
        # congressional delegation"; see _delegation_kinds)
        self.delegation_kinds: set[str] = set()
        # (sentence, position, "he"/"she") of pronouns that are a clause's subject; those
        # resolved and entered as their sentence's subject
        self.pronoun_subjects: list[tuple[int, int, str]] = []
        # sentence -> the people its main clause has as its subject, where only people are
        self.subject_people: dict[int, set[int]] = {}
        self.chained: set[tuple[int, int]] = set()

    def chain_pronoun_subjects(self) -> None:
        """'Cohen will meet Aznar. In Germany, he will attend ... He will also meet ...': a
        pronoun that is a sentence's subject, once resolved, is that sentence's subject for
        the pronouns of the sentences after it. In reading order, so chains carry."""
        for sentence, position, word in self.pronoun_subjects:
            if any(r == 0 and pos < position for r, pos, _ in self.by_sentence.get(sentence, [])):
                continue
            e = self.resolve(sentence, position, set(), gender=PRONOUN_GENDER[word])
            if e is not None:
                self.by_sentence[sentence].append((0, position, e))
                self.chained.add((sentence, position))

    def fits(self, e: int, gender: str) -> bool:
        return not gender or self.genders.get(e, "") in ("", gender)

    def _only_fitting(self, people: list[int], gender: str, exclude: set[int]) -> int | None:
        """'Dick Durbin met Sviatlana Tsikhanouskaya to discuss her efforts': the most salient
        person is of the other gender; the one other person who may be meant, if one."""
        fitting = {e for e in people if e not in exclude and self.fits(e, gender)}
        return next(iter(fitting)) if len(fitting) == 1 else None

    def resolve(
        self,
        sentence: int,
        position: int,
        exclude: set[int],
        fronted: bool = False,
        objective: bool = False,
        gender: str = "",
    ) -> int | None:
        # "A key senator says he ...": the nearest subject is an unnamed person, so is "he".
        named = [
            pos
            for rank, pos, _ in self.by_sentence.get(sentence, [])
            if rank == 0 and pos < position
        ]
        unnamed = [pos for pos in self.unnamed_subjects.get(sentence, []) if pos < position]
        if unnamed and max(unnamed) > max(named, default=-1):
            return None
        if fronted and not named and not unnamed:
            # "Following his meeting with Mugabe, the South African president said ...": a
            # pronoun in a phrase put before the subject points ahead to that subject.
            later = sorted(
                [(pos, e) for rank, pos, e in self.by_sentence.get(sentence, []) if rank == 0]
                + [(pos, None) for pos in self.unnamed_subjects.get(sentence, [])]
                + [(pos, None) for pos in self.other_subjects.get(sentence, [])]
            )
            later = [(pos, e) for pos, e in later if pos > position]
            if later:
                e = later[0][1]
                return e if e is not None and e not in exclude else None
        here = [
            (rank, e)
            for rank, pos, e in self.by_sentence.get(sentence, [])
            if pos < position and rank == 0 and e not in exclude
        ]
        if here and not any(self.fits(e, gender) for _, e in here):
            before = [e for _, pos, e in self.by_sentence.get(sentence, []) if pos < position]
            fitting = self._only_fitting(before, gender, exclude)
            chained = all(
                (sentence, pos) in self.chained
                for _, pos, _ in self.by_sentence.get(sentence, [])
                if pos < position
            )
            if fitting is not None or not chained:
                return fitting
            # "He praised her efforts": "he" stands for a person named before, so "her" is
            # the other person of the sentences before
            here = []
        if len({e for _, e in here}) == 1:
            return here[0][1]
        if here:
            return None
        if objective and named:
            # "X said of Y, accusing him of ...": an object pronoun is not its clause's
            # subject (the other side); the one other person named before it in the sentence.
            others = {
                e
                for rank, pos, e in self.by_sentence.get(sentence, [])
                if pos < position and rank > 0 and e not in exclude
            }
            if len(others) == 1:
                return next(iter(others))
        for back in (1, 2):
            prev = [(r, e) for r, _, e in self.by_sentence.get(sentence - back, [])]
            if not prev:
                continue
            # The most salient person, whoever the other side is: if that is the other side,
            # the pronoun is someone we cannot name.
            best = min(r for r, _ in prev)
            top = {e for r, e in prev if r == best}
            if len(top) == 1 and not self.fits(next(iter(top)), gender):
                return self._only_fitting([e for _, e in prev], gender, exclude)
            if top & exclude and len(top) == 2:
                # "Minister Dominguez is here ... I met him": of two people as salient, one is
                # the other side, so the pronoun is the other one
                top -= exclude
                e = next(iter(top))
                return e if self.fits(e, gender) else None
            if len(top) != 1 or top & exclude:
                return None
            return next(iter(top))
        return None

    def group(self, sentence: int, position: int, exclude: set[int], size: int) -> set[int] | None:
        """'The two leaders', 'both men', 'the three leaders': the people of the nearest sentence
        (this one before the phrase, else one of the two before) that names people, if it names
        exactly as many as the phrase counts."""
        here = {
            e
            for _, pos, e in self.by_sentence.get(sentence, [])
            if pos < position and e not in exclude
        }
        if here:
            return here if len(here) == size else None
        for back in (1, 2):
            prev = {e for _, _, e in self.by_sentence.get(sentence - back, []) if e not in exclude}
            if prev:
                return prev if len(prev) == size else None
        return None


def extract_relations(
    pieces: list[tuple[int, Doc]],
    sentence_base: list[int],
    token_entity: dict[TokenKey, int],
    entities: list[Entity],
    doc_id: str,
    lexicon: Lexicon,
    skip: list[tuple[int, int]] | None = None,
) -> list[Relation]:
    """Every relation the frames find in the parsed pieces of one document."""
    if not pieces:
        return []
    matcher = relation_matcher(pieces[0][1].vocab, lexicon)
    person = {i for i, e in enumerate(entities) if e.type == "PERSON"}
    # "hosted the Cybersecurity Dialogue": a name for an event is no party to a relation.
    events = {i for i, e in enumerate(entities) if e.name.split()[-1].lower() in matcher.events}
    quoted = [_quoted(doc) for _, doc in pieces]  # read by salience and by quote speakers
    salience = _salience(
        pieces,
        sentence_base,
        token_entity,
        person,
        quoted,
        matcher.topic_verbs,
        matcher.person_nouns,
        matcher.itinerary_nouns,
    )
    salience.genders = {i: _gender(entities[i]) for i in person}
    salience.chain_pronoun_subjects()
    salience.speakers = _quote_speakers(
        pieces,
        sentence_base,
        token_entity,
        person,
        salience,
        matcher.quote_verbs,
        quoted,
        _surnames(entities, person),
    )
    salience.leaders = _story_leaders(pieces, token_entity, person, matcher.led, matcher.trips)
    salience.delegation_kinds = _delegation_kinds(pieces, matcher.legislatures)
    delegations = _delegation_members(
        pieces, token_entity, person, salience.leaders, matcher.trips, matcher.press
    )
    salience.members = {noun: members for noun, (members, _) in delegations.items()}
    countries = _countries(entities)
    seats = _seats_of_government(entities, countries)
    entity_types = [e.type for e in entities]
    entity_titles = [e.titles for e in entities]
    # relation -> the one body the document shows doing its agentless verbs, read the first
    # time a "$agent" frame matches (most documents have none)
    agents: dict[str, int | None] = {}
    found: dict[tuple[str, int, int, int], Relation] = {}
    joins: list[tuple[CompiledFrame, int, Modality, list[tuple[int, float]], Evidence]] = []
    for chunk, (offset, doc) in enumerate(pieces):
        sent_index = {s.start: n for n, s in enumerate(doc.sents)}
        for key, token_ids in matcher(doc):
            frame = matcher.frames[key]
            nodes = dict(zip(frame.node_names, (doc[i] for i in token_ids), strict=True))
            trigger = nodes[frame.trigger]
            sent = trigger.sent
            if in_ranges(offset + sent.start_char, skip):
                continue
            if frame.closed and not _closes(trigger):
                continue
            if frame.excludes and _has_excluded(nodes, trigger, frame.excludes):
                continue
            if _as_one_of(trigger, matcher.not_as.get(frame.relation, set())):
                continue  # "dismissed Y as a puppet" is scorn, not a firing
            agent = None
            if frame.source == "$agent":
                if frame.relation not in agents:
                    verbs = set(lexicon.relations[frame.relation].get("agentless_verb", []))
                    agents[frame.relation] = _acting_body(pieces, token_entity, entity_types, verbs)
                agent = agents[frame.relation]
                if agent is None:
                    continue
            source_tok = (
                trigger
                if agent is not None
                else _node(
                    frame.source,
                    nodes,
                    matcher.journeys,
                    frame.through_purpose,
                    matcher.raising,
                    matcher.undertakings,
                    trigger,
                )
            )
            target_tok = _node(frame.target, nodes, matcher.journeys, plans=matcher.raising)
            adjacent: list[int] = []
            if frame.source.startswith("$subject:") and (
                source_tok is None or _in_dateline(source_tok)
            ):
                # "As the Senate debates a bill that rebukes Russia for its invasion of Crimea,
                # Dick Durbin and John McCain met with ...": the parser lost the subject.
                verb = nodes[frame.source.split(":", 1)[1]]
                adjacent = _names_before(verb, chunk, token_entity, person, matcher.lexicon)
                source_tok = verb if adjacent else None
            if source_tok is None or target_tok is None:
                continue
            if _in_dateline(source_tok) or _in_dateline(target_tok):
                continue
            if frame.source_not_press and _press_person(source_tok, matcher.press, matcher.outlets):
                continue
            renamed = token_entity.get((chunk, target_tok.i))
            if (
                renamed is not None
                and renamed not in person
                and _apposition_read_as_object(target_tok)
            ):
                # "met with the leader of the rebel group, the National Liberation Forces" (a
                # body renames the group); "met with members of MacKay's family, his father
                # Elmer MacKay" (one of the people met) still stands
                continue
            # A frame's "content" node is what was said ("told Y that he must go"): its
            # modals are the speaker's words, not the relation's
            mod = modality(
                [t for n, t in nodes.items() if n not in ("source", "target", "content")],
                trigger,
                matcher,
                matcher.intents.get(frame.relation, frozenset()),
            )
            if frame.trigger == "role" and trigger.dep_ not in ("attr", "acomp", "oprd"):
                # A role written into a noun phrase is presupposed, whatever the clause says:
                # "a report alleging that ... his national security adviser is no longer
                # welcome" still names his adviser; "X is not Y's adviser" does not.
                mod = Modality(hypothetical=mod.hypothetical)
            if frame.through_purpose:
                # An aim shares the fate of the clause it serves: "accused Russia of plotting a
                # coup to topple Y" is an accusation, "did not call a vote to remove Y" nothing.
                served = trigger
                while served.dep_ == "advcl" and _infinitive(served):
                    served = served.head
                    head = modality([], served, matcher)
                    mod.negated |= head.negated
                    mod.hedged |= head.hedged
                    mod.hypothetical |= head.hypothetical
            if frame.needs_negation:
                # Only a plain "not" on the trigger turns it round; "refused to back",
                # "never stopped supporting" say something else.
                if not _directly_negated(trigger) or any(
                    t.lemma_ in matcher.negating for t in _governors(trigger)[1:]
                ):
                    continue
                mod.negated = False
                # "could not work with Y", "would not support Y" state a refusal, not a guess.
                refusal = any(
                    c.dep_ == "aux" and c.lower_ in REFUSAL_MODALS for c in trigger.children
                )
                if frame.needs_modal and not refusal:
                    continue  # "did not collaborate with Y" denies a fact, refuses nothing
                if refusal and not any(
                    t.lemma_ in matcher.hedging for t in _governors(trigger)[1:]
                ):
                    mod.hedged = False
            if mod.hypothetical:
                continue
            sentence = sentence_base[chunk] + sent_index[sent.start]
            # A nationality stands for its country only where the lexicon says so ("attacked
            # Israeli troops" opposes Israel; "met American troops" met no country).
            owners = countries if frame.relation in matcher.nationality_owners else {}
            resolver = _Resolver(
                chunk,
                token_entity,
                matcher,
                salience,
                sentence,
                person,
                owners,
                seats=seats if frame.relation in matcher.capital_parties else None,
                entity_types=entity_types,
                entity_titles=entity_titles,
                owned=frame.relation in matcher.owning,
            )
            if frame.joins_meeting:
                # "joined today's meeting"; "a meeting that also included X"; not where the
                # sentence gives its own day ("On Tuesday, X also attended the meetings": the
                # meeting reported before was Monday's)
                dated = frame.join_window is not None and any(
                    t.ent_type_ == "DATE" and t.i < trigger.i for t in sent
                )
                if (_definite(target_tok) or "also" in nodes) and not dated:
                    joins.append(
                        (
                            frame,
                            sentence,
                            mod,
                            resolver.arguments(source_tok, set()),
                            _evidence(doc_id, offset, sent, trigger),
                        )
                    )
                continue
            if agent is not None:
                sources = [(agent, 1.0)]
                targets = resolver.arguments(target_tok, {agent}, listed=True)
            elif adjacent:
                sources = [(e, 0.8) for e in adjacent]
                targets = resolver.arguments(target_tok, set(adjacent), listed=True)
            elif source_tok.i == target_tok.i:
                # "The two leaders met": both sides are the pair the phrase stands for. Not a
                # name the tagger read as a plural ("Commissioner Borges and Ambassador Vecchio
                # to discuss"), whose conjuncts are no pair of its own.
                if frame.source == "pair" and (chunk, source_tok.i) in token_entity:
                    continue
                if frame.source == "pair" and source_tok.tag_ == "NNPS":
                    # "the two Prime Ministers" are the two who bear that title, never just
                    # the last two people named ("Petraeus and Crocker testified. The Senators
                    # met ...")
                    size = _definite_group_size(source_tok)
                    noun = source_tok.lemma_.lower().removesuffix("s")
                    titled = resolver._titled_group(source_tok, noun, exclude=set())
                    if not size or len(titled) != size:
                        continue
                sources = targets = resolver.arguments(source_tok, set())
                if sources and lexicon.relations[frame.relation].get("symmetric", False):
                    # "the two men held their first meeting, along with Y, who is mediating":
                    # a meeting of several is everyone's with everyone
                    taken = {e for e, _ in sources}
                    for companion in _companions(trigger, trigger, after=True):
                        sources = targets = sources + resolver.arguments(companion, taken)
                        taken |= {e for e, _ in sources}
                if not sources and source_tok.lower_ == "they":
                    # "Rice and MacKay travelled to Pictou. They discussed border security.":
                    # the two people the nearest sentence names, as for "the two leaders"
                    pair = salience.group(sentence, source_tok.idx, set(), 2)
                    if (
                        pair
                        and pair <= person
                        and _coordinated_before(source_tok, pair, chunk, token_entity)
                    ):
                        sources = targets = [(e, 0.7) for e in sorted(pair)]
            elif source_tok.lower_ in PRONOUNS and target_tok.lower_ in PRONOUNS:
                continue  # "he criticized her": two guesses make no edge
            else:
                # Names first; a pronoun then resolves to a person other than the named side.
                # "Alexander Haig, Nixon's chief of staff; Earl Silbert, a prosecutor; and ...":
                # the apposition is the first name's alone.
                role = nodes.get("role")
                upto = role.i if frame.source == "source" and role is not None else None
                if frame.source.startswith("$subject:"):
                    # a subject's list ends at its verb: "X will meet with A, ...; B, ...; and
                    # C" (the parser may hang B and C on X)
                    own_verb = nodes[frame.source.split(":", 1)[1]]
                    if source_tok.i < own_verb.i:
                        upto = own_verb.i
                sources = resolver.arguments(source_tok, set(), upto=upto)
                if frame.source.startswith("$subject:"):
                    verb = nodes[frame.source.split(":", 1)[1]]
                    for companion in _companions(verb, source_tok) + _semicolon_items(
                        verb, source_tok, chunk, token_entity, person
                    ):
                        sources += resolver.arguments(companion, {e for e, _ in sources})
                if frame.closed:
                    # "X, Assistant to the President, and Foreign Minister Y": the one served,
                    # never the next name of the list the parser coordinates with him; nor a
                    # name run on after "the President" ("Counselor to the President Jeff
                    # Prescott, ...": the next item of a list that lost its comma)
                    run_on = any(
                        c.dep_ == "compound"
                        and lexicon.is_title(c.text)
                        and any(d.lower_ == "the" for d in (*c.children, *target_tok.children))
                        for c in target_tok.children
                    )
                    targets = [] if run_on else resolver.one(target_tok)
                else:
                    targets = resolver.arguments(target_tok, {e for e, _ in sources}, listed=True)
                if frame.source.startswith("$subject:"):
                    for item in _object_semicolon_items(target_tok, chunk, token_entity, person):
                        targets += resolver.arguments(item, {e for e, _ in sources + targets})
                if source_tok.lower_ in PRONOUNS:
                    sources = resolver.arguments(source_tok, {e for e, _ in targets})
                if frame.names_after:
                    taken = {e for e, _ in sources + targets}
                    for t in sent[trigger.i - sent.start + 1 :]:
                        # the list ends where a reason or a new clause begins (not at "the
                        # following members of X's immediate family: his wife, A, ...")
                        if (t.pos_ in ("VERB", "AUX") and t.dep_ != "amod") or (
                            t.lower_ in _LIST_ENDS
                        ):
                            break
                        e = token_entity.get((chunk, t.i))
                        if e in person and e not in taken and _kin_named(t):
                            targets.append((e, 0.8))
                            taken.add(e)
            pairs = [(s, t) for s in sources for t in targets]
            symmetric_frame = bool(lexicon.relations[frame.relation].get("symmetric", False))
            # "Kushner and Flynn met with Kislyak": one meeting, so the two met as well; not a
            # visit to a place ("The Queen and Prince Philip visited Mauritius"), nor a call
            # ("The President and Mrs. Reagan telephoned ...": one line, two rooms)
            named_together = (
                frame.source.startswith("$subject:")
                and len(sources) > 1
                and (chunk, source_tok.i) in token_entity  # named, not "Members met with Y"
                and {e for e, _ in sources} <= person
                and any(e in person for e, _ in targets)
                and not any(
                    t.lower_ in _APART_WORDS or t.lemma_ in matcher.remote_words for t in sent
                )
            )
            # "Senators A, B and C announced their meeting with Y": one meeting, so they met
            # one another too
            their_meeting = source_tok.lower_ == "their" and trigger.tag_ == "NN"
            if symmetric_frame and (named_together or their_meeting):
                owners = sorted(sources)
                pairs += [(a, b) for n, a in enumerate(owners) for b in owners[n + 1 :]]
            if symmetric_frame and trigger.pos_ in ("VERB", "AUX") and _joint_call(trigger):
                # "spoke with A, B and C on a conference call": all on one line
                parties = sorted(dict(sources + targets).items())
                pairs = [(a, b) for n, a in enumerate(parties) for b in parties[n + 1 :]]
            if frame.both_ways:
                pairs += [(t, s) for s, t in pairs]
            if frame.all_pairs:
                # "meetings between Blinken, Yellen, Kerry and their counterparts": each met
                # their own counterpart, not one another
                listed = [source_tok, *_conjuncts(source_tok), target_tok, *_conjuncts(target_tok)]
                if any(t.lemma_ == "counterpart" and t.tag_ == "NNS" for t in listed):
                    continue
                # "A, B and C met": B and C met as well; the relation is symmetric
                parties = sorted(dict(sources + targets).items())
                # "a meeting between Booker, his colleagues and Y": the colleagues came
                # together; the meeting pairs them with the others, not with one another
                company = {e for t in listed if t.lemma_ == "colleague" for e, _ in resolver.one(t)}
                pairs = [
                    (a, b)
                    for n, a in enumerate(parties)
                    for b in parties[n + 1 :]
                    if not (a[0] in company and b[0] in company)
                ]
                if _and_only_list(source_tok, resolver):
                    # "engagements between Biden and Starmer and Blinken and Lammy": who with
                    # whom, the words do not say
                    pairs = []
                if not lexicon.relations[frame.relation].get("symmetric", False):
                    # "the feud between A and B", "gun battles between A and B": each side
                    # opposes the other
                    pairs += [(b, a) for a, b in pairs]
            for (s, s_conf), (t, t_conf) in pairs:
                if s == t or (frame.relation in matcher.eventless and (s in events or t in events)):
                    continue
                if not _types_fit(entities[s], entities[t]):
                    continue
                if frame.target_types and entities[t].type not in frame.target_types:
                    continue
                if frame.source_types and entities[s].type not in frame.source_types:
                    continue
                spec = lexicon.relations[frame.relation]
                symmetric = bool(spec.get("symmetric", False))
                a, b = (min(s, t), max(s, t)) if symmetric else (s, t)
                ident = (frame.relation, a, b, sentence)
                confidence = round(frame.confidence * s_conf * t_conf, 3)
                if ident in found and found[ident].confidence >= confidence:
                    continue
                found[ident] = _relation(
                    frame,
                    spec,
                    (entities[a], entities[b]),
                    confidence,
                    mod,
                    _evidence(doc_id, offset, sent, trigger),
                )
    for frame, sentence, mod, joiners, evidence in joins:
        if frame.source_types:  # "A, B and other senior U.S. officials also attended"
            joiners = [(e, c) for e, c in joiners if entities[e].type in frame.source_types]
        joined = _joined(found, sentence, joiners, frame.relation, frame.join_window)
        for (s, s_conf), (t, t_conf) in joined:
            if not _types_fit(entities[s], entities[t]):
                continue
            a, b = min(s, t), max(s, t)
            found.setdefault(
                (frame.relation, a, b, sentence),
                _relation(
                    frame,
                    lexicon.relations[frame.relation],
                    (entities[a], entities[b]),
                    round(frame.confidence * s_conf * t_conf, 3),
                    mod,
                    evidence,
                ),
            )
    met_spec = lexicon.relations.get("met", {})
    for sentence, mod, joiners, evidence in _attendance_lists(
        pieces, sentence_base, token_entity, person, doc_id, matcher, skip
    ):
        for (s, _), (t, _) in _joined(found, sentence, joiners, "met"):
            a, b = min(s, t), max(s, t)
            rel = _meeting(met_spec, entities, (a, b), 0.75, mod, "in_attendance", [evidence])
            found.setdefault(("met", a, b, sentence), rel)
    rosters, roster_joins = _roster_meetings(
        pieces, sentence_base, token_entity, entities, doc_id, matcher, skip
    )
    convened = _convening_sentences(pieces, sentence_base) if roster_joins else set()
    for sentence, mod, joiners, evidence, when in roster_joins:
        # "This afternoon, the President and Vice President met ... Attendees at this
        # afternoon's meeting included: ...": the people listed were at the meeting just told
        if not _last_meeting_when(found, sentence, when, convened):
            continue
        for (s, _), (t, _) in _joined(found, sentence, joiners, "met"):
            if entities[t].type != "PERSON":
                continue
            a, b = min(s, t), max(s, t)
            rel = _meeting(
                met_spec, entities, (a, b), 0.75, mod, "roster_of_one_meeting", [evidence]
            )
            found.setdefault(("met", a, b, sentence), rel)
    for key, rel in rosters:
        found.setdefault(key, rel)
    for key, rel in _delegation_meetings(
        pieces, sentence_base, token_entity, entities, doc_id, matcher, skip
    ):
        found.setdefault(key, rel)
    for key, rel in _travelled_together(
        pieces, sentence_base, entities, doc_id, matcher, salience.leaders, delegations, skip
    ):
        found.setdefault(key, rel)
    for adviser, head, sentence, rel in _title_advisers(
        pieces, sentence_base, token_entity, entities, doc_id, lexicon, skip
    ):
        found.setdefault((rel.type, adviser, head, sentence), rel)
    for (rtype, a, b, sentence), rel in list(found.items()):
        # "Trump fired Flynn" is opposition too: an edge of each type, so that a reader
        # filtering on the three main types still sees it
        implied = lexicon.relations[rtype].get("implies")
        if implied and (implied, a, b, sentence) not in found:
            found[(implied, a, b, sentence)] = rel.model_copy(update={"type": implied})
    return sorted(found.values(), key=lambda r: (r.evidence[0].start, r.type, r.source, r.target))


def _apposition_read_as_object(tok: Token) -> bool:
    """Is this "object" an apposition the parser hung on the verb? "met for a second day with
    the leader of the rebel group, the National Liberation Forces": after a comma, behind a
    prepositional phrase of the same verb, the name renames a noun of that phrase."""
    verb = tok.head
    return (
        tok.dep_ == "dobj"
        and tok.left_edge.i > 0
        and tok.doc[tok.left_edge.i - 1].text == ","
        and any(c.dep_ == "prep" and verb.i < c.i < tok.left_edge.i for c in verb.children)
    )


def _owned_unit(
    tok: Token,
    e: int,
    chunk: int,
    token_entity: dict[TokenKey, int],
    entity_types: Sequence[str],
) -> int | None:
    """'The U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC)
    designated ...': the parser makes the department the head; the unit it owns, named in the
    of-phrase, is what acts."""
    if not entity_types or entity_types[e] != "ORG":
        return None
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for pobj in prep.children:
            unit = token_entity.get((chunk, pobj.i))
            if (
                pobj.dep_ == "pobj"
                and unit is not None
                and unit != e
                and entity_types[unit] == "ORG"
                and any(c.dep_ == "poss" for c in pobj.children)
            ):
                return unit
    return None


def _acting_body(
    pieces: list[tuple[int, Doc]],
    token_entity: dict[TokenKey, int],
    types: Sequence[str],
    verbs: set[str],
) -> int | None:
    """The one organization or country the document shows doing one of `verbs` in the active
    voice ("the UK will have designated", "The UK is sanctioning"): the doer of those verbs'
    passives that name none. None where no body, or more than one, does so."""
    bodies: set[int] = set()
    stems = [v.rstrip("e") for v in verbs]  # "designat" of "designated", a cheap test first
    for chunk, (_, doc) in enumerate(pieces):
        text = doc.text.lower()
        if not any(stem in text for stem in stems):
            continue
        for tok in doc:
            if tok.lemma_ not in verbs or tok.pos_ != "VERB":
                continue
            if any(c.dep_ == "auxpass" for c in tok.children):
                continue
            for c in tok.children:
                if c.dep_ == "nsubj":
                    e = token_entity.get((chunk, c.i))
                    if e is not None and types[e] in ("ORG", "GPE"):
                        unit = _owned_unit(c, e, chunk, token_entity, types)
                        bodies.add(unit if unit is not None else e)
    return next(iter(bodies)) if len(bodies) == 1 else None


def _subject_after_comma(tok: Token) -> bool:
    """Is the name at `tok` the subject of the clause that follows it, whatever the parser
    says: a subject itself, or followed (past its relative clause) by a comma and a finite verb
    that has no subject ("..., Alexei Navalny, who remains in jail, denounced the exchange")?"""
    doc = tok.doc
    start, end = tok.i, tok.i + 1  # the model's name the token is in
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    root = doc[start:end].root
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    after = root.right_edge.i + 1
    if after + 1 >= len(doc) or doc[after].text != ",":
        return False
    verb = doc[after + 1]
    if verb.tag_ not in FINITE_TAGS:
        return False  # "..., Sam Altman, accusing them of ...": a participle takes no subject
    if verb.dep_ in ("aux", "auxpass"):
        verb = verb.head  # "..., have held talks": the verb the auxiliary serves
    return (
        verb.pos_ in ("VERB", "AUX")
        and verb.i > root.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _clause_after_date(tok: Token) -> bool:
    """Is the date starting at `tok` followed by a verb ("Z today thanked ...")?"""
    doc = tok.doc
    i = tok.i
    while i < len(doc) and doc[i].ent_type_ in TIMES:
        i += 1
    return i < len(doc) and doc[i].pos_ in ("VERB", "AUX")


def _plural_party_before(tok: Token, events: frozenset[str] = frozenset()) -> bool:
    """Does the sentence before `tok`'s name a group "they" may be ("Obama and Merkel criticized
    the protesters. They ...", "welcomed the dissidents", "met with the rebels")? A plural noun
    as object, predicate, or object of "with" or "to"; not one of `events` ("held talks")."""
    start = tok.sent.start
    if start == 0:
        return False
    return any(
        t.tag_ in ("NNS", "NNPS")
        and t.lemma_.lower() not in events
        and (
            t.dep_ in ("dobj", "attr", "dative")
            or (t.dep_ == "pobj" and t.head.lower_ in ("with", "to"))
        )
        for t in tok.doc[start - 1].sent
    )


def _coordinated_before(
    tok: Token,
    pair: set[int],
    chunk: int,
    token_entity: dict[TokenKey, int],
    as_subject: bool = False,
) -> bool:
    """Were the two people written as one coordinated phrase in the sentence before `tok`'s
    ("Rice and MacKay travelled ... They discussed"), not apart ("Rice told reporters that
    MacKay ...")? With `as_subject`, as that sentence's subject ("Police arrested Rice and
    MacKay. They ..." may be the police)."""
    start = tok.sent.start
    if start == 0:
        return False
    for t in tok.doc[start - 1].sent:
        if (
            t.dep_ == "conj"
            and (not as_subject or t.head.dep_ in ("nsubj", "nsubjpass"))
            and token_entity.get((chunk, t.i)) in pair
            and token_entity.get((chunk, t.head.i)) in pair
            and token_entity.get((chunk, t.i)) != token_entity.get((chunk, t.head.i))
        ):
            return True
    return False


# "A and B separately met C", "each met C": apart, so A and B did not meet
_APART_WORDS = {
    "separately", "separate", "each", "individually", "respectively", "respective", "both",
    "different",
}  # fmt: skip

# "on a conference call", "in a joint videoconference": one call that every party was on
_JOINT_CALLS = {"videoconference", "teleconference"}
_JOINT_CALL_WORDS = {"conference", "joint", "video", "group"}


def _joint_call(verb: Token) -> bool:
    """Was the verb's meeting one call shared by all its parties, wherever the parser hung the
    phrase ("spoke with A, B and C on a conference call")?"""
    for tok in verb.subtree:
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("on", "in", "via", "during", "by"):
            continue
        if tok.lemma_ in _JOINT_CALLS or (
            tok.lemma_ == "call"
            and any(c.lower_ in _JOINT_CALL_WORDS for c in tok.children if c.i < tok.i)
        ):
            return True
    return False


def _companions(verb: Token, subject: Token, after: bool = False) -> list[Token]:
    """'X, along with Y, met Z', 'X, together with Y, ...': those written with the subject,
    before the verb (after it, 'met Z along with his aides' may be anyone's company). With
    `after`, those written after a meeting that has no object ("the two men held their first
    meeting, along with Y"): its light verb's too."""
    out = []
    heads = [verb] if subject.i == verb.i else [verb, subject]
    if after and verb.dep_ == "dobj":
        heads = [verb, verb.head]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or (prep.i > verb.i) != after:
                continue
            if prep.lower_ in ("along", "together"):
                withs = [w for w in prep.children if w.dep_ == "prep" and w.lower_ == "with"]
            elif prep.lower_ == "alongside" or (
                # "together with Y", parsed as an adverb on the preposition
                prep.lower_ == "with"
                and any(
                    a.dep_ == "advmod" and a.lower_ in ("along", "together") for a in prep.children
                )
            ):
                withs = [prep]
            else:
                continue
            out += [p for w in withs for p in w.children if p.dep_ == "pobj"]
    return out


def _semicolon_items(
    verb: Token,
    subject: Token,
    chunk: int,
    token_entity: dict[TokenKey, int],
    person: set[int],
) -> list[Token]:
    """'Senator A (D-IL), Co-Chair of ...; Senator B (D-NH), Chair of ...; and Senator C (D-VT)
    met': the people that open the later items of a list, each item with its roles, between
    the subject and its verb (the parser hangs them on the roles as appositions)."""
    if not subject.i < verb.i:
        return []
    return _listed_items(subject.doc[subject.i + 1 : verb.i], chunk, token_entity, person)


def _object_semicolon_items(
    target: Token, chunk: int, token_entity: dict[TokenKey, int], person: set[int]
) -> list[Token]:
    """'will meet with A, Vice President of the State; B, Deputy Prime Minister; and C, ...':
    the people that open the later items of a list after the object, to the sentence's end."""
    return _listed_items(target.doc[target.i + 1 : target.sent.end], chunk, token_entity, person)


def _listed_items(
    span: Span, chunk: int, token_entity: dict[TokenKey, int], person: set[int]
) -> list[Token]:
    """The people that open the second and later items of a list split by semicolons, the last
    item opening with "and"; none if an item has a verb or opens with no person."""
    items: list[list[Token]] = [[]]
    depth = 0
    for tok in span:
        depth += (tok.text == "(") - (tok.text == ")")
        if tok.text == ";" and depth == 0:
            items.append([])
        else:
            items[-1].append(tok)
    # the last item opens with "and": a list, not a clause after a semicolon
    if len(items) < 2 or not items[-1] or items[-1][0].lower_ != "and":
        return []
    out = []
    for item in items[1:]:
        opener = next((t for t in item if token_entity.get((chunk, t.i)) in person), None)
        if opener is None or any(t.pos_ in ("VERB", "AUX") for t in item):
            return []
        out.append(opener)
    return out


def _relation(
    frame: CompiledFrame,
    spec: dict[str, Any],
    parties: tuple[Entity, Entity],
    confidence: float,
    mod: Modality,
    evidence: Evidence,
) -> Relation:
    """The relation a frame found between two entities, with its modality and evidence."""
    return Relation(
        type=frame.relation,
        source=parties[0].id,
        target=parties[1].id,
        confidence=confidence,
        negated=mod.negated,
        hedged=mod.hedged,
        tense="planned" if mod.planned else "past",
        symmetric=bool(spec.get("symmetric", False)),
        cameo=str(spec.get("cameo", "")),
        pattern=frame.name,
        evidence=[evidence],
    )


# How many sentences back "joined today's meeting" may find the meeting it refers to.
JOIN_WINDOW = 10


def _definite(noun: Token) -> bool:
    """ "the meeting", "today's meeting", "their talks": a meeting the reader already knows."""
    return any(
        c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these")
        for c in noun.children
    )


def _joined(
    found: dict[tuple[str, int, int, int], Relation],
    sentence: int,
    joiners: list[tuple[int, float]],
    relation: str,
    window: int | None = None,
) -> list[tuple[tuple[int, float], tuple[int, float]]]:
    """Who joined whom: each joiner with each party of the meeting the document reported last,
    up to the joining sentence and within JOIN_WINDOW sentences before it. With a `window`,
    within that many sentences, and a meeting held, not planned ("X and Y met. Z also
    attended.": not after "Later, X addressed Parliament.")."""
    asserted = [
        (key[3], key[1], key[2])
        for key, rel in found.items()
        if key[0] == relation
        and key[3] <= sentence
        and not (rel.negated or rel.hedged)
        and not (window is not None and rel.tense == "planned")
    ]
    if not asserted:
        return []
    last = max(n for n, _, _ in asserted)
    if sentence - last > (JOIN_WINDOW if window is None else window):
        return []
    parties = sorted({e for n, a, b in asserted if n == last for e in (a, b)})
    joining = {e for e, _ in joiners}
    return [(j, (p, 1.0)) for j in joiners for p in parties if p not in joining]


def _evidence(doc_id: str, offset: int, sent: Span, trigger: Token) -> Evidence:
    """The sentence that shows a relation, with its offsets in the document; as written (a
    headline was parsed with its verbs in lower case, see `headline_case`)."""
    text = source_text(sent.doc)
    return Evidence(
        document=doc_id,
        sentence=text[sent.start_char : sent.end_char].strip(),
        start=offset + sent.start_char,
        end=offset + sent.end_char,
        trigger=text[trigger.idx : trigger.idx + len(trigger.text)],
    )


# Finite verbs: a roster of names and titles has none ("A, B and C" is a list, "A said" is not).
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _people_listed(
    chunk: int, heads: list[Token], token_entity: dict[TokenKey, int], person: set[int]
) -> list[int]:
    """The people named by these tokens and their conjuncts, in order ("were A, B and C")."""
    return [
        e
        for head in heads
        for t in (head, *_conjuncts(head))
        if (e := token_entity.get((chunk, t.i))) in person
    ]


def _attendance_lists(
    pieces: list[tuple[int, Doc]],
    sentence_base: list[int],
    token_entity: dict[TokenKey, int],
    person: set[int],
    doc_id: str,
    matcher: RelationMatcher,
    skip: list[tuple[int, int]] | None,
) -> list[tuple[int, Modality, list[tuple[int, float]], Evidence]]:
    """People a sentence lists as present at the meeting just reported, who join it: "Members
    of the Lynch CODEL in attendance at the meeting were A, B and C"; "Also in attendance
    were A and B"; "Attending the meeting were A and B"; "X and Y met ... -- a private
    meeting, also attended by A, B and C"."""
    meetings = set(matcher.lexicon.relations.get("met", {}).get("roster_meeting", []))

    def the_meeting(t: Token) -> bool:
        return t.lemma_ in meetings and t.tag_ == "NN" and _definite(t)

    out = []
    for chunk, (offset, doc) in enumerate(pieces):
        if "attend" not in doc.text.lower():  # a cheap test first
            continue
        sent_index = {s.start: n for n, s in enumerate(doc.sents)}
        for sent in doc.sents:
            verb = sent.root
            if in_ranges(offset + sent.start_char, skip):
                continue
            present = any(
                t.lower_ == "attendance"
                and t.dep_ == "pobj"
                and t.head.lower_ == "in"
                # "in attendance at the meeting", or the meeting the story is of
                and t.head.head.i in (verb.i, *(c.i for c in verb.children if c.dep_ == "nsubj"))
                for t in sent
            ) or (
                verb.lemma_ in ("attend", "join")
                and verb.tag_ == "VBG"
                and any(c.dep_ == "dobj" and the_meeting(c) for c in verb.children)
            )
            listed: list[Token] = []
            anchor = verb
            for t in sent:
                if not (t.lemma_ == "attend" and t.tag_ == "VBN" and not present):
                    continue
                # "a private meeting, also attended by A, B and C": the participle's meeting
                # (its head, its passive subject, or the object of the verb it was hung on);
                # not "The ceremony was attended by A and B"
                hosts = [t.head, *(c for c in t.children if c.dep_ == "nsubjpass")]
                if t.head.pos_ in ("VERB", "AUX"):
                    hosts += [c for c in t.head.children if c.dep_ == "dobj"]
                if not any(h.lemma_ in meetings for h in hosts):
                    continue
                agents = [p for by in t.children if by.dep_ == "agent" for p in by.children]
                # the agent's list, which the parser may hang as appositions of its first item
                listed = [
                    *agents,
                    *(a for p in agents for a in p.children if a.dep_ == "appos"),
                ]
                anchor = t.head
                break
            if not listed:
                if not present:
                    continue
                if verb.lemma_ == "be":
                    listed = [c for c in verb.children if c.dep_ in ("attr", "nsubj")]
                    if any(c.dep_ == "attr" for c in listed):  # "Members ... were A, B"
                        listed = [c for c in listed if c.dep_ == "attr"]
                else:
                    listed = [c for c in verb.children if c.dep_ == "nsubj"]
            people = _people_listed(chunk, listed, token_entity, person)
            mod = modality([], anchor, matcher)
            if not people or mod.negated or mod.hypothetical or mod.hedged:
                continue
            sentence = sentence_base[chunk] + sent_index[sent.start]
            joiners = [(e, 0.8) for e in dict.fromkeys(people)]
            out.append((sentence, mod, joiners, _evidence(doc_id, offset, sent, anchor)))
    return out


def _bullet_item(doc: Doc) -> bool:
    """Does this piece start with a list bullet ("  • Chuck Hagel, Secretary of Defense")?"""
    first = next((t for t in doc if not t.is_space), None)
    return first is not None and first.text in LIST_BULLETS


def _roster_names(doc: Doc, start: int) -> tuple[list[Token], int]:
    """The tokens of a list that starts at `start` and runs to the end of its paragraph (or
    line; a list of lines behind bullets, to its last item), and the index after it; no tokens
    when what follows reads as prose."""
    i = start
    while i < len(doc) and (doc[i].is_space or doc[i].text == ":"):
        i += 1
    first = i
    if i < len(doc) and doc[i].text in LIST_BULLETS:
        return _bulleted_names(doc, i)
    while i < len(doc) and not (doc[i].is_space and "\n" in doc[i].text):
        if doc[i].tag_ in FINITE_TAGS:
            return [], i
        i += 1
    return list(doc[first:i]), i


def _bulleted_names(doc: Doc, start: int) -> tuple[list[Token], int]:
    """The names of a list of lines behind bullets ("• Chuck Hagel, Secretary of Defense"):
    each line up to its first comma (what follows is the office, whose words the model may
    take for a verb: "Human Services"), and the index after the list; none when a line reads
    as prose ("• Obama met Putin")."""
    names: list[Token] = []
    i = start
    while i < len(doc) and doc[i].text in LIST_BULLETS:
        i += 1
        named = True
        while i < len(doc) and not (doc[i].is_space and "\n" in doc[i].text):
            if doc[i].text == ",":
                named = False
            elif named:
                if doc[i].tag_ in FINITE_TAGS:
                    return [], i
                names.append(doc[i])
            i += 1
        if i + 1 < len(doc) and doc[i + 1].text in LIST_BULLETS:
            i += 1
    return names, i


def _roster_meetings(
    pieces: list[tuple[int, Doc]],
    sentence_base: list[int],
    token_entity: dict[TokenKey, int],
    entities: list[Entity],
    doc_id: str,
    matcher: RelationMatcher,
    skip: list[tuple[int, int]] | None,
) -> tuple[
    list[tuple[tuple[str, int, int, int], Relation]],
    list[tuple[int, Modality, list[tuple[int, float]], Evidence, str]],
]:
    """'Attendees at today's meeting included: A, B, C ...' (the list may fill the next
    paragraph, as in a readout): the people listed met one another. Also, for a meeting named
    by its time ("this afternoon's meeting"), the list as joiners of the meeting told before."""
    spec = matcher.lexicon.relations.get("met", {})
    roster_nouns = set(spec.get("roster_noun", []))
    meetings = set(spec.get("roster_meeting", []))
    if not roster_nouns or not meetings:
        return [], []
    out = []
    joins: list[tuple[int, Modality, list[tuple[int, float]], Evidence, str]] = []
    for chunk, (offset, doc) in enumerate(pieces):
        text = doc.text.lower()
        if not any(noun in text for noun in roster_nouns):  # a cheap test first
            continue
        sent_index = {s.start: n for n, s in enumerate(doc.sents)}
        for tok in doc:
            verb = tok.head
            if not (
                tok.lemma_.lower() in roster_nouns
                and tok.dep_ == "nsubj"
                and verb.lemma_ in ("include", "be")
                and verb.i > tok.i
            ):
                continue
            # one meeting the reader knows: "at today's meeting", "in the talks"
            held = [
                o
                for p in tok.children
                if p.dep_ == "prep" and p.lower_ in ("at", "in", "of", "for")
                for o in p.children
                if o.dep_ == "pobj" and o.lemma_ in meetings and o.lower_ != "meetings"
            ]
            if not held:
                continue
            # "this afternoon's meeting": the time that names the meeting (not "this
            # morning's NSC meeting", a meeting of its own)
            when = next(
                (c.lower_ for c in held[0].children if c.dep_ == "poss" and c.ent_type_ in TIMES),
                "",
            )
            if any(c.dep_ in ("compound", "amod", "nmod") for c in held[0].children):
                when = ""
            sent = tok.sent
            if in_ranges(offset + sent.start_char, skip):
                continue
            at, (list_offset, list_doc) = chunk, pieces[chunk]
            listed, end = _roster_names(doc, verb.i + 1)
            items = [(at, listed)]
            if not listed and end == len(doc) and chunk + 1 < len(pieces):
                at, (list_offset, list_doc) = chunk + 1, pieces[chunk + 1]  # "included:" + list
                listed, end = _roster_names(list_doc, 0)
                items = [(at, listed)]
                # a list of short lines behind bullets, each line a piece of its own
                while (
                    _bullet_item(list_doc)
                    and all(t.is_space for t in list_doc[end:])
                    and at + 1 < len(pieces)
                    and _bullet_item(pieces[at + 1][1])
                ):
                    at, (list_offset, list_doc) = at + 1, pieces[at + 1]
                    listed, end = _roster_names(list_doc, 0)
                    items.append((at, listed))
            people = list(
                dict.fromkeys(
                    e
                    for item_chunk, tokens in items
                    for t in tokens
                    if (e := token_entity.get((item_chunk, t.i))) is not None
                    and entities[e].type == "PERSON"
                )
            )
            mod = modality([], verb, matcher)
            if len(people) < 2 or mod.negated or mod.hypothetical or mod.hedged:
                continue
            list_end = list_doc[end - 1].idx + len(list_doc[end - 1].text)
            if at == chunk:
                text = doc.text[sent.start_char : list_end]
            else:  # the sentence, then the list of the next paragraph(s)
                text = " ".join(
                    [
                        doc.text[sent.start_char :].rstrip(),
                        *(pieces[c][1].text.strip() for c in range(chunk + 1, at)),
                        list_doc.text[:list_end],
                    ]
                )
            evidence = Evidence(
                document=doc_id,
                sentence=text.strip(),
                start=offset + sent.start_char,
                end=list_offset + list_end,
                trigger=tok.text,
            )
            sentence = sentence_base[chunk] + sent_index[sent.start]
            for n, a in enumerate(people):
                for b in people[n + 1 :]:
                    a_, b_ = min(a, b), max(a, b)
                    rel = _meeting(
                        spec, entities, (a_, b_), 0.8, mod, "roster_of_one_meeting", [evidence]
                    )
                    out.append((("met", a_, b_, sentence), rel))
            if when:
                joins.append((sentence, mod, [(e, 0.8) for e in people], evidence, when))
    return out, joins


# Verbs that hold a meeting: a roster after one of them may be of that meeting
CONVENING_VERBS = {"meet", "convene", "chair", "host", "hold", "gather", "summon"}


def _convening_sentences(pieces: list[tuple[int, Doc]], sentence_base: list[int]) -> set[int]:
    """The sentences with a verb that holds a meeting ("met", "convened", "chaired")."""
    out = set()
    for chunk, (_, doc) in enumerate(pieces):
        for n, sent in enumerate(doc.sents):
            if any(t.pos_ == "VERB" and t.lemma_ in CONVENING_VERBS for t in sent):
                out.add(sentence_base[chunk] + n)
    return out


def _last_meeting_when(
    found: dict[tuple[str, int, int, int], Relation],
    sentence: int,
    when: str,
    convened: set[int],
) -> bool:
    """Does the sentence of the meeting the document reported last, up to `sentence`, say the
    time a roster names its meeting by ("This afternoon, the President ... met ..." for "this
    afternoon's meeting"), with no other meeting held in between ("Earlier, the President
    convened his National Security Council"), so that the roster is of that meeting?"""
    told = [
        (key[3], rel)
        for key, rel in found.items()
        if key[0] == "met" and key[3] <= sentence and not (rel.negated or rel.hedged)
    ]
    if not told:
        return False
    last = max(n for n, _ in told)
    if any(last < n < sentence for n in convened):
        return False
    return any(
        # the time said of the meeting ("This afternoon, ... met"), not of another one the
        # sentence names ("After today's Principals meeting, the President was briefed")
        re.search(rf"\b{re.escape(when)}\b(?!['’]s)", rel.evidence[0].sentence.lower())
        for n, rel in told
        if n == last
    )


def _meeting(
    spec: dict[str, Any],
    entities: list[Entity],
    pair: tuple[int, int],
    factor: float,
    mod: Modality,
    pattern: str,
    evidence: list[Evidence],
) -> Relation:
    """A meeting of two entities that a rule over a whole passage found (no grammar frame)."""
    return Relation(
        type="met",
        source=entities[pair[0]].id,
        target=entities[pair[1]].id,
        confidence=round(factor * float(spec.get("confidence", 1.0)), 3),
        tense="planned" if mod.planned else "past",
        symmetric=True,
        cameo=str(spec.get("cameo", "")),
        pattern=pattern,
        evidence=evidence,
    )


def _joined_on_trip(tok: Token, trips: set[str]) -> bool:
    """Is this the trip of "X was joined on the trip by A and B"?"""
    return (
        tok.lemma_.lower() in trips
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "on"
        and tok.head.head.lemma_ == "join"
        and tok.head.head.tag_ == "VBN"
    )


def _story_leaders(
    pieces: list[tuple[int, Doc]],
    token_entity: dict[TokenKey, int],
    person: set[int],
    led: set[str],
    trips: set[str] = frozenset(),
) -> dict[str, list[int]]:
    """For each led noun ("delegation"), the people of the one sentence that says who led or
    headed "the delegation" ("The delegation was headed by X", "X led the delegation"; "X was
    joined on the trip by A and B" makes X the leader of a delegation); none
    where the story names different leaders (of two groups)."""
    said: dict[str, list[list[int]]] = defaultdict(list)
    for chunk, (_, doc) in enumerate(pieces):
        for tok in doc:
            if _joined_on_trip(tok, trips):
                # "Booker was joined on the congressional trip by A and B": his delegation
                travellers = [c for c in tok.head.head.children if c.dep_ == "nsubjpass"]
                people = [e for t in travellers if (e := token_entity.get((chunk, t.i))) in person]
                if people:
                    said["delegation"].append(people)
                continue
            noun = tok.lemma_.lower()  # "a bipartisan Congressional Delegation"
            if noun not in led or tok.tag_ not in ("NN", "NNP"):
                continue
            if (
                tok.dep_ == "conj"
                and tok.i > tok.head.i
                and token_entity.get((chunk, tok.head.i)) in person
                and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
            ):
                # "Chairman Rodney Frelinghuysen, House Speaker John Boehner and a delegation
                # of senior lawmakers have returned": the people named with the delegation
                # lead it
                first = _first_conjunct(tok.head)
                people = [
                    e
                    for t in [first, *_conjuncts(first)]
                    if t.i < tok.i and (e := token_entity.get((chunk, t.i))) in person
                ]
                said[noun].append(list(dict.fromkeys(people)))
                continue
            if tok.head.lemma_ not in LEAD_VERBS:
                continue
            verb = tok.head
            if tok.dep_ == "nsubjpass":
                leading = [
                    t
                    for agent in verb.children
                    if agent.dep_ == "agent"
                    for pobj in agent.children
                    if pobj.dep_ == "pobj"
                    for t in [pobj, *_conjuncts(pobj)]
                ]
            elif tok.dep_ == "dobj" and (subject := subject_of(verb)) is not None:
                leading = [subject, *_conjuncts(subject)]
            else:
                continue
            # "headed by the Prime Minister's Envoy on Aviation Security, Sir William Patey"
            leading += [a for t in leading for a in t.children if a.dep_ == "appos"]
            people = [e for t in leading if (e := token_entity.get((chunk, t.i))) in person]
            if people:
                said[noun].append(list(dict.fromkeys(people)))
    # "Price has returned from leading a congressional delegation ... Price led the delegation
    # in his capacity as ...": two sentences, one leader
    return {
        noun: lists[0]
        for noun, lists in said.items()
        if all(set(people) == set(lists[0]) for people in lists)
    }


def _delegation_kinds(pieces: list[tuple[int, Doc]], legislatures: dict[str, str]) -> set[str]:
    """The legislatures whose members' delegation the story tells of: "congress" for "leading a
    congressional delegation (CODEL)"."""
    text = " ".join(doc.text.lower() for _, doc in pieces)
    return {
        word
        for word, adjective in legislatures.items()
        # not the "White House delegation"
        if re.search(rf"(?<!white )\b{re.escape(adjective)} delegation\b", text)
    }


def _joined_leader_on_trip(tok: Token, trips: set[str]) -> bool:
    """'trip' in "A and B joined Rep. Smith on the trip": people who went with a leader."""
    if not (tok.lemma_ in trips and tok.dep_ == "pobj" and tok.head.lower_ == "on"):
        return False
    verb = tok.head.head
    return verb.lemma_ == "join" and not any(
        c.dep_ in ("nsubjpass", "auxpass") for c in verb.children
    )


def _delegation_members(
    pieces: list[tuple[int, Doc]],
    token_entity: dict[TokenKey, int],
    person: set[int],
    leaders: dict[str, list[int]],
    trips: set[str] = frozenset(),
    press: frozenset[str] = frozenset(),
) -> dict[str, tuple[list[int], list[tuple[int, Span, Token]]]]:
    """For each led noun with one leader in the story, the people the story says went with
    him, and the sentences (with their verbs) that say so: "leading a congressional
    delegation of Senators A, B and C"; "X led a delegation to Haiti. Joining him were A, B
    and C."; "The delegation included A and B". Not the leaders themselves."""
    found: dict[str, tuple[list[int], list[tuple[int, Span, Token]]]] = {}

    def people(chunk: int, heads: list[Token]) -> list[int]:
        return _people_listed(chunk, heads, token_entity, person)

    for chunk, (_, doc) in enumerate(pieces):
        sents = list(doc.sents)
        for n, sent in enumerate(sents):
            for tok in sent:
                noun = tok.lemma_.lower()
                joined_leader = _joined_leader_on_trip(tok, trips)
                if _joined_on_trip(tok, trips) or joined_leader:
                    noun = "delegation"
                if noun not in leaders or tok.tag_ not in ("NN", "NNP"):
                    continue
                members: list[int] = []
                proof = [(sent, tok.head)]
                if joined_leader:
                    # "A, B and C joined Rep. Smith on the trip": the leader's companions (not
                    # "Reporters A and B joined ...": the press travels along)
                    verb = tok.head.head
                    objects = [c for c in verb.children if c.dep_ == "dobj"]
                    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
                    press_named = any(
                        w.lemma_.lower() in press
                        for t in subjects
                        for w in [t, *t.subtree]
                        if w.i <= t.i
                    )
                    if not press_named and (
                        {token_entity.get((chunk, o.i)) for o in objects} & set(leaders[noun])
                    ):
                        members = people(chunk, subjects)
                        proof = [(sent, verb)]
                elif tok.head.lemma_ in LEAD_VERBS and tok.dep_ == "dobj":
                    members = people(chunk, _prep_objects(tok, ("of",)))
                    nxt = sents[n + 1] if n + 1 < len(sents) else None
                    root = nxt.root if nxt is not None else None
                    if (
                        root is not None
                        and root.lemma_ in ("join", "accompany")
                        and root.tag_ == "VBG"  # "Joining him were A, B and C."
                        and any(c.dep_ == "dobj" and c.lower_ in PRONOUNS for c in root.children)
                    ):
                        subjects = [c for c in root.children if c.dep_ == "nsubj"]
                        if joined := people(chunk, subjects):
                            members += joined
                            proof.append((nxt, root))
                elif _joined_on_trip(tok, trips):
                    # "Booker was joined on the bipartisan congressional trip by Senators A, B"
                    agents = [
                        p
                        for by in (*tok.children, *tok.head.head.children)
                        if by.lower_ == "by"
                        for p in by.children
                        if p.dep_ == "pobj"
                    ]
                    members = people(chunk, agents)
                    proof = [(sent, tok.head.head)]
                elif tok.dep_ == "nsubj" and tok.head.lemma_ == "include" and _definite(tok):
                    objects = [c for c in tok.head.children if c.dep_ == "dobj"]
                    members = people(chunk, objects)
                members = [e for e in dict.fromkeys(members) if e not in leaders[noun]]
                if members:
                    had, proofs = found.get(noun, ([], []))
                    found[noun] = (
                        list(dict.fromkeys(had + members)),
                        proofs + [(chunk, p, verb) for p, verb in proof],
                    )
    return found


def _travelled_together(
    pieces: list[tuple[int, Doc]],
    sentence_base: list[int],
    entities: list[Entity],
    doc_id: str,
    matcher: RelationMatcher,
    leaders: dict[str, list[int]],
    delegations: dict[str, tuple[list[int], list[tuple[int, Span, Token]]]],
    skip: list[tuple[int, int]] | None,
) -> list[tuple[tuple[str, int, int, int], Relation]]:
    """A delegation's leader met each member the story says went with him ("leading a
    congressional delegation of Senators A, B and C")."""
    spec = matcher.lexicon.relations.get("met", {})
    out = []
    for noun, (members, proofs) in delegations.items():
        chunk, first, _ = proofs[0]
        doc = pieces[chunk][1]
        if any(in_ranges(pieces[c][0] + p.start_char, skip) for c, p, _ in proofs):
            continue
        mods = [modality([], verb, matcher) for _, _, verb in proofs]
        # a trip still to come ("will lead a delegation that will include A") may yet change
        if any(m.negated or m.hypothetical or m.hedged or m.planned for m in mods):
            continue
        mod = mods[0]
        evidence = [_evidence(doc_id, pieces[c][0], p, verb) for c, p, verb in proofs]
        sent_index = {sent.start: n for n, sent in enumerate(doc.sents)}
        sentence = sentence_base[chunk] + sent_index[first.start]
        for leader in leaders[noun]:
            for member in members:
                a_, b_ = min(leader, member), max(leader, member)
                rel = _meeting(spec, entities, (a_, b_), 0.7, mod, "delegation_members", evidence)
                out.append((("met", a_, b_, sentence), rel))
    return out


def _delegation_meetings(
    pieces: list[tuple[int, Doc]],
    sentence_base: list[int],
    token_entity: dict[TokenKey, int],
    entities: list[Entity],
    doc_id: str,
    matcher: RelationMatcher,
    skip: list[tuple[int, int]] | None,
) -> list[tuple[tuple[str, int, int, int], Relation]]:
    """'Delegations from the United States and Honduras held the sixth meeting of the Working
    Group ... The U.S. delegation was led by A; B; and C. The Honduran delegation was led by D
    and E.': the leaders of each delegation met those of the other (not those of their own,
    who may have travelled apart). Two delegations, named by their countries, and one
    sentence in which the delegations meet, or else a story of one session ("Ryabkov led the
    Russian delegation" at "an extraordinary session of the ... Dialogue")."""
    spec = matcher.lexicon.relations.get("met", {})
    meeting_verbs = set(spec.get("light_verb", [])) | set(spec.get("verb_with", []))
    sides: dict[str, tuple[list[int], Span, int, int, Token]] = {}
    meeting: tuple[Token, int, int, Token] | None = None
    for chunk, (offset, doc) in enumerate(pieces):
        if "delegation" not in doc.text.lower():  # a cheap test first
            continue
        for tok in doc:
            if tok.lemma_.lower() != "delegation" or in_ranges(offset + tok.idx, skip):
                continue
            verb = tok.head
            if tok.tag_ == "NNS" and tok.dep_ == "nsubj" and verb.lemma_ in meeting_verbs:
                meeting = meeting or (verb, chunk, offset, tok)
                continue
            if tok.tag_ != "NN" or verb.lemma_ not in LEAD_VERBS:
                continue
            side = next(
                (
                    fold(c.text)
                    for c in tok.children
                    if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE")
                ),
                None,
            )
            if side is None or side in sides:
                continue
            sent = tok.sent
            if tok.dep_ == "nsubjpass" and verb.tag_ == "VBN":
                # "The U.S. delegation was led by A; B; and C."
                agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                leaders = list(doc[agent.i + 1 : sent.end]) if agent is not None else []
            elif tok.dep_ == "dobj" and (subject := subject_of(verb)) is not None:
                leaders = [subject, *_conjuncts(subject)]  # "Ryabkov led the Russian delegation"
            else:
                continue
            people = list(
                dict.fromkeys(
                    e
                    for t in leaders
                    if (e := token_entity.get((chunk, t.i))) is not None
                    and entities[e].type == "PERSON"
                )
            )
            if people:
                sides[side] = (people, sent, chunk, offset, verb)
    if meeting is None and len(sides) == 2:
        # no sentence has the delegations meet, but the story is of a meeting ("an
        # extraordinary session of the U.S.-Russia Strategic Stability Dialogue"): the side
        # named first leads, and its sentence stands as the meeting's
        occasions = set(spec.get("setting_noun", [])) | {"session"}
        if any(t.lemma_ in occasions for _, doc in pieces for t in doc if t.pos_ == "NOUN"):
            _, first_sent, chunk, offset, verb = next(iter(sides.values()))
            meeting = (verb, chunk, offset, first_sent.root)
    if meeting is None:
        return []
    verb, chunk, offset, delegations = meeting
    mod = modality([], verb, matcher)
    for _, _, _, _, led in sides.values():
        led_mod = modality([], led, matcher)
        mod.planned |= led_mod.planned
        if led_mod.negated or led_mod.hypothetical or led_mod.hedged:
            return []
    if mod.negated or mod.hypothetical or mod.hedged:
        return []
    # "Delegations from the United States and Honduras held ...": the two countries met
    countries = [
        e
        for prep in delegations.children
        if prep.dep_ == "prep" and prep.lower_ == "from"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for t in [pobj, *_conjuncts(pobj)]
        if (e := token_entity.get((chunk, t.i))) is not None and entities[e].type == "GPE"
    ]
    pairs = [(min(countries), max(countries))] if len(set(countries)) == 2 else []
    if len(sides) == 2:
        (a_people, *_), (b_people, *_) = sides.values()
        pairs += [(min(a, b), max(a, b)) for a in a_people for b in b_people if a != b]
    if not pairs:
        return []

    proof = list(
        {
            e.start: e
            for e in [_evidence(doc_id, offset, verb.sent, verb)]
            + [_evidence(doc_id, at, sent, led) for _, sent, _, at, led in sides.values()]
        }.values()
    )
    sent_index = {s.start: n for n, s in enumerate(pieces[chunk][1].sents)}
    sentence = sentence_base[chunk] + sent_index[verb.sent.start]
    out = []
    for a_, b_ in dict.fromkeys(pairs):
        rel = _meeting(spec, entities, (a_, b_), 0.75, mod, "delegation_leaders", proof)
        out.append((("met", a_, b_, sentence), rel))
    return out


def _bare_office(title: str, countries: frozenset[str]) -> tuple[str, bool]:
    """'Turkish President' -> ('president', True); 'President' -> ('president', False)."""
    title = title.lower().replace("-", " ")
    of_country = re.search(r" of (.+)$", title)
    if of_country and org_key(of_country.group(1)) in countries:
        return title[: of_country.start()], True  # "President of China"
    # "Prime Minister Sir" (Sir Keir Starmer): an honorific is no part of the office
    words = [w for w in title.split() if w.rstrip(".") not in _HONORIFIC_WORDS]
    kept = [w for w in words if org_key(w) not in countries and w not in ("u.s.", "us")]
    return " ".join(kept), len(kept) < len(words)


_HONORIFIC_WORDS = {"sir", "dame", "lord", "lady", "dr", "hon", "rt", "mr", "mrs", "ms"}


def _title_advisers(
    pieces: list[tuple[int, Doc]],
    sentence_base: list[int],
    token_entity: dict[TokenKey, int],
    entities: list[Entity],
    doc_id: str,
    lexicon: Lexicon,
    skip: list[tuple[int, int]] | None,
) -> list[tuple[int, int, int, Relation]]:
    """'U.S. National Security Adviser H.R. McMaster ... President Donald Trump': an adviser
    title with no principal named serves the document's one head of government; a former
    adviser ('former national security adviser John Bolton') served someone else."""
    spec = lexicon.relations.get("advised", {})
    roles = set(spec.get("title_roles", []))
    serves = list(spec.get("title_serves", []))
    if not roles or not serves:
        return []
    countries = country_words()
    heads_of = {
        served: {
            i
            for i, e in enumerate(entities)
            if e.type == "PERSON"
            and any(
                office == served and not qualified
                for office, qualified in (_bare_office(t, countries) for t in e.titles)
            )
            # "President Xi" is also "President Xi Jinping of China": no home president
            and not any(
                _bare_office(t, countries) == (served, True) and not _home(t) for t in e.titles
            )
            # "Former President Bill Clinton" is no head of government now
            and not any(_bare_office(t, countries)[0] == f"former {served}" for t in e.titles)
        }
        for served in serves
    }
    # in the lexicon's order: a president before a prime minister
    served = next((office for office in serves if heads_of[office]), None)
    if served is None or len(heads_of[served]) != 1:
        return []
    head = next(iter(heads_of[served]))
    # "President Biden and Prime Minister Sir Keir Starmer ... National Security Advisor Sir
    # Tim Barrow": with heads of two governments, only an adviser the text marks as the
    # president's own ("U.S.", "White House") is his
    home_only = sum(1 for heads in heads_of.values() if heads) > 1
    # A bare "President" is the one head of government a title may leave unnamed (the U.S.
    # one); an adviser the text marks as American serves no prime minister ("U.S. Secretary of
    # State Colin Powell and National Security Advisor Condoleezza Rice" beside "Prime Minister
    # Jose Luis Rodriguez Zapatero").
    american_ok = served == "president"
    # "Former President Bill Clinton", "Afghan President Ashraf Ghani": with another holder of
    # the office in the story, "Assistant to the President" may be his
    other_holders = any(
        _bare_office(t, countries)[0] in (served, f"former {served}", f"ex {served}")
        for i, e in enumerate(entities)
        if i != head and e.type == "PERSON"
        for t in e.titles
    )
    out: list[tuple[int, int, int, Relation]] = []
    done: set[int] = set()
    refused: set[int] = set()
    for chunk, (offset, doc) in enumerate(pieces):
        sent_index = {sent.start: n for n, sent in enumerate(doc.sents)}
        for tok in doc:
            e = token_entity.get((chunk, tok.i))
            if e is None or e == head or e in done or e in refused or entities[e].type != "PERSON":
                continue
            if token_entity.get((chunk, tok.head.i)) == e and tok.head.i != tok.i:
                continue  # not the head token of the name
            title = [t for t in tok.lefts if t.dep_ in ("compound", "nmod", "amod")]
            role = next((t for t in title if t.lemma_.lower() in roles), None)
            run_role = (
                _role_to_office_before(doc, chunk, tok, e, token_entity, served, lexicon)
                if not other_holders
                else None
            )
            if run_role is not None:
                # "Assistant to the President for Homeland Security and Counterterrorism
                # Monaco": the title names the office served, whatever the parser hung where
                role, title = run_role, [run_role]
            elif role is None or any(c.dep_ == "poss" for t in title for c in t.children):
                continue
            before = [t for t in tok.subtree if t.i < tok.i]
            if run_role is not None:
                before = list(doc[max(run_role.i - 2, run_role.sent.start) : run_role.i])
            if any(t.lower_ in FORMER for t in before):
                continue
            if run_role is None and not _head_may_own_title(
                chunk, tok, e, before, token_entity, lexicon, american_ok, home_only
            ):
                # "Department of State Counselor Thomas A. Shannon ... Counselor Shannon": where
                # one mention says a department's adviser he is, a bare title elsewhere is that
                # one too (not "Kremlin adviser Yuri Ushakov ... Adviser Ushakov", the
                # president's own)
                if any(
                    _department_name(entities[q].name)
                    for t in before
                    if (q := token_entity.get((chunk, t.i))) is not None
                ):
                    refused.add(e)
                continue
            sent = tok.sent
            if in_ranges(offset + sent.start_char, skip):
                continue
            done.add(e)
            out.append(
                (
                    e,
                    head,
                    sentence_base[chunk] + sent_index[sent.start],
                    Relation(
                        type="advised",
                        source=entities[e].id,
                        target=entities[head].id,
                        confidence=round(0.7 * float(spec.get("confidence", 1.0)), 3),
                        cameo=str(spec.get("cameo", "")),
                        pattern="title_serves_head_of_government",
                        evidence=[_evidence(doc_id, offset, sent, role)],
                    ),
                )
            )
    return [found for found in out if found[0] not in refused]


def _department_name(name: str) -> bool:
    """Is this a government department's or ministry's name ("Department of State", "Defense
    Ministry")?"""
    words = org_key(name).split()
    return bool(words) and (words[-1] in ("department", "ministry") or words[0] == "ministry")


def _head_may_own_title(
    chunk: int,
    tok: Token,
    e: int,
    before: list[Token],
    token_entity: dict[TokenKey, int],
    lexicon: Lexicon,
    american_ok: bool,
    home_only: bool,
) -> bool:
    """May the adviser title written before this name be the head of government's? Not when
    it marks a country other than the head's, or names someone else's office ("Kremlin
    adviser Yuri Ushakov", "Chinese presidential adviser Wang Huning")."""
    marked_home = any(
        org_key(t.text) in HOME_QUALIFIERS
        for name in [tok, *_coordinated(tok)]
        for left in name.lefts
        for t in left.subtree
    )
    if marked_home != american_ok and (marked_home or home_only):
        return False
    # "Goldman Sachs senior adviser": the title says whose adviser, and not the head's. Only
    # the head's own country ("U.S.", "White House") may qualify it.
    return not any(
        (t.ent_type_ or t.pos_ == "PROPN")
        and not lexicon.is_title(t.text)
        and org_key(t.text) not in HOME_QUALIFIERS
        and token_entity.get((chunk, t.i)) != e
        for t in before
    )


def _role_to_office_before(
    doc: Doc,
    chunk: int,
    tok: Token,
    e: int,
    token_entity: dict[TokenKey, int],
    served: str,
    lexicon: Lexicon,
) -> Token | None:
    """The role word of "Assistant to the President (for DOMAIN)" written right before the
    name `tok` heads, when the office after "to the" is exactly the one `served` ("to the Vice
    President" is not "president"). Returns the role's token, or None."""
    first = tok.i
    while first > tok.sent.start and token_entity.get((chunk, first - 1)) == e:
        first -= 1
    words = office_words_before(doc, first, limit=14)
    # the White House's ranks: "Adviser to the President" is also a Ukrainian or Afghan
    # president's man, in a story that may title only the American one
    roles = {"assistant", "counselor", "counsellor"}
    for n, t in enumerate(words[:-2]):
        if t.lower_ not in roles or words[n + 1].lower_ != "to" or words[n + 2].lower_ != "the":
            continue
        rest = [w.lower_ for w in words[n + 3 :]]
        office = rest[: rest.index("for")] if "for" in rest else rest
        # the words before the role qualify it ("Senior", "Deputy"); a name there makes it
        # someone else's ("Kremlin adviser")
        if " ".join(office) == served and all(
            w.ent_type_ == "" and (lexicon.is_title(w.text) or w.lower_ in lexicon.title_modifiers)
            for w in words[:n]
        ):
            return t
    return None


def _coordinated(tok: Token) -> list[Token]:
    """The tokens coordinated with this one on either side ("Colin Powell and ... Rice")."""
    sides = [c for c in tok.children if c.dep_ == "conj"]
    return [*sides, tok.head] if tok.dep_ == "conj" else sides


def _home(title: str) -> bool:
    """Is a title qualified by the one country a bare 'President' leaves unnamed ('U.S.
    President')?"""
    return any(org_key(w) in HOME_QUALIFIERS for w in title.split()) or "united states" in (
        title.lower()
    )


FORMER = {"former", "ex", "onetime", "then", "erstwhile", "retired", "late", "past"}
# Words that may qualify an adviser's title when the head of government is a bare "President":
# the only country such a title leaves unnamed in English-language news.
HOME_QUALIFIERS = {"u.s", "u.s.", "us", "white", "house", "american", "america"}
DASHES = {"–", "—", "--", "-"}


def _in_dateline(tok: Token) -> bool:
    """'WASHINGTON, D.C. – As the Senate debates ...', 'WASHINGTON, March 31, 2014 – ...': a
    place (and date) before a dash at the very start of a sentence is where and when the story
    was filed, not an actor; not 'Angela Merkel – who has led Germany since 2005 – met ...'."""
    sent = tok.sent
    for t in sent[:9]:
        if t.text in DASHES and t.i > sent.start and t.doc[t.i - 1].whitespace_:
            head = sent.doc[sent.start : t.i]
            # "Kyiv, UKRAINE –": the model may miss a city beside the country it does know
            placed = head[0].ent_type_ == "GPE" or (
                head[0].pos_ == "PROPN" and any(w.ent_type_ == "GPE" for w in head)
            )
            place = placed and all(
                w.is_punct
                or w.ent_type_ in ("GPE", "DATE")
                or w.like_num
                or (w.pos_ == "PROPN" and not w.ent_type_)
                or (w.is_upper and w.is_alpha and not w.ent_type_)  # "RUSSIA", read as a noun
                for w in head
            )
            return place and tok.i < t.i
    return False


def _types_fit(source: Entity, target: Entity) -> bool:
    return source.type in ARG_TYPES and target.type in ARG_TYPES


def _as_one_of(trigger: Token, words: set[str]) -> bool:
    """Does the trigger's "as"-phrase name one of these words ("dismissed Y as a puppet")?"""
    return bool(words) and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(o.lemma_ in words for o in c.children)
        for c in trigger.children
    )


def _expand_excludes(rules: list[str], lists: dict[str, Any]) -> list[str]:
    """A rule's word may name a word list of the relation: "prep/pobj:$written_medium" is one
    rule per word of that list."""
    out = []
    for rule in rules:
        head, _, word = rule.rpartition(":")
        if head and word.startswith("$"):
            out += [f"{head}:{w}" for w in lists.get(word[1:], [])]
        else:
            out.append(rule)
    return out


def _closes(tok: Token) -> bool:
    """Does the token's phrase end its clause: a comma, a stop, a line's end or the text's end
    after it?"""
    after = tok.right_edge.i + 1
    doc = tok.doc
    return (
        after >= len(doc)
        or doc[after].text in (",", ".", ";", ")")
        or (doc[after].is_space and "\n" in doc[after].text)
    )


def _has_excluded(nodes: dict[str, Token], trigger: Token, excludes: list[str]) -> bool:
    """Does the trigger (or the node named in 'node>dep:word') have an excluded child, the
    node named in 'node<:word' hang on that word, or the node named in 'node^,' follow a
    comma? A dep written 'prep/pobj' is a grandchild ("told Y [in] a [letter]"; its word is a
    lemma). The idiom "face to face" is no object ("X and Y met face to face")."""
    for rule in excludes:
        if rule.endswith("^,"):
            # "traveled to Warsaw on Friday, with Zelensky still in Kyiv": a circumstance
            node = nodes.get(rule[:-2])
            if node is not None and node.i > 0 and node.doc[node.i - 1].text == ",":
                return True
            continue
        if "<:" in rule:
            # "prep<:talk": the node hangs on that word, other than a node of the match
            # ("discussed developments, including negotiations with Iran": the with-phrase is
            # the negotiations', not the talk's; but "discussed the talks with Zarif")
            name, _, word = rule.partition("<:")
            if name in nodes:
                head = nodes[name].head
                matched = {n.i for n in nodes.values()}
                if head.lemma_.lower() == word and head.i not in matched:
                    return True
            continue
        node_name, _, rest = rule.rpartition(">")
        dep, _, word = rest.partition(":")
        tok = nodes.get(node_name, trigger) if node_name else trigger
        if "/" in dep:
            first, second = dep.split("/", 1)
            if any(
                c.dep_ == first and g.dep_ == second and (not word or g.lemma_.lower() == word)
                for c in tok.children
                for g in c.children
            ):
                return True
            continue
        if any(
            c.dep_ == dep
            and (not word or c.lower_ == word)
            and not _face_to_face(c)
            # "met for 50 minutes, with the fiscal cliff three weeks away": a circumstance
            and not (c.lower_ == "with" and c.i > 0 and c.doc[c.i - 1].text == ",")
            # "As part of this action, the Department designated X": a phrase opening the
            # sentence is no complement of the verb ("designated X as chairman" is)
            and not (c.dep_ == "prep" and c.i == c.sent.start and c.i < tok.i)
            for c in tok.children
        ):
            return True
    return False


# Words after which a designation's list of people has ended: "... his brother, X, for his
# involvement in ..., including a scheme that benefited his cousin, Y"
_LIST_ENDS = {"for", "due", "because", "including", "who", "which", "that", "while", "after"}


def _kin_named(tok: Token) -> bool:
    """Is this the first word of a name a kinship noun sets before it ("his spouse, Liri
    Berisha", "his son, Shkelzen Berisha")? Not a name met otherwise in the sentence ("X, a
    close associate of President Y")."""
    doc, i = tok.doc, tok.i
    return i >= 2 and doc[i - 1].text == "," and doc[i - 2].lower_ in kinship_words()


def _face_to_face(tok: Token) -> bool:
    """Idioms of meeting that look like objects: "met face to face", "shook hands"; and the
    meeting itself set off after the verb ("X and Y met for 90 minutes -- a 20-minute private
    meeting, ...")."""
    if tok.lower_ in ("face", "hands"):
        return True
    if (
        tok.dep_ == "dobj"
        and tok.lemma_ in ("meeting", "session")
        and tok.left_edge.i > 0
        and tok.doc[tok.left_edge.i - 1].text in ("--", "—", "–", ",", ":")
    ):
        return True
    return tok.lower_ == "to" and any(c.lower_ == "face" for c in tok.children)


def _node(
    spec: str,
    nodes: dict[str, Token],
    journeys: frozenset[str],
    purposes: bool = False,
    plans: frozenset[str] = frozenset(),
    undertakings: frozenset[str] = frozenset(),
    trigger: Token | None = None,
) -> Token | None:
    if spec.startswith("$subject:"):
        verb = _outside_quotation(nodes[spec.split(":", 1)[1]], nodes.get("prep"), trigger)
        found = subject_of(verb, journeys, purposes, plans)
        if (
            purposes
            and found is not None
            and verb.dep_ == "acl"
            and found.i == verb.head.i
            and found.dep_ == "dobj"
            and found.head.lemma_ in undertakings
            and not any(c.dep_ == "poss" for c in found.children)
        ):
            # "X led the effort to oust Y": the aim is that of whoever took the effort on
            return subject_of(found.head, journeys, purposes, plans)
        return found
    return nodes.get(spec)


_CLOSING_QUOTES = {'"', "”", "''"}
_OPENING_QUOTES = {'"', "“", "``"}


def _outside_quotation(verb: Token, prep: Token | None, trigger: Token | None = None) -> Token:
    """The verb a phrase after a closing quotation mark belongs to: in 'Lidington said “we
    want to see Albania making progress” in a meeting with President Topi' the parser hangs the
    meeting on "making", inside the quotation; where the quotation is a clause of its own (its
    subject inside it), the meeting sets the saying, so its subject is the speaker's. Not where
    the quotation is a piece of the reported clause, its subject outside ('Meehan said Obama
    "reiterated" in the meeting', 'he "refused to take part" in talks with Putin'), nor where
    the quoted verb is the relation's own ('Blinken said "Putin will meet" with Xi')."""
    if prep is None or prep.i == 0 or verb.i >= prep.i or verb == trigger:
        return verb
    doc = verb.doc
    if doc[prep.i - 1].text not in _CLOSING_QUOTES:
        return verb
    opening = next(
        (i for i in range(prep.i - 2, verb.sent.start - 1, -1) if doc[i].text in _OPENING_QUOTES),
        None,
    )
    if opening is None or verb.i < opening:
        return verb
    outside = verb
    while outside.i > opening and outside.head.i != outside.i:
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < opening for c in outside.children):
            return verb  # the quotation is a piece of a clause whose subject stands before it
        outside = outside.head
    return outside if outside.i < opening else verb


class _Resolver:
    """Maps an argument token to entities (with a confidence factor each)."""

    def __init__(
        self,
        chunk: int,
        token_entity: dict[TokenKey, int],
        matcher: RelationMatcher,
        salience: Salience,
        sentence: int,
        person: set[int],
        countries: dict[str, int],
        *,
        seats: dict[int, int] | None = None,
        entity_types: Sequence[str] = (),
        entity_titles: Sequence[list[str]] = (),
        owned: bool = True,
    ) -> None:
        self.chunk = chunk
        self.countries = countries
        self.token_entity = token_entity
        self.matcher = matcher
        self.salience = salience
        self.sentence = sentence
        self.person = person
        # capital entity -> country entity, where the capital stands for its government
        self.seats: dict[int, int] = seats or {}
        self.entity_types: Sequence[str] = entity_types
        self.entity_titles: Sequence[list[str]] = entity_titles
        self.owned = owned  # may "Y's proposal" stand for Y?

    def arguments(
        self, tok: Token, exclude: set[int], listed: bool = False, upto: int | None = None
    ) -> list[tuple[int, float]]:
        """Entities the token stands for, with its conjuncts (those before token `upto`, if
        given); with `listed`, also the people of a list of titled names that follows it and
        that the parser failed to coordinate."""
        out: dict[int, float] = {}
        self.exclude = exclude
        # "neither X nor Y", "X but not Y": a denied conjunct is no argument.
        if any(c.dep_ == "preconj" and c.lower_ in ("neither", "nor") for c in tok.children):
            return []
        if any(c.dep_ == "cc" and c.lower_ == "nor" for c in tok.children):
            return []
        conjuncts = [t for t in _conjuncts(tok) if not any(c.dep_ == "neg" for c in t.children)]
        # "will fight Povetkin, Arreola or Haye": one of them, no one knows which
        if any(c.dep_ == "cc" and c.lower_ == "or" for t in [tok, *conjuncts] for c in t.children):
            return []
        # "Prime Minister Fumio Kishida and President Yoon Suk Yeol met": the parser may hang
        # the first of two coordinated people on the second as a modifier.
        if self.token_entity.get((self.chunk, tok.i)) in self.person:
            conjuncts += [
                c
                for c in tok.children
                if c.dep_ == "nmod"
                and c.i < tok.i
                and self.token_entity.get((self.chunk, c.i)) in self.person
                and any(g.dep_ == "cc" and g.lower_ == "and" for g in c.children)
            ]
        if tok.pos_ in ("NOUN", "PROPN"):
            # "Senators Chris Murphy and Ron Johnson", "Senegal's President [Faye] and French
            # President Macron": the parser coordinates the names given in apposition
            conjuncts += [
                c
                for a in tok.children
                if a.dep_ == "appos"
                and (self.chunk, a.i) in self.token_entity
                # "X met with colleagues: A, B and C": a list after a colon is no apposition
                and not (a.left_edge.i > 0 and tok.doc[a.left_edge.i - 1].text == ":")
                for c in _conjuncts(a)
            ]
            # "met the Country Team, counter terrorism officials, Prime Minister Tertius Zongo
            # and President Blaise Compaore": a list the parser made an apposition of unnamed
            # people, with the names coordinated to it
            # ("met with Foreign Minister Tang of China, Foreign Minister de Villepin of France,
            # and Foreign Secretary Derbez of Mexico": a titled item the model did not tag)
            conjuncts += [
                c
                for a in tok.children
                if a.dep_ == "appos"
                and (a.tag_ == "NNS" or self._titled(a))
                and a.i > tok.i
                and (self.chunk, a.i) not in self.token_entity
                for c in _conjuncts(a)
                if (self.chunk, c.i) in self.token_entity
            ]
        # "met with the Dhi Qar and Muthanna chiefs of Police, Staff Maj. Gen. A, and Maj. Gen.
        # B", "hosted X, U.S. Marine commanders of 1st and 3rd Battalions, Lt. Col. A and Lt.
        # Col. B": the names the parser hung on the object of a plural role's "of"
        roles = [tok, *conjuncts]
        roles += [
            a
            for t in roles
            for h in [t, *_prep_objects(t, ("of",))]  # "the district chief of police Juma Khan"
            for a in h.children
            if a.dep_ == "appos"
        ]
        conjuncts += [
            c
            for t in roles
            if t.tag_ == "NNS" and (self.chunk, t.i) not in self.token_entity
            for p in _prep_objects(t, ("of",))
            if self.token_entity.get((self.chunk, p.i)) not in self.person
            for item in [p, *(a for a in p.children if a.dep_ == "appos")]
            for c in [item, *_conjuncts(item)]
            if c.i != p.i and self.token_entity.get((self.chunk, c.i)) in self.person
        ]
        if upto is not None:
            conjuncts = [t for t in conjuncts if t.i < upto]
        if conjuncts and tok.dep_ == "pobj":
            lost = self._lost_subject(tok)
            conjuncts = [
                t for t in conjuncts if self.token_entity.get((self.chunk, t.i)) not in lost
            ]
        for t in [tok, *conjuncts]:
            for e, conf in self._one(t, depth=0):
                e = self.seats.get(e, e)
                out[e] = max(conf, out.get(e, 0.0))
        for e, conf in self._included_people(tok):
            out.setdefault(e, conf)
        if listed:
            for e in self._listed(tok) + self._following(tok):
                out.setdefault(e, 0.8)
        for e in self._captioned(tok):
            out.setdefault(e, 0.8)
        return sorted(out.items())

    def _included_people(self, tok: Token) -> list[tuple[int, float]]:
        """The people a named body is said to include: "conferred with the Transitional
        Military Council (TMC), including TMC chief Gen. Abdel-Fattah Burhan" (the body and
        the people both)."""
        e = self.token_entity.get((self.chunk, tok.i))
        if e is None or e in self.person:
            return []
        return [
            (p, 0.8)
            for child in tok.children
            for head in _included(child)
            for p in [self.token_entity.get((self.chunk, head.i))]
            if p in self.person and p not in self.exclude
        ]

    def _leaders(self, tok: Token, depth: int) -> list[tuple[int, float]]:
        """The people a group is 'led by' or 'headed by' ('a delegation led by X', 'the
        delegation, which was headed by X')."""
        out = []
        for verb in tok.children:
            if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and verb.lemma_ in LEAD_VERBS:
                for agent in verb.children:
                    if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by"):
                        out += [
                            (e, c * 0.85)
                            for pobj in agent.children
                            if pobj.dep_ == "pobj"
                            for t in [pobj, *_conjuncts(pobj)]
                            for e, c in self._one(t, depth + 1)
                            if e in self.person
                        ]
        return out

    def _holder_closing_title(self, tok: Token) -> int | None:
        """ "Assistant to the President for Homeland Security and Counterterrorism Lisa Monaco
        met ...": the parser made the title the subject and ran the name into its domain
        ("... and Counterterrorism Lisa Monaco" as a conjunct). The person whose name closes
        the title's phrase, right after a domain word and right before the verb, is the
        subject. Not "Adviser to President Obama met ...", where the name follows a title
        and is the one served."""
        if not (
            tok.dep_ in ("nsubj", "nsubjpass")
            and tok.is_title
            and self.matcher.lexicon.is_title(tok.text)
            and (self.chunk, tok.i) not in self.token_entity
        ):
            return None
        end = tok.right_edge
        e = self.token_entity.get((self.chunk, end.i))
        if e not in self.person or end.i + 1 >= len(tok.doc):
            return None
        following = tok.doc[end.i + 1]
        if following.i != tok.head.i and not (
            following.head.i == tok.head.i and following.dep_ in ("aux", "auxpass", "neg", "advmod")
        ):
            return None
        first = end.i
        while first > tok.i + 1 and self.token_entity.get((self.chunk, first - 1)) == e:
            first -= 1
        if tok.doc[first - 1].text not in office_domains():
            return None
        # the domain must be the title's own ("for Homeland Security"), not a second office's
        # "of" ("Aide to the Secretary of Defense Robert Gates met ...": Gates is served)
        prep = next(
            (t for t in reversed(tok.doc[tok.i : first]) if t.lower_ in ("of", "for", "to")), None
        )
        return e if prep is not None and prep.lower_ == "for" else None

    def _counterpart(self, tok: Token, depth: int) -> int | None:
        """ "his North Korean counterpart", said of "U.S. negotiator Christopher Hill", is the one
        person the document titles with that nationality and Hill's office ("North Korean
        negotiator Kim Kye Gwan"); no one if the office or the nationality leaves a choice."""
        nations = [
            t
            for c in tok.children
            if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
            for t in [c]
        ]
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if len(nations) != 1 or owner is None:
            return None
        ent = next((s for s in tok.doc.ents if s.start <= nations[0].i < s.end), None)
        nation = (ent.text if ent is not None else nations[0].text).lower()
        # "X plans to meet his counterpart": the owner may well be the other side
        excluded, self.exclude = self.exclude, set()
        owners = self._one(owner, depth + 1)
        self.exclude = excluded
        if len(owners) != 1 or owners[0][0] not in self.person:
            return None
        own = owners[0][0]
        offices = {t.split()[-1].lower() for t in self.entity_titles[own]}
        holders = [
            q
            for q in self.person
            if q != own
            and any(
                t.split()[-1].lower() in offices and nation in t.lower()
                for t in self.entity_titles[q]
            )
        ]
        return holders[0] if len(holders) == 1 else None

    def _captioned(self, tok: Token) -> list[int]:
        """A photo caption's subjects: 'X (C), secretary of ..., Y (R), President of ... and
        Z, governor of Lara, talk ...'. When the subject is placed in the picture by a marker,
        every person that opens a segment of the list before the verb is a subject."""
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.i < tok.i or not _placed(self._name_end(tok)):
            return []
        found = []
        for t in tok.doc[tok.i + 1 : verb.i]:
            e = self.token_entity.get((self.chunk, t.i))
            before = tok.doc[t.i - 1]
            starts = e is not None and (
                self.token_entity.get((self.chunk, before.i)) != e
                and (before.text == "," or before.lower_ == "and")
            )
            if starts and e in self.person:
                found.append(e)
        return found

    def _name_end(self, tok: Token) -> Token:
        """The last token of the name the token belongs to."""
        e = self.token_entity.get((self.chunk, tok.i))
        end = tok
        while (
            e is not None
            and end.i + 1 < len(tok.doc)
            and self.token_entity.get((self.chunk, end.i + 1)) == e
        ):
            end = tok.doc[end.i + 1]
        return end

    def _nationality(self, tok: Token) -> list[tuple[int, float]]:
        """The named country of a nationality word ("the Russian airstrikes"), among the
        countries the resolver was given."""
        return _nationality_owners(tok, self.countries)

    def _following(self, tok: Token) -> list[int]:
        """'designating the following members of X's family: his wife, A, his daughter, B, and
        his son, C': the people named after the colon that a "following" noun announces."""
        doc = tok.doc
        # "met with FCDO and Cabinet Office colleagues: A, B and C": a plural right before a
        # colon that opens a list of names, and nothing but names and titles (no clause)
        announced = (
            tok.tag_ == "NNS"
            and tok.i + 1 < tok.sent.end
            and doc[tok.i + 1].text == ":"
            and not any(t.pos_ in ("VERB", "AUX") for t in doc[tok.i + 2 : tok.sent.end])
        )
        if not announced and not any(
            c.dep_ == "amod" and c.lemma_ == "follow" for c in tok.children
        ):
            return []
        start = tok.i if announced else tok.right_edge.i
        colon = next((t for t in doc[start : tok.sent.end] if t.text == ":"), None)
        if colon is None:
            return []
        people = []
        for t in tok.doc[colon.i + 1 : tok.sent.end]:
            if t.pos_ in ("VERB", "AUX"):
                break
            e = self.token_entity.get((self.chunk, t.i))
            if e in self.person and e not in people and e not in self.exclude:
                people.append(e)
        return people

    def _listed(self, tok: Token) -> list[int]:
        """'with the Special Representative for Libya, Ghassan Salamé, Italian Foreign Minister
        Angelino Alfano and Dr Anwar Gargash': the people of a flat list of capitalised titles
        and names after the token, up to the first word that is not part of such a list (a
        lower-case noun, a verb, most prepositions). An apposition ('Putin, an ally of Xi')
        ends the list, as does a possessive."""
        segments: list[list[Token]] = [[]]
        close = -1  # the end of a parenthesis after a name, skipped
        for t in tok.doc[tok.i + 1 : tok.sent.end]:
            if t.i <= close:
                continue
            if t.text == "(" and (segments[-1] or t.i == tok.i + 1):
                # "General Joseph Aoun (Commander of the Lebanon Armed Forces), and Mr. Imran
                # Riza": a name's parenthesis is no end of the list
                close = next((u.i for u in tok.doc[t.i + 1 : tok.sent.end] if u.text == ")"), -1)
                if close >= 0:
                    continue
            if t.text == "," or (t.pos_ == "CCONJ" and t.lower_ in ("and", "&")):
                segments.append([])
            elif (
                _list_word(t)
                or (self.chunk, t.i) in self.token_entity
                or (  # "acting"; never a finite verb
                    t.is_lower
                    and t.tag_ not in ("VBD", "VBZ", "VBP", "MD")
                    and self.matcher.lexicon.is_title(t.text)
                )
                or (  # "Ad hoc Director": a lower-case word inside a capitalised title
                    t.is_lower
                    and t.pos_ in ("ADJ", "ADV", "X", "NOUN")
                    and segments[-1]
                    and segments[-1][-1].text[:1].isupper()
                    and t.i + 1 < t.sent.end
                    and t.doc[t.i + 1].is_title
                )
            ):
                segments[-1].append(t)
            else:
                # A list ends before punctuation or a preposition ("... and Z in London");
                # a verb or possessive makes its last name the start of something else
                # ("..., Z said", "Z's rival").
                comma = False
                # "... Al Nahyan to further coordination": the list ended at the preposition
                trailing = bool(segments[-1]) and segments[-1][-1].pos_ == "ADP"
                if trailing:
                    segments[-1].pop()
                while len(segments) > 1 and not segments[-1]:
                    segments.pop()  # "..., Z, a moderate Democrat, said": the apposition's
                    comma = True
                # "..., and Z, to discuss ...": a purpose after the list, not Z's own clause
                purpose = comma and t.tag_ == "TO"
                # "... and Z Oct. 20-21 in Kabul": a date after the list, not Z's own clause
                # (as in "..., and President Z today thanked the delegation")
                dated = t.ent_type_ in TIMES and not _clause_after_date(t)
                if (
                    not (t.is_punct or t.pos_ == "ADP" or purpose or trailing or dated)
                    and len(segments) > 1
                ):
                    segments.pop()  # name starts something else
                break
        found: list[int] = []
        # The first segment is the rest of the token's own phrase.
        for seg in segments[1:]:
            if not seg:
                continue
            first = seg[0]
            if not (
                first.lower_ == "the"
                or first.text[:1].isupper()
                or self.matcher.lexicon.is_title(first.text)
            ):
                break
            # "..., Senator Dick Durbin (D-IL) and Senator John McCain met": a subject of the
            # next clause, not more of the list
            subjects = {self.token_entity.get((self.chunk, t.i)) for t in seg if _clause_subject(t)}
            people = [
                e
                for t in seg
                if (e := self.token_entity.get((self.chunk, t.i))) is not None
                and e in self.person
                and e not in subjects
            ]
            if people:
                found.append(people[-1])
        lost = self._lost_subject(tok)
        return [e for e in found if e not in lost]

    def _titled(self, tok: Token) -> bool:
        """A proper noun after an office word of its own ("Foreign Minister de Villepin")."""
        return tok.tag_ == "NNP" and any(
            c.dep_ == "compound"
            and c.i < tok.i
            and c.is_title
            and c.lower_ in self.matcher.lexicon.offices
            for c in tok.children
        )

    def _lost_subject(self, tok: Token) -> set[int]:
        """'rebukes Russia for its invasion of Crimea, Senator Dick Durbin (D-IL) and Senator
        John McCain (R-AZ) met with ...': the people named right before the sentence's verb,
        after the token, when the parser left that verb with no subject; they are its subject,
        not more of the token's list."""
        doc = tok.doc
        verb = next(
            (
                t
                for t in doc[tok.i + 1 : tok.sent.end]
                if t.tag_ in FINITE_TAGS and t.dep_ == "ROOT"
            ),
            None,
        )
        if verb is None or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") and not _in_dateline(c)
            for c in verb.children
            if c.i < verb.i
        ):
            return set()
        lexicon = self.matcher.lexicon
        return set(_names_before(verb, self.chunk, self.token_entity, self.person, lexicon))

    def _reported_body(self, tok: Token) -> int | None:
        """The body or country a subject "it" stands for when it reports its own act: "Serbia
        says it has arrested Radovan Karadzic", "The government said it had arrested Y" (the
        reported clause itself, not one joined to it: "... said the bill was hostile and that
        it targeted Putin")."""
        verb = tok.head
        saying = verb.head
        if verb.dep_ != "ccomp" or saying.lemma_ not in self.matcher.reporting:
            return None
        # not where the report names another thing "it" may be: "The Pentagon said that after
        # the drone crossed the border it attacked Israel"
        if any(
            t.dep_ in ("nsubj", "nsubjpass") and t.i < tok.i and t.pos_ != "PRON"
            for t in verb.subtree
        ):
            return None
        subject = next((c for c in saying.children if c.dep_ == "nsubj"), None)
        if subject is None or any(c.dep_ == "conj" for c in subject.children):
            return None  # "Apple and Google said it met ...": which one is unclear
        found = [e for e, _ in self._one(subject, 1) if e not in self.person]
        return found[0] if len(found) == 1 and found[0] not in self.exclude else None

    def _named_after_comma(self, tok: Token) -> int | None:
        """The person an office written without an article names after a comma: "a phone
        call between Foreign Minister Taye and UK Foreign Secretary, David Lammy, last week"
        (the parser hangs the name elsewhere); the name must end at a comma or the sentence's
        end. Also "arrested one of the world's most wanted suspects, Radovan Karadzic, who
        ...": the name after "one of" a group."""
        doc = tok.doc
        last = tok.i
        if tok.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            last = tok.right_edge.i
        elif (
            (self.chunk, tok.i) in self.token_entity
            or tok.lemma_.lower() not in self.matcher.lexicon.offices
            or any(c.dep_ == "det" for c in tok.children)
        ):
            return None
        if last + 2 >= len(doc) or doc[last + 1].text != ",":
            return None
        e = self.token_entity.get((self.chunk, last + 2))
        if e not in self.person:
            return None
        if last != tok.i and _subject_after_comma(doc[last + 2]):
            # "As Putin welcomed one of the prisoners, Alexei Navalny, who ..., denounced the
            # exchange": the name after the comma is the next clause's subject
            return None
        end = last + 2
        while end < len(doc) and self.token_entity.get((self.chunk, end)) == e:
            end += 1
        if end < len(doc) and doc[end].text not in (",", ".", ";") and not doc[end].is_sent_start:
            return None
        return e

    def one(self, tok: Token) -> list[tuple[int, float]]:
        """The entities this one token stands for, without its conjuncts."""
        return self._one(tok, 0)

    def _one(self, tok: Token, depth: int) -> list[tuple[int, float]]:
        if depth > 3:
            return []
        e = self.token_entity.get((self.chunk, tok.i))
        if e is not None:
            unit = _owned_unit(tok, e, self.chunk, self.token_entity, self.entity_types)
            return [(unit if unit is not None else e, 1.0)]
        low = tok.lower_
        if tok.ent_type_ in ("DATE", "TIME"):
            # "met with U.S. Ambassador Gerald Feierstein Sunday": the parser may make the
            # day the head and the name its compound
            named = [
                c
                for c in tok.children
                if c.dep_ == "compound" and (self.chunk, c.i) in self.token_entity
            ]
            if named:
                return self._one(named[-1], depth + 1)
        named_after = self._named_after_comma(tok)
        if named_after is not None:
            return [(named_after, 0.9)]
        if low in RELATIVE and tok.head.dep_ == "relcl":
            return self._one(tok.head.head, depth + 1)
        if tok.lemma_ in self.matcher.owned and tok.pos_ == "NOUN":
            if not self.owned:
                return []
            # "Ukraine's occupation by Russia", "Belarus's leadership by Lukashenko": the agent
            # is whose act it is; the possessor is what it was done to
            for pobj in _prep_objects(tok, ("by",)):
                return [(e, c * 0.9) for e, c in self._one(pobj, depth + 1)]
            # the parser hangs that "by" on an active verb: "condemned Ukraine's occupation by
            # Russia", "pushed back against Belarus's leadership by Lukashenko"
            verb = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" else None
            if (
                verb is not None
                and verb.pos_ == "VERB"
                and not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
            ):
                for by in verb.children:
                    if by.lower_ == "by" and by.i == tok.right_edge.i + 1:
                        agents = [p for p in by.children if p.dep_ == "pobj"]
                        return [(e, c * 0.85) for p in agents for e, c in self._one(p, depth + 1)]
            for child in tok.children:
                if child.dep_ == "poss":
                    return [(e, c * 0.95) for e, c in self._one(child, depth + 1)]
            # "the invasion of Rafah": the of-phrase of an act is what it was done to (a "by"
            # phrase was read above)
            owner_preps = ("from",) if tok.lemma_ in self.matcher.patient_of else ("from", "of")
            for pobj in _prep_objects(tok, owner_preps):
                return [(e, c * 0.9) for e, c in self._one(pobj, depth + 1)]
            # "a proposal put forward by Hamas", "the plan drafted by the EU"
            for child in tok.children:
                if child.dep_ == "acl" and child.tag_ == "VBN":
                    for agent in child.children:
                        if agent.dep_ == "agent":
                            for pobj in agent.children:
                                if pobj.dep_ == "pobj":
                                    return [(e, c * 0.9) for e, c in self._one(pobj, depth + 1)]
            # "rejected the U.N. report", "the Trump plan": a name before the noun owns it
            # (a place does not: "the Guantanamo release policy").
            for child in tok.children:
                e = self.token_entity.get((self.chunk, child.i))
                if (
                    child.dep_ in ("compound", "nmod")
                    and child.i < tok.i
                    and e is not None
                    and self.entity_types[e] not in ("FAC", "LOC")
                    and not self._home_nationality(e, tok)
                ):
                    # "the Ortega-Murillo regime": both people of a hyphenated pair own it
                    pair = (
                        self.token_entity.get((self.chunk, child.i - 2))
                        if child.i >= 2 and tok.doc[child.i - 1].text == "-"
                        else None
                    )
                    if pair is not None and pair != e and pair in self.person:
                        return [(pair, 0.9), (e, 0.9)]
                    return [(e, 0.9)]
            # "condemned the Russian airstrikes": a nationality owns the attack, when the
            # document names that country.
            return self._nationality(tok)
        e = _apposed_entity(tok, self.chunk, self.token_entity, self.person)
        if e is not None:
            return [(e, 0.95)]
        e = self._holder_closing_title(tok)
        if e is not None:
            return [(e, 0.9)]
        if tok.pos_ == "PROPN" and self.matcher.lexicon.is_title(tok.text):
            # "former President of Russia Dmitry Medvedev", "Minister for Safety and Security
            # Charles Nqakula": the parser made the name the object of the title's preposition
            for pobj in _prep_objects(tok, ("of", "for")):
                e = self.token_entity.get((self.chunk, pobj.i))
                if e in self.person:
                    return [(e, 0.9)]
        if tok.lemma_ == "counterpart" and tok.pos_ == "NOUN":
            e = self._counterpart(tok, depth)
            if e is not None:
                return [(e, 0.8)]
        if tok.pos_ == "NOUN" and tok.i + 1 < len(tok.doc):
            # "the militant group Hamas seized ...", "EU foreign policy chief Javier Solana
            # held ...", parsed as two subjects side by side.
            e = self.token_entity.get((self.chunk, tok.i + 1))
            name = self._name_end(tok.doc[tok.i + 1])
            if e is not None and name.head.i == tok.head.i and name.dep_ == tok.dep_:
                return [(e, 0.9)]
        if tok.pos_ == "NOUN" or (
            # "several of his top advisors, including Foreign Minister Akol"
            tok.pos_ in ("ADJ", "NUM", "PRON", "DET")
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
        ):
            # "five opposition leaders, including Torrealba and Falcon": the ones named; the
            # parser may hang the "including" on the verb ("Speaking after his meeting with
            # government representatives, including President Thein Sein, ...").
            after = tok.right_edge.i + 1
            if after < len(tok.doc) and tok.doc[after].text == ",":
                after += 1
            following = [tok.doc[after]] if after < tok.sent.end else []
            for child in [*tok.children, *following]:
                if heads := _included(child):
                    named = {
                        e: c * 0.85
                        for head in heads
                        # "including the MacArthur genius award": a thing named after someone
                        if not (
                            head.pos_ == "NOUN"
                            and head.is_lower
                            and not self.matcher.lexicon.is_title(head.text)
                        )
                        for t in _phrase_names(head)
                        for e, c in self._one(t, depth + 1)
                    }
                    # "including Mossad Director David Barnea": the people, not their offices
                    people = {e: c for e, c in named.items() if e in self.person}
                    if named:
                        return sorted((people or named).items())
        if tok.lemma_ in self.matcher.delegates and tok.tag_ == "NNS":
            # "officials of the Red Cross" stand for the organization they speak for.
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                    # "members of the senior national security team including Foreign
                    # Minister Eli Cohen, ...": the people the group is said to include
                    included = [
                        (e, c)
                        for pobj in child.children
                        if pobj.dep_ == "pobj"
                        and any(g.lower_ == "including" for g in pobj.children)
                        for e, c in self._one(pobj, depth + 1)
                        if e in self.person
                    ]
                    if included:
                        return included
                    if tok.dep_ == "conj" and (
                        self.token_entity.get((self.chunk, tok.head.i)) in self.person
                    ):
                        # "Lynch and members of the delegation he led": people beside him,
                        # not the body speaking
                        return []
                    legislature = self._legislature(child)
                    if legislature and tok.dep_ in ("nsubj", "nsubjpass"):
                        # As a subject, members of a legislature never speak for it (those a
                        # delegation meets stand for their assembly). "The members of Congress
                        # met ..." in a story of one congressional delegation: its people.
                        if not (
                            tok.lemma_ == "member"
                            and _definite(tok)
                            and legislature in self.salience.delegation_kinds
                        ):
                            return []
                        heads = self.salience.leaders.get("delegation", [])
                        group = heads + self.salience.members.get("delegation", [])
                        return [(e, 0.7) for e in group if e not in self.exclude]
                    # "officials of the Red Cross and the U.N. agency ..., UNRWA"
                    bodies = [
                        (e, c * 0.85)
                        for pobj in child.children
                        if pobj.dep_ == "pobj"
                        for t in [pobj, *_conjuncts(pobj)]
                        # "leaders of the two main factions, Fatah and Hamas"
                        for a in [t, *(a for a in t.children if a.dep_ == "appos")]
                        for u in ([a] if a is t else [a, *_conjuncts(a)])
                        for e, c in self._one(u, depth + 1)
                        if e not in self.person
                    ]
                    if bodies:
                        return bodies
            # "Taliban officials", "U.S. negotiators": the people of an organization or of a
            # country, as "officials of the Red Cross" are (never a person's: "Trump officials").
            for child in tok.children:
                e = self.token_entity.get((self.chunk, child.i))
                if (
                    child.dep_ == "compound"
                    and e is not None
                    and self.entity_types[e] in ("ORG", "GPE")
                ):
                    return [(e, 0.85)]
        # "a South Korean delegation led by Chung Eui-yong": its leader is a party too
        leaders = self._leaders(tok, depth) if tok.lemma_ in self.matcher.led else []
        if not leaders and tok.lemma_ in self.salience.leaders and _definite(tok):
            # "The delegation was headed by Sir William Patey. The delegation's meetings ...":
            # the one leader the story gives the delegation, and those who went with him
            leaders = [
                (e, 0.75)
                for e in self.salience.leaders[tok.lemma_]
                + self.salience.members.get(tok.lemma_, [])
            ]
        if (
            tok.lemma_ == "member"
            and tok.tag_ == "NNS"
            and tok.dep_ in ("nsubj", "nsubjpass")
            and not any(c.dep_ in ("prep", "poss", "compound", "amod", "det") for c in tok.children)
            and len(self.salience.leaders) == 1
        ):
            # "Members met with the President of Haiti": a release on one delegation's trip
            # calls its members so
            [(noun, heads)] = list(self.salience.leaders.items())
            if self.salience.members.get(noun):
                return [(e, 0.7) for e in heads + self.salience.members[noun]]
        if tok.lemma_ == "colleague" and tok.tag_ == "NNS":
            # "a meeting between Booker, his colleagues and President Issoufou": those the
            # story says went with him
            for owner in tok.children:
                if owner.dep_ != "poss":
                    continue
                # "Booker, his colleagues", "Booker and his colleagues": the person named
                # beside them, whom the pronoun cannot take (he is a party already)
                beside = self.token_entity.get((self.chunk, tok.head.i))
                if tok.dep_ in ("appos", "conj") and beside in self.person:
                    whose = {beside}
                else:
                    whose = {e for e, _ in self._one(owner, depth + 1)}
                for noun, heads in self.salience.leaders.items():
                    if whose & set(heads) and self.salience.members.get(noun):
                        return [(e, 0.7) for e in self.salience.members[noun]]
        if tok.lemma_ in self.matcher.collective and tok.pos_ == "NOUN":
            # "the rival Fatah faction"; "a delegation from the Syrian National Coalition"
            named = [(c, 0.9) for c in tok.children if c.dep_ == "compound"]
            named += [(p, 0.85) for p in _prep_objects(tok, ("from", "of"))]
            # "Authorities in Uzbekistan arrested ...": a state's arm at home in the country;
            # not "Russian authorities in Crimea", whose owner is another (nor troops, which
            # may be a foreign army's)
            unqualified = not any(
                c.dep_ in ("amod", "compound", "poss", "nmod") for c in tok.children
            )
            inside = (
                list(_prep_objects(tok, ("in",)))
                if tok.lemma_ in self.matcher.home_state_nouns and unqualified
                else []
            )
            named += [(p, 0.8) for p in inside]
            for name, conf in named:
                e = self.token_entity.get((self.chunk, name.i))
                if e is None or e in self.person:
                    continue
                if self._home_nationality(e, tok):
                    continue
                if name in inside and e not in _country_entities(self.countries):
                    continue  # "police in Tehran", "authorities in Crimea", "in Xinjiang"
                if self.entity_types[e] == "GPE" and tok.lemma_ not in self.matcher.state_nouns:
                    return leaders  # a party named after its country is not the country
                return [(e, conf), *leaders]
            # "Hamas fighters attacked Israeli troops": the country, when the text names it.
            return self._nationality(tok) + leaders
        if leaders:
            return leaders
        if tok.pos_ == "PROPN" and self.matcher.lexicon.is_title(tok.text):
            # "the U.S. Assistant Secretary of State for African Affairs Jendayi Frazer": a
            # title whose name the parser hung at the end of its own phrase.
            last = None
            for t in tok.doc[tok.i + 1 : tok.sent.end]:
                if not (_list_word(t) or (self.chunk, t.i) in self.token_entity):
                    break
                # "Acting Secretary for Homeland Security Elaine Duke co-chaired": the parser
                # may hang the name elsewhere; a name run on right after the title is its own.
                if t.text == "." or not (
                    tok.is_ancestor(t) or (self.chunk, t.i) in self.token_entity
                ):
                    break
                last = t
            e = self.token_entity.get((self.chunk, last.i)) if last is not None else None
            if e is not None and e in self.person:
                return [(e, 0.9)]
        if tok.is_lower and tok.i + 1 < tok.sent.end and self.matcher.lexicon.is_title(tok.text):
            # "talks with the junta's senior general [Than] Shwe": the parser read the name's
            # first word as a preposition ("than") under the title; the name right after a
            # title, inside its phrase, is the one it describes
            e = self.token_entity.get((self.chunk, tok.i + 1))
            if e in self.person and tok.is_ancestor(tok.doc[tok.i + 1]):
                name = [
                    t
                    for t in tok.doc[tok.i + 1 : tok.sent.end]
                    if self.token_entity.get((self.chunk, t.i)) == e
                ]
                # "met the ambassador Putin expelled": the name is another clause's subject
                if not any(t.dep_ in ("nsubj", "nsubjpass") for t in name):
                    return [(e, 0.9)]
        if low == "its" and tok.dep_ == "poss":
            # "Russia must end its war against Ukraine", "the need for Russia to end its war":
            # the body or country the clause has as subject (never a person)
            verb = tok.head
            for _ in range(3):
                if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                    break
                verb = verb.head
            if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ in self.matcher.supporting:
                return []  # "America supports its fight against Russia": someone else's
            # "The EU condemned Russia for its invasion": an object before it is the owner
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < tok.i]
            if not objects and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                # "urged Russia to end its war", "praised Hamas for ending its attack": the
                # object of the verb above
                above = verb.head.head if verb.dep_ == "pcomp" else verb.head
                objects = [c for c in above.children if c.dep_ == "dobj" and c.i < tok.i]
            owner = objects[0] if objects else subject_of(verb)
            if owner is None or owner.i > tok.i:
                return []
            # "Egypt talked with Israel about its offensive": another name between them may be
            # the owner as well
            mine = self.token_entity.get((self.chunk, owner.i))
            if any(
                (e := self.token_entity.get((self.chunk, t.i))) is not None and e != mine
                for t in tok.doc[owner.i + 1 : tok.i]
            ):
                return []
            found = self._one(owner, depth + 1)
            if any(e in self.person for e, _ in found):
                return []
            return [(e, c * 0.9) for e, c in found]
        if low == "their" and tok.dep_ == "poss" and depth == 0:
            # "Senators A, B and C today announced their meeting with Y": the people the
            # clause's subject coordinates
            verb = tok.head
            for _ in range(3):
                if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                    break
                verb = verb.head
            subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
            if subject is not None and subject.i < tok.i:
                listed = [
                    subject,
                    *_conjuncts(subject),
                    *(
                        c
                        for a in subject.children
                        if a.dep_ == "appos"
                        for c in (a, *_conjuncts(a))
                    ),
                ]
                people = {e for t in listed for e, _ in self._one(t, depth + 1)} & self.person
                if len(people) >= 2:
                    return [(e, 0.8) for e in sorted(people - self.exclude)]
        if low == "they" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ccomp":
            # "The Taliban said they had held a meeting": a body reporting its own acts
            speaker = subject_of(tok.head.head)
            if tok.head.head.lemma_ in self.matcher.reporting and speaker is not None:
                e = self.token_entity.get((self.chunk, speaker.i))
                if e is not None and e not in self.person and e not in self.exclude:
                    return [(e, 0.85)]
        if low in FIRST_PERSON and tok.pos_ == "PRON":
            e = self.salience.speakers.get((self.chunk, tok.i))
            if e is not None and e not in self.exclude:
                return [(e, 0.8)]
        if low == "it" and tok.dep_ == "nsubj":
            e = self._reported_body(tok)
            if e is not None:
                return [(e, 0.8)]
        if low in ("his", "her") and tok.dep_ == "poss":
            # "met President Bashir and (several of) his top advisors": the person the
            # phrase is coordinated with, not the clause's subject
            phrase = tok.head
            if phrase.dep_ == "pobj" and phrase.head.lower_ == "of":
                phrase = phrase.head.head
            e = self.token_entity.get((self.chunk, phrase.head.i))
            if (
                phrase.dep_ == "conj"
                and e in self.person
                and e not in self.exclude
                and self.salience.fits(e, PRONOUN_GENDER[low])
            ):
                return [(e, 0.8)]
        if low in PRONOUNS and tok.pos_ == "PRON":
            fronted = not any(a.dep_ in ("nsubj", "nsubjpass") for a in [tok, *tok.ancestors])
            objective = low in ("him", "her") and tok.dep_ in ("dobj", "pobj", "dative")
            resolved = self.salience.resolve(
                self.sentence, tok.idx, self.exclude, fronted, objective, PRONOUN_GENDER[low]
            )
            if resolved is not None and resolved in self.person:
                return [(resolved, 0.8)]
        noun = tok.lemma_.lower()
        if tok.tag_ == "NNPS" and noun.endswith("s"):
            noun = noun[:-1]  # "the Senators", capitalised as a title and left unlemmatised
        plural = tok.tag_ in ("NNS", "NNPS")
        size = _definite_group_size(tok) if plural and noun in PAIR_NOUNS else 0
        if size:
            group = self.salience.group(self.sentence, tok.idx, self.exclude, size)
            # "the Senators" of a release that titles two people Senator are those two, not
            # the ministers the sentence before named (titles are read where the model finds
            # them: only a full count of the title's holders overrules the sentence before)
            titled = self._titled_group(tok, noun)
            exact = len(titled) == size and tok.dep_ in ("nsubj", "nsubjpass")
            if group and group <= self.person and (not exact or group <= titled):
                return [(e, 0.75) for e in sorted(group)]
            if exact:
                return [(e, 0.7) for e in sorted(titled)]
            if group is None and tok.dep_ == "nsubj" and not _group_counted(tok):
                # "A and B held talks with C in Beirut. The men held a series of meetings ...":
                # the uncounted group is the people the sentence before had as its subject
                pair = self._previous_subject_people()
                if len(pair) >= 2:
                    return [(e, 0.7) for e in sorted(pair)]
        if low == "they" and tok.dep_ == "nsubj" and depth == 0:
            # "The Senators then traveled to Tunisia, where they met with ...": the people of
            # the clause this one hangs on
            verb = tok.head
            while verb.dep_ in ("relcl", "advcl", "conj") and verb.head.i != verb.i:
                verb = verb.head
                for _ in range(3):  # from the noun a relative clause completes to its verb
                    if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                        break
                    verb = verb.head
                subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
                if subject is not None and subject.lower_ != "they":
                    group = {e for e, _ in self._one(subject, depth + 1)} & self.person
                    group |= {
                        e for c in _conjuncts(subject) for e, _ in self._one(c, depth + 1)
                    } & self.person
                    group -= self.exclude
                    return [(e, 0.7) for e in sorted(group)] if len(group) >= 2 else []
            # "Leahy and Durbin were in Havana. They met with Cardinal Jaime Ortega.": the two
            # people the sentence before had as its subject (not in a clause someone else
            # says: "Cuban officials said they met ..." may be the officials)
            pair = self.salience.group(self.sentence, tok.idx, self.exclude, 2)
            if (
                pair
                and tok.head.dep_ == "ROOT"
                and not _plural_party_before(tok)
                and pair <= self.person
                and _coordinated_before(tok, pair, self.chunk, self.token_entity, as_subject=True)
            ):
                return [(e, 0.7) for e in sorted(pair)]
            # "A and B held talks with C. They ...": the subject of the sentence before, when it
            # named more people than the two
            subjects = self._previous_subject_people() if pair is None else set()
            if (
                len(subjects) >= 2
                and tok.head.dep_ == "ROOT"
                and not _plural_party_before(tok, self.matcher.meeting_nouns)
            ):
                return [(e, 0.7) for e in sorted(subjects)]
        return []

    def _previous_subject_people(self) -> set[int]:
        """The people coordinated as the subject of the main clause of the sentence before
        this one (none where anyone else is in that subject)."""
        return self.salience.subject_people.get(self.sentence - 1, set()) - self.exclude

    def _home_nationality(self, e: int, tok: Token) -> bool:
        """Is entity `e` a nationality word naming the state an arm at home belongs to ("the
        Thai government", "Thai authorities")? Then its country, found from the word, owns the
        noun; not an army's (it may act against its own state: "the Thai military took ... into
        custody")."""
        return self.entity_types[e] == "NORP" and tok.lemma_ in self.matcher.home_state_nouns

    def _legislature(self, prep: Token) -> str:
        """The legislature this "of" names ("congress" of "members of Congress", "parliament"
        of "the European Parliament"), or ""."""
        return next(
            (
                pobj.lower_
                for pobj in prep.children
                if pobj.dep_ == "pobj"
                and pobj.is_title
                and pobj.lower_ in self.matcher.legislatures
            ),
            "",
        )

    def _titled_group(self, tok: Token, noun: str, exclude: set[int] | None = None) -> set[int]:
        """The people of the document who bear the title a definite plural names ("the
        Senators" of a release on Senators Whitehouse and McCain, "the two prime ministers"),
        leaving out the other party. Not "their envoys", who are someone's."""
        if any(c.dep_ == "poss" for c in tok.children):
            return set()
        words = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
        title = " ".join([*words, noun])
        # "the two ministers" are no prime minister nor deputy minister (another office)
        other_office = (self.matcher.lexicon.deputy_words | {"prime"}) if not words else set()

        wanted = title.split()

        def bears(t: str) -> bool:
            have = t.lower().replace("-", " ").split()
            return any(
                have[i : i + len(wanted)] == wanted and not (i and have[i - 1] in other_office)
                for i in range(len(have) - len(wanted) + 1)
            )

        left_out = self.exclude if exclude is None else exclude
        return {
            e
            for e in self.person
            if e not in left_out
            and e < len(self.entity_titles)
            and any(bears(t) for t in self.entity_titles[e])
        }


def _names_before(
    verb: Token, chunk: int, token_entity: dict[TokenKey, int], person: set[int], lexicon: Lexicon
) -> list[int]:
    """The people named right before a verb the parser left without a subject: a run of names
    with their titles, parentheses ("(D-IL)"), commas and "and", ending at the verb (past its
    auxiliaries and time words: "..., Susan Rice will meet with")."""
    if any(c.dep_ in ("nsubjpass", "csubj", "expl") for c in verb.children):
        return []  # "..., Jackson was held to two catches": the subject is there
    found: list[int] = []
    depth = 0
    for tok in reversed(verb.doc[verb.sent.start : verb.i]):
        if tok.text == ")":
            depth += 1
            continue
        if tok.text == "(":
            depth -= 1
            continue
        if depth > 0:
            continue
        if (
            tok.head == verb
            and tok.dep_ in ("aux", "advmod", "npadvmod")
            and tok.tag_ != "TO"  # "with Mr Mitchell to back up": no subject before "to"
            and not found
        ):
            continue
        if not found and _owned_company(tok):
            continue  # "Booker and his colleagues discussed": the named one
        e = token_entity.get((chunk, tok.i))
        if e is not None:
            if e not in person:
                break
            if e not in found:
                found.append(e)
            continue
        if tok.text == "," and found and tok.i > 0 and _in_prepositional_object(tok.doc[tok.i - 1]):
            break  # "In a meeting with President Mnangagwa, Booker ...": Mnangagwa is the met
        if tok.text == "," or tok.lower_ == "and" or lexicon.is_title(tok.text):
            continue
        break
    return found


def _owned_company(tok: Token) -> bool:
    """A word of "his colleagues", "their aides" after "and": company that names no one."""
    doc = tok.doc
    if tok.tag_ == "PRP$":
        tok = doc[tok.i + 1] if tok.i + 1 < len(doc) else tok
    return (
        tok.tag_ == "NNS"
        and tok.i > 1
        and doc[tok.i - 1].tag_ == "PRP$"
        and doc[tok.i - 2].lower_ == "and"
    )


def _first_conjunct(tok: Token) -> Token:
    """The first item of the coordination the token is in ("A" of "A, B and C"), or itself."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _in_prepositional_object(tok: Token) -> bool:
    """Is the token (a name's last word) the object of a preposition, or a conjunct of one?"""
    return _first_conjunct(tok).dep_ == "pobj"


def _included(prep: Token) -> list[Token]:
    """What an "including" names, with its conjuncts ("including A, B and C"); [] for any
    other token."""
    if prep.lower_ != "including" or prep.dep_ != "prep":
        return []
    return [h for p in prep.children if p.dep_ == "pobj" for h in [p, *_conjuncts(p)]]


def _group_counted(tok: Token) -> bool:
    """Does the plural give its number ('the two leaders', 'both men')?"""
    return any(
        c.dep_ == "nummod" or (c.dep_ in ("det", "predet") and c.lower_ == "both")
        for c in tok.children
    )


def _definite_group_size(tok: Token) -> int:
    """How many people a definite plural stands for: 2 for 'the two leaders', 'the leaders',
    'both men', 'their two envoys'; 3 for 'the three leaders'; 0 for 'two North Korean
    diplomats', which introduces new people."""
    children = list(tok.children)
    if any(c.dep_ in ("det", "predet") and c.lower_ == "both" for c in children):
        return 2
    definite = any(
        (c.dep_ == "det" and c.lower_ in ("the", "these", "those")) or c.dep_ == "poss"
        for c in children
    )
    numbers = [c.lower_ for c in children if c.dep_ == "nummod"]
    if not definite or len(numbers) > 1:
        return 0
    # "the leaders" as well as "the two leaders"
    return GROUP_SIZES.get(numbers[0], 0) if numbers else 2


def _phrase_names(tok: Token) -> list[Token]:
    """Tokens of a noun phrase that may name its members, leaving out what hangs under a
    preposition or a conjunct (the caller takes the conjuncts it counts): 'opposition governor
    Henri Falcon in Caracas' however the parser nested it, but not Caracas."""
    out = []
    for t in tok.subtree:
        node = t
        while node.i != tok.i and node.dep_ not in ("prep", "conj"):
            node = node.head
        if node.i == tok.i:
            out.append(t)
    return out


PICTURE_PLACES = {"l", "c", "r", "left", "right", "center", "centre", "front", "back", "top"}


def _placed(name_end: Token) -> bool:
    """A name followed by its place in a photo: 'X (L)', 'X (2nd R)', 'X (center)'."""
    doc = name_end.doc
    if name_end.i + 3 >= len(doc) or doc[name_end.i + 1].text != "(":
        return False
    close = next((t.i for t in doc[name_end.i + 2 : name_end.i + 5] if t.text == ")"), None)
    inside = [t.lower_ for t in doc[name_end.i + 2 : close]] if close else []
    return bool(inside) and inside[-1].rstrip(".") in PICTURE_PLACES


def _list_word(tok: Token) -> bool:
    """A word that may stand in a list of titled names ('the French Political Director')."""
    if tok.pos_ in ("VERB", "AUX", "PRON", "PART", "NUM") or tok.tag_ == "POS":
        return False
    if tok.pos_ == "ADP":
        return tok.lower_ in ("of", "for", "to")
    if tok.pos_ == "DET":
        return tok.lower_ == "the"
    if tok.is_punct:
        return tok.text in ("-", ".", "‐")
    return tok.text[:1].isupper()


def _nationality_owners(tok: Token, countries: dict[str, int]) -> list[tuple[int, float]]:
    """The countries whose nationality words modify a noun ('the Russian and Syrian
    airstrikes'), among the countries the document names."""
    names, demonyms = country_keys()
    modifiers = [
        child
        for child in tok.children
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE")
    ]
    # "Iraqi Kurdish authorities", "Iraqi Shia militias": a group inside the country, not it
    if any(
        demonyms.get(org_key(m.text)) is None and org_key(m.text) not in names for m in modifiers
    ):
        return []
    owners = [
        countries[country]
        for child in modifiers
        for t in [child, *_conjuncts(child)]
        if (country := demonyms.get(org_key(t.text))) in countries
    ]
    return [(e, 0.85) for e in dict.fromkeys(owners)]


def _prep_objects(tok: Token, words: tuple[str, ...]) -> Iterator[Token]:
    """The objects of the token's prepositions among `words`, in order ("officials [of] X")."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in words:
            yield from (p for p in child.children if p.dep_ == "pobj")


def _listed_company(tok: Token) -> bool:
    """'his colleagues' in "a meeting between Booker, his colleagues and President Issoufou":
    the parser makes the owned plural an apposition of the name before, and the rest of the
    list its conjuncts."""
    return (
        tok.dep_ == "appos"
        and tok.tag_ == "NNS"
        and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in tok.children)
        and any(c.dep_ == "conj" for c in tok.children)
    )


def _closes_plural_office_phrase(tok: Token, items: set[Token]) -> bool:
    """'Internal Affairs' in "the Ministers of Justice and Internal Affairs", parsed as one
    more item of the list the Ministers are in."""
    doc, left = tok.doc, tok.left_edge.i
    if tok.ent_type_ in ("PERSON", "") or left < 2 or doc[left - 1].lower_ != "and":
        return False
    before = doc[left - 2]
    in_phrase = (before.dep_ in ("pobj", "conj") and before.head.lower_ in ("of", "for")) or (
        before.dep_ == "conj" and before.head.head.lower_ in ("of", "for")
    )
    return in_phrase and any(
        office.tag_ in ("NNS", "NNPS")
        and office in items
        and any(c.lower_ in ("of", "for") and before in c.subtree for c in office.children)
        for office in items
    )


def _listed_person(tok: Token) -> bool:
    """'Liam Fox' in "met the Foreign Secretary and Deputy Prime Minister Nick Clegg, Defence
    Secretary Liam Fox, hosted ...": the parser makes the next titled name of a list an
    apposition of the name before it. Two people's names, the second with a title of its own
    (a nickname or a bare second name is an apposition indeed)."""
    return (
        tok.dep_ == "appos"
        and tok.ent_type_ == "PERSON"
        and tok.head.ent_type_ == "PERSON"
        and tok.head.i < tok.i
        and any(
            c.dep_ == "compound" and c.i < tok.i and c.is_title and not c.ent_type_
            for c in tok.children
        )
    )


def _clause_subject(tok: Token) -> bool:
    """Is the token, or the first of the conjuncts it is in, a verb's subject?"""
    return _first_conjunct(tok).dep_ in ("nsubj", "nsubjpass")


def _and_only_list(first: Token, resolver: _Resolver) -> bool:
    """'between A and B and C and D': more than two names, each brought in by "and" with no
    comma. Which "and" binds closer cannot be told (two pairs of leaders: "between Biden and
    Starmer and Blinken and Lammy"; or two sides: "between Netanyahu and his wife Sara and
    Trump and Melania"), so such a list pairs nobody. Read from the words, as the parser may
    hide a name inside another's title."""
    items = [first, *_conjuncts(first)]
    if len(items) < 2:
        return False
    doc = first.doc
    runs: list[int] = []
    gap: list[Token] = []
    for t in doc[first.left_edge.i : max(t.right_edge.i for t in items) + 1]:
        e = resolver.token_entity.get((resolver.chunk, t.i))
        if e is None:
            gap.append(t)
            continue
        if runs and runs[-1] == e and not gap:
            continue
        if runs and (sum(g.lower_ == "and" for g in gap) != 1 or any(g.text == "," for g in gap)):
            return False
        runs.append(e)
        gap = []
    return len(runs) > 2


def _conjuncts(tok: Token) -> list[Token]:
    """The token's conjuncts, in order. A list inside a prepositional phrase ends at the item an
    "and" or "or" brings in: in "after his meeting with officials, including A, B and C,
    Foreign Secretary D said", D is the subject of "said", not a fourth official (the parser
    may make it one)."""
    out = []
    stack = [c for c in tok.children if c.dep_ == "conj" or _listed_company(c)]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj" or _listed_person(c))
    out.sort(key=lambda t: t.i)
    doc = tok.doc
    # "the Ministers of Justice and [Internal Affairs]": a body after "and" that closes the
    # of-phrase of a plural office in the list belongs to that phrase, whatever the parser says
    out = [t for t in out if not _closes_plural_office_phrase(t, {tok, *out})]
    if tok.dep_ != "pobj":
        return out
    for n, t in enumerate(out[:-1]):
        later = out[n + 1]
        if (
            t.left_edge.i > 0
            and doc[t.left_edge.i - 1].dep_ == "cc"
            and doc[t.left_edge.i - 1].lower_ in ("and", "or")
            and doc[later.left_edge.i - 1].text == ","  # not "A and B as well as C"
            and later.right_edge.i + 1 < len(doc)
            and doc[later.right_edge.i + 1].pos_ in ("VERB", "AUX")
        ):
            return out[: n + 1]
    return out


@cache
def body_seats() -> dict[str, tuple[str, ...]]:
    """City key -> keys of the bodies seated there that it stands for (data/body_seats.tsv)."""
    out = {}
    for line in data_lines("body_seats.tsv"):
        city, _, names = line.partition("\t")
        out[org_key(city)] = tuple(org_key(n) for n in names.split(",") if n.strip())
    return out


def _seats_of_government(entities: list[Entity], countries: dict[str, int]) -> dict[int, int]:
    """Capital entity -> its country's entity, for a capital whose country the document names:
    "blaming Washington for the war" after "the United States" opposes the United States."""
    capitals = capital_keys()
    keys = {org_key(e.name): i for i, e in enumerate(entities)}
    out = {}
    for i, e in enumerate(entities):
        body = next((keys[b] for b in body_seats().get(org_key(e.name), ()) if b in keys), None)
        if body is not None and e.type == "GPE":
            out[i] = body  # "Brussels does not recognize ..." in a story on the EU
            continue
        country = capitals.get(org_key(e.name)) if e.type == "GPE" else None
        if country is not None and country in countries and countries[country] != i:
            out[i] = countries[country]
    return out


def _country_entities(countries: dict[str, int]) -> set[int]:
    """The entities of `_countries` that are countries indeed (it keys every place one entity
    claims: "Tehran", "Crimea")."""
    known = set(country_keys()[0].values())
    return {e for key, e in countries.items() if key in known}


def _countries(entities: list[Entity]) -> dict[str, int]:
    """Country key -> the document's one entity for that country ('Russia', 'the Russian
    Federation'); a country two entities claim is left out."""
    names, _ = country_keys()
    claims: dict[str, set[int]] = defaultdict(set)
    for i, e in enumerate(entities):
        if e.type != "GPE":
            continue
        for alias in [e.name, *e.aliases]:
            key = org_key(alias)
            claims[names.get(key, key)].add(i)
    return {key: next(iter(ids)) for key, ids in claims.items() if len(ids) == 1}


# Endings of nouns for people ("leader", "spokesman", "adviser", "activist")
_AGENT_ENDINGS = (*AGENT_SUFFIXES, "man", "woman", "person", "ant", "ent")


def _apposed_entity(
    tok: Token, chunk: int, token_entity: dict[TokenKey, int], person: set[int]
) -> int | None:
    """The entity a noun is given by apposition: "the minister, Sergey Lavrov"; also a person
    the parser hung on the noun's of-phrase: "the leader of the opposition party, Raila
    Odinga" (a person in apposition to a party names its leader, not the party)."""
    conjunct = min((c.i for c in tok.children if c.dep_ == "conj"), default=len(tok.doc))
    for child in tok.children:
        if tok.pos_ == "PRON" and child.i > conjunct:
            # "she and U.S. Ambassador to Mexico Ken Salazar met": the name after a conjunct
            # is the conjunct's (the parser hung it on the pronoun); not "The chairman and
            # chief executive of JPMorgan, Jamie Dimon, met ...", one man's two titles
            continue
        if child.dep_ == "appos" and (e := token_entity.get((chunk, child.i))) is not None:
            # not "As Putin welcomed one of the prisoners, Alexei Navalny, who remains in jail,
            # denounced the exchange": a name that is the next clause's subject
            return None if _subject_after_comma(child) else e
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "for", "from"):
            continue
        if prep.lower_ == "from" and tok.lemma_ in PAIR_NOUNS:
            # "his counterpart from the United Kingdom, Secretary of State for Defence Philip
            # Hammond": the parser coordinates the name with the country
            for pobj in prep.children:
                for c in pobj.children:
                    e = token_entity.get((chunk, c.i))
                    if (
                        c.dep_ in ("conj", "appos")
                        and e in person
                        and any(t.text == "," for t in tok.doc[pobj.i : c.i])
                        and not any(t.lower_ in ("and", "or") for t in tok.doc[pobj.i : c.i])
                    ):
                        return e
            continue
        for pobj in prep.children:
            # "China's chief official for [Taiwan policy Zhang Zhijun]": the parser ran the
            # office's last words into the holder's name
            e = token_entity.get((chunk, pobj.i))
            words = [c for c in pobj.subtree if c.dep_ == "compound" and c.is_lower]
            if (
                e in person
                and pobj.dep_ == "pobj"
                and words
                # not "a spokesman for opposition leader Raila Odinga", who speaks for him
                and not any(
                    w.lemma_ in PAIR_NOUNS or w.lower_.endswith(_AGENT_ENDINGS) for w in words
                )
            ):
                return e
        if prep.lower_ != "of":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or token_entity.get((chunk, pobj.i)) in person:
                continue
            for child in pobj.children:
                e = token_entity.get((chunk, child.i))
                if child.dep_ == "appos" and e is not None and e in person:
                    return e
    return None


def _quoted(doc: Doc) -> list[bool]:
    """Which tokens of a paragraph stand inside double quotation marks (a quotation left open
    runs to the paragraph's end, as one that continues into the next paragraph does)."""
    inside = False
    flags = []
    for tok in doc:
        if tok.text in QUOTE_MARKS:
            inside = tok.text == "“" or (tok.text == '"' and not inside)
            flags.append(False)
        else:
            flags.append(inside)
    return flags


def _signatory(
    doc: Doc, chunk: int, token_entity: dict[TokenKey, int], person: set[int]
) -> int | None:
    """The person of a statement's signature line: a paragraph that is only a name and, after a
    comma, a title ("Antony J. Blinken, Secretary of State")."""
    if not len(doc) or doc[-1].text in (".", "!", "?") or len(doc) > 12:
        return None
    first = token_entity.get((chunk, doc[0].i))
    if first not in person:
        return None
    end = next((t.i for t in doc if token_entity.get((chunk, t.i)) != first), len(doc))
    rest = doc[end:]
    if len(rest) and (rest[0].text != "," or any(t.pos_ in ("VERB", "AUX") for t in rest)):
        return None
    return first


def _press_person(tok: Token, press: frozenset[str], outlets: frozenset[str]) -> bool:
    """Is this name a reporter's: "VOA's David Gollust", "correspondent Steve Herman"? (A news
    outlet of `outlets` owns the name, or a press role stands right before it; not "NATO's Jens
    Stoltenberg".)"""
    for owner in (c for c in tok.children if c.dep_ == "poss"):
        if fold(tok.doc[owner.left_edge.i : owner.i + 1].text) in outlets:
            return True
    return any(t.lemma_.lower() in press for t in tok.lefts if t.dep_ in ("compound", "nmod"))


def _reporter(tok: Token) -> bool:
    """Is this the reporter of "As Hyun-Sung Khang reports from Seoul, ...": no one the story
    is about, so never "both men" nor "he" of the next sentence?"""
    verb = tok.head
    return (
        tok.dep_ == "nsubj"
        and verb.lemma_ == "report"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    )


def _surnames(entities: list[Entity], person: set[int]) -> dict[str, int]:
    """The last word of each person's name, folded, for the words only one person ends with."""
    owners: dict[str, set[int]] = defaultdict(set)
    for i in person:
        owners[fold(entities[i].name.split()[-1])].add(i)
    return {word: next(iter(found)) for word, found in owners.items() if len(found) == 1}


def _turn_label(doc: Doc) -> int | None:
    """The index of the first token after a transcript's speaker label that opens a paragraph
    ("Deputy Secretary Armitage:", "MR. FLEISCHER:", "QUESTION:"), or None: a few capitalised
    words (titles, names, "of") and a colon, with more text after it."""
    for tok in doc[:8]:
        if tok.text == ":":
            words = doc[: tok.i]
            if (
                words
                and tok.i + 1 < len(doc)
                and all(w.text[:1].isupper() or w.lower_ == "of" or w.is_punct for w in words)
            ):
                return tok.i + 1
            return None
        if tok.is_sent_start and tok.i > 0:
            return None
    return None


def _quote_speakers(
    pieces: list[tuple[int, Doc]],
    sentence_base: list[int],
    token_entity: dict[TokenKey, int],
    person: set[int],
    salience: Salience,
    quote_verbs: frozenset[str],
    quoted: list[list[bool]],
    surnames: dict[str, int] | None = None,
) -> dict[TokenKey, int]:
    """The person each first-person pronoun inside a quotation stands for: the subject of a
    verb of saying outside the quotation in the same paragraph ('"We condemn it," Durbin
    said'), the nearest if several; for a paragraph that opens with a quotation and names no
    speaker, the speaker of the paragraph before, or the subject of a paragraph before that
    ends with a colon ('Senator Whitehouse released the following statement:'). Outside
    quotation marks: a transcript's turn after its speaker label ('DEPUTY SECRETARY
    NEGROPONTE:', read by `surnames` when the model left it untagged), a statement's signatory,
    and the unquoted words after 'Foreign Secretary Jeremy Hunt said:' (their "I" only)."""
    speakers: dict[TokenKey, int] = {}
    carried: int | None = None  # the speaker a next quoted paragraph continues
    introduced: int | None = None  # the speaker of unquoted words after "X said:"
    left_open = False  # the paragraph before ended inside a quotation it never closed
    turn: int | None = None  # the speaker of a transcript's turn ("Deputy Secretary Armitage:")
    for chunk, (_, doc) in enumerate(pieces):
        if not len(doc):
            continue
        flags = quoted[chunk]
        label = _turn_label(doc)
        if label is not None:
            named = {token_entity.get((chunk, t.i)) for t in doc[: label - 1]} & person
            if not named and surnames and label >= 2:
                # "DEPUTY SECRETARY NEGROPONTE:": a label in capitals the model left untagged
                named = {surnames.get(fold(doc[label - 2].text))} & person
            turn = named.pop() if len(named) == 1 else None
        elif chunk < 4 and (author := _signatory(doc, chunk, token_entity, person)) is not None:
            turn = author  # a statement's "I" is the official named above it
            continue
        if turn is not None:
            # a transcript's turn runs to the next label: its "I" and "we" are the speaker's
            for tok in doc[label or 0 :]:
                if not flags[tok.i] and tok.lower_ in FIRST_PERSON:
                    speakers[(chunk, tok.i)] = turn
        sent_index = {s.start: n for n, s in enumerate(doc.sents)}

        def who(
            tok: Token, chunk: int = chunk, sent_index: dict[int, int] = sent_index
        ) -> int | None:
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects:
                return None
            # "said Staff Sgt. Todd Benson": the parser may make the rank a second subject
            subject = next(
                (c for c in subjects if token_entity.get((chunk, c.i)) in person), subjects[0]
            )
            e = token_entity.get((chunk, subject.i))
            if e is None and subject.lower_ in ("he", "she"):
                # '"It was a long day," he said': the quotation's own subjects do not count
                sentence = sentence_base[chunk] + sent_index[subject.sent.start]
                e = salience.resolve(sentence, subject.sent[0].idx, set())
            return e if e in person else None

        said = [
            (tok.i, e)
            for tok in doc
            if not flags[tok.i] and tok.lemma_ in quote_verbs and (e := who(tok)) is not None
        ]
        opens = doc[0].text in QUOTE_MARKS
        for tok in doc:
            if not flags[tok.i] or tok.lower_ not in FIRST_PERSON:
                continue
            if said:
                speakers[(chunk, tok.i)] = min(said, key=lambda s: abs(s[0] - tok.i))[1]
            elif opens and carried is not None:
                speakers[(chunk, tok.i)] = carried
        # only "I": a minister's unquoted "we" and "our" are often the government's
        first_person = [t.i for t in doc if t.lower_ in FIRST_SINGULAR and not flags[t.i]]
        if any(flags):
            carried = said[-1][1] if said else carried if opens else None
            introduced = None
        elif doc.text.rstrip().endswith(":"):
            roots = [s.root for s in doc.sents]
            carried = who(roots[-1]) if roots else None
            introduced = carried if roots and roots[-1].lemma_ in quote_verbs else None
            left_open = False
        elif (statement := _statement_issued(doc)) is not None:
            # "Senator Bob Menendez issued this statement after ...", then the statement in
            # quotation marks, paragraph after paragraph
            carried, introduced = who(statement), None
            left_open = False
        elif left_open and carried is not None and not said:
            # a quotation left open runs on into paragraphs that open with no mark of their
            # own (a page that dropped them): "“Today, I am announcing ... In addition to
            # Berisha, I am publicly designating ..."
            for tok in doc:
                if tok.lower_ in FIRST_PERSON:
                    speakers.setdefault((chunk, tok.i), carried)
        elif introduced is not None and first_person and not said:
            # "Foreign Secretary Jeremy Hunt said:" and then his words, unquoted, paragraph
            # after paragraph while they speak in the first person (GOV.UK releases)
            for i in first_person:
                speakers.setdefault((chunk, i), introduced)
            carried = None
        else:
            carried = introduced = None
        if any(flags):
            left_open = flags[-1]
        elif any(t.text in QUOTE_MARKS for t in doc):
            left_open = False  # a mark in a paragraph with nothing quoted closes the quotation
    return speakers


def _statement_issued(doc: Doc) -> Token | None:
    """The verb of "X issued this statement (after ...)." or "X released the following
    statement on ...": a paragraph that introduces the quoted statement below it."""
    sents = list(doc.sents)
    if not sents:
        return None
    root = sents[-1].root
    if root.lemma_ not in ("issue", "release", "make", "deliver"):
        return None
    for obj in root.children:
        if (
            obj.dep_ == "dobj"
            and obj.lemma_ in ("statement", "remark")
            and any(c.lower_ in ("this", "the") for c in obj.children if c.dep_ == "det")
        ):
            return root
    return None


def _gender(entity: Entity) -> str:
    """'m' or 'f' from an honorific, or from a given name written first; not from a short
    first word or a hyphenated given name, which may be a family name written first ("Li
    Qiang", "Park Geun-hye")."""
    words = entity.name.split()
    by_title = person_gender(parse_person(""), entity.titles)
    if len(words[0]) < 4 or any("-" in w for w in words[1:]):
        return by_title
    return person_gender(parse_person(entity.name), entity.titles)


def _salience(
    pieces: list[tuple[int, Doc]],
    sentence_base: list[int],
    token_entity: dict[TokenKey, int],
    person: set[int],
    quoted: list[list[bool]],
    topic_verbs: frozenset[str] = frozenset(),
    person_nouns: frozenset[str] = frozenset(),
    itinerary_nouns: frozenset[str] = frozenset(),
) -> Salience:
    by_sentence: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    unnamed: dict[int, list[int]] = defaultdict(list)
    others: dict[int, list[int]] = defaultdict(list)
    pronoun_subjects: list[tuple[int, int, str]] = []
    subject_people: dict[int, set[int]] = {}
    for chunk, (_, doc) in enumerate(pieces):
        for n, sent in enumerate(doc.sents):
            subject = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                # "A and B held talks with C": the people the main clause has as its subject
                named = [token_entity.get((chunk, t.i)) for t in [subject, *_conjuncts(subject)]]
                people = {e for e in named if e is not None and e in person}
                if len(people) == len(set(named)):
                    subject_people[sentence_base[chunk] + n] = people
            seen: set[tuple[int, int]] = set()
            for tok in sent:
                if (
                    tok.lower_ in ("he", "she")
                    and tok.dep_ in ("nsubj", "nsubjpass")
                    and not quoted[chunk][tok.i]
                ):
                    pronoun_subjects.append((sentence_base[chunk] + n, tok.idx, tok.lower_))
                e = token_entity.get((chunk, tok.i))
                if e is None and tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "NOUN":
                    # "The leader of the party, Raila Odinga, said ...": a named subject.
                    e = _apposed_entity(tok, chunk, token_entity, person)
                # Any subject that is not a named person ("her husband said he ...",
                # "the reporter said she ...") stands between a pronoun and earlier names.
                if (
                    e is None
                    and tok.dep_ in ("nsubj", "nsubjpass")
                    and tok.pos_ in ("NOUN", "PRON", "PROPN")
                    and tok.lower_ not in PRONOUNS
                    # "after it emerged that he had met ...": no one stands between
                    and tok.lower_ not in ("it", "this", "that", "there", "which", "what")
                    # "I met him" in a transcript's turn: the speaker is never "him" (inside a
                    # quotation the speaker's "I" still stands between: '"I've supported his
                    # moves"' after "... when he made this decision")
                    and not (tok.lower_ in ("i", "we", "you") and not quoted[chunk][tok.i])
                    # "During his meeting with Y, the bilateral relationship was discussed":
                    # what was discussed is no one (but "his deputy was considered" is)
                    and not (
                        tok.dep_ == "nsubjpass"
                        and tok.head.lemma_ in topic_verbs
                        and tok.pos_ == "NOUN"
                        and tok.lemma_.lower() not in person_nouns
                    )
                    # "The Secretary’s first stop was Senegal, where she met ...": a journey
                    # of its owner's is no one
                    and not (
                        tok.lemma_.lower() in itinerary_nouns
                        and any(c.dep_ == "poss" for c in tok.children)
                    )
                ):
                    unnamed[sentence_base[chunk] + n].append(tok.idx)
                if e is not None and e not in person and tok.dep_ in ("nsubj", "nsubjpass"):
                    others[sentence_base[chunk] + n].append(tok.idx)
                if e is None or e not in person or _reporter(tok):
                    continue
                # Only the head token of a name counts, once.
                if token_entity.get((chunk, tok.head.i)) == e and tok.head.i != tok.i:
                    continue
                if tok.dep_ in ("nsubj", "nsubjpass"):
                    rank = 0
                elif tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"):
                    rank = 1
                else:
                    rank = 2
                if (rank, e) in seen:
                    continue
                seen.add((rank, e))
                by_sentence[sentence_base[chunk] + n].append((rank, tok.idx, e))
    salience = Salience(by_sentence, unnamed, others)
    salience.pronoun_subjects = pronoun_subjects
    salience.subject_people = subject_people
    return salience
