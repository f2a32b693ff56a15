"""Stage 4: attribute: link each quotation to its cue and speaker mention, decide its kind,
and find reported speech (indirect quotations) around speech cues.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ._candidates import Mention, skip_dateline
from ._cues import Cue
from ._lexicons import Lexicons
from ._text import HasParts
from ._tokens import View

# Prepositions that put a place or body after a subject ("Traders in Saltmere", "Officials at
# the port", "Protesters from the union"): the mention after one is not the cue's subject.
_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near"})
# Words that may stand between a subject and its verb ("Smith also said", "she has said").
_SKIP_BEFORE_CUE = frozenset(
    (
        "also has have had would will did does do later then again once previously recently repeatedly "
        "publicly privately earlier further quickly first separately subsequently initially immediately "
        "simply flatly similarly likewise reportedly ,"
    ).split()
)
# Words that may stand between a cue and the quotation it introduces ("said in a statement:").
_FILLER = frozenset(
    (
        ", : ; — – - that in a an the statement interview on at during last this week tuesday monday "
        "wednesday thursday friday saturday sunday morning evening night yesterday today earlier later to "
        "reporters journalists us me him her them told tweet tweeted post posted on twitter x facebook "
        "radio television tv press conference briefing speech email emailed letter written said was "
        "interview with statement"
    ).split()
)
_OBJECTS = frozenset({"reporters", "journalists", "him", "her", "them", "me", "us", "you", "police", "investigators", "lawmakers", "supporters", "it"})
# Verbs whose next noun is an object, never an inverted subject ("told Jane", "called it").
_NO_INVERSION = frozenset(
    (
        "told tells tell telling asked asks ask called calls call calling urged urges informed assured "
        "reminded accused accuses blasted branded labelled labeled deemed termed"
    ).split()
)
# Verbs whose object (the listener) stands between the cue and the reported clause.
_TELL_VERBS = frozenset("told tells tell telling informed assured reminded warned urged asked".split())
_WHEN_WHERE = frozenset("tuesday monday wednesday thursday friday saturday sunday twitter".split())
# "… and said …" starts a new report; "… and called for …" goes on with the same one.
_SAY_FORMS = frozenset("said says say told tells added adds".split())
# Words that may follow "she said" before the quotation goes on ("…,” she said Tuesday. “…”).
_GAP_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday on yesterday today tonight earlier later "
    "in a an the statement interview recently then".split()
)
# A reported clause does not start with these ("said in a statement", "said recently").
_NOT_CLAUSE_START = frozenset(
    (
        "in on at during to from with after before recently last earlier later yesterday today tuesday "
        "monday wednesday thursday friday saturday sunday of about for by as so"
    ).split()
)
_END_PUNCT = frozenset({".", "!", "?", "…", ";", ":"})


@dataclass(slots=True)
class Attribution(HasParts):
    """A quotation (direct, partial or indirect) with its cue and speaker mention.

    Attributes:
        parts: ``(start, end)`` character spans of the content.
        kind: ``"direct"``, ``"partial"`` or ``"indirect"``.
        cue: The cue, or ``None``.
        mention: Index of the speaker mention, or ``None``.
        quotes: Indices of the quoted stretches it is made of (none for indirect).
        how: Which rule attributed it (for error analysis).
    """

    kind: str
    cue: Cue | None
    mention: int | None
    quotes: list[int] = field(default_factory=list)
    how: str = ""
    tail: int = -1
    after_cue: Cue | None = None


class _Index:
    def __init__(self, view: View, mentions: list[Mention], cues: list[Cue]) -> None:
        self.ments = mentions
        self.end_at: dict[int, int] = {}
        self.start_at: dict[int, int] = {}
        for n, m in enumerate(mentions):
            self.end_at[m.j] = n
            self.start_at[m.i] = n
        self.cue_at: dict[int, Cue] = {c.i: c for c in cues}
        self.made: dict[tuple[int, int], int] = {}

    def extend(self, base: int | None, i: int, j: int, view: View) -> int:
        """A mention over tokens i..j-1 built on mention ``base`` (or a new unnamed one)."""
        if base is not None:
            b = self.ments[base]
            if b.i == i and b.j == j:
                return base
        if (i, j) in self.made:
            return self.made[(i, j)]
        if base is not None:
            m = Mention(i, j, b.kind, b.name_i, b.name_j, b.etype, b.gender, "pl" if b.number == "pl" else b.number,
                        b.role, b.role_org, b.possessive, b.statement)
        else:
            head = j - 1
            m = Mention(i, j, "nominal", head, j, "unknown", "-", "sg")
        self.ments.append(m)
        self.made[(i, j)] = len(self.ments) - 1
        return len(self.ments) - 1


# Words that open a sentence with a phrase before its subject ("In Washington, …").
_LEADING_ADVERBIAL = frozenset(
    "in at on during after before here there when while as since with for by from last this "
    "yesterday earlier later meanwhile still however instead speaking asked".split()
)
# Tokens that end the clause a subject is looked for in.
_CLAUSE_BOUNDARY = frozenset(
    (
        ", ; : ( ) — – that but while because if when as after before since although though and"
    ).split()
)


def _clause_subject(view: View, idx: _Index, lo: int, k: int) -> int | None:
    """An NP that runs from the start of the clause to token ``k`` ("People briefed on the
    talks say", "Forbes and a rival group say")."""
    toks = view.toks
    cs = k
    while cs - 1 >= lo and k - (cs - 1) <= 10 and toks[cs - 1].quote < 0:
        low = toks[cs - 1].lower
        if low in _CLAUSE_BOUNDARY and not (low == "and" and cs - 2 >= lo and toks[cs - 2].is_cap and cs < k and toks[cs].is_cap):
            break
        cs -= 1
    if cs - 1 >= lo and toks[cs - 1].lower not in _CLAUSE_BOUNDARY and toks[cs - 1].quote < 0:
        return None  # the clause is longer than a subject can be
    if cs >= k:
        return None
    if cs in idx.start_at:
        base = idx.start_at[cs]
        if idx.ments[base].kind == "pronoun" and idx.ments[base].j != k:
            return None
        return idx.extend(base, cs, k, view)
    if toks[cs].lower in ("a", "an", "the", "some", "many", "most", "both", "several", "people", "others", "another", "one", "two", "three", "other"):
        for x in range(cs, k):
            if x in idx.start_at:
                return idx.extend(idx.start_at[x], cs, k, view)
        return idx.extend(None, cs, k, view)
    return None


def _first_subject(view: View, idx: _Index, lo: int, hi: int) -> int | None:
    """The mention that opens the sentence (pronouns included), for "…, and said" and
    "…, saying"."""
    toks = view.toks
    k = lo
    while k < hi and (not toks[k].is_word or toks[k].lower in ("but", "and", "so", "yet", "still", "then", "now")):
        k += 1
    if k < hi and toks[k].lower in _LEADING_ADVERBIAL:
        # "At Sunday's debate, Jane Doe …": the subject comes after the opening phrase.
        for x in range(k + 1, min(hi, k + 12)):
            if toks[x].text == ",":
                k = x + 1
                break
    m = idx.start_at.get(k)
    if m is not None and idx.ments[m].j <= hi and toks[k].lower not in ("it", "there") and not idx.ments[m].statement:
        return m
    return None


def speaker_of(view: View, cue: Cue, ments: list[Mention], idx: _Index, lo: int, hi: int,
               after_quote: bool = False) -> int | None:
    """The mention that is the subject (or inverted subject) of ``cue``, within tokens lo..hi.

    Args:
        view: The document view.
        cue: The cue.
        ments: All mentions.
        idx: Look-up tables.
        lo: First token the mention may use.
        hi: One past the last token it may use.
        after_quote: The cue follows a quotation ("“…?” asked the boy"): the noun after the
            verb is its inverted subject, never its object.

    Returns:
        The mention index, or ``None``.
    """
    toks = view.toks
    if cue.kind == "according":
        k = cue.j
        e = k
        while e < hi and toks[e].text not in (",", ";", ".", "!", "?", ")", "—", "–") and toks[e].quote < 0 and e - k < 15:
            e += 1
        if e > k:
            return idx.extend(idx.start_at.get(k), k, e, view)
        return None
    if cue.passive:
        k = cue.j
        if k < hi and toks[k].lower == "by" and k + 1 in idx.start_at:
            return idx.start_at[k + 1]
        return None
    # Left: the subject right before the cue, past adverbs and auxiliaries.
    k = cue.i
    if k - 1 > lo and toks[k - 1].text == ")":
        # "Sen. Jane Doe (D-N.Y.) said": past the parenthesis.
        for x in range(k - 2, max(lo, k - 10) - 1, -1):
            if toks[x].text == "(":
                k = x
                break
    steps = 0
    while k - 1 >= lo and (toks[k - 1].lower in _SKIP_BEFORE_CUE or (toks[k - 1].text.endswith("ly") and toks[k - 1].text.islower())) and steps < 3:
        if toks[k - 1].text == ",":
            break
        k -= 1
        steps += 1
    if toks[cue.i].lower.endswith("ing") and cue.i > lo and toks[cue.i - 1].lower not in ("was", "is", "were", "are", "been", "be"):
        # "Jane Doe emailed supporters saying …": the participle's subject opens the sentence.
        m = _first_subject(view, idx, lo, cue.i)
        if m is not None and ments[m].i < cue.i:
            return m
    if k in idx.end_at and ments[idx.end_at[k]].i >= lo:
        m = idx.end_at[k]
        p = ments[m].i - 1
        if p - 1 >= lo and toks[p].lower in _PLACE_PREPOSITIONS and p in idx.end_at and ments[idx.end_at[p]].i >= lo:
            # "Traders in Saltmere have called for": the place belongs to the subject before it.
            return idx.end_at[p]
        return m
    if k - 1 >= lo and toks[k - 1].lower in ("who", "which") and k - 2 >= lo and toks[k - 2].text == ",":
        # "Jane Doe, who said …": the relative pronoun stands for the name before it.
        rel = idx.end_at.get(k - 2)
        if rel is not None and ments[rel].kind == "name" and ments[rel].i >= lo:
            return idx.extend(rel, ments[rel].i, k, view)
    # "…, saying (that) …" / "… and said …": the subject of the sentence.
    if k - 1 >= lo and ((toks[cue.i].lower.endswith("ing") and toks[k - 1].text == ",")
                        or toks[k - 1].lower in ("and", "but")):
        m = _first_subject(view, idx, lo, k - 1)
        if m is not None:
            return m
    # "The party’s leader, Jane Smith, said": the name right before the comma.
    if k - 1 >= lo and toks[k - 1].text == "," and (k - 1) in idx.end_at:
        named = ments[idx.end_at[k - 1]]
        if named.kind == "name" and named.i >= lo and named.i - 1 >= lo and toks[named.i - 1].text == ",":
            return idx.end_at[k - 1]
    # Appositive: "Jane Smith, the party's leader, said".
    if k - 1 >= lo and toks[k - 1].text == ",":
        x = k - 2
        while x >= max(lo, k - 20) and toks[x].text != "," and toks[x].quote < 0:
            x -= 1
        if x >= lo and toks[x].text == "," and x in idx.end_at and ments[idx.end_at[x]].i >= lo:
            if ments[idx.end_at[x]].kind != "pronoun":
                return idx.end_at[x]
    if cue.kind == "verb" and (not cue.weak or view.tagged or (cue.j < len(toks) and toks[cue.j].lower == "that")) and k - 1 >= lo and toks[k - 1].text != ",":
        sub = _clause_subject(view, idx, lo, k)
        if sub is not None:
            return sub
    if cue.kind in ("copula", "colon") or (not after_quote and (cue.weak or toks[cue.i].lower in _NO_INVERSION)):
        return None
    # Right: the inverted subject ("said Jane Smith", "asked the boy, who …").
    k = cue.j
    if after_quote and k < hi and k not in idx.start_at and toks[k].is_word and not toks[k].is_cap:
        # "said former party adviser Jane Doe": lower-case title words before the name.
        last_name = None
        x = k
        while x < hi and x - k < 8 and toks[x].is_word and toks[x].quote < 0:
            if x in idx.start_at and ments[idx.start_at[x]].kind == "name":
                last_name = idx.start_at[x]
                x = ments[last_name].j
                continue
            x += 1
        if last_name is not None and ments[last_name].etype != "organization":
            return idx.extend(last_name, k, ments[last_name].j, view)
    if after_quote and k < hi and k not in idx.start_at and toks[k].lower in ("the", "a", "an", "one", "another"):
        e = k + 1
        while e < hi and e - k < 8 and toks[e].is_word and toks[e].quote < 0:
            e += 1
        if e - k >= 2:
            return idx.extend(None, k, e, view)
    if k < hi and k in idx.start_at and ments[idx.start_at[k]].kind != "pronoun" or (
            k < hi and k in idx.start_at and toks[k].lower in ("he", "she", "they")):
        first = ments[idx.start_at[k]]
        if first.etype == "organization" and first.kind == "name":
            # "said Acme chief executive Jane Doe": the person after the organization's title.
            for x in range(first.j, min(hi, first.j + 4)):
                other = idx.start_at.get(x)
                if other is not None and ments[other].etype == "person" and ments[other].kind == "name":
                    return other
                if toks[x].is_cap or not toks[x].is_word:
                    break
        return idx.start_at[k]
    return None


def attribute(view: View, cues: list[Cue], ments: list[Mention], lex: Lexicons) -> list[Attribution]:
    """Attribute every quotation and find reported speech.

    Args:
        view: The document view.
        cues: Cues from stage 2.
        ments: Mentions from stage 3.
        lex: Lexicons.

    Returns:
        Attributions in text order.
    """
    idx = _Index(view, ments, cues)
    toks = view.toks
    n = len(toks)
    out: list[Attribution] = []
    used_cues: set[int] = set()
    by_quote: dict[int, Attribution] = {}
    last: Attribution | None = None
    for qi, q in enumerate(view.quotes):
        a = view.tok_at(q.start)
        if a >= n or toks[a].quote != qi:
            continue
        # Last token of the content (a quotation over paragraphs has marks between parts).
        b = max(a, view.tok_at(q.end) - 1)
        # The quotation's marks and the tokens around it.
        open_t = a - 1 if a > 0 and toks[a - 1].quote < 0 and not toks[a - 1].is_word else a
        after = b + 1
        while after < n and toks[after].quote < 0 and not toks[after].is_word and toks[after].text not in (",", "—", "–") and toks[after].start < q.outer_end:
            after += 1
        s_lo = view.sents[toks[open_t].sent][0]
        lo = s_lo
        while lo < open_t and toks[lo].quote >= 0:
            lo += 1
        prev_q = open_t - 1
        while prev_q >= lo and toks[prev_q].quote < 0:
            prev_q -= 1
        if prev_q >= lo:
            lo = prev_q + 1
        before = [t for t in toks[lo:open_t]]
        close_sent = toks[b].sent if after >= n else toks[after].sent
        hi = view.sents[close_sent][1] if after < n and toks[after].para == toks[b].para else after
        nq = after
        while nq < hi and toks[nq].quote < 0:
            nq += 1
        hi = nq
        cue = None
        mention = None
        how = ""
        # (b) a cue before it in the same sentence: Jane Smith said, “…” / said it was “…”
        b_cue, b_mention, before_words = None, None, 0
        for x in range(open_t - 1, lo - 1, -1):
            c = idx.cue_at.get(x)
            if c is None or c.klass != "speech" or (c.kind == "colon" and (x - 1) in idx.cue_at):
                continue  # "said:" — the verb is the cue, not its colon
            m = None if c.kind == "colon" else speaker_of(view, c, ments, idx, lo, open_t)
            if m is None and c.kind == "verb" and not c.weak and not c.passive:
                m = _sentence_subject(view, ments, idx, lo, c.i)
            if m is None and c.kind == "colon":
                # "Jane Doe fired back: “…”": the subject of the clause before the colon.
                start = lo
                for x in range(c.i - 1, lo - 1, -1):
                    if toks[x].text == ",":
                        start = x + 1
                        break
                m = _first_subject(view, idx, start, c.i)
                if m is None:
                    m = speaker_of(view, c, ments, idx, lo, open_t)
            if m is not None:
                b_cue, b_mention = c, m
                before_words = sum(1 for t in toks[c.j:open_t] if t.is_word and t.lower not in _FILLER)
                break
        # (a) the attribution right after: “…,” she said. / “…,” said Jane Smith.
        a_cue, a_mention = None, None
        k = after
        while k < hi and toks[k].text in (",", "—", "–", "-"):
            k += 1
        for c in (idx.cue_at.get(x) for x in range(k, min(hi, k + 12))):
            if c is None or c.kind in ("copula",) or c.klass != "speech":
                continue
            m = speaker_of(view, c, ments, idx, k, hi, after_quote=True)
            if m is not None and (ments[m].i == k or c.i == k) and not _introduces_next(view, c, ments[m]):
                a_cue, a_mention = c, m
            break
        if b_cue is not None and (before_words == 0 or a_cue is None):
            # A cue that introduces the quotation ("he warned, “…”") wins over a later one.
            cue, mention, how = b_cue, b_mention, "before"
        elif a_cue is not None:
            cue, mention, how = a_cue, a_mention, "after"
        kind = "direct"
        rest_before = [t for t in before if t.is_word]
        if how == "before":
            rest_before = [] if before_words == 0 else rest_before
            if before_words:
                kind = "partial"
        elif rest_before:
            kind = "partial"
        rest_after = [] if a_cue is not None else [t for t in toks[after:hi] if t.is_word]
        if cue is not None and cue.kind == "copula":
            kind = "partial"
        if rest_after and len(rest_after) >= 2 and how != "after":
            ends_sentence = toks[b].text in _END_PUNCT or (b + 1 < n and toks[b + 1].text in _END_PUNCT)
            if not ends_sentence:
                kind = "partial"
        if kind == "partial" and cue is None:
            # A fragment in the writer's sentence: the cue may come later in the sentence.
            for x in range(after, view.sents[close_sent][1]):
                c = idx.cue_at.get(x)
                if c is not None and c.klass == "speech":
                    m = speaker_of(view, c, ments, idx, view.sents[toks[open_t].sent][0], view.sents[close_sent][1])
                    if m is not None:
                        cue, mention, how = c, m, "later"
                        break
            if cue is None:
                m = _sentence_subject(view, ments, idx, view.sents[toks[open_t].sent][0], open_t)
                if m is not None and ments[m].kind != "pronoun" and not _title_or_scare(view, open_t, lex):
                    mention, how = m, "subject"
        if _title_or_scare(view, open_t, lex) and how != "after":
            continue
        if (kind == "partial" and cue is None and mention is None and b - a < 4
                and not _sentence_has_cue(view, idx, open_t)):
            continue  # a scare quote: no one in the sentence says it
        # (c) introduced by the sentence before: Jane Smith said: / A statement noted.
        if cue is None and kind == "direct":
            c, m = _intro_before(view, ments, idx, open_t)
            if c is not None:
                cue, mention, how = c, m, "intro"
        # "“…”\n\n— Jane Doe": an attribution line under the quotation.
        if cue is None and mention is None:
            m = _dash_line(view, idx, b)
            if m is not None:
                mention, how, kind = m, "dash", "direct"
        # (d) a quotation paragraph that follows quotations of one speaker goes on with them.
        if cue is None and mention is None and kind == "direct" and last is not None:
            para = toks[open_t].para
            lt = view.tok_at(last.end) - 1
            if 0 <= lt < n and toks[lt].para in (para, para - 1) and last.mention is not None and last.kind != "indirect":
                mention, how = last.mention, "inherit"
        att = Attribution(list(q.parts), kind, cue, mention, [qi], how, after_cue=a_cue)
        if how == "after" and cue is not None and mention is not None:
            att.tail = max(cue.j, ments[mention].j)
        # An interrupted quotation (“A,” she said. “B.”) is one quotation with two parts.
        if (last is not None and last.how == "after" and last.tail >= 0 and how in ("", "intro", "inherit")
                and kind == "direct" and last.kind == "direct" and last.tail <= open_t
                and toks[last.tail - 1].para == toks[a].para
                and not any(t.is_word and t.lower not in _GAP_WORDS for t in toks[last.tail:open_t])):
            last.parts.extend(q.parts)
            last.quotes.append(qi)
            by_quote[qi] = last
            continue
        if (last is not None and cue is not None and (last.cue is cue or last.after_cue is cue) and kind == "direct"
                and last.kind == "direct" and toks[view.tok_at(last.end)].para == toks[a].para or (
                    last is not None and how == "intro" and last.cue is cue and last.kind == "direct")):
            last.parts.extend(q.parts)
            last.quotes.append(qi)
            by_quote[qi] = last
            continue
        if cue is not None and kind == "direct" and how != "intro":
            used_cues.add(cue.i)
        out.append(att)
        by_quote[qi] = att
        last = att
    out.extend(_indirect(view, cues, ments, idx, used_cues, out))
    out.sort(key=lambda x: x.start)
    return out


def _dash_line(view: View, idx: _Index, b: int) -> int | None:
    """A paragraph right after the quotation that is only "— Jane Doe"."""
    toks = view.toks
    k = b + 1
    while k < len(toks) and toks[k].para == toks[b].para:
        k += 1
    if k >= len(toks) or toks[k].para != toks[b].para + 1 or toks[k].text not in ("-", "—", "–", "--"):
        return None
    m = idx.start_at.get(k + 1)
    if m is None or idx.ments[m].kind != "name":
        return None
    e = idx.ments[m].j
    if e < len(toks) and toks[e].para == toks[k].para and toks[e].is_word:
        return None
    return m


def _introduces_next(view: View, cue: Cue, m: Mention) -> bool:
    """The cue and speaker end in a colon: they introduce the next quotation, not this one."""
    k = max(cue.j, m.j)
    return k < len(view.toks) and view.toks[k].text == ":"


def _sentence_subject(view: View, ments: list[Mention], idx: _Index, lo: int, hi: int) -> int | None:
    """The mention that opens the sentence, where a verb follows it (the writer's subject)."""
    toks = view.toks
    k = lo
    while k < hi and not toks[k].is_word:
        k += 1
    if k in idx.start_at:
        m = idx.start_at[k]
        if ments[m].j < hi and not ments[m].statement and view.toks[ments[m].i].lower not in ("it", "there"):
            return m
    return None


def _sentence_has_cue(view: View, idx: _Index, k: int) -> bool:
    """The sentence of token ``k`` has a speech cue outside quotations."""
    a, b = view.sents[view.toks[k].sent]
    return any(x in idx.cue_at and idx.cue_at[x].klass == "speech" for x in range(a, b))


def _title_or_scare(view: View, open_t: int, lex: Lexicons) -> bool:
    """The quotation is a title or a scare quote: “so-called”, "a film called", "dubbed"."""
    toks = view.toks
    k = open_t - 1
    if k < 0 or toks[k].quote >= 0:
        return False
    # The words right before the opening mark ("so-called", "the hashtag", "a film").
    for width in (1, 2, 3):
        first = k - width + 1
        if first < 0 or toks[first].para != toks[open_t].para:
            break
        phrase = view.norm[toks[first].start:toks[k].end].lower()
        if tuple(phrase.replace(" - ", "-").split()) in lex.title_cues:
            return True
    low = toks[k].lower
    if low in ("called", "named") and k >= 1 and (toks[k - 1].lower,) in lex.title_cues:
        return True
    if low in ("so-called", "dubbed", "titled", "entitled", "nicknamed", "named", "headlined", "word", "term", "phrase", "slogan", "hashtag", "as"):
        return True
    if low == "called" and k - 1 >= 0 and toks[k - 1].tag.startswith("NN"):
        return True
    if low == "-" and k - 1 >= 0 and toks[k - 1].lower == "so":
        return True
    return False


def _intro_before(view: View, ments: list[Mention], idx: _Index, open_t: int) -> tuple[Cue | None, int | None]:
    """A speaker and cue introduced in the sentence right before the quotation."""
    toks = view.toks
    s = toks[open_t].sent
    if view.sents[s][0] != open_t or s == 0:
        return None, None
    ps, pe = view.sents[s - 1]
    if toks[ps].para < toks[open_t].para - 1:
        return None, None
    last_word = pe - 1
    while last_word > ps and not toks[last_word].is_word:
        last_word -= 1
    ends_colon = toks[pe - 1].text == ":"
    for x in range(last_word, ps - 1, -1):
        c = idx.cue_at.get(x)
        if c is None or c.klass != "speech" or toks[x].quote >= 0:
            continue
        if not ends_colon and c.j - 1 != last_word:
            break
        m = speaker_of(view, c, ments, idx, ps, pe)
        if m is not None:
            return c, m
        break
    if ends_colon and toks[ps].para == toks[open_t].para - 1 or ends_colon:
        m = _sentence_subject(view, ments, idx, ps, pe)
        if m is not None:
            return None, m
    return None, None


def _first_word(view: View, lo: int, hi: int) -> int:
    k = lo
    while k < hi and not view.toks[k].is_word:
        k += 1
    return k


def _content_end(view: View, k: int, e: int) -> int:
    toks = view.toks
    while e > k and not toks[e - 1].is_word and toks[e - 1].quote < 0:
        if e - 2 >= k and toks[e - 2].quote >= 0:
            return e  # a closing mark of a quotation inside the content stays
        e -= 1
    return e


def _according(view: View, c: Cue, m: int, src_end: int, s_lo: int, s_hi: int) -> Attribution | None:
    """Reported content around "according to X": before it, after it, or around it."""
    toks = view.toks
    before = [t for t in toks[s_lo:c.i] if t.is_word]
    if not before:
        k = src_end + 1 if src_end < s_hi and toks[src_end].text == "," else s_hi
        e = _content_end(view, k, s_hi)
        how = "according-first"
    else:
        k = s_lo
        while k < c.i and not toks[k].is_word:
            k += 1
        if _content_end(view, src_end, s_hi) <= src_end:
            e = c.i - 1 if toks[c.i - 1].text in (",", "—", "–", "(") else c.i
            e = _content_end(view, k, e)
            how = "according-last"
        else:
            e = _content_end(view, k, s_hi)
            how = "according-middle"
    words = [t for t in toks[k:e] if t.is_word]
    if len(words) < 3 or sum(1 for t in words if t.quote >= 0) > len(words) / 2:
        return None
    return Attribution([(toks[k].start, toks[e - 1].end)], "indirect", c, m, [], how)


def _indirect(view: View, cues: list[Cue], ments: list[Mention], idx: _Index, used: set[int], direct: list[Attribution]) -> list[Attribution]:
    toks = view.toks
    n = len(toks)
    out: list[Attribution] = []
    for c in cues:
        if c.i in used or c.kind in ("copula", "colon") or toks[c.i].quote >= 0:
            continue
        if toks[c.i].lower.startswith("continu"):
            continue  # "The statement continued, “…”" introduces quotations only
        s_lo, s_hi = view.sents[toks[c.i].sent]
        if c.klass == "evidential":
            # "The plan seems to work" / "X is expected to win": content with no source named.
            if toks[c.i].lower == "expected" and not c.passive:
                continue
            k = skip_dateline(view, s_lo)
            while k < s_hi and not toks[k].is_word:
                k += 1
            e = _content_end(view, k, s_hi)
            words = [t for t in toks[k:e] if t.is_word]
            if len(words) >= 4 and not any(t.quote >= 0 for t in words):
                out.append(Attribution([(toks[k].start, toks[e - 1].end)], "indirect", c, None, [], "evidential"))
            continue
        if toks[c.i].lower == "asked" and c.i == _first_word(view, s_lo, s_hi) and c.j < s_hi:
            # "Asked whether …, she said …": the question is reported, its asker unnamed.
            e = c.j
            while e < s_hi and toks[e].text not in (",", ";", "—") and toks[e].quote < 0:
                e += 1
            if e - c.j >= 2 and e < s_hi:
                out.append(Attribution([(toks[c.j].start, toks[e - 1].end)], "indirect", c, None, [], "asked"))
            continue
        m = speaker_of(view, c, ments, idx, s_lo, s_hi)
        if m is None:
            continue
        mt = ments[m]
        if c.kind == "according":
            att = _according(view, c, m, mt.j, s_lo, s_hi)
            if att is not None:
                out.append(att)
            continue
        # Forward: Jane Smith said (that) CLAUSE.
        k = c.j
        if mt.i >= c.j:
            k = mt.j
        if c.kind != "according" and k < s_hi and toks[c.i].lower in _TELL_VERBS:
            if k in idx.start_at:
                k = ments[idx.start_at[k]].j
            elif k < s_hi and toks[k].lower in _OBJECTS:
                k += 1
            elif k + 1 < s_hi and toks[k].lower == "the" and toks[k + 1].is_word:
                k += 2
        while k < s_hi and toks[k].lower in ("on", "in") and k + 1 < s_hi and toks[k + 1].lower in _WHEN_WHERE:
            k += 2
        if k < s_hi and toks[k].lower == "that":
            k += 1
        elif k < s_hi and toks[k].lower in _NOT_CLAUSE_START:
            # "said in a statement on Tuesday that …": the clause starts after "that".
            for x in range(k + 1, min(s_hi, k + 10)):
                if toks[x].lower == "that":
                    k = x + 1
                    break
        e = s_hi
        # "… said X and criticized Y for Z": the content stops where a stance verb's starts.
        for x in range(k + 1, s_hi - 1):
            if (toks[x].lower in ("and", "but") and (x + 1) in idx.cue_at and toks[x + 1].quote < 0
                    and (idx.cue_at[x + 1].klass == "stance" or toks[x + 1].lower in _SAY_FORMS)):
                e = x
                break
        e = _content_end(view, k, e)
        content_words = [t for t in toks[k:e] if t.is_word]
        quoted = [t for t in content_words if t.quote >= 0]
        if (len(content_words) >= 3 and toks[k].is_word and toks[k].quote < 0 and len(quoted) < len(content_words)
                and not (k < n and toks[k].text == ",")):
            if mt.i < c.i or (c.klass == "speech" and c.kind != "according"):
                out.append(Attribution([(toks[k].start, toks[e - 1].end)], "indirect", c, m, [], "forward"))
                continue
        # Backward: CLAUSE, Jane Smith said.  /  CLAUSE, said Smith.
        if c.klass == "stance":
            continue
        first = min(c.i, mt.i)
        last_tok = max(c.j, mt.j)
        if first - 1 > s_lo and toks[first - 1].text in (",", "—", "–"):
            tail = [t for t in toks[last_tok:s_hi] if t.is_word]
            if len(tail) <= 6:
                e = first - 1
                k = skip_dateline(view, s_lo)
                while k < e and not toks[k].is_word:
                    k += 1
                words = [t for t in toks[k:e] if t.is_word]
                quoted = [t for t in words if t.quote >= 0]
                if len(words) >= 3 and len(quoted) < len(words) * 0.5:
                    out.append(Attribution([(toks[k].start, toks[e - 1].end)], "indirect", c, m, [], "backward"))
    # Reported speech never overlaps a direct quotation (a partial one may sit inside it), nor
    # other reported speech: a report nested in another is left to the outer one, and of two
    # that cross, the first ends where the second starts.
    spans = [(x.start, x.end) for x in direct if x.kind == "direct"]
    partials = [(x.start, x.end) for x in direct if x.kind == "partial"]
    keep: list[Attribution] = []
    for att in sorted(out, key=lambda x: (x.start, -x.end)):
        if any(s < att.end and att.start < e for s, e in spans):
            continue
        for s, e in partials:
            if s < att.end and att.start < e and not (att.start <= s and e <= att.end):
                # A quoted fragment the report only half covers: the report stops before it
                # (by characters: the fragment may start inside a token, e.g. after ":'“").
                end = s
                while end > att.start and not view.norm[end - 1].isalnum():
                    end -= 1
                if len(view.norm[att.start:end].split()) < 3:
                    att.parts = []  # too little left to be a report
                    break
                att.parts = [(att.start, min(att.end, end))]
        if not att.parts:
            continue
        if keep and att.start < keep[-1].end:
            prev = keep[-1]
            if att.end <= prev.end:
                continue
            cut = view.tok_at(att.start)
            e = _content_end(view, view.tok_at(prev.start), cut)
            if e <= view.tok_at(prev.start):
                keep.pop()
            else:
                prev.parts = [(prev.start, min(prev.end, toks[e - 1].end))]
        keep.append(att)
    return keep
