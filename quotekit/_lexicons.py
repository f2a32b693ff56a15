"""Lexicons: speech verbs, titles, organization words, names, and the small word lists the rules
read. Data files in ``quotekit/data/<lang>/``, one folder per language."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path

from ._errors import QuotekitError

_FILES = (
    "speech_verbs.tsv", "cue_phrases.txt", "first_names.tsv", "honorifics.tsv", "roles.txt",
    "role_heads.txt", "role_modifiers.txt", "org_words.txt", "person_nouns.tsv",
    "statement_nouns.txt", "title_cues.txt", "pronouns.tsv", "occupations.txt", "confidence.tsv",
)


@dataclass(frozen=True)
class WordLists:
    """The small word lists the rules read, one file each: ``words/<field>.txt`` of a language's folder.

    Each file holds one lowercase word or phrase a line, after ``#`` lines saying what the list
    is for and where it comes from.

    Attributes:
        skip_before_cue: Adverbs and auxiliaries between a subject and its verb ("also", "has").
        be_forms: Forms of "be" ("was saying" is not a participle clause).
        place_prepositions: Prepositions that put a place after a subject ("Traders in Saltmere").
        no_inversion: Verbs whose next noun is an object, never a subject ("told").
        clause_boundary: Words that end the clause a subject is looked for in ("but").
        group_subject_starts: Words that open a subject with no name ("Some", "People").
        clause_openers: Conjunctions skipped before a sentence's subject ("But").
        leading_adverbials: Words that open a phrase before the subject ("At …, Smith said").
        filler: Words between a cue and its quotation ("said in a statement:"), besides weekdays.
        gap_words: Words between "she said" and the rest of an interrupted quotation, besides weekdays.
        not_clause_start: Words a reported clause does not start with ("said in …"), besides weekdays.
        when_where: Words after "on" that say where a report was made ("on Twitter"), besides weekdays.
        tell_verbs: Verbs whose listener stands before the reported clause ("told MPs …").
        listeners: Listeners as the object of "told" ("reporters", "them").
        new_report_verbs: Speech verbs that start a new report after "and" ("and added").
        title_words: Words before an opening mark that make the quotation a title or term ("dubbed").
        term_prepositions: "as" before an opening mark: a name or term unless someone is said to call it that.
        term_as_heads: Words before "as" that make a name, term or example in any sentence ("such as", "known as").
        list_joiners: Words besides commas that join quoted items of one list ("“a”, “b” and “c”").
        initials_skip: Words left out of an organization's initials ("Bank of England" is BE): function words ins
        unnamed_source_prefixes: Starts of head nouns of unnamed speakers that take the organization named near them ("spok
        pronoun_source_prefixes: Starts of head nouns of unnamed speakers that a later he or she may refer to ("a spokesman
        statement_determiners: Determiners that point back to a statement already named ("the statement", "its statement"
        anaphoric_determiners: Determiners that point back to an unnamed speaker already named ("the spokesman").
        role_determiners: Determiners before a title in an appositive ("Jane Smith, the party's leader").
        role_org_prepositions: Prepositions between a title and its organization ("chief executive of Acme", "spokeswoman
        org_name_joiners: Words that join capitalised words into one organization name ("Bank of England", "Marks &
        heading_verbs: Verbs of leading a body and the role they give ("X, who heads the Y"): verb, a space, role
        person_pronouns: Pronouns that refer to a person (a speaker mention with no entity is typed person).
        relative_pronouns: Relative pronouns that stand for the name before them ("Jane Doe, who said").
        coordinators: Coordinating conjunctions that start a new clause with the same subject ("… and said").
        inverted_nominal_starts: Determiners that start an inverted unnamed subject ("asked the boy", "said one resident").
        inverted_pronouns: Pronouns that may follow their verb after a quotation ("“…,” said he").
        dummy_subjects: Pronouns that open a sentence without referring to a speaker ("It was said", "There were c
        report_prepositions: Prepositions before when or where a report was made ("said on Tuesday that", "wrote in a l
        title_naming_verbs: Participles that, after a noun in the title-cue list, make the quotation a name ("a film c
        speaker_followers: Words that may follow an inverted speaker ("said Smith on Tuesday").
        clause_gap_words: Pronouns before a speaker that are the reported clause's subject ("which he said had").
        weekdays: Days of the week.
        months: Months of the year.
        not_names: Capitalised words that never start a name ("The", "But"), besides weekdays and months.
        stop_words: spaCy's English stop words.
        stop_words_as_names: Stop words that do start a mention at a sentence start ("Others", "Twenty").
        holder_words: Words before a title that describe its holder ("Former", "Local").
        name_connectors: Words joining name words into one name ("of", "van", "&").
        name_conjunctions: "and" inside an organization's name.
        org_name_prepositions: Prepositions that let an organization's name hold "and" ("of", "for").
        name_breaks: Capitalised words that end a name ("I").
        title_honorifics: Honorifics that start a name at a sentence start ("mr").
        possessive_marks: Tokens after a name that make it possessive ("’s").
        definite_articles: "the".
        nominal_determiners: Words that start an unnamed-speaker mention ("a", "two", "their").
        nominal_left_stops: Words that end an unnamed speaker's left edge ("said", "of").
        nominal_org_prepositions: Prepositions before an unnamed speaker's organization ("for").
        noun_like_cues: Cue forms as often nouns ("reports", "claims").
        noun_determiners: Words that make a following cue form a noun ("the attacks").
        naming_verbs: Verbs of naming ("called", "branded").
        copulas: Forms of "be" that introduce a quotation.
        passive_auxiliaries: Auxiliaries of an agentless passive ("was", "got").
        source_phrases: Two-word phrases that name a source after them ("according to").
        say_forms: Forms of "say" a tagger may tag as nouns.
        cue_adverbs: Words skipped before a passive participle ("also", "widely").
        ly_non_adverbs: Words in -ly that are not adverbs ("only", "early").
        elisions: Words after an eliding apostrophe ("em" of ’em).
        role_keep_modifiers: Words before a title that stay in the role ("former", "ex", "retired").
        role_drop_words: Evaluative words left out of a role ("veteran", "independent").
        not_roles: Person nouns that are never a role ("friend", "fans", "rival").
        office_titles: Heads of offices news refers back to by title alone ("the prime minister said").
        epithet_nouns: Nouns "the ..." calls the person just named by ("the striker", "the tycoon").
        boss_titles: Titles news calls "boss" ("manager", "chief executive": "the Kentside boss").
        generic_body_nouns: Nouns "the ..." calls the one body just named by ("the club", "the firm").
        legal_form_suffixes: Words of a company's legal form that end its name ("Acme Ltd" is "Acme").
        other_office_modifiers: Words that make a title another office ("deputy prime minister").
        title_abbreviations: An abbreviated title and the title it stands for, one pair an entry
            ("gov. governor"): "Gov. Jo Roe … the governor said".
        non_anaphoric_modifiers: Words that make "the ... title" a description, not a person named before ("the next president").
        portfolio_prepositions: Prepositions that carry a title's portfolio ("director of adult social care").
        org_name_ends: Nouns that end an organization's name, not a title ("party" of "Kentland Freedom Party leader").
        clause_subjects: Words that open the subject of a content clause ("said HE would", "said THE plan was").
        finite_forms: Finite auxiliaries, modals and irregular past-tense verbs ("was", "would", "went").
        non_subject_starts: Prepositions and particles that never open a clause's subject ("on", "against").
        clause_stops: Words opening a clause inside a noun phrase ("which", "that").
        directive_verbs: Speech verb forms whose infinitive is reported speech ("urged X to act").
        clause_cut_skips: Adverbs and auxiliaries between "and"/"but" and the speaker's next verb.
        content_nouns: Nouns whose "that" clause is their own ("dismissed claims that …").
        clause_end_after_comma: Words that end a reported clause after a comma ("despite").
        clause_end_after_dash: Words that end a reported clause after a spaced dash ("although").
        report_tail_openers: Words opening the writer's adjunct after "CLAUSE, X said," ("after").
        party_words: Party names and adjectives written before a title ("Republican", "Tory"): organization and party.
        constituency_titles: Legislators' titles whose place is their seat, not an organization ("MP for Kentside").
        title_predicate_words: Words before a title that make it said of someone else ("as US President, X said").
        title_body_nouns: Lower-case nouns before a title that name its body ("party" of "party chairman X").
        body_tiers: Levels of public bodies that make a lower-case possessor a body ("county" of "the county council's").
        title_now_words: Adverbs after "is" that mark the title held now ("who is now a program officer").
        body_kind_nouns: Nouns that stand for a body the article names, each with the last words of such names
            ("force constabulary police": "the force" is "… Constabulary" or "… Police").
        name_body_tails: Nouns after a name that make it a body speaking as one ("the Acme campaign says").
        one_of_kind_determiners: Determiners that pick one of a kind before a title and a comma ("said one fisherman, Jo Roe").
        perfect_auxiliaries: Auxiliaries of the perfect before a heading verb's participle ("who has run the Y").
        appointment_participles: Participles of taking up a post after "was"/"has been" ("who was elected as a delegate").
        as_title_determiners: Possessive determiners after "X as" that give X a post of the owner ("chose X as their nominee").
        home_prepositions: Prepositions after a title that may name a home town, not a body ("a plumber from Kentside").
        identity_adjectives: Religion and ethnicity adjectives between a title's owner and the title ("Kentside's Muslim mayor").
        chamber_titles: Legislators' pre-name titles and their chamber, a space between ("senator senate").
        joint_nominals: Words of a nominal that stands for two names said together ("the two companies", "both
            groups", "the pair").
        absolute_openers: Words that open a clause with its own subject before a participle ("with X saying").
        figure_nouns: Nouns of figures a body publishes ("according to the Acme Polls average", "Acme figures").
        negations: Negators between an auxiliary and its verb ("is not saying", "isn't saying").
        adjective_suffixes: Endings of adjectives before a noun ("spontaneous chants").
        phrase_prepositions: Prepositions before such an adjective and a noun ("to spontaneous chants").
        membership_titles: Titles that say only that one belongs to a group ("a member of the budget caucus").
        author_titles: Titles of a work's maker, whose "of" names the work, not a body ("author of The Long Road").
        affiliation_verbs: Verbs of working at a body that give no title ("X, who teaches at the Y").
    """

    skip_before_cue: frozenset[str]
    be_forms: frozenset[str]
    place_prepositions: frozenset[str]
    no_inversion: frozenset[str]
    clause_boundary: frozenset[str]
    group_subject_starts: frozenset[str]
    clause_openers: frozenset[str]
    leading_adverbials: frozenset[str]
    filler: frozenset[str]
    gap_words: frozenset[str]
    not_clause_start: frozenset[str]
    when_where: frozenset[str]
    tell_verbs: frozenset[str]
    listeners: frozenset[str]
    new_report_verbs: frozenset[str]
    title_words: frozenset[str]
    term_prepositions: frozenset[str]
    term_as_heads: frozenset[str]
    list_joiners: frozenset[str]
    initials_skip: frozenset[str]
    unnamed_source_prefixes: frozenset[str]
    pronoun_source_prefixes: frozenset[str]
    statement_determiners: frozenset[str]
    anaphoric_determiners: frozenset[str]
    role_determiners: frozenset[str]
    role_org_prepositions: frozenset[str]
    org_name_joiners: frozenset[str]
    heading_verbs: frozenset[str]
    person_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    coordinators: frozenset[str]
    inverted_nominal_starts: frozenset[str]
    inverted_pronouns: frozenset[str]
    dummy_subjects: frozenset[str]
    report_prepositions: frozenset[str]
    title_naming_verbs: frozenset[str]
    speaker_followers: frozenset[str]
    clause_gap_words: frozenset[str]
    weekdays: frozenset[str]
    months: frozenset[str]
    not_names: frozenset[str]
    stop_words: frozenset[str]
    stop_words_as_names: frozenset[str]
    holder_words: frozenset[str]
    name_connectors: frozenset[str]
    name_conjunctions: frozenset[str]
    org_name_prepositions: frozenset[str]
    name_breaks: frozenset[str]
    title_honorifics: frozenset[str]
    possessive_marks: frozenset[str]
    definite_articles: frozenset[str]
    nominal_determiners: frozenset[str]
    nominal_left_stops: frozenset[str]
    nominal_org_prepositions: frozenset[str]
    noun_like_cues: frozenset[str]
    noun_determiners: frozenset[str]
    naming_verbs: frozenset[str]
    copulas: frozenset[str]
    passive_auxiliaries: frozenset[str]
    source_phrases: frozenset[str]
    say_forms: frozenset[str]
    cue_adverbs: frozenset[str]
    ly_non_adverbs: frozenset[str]
    elisions: frozenset[str]
    role_keep_modifiers: frozenset[str]
    role_drop_words: frozenset[str]
    not_roles: frozenset[str]
    office_titles: frozenset[str]
    epithet_nouns: frozenset[str]
    boss_titles: frozenset[str]
    generic_body_nouns: frozenset[str]
    legal_form_suffixes: frozenset[str]
    other_office_modifiers: frozenset[str]
    title_abbreviations: frozenset[str]
    non_anaphoric_modifiers: frozenset[str]
    portfolio_prepositions: frozenset[str]
    org_name_ends: frozenset[str]
    clause_subjects: frozenset[str]
    finite_forms: frozenset[str]
    non_subject_starts: frozenset[str]
    clause_stops: frozenset[str]
    directive_verbs: frozenset[str]
    clause_cut_skips: frozenset[str]
    content_nouns: frozenset[str]
    clause_end_after_comma: frozenset[str]
    clause_end_after_dash: frozenset[str]
    report_tail_openers: frozenset[str]
    party_words: frozenset[str]
    constituency_titles: frozenset[str]
    title_predicate_words: frozenset[str]
    title_body_nouns: frozenset[str]
    body_tiers: frozenset[str]
    title_now_words: frozenset[str]
    body_kind_nouns: frozenset[str]
    name_body_tails: frozenset[str]
    one_of_kind_determiners: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    appointment_participles: frozenset[str]
    as_title_determiners: frozenset[str]
    home_prepositions: frozenset[str]
    identity_adjectives: frozenset[str]
    chamber_titles: frozenset[str]
    joint_nominals: frozenset[str]
    absolute_openers: frozenset[str]
    figure_nouns: frozenset[str]
    negations: frozenset[str]
    adjective_suffixes: frozenset[str]
    phrase_prepositions: frozenset[str]
    membership_titles: frozenset[str]
    author_titles: frozenset[str]
    affiliation_verbs: frozenset[str]


#: The word-list files, relative to a language's folder.
_WORD_FILES = tuple(f"words/{f.name}.txt" for f in fields(WordLists))


def _inflect(lemma: str) -> list[str]:
    """Regular English inflections of a verb: say-s, -ed, -ing (irregular ones are listed in data)."""
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    return [lemma, third, past, ing]


@dataclass(frozen=True)
class Lexicons:
    """Word lists quotekit reads with. Load the shipped ones with :func:`default_lexicons`.

    Attributes:
        cue_words: Lowercase one-word cue form -> class (``"speech"``, ``"belief"``, ``"stance"``
            or ``"evidential"``).
        cue_multi: Lowercase multi-word cue forms ("called on", "pointed out") -> class.
        cue_phrases: Lowercase multi-word source phrases ("according to").
        first_names: First name -> ``"f"``, ``"m"`` or ``"-"`` (a person's first name that does not
            tell the gender, such as "Robin").
        honorifics: Lowercase honorific (``"ms"``, ``"ms."``) -> ``"f"``, ``"m"`` or ``"-"``.
        roles: Lowercase titles, as word tuples.
        role_heads: Lowercase generic title heads ("director").
        role_modifiers: Lowercase title modifiers ("deputy", "shadow").
        org_words: Lowercase words that make a name an organization ("police", "party").
        person_nouns: Lowercase noun -> (gender, number) for unnamed speakers ("spokesman").
        statement_nouns: Lowercase nouns a body speaks through ("statement").
        title_cues: Lowercase words that mark a quoted title or scare quote ("so-called").
        pronouns: Lowercase personal pronoun -> (gender, number) for pronoun speakers ("he").
        occupations: Lowercase occupations, as word tuples ("nurse", "flight attendant"); roles
            only where written in lower case.
        words: The small word lists the rules read (:class:`WordLists`).
    """

    cue_words: dict[str, str]
    cue_multi: dict[tuple[str, ...], str]
    cue_phrases: frozenset[tuple[str, ...]]
    first_names: dict[str, str]
    honorifics: dict[str, str]
    roles: frozenset[tuple[str, ...]]
    role_heads: frozenset[str]
    role_modifiers: frozenset[str]
    org_words: frozenset[str]
    person_nouns: dict[str, tuple[str, str]]
    statement_nouns: frozenset[str]
    title_cues: frozenset[tuple[str, ...]]
    pronouns: dict[str, tuple[str, str]]
    occupations: frozenset[tuple[str, ...]]
    confidence: dict[tuple[str, str], float]
    words: WordLists

    def confidence_of(self, rule: str, kind: str) -> float:
        """How often a quotation of this rule and kind is right (``confidence.tsv``): the pair's
        measured rate, else the rule's mean, else that of quotations no rule attributed."""
        found = self.confidence.get((rule, kind))
        if found is not None:
            return found
        same_rule = [v for (r, _), v in self.confidence.items() if r == rule]
        if same_rule:
            return round(sum(same_rule) / len(same_rule), 3)
        fallback = [v for (r, _), v in self.confidence.items() if r == "none"]
        return round(sum(fallback) / len(fallback), 3) if fallback else 0.5

    @functools.cached_property
    def max_role_len(self) -> int:
        """Length in words of the longest title."""
        return max((len(r) for r in self.roles), default=1)

    @functools.cached_property
    def heading_roles(self) -> dict[str, str | None]:
        """Verb of leading a body -> the role it gives ("heads" -> "head"; "runs" -> None, the body only),
        from ``words.heading_verbs``."""
        rows = (line.split() for line in self.words.heading_verbs)
        return {verb: (None if role == "-" else role) for verb, role, *_ in rows}

    @functools.cached_property
    def heading_participles(self) -> dict[str, str | None]:
        """Past participle of a verb of leading a body -> the role it gives after "has" ("headed" ->
        "head"; "run" -> None), from the third column of ``words.heading_verbs``."""
        rows = (line.split() for line in self.words.heading_verbs)
        return {rest[0]: (None if role == "-" else role) for _, role, *rest in rows if rest}

    @functools.cached_property
    def spelled_titles(self) -> dict[str, str]:
        """Abbreviated title -> the title written out ("gov." -> "governor"), from
        ``words.title_abbreviations``."""
        return dict(pair.split(" ", 1) for pair in self.words.title_abbreviations)

    @functools.cached_property
    def title_chambers(self) -> dict[str, str]:
        """Legislator's title -> the chamber it sits in ("senator" -> "senate"), from
        ``words.chamber_titles``."""
        return dict(pair.split(" ", 1) for pair in self.words.chamber_titles)

    @functools.cached_property
    def body_kinds(self) -> dict[str, frozenset[str]]:
        """Noun of a kind of body -> the name endings it implies ("force" -> constabulary, police; a
        noun with none listed implies itself), from ``words.body_kind_nouns``."""
        kinds = {}
        for line in self.words.body_kind_nouns:
            noun, *ends = line.split()
            kinds[noun] = frozenset(ends or [noun])
        return kinds

    @functools.cached_property
    def title_ends(self) -> frozenset[str]:
        """Words a title can end with: the last words of titles and occupations, and generic heads."""
        return frozenset(r[-1] for r in self.roles if r) | frozenset(o[-1] for o in self.occupations if o) | self.role_heads

    @functools.cached_property
    def max_job_len(self) -> int:
        """Length in words of the longest title or occupation."""
        return max(self.max_role_len, max((len(r) for r in self.occupations), default=1))

    @functools.cached_property
    def job_starts(self) -> frozenset[str]:
        """Words a title or an occupation can start with."""
        return self.role_starts | frozenset(r[0] for r in self.occupations if r)

    @functools.cached_property
    def one_word_roles(self) -> frozenset[str]:
        """Titles of one word ("spokesman", "mayor")."""
        return frozenset(r[0] for r in self.roles if len(r) == 1)

    @functools.cached_property
    def cue_multi_first(self) -> frozenset[str]:
        """First words of the multi-word cues ("called" of "called on")."""
        return frozenset(k[0] for k in self.cue_multi)

    @functools.cached_property
    def cue_starts(self) -> frozenset[str]:
        """Words a lexicon cue can start with ("said", "called" of "called on")."""
        return frozenset(self.cue_words) | self.cue_multi_first

    @functools.cached_property
    def role_starts(self) -> frozenset[str]:
        """Words a title can start with: first words of titles, modifiers and heads."""
        return frozenset(r[0] for r in self.roles if r) | self.role_modifiers | self.role_heads

    @functools.cached_property
    def nominal_heads(self) -> frozenset[str]:
        """Heads of unnamed speakers: person nouns ("spokesman") and statement nouns."""
        return frozenset(self.person_nouns) | self.statement_nouns

    @functools.cached_property
    def lower_first_names(self) -> frozenset[str]:
        """The first names in lower case (entities compare lower-case name words)."""
        return frozenset(n.lower() for n in self.first_names)

    @functools.cached_property
    def never_names(self) -> frozenset[str]:
        """Capitalised words that never start a name: the ``not_names`` list, weekdays and months."""
        w = self.words
        return w.not_names | w.weekdays | w.months

    @functools.cached_property
    def stop_not_names(self) -> frozenset[str]:
        """Stop words that, alone and capitalised at a sentence start, are not a name ("Indeed")."""
        return self.words.stop_words - self.words.stop_words_as_names

    @functools.cached_property
    def source_pairs(self) -> frozenset[tuple[str, ...]]:
        """The two-word source phrases as word pairs (("according", "to"))."""
        return frozenset(tuple(p.split()) for p in self.words.source_phrases)

    @functools.cached_property
    def cue_triggers(self) -> frozenset[str]:
        """Words that can start a cue: the lexicon's, the first words of source phrases ("according"),
        naming verbs ("called"), copulas ("was") and the colon."""
        w = self.words
        return frozenset(p[0] for p in self.source_pairs) | w.naming_verbs | w.copulas | {":"} | self.cue_starts

    @functools.cached_property
    def mention_starts(self) -> frozenset[str]:
        """Words a mention other than a capitalised name can start with: pronouns, nominal heads
        and one-word titles (the head of "the Kentside boss", whose owner opens the mention)."""
        return frozenset(self.pronouns) | self.nominal_heads | frozenset(r[0] for r in self.roles if len(r) == 1)

    @classmethod
    def from_dir(cls, folder: str | Path) -> Lexicons:
        """Load lexicons from a folder holding the same files as ``quotekit/data/en``.

        Args:
            folder: The folder.

        Returns:
            The lexicons.

        Raises:
            QuotekitError: A file is missing or a line is malformed.
        """
        folder = Path(folder)
        texts = {}
        for name in _FILES + _WORD_FILES:
            path = folder / name
            if not path.is_file():
                raise QuotekitError(f"lexicon folder {str(folder)!r} has no {name!r}; it needs every file of quotekit/data/en")
            texts[name] = path.read_text(encoding="utf-8")
        return cls._parse(texts)

    @classmethod
    def _parse(cls, texts: dict[str, str]) -> Lexicons:
        def rows(name: str, fields: int) -> Iterator[list[str]]:
            for n, line in enumerate(texts[name].splitlines(), 1):
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                cols = [c.strip() for c in line.split("\t")]
                if len(cols) < fields:
                    raise QuotekitError(f"{name} line {n}: expected {fields} tab-separated fields, got {line!r}")
                yield cols

        cue_words: dict[str, str] = {}
        cue_multi: dict[tuple[str, ...], str] = {}
        for cols in rows("speech_verbs.tsv", 2):
            lemma, klass = cols[0].lower(), cols[1]
            forms = cols[2].split(",") if len(cols) > 2 and cols[2] else _inflect(lemma)
            klass = klass if klass in ("belief", "stance", "evidential") else "speech"
            for form in forms:
                words = tuple(form.strip().lower().split())
                if len(words) == 1:
                    cue_words.setdefault(words[0], klass)
                elif words:
                    cue_multi.setdefault(words, klass)

        def words_of(name: str) -> frozenset[tuple[str, ...]]:
            return frozenset(tuple(c[0].lower().split()) for c in rows(name, 1))

        def lower_set(name: str) -> frozenset[str]:
            return frozenset(c[0].lower() for c in rows(name, 1))

        return cls(
            cue_words=cue_words,
            cue_multi=cue_multi,
            cue_phrases=words_of("cue_phrases.txt"),
            first_names={c[0]: c[1] for c in rows("first_names.tsv", 2)},
            honorifics={c[0].lower(): c[1] for c in rows("honorifics.tsv", 2)},
            roles=words_of("roles.txt"),
            role_heads=lower_set("role_heads.txt"),
            role_modifiers=lower_set("role_modifiers.txt"),
            org_words=lower_set("org_words.txt"),
            person_nouns={c[0].lower(): (c[1], c[2]) for c in rows("person_nouns.tsv", 3)},
            statement_nouns=lower_set("statement_nouns.txt"),
            title_cues=words_of("title_cues.txt"),
            pronouns={c[0].lower(): (c[1], c[2]) for c in rows("pronouns.tsv", 3)},
            occupations=words_of("occupations.txt"),
            confidence={(c[0], c[1]): float(c[2]) for c in rows("confidence.tsv", 3)},
            words=WordLists(**{f.name: frozenset(c[0] for c in rows(f"words/{f.name}.txt", 1))
                               for f in fields(WordLists)}),
        )


def supported_languages() -> tuple[str, ...]:
    """Languages quotekit ships lexicons for: the folders of ``quotekit/data`` that hold them.

    Returns:
        Language codes as spaCy names them (``nlp.lang``), sorted.
    """
    data = resources.files("quotekit") / "data"
    return tuple(sorted(p.name for p in data.iterdir() if p.is_dir() and (p / _FILES[0]).is_file()))


def default_lexicons(lang: str = "en") -> Lexicons:
    """The lexicons shipped in ``quotekit/data/<lang>`` (loaded once per language).

    Args:
        lang: A spaCy language code (``nlp.lang``).

    Returns:
        The lexicons.

    Raises:
        QuotekitError: quotekit ships no lexicons for ``lang``.
    """
    return _shipped(lang)  # one cache entry per language, however the argument is passed


@functools.cache
def _shipped(lang: str) -> Lexicons:
    langs = supported_languages()
    if lang not in langs:
        raise QuotekitError(f"quotekit has no lexicons for language {lang!r}; supported: {', '.join(langs)}")
    data = resources.files("quotekit") / "data" / lang
    files = _FILES + _WORD_FILES
    return Lexicons._parse({name: data.joinpath(*name.split("/")).read_text(encoding="utf-8") for name in files})
