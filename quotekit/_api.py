"""The public entry points: :func:`load`, :func:`extract` and the reusable :class:`Extractor`."""

from __future__ import annotations

import bisect
import itertools
import multiprocessing
import os
import signal
import sys
import threading
import weakref
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from ._build import pack_result, unpack_result
from ._errors import OptionError, QuotekitError, expect_text
from ._lexicons import Lexicons, default_lexicons
from ._model import load_pipeline, unneeded_components
from ._pipeline import chunk_borders, join_chunks, read_doc, shift, tokenizable
from ._types import ByFields, Quote, Result, Speaker
from .component import QuotekitComponent, ensure_component, quotes_of


@dataclass(frozen=True, slots=True)
class Failure(ByFields):
    """An article that could not be read in :meth:`Extractor.pipe` with ``on_error="return"``.

    Attributes:
        id: The article's id (its position in the stream where no id was given).
        error: ``"ExceptionType: message"``.
    """

    id: str | None
    error: str


class Extractor:
    """A loaded spaCy pipeline and lexicons, ready to read many articles.

    Build one with :func:`load`; it is cheap to call :meth:`extract` on it many times.

    :meth:`pipe` with ``n_process > 1`` starts its worker processes on first use and keeps
    them for later calls; :meth:`close` (or leaving a ``with`` block) stops them, and they stop
    by themselves when the extractor is garbage-collected or the interpreter exits.

    A worker process that dies (killed, out of memory) never hangs :meth:`pipe`: its
    articles are read again in fresh workers, and an article whose worker dies a second time,
    read alone, becomes a :class:`Failure` (``on_error="return"``) or a
    :class:`~quotekit.QuotekitError` (``"raise"``). Workers ignore Ctrl-C; an interrupt in
    this process stops them.

    One extractor can be shared between threads: reads take turns (a lock), so results are
    the same as from one thread, but threads do not read in parallel.

    spaCy keeps every word it has seen. The words of the first articles (a stream's common
    words) are kept, so that later reads find their lexemes and tokenizations instead of
    making them again; once the vocabulary has grown by ``vocab_budget`` strings, every read
    runs inside a spaCy memory zone (one per :meth:`extract` call, at most one per batch of
    :meth:`pipe`; see :func:`memory_zone`), which frees the new words it made once the
    result is built. So the vocabulary grows by about ``vocab_budget`` strings at most,
    however long the stream: the read that crosses the line keeps its words too, and only
    texts of at most ``vocab_budget / 4`` characters are read outside a zone.

    Attributes:
        nlp: The spaCy pipeline that tokenizes (and, when trained, tags) the text.
        model: The name results report for that pipeline.
        vocab_budget: How many new strings spaCy's vocabulary keeps for good (default
            :data:`VOCAB_BUDGET`; 0 reads everything inside memory zones).
    """

    def __init__(self, nlp: Language, model_name: str, lexicons: Lexicons | None = None) -> None:
        self.nlp = nlp
        self.model = model_name
        ensure_component(nlp, lexicons)
        self._disable = unneeded_components(nlp)
        component = nlp.get_pipe("quotekit")
        self._lexicons = component.lexicons if isinstance(component, QuotekitComponent) else default_lexicons()
        # In this process the stages run straight on the Doc; the component (which stores
        # plain values on the Doc) is only needed to bring results back from worker processes.
        self._disable_in_process = [*self._disable, "quotekit"]
        # Chunks stay well below spaCy's limit so that a trained pipeline's memory stays bounded.
        self.chunk_size = min(nlp.max_length, 100_000)
        self.vocab_budget = VOCAB_BUDGET
        self._strings_at_start = len(nlp.vocab.strings)
        # Reentrant: a long article in a pipe() batch is read by extract() inside the batch.
        self._lock = threading.RLock()
        self._pool: ProcessPoolExecutor | None = None
        self._pool_key: tuple[int, int, tuple[str, ...]] | None = None
        self._pool_stop: weakref.finalize[Any, Any] | None = None
        self._token = next(_TOKENS)
        _LIVE[self._token] = self

    def close(self) -> None:
        """Stop the worker processes :meth:`pipe` keeps between calls.

        Safe to call more than once; a later ``pipe(n_process > 1)`` starts new workers. Work a
        worker still had from an unfinished ``pipe`` iterator is abandoned.
        """
        if self._pool_stop is not None:
            self._pool_stop()
        self._pool = self._pool_key = self._pool_stop = None

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Extractor(model={self.model!r})"

    def extract(self, text: str, *, id: str | None = None) -> Result:
        """Read one article.

        Args:
            text: The article as a ``str`` (decode bytes first).
            id: An id to carry into the result.

        Returns:
            The quotations, in text order, with their speakers.

        Raises:
            TypeError: ``text`` is not a ``str``.
        """
        text = expect_text(text)
        if not text.strip():
            return Result(quotes=(), speakers=(), model=self.model, id=id, text=text)
        # One read at a time: spaCy's vocabulary is shared, and a memory zone closing in one
        # thread frees the strings another thread's Doc still uses.
        with self._lock, self._zone(self._outside_zone([len(text)]) == 0):
            if len(text) <= self.chunk_size:
                return _result(self._read(text, 0, text), self.model, id, text)
            quotes: list[Quote] = []
            borders = chunk_borders(text, self.chunk_size)
            for start, end in zip(borders, borders[1:]):
                quotes.extend(self._read(text[start:end], start, text))
            return _result(join_chunks(quotes), self.model, id, text)

    def _outside_zone(self, lengths: list[int]) -> int:
        # How many of the texts to read next (by length) may be read outside a memory zone.
        # There spaCy keeps the lexemes and tokenizer cache entries a read makes, so the
        # stream's common words are made once, not on every read (a zone caches nothing);
        # until the vocabulary has grown by vocab_budget strings. A read adds at most a few
        # strings a character, hence the cap on the characters read at once.
        if len(self.nlp.vocab.strings) - self._strings_at_start >= self.vocab_budget:
            return 0
        room = self.vocab_budget // 4
        for count, length in enumerate(lengths):
            room -= length
            if room < 0:
                return count
        return len(lengths)

    def _zone(self, zoned: bool) -> AbstractContextManager[Any]:
        return memory_zone(self.nlp) if zoned else nullcontext()

    def _read(self, chunk: str, offset: int, original: str) -> list[Quote]:
        safe = tokenizable(chunk)
        doc = self.nlp(safe, disable=self._disable_in_process)
        quotes = read_doc(doc, self._lexicons, safe)
        if offset or safe is not chunk:
            quotes = shift(quotes, offset, original)
        return quotes

    def pipe(
        self,
        texts: Iterable[str] | Iterable[tuple[str, str]],
        *,
        batch_size: int = 32,
        n_process: int = 1,
        on_error: str = "raise",
    ) -> Iterator[Result | Failure]:
        """Read many articles, in order, with spaCy's batching and multiprocessing.

        Args:
            texts: Article texts, or ``(id, text)`` pairs.
            batch_size: Articles per spaCy batch (at least 1). With several worker processes,
                each takes ``batch_size / n_process`` articles at a time (rounded up), so that
                the last articles of a stream spread over all workers.
            n_process: Worker processes (at least 1; ``-1`` for one per core). Workers are
                forked from this process on first use (where the platform can fork) and kept
                for later calls until :meth:`close`.
            on_error: ``"raise"`` to stop at the first bad article, ``"return"`` to yield a
                :class:`Failure` for it (and report it on stderr) and go on.

        Yields:
            One :class:`Result` (or :class:`Failure`) per article, in input order.

        Raises:
            OptionError: A bad ``batch_size``, ``n_process`` or ``on_error``.
            TypeError: An article is not a ``str`` and ``on_error="raise"``.
        """
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
            raise OptionError(f"batch_size must be an int >= 1, got {batch_size!r}")
        if (not isinstance(n_process, int) or isinstance(n_process, bool)
                or (n_process < 1 and n_process != -1)):
            raise OptionError(f"n_process must be an int >= 1 or -1, got {n_process!r}")
        if on_error not in ("raise", "return"):
            raise OptionError(f"on_error must be 'raise' or 'return', got {on_error!r}")
        workers = (os.cpu_count() or 1) if n_process == -1 else n_process
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            return self._pipe_forked(texts, batch_size, workers, on_error)
        return self._pipe(texts, batch_size, workers, on_error)

    def _pipe_forked(
        self, texts: Iterable[Any], batch_size: int, workers: int, on_error: str
    ) -> Iterator[Result | Failure]:
        # Forked workers inherit the loaded pipeline and send back results as plain tuples,
        # not Docs: spaCy's own n_process would pickle every Doc back to this process.
        # Whole batches per task would leave one worker idle at the end of a stream (100
        # articles in batches of 32 split 64/36 over two workers); tasks of batch_size /
        # workers keep as many articles in flight, and the last ones are cut finer (tasks).
        task = -(-batch_size // workers)
        batches = tasks(texts, task, workers)
        pending: deque[_Task] = deque()
        first = 0  # the stream position of the next task's first article, for failures' ids
        try:
            while True:
                while len(pending) < 2 * workers:
                    batch = next(batches, None)
                    if batch is None:
                        break
                    pending.append(_Task(self._submit(workers, batch, task, first), batch, first))
                    first += len(batch)
                if not pending:
                    return
                head = pending.popleft()
                try:
                    items = head.future.result()
                except BrokenProcessPool:
                    items = self._after_worker_death(workers, head, pending)
                yield from self._unpacked(items, head, on_error)
        except KeyboardInterrupt:
            # Workers ignore Ctrl-C (no tracebacks from them); stop them here instead of
            # letting them finish the tasks still queued.
            self.close()
            raise
        finally:  # an abandoned iterator's tasks not yet started are dropped
            for t in pending:
                t.future.cancel()

    def _unpacked(self, items: list[Any], task: _Task, on_error: str) -> Iterator[Result | Failure]:
        # One item per article, in order; results come packed (_work_batch), and this
        # process already holds every article they need to be rebuilt.
        for item, source in zip(items, task.batch, strict=True):
            if isinstance(item, Failure):
                if on_error == "raise":
                    kind, _, message = item.error.partition(": ")
                    if kind == QuotekitError.__name__:
                        raise QuotekitError(f"article {item.id}: {message}")
                    raise (TypeError if kind == "TypeError" else ValueError)(message)
                yield item
            else:
                art_id, text = _split(source)
                yield unpack_result(item, text, self.model, art_id)

    def _after_worker_death(self, workers: int, head: _Task, pending: deque[_Task]) -> list[Any]:
        # A worker died and took the pool with it: every task not finished by then failed,
        # whichever worker was reading it. The head task runs again alone in fresh workers,
        # so that a second death is its own; then each of its articles alone, to find the one
        # that kills its worker. The other failed tasks go to the fresh workers afterwards.
        wait([t.future for t in pending])  # the broken pool fails them at once
        try:
            items = self._submit(workers, head.batch, len(head.batch), head.first).result()
        except BrokenProcessPool:
            items = []
            for k, article in enumerate(head.batch):
                try:
                    items.extend(self._submit(workers, [article], 1, head.first + k).result())
                except BrokenProcessPool:
                    art_id = _split(article)[0]
                    name = art_id if art_id is not None else str(head.first + k)
                    message = ("a worker process died while reading this article, "
                               "also when it was read again alone in a fresh worker")
                    print(f"quotekit: article {name}: {message}", file=sys.stderr)
                    items.append(Failure(name, f"{QuotekitError.__name__}: {message}"))
        for t in pending:
            if isinstance(t.future.exception(), BrokenProcessPool):
                t.future = self._submit(workers, t.batch, len(t.batch), t.first)
        return items

    def _submit(self, workers: int, batch: list[Any], size: int, first: int) -> Future[list[Any]]:
        pool = self._workers(workers)
        try:
            return pool.submit(_work_batch, self._token, batch, size, first)
        except BrokenProcessPool:  # a worker died since the last task: start fresh ones
            self.close()
            return self._workers(workers).submit(_work_batch, self._token, batch, size, first)

    def _workers(self, workers: int) -> ProcessPoolExecutor:
        # Forking costs tens of milliseconds in a large process, and a fresh worker pays again
        # in copy-on-write page faults as it first touches the pipeline, so workers are kept
        # between calls; a new pipeline or component list (workers hold a copy) starts new ones.
        key = (workers, id(self.nlp), tuple(self.nlp.pipe_names))
        with self._lock:
            if self._pool is None or self._pool_key != key:
                self.close()
                # ProcessPoolExecutor, not multiprocessing.Pool: when a worker dies, Pool
                # starts another and the dead one's task never completes; this fails it.
                pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                           initializer=_start_worker, initargs=(self._token,))
                # The first task forks the workers: here, under the lock, so that no other
                # thread is inside a read (its memory zone open) when they are copied.
                pool.submit(int)
                self._pool, self._pool_key = pool, key
                self._pool_stop = weakref.finalize(self, _stop, pool)
            return self._pool

    def _pipe(
        self, texts: Iterable[Any], batch_size: int, n_process: int, on_error: str, first: int = 0
    ) -> Iterator[Result | Failure]:
        items = _prepared(texts, self.chunk_size, first)
        if n_process > 1:
            # spaCy's own worker processes (where this platform cannot fork): the component
            # runs in them and stores its results on the Docs they send back.
            stream = self.nlp.pipe(items, as_tuples=True, batch_size=batch_size, n_process=n_process,
                                   disable=self._disable)
            for doc, context in stream:
                yield self._one(doc, context, False, on_error)
            return
        while batch := list(itertools.islice(items, batch_size)):
            # The first articles of a batch may be read outside a memory zone, the rest in
            # one (see _outside_zone): the strings and lexemes spaCy makes for their new words
            # are freed once their results are built.
            done: list[Result | Failure] = []
            failed: Exception | None = None
            with self._lock:
                kept = self._outside_zone([len(safe) for safe, _ in batch])
                for part, zoned in ((batch[:kept], False), (batch[kept:], True)):
                    if not part or failed is not None:
                        continue
                    with self._zone(zoned):
                        try:
                            stream = self.nlp.pipe(part, as_tuples=True, batch_size=batch_size,
                                                   disable=self._disable_in_process)
                            for doc, context in stream:
                                done.append(self._one(doc, context, True, on_error))
                        except Exception as exc:  # on_error="raise": the articles before it still come out
                            failed = exc
            yield from done
            if failed is not None:
                raise failed

    def _one(self, doc: Any, context: tuple[int, Any, str, Any, str], in_process: bool,
             on_error: str) -> Result | Failure:
        # One article of _pipe: read here (in_process) or by the component in a worker.
        i, art_id, kind, payload, safe = context
        try:
            if kind == "bad":
                raise TypeError(payload)
            if kind == "long":
                return self.extract(payload, id=art_id)
            if not payload.strip():
                return Result(quotes=(), model=self.model, id=art_id, text=payload)
            quotes = read_doc(doc, self._lexicons, safe) if in_process else quotes_of(doc)
            if safe is not payload:
                quotes = shift(quotes, 0, payload)
            return _result(quotes, self.model, art_id, payload)
        except Exception as exc:  # one bad article must not stop a batch
            if on_error == "raise":
                raise
            name = art_id if art_id is not None else str(i)
            print(f"quotekit: article {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            return Failure(name, f"{type(exc).__name__}: {exc}")


def memory_zone(nlp: Language) -> AbstractContextManager[Any]:
    """A spaCy memory zone around one read, so that new words do not pile up in the vocabulary.

    spaCy keeps every string and lexeme it has seen, and a news archive's names, numbers and
    ids never run out; strings made inside ``nlp.memory_zone()`` (spaCy 3.8+) are freed when
    it closes. quotekit copies everything a result needs into plain Python values before
    then. Zones do not nest, so inside one that is already open (the caller's, or quotekit's
    own around a batch) this adds none, and neither does it on spaCy versions without zones.

    Args:
        nlp: The pipeline that will read.

    Returns:
        A context manager: ``nlp.memory_zone()``, or one that does nothing.
    """
    zone = getattr(nlp, "memory_zone", None)
    if zone is None or getattr(nlp.vocab, "in_memory_zone", False):
        return nullcontext()
    return zone()  # type: ignore[no-any-return]


# Extractors by token, so that a worker (a fork of this process) finds the one a task is for
# without the task pickling it; weak, so that the registry keeps no extractor alive.
_LIVE: weakref.WeakValueDictionary[int, Extractor] = weakref.WeakValueDictionary()

#: New strings an :class:`Extractor`'s vocabulary keeps for good by default (its
#: ``vocab_budget``): about a stream's common words and then some, a few MB.
VOCAB_BUDGET = 50_000
_TOKENS = itertools.count()


@dataclass(slots=True)
class _Task:
    """Articles sent to a worker process, and the future of their results."""

    future: Future[list[Any]]
    batch: list[Any]
    first: int  # the stream position of its first article


def _start_worker(token: int) -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent alone handles it, and
    # stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    extractor = _LIVE.get(token)
    if extractor is not None:  # forked holding the parent's lock, which no thread here releases
        extractor._lock = threading.RLock()


def _work_batch(token: int, batch: list[Any], batch_size: int, first: int) -> list[Any]:
    """Read one batch in a forked worker, with the extractor the parent process had.

    Results go back packed (:func:`~quotekit._build.pack_result`), failures as they are.
    """
    return [
        pack_result(r) if isinstance(r, Result) else r
        for r in _LIVE[token]._pipe(batch, batch_size, 1, "return", first)
    ]


def tasks(items: Iterable[Any], size: int, workers: int) -> Iterator[list[Any]]:
    """Cut a stream of articles into worker tasks, finer at the end so that workers finish together.

    Tasks hold ``size`` articles while the stream goes on. The last ``workers + 1`` tasks'
    worth of articles (held back to recognise the end) become ``2 * workers`` tasks of about
    equal length in characters, since a worker's time goes with the characters it reads:
    with whole tasks to the end, one worker can still be reading the longest task while
    the others wait.

    Args:
        items: Articles as :meth:`Extractor.pipe` takes them (texts or ``(id, text)`` pairs;
            anything else counts as one character).
        size: Articles per task before the end (at least 1).
        workers: Worker processes (at least 1).

    Yields:
        Consecutive, non-empty lists of articles, in input order.
    """
    held: deque[Any] = deque()
    for item in items:
        held.append(item)
        if len(held) == (workers + 1) * size:
            yield [held.popleft() for _ in range(size)]
    if not held:
        return
    weights = list(itertools.accumulate(_length(item) for item in held))
    parts, total, start = 2 * workers, weights[-1], 0
    rest = list(held)
    for k in range(1, parts + 1):
        # The first article whose running length reaches k / parts of the total ends part k.
        end = len(rest) if k == parts else bisect.bisect_left(weights, total * k / parts) + 1
        if end > start:
            yield rest[start:end]
            start = end


def _split(item: Any) -> tuple[Any, Any]:
    # (id, text) for an article as pipe() takes it: a text, or an (id, text) pair.
    return item if isinstance(item, tuple) and len(item) == 2 else (None, item)


def _length(item: Any) -> int:
    text = _split(item)[1]
    return len(text) + 1 if isinstance(text, str) else 1


def _stop(pool: ProcessPoolExecutor) -> None:
    # shutdown() alone would wait for the workers to finish every task still queued.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join()
    pool.shutdown(wait=True)


def _prepared(
    texts: Iterable[Any], chunk_size: int, first: int = 0
) -> Iterator[tuple[str, tuple[int, Any, str, Any, str]]]:
    # Long and non-str articles skip spaCy's batch (an empty doc stands in) and are handled
    # one by one, so that neither max_length nor a TypeError stops the stream. The context
    # ends with the text spaCy reads (tokenizable()), which read_doc needs again.
    for i, item in enumerate(texts, first):
        art_id, text = _split(item)
        if not isinstance(text, str):
            try:
                expect_text(text, "article")
            except TypeError as exc:
                yield "", (i, art_id, "bad", str(exc), "")
        elif len(text) > chunk_size:
            yield "", (i, art_id, "long", text, "")
        else:
            safe = tokenizable(text)
            yield safe, (i, art_id, "doc", text, safe)


def _result(quotes: list[Quote], model: str, art_id: str | None, text: str) -> Result:
    # By identity: the stages and shift() give the quotations of one speaker the same object.
    speakers: dict[int, Speaker] = {}
    for q in quotes:
        if q.speaker is not None:
            speakers.setdefault(id(q.speaker), q.speaker)
    return Result(quotes=tuple(quotes), speakers=tuple(speakers.values()), model=model, id=art_id, text=text)


def load(model: object = "auto", *, lexicons: Lexicons | None = None) -> Extractor:
    """Load a reusable extractor.

    Args:
        model: ``"auto"`` (the best installed trained English pipeline, else rules only with a
            warning), ``"blank"`` (rules only), an installed pipeline's name such as
            ``"en_core_web_sm"``, or a ``spacy.Language``.
        lexicons: Lexicons to use instead of the ones shipped with quotekit.

    Returns:
        An :class:`Extractor`.

    Raises:
        ModelNotFoundError: The named pipeline is not installed.
    """
    nlp, name = load_pipeline(model)
    return Extractor(nlp, name, lexicons)


_CACHE: dict[str, Extractor] = {}


def extract(text: str, *, model: object = "auto", id: str | None = None) -> Result:
    """Read one article and return its quotations.

    The pipeline for a model name is loaded once and kept for later calls.

    Args:
        text: The article (a ``str``).
        model: As for :func:`load`.
        id: An id to carry into the result.

    Returns:
        The quotations, in text order, with their speakers.

    Example:
        >>> import quotekit
        >>> r = quotekit.extract('"We will win," she said.', model="blank")
        >>> r[0].text
        'We will win,'
    """
    text = expect_text(text)
    if isinstance(model, str):
        if model not in _CACHE:
            _CACHE[model] = load(model)
        return _CACHE[model].extract(text, id=id)
    return load(model).extract(text, id=id)
