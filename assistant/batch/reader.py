"""The documents of one case: their text for the prompt, a freely written text value located by its words, and the
citation of a located value. A value counts only where it stands in the stored text; what cannot be located is
"nicht gefunden", never a guessed value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.batch.results import CellValue
from assistant.shared.citations import Citation, StoredTexts
from ingest.passage_store import PassageStore
from ingest.types import Scope

_QUOTE_CHARS = 240
_LINE = re.compile(r"[^\n]+")
_MAX_LINES = 3
# a salutation or label the model copies along with the value ("Frau Erika Muster", "Az. 32.1-114/25")
_VALUE_PREFIX = re.compile(r"^(?:frau|herrn?|familie|az\.|aktenzeichen:?|gz\.|geschäftszeichen:?)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Located:
    value: CellValue
    raw: str
    doc_id: str
    start: int
    end: int


class CaseReader:
    """The stored documents of one case, for the prompt and for locating extracted values."""

    def __init__(self, store: PassageStore, doc_ids: list[str], scope: Scope) -> None:
        """Only the case documents in ``scope`` (the owner's readable collections) are read."""
        self.store = store
        self.scope = scope
        self.texts = StoredTexts(store, scope)
        self.documents = [doc for doc_id in doc_ids if (doc := store.document(doc_id, scope)) is not None]

    def full_text(self) -> str:
        parts = []
        for document in self.documents:
            pages = self.store.pages(document.doc_id, self.scope)
            body = "\n".join(f"[Seite {page.number}]\n{page.text.strip()}" for page in pages)
            parts.append(f"Dokument „{document.title}“:\n{body}")
        return "\n\n".join(parts)

    def locate(self, answer: object) -> Located | None:
        """Where a freely written text value stands in the case's documents, by its words (also across form rows);
        None if it cannot be found there. Dates, amounts and yes/no answers are chosen from located candidates."""
        if not isinstance(answer, str) or not answer.strip():
            return None
        return self._text(_VALUE_PREFIX.sub("", answer.strip()))

    def _spans(self) -> Iterator[tuple[str, str]]:
        for document in self.documents:
            yield document.doc_id, self.texts.text(document.doc_id)

    def _text(self, answer: str) -> Located | None:
        words = re.findall(r"\w+", answer)
        if not words:
            return None
        # whole words only: "Erika Muster" is not inside "Erika Mustermann"
        pattern = r"(?<!\w)" + r"\W+".join(re.escape(word) for word in words) + r"(?!\w)"
        for doc_id, text in self._spans():
            if match := re.search(pattern, text, re.IGNORECASE):
                return Located(answer, match.group(0), doc_id, match.start(), match.end())
        return self._across_lines({word.casefold() for word in words}, answer)

    def _across_lines(self, words: set[str], answer: str) -> Located | None:
        """ "Mustermann, Erika" for "Erika Mustermann", or an address over form rows: the fewest consecutive lines
        (up to three) that hold every word, so no unrelated line above is quoted along."""
        for size in range(1, _MAX_LINES + 1):
            for doc_id, text in self._spans():
                lines = list(_LINE.finditer(text))
                for first, last in zip(lines, lines[size - 1 :], strict=False):
                    window = text[first.start() : last.end()]
                    if words <= {word.casefold() for word in re.findall(r"\w+", window)}:
                        return Located(answer, window.strip(), doc_id, first.start(), last.end())
        return None

    def citation(self, located: Located) -> Citation:
        text = self.texts.text(located.doc_id)
        line_start = text.rfind("\n", 0, located.start) + 1
        line_end = text.find("\n", located.end)
        line_end = len(text) if line_end < 0 else line_end
        start = max(line_start, located.start - _QUOTE_CHARS // 2)
        end = min(line_end, max(located.end, start + _QUOTE_CHARS))
        document = next(doc for doc in self.documents if doc.doc_id == located.doc_id)
        passage = next(
            (
                p
                for p in self.store.passages_of(located.doc_id, self.scope)
                if p.char_start <= located.start < p.char_end
            ),
            None,
        )
        span = text[start:end]
        quote = span.strip()
        quote_start = start + len(span) - len(span.lstrip())
        return Citation(
            number=1,
            passage_id=passage.passage_id if passage else 0,
            doc_id=located.doc_id,
            title=document.title,
            source=document.source,
            page=self.texts.page_at(located.doc_id, located.start),
            section=passage.section if passage else "",
            quote=quote,
            quote_start=quote_start,
            quote_end=quote_start + len(quote),
            passage_start=passage.char_start if passage else start,
            passage_end=passage.char_end if passage else end,
        )
