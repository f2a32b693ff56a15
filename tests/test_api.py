"""The public API: extract, load, Extractor.pipe, errors, models, long texts, typed results."""

from __future__ import annotations

import dataclasses
import gc
import importlib.util
import json
import multiprocessing.process
import os
import signal
import threading
import time
import warnings
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any, cast

import pytest
import spacy
from conftest import TRAINED, check_offsets

import quotekit
import quotekit._api
import quotekit._model
from quotekit import (
    Extractor,
    Failure,
    ModelNotFoundError,
    OptionError,
    Quote,
    QuotekitError,
    QuotekitWarning,
    Result,
    Span,
    Speaker,
)
from quotekit._api import tasks

ARTICLE = (
    "Jane Doe opened the new pier on Monday.\n\n"
    "“It took ten years,” she said. “Every family in town gave something.”\n\n"
    "John Roe said the ferry would run again in May."
)

needs_trained = pytest.mark.skipif(importlib.util.find_spec(TRAINED) is None,
                                   reason=f"trained pipeline {TRAINED!r} not installed")


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \r\n"])
def test_empty_text_gives_empty_result(extractor: Extractor, text: str) -> None:
    r = extractor.extract(text)
    assert isinstance(r, Result)
    assert len(r) == 0 and list(r) == [] and r.speakers == ()
    assert r.model == extractor.model


def test_extract_function_on_empty_text() -> None:
    r = quotekit.extract("", model="blank")
    assert len(r) == 0 and r.model == "blank"


def test_bytes_is_a_type_error_that_says_decode() -> None:
    with pytest.raises(TypeError, match="decode"):
        quotekit.extract(b"\xe2\x80\x9cHi,\xe2\x80\x9d she said.", model="blank")  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [None, 42, 3.5, ["text"]])
def test_non_str_is_a_type_error(blank: Extractor, value: object) -> None:
    with pytest.raises(TypeError, match="must be str"):
        quotekit.extract(value, model="blank")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        blank.extract(value)  # type: ignore[arg-type]


def test_unknown_model_name() -> None:
    with pytest.raises(ModelNotFoundError) as info:
        quotekit.load("en_core_web_nonexistent_xyz")
    err = info.value
    assert isinstance(err, QuotekitError) and isinstance(err, ValueError)
    message = str(err)
    assert "en_core_web_nonexistent_xyz" in message
    assert "'auto'" in message and "'blank'" in message


def test_unknown_model_name_via_extract() -> None:
    with pytest.raises(ValueError):
        quotekit.extract("“Hi,” she said.", model="no_such_pipeline_xyz")


def test_model_of_wrong_type() -> None:
    with pytest.raises(TypeError):
        quotekit.load(123)


def test_blank_model_name() -> None:
    r = quotekit.extract(ARTICLE, model="blank")
    assert r.model == "blank"
    assert len(r) >= 1


@needs_trained
def test_auto_picks_installed_trained_pipeline() -> None:
    installed = quotekit.installed_pipelines()
    assert TRAINED in installed
    with warnings.catch_warnings():
        warnings.simplefilter("error", QuotekitWarning)
        r = quotekit.extract(ARTICLE, model="auto")
    assert r.model == installed[0]
    assert r.model != "blank"


def test_auto_without_trained_pipeline_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quotekit._model, "installed_pipelines", list)
    with pytest.warns(QuotekitWarning, match="blank"):
        ex = quotekit.load("auto")
    assert ex.model == "blank"
    assert ex.extract(ARTICLE).model == "blank"


def test_spacy_language_object_works() -> None:
    nlp = spacy.blank("en")
    r = quotekit.extract(ARTICLE, model=nlp)
    check_offsets(r)
    assert r.model == "blank"
    assert any(q.text.startswith("It took ten years") for q in r)


@needs_trained
def test_trained_language_object_works(trained: Extractor) -> None:
    nlp = spacy.load(TRAINED)
    ex = quotekit.load(nlp)
    assert ex.model != "blank"
    assert [q.to_dict() for q in ex.extract(ARTICLE)] == [q.to_dict() for q in trained.extract(ARTICLE)]


class _Recorder:
    """Stands in for a pipeline component and notes each time spaCy runs it."""

    def __init__(self, name: str, proc: Any, ran: list[str]) -> None:
        self.name, self.proc, self.ran = name, proc, ran

    def __call__(self, doc: spacy.tokens.Doc) -> spacy.tokens.Doc:
        self.ran.append(self.name)
        return self.proc(doc)

    def pipe(self, docs: Iterator[spacy.tokens.Doc], **kwargs: object) -> Iterator[spacy.tokens.Doc]:
        self.ran.append(self.name)
        pipe = getattr(self.proc, "pipe", None)
        yield from (pipe(docs, **kwargs) if pipe is not None else map(self.proc, docs))


@needs_trained
def test_trained_reading_runs_only_the_components_it_needs() -> None:
    # Speed: the parser, lemmatizer and attribute ruler of a trained pipeline are never run.
    nlp = spacy.load(TRAINED)
    assert {"parser", "lemmatizer", "attribute_ruler"} <= set(nlp.pipe_names)
    ex = quotekit.load(nlp)
    ran: list[str] = []
    # spaCy keeps (name, component) pairs in _components; wrapping them is the one way to see
    # which components a call really runs.
    nlp._components = [(n, _Recorder(n, p, ran)) for n, p in nlp._components]
    reference = [q.to_dict() for q in quotekit.load(TRAINED).extract(ARTICLE)]
    assert [q.to_dict() for q in ex.extract(ARTICLE)] == reference
    assert set(ran) == {"tok2vec", "tagger", "ner"}
    ran.clear()
    assert [[q.to_dict() for q in r] for r in ex.pipe([ARTICLE, ARTICLE])] == [reference, reference]
    assert set(ran) == {"tok2vec", "tagger", "ner"}


def test_id_is_carried(blank: Extractor) -> None:
    r = blank.extract(ARTICLE, id="a-1")
    assert r.id == "a-1"
    assert r.to_dict()["id"] == "a-1"
    assert r.text == ARTICLE


def test_pipe_keeps_order(extractor: Extractor) -> None:
    texts = [f"“Number {i} is ready,” said Jane Doe." for i in range(7)] + ["", "No quotation."]
    out = list(extractor.pipe(texts, batch_size=3))
    assert len(out) == len(texts)
    for i in range(7):
        r = out[i]
        assert isinstance(r, Result)
        assert [q.text for q in r] == [f"Number {i} is ready,"]
    assert isinstance(out[7], Result) and isinstance(out[8], Result)
    assert len(out[7]) == 0 and len(out[8]) == 0


def test_pipe_matches_extract(extractor: Extractor) -> None:
    texts = [ARTICLE, "“Hello,” said Jane Doe.", ARTICLE.upper()]
    piped = list(extractor.pipe(texts))
    for text, r in zip(texts, piped):
        assert isinstance(r, Result)
        assert r.to_dict() == extractor.extract(text).to_dict()


def test_pipe_id_pairs(blank: Extractor) -> None:
    pairs = [("a", ARTICLE), ("b", "“Hello,” said Jane Doe."), ("c", "")]
    out = list(blank.pipe(pairs))
    assert [r.id for r in out] == ["a", "b", "c"]
    assert isinstance(out[1], Result) and out[1][0].text == "Hello,"


def test_pipe_on_error_return(blank: Extractor, capsys: pytest.CaptureFixture[str]) -> None:
    items: list[object] = ["“One,” said Jane Doe.", 42, ("x", b"bytes"), "“Two,” said Jane Doe."]
    out = list(blank.pipe(items, on_error="return"))  # type: ignore[arg-type]
    assert len(out) == 4
    assert isinstance(out[0], Result) and out[0][0].text == "One,"
    assert isinstance(out[1], Failure) and out[1].id == "1" and "TypeError" in out[1].error
    assert isinstance(out[2], Failure) and out[2].id == "x" and "decode" in out[2].error
    assert isinstance(out[3], Result) and out[3][0].text == "Two,"
    assert "quotekit" in capsys.readouterr().err


def test_pipe_on_error_raise_yields_the_articles_before_the_bad_one(blank: Extractor) -> None:
    stream = blank.pipe(["“One,” said Jane Doe.", None, "“Two,” said John Roe."])  # type: ignore[list-item]
    first = next(stream)
    assert isinstance(first, Result) and [q.text for q in first] == ["One,"]
    with pytest.raises(TypeError, match="NoneType"):
        next(stream)


# Invented words, new to any vocabulary: an archive's names, numbers and ids never run out.
NOVEL = (
    "“The vote is on Thursday,” said Zarquon Belvedrix-Quill, who chairs ticket #QX-88213.\n\n"
    "Ms. Ottoline Frumpwhistle said the fee was $4,418,907.33 and “not one cent more.”"
)


def _novel_texts(tag: str, count: int) -> list[str]:
    # Words no other test reads, so that each case starts from words the vocabulary lacks.
    return [NOVEL.replace("88213", f"{88213 + k}{len(tag)}").replace("Zarquon", f"Zarquon{tag}{k}")
            .replace("Ottoline", f"Ottoline{tag}") for k in range(count)]


def _fresh(extractor: Extractor, vocab_budget: int) -> Extractor:
    # The shared extractors must not change; a new one over the same pipeline costs nothing.
    ex = quotekit.load(extractor.nlp)
    ex.vocab_budget = vocab_budget
    return ex


@pytest.mark.parametrize("how", ["extract", "pipe", "pipe_batches"])
def test_reading_past_the_budget_leaves_no_new_strings_in_the_vocabulary(extractor: Extractor,
                                                                          how: str) -> None:
    # Memory flat over a long stream: once vocab_budget is spent every read is in a spaCy
    # memory zone, without which every new word would stay in nlp.vocab.strings for good.
    ex = _fresh(extractor, 0)
    ex.extract(ARTICLE)
    before = len(ex.nlp.vocab.strings)
    tag = {"extract": "Ex", "pipe": "Pi", "pipe_batches": "Ba"}[how]
    texts = _novel_texts(tag, 5)
    if how == "extract":
        results = [ex.extract(t) for t in texts]
    else:
        results = [r for r in ex.pipe(texts, batch_size=2 if how == "pipe_batches" else 32)
                   if isinstance(r, Result)]
    assert len(ex.nlp.vocab.strings) == before
    assert len(results) == 5
    for k, r in enumerate(results):
        check_offsets(r)
        names = {q.speaker.name for q in r if q.speaker is not None}
        # The results' strings outlive the zone the Doc was read in.
        assert f"Ottoline{tag} Frumpwhistle" in names and all(n in texts[k] for n in names), names
        assert any("not one cent more" in q.text for q in r)
    assert [r.to_dict() for r in results] == [ex.extract(t).to_dict() for t in texts]


@pytest.mark.parametrize("how", ["extract", "pipe"])
def test_vocabulary_keeps_the_first_words_and_grows_no_further_than_the_budget(extractor: Extractor,
                                                                                how: str) -> None:
    """The words read first stay (made once, not on every read), and growth stops at the budget."""
    budget = 2000
    ex = _fresh(extractor, budget)
    start = len(ex.nlp.vocab.strings)
    tag = {"extract": "Gx", "pipe": "Gp"}[how]
    # 60 articles of about 30 new words each: far more than the budget allows to keep.
    texts = [t + " " + " ".join(f"Wq{tag}{k}x{j}" for j in range(30)) for k, t in
             enumerate(_novel_texts(tag, 60))]
    reads = (ex.extract(t) for t in texts) if how == "extract" else ex.pipe(texts, batch_size=1)
    sizes, results = [], []
    for r in reads:  # (pipe yields a batch's results once its zone, if any, is closed)
        results.append(r.to_dict())
        sizes.append(len(ex.nlp.vocab.strings) - start)
    # The first article's words were kept: the next read of them finds them.
    assert f"Ottoline{tag}" in ex.nlp.vocab.strings and f"Wq{tag}0x7" in ex.nlp.vocab.strings
    # Then the budget was spent (the read that crossed it keeps its words too) and the later
    # reads kept nothing.
    assert 0 < sizes[0] and sizes == sorted(sizes) and budget <= sizes[-1] < budget + 2 * len(texts[-1])
    crossed = next(k for k, size in enumerate(sizes) if size >= budget)
    assert crossed < 40 and set(sizes[crossed:]) == {sizes[-1]}
    assert f"Wq{tag}59x7" not in ex.nlp.vocab.strings
    zoned = _fresh(extractor, 0)
    assert results == [zoned.extract(t).to_dict() for t in texts]


@pytest.mark.parametrize("vocab_budget", [0, 50_000])
def test_one_extractor_shared_by_four_threads(extractor: Extractor, vocab_budget: int) -> None:
    """4 threads x 100 calls on one extractor give the single-threaded results, and no errors."""
    tag = f"Th{vocab_budget}{extractor.model[:2]}"
    texts = [t if k % 3 else ARTICLE for k, t in enumerate(_novel_texts(tag, 400))]
    expected = [r.to_dict() for r in _fresh(extractor, 0).pipe(texts)]  # type: ignore[union-attr]
    shared = _fresh(extractor, vocab_budget)
    got: dict[int, Any] = {}

    def work(n: int) -> None:
        for k in range(n, len(texts), 4):
            try:
                got[k] = shared.extract(texts[k]).to_dict()
            except Exception as exc:  # counted below: an error is a wrong result
                got[k] = exc

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads)
    errors = [k for k in range(len(texts)) if got.get(k) != expected[k]]
    assert not errors, (len(errors), got[errors[0]])


def test_reading_inside_the_callers_own_memory_zone(blank: Extractor) -> None:
    # Zones do not nest: quotekit opens none of its own inside one the caller holds.
    expected = blank.extract(NOVEL).to_dict()
    with blank.nlp.memory_zone():
        inside = blank.extract(NOVEL).to_dict()
        piped = [r.to_dict() for r in blank.pipe([NOVEL, ARTICLE]) if isinstance(r, Result)]
    assert inside == expected
    assert piped == [expected, blank.extract(ARTICLE).to_dict()]


def test_pipe_on_error_raise(blank: Extractor) -> None:
    with pytest.raises(TypeError):
        list(blank.pipe(["“One,” said Jane Doe.", None]))  # type: ignore[arg-type,list-item]


def _mixed_items() -> list[tuple[str, object]]:
    items: list[tuple[str, object]] = [(f"a{i}", f"“Number {i} is ready,” said Jane Doe.")
                                       for i in range(11)]
    items[4] = ("bad", 42)
    items.insert(7, ("empty", ""))
    items.append(("article", ARTICLE))
    return items


@pytest.mark.parametrize(("n_process", "batch_size"), [(2, 1), (2, 3), (2, 32), (-1, 5)])
def test_pipe_in_worker_processes_same_as_in_one(blank: Extractor, n_process: int,
                                                 batch_size: int) -> None:
    """Worker processes give the same results and failures, in input order, at any batch size."""
    items = _mixed_items()
    one = list(blank.pipe(items, on_error="return"))  # type: ignore[arg-type]
    many = list(blank.pipe(items, batch_size=batch_size, n_process=n_process,  # type: ignore[arg-type]
                           on_error="return"))
    assert [x.id for x in many] == [i for i, _ in items]
    assert [type(x) for x in many] == [type(x) for x in one]
    assert isinstance(many[4], Failure) and "TypeError" in many[4].error
    for a, b in zip(one, many):
        if isinstance(a, Result):
            assert isinstance(b, Result) and b.text == a.text and b.to_dict() == a.to_dict()
            check_offsets(b)
        else:
            assert b == a
    assert [q.text for q in many[0]] == ["Number 0 is ready,"]  # type: ignore[union-attr]
    assert len(many[-1]) == 2  # type: ignore[arg-type]


def test_pipe_in_worker_processes_raises_on_bad_item(blank: Extractor) -> None:
    with pytest.raises(TypeError, match="must be str"):
        list(blank.pipe(["“One,” said Jane Doe.", "Two.", None, "Three."],  # type: ignore[list-item]
                        batch_size=2, n_process=2))


@needs_trained
def test_pipe_in_worker_processes_trained(trained: Extractor) -> None:
    texts = [ARTICLE, "“Hello,” said Jane Doe.", ARTICLE.upper(), "", "No quotation here."] * 3
    one = [r.to_dict() for r in trained.pipe(texts)]  # type: ignore[union-attr]
    two = [r.to_dict() for r in trained.pipe(texts, batch_size=4, n_process=2)]  # type: ignore[union-attr]
    assert two == one and len(one[0]["quotes"]) == 2


@pytest.mark.parametrize(("count", "size", "workers"),
                         [(0, 16, 2), (1, 16, 2), (7, 3, 2), (20, 16, 2), (100, 16, 2), (101, 5, 3),
                          (50, 1, 2), (9, 4, 1)])
def test_worker_tasks_keep_order_and_cut_the_end_finer(count: int, size: int, workers: int) -> None:
    """Tasks are whole ``size`` lists until the end, then at most 2 * workers parts, in order."""
    items = [(f"a{i}", "x" * (1 + (i * 37) % 90)) for i in range(count)]
    cut = list(tasks(iter(items), size, workers))
    assert [item for task in cut for item in task] == items
    assert all(task for task in cut)
    whole = max(0, count - (workers + 1) * size + 1)
    full = -(-whole // size) if whole else 0
    assert all(len(task) == size for task in cut[:full])
    assert len(cut) - full <= 2 * workers


@pytest.mark.parametrize("workers", [1, 2, 3, 4])
def test_worker_tasks_at_the_end_have_about_equal_characters(workers: int) -> None:
    """The last tasks split the held-back articles by length: none is far above an equal share."""
    texts = ["x" * (10 + (i * 53) % 400) for i in range(200)]
    cut = list(tasks(texts, 16, workers))
    held = [t for task in cut for t in task][-(len(texts) - (len(cut) - 2 * workers) * 16):]
    share = sum(map(len, held)) / (2 * workers)
    for task in cut[-2 * workers:]:
        assert sum(map(len, task)) <= share + 410


def test_worker_tasks_read_no_further_ahead_than_they_need() -> None:
    """The first task goes out once workers + 1 tasks' worth of articles are read, not at the end."""
    read = []

    def stream() -> Iterator[str]:
        for i in range(1000):
            read.append(i)
            yield "x"

    first = next(tasks(stream(), 8, 2))
    assert first == ["x"] * 8 and len(read) == 24


def _gone(processes: list[multiprocessing.process.BaseProcess], wait: float = 10.0) -> bool:
    """Whether every process has ended: not alive, or no longer in the process table (a worker
    whose exit status another waiter collected still reads as alive to its Process object).
    Bounded: gives up after ``wait`` seconds."""
    def ended(p: multiprocessing.process.BaseProcess) -> bool:
        if not p.is_alive():
            return True
        try:
            os.kill(p.pid or 0, 0)
        except ProcessLookupError:
            return True
        return False
    deadline = time.monotonic() + wait
    while not all(ended(p) for p in processes):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _worker_processes(ex: Extractor) -> list[multiprocessing.process.BaseProcess]:
    assert ex._pool is not None
    return list(ex._pool._processes.values())


def test_pipe_keeps_worker_processes_between_calls() -> None:
    """Workers start once and serve later calls; close() stops them and a later call starts new ones."""
    ex = quotekit.load("blank")
    texts = [ARTICLE, "“Hello,” said Jane Doe.", "No quotation here."] * 4
    one = [r.to_dict() for r in ex.pipe(texts)]  # type: ignore[union-attr]
    assert [r.to_dict() for r in ex.pipe(texts, batch_size=2, n_process=2)] == one  # type: ignore[union-attr]
    workers = _worker_processes(ex)
    pids = [p.pid for p in workers]
    assert len(workers) == 2 and all(p.is_alive() for p in workers)
    assert [r.to_dict() for r in ex.pipe(texts, batch_size=3, n_process=2)] == one  # type: ignore[union-attr]
    assert [p.pid for p in _worker_processes(ex)] == pids
    ex.close()
    assert ex._pool is None and _gone(workers)
    ex.close()  # a second close is harmless
    assert [r.to_dict() for r in ex.pipe(texts, n_process=2)] == one  # type: ignore[union-attr]
    assert not set(p.pid for p in _worker_processes(ex)) & set(pids)
    ex.close()


def test_pipe_workers_stop_with_block_and_garbage_collection() -> None:
    with quotekit.load("blank") as ex:
        assert len(list(ex.pipe([ARTICLE] * 4, n_process=2))) == 4
        in_block = _worker_processes(ex)
    assert _gone(in_block)
    ex = quotekit.load("blank")
    assert len(list(ex.pipe([ARTICLE] * 4, n_process=2))) == 4
    collected = _worker_processes(ex)
    del ex
    gc.collect()
    assert _gone(collected)


def test_pipe_new_workers_when_worker_count_or_pipeline_changes() -> None:
    ex = quotekit.load("blank")
    texts = [ARTICLE, "“Hello,” said Jane Doe."] * 3
    list(ex.pipe(texts, n_process=2))
    two = _worker_processes(ex)
    list(ex.pipe(texts, n_process=3))
    assert len(_worker_processes(ex)) == 3 and _gone(two)
    three = _worker_processes(ex)
    ex.nlp.add_pipe("sentencizer", first=True)  # workers hold a copy of the pipeline: it must be new
    one = [r.to_dict() for r in ex.pipe(texts)]  # type: ignore[union-attr]
    assert [r.to_dict() for r in ex.pipe(texts, n_process=3)] == one  # type: ignore[union-attr]
    assert _gone(three)
    ex.close()


def test_pipe_abandoned_in_worker_processes_leaves_extractor_usable() -> None:
    ex = quotekit.load("blank")
    texts = [f"“Number {i} is ready,” said Jane Doe." for i in range(40)]
    one = [r.to_dict() for r in ex.pipe(texts)]  # type: ignore[union-attr]
    stream = ex.pipe(texts, batch_size=2, n_process=2)
    assert next(stream).to_dict() == one[0]  # type: ignore[union-attr]
    del stream  # the rest of its work is abandoned, not waited for
    assert [r.to_dict() for r in ex.pipe(texts, batch_size=4, n_process=2)] == one  # type: ignore[union-attr]
    ex.close()


def _bounded(call: Callable[[], Any], seconds: float = 120) -> Any:
    """``call()`` in a thread: its result or exception, and a test failure if it hangs."""
    out: list[Any] = []

    def run() -> None:
        try:
            out.append(call())
        except BaseException as exc:  # handed to the test
            out.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still waiting after {seconds} s: hung"
    return out[0]


@pytest.fixture
def fragile_workers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Articles that harm the worker process reading them (forked after this fixture).

    ``DIE-NOW`` ends its process at once (``os._exit``) every time; ``DIE-ONCE`` the first
    time only; ``HOLD-ONCE`` writes its process id to ``tmp_path / "held"`` and sleeps there
    for a minute, the first time only. Returns ``tmp_path``.
    """
    read_doc = vars(quotekit._api)["read_doc"]
    parent = os.getpid()

    def fragile(doc: Any, lexicons: Any, text: str) -> Any:
        once = tmp_path / "once"
        if os.getpid() == parent:
            return read_doc(doc, lexicons, text)
        if "DIE-NOW" in text or ("DIE-ONCE" in text and not once.exists()):
            once.touch()
            os._exit(3)
        if "HOLD-ONCE" in text and not (tmp_path / "held").exists():
            (tmp_path / "held").write_text(str(os.getpid()))
            time.sleep(60)
        return read_doc(doc, lexicons, text)

    monkeypatch.setattr(quotekit._api, "read_doc", fragile)
    return tmp_path


def _numbered(count: int) -> list[tuple[str, str]]:
    return [(f"a{i}", f"“Number {i} is ready,” said Jane Doe.") for i in range(count)]


@pytest.mark.parametrize("batch_size", [1, 4, 32])
def test_pipe_worker_that_dies_on_an_article_gives_a_failure_not_a_hang(
        fragile_workers: Path, batch_size: int, capsys: pytest.CaptureFixture[str]) -> None:
    items = _numbered(14)
    expected = [r.to_dict() for r in quotekit.load("blank").pipe(items)]  # type: ignore[union-attr]
    items[5] = ("bad", "“DIE-NOW,” said Jane Doe.")
    with quotekit.load("blank") as ex:
        out = _bounded(lambda: list(ex.pipe(items, batch_size=batch_size, n_process=2,
                                            on_error="return")))
        assert [x.id for x in out] == [i for i, _ in items]
        assert isinstance(out[5], Failure) and out[5].id == "bad" and "died" in out[5].error
        assert out[5].error.startswith("QuotekitError: ")
        assert [x.to_dict() for k, x in enumerate(out) if k != 5] == expected[:5] + expected[6:]
        assert "article bad" in capsys.readouterr().err
        # The extractor goes on with fresh workers.
        again = list(ex.pipe(_numbered(6), n_process=2))
        assert [r.to_dict() for r in again] == expected[:6]  # type: ignore[union-attr]


def test_pipe_worker_that_dies_with_on_error_raise(fragile_workers: Path) -> None:
    items = _numbered(10)
    items[6] = ("bad", "“DIE-NOW,” said Jane Doe.")
    with quotekit.load("blank") as ex:
        seen: list[Any] = []

        def consume() -> None:
            for r in ex.pipe(items, batch_size=2, n_process=2):
                seen.append(r)

        error = _bounded(consume)
        assert isinstance(error, QuotekitError) and "article bad" in str(error) and "died" in str(error)
        assert [r.id for r in seen] == [i for i, _ in items[:6]]


def test_pipe_worker_that_died_once_reads_its_articles_again(fragile_workers: Path) -> None:
    items = _numbered(12)
    items[3] = ("once", "“DIE-ONCE,” said Jane Doe.")
    expected = [r.to_dict() for r in quotekit.load("blank").pipe(items)]  # type: ignore[union-attr]
    with quotekit.load("blank") as ex:
        out = _bounded(lambda: list(ex.pipe(items, batch_size=4, n_process=2, on_error="return")))
    assert (fragile_workers / "once").exists()  # a worker did die
    assert [r.to_dict() for r in out] == expected
    assert out[3].id == "once" and [q.text for q in out[3]] == ["DIE-ONCE,"]


def _wait_for_held(folder: Path) -> int:
    for _ in range(600):
        if (folder / "held").exists() and (folder / "held").read_text():
            return int((folder / "held").read_text())
        time.sleep(0.05)
    raise AssertionError("no worker reached the held article")


@pytest.mark.parametrize(("sig", "on_error"), [(signal.SIGKILL, "return"), (signal.SIGKILL, "raise"),
                                               (signal.SIGINT, "raise")])
def test_pipe_worker_killed_from_outside_is_replaced(fragile_workers: Path, sig: int, on_error: str,
                                                     capfd: pytest.CaptureFixture[str]) -> None:
    """SIGKILL on a worker mid-task: its articles are read again; Ctrl-C (SIGINT) it ignores."""
    items = _numbered(16)
    items[9] = ("held", "“HOLD-ONCE,” said Jane Doe.")
    expected = [r.to_dict() for r in quotekit.load("blank").pipe(items)]  # type: ignore[union-attr]
    with quotekit.load("blank") as ex:
        out: list[Any] = []
        thread = threading.Thread(target=lambda: out.extend(
            ex.pipe(items, batch_size=4, n_process=2, on_error=on_error)), daemon=True)
        thread.start()
        os.kill(_wait_for_held(fragile_workers), sig)
        if sig == signal.SIGINT:  # ignored: the worker sleeps on; wake it the hard way
            time.sleep(0.5)
            assert _worker_alive(ex, int((fragile_workers / "held").read_text()))
            os.kill(int((fragile_workers / "held").read_text()), signal.SIGKILL)
        thread.join(120)
        assert not thread.is_alive(), "pipe() hung after a worker was killed"
    assert [r.to_dict() for r in out] == expected
    err = capfd.readouterr().err
    assert "KeyboardInterrupt" not in err and "Traceback" not in err


def _worker_alive(ex: Extractor, pid: int) -> bool:
    return any(p.pid == pid and p.is_alive() for p in _worker_processes(ex))


def test_pipe_interrupted_in_this_process_stops_the_workers() -> None:
    ex = quotekit.load("blank")
    stream = cast(Generator[Any, None, None], ex.pipe([ARTICLE] * 40, batch_size=2, n_process=2))
    assert isinstance(next(stream), Result)
    workers = _worker_processes(ex)
    with pytest.raises(KeyboardInterrupt):
        stream.throw(KeyboardInterrupt)  # Ctrl-C while pipe() waits for a worker
    assert ex._pool is None
    deadline = time.monotonic() + 30  # stopped at once, but a loaded machine may reap them late
    while any(p.is_alive() for p in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(workers)
    assert len(list(ex.pipe([ARTICLE] * 3, n_process=2))) == 3
    ex.close()


@pytest.mark.parametrize("kwargs", [
    {"batch_size": 0}, {"batch_size": -2}, {"batch_size": 1.5}, {"n_process": 0}, {"n_process": -2},
    {"on_error": "x"}, {"on_error": "ignore"},
])
def test_pipe_bad_options(blank: Extractor, kwargs: dict[str, object]) -> None:
    with pytest.raises(OptionError):
        blank.pipe(["text"], **kwargs)  # type: ignore[arg-type]
    with pytest.raises(QuotekitError):
        blank.pipe(["text"], **kwargs)  # type: ignore[arg-type]


def _long_article() -> str:
    paras = []
    for i in range(40):
        paras.append(f"Item {i}: the harbour board met again on day {i} to discuss the pier and the tides.")
        paras.append(f"“Section {i} of the pier is finished,” said Jane Doe. “It took {i} weeks.”")
        if i % 10 == 3:
            paras.append(f"“Part one of note {i},\n\n“part two of note {i},\n\n“and part three {i},” "
                         "said John Roe.")
    return "\n\n".join(paras)


@pytest.mark.parametrize("mode", ["blank", "trained"])
def test_long_text_in_chunks_same_as_whole(request: pytest.FixtureRequest, mode: str) -> None:
    shared = request.getfixturevalue(mode)
    text = _long_article()
    assert len(text) > 6000
    whole = shared.extract(text)
    chunked_ex = quotekit.load(shared.nlp if mode == "trained" else "blank")
    chunked_ex.chunk_size = 2000
    chunked = chunked_ex.extract(text)
    check_offsets(chunked)
    # 40 paragraphs of “A,” said X. “B.”: one two-part quotation each (plus any reported speech).
    assert len(chunked) == len(whole) >= 40
    for a, b in zip(whole, chunked):
        assert (a.text, a.start, a.end, a.parts, a.kind) == (b.text, b.start, b.end, b.parts, b.kind)
        assert a.cue == b.cue
        if len(a.parts) == 1:  # (multi-paragraph speakers: see test_three_paragraph_quotation_speaker)
            assert (a.speaker.name if a.speaker else None) == (b.speaker.name if b.speaker else None)
            assert a.speaker_mention == b.speaker_mention
    multi = [q for q in chunked if "part one of note" in q.text.lower()]
    assert len(multi) == 4
    assert all(len(q.parts) == 3 for q in multi)


def test_quotation_crossing_chunk_border_is_not_cut() -> None:
    ex = quotekit.load("blank")
    ex.chunk_size = 2000
    long_quote = "\n\n“".join(f"Sentence {i} of the long statement goes on" for i in range(120))
    text = "Jane Doe spoke.\n\n“" + long_quote + ",” she said.\n\nThe end."
    assert len(text) > 2 * ex.chunk_size
    r = ex.extract(text)
    check_offsets(r)
    parts = [text[s:e] for q in r for s, e in q.parts]
    assert parts[0] == "Sentence 0 of the long statement goes on"
    assert parts[-1] == "Sentence 119 of the long statement goes on,"
    assert len(parts) == 120
    assert all(p.startswith("Sentence") for p in parts)


def test_pipe_long_text() -> None:
    ex = quotekit.load("blank")
    ex.chunk_size = 2000
    text = _long_article()
    out = list(ex.pipe([("long", text), ("short", "“Hi,” said Jane Doe.")]))
    assert isinstance(out[0], Result) and out[0].to_dict() == ex.extract(text, id="long").to_dict()
    assert isinstance(out[1], Result) and len(out[1]) == 1


PRED_KEYS = {"text", "start", "end", "parts", "kind", "speaker", "speaker_mention", "cue", "rule", "confidence"}
SPEAKER_KEYS = {"name", "type", "role", "organization", "mentions", "party", "roles"}


def test_to_dict_keys_and_json_round_trip(extractor: Extractor) -> None:
    r = extractor.extract(ARTICLE, id="doc")
    assert len(r) >= 2
    d = r.to_dict()
    assert set(d) == {"id", "quotes"}
    for q, qd in zip(r, d["quotes"]):
        assert set(qd) == PRED_KEYS
        if qd["speaker"] is not None:
            assert set(qd["speaker"]) == SPEAKER_KEYS
        if qd["speaker_mention"] is not None:
            assert set(qd["speaker_mention"]) == {"start", "end", "text"}
        if qd["cue"] is not None:
            assert set(qd["cue"]) == {"start", "end", "text"}
        again = json.loads(json.dumps(qd, ensure_ascii=False))
        assert again == qd
        assert Quote.from_dict(again) == q


@pytest.mark.parametrize("obj", [
    Span(0, 1, "a"),
    Speaker("Jane Doe", "person"),
    Quote("a", 0, 1, ((0, 1),), "direct"),
    Result(quotes=()),
    Failure("x", "TypeError: no"),
])
def test_dataclasses_frozen_and_slotted(obj: object) -> None:
    field = dataclasses.fields(obj)[0].name  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(obj, field, None)
    assert hasattr(type(obj), "__slots__")
    assert not hasattr(obj, "__dict__")


def test_result_is_a_sequence(blank: Extractor) -> None:
    r = blank.extract(ARTICLE)
    assert r[0] is r.quotes[0]
    assert list(r[:1]) == [r.quotes[0]]
    assert len(r) == len(r.quotes)


def test_extractor_repr(blank: Extractor) -> None:
    assert "blank" in repr(blank)


def test_results_pickle_and_come_back_equal(blank: Extractor) -> None:
    # pipe(n_process>1) sends Results from workers through pickle.
    import pickle

    result = blank.extract(ARTICLE, id="a1")
    assert result.quotes and any(q.speaker for q in result.quotes)
    back = pickle.loads(pickle.dumps(result))
    assert back == result
    assert back.text == ARTICLE and back.id == "a1"
    assert [q.to_dict() for q in back] == [q.to_dict() for q in result]
    with pytest.raises(dataclasses.FrozenInstanceError):
        back.quotes[0].kind = "direct"  # type: ignore[misc]
    failure = Failure("a2", "TypeError: expected str")
    assert pickle.loads(pickle.dumps(failure)) == failure


PACKED_TEXTS = [
    ARTICLE,
    ARTICLE.replace("\n", "\r\n").replace(" ", "\u00a0", 3),
    "“It is late,” said the mayor, Jane Doe. “We start,” she added, “on Monday.”",
    "A spokesman for the Harbour Board said the work was “urgent and lasting”.",
    "Officials said the plan would cost more than expected, according to a report.",
    "No quotation here at all.",
    "",
]


@pytest.mark.parametrize("text", PACKED_TEXTS)
def test_packed_results_come_back_equal(extractor: Extractor, text: str) -> None:
    """What a worker sends back (plain tuples, no strings) rebuilds to an equal, frozen result."""
    import pickle

    from quotekit._build import pack_result, unpack_result

    result = extractor.extract(text, id="p1")
    packed = pickle.loads(pickle.dumps(pack_result(result)))
    back = unpack_result(packed, text, result.model, "p1")
    assert back == result and hash(back.quotes) == hash(result.quotes)
    assert back.text is text  # the parent's own string, not a copy
    assert [q.to_dict() for q in back] == [q.to_dict() for q in result]
    check_offsets(back)
    if back.quotes:
        with pytest.raises(dataclasses.FrozenInstanceError):
            back.quotes[0].start = 0  # type: ignore[misc]
    if text == ARTICLE:
        assert len(back) == 2 and back.speakers and back[0].speaker is back.speakers[0]


def test_packed_result_of_a_long_article_comes_back_equal() -> None:
    from quotekit._build import pack_result, unpack_result

    ex = quotekit.load("blank")
    ex.chunk_size = 2000
    text = _long_article()
    result = ex.extract(text)
    assert len(result) > 4
    assert unpack_result(pack_result(result), text, result.model, None) == result


def test_pipe_in_worker_processes_hands_back_the_callers_texts(blank: Extractor) -> None:
    texts = [f"“Number {i} is ready,” said Jane Doe." for i in range(9)]
    out = list(blank.pipe(texts, batch_size=2, n_process=2))
    assert all(r.text is t for r, t in zip(out, texts))  # type: ignore[union-attr]


def test_pipe_in_worker_processes_names_failures_by_stream_position(blank: Extractor) -> None:
    """A failed article without an id is named by its place in the whole stream, not in its task."""
    items: list[object] = [f"“Number {i} is ready,” said Jane Doe." for i in range(12)]
    items[9] = 42
    one = list(blank.pipe(items, on_error="return"))  # type: ignore[arg-type]
    many = list(blank.pipe(items, batch_size=2, n_process=2, on_error="return"))  # type: ignore[arg-type]
    assert isinstance(one[9], Failure) and one[9].id == "9"
    assert many[9] == one[9]
    assert [type(x) for x in many] == [type(x) for x in one]
