/*
 * Verwaltungsassistent – Web-Chat für Sachbearbeiterinnen und Sachbearbeiter.
 * Plain ES2020, no build step, no external resources. Served at / (index.html) and /static/.
 *
 * Security: document texts, titles, file names and model answers are untrusted. This file never
 * uses innerHTML/insertAdjacentHTML; every text goes through textContent / DOM nodes (see el()).
 *
 * Stable test selectors (data-testid) – keep them when changing the markup:
 *   nav-chat, nav-docs              header buttons switching the views "Recherche" / "Dokumente"
 *   nav-drafts, nav-batch           header buttons for the views "Entwürfe" / "Auswertung"
 *   chat-view, docs-view            the view sections (also drafts-view, batch-view below)
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
 *                                   (chat answers and draft sections; a click opens the Fundstelle panel)
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
 *   document-summarize              "Zusammenfassen" button in a row (opens "Entwürfe" with the document chosen)
 *   upload-form, upload-input, upload-button, upload-progress, upload-status, upload-results
 *   upload-result                   <li> per file; data-result = "ingested" | "skipped"
 *   health-status                   footer status line
 *
 * Entwürfe (summaries / drafts; job id kept in sessionStorage "va.draftJob", a reload resumes polling):
 *   drafts-view, drafts-form
 *   drafts-docs-status              loading / error line of the document list
 *   drafts-doc-list                 <ul> of documents; drafts-doc-option = <li> per document (data-doc-id),
 *   drafts-doc-checkbox             its checkbox (data-doc-id)
 *   drafts-files, drafts-files-chosen, drafts-files-clear   optional files uploaded with the request
 *   drafts-template                 <select> of templates (option value = template id)
 *   drafts-template-description     description and sections of the chosen template
 *   drafts-length                   fieldset; radios drafts-length-kurz, drafts-length-ausfuehrlich
 *   drafts-form-select              <select> "wie Vorlage" (value "") | fliesstext | stichpunkte
 *   drafts-start                    "Entwurf erstellen"
 *   drafts-form-status              validation / start error message
 *   drafts-job                      job box; data-status = wartend | laeuft | fertig | abgebrochen | fehlgeschlagen
 *   drafts-progress                 <progress> (done/total; indeterminate while total is 0)
 *   drafts-job-steps, drafts-job-message, drafts-job-eta   "Schritt n von m", server message, time left
 *   drafts-error                    German error of a failed / cancelled job
 *   drafts-cancel                   "Abbrechen"
 *   drafts-result                   the finished draft (<article>); data-job-id
 *   drafts-result-title, drafts-result-subject, drafts-result-documents
 *   drafts-section                  one section (data-heading); drafts-section-text its text (chips inside)
 *   drafts-dropped                  "n Aussage(n) ohne prüfbare Quelle wurden weggelassen."
 *   drafts-closing                  closing line
 *   drafts-sources                  <ol> "Quellen"; drafts-source-item = <button> per source (data-number, data-doc-id)
 *   drafts-download-docx, drafts-download-md   download links
 *
 * Auswertung (batch analysis of case files; job id in sessionStorage "va.batchJob"):
 *   batch-view, batch-form
 *   batch-example-select, batch-example-load, batch-example-status   example field lists
 *   batch-schema                    YAML textarea of the field list
 *   batch-help                      <details> describing the format
 *   batch-folder-input              folder picker (webkitdirectory); batch-files-input single files
 *   batch-chosen                    the cases that will be sent; batch-clear empties the choice
 *   batch-start, batch-form-status
 *   batch-job                       job box; data-status as drafts-job
 *   batch-progress, batch-job-steps, batch-job-message, batch-job-eta, batch-error, batch-cancel
 *   batch-result                    result section; data-job-id
 *   batch-downloads                 links batch-download-xlsx, batch-download-csv, batch-download-jsonl
 *   batch-table                     results table; batch-row = <tr> per case (data-case, data-status = fertig|fehler)
 *   batch-cell                      <td> per field (data-field, data-status = gefunden|nicht_gefunden)
 *   batch-value                     <button> with the formatted value of a found cell (opens batch-detail)
 *   batch-not-found                 "nicht gefunden" (grey italics)
 *   batch-row-error                 error message of a failed case (spans the row)
 *   batch-detail                    box with the citation of the chosen value; batch-detail-heading,
 *                                   batch-detail-value, -raw, -title, -source, -page, -quote, batch-detail-close
 */
"use strict";

(() => {
  // ------------------------------------------------------------------ constants
  const API = {
    chat: "api/chat",
    documents: "api/documents",
    document: (id) => `api/documents/${encodeURIComponent(id)}`,
    health: "healthz",
    templates: "api/summaries/templates",
    summaries: "api/summaries",
    summary: (id) => `api/summaries/${encodeURIComponent(id)}`,
    batch: "api/batch",
    batchExamples: "api/batch/examples",
    batchJob: (id) => `api/batch/${encodeURIComponent(id)}`,
  };
  /** View name -> location hash. */
  const VIEWS = { chat: "", docs: "#dokumente", drafts: "#entwuerfe", batch: "#auswertung" };
  const POLL_MS = 1500;
  const SUPPORTED_SUFFIXES = [".pdf", ".md", ".markdown", ".txt", ".text", ".html", ".htm", ".docx"];
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
    view: null,
    draftSelection: new Set(), // doc ids chosen in "Entwürfe"
    templatesLoaded: false,
    draftsStarting: false,
    draftsRunning: false,
    examples: null, // [{file, name, yaml}] once loaded
    batchStarting: false,
    batchRunning: false,
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
  function viewOfHash(hash) {
    return Object.keys(VIEWS).find((name) => VIEWS[name] && VIEWS[name] === hash) || "chat";
  }

  function showView(view) {
    if (!Object.prototype.hasOwnProperty.call(VIEWS, view)) view = "chat";
    const previous = state.view;
    state.view = view;
    for (const name of Object.keys(VIEWS)) $(`view-${name}`).hidden = name !== view;
    for (const button of document.querySelectorAll(".views__button")) {
      if (button.dataset.view === view) button.setAttribute("aria-current", "page");
      else button.removeAttribute("aria-current");
    }
    if (view !== "chat" || (previous && previous !== view)) closePanel({ restoreFocus: false });
    if (view === "docs") loadDocuments();
    else if (view === "drafts") enterDrafts();
    else if (view === "batch") enterBatch();
    const hash = VIEWS[view];
    if (window.location.hash !== hash) {
      window.history.replaceState(null, "", hash || window.location.pathname + window.location.search);
    }
  }

  /** Focusable chip for a verified citation; a click opens the Fundstelle panel (chat and drafts). */
  function citationChip(citation, number = citation.number) {
    const where = [citation.title, citation.page ? `Seite ${citation.page}` : "", citation.section]
      .filter(Boolean).join(", ");
    const button = el("button", {
      type: "button", class: "chip", "data-testid": "citation-chip", dataset: { number: String(number) },
      "aria-label": `Fundstelle ${number} anzeigen: ${where}`, title: where, text: String(number),
    });
    button.addEventListener("click", () => openPanel({ kind: "citation", item: citation, opener: button }));
    return button;
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
      return citationChip(this.citations.get(number), number);
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
      const summarize = el("button", {
        type: "button", class: "button button--secondary button--small", "data-testid": "document-summarize",
        "aria-label": `Dokument „${title}“ zusammenfassen`, text: "Zusammenfassen",
      });
      summarize.addEventListener("click", () => summarizeDocument(doc));
      const pagesText = numberFormat.format(doc.pages || 0);
      return el("tr", { "data-testid": "document-row", dataset: { docId: String(doc.id) } },
        el("th", { scope: "row", class: "docs-table__title", text: title }),
        el("td", { class: "path", title: doc.source || "" }, pathNode(doc.source)),
        el("td", { class: "num" }, pagesText,
          doc.ocr_pages ? el("span", { class: "muted", text: ` (${numberFormat.format(doc.ocr_pages)} OCR)` }) : null),
        el("td", { class: "num", text: numberFormat.format(doc.passages || 0) }),
        el("td", { class: "date", text: formatDate(doc.ingested_at) }),
        el("td", { class: "actions" }, el("span", { class: "actions__buttons" }, summarize, del)));
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

  // ------------------------------------------------------------------ background jobs (drafts, batch)
  const JOB_STATUS_LABELS = {
    wartend: "Wartet auf Bearbeitung",
    laeuft: "Wird bearbeitet",
    fertig: "Fertig",
    abgebrochen: "Abgebrochen",
    fehlgeschlagen: "Fehlgeschlagen",
  };
  const JOB_FINISHED = new Set(["fertig", "abgebrochen", "fehlgeschlagen"]);

  function formatDuration(seconds) {
    const total = Math.max(1, Math.round(seconds));
    if (total < 60) return `${total} s`;
    if (total < 3600) {
      const minutes = Math.floor(total / 60);
      const rest = total % 60;
      return rest ? `${minutes} Min. ${rest} s` : `${minutes} Min.`;
    }
    const hours = Math.floor(total / 3600);
    return `${hours} Std. ${Math.round((total % 3600) / 60)} Min.`;
  }

  function sessionGet(key) {
    try { return window.sessionStorage.getItem(key); } catch (_) { return null; }
  }

  function sessionSet(key, value) {
    try {
      if (value === null) window.sessionStorage.removeItem(key);
      else window.sessionStorage.setItem(key, value);
    } catch (_) { /* storage disabled: no resume after a reload */ }
  }

  /** POST a job request (JSON object or FormData); returns the job or throws an Error with a German message. */
  async function postJob(url, body) {
    const options = { method: "POST", headers: { Accept: "application/json" }, body };
    if (!(body instanceof FormData)) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return getJSON(url, options);
  }

  /**
   * Progress box of one background job: polls GET url(id) every POLL_MS until the job has finished, shows
   * progress, message, time left and a cancel button; the id is kept in sessionStorage so a reload resumes.
   */
  class JobView {
    constructor({ prefix, storageKey, url, noun, steps, onUpdate, onFinished, onForget }) {
      this.prefix = prefix;
      this.storageKey = storageKey;
      this.url = url;
      this.noun = noun; // "Der Entwurf" / "Die Auswertung"
      this.steps = steps; // job -> progress text
      this.onUpdate = onUpdate; // (job) after every render
      this.onFinished = onFinished; // (job, {resumed})
      this.onForget = onForget;
      this.jobId = null;
      this.timer = null;
      this.generation = 0;
      this.failures = 0;
      this.part = (name) => $(`${prefix}-${name}`);
      this.part("cancel").addEventListener("click", () => this.cancel());
    }

    /** Follow a job just created by POST (the 202 answer). */
    start(job) {
      this.stop();
      this.jobId = job.id;
      sessionSet(this.storageKey, job.id);
      this.follow(job, false);
    }

    /** After a reload: continue with the job remembered in sessionStorage. */
    resume() {
      const id = sessionGet(this.storageKey);
      if (!id || this.jobId) return;
      this.jobId = id;
      this.poll(true);
    }

    stop() {
      this.generation += 1;
      window.clearTimeout(this.timer);
      this.timer = null;
    }

    forget() {
      this.stop();
      this.jobId = null;
      sessionSet(this.storageKey, null);
      this.part("job").hidden = true;
      if (this.onForget) this.onForget();
    }

    follow(job, resumed) {
      this.render(job);
      if (JOB_FINISHED.has(job.status)) {
        this.onFinished(job, { resumed });
        return;
      }
      const generation = this.generation;
      this.timer = window.setTimeout(() => {
        if (generation === this.generation) this.poll(false); // the job is watched now: announce its end
      }, POLL_MS);
    }

    async poll(resumed) {
      const generation = this.generation;
      const id = this.jobId;
      let response;
      try {
        response = await fetch(this.url(id), { headers: { Accept: "application/json" } });
      } catch (_) {
        response = null;
      }
      if (generation !== this.generation || id !== this.jobId) return;
      if (response && response.status === 404) {
        if (resumed) {
          this.forget(); // an old id after a server reset: nothing to show
        } else {
          this.showError(await errorMessage(response));
          this.part("cancel").hidden = true;
          this.stop();
          sessionSet(this.storageKey, null);
          this.onUpdate({ status: "fehlgeschlagen" });
        }
        return;
      }
      let job = null;
      if (response && response.ok) {
        try { job = await response.json(); } catch (_) { job = null; }
      }
      if (generation !== this.generation || id !== this.jobId) return;
      if (!job) {
        this.failures += 1;
        this.part("job-eta").textContent = "Verbindung zum Server unterbrochen – neuer Versuch …";
        this.timer = window.setTimeout(() => {
          if (generation === this.generation) this.poll(resumed);
        }, Math.min(POLL_MS * (1 + this.failures), 15000));
        return;
      }
      this.failures = 0;
      this.follow(job, resumed);
    }

    showError(message) {
      const error = this.part("error");
      error.textContent = message;
      error.hidden = !message;
    }

    render(job) {
      const box = this.part("job");
      box.hidden = false;
      box.dataset.status = job.status;
      box.dataset.jobId = job.id;
      const running = !JOB_FINISHED.has(job.status);
      const progress = this.part("progress");
      const total = Number(job.total) || 0;
      const done = Math.min(Number(job.done) || 0, total);
      if (total > 0) {
        progress.max = total;
        progress.value = job.status === "fertig" ? total : done;
      } else if (job.status === "fertig") {
        progress.max = 1;
        progress.value = 1;
      } else if (running) {
        progress.removeAttribute("value"); // indeterminate until the job knows its steps
      }
      progress.hidden = !running && job.status !== "fertig";
      this.part("job-steps").textContent = `${JOB_STATUS_LABELS[job.status] || job.status}${this.steps(job) ? ` · ${this.steps(job)}` : ""}`;
      const message = running ? (job.message || "") : "";
      this.part("job-message").textContent = message ? ` – ${message}` : "";
      let eta = "";
      if (job.status === "wartend") eta = "Der Auftrag beginnt, sobald vorherige Aufträge erledigt sind.";
      else if (job.status === "laeuft") {
        eta = typeof job.seconds_left === "number" && Number.isFinite(job.seconds_left)
          ? `Noch etwa ${formatDuration(job.seconds_left)}.`
          : "Die Restzeit wird ermittelt …";
      }
      this.part("job-eta").textContent = eta;
      this.part("job-eta").hidden = !eta;
      if (job.status === "fehlgeschlagen") {
        this.showError(job.message || `${this.noun} konnte nicht erstellt werden.`);
      } else if (job.status === "abgebrochen") {
        this.showError(`${this.noun} wurde abgebrochen.`);
      } else {
        this.showError("");
      }
      const cancel = this.part("cancel");
      cancel.hidden = !running;
      if (!running) {
        cancel.disabled = false;
        cancel.textContent = "Abbrechen";
      }
      this.onUpdate(job);
    }

    async cancel() {
      if (!this.jobId) return;
      const button = this.part("cancel");
      const id = this.jobId;
      button.disabled = true;
      button.textContent = "Wird abgebrochen …";
      try {
        await getJSON(`${this.url(id)}/cancel`, { method: "POST", headers: { Accept: "application/json" } });
        announce("Abbruch angefordert. Der laufende Schritt wird noch beendet.");
        this.part("job-eta").textContent = "Abbruch angefordert – der laufende Schritt wird noch beendet …";
        this.part("job-eta").hidden = false;
      } catch (err) {
        button.disabled = false;
        button.textContent = "Abbrechen";
        this.showError(err.message);
      }
    }
  }

  /** Move the focus to `target` unless the user is busy elsewhere (focus on body or on a vanished control). */
  function focusIfIdle(viewName, target, previous) {
    if (state.view !== viewName) return;
    const active = document.activeElement;
    if (!active || active === document.body || active === previous || !active.isConnected || active.hidden) {
      target.setAttribute("tabindex", "-1");
      target.focus();
    }
  }

  // ------------------------------------------------------------------ Entwürfe
  const draftJob = new JobView({
    prefix: "drafts",
    storageKey: "va.draftJob",
    url: API.summary,
    noun: "Der Entwurf",
    steps: (job) => (job.total ? `Schritt ${numberFormat.format(job.done || 0)} von ${numberFormat.format(job.total)}` : ""),
    onUpdate: (job) => setDraftsRunning(!JOB_FINISHED.has(job.status)),
    onFinished: (job, { resumed }) => {
      setDraftsRunning(false);
      $("drafts-form-status").textContent = "";
      if (job.status === "fertig" && job.draft) {
        renderDraft(job);
        if (!resumed) announce("Der Entwurf ist fertig.");
        if (!resumed) focusIfIdle("drafts", $("drafts-result-title"), $("drafts-cancel"));
        loadDraftDocuments(); // files uploaded with the request are now documents too
      } else if (!resumed) {
        announce(job.status === "abgebrochen" ? "Der Entwurf wurde abgebrochen." : "Der Entwurf konnte nicht erstellt werden.");
        focusIfIdle("drafts", $("drafts-error"), $("drafts-cancel"));
      }
    },
    onForget: () => setDraftsRunning(false),
  });

  function setDraftsRunning(running) {
    state.draftsRunning = running;
    const button = $("drafts-start");
    button.disabled = running || state.draftsStarting;
    button.textContent = state.draftsStarting ? "Wird gestartet …" : "Entwurf erstellen";
    $("drafts-form").setAttribute("aria-busy", running || state.draftsStarting ? "true" : "false");
  }

  function enterDrafts() {
    if (!state.templatesLoaded) loadTemplates();
    loadDraftDocuments();
  }

  /** Switch to "Entwürfe" with this document (and only this one) chosen. */
  function summarizeDocument(doc) {
    state.draftSelection = new Set([String(doc.id)]);
    showView("drafts");
    $("drafts-heading").focus();
    announce(`Dokument „${doc.title || doc.source || doc.id}“ für den Entwurf ausgewählt.`);
  }

  async function loadTemplates() {
    const select = $("drafts-template");
    let list;
    try {
      list = await getJSON(API.templates);
    } catch (err) {
      $("drafts-template-description").textContent = `Vorlagen konnten nicht geladen werden: ${err.message}`;
      return;
    }
    if (state.templatesLoaded) return;
    state.templatesLoaded = true;
    state.templates = Array.isArray(list) ? list : [];
    select.replaceChildren(...state.templates.map((t) => el("option", { value: t.id, text: t.title || t.id })));
    const preferred = state.templates.find((t) => t.id === "zusammenfassung") || state.templates[0];
    if (preferred) select.value = preferred.id;
    describeTemplate();
  }

  function describeTemplate() {
    const template = (state.templates || []).find((t) => t.id === $("drafts-template").value);
    const parts = [];
    if (template) {
      if (template.description) parts.push(template.description);
      if (Array.isArray(template.sections) && template.sections.length) parts.push(`Abschnitte: ${template.sections.join(", ")}.`);
    }
    $("drafts-template-description").textContent = parts.join(" ");
  }

  async function loadDraftDocuments() {
    const status = $("drafts-docs-status");
    const list = $("drafts-doc-list");
    if (!list.children.length) status.textContent = "Dokumente werden geladen …";
    let documents;
    try {
      documents = await getJSON(API.documents);
    } catch (err) {
      status.textContent = err.message;
      return;
    }
    documents = Array.isArray(documents) ? documents : [];
    const known = new Set(documents.map((doc) => String(doc.id)));
    for (const id of [...state.draftSelection]) if (!known.has(id)) state.draftSelection.delete(id);
    const items = documents.map((doc) => {
      const id = String(doc.id);
      const title = doc.title || doc.source || id;
      const inputId = `draft-doc-${id.replace(/[^\w-]/g, "_")}`;
      const box = el("input", {
        type: "checkbox", id: inputId, value: id, "data-testid": "drafts-doc-checkbox", dataset: { docId: id },
      });
      box.checked = state.draftSelection.has(id);
      box.addEventListener("change", () => {
        if (box.checked) state.draftSelection.add(id);
        else state.draftSelection.delete(id);
        updateDraftSelectionStatus(documents.length);
      });
      const meta = [doc.source && doc.source !== title ? doc.source : "", doc.pages ? plural(doc.pages, "Seite", "Seiten") : ""]
        .filter(Boolean).join(" · ");
      return el("li", { class: "checklist__item", "data-testid": "drafts-doc-option", dataset: { docId: id } },
        box,
        el("label", { for: inputId, class: "checklist__label" },
          el("span", { class: "checklist__title", text: title }),
          meta ? el("span", { class: "checklist__meta", text: meta }) : null));
    });
    list.replaceChildren(...items);
    list.hidden = !items.length;
    if (!items.length) status.textContent = "Noch keine Dokumente eingelesen. Sie können unten Dateien auswählen.";
    else updateDraftSelectionStatus(documents.length);
  }

  function updateDraftSelectionStatus(count) {
    const chosen = state.draftSelection.size;
    $("drafts-docs-status").textContent = `${plural(count, "Dokument", "Dokumente")} verfügbar, ${numberFormat.format(chosen)} ausgewählt.`;
  }

  function showDraftFiles() {
    const files = [...($("drafts-files").files || [])];
    $("drafts-files-chosen").textContent = files.length
      ? `${plural(files.length, "Datei", "Dateien")} ausgewählt: ${files.map((f) => f.name).join(", ")}`
      : "Keine Datei ausgewählt.";
    $("drafts-files-clear").hidden = !files.length;
  }

  async function startDraft(event) {
    event.preventDefault();
    if (state.draftsRunning || state.draftsStarting) return;
    const status = $("drafts-form-status");
    const docIds = [...state.draftSelection];
    const files = [...($("drafts-files").files || [])];
    const template = $("drafts-template").value;
    const lengthInput = document.querySelector('input[name="drafts-length"]:checked');
    const length = lengthInput ? lengthInput.value : "kurz";
    const form = $("drafts-form-select").value || null;
    status.classList.remove("form-status--error");
    if (!template) {
      status.textContent = "Die Vorlagen sind noch nicht geladen. Bitte versuchen Sie es gleich noch einmal.";
      status.classList.add("form-status--error");
      if (!state.templatesLoaded) loadTemplates();
      return;
    }
    if (!docIds.length && !files.length) {
      status.textContent = "Bitte wählen Sie mindestens ein Dokument aus oder fügen Sie eine Datei hinzu.";
      status.classList.add("form-status--error");
      const first = $("drafts-doc-list").querySelector("input");
      (first || $("drafts-files")).focus();
      return;
    }
    let body;
    if (files.length) {
      body = new FormData();
      for (const file of files) body.append("files", file, file.name);
      body.append("template", template);
      body.append("length", length);
      if (form) body.append("form", form);
      for (const id of docIds) body.append("doc_ids", id);
    } else {
      body = { doc_ids: docIds, template, length, form };
    }
    state.draftsStarting = true;
    setDraftsRunning(false);
    status.textContent = files.length ? "Dateien werden hochgeladen, der Auftrag wird gestartet …" : "Der Auftrag wird gestartet …";
    let job;
    try {
      job = await postJob(API.summaries, body);
    } catch (err) {
      state.draftsStarting = false;
      setDraftsRunning(false);
      status.textContent = err.message;
      status.classList.add("form-status--error");
      return;
    }
    state.draftsStarting = false;
    status.textContent = "Der Auftrag läuft. Sie können die Seite verlassen und später zurückkehren.";
    if (files.length) {
      $("drafts-files").value = "";
      showDraftFiles();
    }
    const result = $("drafts-result");
    result.hidden = true;
    result.replaceChildren();
    draftJob.start(job);
    announce("Der Entwurf wird erstellt.");
  }

  /** Markers "[3]", "[1][4]", "[1, 2]" with the blanks before them, as one group. */
  const DRAFT_MARKERS_RE = /[ \t]*(?:\[\d{1,3}(?:\s*[,;]\s*\d{1,3})*\])+/g;

  /** Append `text` to `parent`, markers as citation chips (numbers without a source are left out). */
  function appendCited(parent, text, citations) {
    let last = 0;
    for (const match of text.matchAll(DRAFT_MARKERS_RE)) {
      parent.append(text.slice(last, match.index));
      last = match.index + match[0].length;
      const numbers = [...new Set((match[0].match(/\d{1,3}/g) || []).map((n) => parseInt(n, 10)))]
        .filter((n) => citations.has(n));
      if (!numbers.length) continue;
      parent.append("\u00a0");
      numbers.forEach((number, i) => {
        if (i) parent.append("\u200a");
        parent.append(citationChip(citations.get(number), number));
      });
    }
    parent.append(text.slice(last));
  }

  /** Section text: paragraphs separated by blank lines; lines starting with "- " become a list. */
  function sectionBody(text, citations) {
    const body = el("div", { class: "draft__text", "data-testid": "drafts-section-text" });
    for (const block of String(text || "").split(/\n[ \t]*\n/)) {
      let list = null;
      let paragraph = null;
      for (const raw of block.split("\n")) {
        const line = raw.trim();
        if (!line) continue;
        const bullet = /^[-•]\s+/.exec(line);
        if (bullet) {
          paragraph = null;
          if (!list) {
            list = el("ul", { class: "draft__list" });
            body.append(list);
          }
          const item = el("li");
          appendCited(item, line.slice(bullet[0].length), citations);
          list.append(item);
        } else {
          list = null;
          if (paragraph) paragraph.append(el("br"));
          else {
            paragraph = el("p");
            body.append(paragraph);
          }
          appendCited(paragraph, line, citations);
        }
      }
    }
    if (!body.childNodes.length) {
      body.append(el("p", { class: "muted", text: "Zu diesem Abschnitt gab es keine Aussage mit prüfbarer Quelle." }));
    }
    return body;
  }

  function renderDraft(job) {
    const draft = job.draft;
    const sources = Array.isArray(draft.sources) ? draft.sources : [];
    const citations = new Map();
    for (const source of sources) if (!citations.has(source.number)) citations.set(source.number, source);
    const documents = Array.isArray(draft.documents) ? draft.documents : [];

    const header = el("header", { class: "draft__header" },
      el("h3", { id: "drafts-result-title", class: "draft__title", "data-testid": "drafts-result-title", tabindex: "-1", text: draft.title || "Entwurf" }),
      draft.subject ? el("p", { class: "draft__subject", "data-testid": "drafts-result-subject" },
        el("strong", { text: "Betreff: " }), draft.subject) : null,
      el("p", { class: "draft__meta", "data-testid": "drafts-result-documents" },
        `${documents.length === 1 ? "Dokument" : "Dokumente"}: ${documents.join("; ") || "–"} · erstellt ${formatDate(draft.created_at)}`));

    const sections = (Array.isArray(draft.sections) ? draft.sections : []).map((section) =>
      el("section", { class: "draft__section", "data-testid": "drafts-section", dataset: { heading: section.heading || "" } },
        el("h4", { text: section.heading || "" }),
        sectionBody(section.text, citations)));

    const dropped = Number(draft.dropped_statements) || 0;
    const droppedNote = dropped > 0
      ? el("p", { class: "draft__note", "data-testid": "drafts-dropped",
        text: `${numberFormat.format(dropped)} Aussage(n) ohne prüfbare Quelle wurden weggelassen.` })
      : null;
    const closing = draft.closing_line
      ? el("p", { class: "draft__closing", "data-testid": "drafts-closing", text: draft.closing_line })
      : null;

    const sourceItems = sources.map((source) => {
      const meta = [source.page ? `Seite ${source.page}` : "", source.section].filter(Boolean).join(" · ");
      const button = el("button", {
        type: "button", class: "source", "data-testid": "drafts-source-item",
        dataset: { number: String(source.number), docId: String(source.doc_id) },
      },
      el("span", { class: "source__number", "aria-hidden": "true", text: `[${source.number}]` }),
      el("span", { class: "source__body" },
        el("span", { class: "source__title" },
          el("span", { class: "visually-hidden", text: `Quelle ${source.number}: ` }),
          source.title || source.source || "Ohne Titel"),
        meta ? el("span", { class: "source__meta", text: meta }) : null,
        source.quote ? el("span", { class: "source__snippet", text: `„${snippet(source.quote)}“` }) : null));
      button.addEventListener("click", () => openPanel({ kind: "citation", item: source, opener: button }));
      return el("li", {}, button);
    });
    if (!sourceItems.length) sourceItems.push(el("li", { class: "sources__empty", text: "Keine Quellen." }));
    const sourcesBox = el("section", { class: "sources", "aria-labelledby": "drafts-sources-heading" },
      el("h4", { class: "sources__heading", id: "drafts-sources-heading", text: "Quellen" }),
      el("ol", { class: "sources__list", "data-testid": "drafts-sources" }, ...sourceItems));

    const base = API.summary(job.id);
    const downloads = el("p", { class: "downloads" },
      el("a", { class: "button button--secondary button--small", href: `${base}/entwurf.docx`, download: "",
        "data-testid": "drafts-download-docx", text: "Als Word-Datei (DOCX) herunterladen" }),
      el("a", { class: "button button--secondary button--small", href: `${base}/entwurf.md`, download: "",
        "data-testid": "drafts-download-md", text: "Als Markdown herunterladen" }));

    const result = $("drafts-result");
    result.dataset.jobId = job.id;
    result.replaceChildren(header, ...sections, droppedNote, closing, sourcesBox, downloads);
    result.hidden = false;
  }

  function initDrafts() {
    $("drafts-form").addEventListener("submit", startDraft);
    $("drafts-template").addEventListener("change", describeTemplate);
    $("drafts-files").addEventListener("change", showDraftFiles);
    $("drafts-files-clear").addEventListener("click", () => {
      $("drafts-files").value = "";
      showDraftFiles();
      $("drafts-files").focus();
    });
    setDraftsRunning(false);
  }

  // ------------------------------------------------------------------ Auswertung
  const batchJob = new JobView({
    prefix: "batch",
    storageKey: "va.batchJob",
    url: API.batchJob,
    noun: "Die Auswertung",
    steps: (job) => {
      if (!job.total) return "";
      const parts = [`Fälle ${numberFormat.format(job.done || 0)} von ${numberFormat.format(job.total)}`];
      if (job.cells_total) parts.push(`Angaben ${numberFormat.format(job.cells_done || 0)} von ${numberFormat.format(job.cells_total)}`);
      return parts.join(" · ");
    },
    onUpdate: (job) => setBatchRunning(!JOB_FINISHED.has(job.status)),
    onFinished: (job, { resumed }) => {
      setBatchRunning(false);
      $("batch-form-status").textContent = "";
      if (job.status === "fertig" && job.result) {
        renderBatchResult(job);
        if (!resumed) announce("Die Auswertung ist fertig.");
        if (!resumed) focusIfIdle("batch", $("batch-result-heading"), $("batch-cancel"));
      } else if (!resumed) {
        announce(job.status === "abgebrochen" ? "Die Auswertung wurde abgebrochen." : "Die Auswertung ist fehlgeschlagen.");
        focusIfIdle("batch", $("batch-error"), $("batch-cancel"));
      }
    },
    onForget: () => setBatchRunning(false),
  });

  function setBatchRunning(running) {
    state.batchRunning = running;
    const button = $("batch-start");
    button.disabled = running || state.batchStarting;
    button.textContent = state.batchStarting ? "Wird gestartet …" : "Auswertung starten";
    $("batch-form").setAttribute("aria-busy", running || state.batchStarting ? "true" : "false");
  }

  function enterBatch() {
    if (!state.examples) loadExamples();
  }

  async function loadExamples() {
    const select = $("batch-example-select");
    const status = $("batch-example-status");
    let list;
    try {
      list = await getJSON(API.batchExamples);
    } catch (err) {
      status.textContent = `Beispiele konnten nicht geladen werden: ${err.message}`;
      return;
    }
    if (state.examples) return;
    state.examples = Array.isArray(list) ? list : [];
    select.replaceChildren(...state.examples.map((example, i) =>
      el("option", { value: String(i), text: example.name ? `${example.name} (${example.file})` : example.file })));
    select.disabled = !state.examples.length;
    $("batch-example-load").disabled = !state.examples.length;
    status.textContent = state.examples.length ? "" : "Keine Beispiele vorhanden.";
  }

  function loadExample() {
    const example = (state.examples || [])[Number($("batch-example-select").value)];
    if (!example) return;
    const textarea = $("batch-schema");
    const current = textarea.value.trim();
    const isExample = (state.examples || []).some((e) => e.yaml.trim() === current);
    if (current && !isExample && !window.confirm("Die bisherige Feldliste wird ersetzt. Fortfahren?")) return;
    textarea.value = example.yaml;
    sessionSet("va.batchSchema", textarea.value);
    $("batch-example-status").textContent = `Beispiel „${example.name || example.file}“ geladen.`;
    textarea.focus();
    textarea.setSelectionRange(0, 0);
    textarea.scrollTop = 0;
  }

  function isSupported(name) {
    const lower = name.toLowerCase();
    return SUPPORTED_SUFFIXES.some((suffix) => lower.endsWith(suffix));
  }

  /** Parts of each relative path below the picked folder – the same rule as the server (case = first part). */
  function relativeParts(names) {
    let parts = names.map((name) => name.replace(/\\/g, "/").split("/").filter((p) => p && p !== "." && p !== ".."));
    while (parts.length && parts.every((p) => p.length > 1) && new Set(parts.map((p) => p[0])).size === 1) {
      parts = parts.map((p) => p.slice(1));
    }
    return parts;
  }

  /** The chosen case files as [{file, name}] (name = path sent to the server) plus the files left out. */
  function chosenBatchFiles() {
    const folder = [...($("batch-folder-input").files || [])];
    const single = [...($("batch-files-input").files || [])];
    const skipped = [];
    const keep = (file, name) => {
      const hidden = name.split("/").some((part) => part.startsWith("."));
      if (hidden) return false;
      if (!isSupported(name)) {
        skipped.push(name);
        return false;
      }
      return true;
    };
    // the folder's own name is dropped when single files are added as well, so each sub-folder stays one case
    const mixed = folder.length && single.length;
    const chosen = [];
    for (const file of folder) {
      let name = file.webkitRelativePath || file.name;
      if (mixed && name.includes("/")) name = name.slice(name.indexOf("/") + 1);
      if (keep(file, name)) chosen.push({ file, name });
    }
    for (const file of single) if (keep(file, file.name)) chosen.push({ file, name: file.name });
    return { chosen, skipped };
  }

  function showBatchFiles() {
    const { chosen, skipped } = chosenBatchFiles();
    const line = $("batch-chosen");
    const parts = relativeParts(chosen.map((c) => c.name));
    const cases = new Map();
    parts.forEach((p) => {
      const name = p.length > 1 ? p[0] : p[0].replace(/\.[^.]*$/, "");
      cases.set(name, (cases.get(name) || 0) + 1);
    });
    const texts = [];
    if (chosen.length) {
      const list = [...cases.entries()].sort((a, b) => a[0].localeCompare(b[0], "de"))
        .map(([name, count]) => `${name} (${plural(count, "Datei", "Dateien")})`);
      const shown = list.length > 12 ? [...list.slice(0, 12), `… und ${numberFormat.format(list.length - 12)} weitere`] : list;
      texts.push(`${plural(cases.size, "Fall", "Fälle")} mit ${plural(chosen.length, "Datei", "Dateien")}: ${shown.join(", ")}.`);
    } else {
      texts.push("Keine Fallakten ausgewählt.");
    }
    if (skipped.length) {
      texts.push(`${plural(skipped.length, "Datei wird", "Dateien werden")} übersprungen (Format nicht unterstützt): ${skipped.slice(0, 5).join(", ")}${skipped.length > 5 ? " …" : ""}.`);
    }
    line.textContent = texts.join(" ");
    $("batch-clear").hidden = !($("batch-folder-input").files || []).length && !($("batch-files-input").files || []).length;
  }

  async function startBatch(event) {
    event.preventDefault();
    if (state.batchRunning || state.batchStarting) return;
    const status = $("batch-form-status");
    status.classList.remove("form-status--error");
    const fail = (message, focus) => {
      status.textContent = message;
      status.classList.add("form-status--error");
      if (focus) focus.focus();
    };
    const schema = $("batch-schema").value;
    if (!schema.trim()) {
      fail("Bitte tragen Sie eine Feldliste ein oder laden Sie ein Beispiel.", $("batch-schema"));
      return;
    }
    const { chosen } = chosenBatchFiles();
    if (!chosen.length) {
      fail("Bitte wählen Sie einen Ordner oder Dateien mit Fallakten aus.", $("batch-folder-input"));
      return;
    }
    const form = new FormData();
    form.append("schema", schema);
    for (const { file, name } of chosen) form.append("files", file, name);
    state.batchStarting = true;
    setBatchRunning(false);
    status.textContent = "Fallakten werden hochgeladen, die Auswertung wird gestartet …";
    let job;
    try {
      job = await postJob(API.batch, form);
    } catch (err) {
      state.batchStarting = false;
      setBatchRunning(false);
      fail(err.message);
      return;
    }
    state.batchStarting = false;
    status.textContent = "Die Auswertung läuft. Sie können die Seite verlassen und später zurückkehren.";
    $("batch-result").hidden = true;
    resetBatchResult();
    batchJob.start(job);
    announce("Die Auswertung wurde gestartet.");
  }

  function resetBatchResult() {
    $("batch-table").replaceChildren();
    $("batch-detail").hidden = true;
    $("batch-downloads").replaceChildren();
  }

  const euroFormat = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" });

  /** A normalised cell value for display: ISO date -> dd.mm.yyyy, amount -> German euro, bool -> ja/nein. */
  function formatCellValue(value, type) {
    if (value === null || value === undefined || value === "") return "";
    if (typeof value === "boolean") return value ? "ja" : "nein";
    if (type === "janein" && (value === "true" || value === "false")) return value === "true" ? "ja" : "nein";
    if (type === "betrag") {
      const amount = typeof value === "number" ? value : Number(String(value).replace(",", "."));
      if (Number.isFinite(amount)) return euroFormat.format(amount);
    }
    if (typeof value === "string") {
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
      if (iso) return `${iso[3]}.${iso[2]}.${iso[1]}`;
      return value;
    }
    if (typeof value === "number") return numberFormat.format(value);
    return String(value);
  }

  function renderBatchResult(job) {
    const result = job.result;
    const fields = (result.schema && Array.isArray(result.schema.felder)) ? result.schema.felder : [];
    const cases = Array.isArray(result.cases) ? result.cases : [];
    const head = el("thead", {}, el("tr", {},
      el("th", { scope: "col", text: "Fall" }),
      ...fields.map((f) => el("th", { scope: "col", title: f.frage || "", text: f.name }))));
    const rows = cases.map((item) => {
      const documents = Array.isArray(item.documents) ? item.documents : [];
      const caseCell = el("th", { scope: "row", class: "batch-table__case" },
        el("span", { class: "batch-table__case-name", text: item.case }),
        documents.length ? el("span", { class: "batch-table__docs", text: documents.join(", ") }) : null);
      const row = el("tr", { "data-testid": "batch-row", dataset: { case: item.case, status: item.status } }, caseCell);
      if (item.status === "fehler") {
        row.append(el("td", { class: "batch-table__error", colspan: String(Math.max(1, fields.length)),
          "data-testid": "batch-row-error", text: item.error || "Dieser Fall konnte nicht ausgewertet werden." }));
        return row;
      }
      const byField = new Map((Array.isArray(item.cells) ? item.cells : []).map((c) => [c.field, c]));
      for (const field of fields) {
        const cell = byField.get(field.name);
        const td = el("td", { "data-testid": "batch-cell", dataset: { field: field.name, status: cell ? cell.status : "nicht_gefunden" } });
        if (cell && cell.status === "gefunden") {
          const shown = formatCellValue(cell.value, field.typ) || cell.raw || "–";
          const button = el("button", {
            type: "button", class: "cell-value", "data-testid": "batch-value", "aria-controls": "batch-detail",
            "aria-label": `${field.name} für ${item.case}: ${shown} – Fundstelle anzeigen`, text: shown,
          });
          button.addEventListener("click", () => showBatchDetail(button, item, field, cell, shown));
          td.append(button);
        } else {
          td.append(el("span", { class: "cell-missing", "data-testid": "batch-not-found", text: "nicht gefunden" }));
        }
        row.append(td);
      }
      return row;
    });
    if (!rows.length) {
      rows.push(el("tr", {}, el("td", { colspan: String(fields.length + 1), class: "docs-table__empty", text: "Keine Fälle." })));
    }
    $("batch-table").replaceChildren(head, el("tbody", {}, ...rows));
    const base = API.batchJob(job.id);
    $("batch-downloads").replaceChildren(
      ...[["xlsx", "Excel (XLSX)"], ["csv", "CSV"], ["jsonl", "JSONL"]].map(([suffix, label]) =>
        el("a", { class: "button button--secondary button--small", href: `${base}/result.${suffix}`, download: "",
          "data-testid": `batch-download-${suffix}`, "aria-label": `Ergebnis als ${label} herunterladen`, text: label })));
    $("batch-detail").hidden = true;
    const section = $("batch-result");
    section.dataset.jobId = job.id;
    section.hidden = false;
  }

  function showBatchDetail(button, item, field, cell, shown) {
    for (const other of $("batch-table").querySelectorAll(".cell-value.is-selected")) other.classList.remove("is-selected");
    button.classList.add("is-selected");
    const citation = cell.citation;
    $("batch-detail-heading").textContent = `Fundstelle: ${field.name} – ${item.case}`;
    $("batch-detail-value").textContent = shown;
    $("batch-detail-raw").textContent = cell.raw || "–";
    $("batch-detail-title").textContent = citation ? (citation.title || "–") : "–";
    $("batch-detail-source").replaceChildren(pathNode(citation ? citation.source : ""));
    $("batch-detail-page").textContent = citation && citation.page ? String(citation.page) : "–";
    $("batch-detail-quote").textContent = citation && citation.quote ? citation.quote : "Zu diesem Wert ist keine Fundstelle gespeichert.";
    const detail = $("batch-detail");
    detail.hidden = false;
    state.batchDetailOpener = button;
    detail.scrollIntoView({ block: "nearest" });
  }

  function closeBatchDetail() {
    $("batch-detail").hidden = true;
    const opener = state.batchDetailOpener;
    state.batchDetailOpener = null;
    if (opener) {
      opener.classList.remove("is-selected");
      if (opener.isConnected) opener.focus();
    }
  }

  function initBatch() {
    $("batch-form").addEventListener("submit", startBatch);
    $("batch-example-load").addEventListener("click", loadExample);
    $("batch-folder-input").addEventListener("change", showBatchFiles);
    $("batch-files-input").addEventListener("change", showBatchFiles);
    $("batch-clear").addEventListener("click", () => {
      $("batch-folder-input").value = "";
      $("batch-files-input").value = "";
      showBatchFiles();
      $("batch-folder-input").focus();
    });
    $("batch-schema").addEventListener("input", () => sessionSet("va.batchSchema", $("batch-schema").value));
    $("batch-schema").placeholder = "name: …\nfelder:\n  - name: …\n    frage: …";
    const saved = sessionGet("va.batchSchema");
    if (saved) $("batch-schema").value = saved;
    $("batch-detail-close").addEventListener("click", closeBatchDetail);
    $("batch-detail").addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        closeBatchDetail();
      }
    });
    setBatchRunning(false);
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
    window.addEventListener("hashchange", () => showView(viewOfHash(window.location.hash)));
    initDrafts();
    initBatch();

    setBusy(false);
    showView(viewOfHash(window.location.hash));
    loadHealth();
    draftJob.resume();
    batchJob.resume();
    if (!$("view-chat").hidden) questionInput.focus();
  }

  init();
})();
