"""Stage 4b: reported speech (indirect quotations) around cues, and the overlaps between quotations.

For each cue that no direct quotation took, :func:`reported_speech` tries the rules of
:data:`REPORTED_ORDER`. Each returns a list of attributions (possibly empty: the cue is done)
or ``None`` (it does not apply: try the next one). The order:

1. ``headline``: "Minister rejects rival housing offer" over the text: a heading reports nothing.
2. ``not_speech``: "She believes …", "He criticised the plan", "The plan seems to work": a belief,
   a stance toward an object or a hedge is not a speech act, and reports nothing.
3. ``asked``: "Asked whether …, she said …": the question is reported, its asker unnamed.
4. ``unsourced``: "It was claimed (that) CLAUSE": reported speech with no source named.
5. (The cue's speaker is found here: the owner of a cue written as a noun ("Jo Roe's claim
   that …", :func:`_owner`; an owner that is no mention, "the union's claims that …", reports
   nothing), else by :func:`quotekit._speakers.speaker_of`; a cue with none reports nothing.)
6. ``according``: content before, after or around "according to X".
7. ``and_that``: "Jane Smith said CLAUSE and that CLAUSE2": the ``forward`` report and, as a
   report of its own, each further clause after "and that" / "but that".
8. ``forward``: "Jane Smith said (that) CLAUSE" / "told MPs CLAUSE", where CLAUSE is a content
   clause (:func:`content_clause`: "that", or a subject and a finite verb), not a noun phrase
   ("announced plans to …", "dismissed claims that …") nor a prepositional phrase ("insisted on
   …"); past the listener of a verb of telling unless a finite verb follows it ("warned it
   could collapse": :func:`_past_listener`). A phrasal cue ending in a preposition ("called
   for", "called on": :func:`_object_particle`) takes only an infinitive; an infinitival
   demand ("urged the union to return to talks") starts at its object (:func:`_demand_start`).
   It ends where :func:`clause_end` says: before the speaker's next act ("… and promised
   …", "… but did not believe …"), another report ("… and the union says …", "…, adding …"),
   "…, despite …", " - although …" or a source closing the sentence ("…, a new book says."), the
   comma closing a relative clause ("The plan, which she said would fail, was …"), or the comma
   closing a fronted adverbial clause before the main clause's own report ("While she admitted
   …, Jo Roe noted …": :func:`_fronted_end`).
   A coordinator inside a hyphenated compound ("a question-and-answer session") cuts nothing; a
   gerund with a determiner before an auxiliary opens a clause ("said making the film had
   changed her plans"), and so does an embedded question ("repeated what a great man he was",
   "explained how …", "asked him which routes he would cut", "… who he thought would win";
   not after a passive or infinitive cue: "was asked how …", "declined to say whether …").
9. ``backward``: "CLAUSE, Jane Smith said." / "CLAUSE, said Smith." (CLAUSE has a finite verb);
   "CLAUSE, the firm's chief executive has announced, after …" (the owner before the speaker's
   head and the writer's adjunct after the source are passed over); "SUBJECT, she said, VERB …"
   is one clause in two parts (:func:`_resumed`).

A cue that a direct quotation before it took ('“…” She also said that CLAUSE') tries only
``and_that`` and ``forward``. Then :func:`resolve_overlaps`: reported speech never overlaps a direct quotation (a partial one
may sit inside it) nor other reported speech.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import compress

from ._candidates import skip_dateline
from ._cues import Cue
from ._speakers import Ctx, speaker_of
from ._text import HasParts
from ._tokens import Tok, View
from ._types import Rule


@dataclass(slots=True)
class Attribution(HasParts):
    """A quotation (direct, partial or indirect) with its cue and speaker mention.

    Attributes:
        parts: ``(start, end)`` character spans of the content.
        kind: ``"direct"``, ``"partial"`` or ``"indirect"``.
        cue: The cue, or ``None``.
        mention: Index of the speaker mention (into ``Attributions.mentions``), or ``None``.
        quotes: Indices of the quoted stretches it is made of (none for indirect).
        rule: The rule that attributed it.
        tail: For ``after``: the token after its cue and speaker ("“A,” she said| …").
        after_cue: The cue right after it, where one was found.
    """

    kind: str
    cue: Cue | None
    mention: int | None
    quotes: list[int] = field(default_factory=list)
    rule: Rule = Rule.NONE
    tail: int = -1
    after_cue: Cue | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A cue, its sentence's tokens ``lo..hi-1`` and its speaker mention (``-1`` before it is found)."""

    cue: Cue
    lo: int
    hi: int
    mention: int = -1


def _content_end(view: View, k: int, e: int) -> int:
    """``e`` moved back past trailing punctuation (a closing mark of a quotation inside stays)."""
    toks = view.toks
    while e > k and not toks[e - 1].is_word and toks[e - 1].quote < 0:
        if e - 2 >= k and toks[e - 2].quote >= 0:
            return e
        e -= 1
    return e


def _span(view: View, k: int, e: int) -> list[tuple[int, int]]:
    return [(view.toks[k].start, view.toks[e - 1].end)]


_END_MARKS = frozenset({".", "!", "?", "…", ":", ";"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECT_TAGS = frozenset({"PRP", "PRP$", "DT", "PDT", "EX", "NNP", "NNPS", "NN", "NNS", "CD", "JJ", "JJR", "JJS"})
_HEADLINE_WORDS = 15


def headline(ctx: Ctx, s: Sentence) -> list[Attribution] | None:
    """"Minister rejects rival housing offer" on a line of its own over the text: a heading.

    A paragraph that is one sentence of at most 15 words with no closing punctuation, with more
    text after it, is a title line: its cue reports nothing.
    """
    toks = ctx.view.toks
    para = toks[s.lo].para
    if (s.lo > 0 and toks[s.lo - 1].para == para) or s.hi >= len(toks) or toks[s.hi].para == para:
        return None
    last = s.hi - 1
    while last > s.lo and toks[last].quote < 0 and not toks[last].is_word and toks[last].text not in _END_MARKS:
        last -= 1  # a closing quotation mark
    if toks[last].text in _END_MARKS or sum(t.is_word for t in toks[s.lo:s.hi]) > _HEADLINE_WORDS:
        return None
    return []


def not_speech(ctx: Ctx, s: Sentence) -> list[Attribution] | None:
    """"She believes the plan will work", "He criticised the plan", "The plan seems to work".

    Beliefs, hopes and findings (``belief``), acts toward an object (``stance``: "criticised X
    for Y", "backed the bill") and hedges with no source (``evidential``) are not speech or
    writing acts: the cue reports nothing (it still ends the clause of a speech cue before it).
    """
    return [] if s.cue.klass in ("belief", "stance", "evidential") else None


def asked(ctx: Ctx, s: Sentence) -> list[Attribution] | None:
    """"Asked whether the plan would work, she said …": the question up to the comma."""
    c, toks = s.cue, ctx.view.toks
    first = s.lo
    while first < s.hi and not toks[first].is_word:
        first += 1
    if not (toks[c.i].lower == "asked" and c.i == first and c.j < s.hi):
        return None
    e = c.j
    while e < s.hi and toks[e].text not in (",", ";", "—") and toks[e].quote < 0:
        e += 1
    if e - c.j >= 2 and e < s.hi:
        return [Attribution(_span(ctx.view, c.j, e), "indirect", c, None, [], Rule.ASKED)]
    return []


def unsourced(ctx: Ctx, s: Sentence) -> list[Attribution] | None:
    """"It was claimed (that) CLAUSE", "It has been reported that CLAUSE": reported speech whose
    source the text does not name (an agentless passive after "it"); no speaker."""
    c, view, toks, words = s.cue, ctx.view, ctx.view.toks, ctx.lex.words
    if not (c.passive and c.klass == "speech" and c.kind == "verb" and c.j - c.i == 1):
        return None
    x = c.i - 1
    while x > s.lo and (toks[x].lower in words.passive_auxiliaries or toks[x].lower in ("has", "have", "had")):
        x -= 1
    if x == c.i - 1 or toks[x].lower != "it":
        return None
    k = c.j + 1 if c.j < s.hi and toks[c.j].lower == "that" else c.j
    e = _content_end(view, k, clause_end(ctx, s, k))
    if sum(t.is_word for t in toks[k:e]) < 3 or not content_clause(ctx, k, e, that=k > c.j):
        return []
    return [Attribution(_span(view, k, e), "indirect", c, None, [], Rule.EVIDENTIAL)]


def according(ctx: Ctx, s: Sentence) -> list[Attribution] | None:
    """"according to X, CLAUSE" / "CLAUSE, according to X" / "CLAUSE, according to X, CLAUSE"."""
    c, view, toks = s.cue, ctx.view, ctx.view.toks
    if c.kind != "according":
        return None
    src_end = ctx.idx.ments[s.mention].j
    if not any(t.is_word for t in toks[s.lo:c.i]):
        k = src_end + 1 if src_end < s.hi and toks[src_end].text == "," else s.hi
        e, rule = _content_end(view, k, s.hi), Rule.ACCORDING_FIRST
    else:
        k = s.lo
        while k < c.i and not toks[k].is_word:
            k += 1
        if _content_end(view, src_end, s.hi) <= src_end:
            e = c.i - 1 if toks[c.i - 1].text in (",", "—", "–", "(") else c.i
            e, rule = _content_end(view, k, e), Rule.ACCORDING_LAST
        else:
            e, rule = _content_end(view, k, s.hi), Rule.ACCORDING_MIDDLE
    words = [t for t in toks[k:e] if t.is_word]
    if len(words) < 3 or sum(1 for t in words if t.quote >= 0) > len(words) / 2:
        return []
    return [Attribution(_span(view, k, e), "indirect", c, s.mention, [], rule)]


def _clause_start(ctx: Ctx, s: Sentence) -> int:
    """Where the reported clause after the cue starts: past the listener, "on Tuesday", "that"."""
    c, toks, idx, words = s.cue, ctx.view.toks, ctx.idx, ctx.lex.words
    mt = idx.ments[s.mention]
    k = mt.j if mt.i >= c.j else c.j
    if k < s.hi and toks[c.i].lower in words.tell_verbs:
        k = _past_listener(ctx, s, k)
    while (k + 1 < s.hi and toks[k].lower in words.report_prepositions
           and (toks[k + 1].lower in words.when_where or toks[k + 1].lower in words.weekdays)):
        k += 2
    if k < s.hi and toks[k].lower == "that":
        return k + 2 if k + 2 < s.hi and toks[k + 1].text == "," else k + 1  # "admitted that, had he …"
    if k < s.hi and (toks[k].lower in words.not_clause_start or toks[k].lower in words.weekdays):
        for x in range(k + 1, min(s.hi, k + 10)):  # "said in a statement on Tuesday that …"
            if toks[x].lower == "that":
                return x + 1
    return k


def _past_listener(ctx: Ctx, s: Sentence, k: int) -> int:
    """"told MPs it was wrong", "warned the board the plan would fail": past the listener after
    a verb of telling (a mention, a ``listeners`` word, "the" and a word). Not where a finite
    verb follows: "warned it could collapse", "warned the deck would fail" (the words are the
    clause's subject)."""
    toks, idx, words = ctx.view.toks, ctx.idx, ctx.lex.words
    x = k
    if k in idx.start_at:
        x = idx.ments[idx.start_at[k]].j
    elif toks[k].lower in words.listeners:
        x = k + 1
    elif k + 1 < s.hi and toks[k].lower == "the" and toks[k + 1].is_word:
        x = k + 2
    return k if x < s.hi and toks[x].lower in words.finite_forms else x


def _pronoun_before(ctx: Ctx, x: int) -> bool:
    """Token ``x - 1`` is a pronoun or a dummy subject ("it's", "there's", "that's")."""
    prev = ctx.view.toks[x - 1].lower if x > 0 else ""
    return prev in ctx.lex.words.person_pronouns or prev in ctx.lex.words.dummy_subjects or prev in ctx.lex.pronouns


def _finite(ctx: Ctx, x: int) -> bool:
    """Token ``x`` is a finite verb: by its tag where the pipeline has a tagger, or by its form
    (an auxiliary, a modal, an irregular past, "-ed" not after a determiner, "-s" after "he"/a name).

    A tagger adds to what the forms find, never takes away: trained mode finds every clause
    blank mode finds (a tagger misreads "do" inside a quoted fragment, "left" after a noun)."""
    view, words = ctx.view, ctx.lex.words
    t = view.toks[x]
    low = t.lower
    if view.tagged and t.tag in _FINITE_TAGS and not (low in ("'s", "’s") and not _pronoun_before(ctx, x)):
        return True  # "'s" after a name or a number is its possessive ("BBC 1's programme"), not "is"
    if low in words.finite_forms:
        return True
    if t.is_cap or not t.is_word or len(low) < 4 or x == 0:
        return False
    prev = view.toks[x - 1]
    if low.endswith("ed"):
        return prev.lower not in words.nominal_determiners and prev.lower not in words.not_clause_start
    return (low.endswith("s") and not low.endswith(("ss", "us", "is"))
            and prev.lower not in words.nominal_determiners  # "her pupils", "The plans": a noun
            and (prev.lower in words.person_pronouns or prev.lower in words.dummy_subjects
                 or (prev.is_cap and prev.is_word and not _after_modifier(ctx, x - 1))))


def _after_modifier(ctx: Ctx, x: int) -> bool:
    """A capitalised word ``x`` after "to", "the", "of" …: a modifier of a noun ("reported it to
    Canadian authorities", "the Tory plans"), not a subject before its verb."""
    if x == 0:
        return False
    low, words = ctx.view.toks[x - 1].lower, ctx.lex.words
    return low in words.not_clause_start or low in words.nominal_determiners


def _subject_start(ctx: Ctx, k: int) -> bool:
    """Token ``k`` can open a clause's subject: not a preposition, a particle or an object pronoun."""
    t, words = ctx.view.toks[k], ctx.lex.words
    if t.lower in words.clause_subjects or t.is_cap or not t.is_word:
        return True
    if t.lower in _LISTENER_RELATIVES:
        return _wh_clause(ctx, k)  # a question, or the listener's relative clause ("told reporters who …")
    if _wh_clause(ctx, k):
        return True
    if t.lower in words.not_clause_start or t.lower in words.non_subject_starts:
        return False
    if _gerund_subject(ctx, k):
        return True
    if ctx.view.tagged:
        return t.tag in _SUBJECT_TAGS
    return not t.lower.endswith("ing")


_GERUND_REACH = 5
_WH_WORDS = frozenset({"what", "how", "whether", "if", "why", "which", "who"})
_LISTENER_RELATIVES = frozenset({"who", "which"})
"""Question words that also open a relative clause ("told the board which runs the port that …")."""


def _wh_clause(ctx: Ctx, k: int) -> bool:
    """"repeated what a great man she was", "explained how the scheme would work", "asked her
    which routes she would cut", "asked him who he thought would win": an embedded question
    opens a content clause when a subject follows "how", "why", "whether", "if" or "who" straight
    away ("who" also before an auxiliary: "who was to blame"), "a" follows "what" ("what the
    report described" is a noun phrase), or a lower-case noun follows "which" (whatever a tagger
    calls "which" and "who": blank mode reads them so too), and no "that" follows "which" or
    "who" ("told the board which runs the port that …": a relative clause of the listener)."""
    toks, words = ctx.view.toks, ctx.lex.words
    if k + 1 >= len(toks) or toks[k].lower not in _WH_WORDS:
        return False
    nxt = toks[k + 1]
    if toks[k].lower == "what":  # "what a great man" asks; "what the writers described" is a noun
        return nxt.lower in ("a", "an")
    if "that" in ctx.view.lowers[k + 2:k + _LISTENER_REACH] and toks[k].lower in ("which", "who"):
        return False  # "told the board which runs the port that …": the listener's relative clause
    if toks[k].lower == "which":  # "which routes she would cut", "which was the better plan"
        return nxt.is_word and not nxt.is_cap and nxt.quote < 0 and nxt.lower not in words.nominal_determiners
    if toks[k].lower == "who":  # "who she thought would win", "who was to blame"
        return nxt.lower in words.clause_subjects or nxt.is_cap or nxt.lower in words.finite_forms
    return nxt.lower in words.clause_subjects or nxt.is_cap


def _gerund_subject(ctx: Ctx, k: int) -> bool:
    """"said making the film had changed her plans", "warned cutting the budget would cost lives":
    a gerund and a determiner or pronoun ("the", "her") open the clause's subject when an
    auxiliary or modal (``finite_forms``) follows within five words, none of them punctuation
    ("denied being involved" is the verb's object, "disparaging remarks" an adjective's noun)."""
    toks, words = ctx.view.toks, ctx.lex.words
    low = toks[k].lower
    if (not low.endswith("ing") or low in ("being", "having") or low in words.not_clause_start
            or k + 1 >= len(toks) or toks[k + 1].lower not in words.clause_subjects):
        return False  # "mentioned disparaging remarks he had made": an adjective, not a gerund
    for x in range(k + 2, min(len(toks), k + 1 + _GERUND_REACH)):
        if not toks[x].is_word or toks[x].quote >= 0:
            return False
        if toks[x].lower in words.finite_forms:
            return True
    return False


_CLAUSE_REACH = 20
_THAT_REACH = 8
_BARE_THAT_WORDS = 5
_LISTENER_REACH = 12
_OWN_WORDS = 3


def content_clause(ctx: Ctx, k: int, e: int, that: bool = False) -> bool:
    """Tokens ``k..e-1`` are a content clause, not a noun or prepositional phrase.

    "said (that) the plan would fail", "told MPs it was wrong", "warned jobs were at risk": a
    subject, then a finite verb within twenty tokens, before any clause inside a noun phrase
    ("announced plans which would …"). Not "announced plans to cut jobs", "defended the bill",
    "insisted on a recount", "accused the board of lying". After "that" any word may open it
    ("said that while …"), and five words with no finite verb found are enough ("says that
    the plan smacks of panic").
    """
    toks, words = ctx.view.toks, ctx.lex.words
    if k >= e:
        return False  # nothing after the cue ("… she said" at the end of the text)
    if not that and not _subject_start(ctx, k):
        return False
    for x in range(k, min(e, k + _CLAUSE_REACH)):
        if x > k and (toks[x].lower in words.clause_stops or toks[x].lower == "but"):
            break  # "promised a figure but have yet to …": the verb is the speaker's
        if _finite(ctx, x) or (x > k + 1 and _bare_present(ctx, k, x)):
            return True
    return that and sum(t.is_word for t in toks[k:e]) >= _BARE_THAT_WORDS


_FREQUENCY_ADVERBS = frozenset({"already", "still", "also", "often", "never", "now", "always", "usually", "rarely"})


def _bare_present(ctx: Ctx, k: int, x: int) -> bool:
    """A present-tense verb with no "-s" in the reported clause from ``k``, by position: after an
    adverb that follows a noun ("said patients in the valley already drive …", "said such reports
    routinely overstate …") or after the clause's opening plural noun and its determiner and
    before "to" or a determiner ("said the firms hope to …", "said the unions want the …")."""
    toks, words = ctx.view.toks, ctx.lex.words
    t, prev, before = toks[x], toks[x - 1], toks[x - 2]
    low = t.lower
    if (t.is_cap or not t.is_word or t.quote >= 0 or len(low) < 3 or low.endswith(("s", "ed", "ing", "ly"))
            or low in words.nominal_determiners or low in words.not_clause_start or low in words.clause_subjects
            or low in words.coordinators):
        return False
    adverb = prev.lower in _FREQUENCY_ADVERBS or (prev.lower.endswith("ly") and prev.lower not in words.ly_non_adverbs)
    if adverb:
        return (before.is_word and not before.is_cap and before.lower not in words.nominal_determiners
                and before.lower not in words.not_clause_start and before.lower not in words.coordinators
                and before.lower not in words.clause_cut_skips and not _finite(ctx, x - 2))
    nxt = toks[x + 1].lower if x + 1 < len(toks) else ""
    return (x == k + 2 and prev.lower.endswith("s") and not prev.lower.endswith(("ss", "us", "is")) and not prev.is_cap
            and (before.lower in words.nominal_determiners or before.lower in words.clause_subjects)
            and (nxt in words.nominal_determiners or (nxt == "to" and _verb_after_to(ctx, x + 1))))


def _verb_after_to(ctx: Ctx, x: int) -> bool:
    """"to" at ``x`` opens an infinitive ("hope to agree"), not a phrase ("team to the board")."""
    toks, words = ctx.view.toks, ctx.lex.words
    if x + 1 >= len(toks):
        return False
    t = toks[x + 1]
    return (t.is_word and not t.is_cap and t.lower not in words.nominal_determiners
            and t.lower not in words.clause_subjects and not t.lower[0].isdigit())


def infinitival(ctx: Ctx, c: Cue, k: int, e: int) -> bool:
    """"urged ministers to act", "called on the board to resign", "pledged to cut taxes": a
    demand, request or promise reported with an infinitive (``directive_verbs`` only; "announced
    plans to cut jobs" is a noun phrase)."""
    toks, words = ctx.view.toks, ctx.lex.words
    if toks[c.i].lower not in words.directive_verbs:
        return False
    for x in range(k, min(e - 1, k + _THAT_REACH)):
        if toks[x].lower == "to":
            return toks[x + 1].is_word and not toks[x + 1].is_cap and toks[x + 1].lower not in words.nominal_determiners
        if _finite(ctx, x) or toks[x].lower in words.clause_stops or toks[x].quote >= 0 or toks[x].lower in ("of", "about"):
            return False  # "told him of his intention to stand down": the infinitive is the noun's
    return False


def _that_later(ctx: Ctx, k: int, e: int, listener: bool) -> int:
    """"told a conference of harbour pilots in Leeds that …", "said via email that …": the token
    after a "that" a few words on with no finite verb before it, or ``-1`` (also for "dismissed
    claims that …", where the clause belongs to the noun). After a verb of telling
    (``listener``) the words before "that" may hold a quoted name ("told the “Harbour Hour”
    show that …") or a relative clause with its own verb ("told the committee which runs the
    port that …"; "told a woman who suggested that X that Y": Y, the relative clause's speech
    verb has its own "that"). A comma after "that" is passed over."""
    toks, cue_at = ctx.view.toks, ctx.idx.cue_at
    relative = False
    own = -1  # "told a woman who suggested that …": the relative clause's own "that"
    for x in range(k, min(e - 1, k + _LISTENER_REACH)):
        if relative and x in cue_at and cue_at[x].j < e and toks[cue_at[x].j].lower == "that":
            own = cue_at[x].j
        if toks[x].lower == "that" and x != own:
            if any(t.lower in ctx.lex.words.content_nouns for t in toks[k:x]):
                return -1  # "dismissed fears from some members that …": the noun's clause
            return x + 2 if x + 2 < e and toks[x + 1].text == "," else x + 1
        relative = relative or (listener and toks[x].lower in _LISTENER_RELATIVES)
        if (_finite(ctx, x) and not relative) or (toks[x].quote >= 0 and not listener) or toks[x].text in _DASHES:
            return -1
    return -1


_NP_REACH = 6
_DASHES = frozenset({"-", "—", "–", "--"})


def _next_report(ctx: Ctx, x: int, hi: int) -> bool:
    """After a coordinator at ``x``: the speaker's next verb ("and also warned", "but did not
    believe") or a new subject and its speech verb ("and the union claims", "while Smith says")."""
    toks, words, cue_at = ctx.view.toks, ctx.lex.words, ctx.idx.cue_at
    y = x + 1
    while y < hi and (toks[y].lower in words.clause_cut_skips or toks[y].lower.endswith("ly")):
        y += 1
    if (y in cue_at and cue_at[y].kind == "verb" and cue_at[y].klass != "evidential"
            and not toks[y].lower.startswith("continu")):  # "… and would continue doing it" goes on
        # "… and called for standards to be raised" goes on with the same demand (as the seed has it)
        return cue_at[y].j - cue_at[y].i == 1
    if (toks[x].lower == "but" and toks[x - 1].text == "," and y < hi and toks[y].lower.endswith("ed")
            and _finite(ctx, y)):
        return True  # "alleged that the rules were broken, but failed to stop the show": its act
    for z in range(x + 1, min(hi, x + 1 + _NP_REACH)):
        if toks[z].quote >= 0 or toks[z].lower in words.clause_stops:
            return False
        if z in cue_at:  # not a noun: "and his rubble comment was …"
            return (cue_at[z].klass == "speech" and cue_at[z].kind == "verb"
                    and not (z + 1 < hi and _finite(ctx, z + 1)))
        if _finite(ctx, z):
            return False
    return False


_TAIL_WORDS = 3


def _closing_source(ctx: Ctx, x: int, hi: int) -> bool:
    """After a comma at ``x``, a source and its speech verb end the sentence ("…, a new book
    claims.", "…, the council said on Monday."): the words before the comma are its report."""
    toks, cue_at = ctx.view.toks, ctx.idx.cue_at
    for z in range(x + 2, min(hi, x + 2 + _NP_REACH + 2)):
        if z in cue_at:
            rest = [t for t in toks[cue_at[z].j:hi] if t.is_word]
            return cue_at[z].klass == "speech" and cue_at[z].kind == "verb" and len(rest) <= _TAIL_WORDS
        if not toks[z].is_word or _finite(ctx, z):
            return False
    return False


def _word_hyphen(toks: list[Tok], x: int) -> bool:
    """The hyphen at ``x`` joins the words either side of it ("a question-and-answer session",
    "a hit-and-run"): part of a word, not a dash between clauses ("… - and then …")."""
    return 0 < x < len(toks) - 1 and toks[x - 1].end == toks[x].start and toks[x].end == toks[x + 1].start


def clause_end(ctx: Ctx, s: Sentence, k: int) -> int:
    """Where the reported clause from token ``k`` ends (its sentence's end where nothing cuts it).

    Before "and that …" (a second clause), before the speaker's next act ("… and claimed …",
    "… but did not believe …"), before another report ("… and the union says …", "… while Smith
    insists …"), before "…, adding …" / "saying …", "…, despite …" and " - although …".
    """
    toks, words, cue_at = ctx.view.toks, ctx.lex.words, ctx.idx.cue_at
    coordinators = words.coordinators
    for x in range(k + 1, s.hi - 1):
        t = toks[x]
        low = t.lower
        # Most tokens: none of the tests below can hold (a coordinator, "while", an "-ing" cue,
        # a comma, a dash).
        if t.quote >= 0 or not (low in coordinators or low in ("while", "whereas") or t.text == ","
                                or t.text in _DASHES or (x in cue_at and low.endswith("ing"))):
            continue
        if _word_hyphen(toks, x - 1) or _word_hyphen(toks, x + 1):
            continue  # "a question-and-answer session": a word inside a compound cuts nothing
        nxt = toks[x + 1].lower
        if t.lower in words.coordinators or t.lower in ("while", "whereas"):
            if (t.lower in words.coordinators and nxt == "that") or _next_report(ctx, x, s.hi):
                return x
        elif (x in cue_at and t.lower.endswith("ing") and cue_at[x].klass == "speech" and cue_at[x].kind == "verb"
              and toks[x - 1].lower not in words.not_clause_start):
            return x  # "…, adding that …", "… saying …" (not "… by saying …")
        elif t.text == "," and (nxt in words.clause_end_after_comma or _closing_source(ctx, x, s.hi)
                                or _fronted_end(ctx, s, x)):
            return x
        elif t.text in _DASHES and nxt in words.clause_end_after_dash and not _word_hyphen(toks, x):
            return x
    return s.hi


_FRONTED_SUBORDINATORS = frozenset({"while", "whilst", "although", "though", "whereas", "because", "since",
                                    "as", "when", "after", "before", "once", "if", "unless"})
"""Words that open an adverbial clause before a sentence's subject ("While he said …, Smith noted …")."""


def _fronted_end(ctx: Ctx, s: Sentence, x: int) -> bool:
    """"While she admitted costs had risen, Jo Roe also noted the plan was on time": a cue inside
    an adverbial clause that opens the sentence reports up to the comma where the main clause's
    subject and its own speech verb begin (:func:`_next_report` after the comma at ``x``)."""
    toks = ctx.view.toks
    first = s.lo
    while first < s.cue.i and not toks[first].is_word:
        first += 1
    return first < s.cue.i and toks[first].lower in _FRONTED_SUBORDINATORS and _next_report(ctx, x, s.hi)


def _has_and_that(ctx: Ctx, s: Sentence) -> bool:
    """The sentence holds "and that" / "but that" (a coordinator then "that") anywhere."""
    lows, coordinators = ctx.view.lowers, ctx.lex.words.coordinators
    thats = compress(range(s.lo + 1, s.hi), map("that".__eq__, lows[s.lo + 1:s.hi]))
    return any(lows[x - 1] in coordinators for x in thats)


def and_that(ctx: Ctx, s: Sentence) -> list[Attribution] | None:
    """"Jane Smith said the plan was late and that costs had risen": two reports, one a clause.

    The :func:`forward` report, then each further content clause after "and that" / "but that"
    with the same cue and speaker; ``None`` where there is no second clause.
    """
    if not _has_and_that(ctx, s):
        return None  # most sentences: no second clause to look for
    first = forward(ctx, s)
    if not first:
        return None
    view, toks, words = ctx.view, ctx.view.toks, ctx.lex.words
    out = list(first)
    x = next(i for i in range(s.lo, s.hi) if toks[i].end >= out[-1].end) + 1
    while x + 2 < s.hi:
        if toks[x].text == ",":
            x += 1
        if not (toks[x].lower in words.coordinators and toks[x + 1].lower == "that"):
            break
        k = x + 2
        e = _content_end(view, k, clause_end(ctx, s, k))
        if not content_clause(ctx, k, e, that=True):
            break
        out.append(Attribution(_span(view, k, e), "indirect", s.cue, s.mention, [], Rule.FORWARD))
        x = e
    return out if len(out) > 1 else None


def _opens_clause(toks: list[Tok], k: int, content: list[Tok]) -> bool:
    """Token ``k`` can open a reported clause: a word outside quotation marks, or an opening mark
    with three or more of the writer's words after the quotation ("said “superior” tactics could
    …", "said that “who did it” remains under investigation")."""
    quoted = sum(t.quote >= 0 for t in content)
    if toks[k].is_word and toks[k].quote < 0:
        return quoted < len(content)
    return (k + 1 < len(toks) and toks[k + 1].quote >= 0 and not toks[k].is_word
            and len(content) - quoted >= _OWN_WORDS)


def _relative_end(ctx: Ctx, k: int, e: int) -> int:
    """"The plan, which she said would fail, was dropped": a relative clause set off by commas
    ends at the next comma outside quotation marks (``e`` where there is none)."""
    toks = ctx.view.toks
    for x in range(k + 1, e):
        if toks[x].text == "," and toks[x].quote < 0:
            return x
    return e


def _after_that(toks: list[Tok], k: int) -> bool:
    """Token ``k`` follows "that", or "that," ("said that, if elected, he would …")."""
    return (k > 0 and toks[k - 1].lower == "that") or (k > 1 and toks[k - 1].text == "," and toks[k - 2].lower == "that")


_OBJECT_PARTICLES = frozenset({"for", "on"})
"""Last words of a phrasal cue that take a noun-phrase object ("called for a ban", "called on the board")."""


def _object_particle(ctx: Ctx, c: Cue) -> bool:
    """"called for ‘urgent’ protection after a storm hit", "called on the board to resign": a
    phrasal cue ending in a preposition takes a noun phrase, never a content clause; only its
    infinitive ("called on the board to resign") can report (a finite verb further on belongs to
    the writer's own adjunct: "after a storm hit")."""
    return c.j - c.i > 1 and ctx.view.toks[c.j - 1].lower in _OBJECT_PARTICLES


def _demand_start(ctx: Ctx, s: Sentence, k: int) -> int:
    """"urged the union to return to talks", "called on ministers to act": an infinitival report
    starts at the cue's object (the one told to act), as the seed and BBC annotations have it,
    not at "to"; where the speaker follows the cue ("urged Smith, …"), at ``k``."""
    if ctx.idx.ments[s.mention].i >= s.cue.j:
        return k
    return s.cue.j


def forward(ctx: Ctx, s: Sentence) -> list[Attribution] | None:
    """"Jane Smith said (that) CLAUSE", "told MPs CLAUSE"; it stops where "and criticized …" starts.

    CLAUSE must be a :func:`content_clause`; "told a veterans group that CLAUSE" looks past the
    listener for "that". Not "announced plans to cut jobs" nor "insisted on a recount".
    """
    c, toks, words = s.cue, ctx.view.toks, ctx.lex.words
    k = _clause_start(ctx, s)
    mt = ctx.idx.ments[s.mention]
    if mt.i == k - (mt.j - mt.i) and mt.i >= c.j and k < s.hi and _finite(ctx, k):
        k = mt.i  # "said Big Brother had behaved badly": the name is the clause's subject
    e = _content_end(ctx.view, k, clause_end(ctx, s, k))
    # "allegations which he said had been made", "a show they claim is a copy": the relative
    # pronoun before the speaker (or none, as in the second) is the clause's subject, so its
    # verb comes first; a finite verb right after the cue says so whatever a tagger calls it.
    gap = mt.i > 0 and mt.i < c.i and (toks[mt.i - 1].lower in words.clause_gap_words or (k < e and _finite(ctx, k)))
    if gap and mt.i > 1 and toks[mt.i - 2].text == "," and toks[mt.i - 1].lower in words.relative_pronouns:
        e = _relative_end(ctx, k, e)
    if _object_particle(ctx, c) or not content_clause(ctx, k, e, that=_after_that(toks, k) or gap):
        later = -1 if _object_particle(ctx, c) else _that_later(ctx, k, e, toks[c.i].lower in words.tell_verbs)
        if later >= 0 and content_clause(ctx, later, e, that=True):
            k = later
        elif not infinitival(ctx, c, k, e):
            return None
        else:
            k = _demand_start(ctx, s, k)
    if toks[k].lower in _WH_WORDS and (c.passive or toks[c.i - 1].lower == "to"):
        return None  # "X was asked how …" (X is asked), "declined to say whether …" (nothing said)
    content = [t for t in toks[k:e] if t.is_word]
    if (len(content) >= 3 and _opens_clause(toks, k, content)
            and (ctx.idx.ments[s.mention].i < c.i or (c.klass == "speech" and c.kind != "according"))):
        return [Attribution(_span(ctx.view, k, e), "indirect", c, s.mention, [], Rule.FORWARD)]
    return None


_TAIL_REACH = 6
_OWNER_REACH = 6


def _owned_closing_source(ctx: Ctx, c: Cue, m_end: int, last: int, hi: int) -> bool:
    """The cue is a verb right after its speaker's head with no object after it ("…, the firm's
    boss has announced."), not a noun ("the Tulsa protest") nor "dismissed the plan as …"."""
    toks, words = ctx.view.toks, ctx.lex.words
    return (m_end <= c.i <= m_end + 2 and toks[c.i].lower not in words.noun_like_cues
            and not (last < hi and toks[last].lower in words.nominal_determiners))


def _owner_start(ctx: Ctx, x: int, lo: int) -> int:
    """Where the speaker's phrase starts when its mention ``x`` is only its head ("CLAUSE, the
    force's Chief Constable said", "…, the company’s chief executive has announced"): the first
    word after the comma before it, within six tokens with no coordinator, preposition or verb,
    else ``x``."""
    toks, words = ctx.view.toks, ctx.lex.words
    for z in range(x - 1, max(lo, x - 1 - _OWNER_REACH), -1):
        t = toks[z]
        if t.text == ",":
            return z + 1
        if t.lower in words.possessive_marks:
            continue
        if not t.is_word or t.lower in words.coordinators or t.lower in words.not_clause_start or _finite(ctx, z):
            return x  # "…, as he said, …": a comparison, not the source of the words before
    return x


def _tail_end(ctx: Ctx, x: int, hi: int) -> int:
    """Where the words after a closing source end ("CLAUSE, the council has announced, after a
    review found …"): at a comma right after the source (or its weekday: "said on Monday,")
    and a word opening the writer's own adjunct (``report_tail_openers``), else ``hi``."""
    toks, words = ctx.view.toks, ctx.lex.words
    if x + 2 < hi and toks[x].lower in words.report_prepositions and toks[x + 1].lower in words.weekdays:
        x += 2
    if x + 1 < hi and toks[x].text == "," and toks[x + 1].lower in words.report_tail_openers:
        return x
    return hi


_OPENING_WORDS = 8


def _resumed(ctx: Ctx, s: Sentence, k: int, e: int, x: int) -> tuple[int, int] | None:
    """"Her pupils, she said, had been told …", "That might, he suggests, lead to …", "As with
    the last vote, he says, the result will …": a clause the source interrupts between commas.
    Its opening ``k..e-1`` (at most eight words, all the writer's) has no finite verb and the
    words after the second comma open with one, or the opening ends in an auxiliary or modal and
    a lower-case verb goes on, or the opening is a prepositional adverbial and a whole clause
    follows. Returns the span of the words after the source, or ``None``."""
    toks, words = ctx.view.toks, ctx.lex.words
    if x + 1 < s.hi and toks[x].lower in words.report_prepositions and toks[x + 1].lower in words.weekdays:
        x += 2  # "The decision, Ms Roe said on Monday, was final."
    y = x + 1
    if not (y < s.hi and toks[x].text == "," and 0 < e - k and toks[y].is_word and toks[y].quote < 0):
        return None
    opening = [t for t in toks[k:e] if t.is_word]
    if (len(opening) != e - k or len(opening) > _OPENING_WORDS or toks[y].is_cap
            or toks[y].lower in words.coordinators or y in ctx.idx.cue_at):
        return None  # "…, she said, adding …", "…, he said, and …": the source's own words go on
    verb_first = not any(_finite(ctx, z) for z in range(k, e)) and _finite(ctx, y)
    end = _content_end(ctx.view, y, clause_end(ctx, s, y))
    opener = toks[k].lower in words.not_clause_start and not any(_finite(ctx, z) for z in range(k, e))
    if opener and toks[y].lower in words.clause_subjects and content_clause(ctx, y, end):
        return (toks[y].start, toks[end - 1].end)  # "As with the last vote, he says, the result will …"
    if not verb_first and toks[e - 1].lower not in words.finite_forms:
        return None
    return (toks[y].start, toks[end - 1].end) if end - y >= 2 else None


def backward(ctx: Ctx, s: Sentence) -> list[Attribution] | None:
    """"CLAUSE, Jane Smith said." / "CLAUSE, said Smith." (at most six words after the cue, or
    before ", after …": :func:`_tail_end`); a CLAUSE ending in a quotation mark needs no comma
    ('… a “stellar year” said Smith.'); "SUBJECT, she said, VERB …" is one clause in two parts
    (:func:`_resumed`)."""
    c, toks, mt = s.cue, ctx.view.toks, ctx.idx.ments[s.mention]
    first, last_tok = min(c.i, mt.i), max(c.j, mt.j)
    if _owned_closing_source(ctx, c, mt.j, last_tok, s.hi):
        first = _owner_start(ctx, first, s.lo)
    if c.klass == "stance" or first - 1 <= s.lo:
        return []
    if toks[first - 1].text in (",", "—", "–"):
        e = first - 1
    elif toks[first - 1].quote < 0 and not toks[first - 1].is_word and toks[first - 2].quote >= 0:
        e = first  # '2009 was a “stellar year” said Jo Roe': no comma after the closing mark
    else:
        return []
    if toks[e - 1].lower == "that":
        return []  # "Even Smith admitted that, had he …, he would have said so": a clause of its own
    if last_tok < s.hi and toks[last_tok].lower in ("a", "an", "the") and toks[c.i].lower not in ctx.lex.words.tell_verbs:
        return []  # "…, the mayor dismissed the plan as a stunt": the cue's object, not a closing source
    k = skip_dateline(ctx.view, s.lo)
    while k < e and not toks[k].is_word:
        k += 1
    rest = _resumed(ctx, s, k, e, last_tok)
    if rest is not None:
        return [Attribution([*_span(ctx.view, k, e), rest], "indirect", c, s.mention, [], Rule.BACKWARD)]
    near = mt.j <= c.i <= mt.j + 2 and not toks[c.i].lower.endswith("ing")  # "X has announced"
    if len([t for t in toks[last_tok:_tail_end(ctx, last_tok, s.hi) if near else s.hi] if t.is_word]) > _TAIL_REACH:
        return []
    words = [t for t in toks[k:e] if t.is_word]
    if (len(words) >= 3 and sum(t.quote >= 0 for t in words) < len(words) * 0.5
            and any(_finite(ctx, x) for x in range(k, e))):
        return [Attribution(_span(ctx.view, k, e), "indirect", c, s.mention, [], Rule.BACKWARD)]
    return []


def _owner(ctx: Ctx, c: Cue, lo: int) -> int | None:
    """"seized on Jo Roe’s claim that …", "rejected the Harbour Union's claims that …": the
    mention that owns a cue written as a noun (``noun_like_cues``) with a "that" clause is its
    source, not the sentence's subject. ``None`` where the cue is not so owned ("Jo Roe's
    comments came after …"); :data:`NO_OWNER` where its owner is no mention ("the union's
    claims that …": not the sentence's subject either)."""
    toks, words = ctx.view.toks, ctx.lex.words
    if c.j - c.i != 1 or c.i - 2 < lo or c.j >= len(toks) or toks[c.i].lower not in words.noun_like_cues:
        return None
    if toks[c.i - 1].lower not in words.possessive_marks or toks[c.j].lower != "that":
        return None
    return ctx.idx.end_at.get(c.i - 1, NO_OWNER)


NO_OWNER = -1
"""What :func:`_owner` returns for an owned cue whose owner is not a mention."""


ReportedRule = Callable[[Ctx, Sentence], "list[Attribution] | None"]

UNSOURCED_RULES: tuple[ReportedRule, ...] = (headline, not_speech, asked, unsourced)
SOURCED_RULES: tuple[ReportedRule, ...] = (according, and_that, forward, backward)
REPORTED_ORDER = (*UNSOURCED_RULES, speaker_of, *SOURCED_RULES)
"""The order :func:`reported_speech` works in (see the module docstring)."""


REPORT_REACH = 150
"""Tokens a report may reach before or after its cue (far beyond any real sentence's clause)."""


def _report(ctx: Ctx, c: Cue, rules: tuple[ReportedRule, ...] = SOURCED_RULES) -> list[Attribution]:
    """The reported speech of one cue (``rules``: the sourced rules to try)."""
    toks = ctx.view.toks
    s_lo, s_hi = ctx.view.sents[toks[c.i].sent]
    # A report reaches at most REPORT_REACH tokens either side of its cue, so that one
    # "sentence" of thousands of tokens (a list, a transcript without full stops) costs each
    # cue a bounded amount of work instead of the whole sentence (quadratic time).
    s_lo, s_hi = max(s_lo, c.i - REPORT_REACH), min(s_hi, c.j + REPORT_REACH)
    site = Sentence(c, s_lo, s_hi)
    for rule in UNSOURCED_RULES:
        found = rule(ctx, site)
        if found is not None:
            return found
    m = _owner(ctx, c, s_lo)
    if m is None:
        m = speaker_of(ctx, c, s_lo, s_hi)
    if m is None or m == NO_OWNER:
        return []
    site = Sentence(c, s_lo, s_hi, m)
    for rule in rules:
        found = rule(ctx, site)
        if found is not None:
            return found
    return []


def reported_speech(ctx: Ctx, cues: list[Cue], used: set[int], direct: list[Attribution]) -> list[Attribution]:
    """Reported speech around every cue that no direct quotation took.

    Args:
        ctx: The document, lexicons and mentions.
        cues: Cues from stage 2.
        used: First tokens of the cues direct quotations took (they report only a clause after them).
        direct: The direct and partial attributions.

    Returns:
        The indirect attributions, overlaps resolved.
    """
    toks = ctx.view.toks
    out: list[Attribution] = []
    for c in cues:
        if c.kind in ("copula", "colon") or toks[c.i].quote >= 0:
            continue
        if toks[c.i].lower.startswith("continu"):
            continue  # "The statement continued, “…”" introduces quotations only
        # '“… in the playground.” She also said that CLAUSE': a cue a quotation before it took
        # may still report the clause after it (never one before it: that is the quotation).
        out.extend(_report(ctx, c, (and_that, forward) if c.i in used else SOURCED_RULES))
    return resolve_overlaps(ctx.view, out, direct)


def _cut_at_partial(view: View, att: Attribution, partials: list[tuple[int, int]]) -> None:
    """A quoted fragment the report only half covers: the report stops before it (by characters:
    the fragment may start inside a token, e.g. after ":'“"); with under three words left, it goes."""
    for s, e in partials:
        if s < att.end and att.start < e and not (att.start <= s and e <= att.end):
            end = s
            while end > att.start and not view.norm[end - 1].isalnum():
                end -= 1
            if len(view.norm[att.start:end].split()) < 3:
                att.parts = []
                return
            att.parts = [(att.start, min(att.end, end))]


def resolve_overlaps(view: View, reported: list[Attribution], direct: list[Attribution]) -> list[Attribution]:
    """Reported speech never overlaps a direct quotation (a partial one may sit inside it), nor
    other reported speech: a report nested in another is left to the outer one, and of two that
    cross, the first ends where the second starts.

    Args:
        view: The document view.
        reported: Reported speech (changed in place where cut).
        direct: The direct and partial quotations.

    Returns:
        The reported speech that is kept, in text order.
    """
    spans = [(x.start, x.end) for x in direct if x.kind == "direct"]
    partials = [(x.start, x.end) for x in direct if x.kind == "partial"]
    keep: list[Attribution] = []
    for att in sorted(reported, key=lambda x: (x.start, -x.end)):
        if any(s < att.end and att.start < e for s, e in spans):
            continue
        _cut_at_partial(view, att, partials)
        if not att.parts:
            continue
        if keep and att.start < keep[-1].end:
            prev = keep[-1]
            if att.end <= prev.end:
                continue
            e = _content_end(view, view.tok_at(prev.start), view.tok_at(att.start))
            if e <= view.tok_at(prev.start):
                keep.pop()
            else:
                prev.parts = [(prev.start, min(prev.end, view.toks[e - 1].end))]
        keep.append(att)
    return keep
