/*
 * Verwaltungsassistent – Web-Chat für Sachbearbeiterinnen und Sachbearbeiter.
 * Plain ES2020, no build step, no external resources. Served at / (index.html) and /static/.
 *
 * Security: document texts, titles, file names and model answers are untrusted. This file never
 * uses innerHTML/insertAdjacentHTML; every text goes through textContent / DOM nodes (see el()).
 *
 * Stable test selectors (data-testid) – keep them when changing the markup:
 *   nav-chat, nav-docs              header buttons switching the views "Recherche" / "Dokumente"
 *   chat-view, docs-view            the two view sections
 *   conversation                    scrollable conversation log
 *   question-input                  question textarea (Enter sends, Shift+Enter newline)
 *   ask-button                      "Fragen"
 *   new-chat-button                 "Neues Gespräch" (clears history, aborts a running answer)
 *   user-message                    a question bubble
 *   answer                          an answer block; attributes:
 *                                     data-state = "pending" | "streaming" | "done" | "error"
 *                                     data-status = "beantwortet" | "nichts_gefunden" (once known)
 *   answer-pending                  "Antwort wird erstellt…" indicator (until the first token)
 *   answer-text                     the answer text (aria-live, aria-busy while streaming)
 *   citation-chip                   focusable <button> for a verified [n] marker; data-number = n
 *   answer-error                    German error message inside an answer block
 *   answer-meta                     timing line below a finished answer
 *   sources-heading                 "Quellen" (or, for nichts_gefunden, see nearest-note)
 *   nearest-note                    "Die nächstliegenden Fundstellen:" (status nichts_gefunden)
 *   sources-list                    <ol> of the sources
 *   source-item                     <button> per source; data-number, data-doc-id, data-cited="true|false"
 *   source-panel                    the "Fundstelle" side panel (role=dialog); data-doc-id, data-page
 *   source-panel-title / -source / -page / -section   metadata lines in the panel
 *   source-panel-status             loading / error line in the panel
 *   source-panel-text               container of the page text(s)
 *   source-panel-page-text          one page's full text; data-page = page number
 *   source-highlight                <mark> with the cited span (or the source passage)
 *   source-panel-close              close button of the panel (Esc works too)
 *   documents-table, documents-status, documents-reload
 *   document-row                    <tr> per document; data-doc-id
 *   document-delete                 "Löschen" button in a row
 *   upload-form, upload-input, upload-button, upload-progress, upload-status, upload-results
 *   upload-result                   <li> per file; data-result = "ingested" | "skipped"
 *   health-status                   footer status line
 */
"use strict";

(() => {
  // ------------------------------------------------------------------ constants
  const API = {
    chat: "api/chat",
    documents: "api/documents",
    document: (id) => `api/documents/${encodeURIComponent(id)}`,
    health: "healthz",
  };
  /** How many history entries ({role, content}) are sent with a follow-up question. */
  const HISTORY_TURNS = 6;
  const HISTORY_CONTENT_MAX = 8000;
  const SNIPPET_CHARS = 220;
  /** [1], [1, 2], [1; 3] – with the whitespace before it (dropped when the marker is removed). */
  const MARKER_RE = /([ \t]*)\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]/g;

  const numberFormat = new Intl.NumberFormat("de-DE");
  const secondsFormat = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short" });

  // ------------------------------------------------------------------ state
  const state = {
    history: [], // [{role, content}] of completed exchanges
    busy: false,
    controller: null, // AbortController of the running chat request
    conversationId: 0, // bumped by "Neues Gespräch" so stale streams stop writing
    docCache: new Map(), // doc_id -> Promise<DocumentDetail>
    panelOpener: null,
    panelRequest: 0,
    docsLoaded: false,
    uploading: false,
  };

  // ------------------------------------------------------------------ helpers
  const $ = (id) => document.getElementById(id);

  /** Create an element. attrs: plain attributes (strings), plus `class`, `text`, `dataset`, `on`. */
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "text") node.textContent = String(value);
      else if (key === "class") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function announce(message) {
    const region = $("announcer");
    region.textContent = "";
    // a fresh text node after a tick is announced reliably by screen readers
    window.setTimeout(() => { region.textContent = message; }, 50);
  }

  function plural(n, one, many) {
    return `${numberFormat.format(n)} ${n === 1 ? one : many}`;
  }

  function formatDate(value) {
    if (!value) return "–";
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? String(value) : dateFormat.format(date);
  }

  function formatPages(start, end) {
    if (!start) return "";
    return end && end !== start ? `S. ${start}–${end}` : `S. ${start}`;
  }

  function snippet(text) {
    const flat = String(text || "").replace(/\s+/g, " ").trim();
    return flat.length > SNIPPET_CHARS ? `${flat.slice(0, SNIPPET_CHARS).trimEnd()} …` : flat;
  }

  /** A file path as text with break opportunities (<wbr>) after / \\ _ - . so long names wrap cleanly. */
  function pathNode(path) {
    const fragment = document.createDocumentFragment();
    for (const part of String(path || "–").split(/(?<=[/\\_.-])/)) {
      fragment.append(part, document.createElement("wbr"));
    }
    return fragment;
  }

  function stripMarkers(text) {
    return String(text || "").replace(MARKER_RE, "").replace(/[ \t]+([.,;:!?])/g, "$1");
  }

  const FALLBACK_MESSAGES = {
    400: "Die Anfrage war ungültig.",
    404: "Nicht gefunden.",
    413: "Die Datei ist zu groß.",
    415: "Dieses Dateiformat wird nicht unterstützt.",
    422: "Die Eingabe konnte nicht verarbeitet werden.",
    429: "Der Server ist gerade ausgelastet. Bitte versuchen Sie es gleich noch einmal.",
    503: "Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es später erneut.",
  };

  function fallbackMessage(status) {
    return FALLBACK_MESSAGES[status] || `Es ist ein Fehler aufgetreten (HTTP ${status}).`;
  }

  /** German message of an error body {"error", "message"} – or a fallback for the status. */
  function messageFromBody(body, status) {
    if (body && typeof body === "object" && typeof body.message === "string" && body.message) return body.message;
    return fallbackMessage(status);
  }

  async function errorMessage(response) {
    let body = null;
    try { body = await response.json(); } catch (_) { /* not JSON */ }
    return messageFromBody(body, response.status);
  }

  async function getJSON(url, options = {}) {
    let response;
    try {
      response = await fetch(url, { headers: { Accept: "application/json" }, ...options });
    } catch (_) {
      throw new Error("Der Server ist nicht erreichbar. Bitte prüfen Sie die Verbindung.");
    }
    if (!response.ok) throw new Error(await errorMessage(response));
    if (response.status === 204) return null;
    return response.json();
  }

  // ------------------------------------------------------------------ SSE parsing
  /**
   * Read a text/event-stream body and call onEvent(name, data) for each event (data parsed as JSON).
   * Implements the parts of the SSE format the API uses: `event:`, multi-line `data:`, comments.
   */
  async function readEventStream(response, onEvent) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder("utf-8");
    let buffer = "";

    const dispatch = (block) => {
      let name = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (!line || line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon === -1 ? line : line.slice(0, colon);
        let value = colon === -1 ? "" : line.slice(colon + 1);
        if (value.startsWith(" ")) value = value.slice(1);
        if (field === "event") name = value;
        else if (field === "data") data.push(value);
      }
      if (!data.length) return;
      let payload;
      try { payload = JSON.parse(data.join("\n")); } catch (_) { return; }
      onEvent(name, payload);
    };

    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      // normalise line ends; a trailing \r may be the first half of \r\n, keep it for the next chunk
      buffer = buffer.replace(/\r\n|\r(?!$)/g, "\n");
      let index;
      while ((index = buffer.indexOf("\n\n")) !== -1) {
        const block = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        dispatch(block);
      }
    }
    buffer += decoder.decode();
    buffer = buffer.replace(/\r\n?/g, "\n");
    for (const block of buffer.split("\n\n")) if (block.trim()) dispatch(block);
  }

  // ------------------------------------------------------------------ views
  function showView(view) {
    const chat = view !== "docs";
    $("view-chat").hidden = !chat;
    $("view-docs").hidden = chat;
    for (const button of document.querySelectorAll(".views__button")) {
      if (button.dataset.view === (chat ? "chat" : "docs")) button.setAttribute("aria-current", "page");
      else button.removeAttribute("aria-current");
    }
    if (!chat) {
      closePanel({ restoreFocus: false });
      loadDocuments();
    }
    const hash = chat ? "" : "#dokumente";
    if (window.location.hash !== hash) {
      window.history.replaceState(null, "", hash || window.location.pathname + window.location.search);
    }
  }

  // ------------------------------------------------------------------ chat
  const conversation = $("conversation");
  const conversationInner = $("conversation-inner");
  const questionInput = $("frage");
  const askButton = $("ask-button");

  /** Scroll the conversation so that the end of `node` is visible, without pushing its start out of view. */
  function keepVisible(node) {
    const view = conversation.getBoundingClientRect();
    const rect = node.getBoundingClientRect();
    const below = rect.bottom - view.bottom + 16;
    const room = rect.top - view.top - 8;
    if (below > 0 && room > 0) conversation.scrollTop += Math.min(below, room);
  }

  function setBusy(busy) {
    state.busy = busy;
    questionInput.disabled = busy;
    askButton.disabled = busy;
    askButton.textContent = busy ? "Bitte warten…" : "Fragen";
    $("composer").setAttribute("aria-busy", busy ? "true" : "false");
  }

  /** One answer block in the conversation. */
  class AnswerView {
    constructor(question) {
      this.question = question;
      this.sources = [];
      this.citations = new Map(); // number -> citation
      this.streamed = "";
      this.final = null; // final answer text (from `citations`)
      this.status = null;
      this.finished = false;

      this.pending = el("p", { class: "answer__pending", "data-testid": "answer-pending" },
        el("span", { class: "spinner", "aria-hidden": "true" }), "Antwort wird erstellt…");
      this.text = el("div", {
        class: "answer__text", "data-testid": "answer-text", "aria-live": "polite", "aria-busy": "true",
      });
      this.error = el("p", { class: "answer__error", "data-testid": "answer-error", role: "alert", hidden: true });
      this.meta = el("p", { class: "answer__meta", "data-testid": "answer-meta", hidden: true });
      this.sourcesHeading = el("h3", { class: "sources__heading", "data-testid": "sources-heading", text: "Quellen" });
      this.sourcesList = el("ol", { class: "sources__list", "data-testid": "sources-list" });
      this.sourcesBox = el("section", { class: "sources", hidden: true }, this.sourcesHeading, this.sourcesList);
      this.root = el("article", {
        class: "answer", "data-testid": "answer", "aria-label": "Antwort", dataset: { state: "pending" },
      }, el("h2", { class: "visually-hidden", text: "Antwort" }), this.pending, this.text, this.error, this.meta, this.sourcesBox);
    }

    setState(value) {
      this.root.dataset.state = value;
    }

    handle(name, data) {
      if (this.finished) return;
      switch (name) {
        case "sources": this.onSources(data); break;
        case "token": this.onToken(data); break;
        case "citations": this.onCitations(data); break;
        case "done": this.onDone(data); break;
        case "error": this.fail(messageFromBody(data, 500)); break;
        default: break; // unknown events are ignored (forward compatible)
      }
    }

    onSources(data) {
      this.sources = Array.isArray(data && data.sources) ? data.sources : [];
      this.renderSources();
    }

    onToken(data) {
      const piece = data && typeof data.text === "string" ? data.text : "";
      if (!piece) return;
      if (this.root.dataset.state === "pending") {
        this.pending.hidden = true;
        this.setState("streaming");
      }
      this.streamed += piece;
      this.text.textContent = this.streamed;
      keepVisible(this.text);
    }

    onCitations(data) {
      this.final = typeof data.answer === "string" ? data.answer : this.streamed;
      this.status = data.status || "beantwortet";
      this.root.dataset.status = this.status;
      this.citations = new Map();
      for (const citation of Array.isArray(data.citations) ? data.citations : []) {
        if (!this.citations.has(citation.number)) this.citations.set(citation.number, citation);
      }
      this.dropped = Number(data.dropped_citations) || 0;
      this.pending.hidden = true;
      this.renderAnswer();
      this.renderSources();
    }

    onDone(data) {
      if (this.final === null) {
        // no citations event: show the streamed text without unverified markers
        this.final = this.streamed;
        this.renderAnswer();
      }
      const parts = [];
      if (data && typeof data.seconds_total === "number") parts.push(`Antwortzeit ${secondsFormat.format(data.seconds_total)} s`);
      if (this.dropped) parts.push(`${plural(this.dropped, "nicht belegter Verweis", "nicht belegte Verweise")} entfernt`);
      if (parts.length) {
        this.meta.textContent = parts.join(" · ");
        this.meta.hidden = false;
      }
      this.finish("done");
    }

    fail(message) {
      if (this.finished) return;
      this.pending.hidden = true;
      if (this.final === null && this.streamed) this.renderAnswer(); // partial text, unverified markers removed
      this.error.textContent = message;
      this.error.hidden = false;
      this.finish("error");
    }

    finish(finalState) {
      this.finished = true;
      this.pending.hidden = true;
      this.text.setAttribute("aria-busy", "false");
      if (!this.text.textContent) this.text.hidden = true;
      this.setState(finalState);
      keepVisible(this.error.hidden ? this.text : this.error);
    }

    /** The answer as text nodes with citation chips for verified markers; other markers are removed. */
    renderAnswer() {
      const text = this.final !== null ? this.final : this.streamed;
      const fragment = document.createDocumentFragment();
      let last = 0;
      for (const match of text.matchAll(MARKER_RE)) {
        const [whole, space, list] = match;
        fragment.append(text.slice(last, match.index));
        last = match.index + whole.length;
        const numbers = [...new Set(list.split(/[,;]/).map((n) => parseInt(n.trim(), 10)))];
        const cited = numbers.filter((n) => this.citations.has(n));
        if (!cited.length) continue; // unverified marker: not shown
        fragment.append(space || "\u00a0");
        cited.forEach((number, i) => {
          if (i) fragment.append("\u200a");
          fragment.append(this.chip(number));
        });
      }
      fragment.append(text.slice(last));
      this.text.replaceChildren(fragment);
      this.text.hidden = !text;
    }

    chip(number) {
      const citation = this.citations.get(number);
      const where = [citation.title, citation.page ? `Seite ${citation.page}` : "", citation.section]
        .filter(Boolean).join(", ");
      const button = el("button", {
        type: "button", class: "chip", "data-testid": "citation-chip", dataset: { number: String(number) },
        "aria-label": `Fundstelle ${number} anzeigen: ${where}`, title: where, text: String(number),
      });
      button.addEventListener("click", () => openPanel({ kind: "citation", item: citation, opener: button }));
      return button;
    }

    renderSources() {
      const nothingFound = this.status === "nichts_gefunden";
      this.sourcesHeading.textContent = nothingFound ? "Die nächstliegenden Fundstellen:" : "Quellen";
      this.sourcesHeading.setAttribute("data-testid", nothingFound ? "nearest-note" : "sources-heading");
      const citedNumbers = new Set(this.citations.keys());
      const items = this.sources.map((source) => {
        const cited = citedNumbers.has(source.number);
        const meta = [formatPages(source.page_start, source.page_end), source.section || source.heading]
          .filter(Boolean).join(" · ");
        const button = el("button", {
          type: "button", class: "source", "data-testid": "source-item",
          dataset: { number: String(source.number), docId: String(source.doc_id), cited: String(cited) },
        },
        el("span", { class: "source__number", "aria-hidden": "true", text: `[${source.number}]` }),
        el("span", { class: "source__body" },
          el("span", { class: "source__title" },
            el("span", { class: "visually-hidden", text: `Quelle ${source.number}: ` }),
            source.title || source.source || "Ohne Titel",
            cited ? el("span", { class: "source__badge", text: "zitiert" }) : null),
          meta ? el("span", { class: "source__meta", text: meta }) : null,
          el("span", { class: "source__snippet", text: snippet(source.text) })));
        button.addEventListener("click", () => openPanel({ kind: "source", item: source, opener: button }));
        return el("li", { class: cited ? "is-cited" : "" }, button);
      });
      if (!items.length) items.push(el("li", { class: "sources__empty", text: "Keine Fundstellen gefunden." }));
      this.sourcesList.replaceChildren(...items);
      this.sourcesBox.hidden = false;
    }
  }

  async function ask(question) {
    if (state.busy) return;
    const conversationId = state.conversationId;
    $("intro").hidden = true;
    closePanel({ restoreFocus: false });
    const userBubble = el("div", { class: "message message--user", "data-testid": "user-message" },
      el("h2", { class: "visually-hidden", text: "Ihre Frage" }),
      el("p", { class: "message__text", text: question }));
    const answer = new AnswerView(question);
    conversationInner.append(userBubble, answer.root);
    // the new question goes to the top; the answer then grows below it (sources arrive first)
    conversation.scrollTop += userBubble.getBoundingClientRect().top - conversation.getBoundingClientRect().top - 16;
    setBusy(true);
    announce("Antwort wird erstellt…");

    const controller = new AbortController();
    state.controller = controller;
    const history = state.history.slice(-HISTORY_TURNS);
    try {
      let response;
      try {
        response = await fetch(API.chat, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
          body: JSON.stringify({ question, history, stream: true, document_ids: [] }),
          signal: controller.signal,
        });
      } catch (err) {
        if (controller.signal.aborted) return;
        answer.fail("Der Server ist nicht erreichbar. Bitte versuchen Sie es später erneut.");
        return;
      }
      if (!response.ok) {
        answer.fail(await errorMessage(response));
        return;
      }
      const type = response.headers.get("content-type") || "";
      if (type.includes("application/json")) {
        // non-streaming answer (AnswerPublic): render it the same way
        const data = await response.json();
        answer.handle("sources", data);
        answer.handle("citations", data);
        answer.handle("done", data);
      } else {
        await readEventStream(response, (name, data) => {
          if (conversationId === state.conversationId) answer.handle(name, data);
        });
      }
      if (!answer.finished) {
        if (answer.final !== null) answer.handle("done", {});
        else answer.fail("Die Antwort wurde nicht vollständig übertragen. Bitte stellen Sie die Frage erneut.");
      }
    } catch (err) {
      if (controller.signal.aborted) return;
      answer.fail("Die Verbindung wurde unterbrochen. Bitte stellen Sie die Frage erneut.");
    } finally {
      if (state.controller === controller) {
        state.controller = null;
        setBusy(false);
        if (conversationId === state.conversationId) {
          if (answer.root.dataset.state === "done") {
            state.history.push(
              { role: "user", content: question.slice(0, HISTORY_CONTENT_MAX) },
              { role: "assistant", content: stripMarkers(answer.final || "").slice(0, HISTORY_CONTENT_MAX) },
            );
            state.history = state.history.slice(-2 * HISTORY_TURNS);
            announce(answer.status === "nichts_gefunden"
              ? "Antwort vollständig. Keine passende Fundstelle, die nächstliegenden Fundstellen werden angezeigt."
              : `Antwort vollständig. ${plural(answer.sources.length, "Quelle", "Quellen")}.`);
          } else {
            announce("Die Antwort konnte nicht erstellt werden.");
          }
        }
        // the disabled textarea lost focus; give it back unless the user moved on (e.g. into the panel)
        const active = document.activeElement;
        if (!$("view-chat").hidden && (!active || active === document.body)) questionInput.focus();
      }
    }
  }

  function newConversation() {
    state.conversationId += 1;
    if (state.controller) {
      state.controller.abort();
      state.controller = null;
    }
    setBusy(false);
    state.history = [];
    closePanel({ restoreFocus: false });
    for (const node of [...conversationInner.children]) if (node.id !== "intro") node.remove();
    $("intro").hidden = false;
    questionInput.value = "";
    questionInput.focus();
    announce("Neues Gespräch begonnen.");
  }

  function submitQuestion() {
    const question = questionInput.value.trim();
    if (!question || state.busy) return;
    questionInput.value = "";
    ask(question);
  }

  // ------------------------------------------------------------------ Fundstelle panel
  const panel = $("source-panel");

  function loadDocument(docId) {
    if (!state.docCache.has(docId)) {
      const promise = getJSON(API.document(docId));
      promise.catch(() => state.docCache.delete(docId)); // retry next time
      state.docCache.set(docId, promise);
    }
    return state.docCache.get(docId);
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

  async function openPanel({ kind, item, opener }) {
    const request = ++state.panelRequest;
    state.panelOpener = opener || null;
    const span = spanOf(kind, item);
    const pageLabel = kind === "citation"
      ? (item.page ? `Seite ${item.page}` : "–")
      : (item.page_start ? (item.page_end && item.page_end !== item.page_start ? `Seite ${item.page_start}–${item.page_end}` : `Seite ${item.page_start}`) : "–");

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
      if (request !== state.panelRequest) return;
      $("panel-status").textContent = err.message || "Das Dokument konnte nicht geladen werden.";
      return;
    }
    if (request !== state.panelRequest || panel.hidden) return;

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

  function closePanel({ restoreFocus = true } = {}) {
    if (panel.hidden) return;
    state.panelRequest += 1;
    panel.hidden = true;
    document.body.classList.remove("panel-open");
    const opener = state.panelOpener;
    state.panelOpener = null;
    if (restoreFocus && opener && opener.isConnected) opener.focus();
  }

  // ------------------------------------------------------------------ documents
  async function loadDocuments() {
    const status = $("docs-status");
    status.textContent = "Dokumente werden geladen…";
    let documents;
    try {
      documents = await getJSON(API.documents);
    } catch (err) {
      status.textContent = err.message;
      return;
    }
    state.docsLoaded = true;
    renderDocuments(Array.isArray(documents) ? documents : []);
  }

  function renderDocuments(documents) {
    const status = $("docs-status");
    const rows = documents.map((doc) => {
      const title = doc.title || doc.source || doc.id;
      const del = el("button", {
        type: "button", class: "button button--danger button--small", "data-testid": "document-delete",
        "aria-label": `Dokument „${title}“ löschen`, text: "Löschen",
      });
      del.addEventListener("click", () => deleteDocument(doc, title, del));
      const pagesText = numberFormat.format(doc.pages || 0);
      return el("tr", { "data-testid": "document-row", dataset: { docId: String(doc.id) } },
        el("th", { scope: "row", class: "docs-table__title", text: title }),
        el("td", { class: "path", title: doc.source || "" }, pathNode(doc.source)),
        el("td", { class: "num" }, pagesText,
          doc.ocr_pages ? el("span", { class: "muted", text: ` (${numberFormat.format(doc.ocr_pages)} OCR)` }) : null),
        el("td", { class: "num", text: numberFormat.format(doc.passages || 0) }),
        el("td", { class: "date", text: formatDate(doc.ingested_at) }),
        el("td", { class: "actions" }, del));
    });
    if (!rows.length) {
      rows.push(el("tr", { class: "docs-table__empty" },
        el("td", { colspan: "6", text: "Noch keine Dokumente eingelesen. Laden Sie oben Dokumente hoch." })));
    }
    $("documents-body").replaceChildren(...rows);
    status.textContent = documents.length ? `${plural(documents.length, "Dokument", "Dokumente")} eingelesen.` : "";
  }

  async function deleteDocument(doc, title, button) {
    if (!window.confirm(`Dokument „${title}“ wirklich löschen?`)) return;
    button.disabled = true;
    const status = $("docs-status");
    try {
      await getJSON(API.document(doc.id), { method: "DELETE" });
    } catch (err) {
      status.textContent = err.message;
      button.disabled = false;
      return;
    }
    state.docCache.delete(doc.id);
    await loadDocuments();
    status.textContent = `Dokument „${title}“ wurde gelöscht.`;
    $("docs-table-heading").setAttribute("tabindex", "-1");
    $("docs-table-heading").focus();
    loadHealth();
  }

  function uploadResult(kind, label, detail) {
    return el("li", { class: `upload__result upload__result--${kind}`, "data-testid": "upload-result", dataset: { result: kind } },
      el("span", { class: "upload__result-kind", text: kind === "ingested" ? "Eingelesen" : "Übersprungen" }),
      el("span", { class: "upload__result-name", text: label }),
      detail ? el("span", { class: "upload__result-detail", text: detail }) : null);
  }

  function showChosenFiles() {
    const files = [...($("upload-input").files || [])];
    $("upload-chosen").textContent = files.length
      ? `${plural(files.length, "Datei", "Dateien")} ausgewählt: ${files.map((f) => f.name).join(", ")}`
      : "Keine Datei ausgewählt.";
  }

  function upload(event) {
    event.preventDefault();
    if (state.uploading) return;
    const input = $("upload-input");
    const status = $("upload-status");
    const results = $("upload-results");
    const files = [...(input.files || [])];
    if (!files.length) {
      status.textContent = "Bitte wählen Sie zuerst eine oder mehrere Dateien aus.";
      input.focus();
      return;
    }
    const form = new FormData();
    for (const file of files) form.append("files", file, file.name);

    const progress = $("upload-progress");
    const wrap = $("upload-progress-wrap");
    const button = $("upload-button");
    state.uploading = true;
    button.disabled = true;
    input.disabled = true;
    results.replaceChildren();
    wrap.hidden = false;
    progress.max = 100;
    progress.value = 0;
    status.textContent = `${plural(files.length, "Datei wird", "Dateien werden")} hochgeladen…`;

    const xhr = new XMLHttpRequest();
    xhr.open("POST", API.documents);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.round((e.loaded / e.total) * 100);
      progress.value = percent;
      status.textContent = `Hochladen: ${percent} %`;
    };
    xhr.upload.onload = () => {
      progress.removeAttribute("value"); // indeterminate while the server ingests
      status.textContent = "Wird eingelesen… Das kann bei großen oder gescannten Dokumenten einige Minuten dauern.";
    };
    const finish = () => {
      state.uploading = false;
      button.disabled = false;
      input.disabled = false;
      wrap.hidden = true;
    };
    xhr.onerror = () => {
      finish();
      status.textContent = "Der Server ist nicht erreichbar. Die Dateien wurden nicht hochgeladen.";
    };
    xhr.onload = () => {
      finish();
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (_) { /* not JSON */ }
      if (xhr.status < 200 || xhr.status >= 300 || !body) {
        status.textContent = messageFromBody(body, xhr.status);
        if (body && Array.isArray(body.skipped)) renderUploadResults(body);
        return;
      }
      renderUploadResults(body);
      const ingested = (body.documents || []).length;
      const skipped = (body.skipped || []).length;
      status.textContent = [
        ingested ? `${plural(ingested, "Dokument", "Dokumente")} eingelesen` : "Kein Dokument eingelesen",
        skipped ? `${plural(skipped, "Datei", "Dateien")} übersprungen` : "",
      ].filter(Boolean).join(", ") + ".";
      input.value = "";
      showChosenFiles();
      state.docCache.clear();
      loadDocuments();
      loadHealth();
    };
    xhr.send(form);
  }

  function renderUploadResults(body) {
    const items = [];
    for (const doc of body.documents || []) {
      items.push(uploadResult("ingested", doc.title || doc.source,
        `${plural(doc.pages || 0, "Seite", "Seiten")}, ${plural(doc.passages || 0, "Abschnitt", "Abschnitte")}`));
    }
    for (const skip of body.skipped || []) items.push(uploadResult("skipped", skip.file, skip.reason));
    $("upload-results").replaceChildren(...items);
  }

  // ------------------------------------------------------------------ health
  async function loadHealth() {
    const line = $("health-status");
    try {
      const health = await getJSON(API.health);
      const parts = [
        health.offline ? "Offline-Betrieb" : "Netzzugriff erlaubt",
        plural(health.documents || 0, "Dokument", "Dokumente"),
        plural(health.passages || 0, "Abschnitt", "Abschnitte"),
        health.llm ? `Modell: ${health.llm}` : "",
      ].filter(Boolean);
      line.textContent = parts.join(" · ");
      line.title = health.embedder ? `Suchmodell: ${health.embedder}` : "";
      line.classList.toggle("health--warn", !health.offline);
    } catch (err) {
      line.textContent = "Server nicht erreichbar.";
      line.classList.add("health--warn");
    }
  }

  // ------------------------------------------------------------------ wiring
  function init() {
    $("composer").addEventListener("submit", (e) => {
      e.preventDefault();
      submitQuestion();
    });
    questionInput.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        submitQuestion();
      }
    });
    $("new-chat-button").addEventListener("click", newConversation);
    for (const button of document.querySelectorAll(".views__button")) {
      button.addEventListener("click", () => showView(button.dataset.view));
    }
    $("panel-close").addEventListener("click", () => closePanel());
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !panel.hidden) {
        e.preventDefault();
        closePanel();
      }
    });
    $("upload-form").addEventListener("submit", upload);
    $("upload-input").addEventListener("change", showChosenFiles);
    $("docs-reload").addEventListener("click", loadDocuments);
    window.addEventListener("hashchange", () => showView(window.location.hash === "#dokumente" ? "docs" : "chat"));

    setBusy(false);
    showView(window.location.hash === "#dokumente" ? "docs" : "chat");
    loadHealth();
    if (!$("view-chat").hidden) questionInput.focus();
  }

  init();
})();
