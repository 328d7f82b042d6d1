/*
 * The "Fundstelle" side panel (non-modal, role=dialog): shows the page text(s) of a cited document with the
 * cited span marked. Opened by citation chips and source buttons (chat answers and drafts); Esc closes it and
 * the focus returns to the chip/source that opened it.
 */
import { API, getJSON } from "./api.js";
import { $, el, formatPages, pathNode } from "./util.js";

const panel = $("source-panel");
const docCache = new Map(); // doc_id -> Promise<DocumentDetail>
let panelOpener = null;
let panelRequest = 0; // bumped by every open/close so a late document answer is dropped

function loadDocument(docId) {
  if (!docCache.has(docId)) {
    const promise = getJSON(API.document(docId));
    promise.catch(() => docCache.delete(docId)); // retry next time
    docCache.set(docId, promise);
  }
  return docCache.get(docId);
}

/** Drop a deleted document from the cache (or, without an id, all of them, e.g. after an upload). */
export function forgetDocument(docId) {
  if (docId === undefined) docCache.clear();
  else docCache.delete(docId);
}

/** Span [start, end) in document offsets and the page to show for a citation or a source. */
function spanOf(kind, item) {
  if (kind === "citation") {
    return { start: item.quote_start, end: item.quote_end, page: item.page, quote: item.quote || "" };
  }
  return { start: item.char_start, end: item.char_end, page: item.page_start, pageEnd: item.page_end, quote: "" };
}

function pageEnd(page) {
  return page.char_start + (page.text || "").length;
}

/** Pages to show: the cited page(s) plus any page the span touches. */
function pagesFor(detail, span) {
  const pages = Array.isArray(detail.page_texts) ? detail.page_texts : [];
  const hasSpan = Number.isFinite(span.start) && Number.isFinite(span.end) && span.end > span.start;
  const lastPage = span.pageEnd && span.pageEnd >= span.page ? span.pageEnd : span.page;
  let chosen = pages.filter((p) => (p.number >= span.page && p.number <= lastPage)
    || (hasSpan && p.char_start < span.end && pageEnd(p) > span.start));
  if (!chosen.length && hasSpan) chosen = pages.filter((p) => span.start >= p.char_start && span.start <= pageEnd(p));
  if (!chosen.length && pages.length) chosen = [pages[0]];
  return chosen;
}

/** Local [from, to) of the highlight inside one page, or null. */
function localSpan(page, span) {
  const text = page.text || "";
  if (Number.isFinite(span.start) && Number.isFinite(span.end) && span.end > span.start) {
    const from = Math.max(0, span.start - page.char_start);
    const to = Math.min(text.length, span.end - page.char_start);
    if (to > from) {
      // offsets and quote disagree (e.g. different whitespace): search for the quote instead
      if (span.quote && from === span.start - page.char_start && to === span.end - page.char_start
        && text.slice(from, to) !== span.quote) {
        const found = text.indexOf(span.quote);
        if (found !== -1) return [found, found + span.quote.length];
      }
      return [from, to];
    }
    return null;
  }
  if (span.quote) {
    const found = text.indexOf(span.quote);
    if (found !== -1) return [found, found + span.quote.length];
  }
  return null;
}

function renderPage(page, span) {
  const text = page.text || "";
  const body = el("div", { class: "page__text", "data-testid": "source-panel-page-text", dataset: { page: String(page.number) } });
  const range = localSpan(page, span);
  if (range) {
    const [from, to] = range;
    body.append(text.slice(0, from),
      el("mark", { "data-testid": "source-highlight", text: text.slice(from, to) }),
      text.slice(to));
  } else {
    body.textContent = text;
  }
  return {
    node: el("section", { class: "page", "aria-label": `Seite ${page.number}` },
      el("h3", { class: "page__heading", text: `Seite ${page.number}${page.ocr ? " (Texterkennung)" : ""}` }), body),
    marked: Boolean(range),
  };
}

/** kind "citation" (a verified citation: quote offsets, page) or "source" (a retrieved passage). */
export async function openPanel({ kind, item, opener }) {
  const request = ++panelRequest;
  panelOpener = opener || null;
  const span = spanOf(kind, item);
  const pageLabel = (kind === "citation" ? formatPages(item.page, null, "Seite")
    : formatPages(item.page_start, item.page_end, "Seite")) || "–";

  $("panel-heading").textContent = kind === "citation" ? `Fundstelle [${item.number}]` : `Quelle [${item.number}]`;
  $("panel-title").textContent = item.title || "–";
  $("panel-source").replaceChildren(pathNode(item.source));
  $("panel-page").textContent = pageLabel;
  const section = [item.section, kind === "source" && item.heading && item.heading !== item.section ? item.heading : ""]
    .filter(Boolean).join(" – ");
  $("panel-section").textContent = section || "–";
  $("panel-status").textContent = "Dokument wird geladen…";
  $("panel-status").hidden = false;
  $("panel-text").replaceChildren();
  panel.dataset.docId = String(item.doc_id);
  panel.dataset.page = String(span.page || "");
  panel.dataset.kind = kind;
  panel.hidden = false;
  document.body.classList.add("panel-open");
  $("panel-heading").focus();

  let detail;
  try {
    detail = await loadDocument(item.doc_id);
  } catch (err) {
    if (request !== panelRequest) return;
    $("panel-status").textContent = err.message || "Das Dokument konnte nicht geladen werden.";
    return;
  }
  if (request !== panelRequest || panel.hidden) return;

  if (detail.title) $("panel-title").textContent = detail.title;
  if (detail.source) $("panel-source").replaceChildren(pathNode(detail.source));
  const pages = pagesFor(detail, span);
  let marked = false;
  const nodes = pages.map((page) => {
    const rendered = renderPage(page, span);
    marked = marked || rendered.marked;
    return rendered.node;
  });
  $("panel-text").replaceChildren(...nodes);
  if (!pages.length) {
    $("panel-status").textContent = "Für dieses Dokument ist kein Seitentext gespeichert.";
  } else if (!marked) {
    $("panel-status").textContent = "Die Textstelle konnte auf der Seite nicht markiert werden.";
  } else {
    $("panel-status").textContent = "";
    $("panel-status").hidden = true;
  }
  const mark = $("panel-text").querySelector("mark");
  if (mark) mark.scrollIntoView({ block: "center", inline: "nearest" });
}

export function closePanel({ restoreFocus = true } = {}) {
  if (panel.hidden) return;
  panelRequest += 1;
  panel.hidden = true;
  document.body.classList.remove("panel-open");
  const opener = panelOpener;
  panelOpener = null;
  if (restoreFocus && opener && opener.isConnected) opener.focus();
}

/** Focusable chip for a verified citation; a click opens the Fundstelle panel (chat and drafts). */
export function citationChip(citation, number = citation.number) {
  const where = [citation.title, citation.page ? `Seite ${citation.page}` : "", citation.section]
    .filter(Boolean).join(", ");
  const button = el("button", {
    type: "button", class: "chip", "data-testid": "citation-chip", dataset: { number: String(number) },
    "aria-label": `Fundstelle ${number} anzeigen: ${where}`, title: where, text: String(number),
  });
  button.addEventListener("click", () => openPanel({ kind: "citation", item: citation, opener: button }));
  return button;
}

/**
 * A source in a "Quellen" list (chat answer: kind "source"; draft: kind "citation") as a <button> that opens
 * the panel. dataset gets number and docId (plus `dataset`); badge, meta and snippetText are optional
 * (null: left out).
 */
export function sourceButton({ kind, item, testid, dataset = {}, badge = null, meta = "", snippetText = null }) {
  const button = el("button", {
    type: "button", class: "source", "data-testid": testid,
    dataset: { number: String(item.number), docId: String(item.doc_id), ...dataset },
  },
  el("span", { class: "source__number", "aria-hidden": "true", text: `[${item.number}]` }),
  el("span", { class: "source__body" },
    el("span", { class: "source__title" },
      el("span", { class: "visually-hidden", text: `Quelle ${item.number}: ` }),
      item.title || item.source || "Ohne Titel",
      badge ? el("span", { class: "source__badge", text: badge }) : null),
    meta ? el("span", { class: "source__meta", text: meta }) : null,
    snippetText !== null ? el("span", { class: "source__snippet", text: snippetText }) : null));
  button.addEventListener("click", () => openPanel({ kind, item, opener: button }));
  return button;
}

export function initPanel() {
  $("panel-close").addEventListener("click", () => closePanel());
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !panel.hidden) {
      e.preventDefault();
      closePanel();
    }
  });
}
