"""HTML files: h1-h6 become Markdown headings, blocks and list items their own lines."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString
from bs4.exceptions import ParserRejectedMarkup

from ingest.errors import UnreadableFileError
from ingest.loaders.layout import TextBlock, heading_block, join_blocks, squash
from ingest.loaders.sniffing import read_text
from ingest.loaders.titles import title_from_stem
from ingest.settings import IngestSettings
from ingest.types import LoadedDocument, Page

# Page chrome and non-text content; <head> goes too once the <title> is read.
_DROPPED_TAGS = ["script", "style", "nav", "noscript", "template", "head", "svg", "iframe", "object"]
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_ITEM_TAGS = frozenset({"li", "dt", "dd"})
_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "aside", "ul", "ol", "dl", "table",
     "thead", "tbody", "tfoot", "blockquote", "pre", "figure", "figcaption", "address", "form",
     "fieldset", "hr", "caption", "details", "summary", "body", "html"}
)  # fmt: skip


def load_html(path: Path, settings: IngestSettings) -> LoadedDocument:
    soup = _parse(read_text(path))
    title = _title(soup) or title_from_stem(path)
    for tag in soup(_DROPPED_TAGS):
        tag.decompose()
    collector = _BlockCollector()
    collector.walk(soup, tight=False)
    text = join_blocks(collector.finish())
    return LoadedDocument(path=path, format="html", title=title, pages=[Page(1, text)])


def _parse(markup: str) -> BeautifulSoup:
    try:
        return BeautifulSoup(markup, "html.parser")
    except (ParserRejectedMarkup, AssertionError) as exc:
        raise UnreadableFileError("Die HTML-Datei ist beschädigt und kann nicht gelesen werden.") from exc


def _title(soup: BeautifulSoup) -> str | None:
    for tag in (soup.title, soup.find("h1")):
        if isinstance(tag, Tag) and squash(tag.get_text(" ")):
            return squash(tag.get_text(" "))
    return None


class _BlockCollector:
    """Walks the tree once; inline text accumulates until the next block boundary."""

    def __init__(self) -> None:
        self._blocks: list[TextBlock] = []
        self._inline: list[str] = []

    def walk(self, node: Tag, *, tight: bool) -> None:
        for child in node.children:
            if isinstance(child, Tag):
                self._visit(child, tight=tight)
            elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
                self._inline.append(str(child))  # PreformattedString: comments, doctype, CDATA

    def finish(self) -> list[TextBlock]:
        self._flush(tight=False)
        return self._blocks

    def _visit(self, tag: Tag, *, tight: bool) -> None:
        name = tag.name
        if name in _HEADINGS:
            self._flush(tight=tight)
            self._add(heading_block(_HEADINGS[name], squash(tag.get_text(" "))))
        elif name == "tr":
            self._flush(tight=tight)
            cells = [squash(cell.get_text(" ")) for cell in tag.find_all(["td", "th"], recursive=False)]
            self._add(TextBlock(" | ".join(cells), tight=True))
        elif name == "br":
            self._flush(tight=tight)
        elif name in _ITEM_TAGS or name in _BLOCK_TAGS:
            tight = tight or name in _ITEM_TAGS
            self._flush(tight=tight)
            self.walk(tag, tight=tight)
            self._flush(tight=tight)
        else:
            self.walk(tag, tight=tight)

    def _flush(self, *, tight: bool) -> None:
        text = squash("".join(self._inline))
        self._inline.clear()
        if text:
            self._blocks.append(TextBlock(text, tight=tight))

    def _add(self, block: TextBlock) -> None:
        if block.text.strip(" #|"):
            self._blocks.append(block)
