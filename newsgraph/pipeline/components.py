"""spaCy components newsgraph adds to the pipelines it loads (registered factories, so a
pipeline loaded in a worker process gets them the same way)."""

from __future__ import annotations

from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.lexicon import data_lines
from newsgraph.names import is_given_name

# Abbreviations written with full stops that end a title's place ("Ambassador to the U.S.").
TITLE_ABBREVIATIONS = {"U.S.", "U.K.", "U.N.", "E.U.", "U.A.E."}
TITLE_PREPOSITIONS = {"to", "of", "at", "for"}
SENTENCE_ENDS = {".", "!", "?", "\n", "\n\n", "”", '"'}


@Language.component("newsgraph_titled_abbreviations")
def keep_titled_abbreviations(doc: Doc) -> Doc:
    """'Venezuelan Ambassador to the U.S. Carlos Vecchio, UN Ambassador ...': an abbreviation
    that ends a capitalised title before a name ends no sentence (the parser had split there and
    lost the rest of the list); nor does an abbreviated rank ('said Capt. Todd Benson')."""
    for tok in doc[4:-1]:
        i = tok.i
        if (
            tok.text in TITLE_ABBREVIATIONS
            and doc[i - 1].lower_ == "the"
            and doc[i - 2].lower_ in TITLE_PREPOSITIONS
            and doc[i - 3].is_title
            and doc[i - 4].text not in SENTENCE_ENDS
            and doc[i + 1].is_title
        ):
            doc[i + 1].is_sent_start = False
    # "said Capt. Todd Benson", "Staff Sgt. Ana Ruiz": an abbreviated title before a name
    # (data/abbreviated_titles.txt, kept one token by the tokenizer) ends no sentence either
    titles = abbreviated_titles()
    for tok in doc[:-1]:
        if tok.text in titles and _name_starts(doc, tok.i + 1, titles):
            doc[tok.i + 1].is_sent_start = False
    return doc


# Words that open a sentence after an abbreviation that ended the one before ("Dover, Del.
# The secretary then met ...", "promoted to Maj. He met ...")
SENTENCE_OPENERS = {
    "the", "a", "an", "he", "she", "they", "it", "we", "i", "his", "her", "their", "its", "this",
    "that", "these", "those", "later", "then", "there", "in", "on", "at", "after", "but", "and",
}  # fmt: skip


def _name_starts(doc: Doc, i: int, titles: frozenset[str]) -> bool:
    """Does a name (or another title) start at token `i`: a known given name, an abbreviated
    title, or two capitalised words that open no sentence ("Sgt. Ryan Miller", "Capt. Todd
    Benson"; not "Del. The governors")?"""
    tok = doc[i]
    if not tok.is_title or tok.lower_ in SENTENCE_OPENERS:
        return False
    if tok.text in titles or is_given_name(tok.text):
        return True
    return i + 1 < len(doc) and doc[i + 1].is_title and doc[i + 1].is_alpha


def abbreviated_titles() -> frozenset[str]:
    """Abbreviated titles kept one token ("Sgt.", "Msgr."): data/abbreviated_titles.txt."""
    return _ABBREVIATED_TITLES


_ABBREVIATED_TITLES = frozenset(data_lines("abbreviated_titles.txt"))


# Marks that are bullets and nothing else
BULLET_MARKS = {"•", "◦", "▪", "‣", "●"}
# Marks that open the items of a list written one per line (a dash or star may also open an
# aside inside a sentence wrapped by hand)
LIST_BULLETS = BULLET_MARKS | {"*", "-", "–"}


@Language.component("newsgraph_list_items")
def start_list_items(doc: Doc) -> Doc:
    """'  • Denis McDonough, Assistant to the President and Chief of Staff\n  • John Podesta,
    Counselor to the President': each item of a list written one per line, behind a bullet, is
    a sentence of its own (the parser ran items together, and a name into the item above)."""
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        if tok.text in LIST_BULLETS and before.is_space and "\n" in before.text:
            tok.is_sent_start = True
    return doc


PLACE_TYPES = {"GPE", "LOC", "FAC"}
SETTING_MARKS = {"in", "at"}
ABSOLUTE_MARKS = {"in", "at", "on", "among"}


@Language.component("newsgraph_place_with")
def reattach_with_after_place(doc: Doc) -> Doc:
    """'met in Brussels, Belgium with Prime Minister Charles Michel': a "with" the parser hung
    on the place where something happened belongs to what happened there (the verb or the
    meeting the place is given for), as "met in Kabul with Karzai" is parsed already."""
    for tok in doc:
        if tok.lower_ != "with" or tok.dep_ != "prep":
            continue
        place = tok.head
        if place.ent_type_ not in PLACE_TYPES or place.i > tok.i:
            continue
        while place.dep_ in ("appos", "conj") and place.head.ent_type_ in PLACE_TYPES:
            place = place.head  # "Brussels, Belgium"
        after = tok.right_edge.i + 1
        if after < len(doc) and (
            doc[after].tag_ in ("VBG", "VBN") or doc[after].lower_ in ABSOLUTE_MARKS
        ):
            # "spoke in Ramallah, West Bank with Hamas rejecting his authority", "in Cairo,
            # Egypt with Mubarak in the audience": a circumstance, not a party
            continue
        mark = place.head
        if place.dep_ == "pobj" and mark.lower_ in SETTING_MARKS and mark.head.i != mark.i:
            tok.head = mark.head
    return doc


POSSESSIVE_MARKS = {"'s", "’s"}


@Language.component("newsgraph_titled_pairs")
def coordinate_titled_pairs(doc: Doc) -> Doc:
    """'U.S. President Barack Obama and Pope Benedict have met': the parser read the first
    person's title as a modifier of the second name ("President" under "Benedict", "Obama" an
    apposition of the title), so the first person was no subject. Two people joined by "and"
    are made conjuncts again: the first takes the second's place in the clause, its title is
    its own, and the second is its conjunct."""
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    for ent, after in pairwise(persons):
        if ent.end >= len(doc) - 1 or doc[ent.end].lower_ != "and":
            continue
        # the second name may follow its country's possessive and title: "and Saudi Arabia's
        # King Abdullah"
        between = doc[ent.end + 1 : after.start]
        if len(between) > 6 or any(
            not (
                t.is_title or t.lower_ in POSSESSIVE_MARKS or t.ent_type_ in ("GPE", "ORG", "NORP")
            )
            for t in between
        ):
            continue
        first, second, cc = ent.root, after.root, doc[ent.end]
        if second.i not in {t.i for t in first.ancestors} or second.dep_ in ("conj", "appos"):
            continue
        # the tokens before "and" that the parser hung on the second name (the title)
        crossing = [t for t in doc[first.sent.start : cc.i] if t.head.i > cc.i]
        if not crossing or any(t.head.i != second.i for t in crossing):
            continue
        head, dep = second.head, second.dep_
        first.head = first if head.i == second.i else head  # "Benedict" may be the root
        first.dep_ = dep
        for t in crossing:
            if t.i != first.i:
                t.head, t.dep_ = first, "compound"
        second.head, second.dep_ = first, "conj"
        cc.head, cc.dep_ = first, "cc"
        for t in between:
            if t.head.i <= cc.i:
                # "Saudi Arabia" read as the first name's conjunct is the second's possessor
                t.head = second
                t.dep_ = "poss" if t.nbor(1).lower_ in POSSESSIVE_MARKS else "compound"
    return doc


TITLE_SMALL_WORDS = {"of", "for", "and", "the", "to"}


@Language.component("newsgraph_titled_conjuncts")
def coordinate_titled_conjuncts(doc: Doc) -> Doc:
    """'Counselor Thomas A. Shannon and Assistant Secretary of State for International Narcotics
    and Law Enforcement William R. Brownfield visited Honduras': the parser made words of the
    second person's long title the conjuncts of the first name, and the second name an
    apposition of it. The second name becomes the conjunct, its title words its own."""
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        second = ent.root
        first = second.head
        if second.dep_ != "appos" or first.ent_type_ != "PERSON" or first.i > ent.start:
            continue
        # "and", then the title: capitalised words and small words, no comma
        cc = next((t for t in doc[first.i + 1 : ent.start] if t.lower_ == "and"), None)
        if cc is None or cc.head.i != first.i:
            continue
        title = doc[cc.i + 1 : ent.start]
        if (
            not title
            or not title[0].is_title
            or any(not (t.is_title or t.lower_ in TITLE_SMALL_WORDS) for t in title)
            or any(t.ent_type_ == "PERSON" for t in doc[first.i + 1 : cc.i])
        ):
            continue
        crossing = [t for t in title if t.head.i == first.i]
        if not crossing or not any(t.dep_ == "conj" for t in crossing):
            continue
        for t in crossing:
            t.head, t.dep_ = second, "compound"
        second.head, second.dep_ = first, "conj"
    return doc
