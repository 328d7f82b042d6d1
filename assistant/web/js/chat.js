/*
 * "Recherche": question composer, conversation log, the streamed answer (SSE) with citation chips for
 * verified [n] markers, and the "Quellen" list below each answer. The conversation lives on the server
 * (POST /api/conversations, created with the first question; each question names its conversation_id, so the
 * server keeps the history); a stored conversation is shown again by showConversation (history.js lists them).
 * The collection picker narrows the search to the chosen collections.
 */
import { API, errorMessage, getJSON, messageFromBody, readEventStream, sendJSON } from "./api.js";
import { CollectionPicker } from "./collections.js";
import { closePanel, citationChip, openPanel, sourceButton } from "./panel.js";
import { $, announce, el, formatDate, formatPages, plural, snippet } from "./util.js";

/** A new conversation is named after its first question (the server keeps up to 80 characters). */
const TITLE_CHARS = 80;
/** [1], [1, 2], [1; 3] – with the whitespace before it (dropped when the marker is removed). */
const MARKER_RE = /([ \t]*)\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]/g;

const secondsFormat = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const chat = {
  busy: false,
  controller: null, // AbortController of the running chat request
  generation: 0, // bumped by "Neues Gespräch" and by opening a conversation so stale streams stop writing
  serverId: null, // id of the conversation on the server (null: a new one, created with the next question)
  picker: null, // CollectionPicker of the search
  onChange: () => {}, // set by initChat (main.js: reload the conversation list)
};

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
  chat.busy = busy;
  questionInput.disabled = busy;
  askButton.disabled = busy;
  askButton.textContent = busy ? "Bitte warten…" : "Fragen";
  $("composer").setAttribute("aria-busy", busy ? "true" : "false");
}

const EVIDENCE_HEADINGS = {
  belegt: "Entscheidende Fundstelle",
  nicht_geregelt: "Geregelt ist nur",
  widerspruch: "Widersprüchliche Angaben in den Quellen",
};
const STATUS_NOTES = {
  unsicher: "Unsicher: Die Antwort ließ sich nicht mit der Fundstelle belegen. Bitte prüfen Sie die Fundstelle selbst.",
  nicht_geregelt: "Nicht geregelt: Die Unterlagen regeln nur einen benachbarten Fall.",
  widerspruch: "Widerspruch: Die Quellen nennen unterschiedliche Werte.",
};

/** Markdown markup off for display (tables rows as "a · b"). */
function plainText(text) {
  return String(text || "").replace(/\*\*|__|^#+\s*/gm, "").replace(/\s*\|\s*/g, " · ")
    .replace(/^ · | · $/g, "").replace(/\s+/g, " ").trim();
}

/** One answer block in the conversation. */
class AnswerView {
  constructor() {
    this.sources = [];
    this.citations = new Map(); // number -> citation
    this.streamed = "";
    this.final = null; // final answer text (from `citations`)
    this.status = null;
    this.dropped = 0; // markers the server removed as unverified
    this.finished = false;
    this.sourceKind = "source"; // "citation" for a stored answer: its sources are its verified citations

    this.pending = el("p", { class: "answer__pending", "data-testid": "answer-pending" },
      el("span", { class: "spinner", "aria-hidden": "true" }), "Antwort wird erstellt…");
    this.text = el("div", {
      class: "answer__text", "data-testid": "answer-text", "aria-live": "polite", "aria-busy": "true",
    });
    this.error = el("p", { class: "answer__error", "data-testid": "answer-error", role: "alert", hidden: true });
    this.meta = el("p", { class: "answer__meta", "data-testid": "answer-meta", hidden: true });
    this.evidenceQuote = el("blockquote", { class: "evidence__quote", "data-testid": "evidence-quote" });
    this.evidenceHeading = el("h3", { class: "evidence__heading", text: "Entscheidende Fundstelle" });
    this.evidenceOpen = el("button", { type: "button", class: "evidence__open", "data-testid": "evidence-open", text: "In der Quelle anzeigen" });
    this.evidenceBox = el("section", { class: "evidence", "data-testid": "evidence", hidden: true },
      this.evidenceHeading, this.evidenceQuote, this.evidenceOpen);
    this.statusNote = el("p", { class: "answer__status", "data-testid": "answer-status", hidden: true });
    this.sourcesHeading = el("h3", { class: "sources__heading", "data-testid": "sources-heading", text: "Quellen" });
    this.sourcesList = el("ol", { class: "sources__list", "data-testid": "sources-list" });
    this.sourcesBox = el("section", { class: "sources", hidden: true }, this.sourcesHeading, this.sourcesList);
    this.root = el("article", {
      class: "answer", "data-testid": "answer", "aria-label": "Antwort", dataset: { state: "pending" },
    }, el("h2", { class: "visually-hidden", text: "Antwort" }), this.evidenceBox, this.pending, this.statusNote, this.text,
    this.error, this.meta, this.sourcesBox);
  }

  setState(value) {
    this.root.dataset.state = value;
  }

  handle(name, data) {
    if (this.finished) return;
    switch (name) {
      case "sources": this.onSources(data); break;
      case "evidence": this.onEvidence(data); break;
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

  /** The deciding unit arrives before the model's first token: shown at once, a click marks it in the panel. */
  onEvidence(data) {
    const citations = Array.isArray(data && data.citations) ? data.citations : [];
    const finding = (data && data.finding) || "keine";
    this.root.dataset.finding = finding;
    if (!citations.length || finding === "keine") return;
    const first = citations[0];
    const unit = first.evidence || { text: first.quote, context: "" };
    this.evidenceHeading.textContent = EVIDENCE_HEADINGS[finding] || EVIDENCE_HEADINGS.belegt;
    this.evidenceQuote.replaceChildren(
      unit.context ? el("span", { class: "evidence__context", text: plainText(unit.context) }) : "",
      el("span", { class: "evidence__text", "data-testid": "evidence-text", text: plainText(unit.text) }));
    this.evidenceBox.dataset.kind = unit.kind || "satz";
    const opener = this.evidenceOpen.cloneNode(true);
    opener.addEventListener("click", () => openPanel({ kind: "citation", item: first, opener }));
    this.evidenceOpen.replaceWith(opener);
    this.evidenceOpen = opener;
    this.evidenceBox.hidden = false;
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
    if (this.status === "nichts_gefunden") this.evidenceHeading.textContent = "Nächstliegende Fundstelle (keine Antwort)";
    const note = STATUS_NOTES[this.status];
    this.statusNote.textContent = note || "";
    this.statusNote.hidden = !note;
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
        fragment.append(citationChip(this.citations.get(number), number));
      });
    }
    fragment.append(text.slice(last));
    this.text.replaceChildren(fragment);
    this.text.hidden = !text;
  }

  /** An answer from the conversation history: text with chips, its cited sources, when it was asked. */
  showStored(turn) {
    this.root.dataset.stored = "true";
    if (turn.status === "zurueckgehalten") {
      // a source is no longer readable for the user: the server sends a notice instead of the answer
      this.root.dataset.status = "zurueckgehalten";
      this.pending.hidden = true;
      this.text.replaceChildren(el("p", { class: "answer__withheld", "data-testid": "answer-withheld",
        text: turn.answer || "Diese Antwort wird nicht mehr angezeigt." }));
    } else {
      const citations = Array.isArray(turn.citations) ? turn.citations : [];
      const byNumber = new Map();
      for (const citation of citations) if (!byNumber.has(citation.number)) byNumber.set(citation.number, citation);
      this.sources = [...byNumber.values()].sort((a, b) => a.number - b.number);
      this.sourceKind = "citation";
      this.onCitations({ answer: turn.answer || "", status: turn.status, citations });
    }
    if (turn.asked_at) {
      this.meta.textContent = `Gefragt am ${formatDate(turn.asked_at)}`;
      this.meta.hidden = false;
    }
    this.finish("done");
  }

  renderSources() {
    const nothingFound = this.status === "nichts_gefunden" || this.status === "unsicher";
    this.sourcesHeading.textContent = nothingFound ? "Die nächstliegenden Fundstellen:" : "Quellen";
    this.sourcesHeading.setAttribute("data-testid", nothingFound ? "nearest-note" : "sources-heading");
    const items = this.sources.map((source) => {
      if (this.sourceKind === "citation") {
        const meta = [source.page ? `Seite ${source.page}` : "", source.section].filter(Boolean).join(" · ");
        return el("li", { class: "is-cited" }, sourceButton({
          kind: "citation", item: source, testid: "source-item", dataset: { cited: "true" }, meta,
          snippetText: source.quote ? `„${snippet(source.quote)}“` : null,
        }));
      }
      const cited = this.citations.has(source.number);
      const meta = [formatPages(source.page_start, source.page_end), source.section || source.heading]
        .filter(Boolean).join(" · ");
      const button = sourceButton({
        kind: "source", item: source, testid: "source-item", dataset: { cited: String(cited) },
        badge: cited ? "zitiert" : null, meta, snippetText: snippet(source.text),
      });
      return el("li", { class: cited ? "is-cited" : "" }, button);
    });
    if (!items.length) items.push(el("li", { class: "sources__empty", text: "Keine Fundstellen gefunden." }));
    this.sourcesList.replaceChildren(...items);
    this.sourcesBox.hidden = false;
  }
}

function questionBubble(question) {
  return el("div", { class: "message message--user", "data-testid": "user-message" },
    el("h2", { class: "visually-hidden", text: "Ihre Frage" }),
    el("p", { class: "message__text", text: question }));
}

/** The conversation on the server the next question goes to; a new one is created with its first question. */
async function serverConversation(question, generation) {
  if (chat.serverId) return chat.serverId;
  const title = question.replace(/\s+/g, " ").trim().slice(0, TITLE_CHARS);
  const created = await sendJSON(API.conversations, "POST", { title });
  if (generation === chat.generation) chat.serverId = created.id; // not when the user moved on meanwhile
  chat.onChange();
  return created.id;
}

async function ask(question) {
  if (chat.busy) return;
  const generation = chat.generation;
  $("intro").hidden = true;
  closePanel({ restoreFocus: false });
  const userBubble = questionBubble(question);
  const answer = new AnswerView();
  conversationInner.append(userBubble, answer.root);
  // the new question goes to the top; the answer then grows below it (sources arrive first)
  conversation.scrollTop += userBubble.getBoundingClientRect().top - conversation.getBoundingClientRect().top - 16;
  setBusy(true);
  announce("Antwort wird erstellt…");

  const controller = new AbortController();
  chat.controller = controller;
  let conversationId = null;
  try {
    try {
      conversationId = await serverConversation(question, generation);
    } catch (err) {
      if (generation === chat.generation) answer.fail(err.message);
      return;
    }
    if (generation !== chat.generation) return;
    const body = { question, stream: true, document_ids: [], conversation_id: conversationId };
    const collections = chat.picker ? chat.picker.selection() : null;
    if (collections) body.collections = collections;
    let response;
    try {
      response = await fetch(API.chat, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
    } catch (_) {
      if (controller.signal.aborted) return;
      answer.fail("Der Server ist nicht erreichbar. Bitte versuchen Sie es später erneut.");
      return;
    }
    if (!response.ok) {
      if (response.status === 404 && chat.serverId === conversationId) chat.serverId = null; // deleted elsewhere
      if (response.status === 401) window.dispatchEvent(new CustomEvent("va:signed-out"));
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
        if (generation === chat.generation) answer.handle(name, data);
      });
    }
    if (!answer.finished) {
      if (answer.final !== null) answer.handle("done", {});
      else answer.fail("Die Antwort wurde nicht vollständig übertragen. Bitte stellen Sie die Frage erneut.");
    }
  } catch (_) {
    if (controller.signal.aborted) return;
    answer.fail("Die Verbindung wurde unterbrochen. Bitte stellen Sie die Frage erneut.");
  } finally {
    if (chat.controller === controller) {
      chat.controller = null;
      setBusy(false);
      if (generation === chat.generation) {
        if (answer.root.dataset.state === "done") {
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
    if (conversationId) chat.onChange(); // the list shows the new turn (and the order by last use)
  }
}

/** Stop a running answer and empty the log (the intro is shown again). */
function clearConversation() {
  chat.generation += 1;
  if (chat.controller) {
    chat.controller.abort();
    chat.controller = null;
  }
  setBusy(false);
  closePanel({ restoreFocus: false });
  for (const node of [...conversationInner.children]) if (node.id !== "intro") node.remove();
  $("intro").hidden = false;
}

/** "Neues Gespräch": an empty log; the server conversation is created with the next question. */
export function startNewConversation({ focus = true } = {}) {
  clearConversation();
  chat.serverId = null;
  questionInput.value = "";
  setComposerStatus("");
  if (focus) questionInput.focus();
  announce("Neues Gespräch begonnen.");
  chat.onChange();
}

/** The id of the conversation shown now (null: a new one without a question yet). */
export function activeConversation() {
  return chat.serverId;
}

/** Show a stored conversation (GET /api/conversations/{id}); the next question continues it. */
export function showConversation(stored) {
  clearConversation();
  chat.serverId = stored.id;
  const turns = Array.isArray(stored.history) ? stored.history : [];
  for (const turn of turns) {
    const answer = new AnswerView();
    conversationInner.append(questionBubble(turn.question), answer.root);
    answer.showStored(turn);
  }
  $("intro").hidden = turns.length > 0;
  conversation.scrollTop = conversation.scrollHeight;
  setComposerStatus("");
  chat.onChange();
}

/** Load a stored conversation and show it; throws an Error with a German message. */
export async function openConversation(id) {
  const stored = await getJSON(API.conversation(id));
  showConversation(stored);
  return stored;
}

function setComposerStatus(message) {
  const line = $("composer-status");
  line.textContent = message;
  line.hidden = !message;
}

function submitQuestion() {
  const question = questionInput.value.trim();
  if (!question || chat.busy) return;
  if (chat.picker && chat.picker.isEmpty()) {
    setComposerStatus("Bitte wählen Sie mindestens eine Sammlung, in der gesucht wird.");
    $("chat-collections").open = true;
    return;
  }
  setComposerStatus("");
  questionInput.value = "";
  ask(question);
}

export function focusQuestion() {
  questionInput.focus();
}

/** onChange: called when the conversation shown changes or gets a new turn (main.js: reload the list). */
export function initChat({ onChange = () => {} } = {}) {
  chat.onChange = onChange;
  chat.picker = new CollectionPicker({ prefix: "chat", onChange: () => setComposerStatus("") });
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
  $("new-chat-button").addEventListener("click", () => startNewConversation());
  setBusy(false);
}
