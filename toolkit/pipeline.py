"""The only module that knows the stage order.

    fetch -> clean -> quotes -> (parse) -> cues -> attribution -> resolve -> serialize

Direct quotes come from punctuation alone (fast, no model); cues, indirect speech,
speakers and roles need the parse. Every span produced by any stage is an offset into
``article.text``, which no stage changes after cleaning.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, ContextManager, Iterable, Iterator, Mapping, Sequence

from . import clean
from .config import Config
from .errors import BadInput, EmptyText, InputTooLarge, QuotelensError
from .types import Article, Attribution, QuotedSpan

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .parse import SplitParser


def read_item(item: Mapping[str, Any]) -> tuple[str, str, str | None]:
    """One document in the batch format -> (kind, value, url), kind one of "text", "html", "url".

    {"text"} | {"html"} | {"url"}; a "url" beside "text" or "html" names where it came from.
    The one reading of that format, shared by `quotelens batch` and attribute_many()."""
    given = [k for k in ("text", "html") if item.get(k) is not None]
    if len(given) > 1:
        raise BadInput('give "text" or "html", not both')
    kind = given[0] if given else ("url" if item.get("url") is not None else None)
    if kind is None:
        raise BadInput('a document needs one of "text", "html" or "url"')
    value, url = item[kind], item.get("url") if kind != "url" else None
    if not isinstance(value, str) or (url is not None and not isinstance(url, str)):
        raise BadInput(f'"{kind}" must be a string')
    if kind == "text" and not value.strip():
        raise EmptyText("the text is empty")
    return kind, value, url


#: Documents parsed together by ``run_many`` (spaCy's nlp.pipe). Measured on 120 PolNeAR dev
#: texts, one process each: 4 -> 6,400 words per CPU second, peak RSS 280 MB; 8 -> 6,650, 349 MB;
#: 16 -> 6,850, 505 MB. Eight keeps a `quotelens batch` worker under 400 MB for 3% of the speed.
BATCH_SIZE = 8

_pipelines: dict[Config, "Pipeline"] = {}


def get_pipeline(config: Config | None = None) -> "Pipeline":
    """One Pipeline per distinct Config, built on first use (loads the spaCy model)."""
    config = config or Config()
    pipe = _pipelines.get(config)
    if pipe is None:
        pipe = _pipelines[config] = Pipeline.from_config(config)
    return pipe


@dataclass
class Pipeline:
    """A loaded model plus a config: build once, call many times (thread-safe for reads)."""

    nlp: "Language"
    config: Config
    #: A helper process that parses the second half of long articles (parse/split.py): the
    #: service's latency on two cores. None parses in this process alone.
    splitter: "SplitParser | None" = None
    #: Entered with each article around its parse and the stages after it, which hold what the
    #: parse made (about 3 MB per 1,000 characters): the service waits there until the parses
    #: already in flight leave room (server/runner.py ParseBudget). None: no wait.
    admit: "Callable[[Article], ContextManager[Any]] | None" = None

    @classmethod
    def from_config(cls, config: Config | None = None) -> "Pipeline":
        from .parse import load_nlp

        config = config or Config()
        return cls(nlp=load_nlp(config.model), config=config)

    @property
    def model(self) -> str:
        from .parse import model_name

        return model_name(self.nlp)

    # -- entry points, one per kind of input -------------------------------------------
    def attribute_text(self, text: str, url: str | None = None) -> Attribution:
        """Plain text in; offsets index ``text`` exactly as given (it is never rewritten)."""
        return self.run(self.article_from_text(text, url))

    def attribute_html(self, html: bytes | str, url: str | None = None) -> Attribution:
        """A page's HTML in; offsets index the cleaned article text."""
        return self.run(self.article_from_html(html, url))

    def attribute_url(self, url: str) -> Attribution:
        return self.run(self.article_from_url(url))

    def attribute_texts(self, texts: Iterable[str], batch_size: int = BATCH_SIZE
                        ) -> Iterator[Attribution | QuotelensError]:
        """Many plain texts, parsed in batches; one Attribution (or the error) per text, in order."""
        def articles() -> Iterator[Article | QuotelensError]:
            for text in texts:
                try:
                    yield self.article_from_text(text)
                except QuotelensError as exc:
                    yield exc

        return self.run_many(articles(), batch_size=batch_size)

    # -- input -> Article (fetch and clean) ---------------------------------------------------
    def article_from_text(self, text: str, url: str | None = None) -> Article:
        if not isinstance(text, str):
            raise BadInput(f"text must be a string, not {type(text).__name__}")
        if len(text) > self.config.max_text_chars:
            raise InputTooLarge(f"text is {len(text):,} characters; the limit is {self.config.max_text_chars:,}")
        if not text.strip():
            raise EmptyText("the text is empty")
        return clean.clean_text(text, url=url, config=self.config)

    def article_from_html(self, html: bytes | str, url: str | None = None, encoding: str | None = None) -> Article:
        """``encoding``: the charset a server or an archive declared for the bytes, if any."""
        return clean.clean_html(html, url=url, config=self.config, encoding=encoding)

    def article_from_url(self, url: str) -> Article:
        from .fetch import fetch_url

        page = fetch_url(url, self.config)
        if (page.content_type or "").split(";")[0].strip().lower() == "text/plain":
            # a plain-text page is text: its offsets index the body as served, decoded
            return self.article_from_text(clean.html_to_str(page.html, self.config, page.encoding),
                                          url=page.final_url)
        return clean.clean_html(page.html, url=page.final_url, config=self.config, encoding=page.encoding)

    # -- the stages ----------------------------------------------------------------------
    def run(self, article: Article) -> Attribution:
        if self.admit is None:
            return self._run(article)
        with self.admit(article):
            return self._run(article)

    def _run(self, article: Article) -> Attribution:
        from .parse import parse

        self._check_size(article)
        spans = self._quote_spans(article)
        if self.splitter is not None:
            doc = self.splitter.parse(article, self.nlp, spans)
        else:
            doc = parse(article, self.nlp, quoted=spans)
        return self._after_parse(article, doc, spans)

    def run_many(self, articles: Iterable[Article | QuotelensError], batch_size: int = BATCH_SIZE
                 ) -> Iterator[Attribution | QuotelensError]:
        """Like ``run`` over many articles, with the parse batched (spaCy's nlp.pipe). An item
        that is already an error, or fails, comes out as its QuotelensError, in place."""
        from .parse import parse_many

        items = list(articles)
        ok: list[Article] = []
        for n, item in enumerate(items):
            if isinstance(item, Article):
                try:
                    self._check_size(item)
                    ok.append(item)
                except QuotelensError as exc:
                    items[n] = exc
        spans = [self._quote_spans(article) for article in ok]
        docs = parse_many(ok, self.nlp, batch_size=batch_size, quoted=spans)
        quoted = iter(spans)
        for item in items:
            if not isinstance(item, Article):
                yield item
                continue
            try:
                yield self._after_parse(item, next(docs), next(quoted))
            except QuotelensError as exc:
                yield exc

    def _check_size(self, article: Article) -> None:
        if len(article.text) > self.config.max_text_chars:
            raise InputTooLarge(
                f"article text is {len(article.text):,} characters; the limit is {self.config.max_text_chars:,}")

    def _quote_spans(self, article: Article) -> "list[QuotedSpan]":
        from .quotes import find_quote_spans

        return find_quote_spans(article.text, self.config, paragraphs=article.paragraphs,
                                blockquotes=article.blockquotes)

    def _after_parse(self, article: Article, doc: "Doc", spans: "Sequence[QuotedSpan]") -> Attribution:
        from .attribution import link_speakers
        from .cues import find_cues
        from .speakers import resolve_speakers

        cues = find_cues(doc, self.config)
        links = link_speakers(doc, article, spans, cues, self.config)
        quotes, speakers = resolve_speakers(doc, article, links, self.config, [s.content for s in spans])
        return Attribution(article=article, quotes=tuple(quotes), speakers=tuple(speakers), model=self.model)
