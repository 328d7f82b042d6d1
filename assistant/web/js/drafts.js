/*
 * "Entwürfe": summaries / drafts of chosen documents (and files uploaded with the request into a collection the
 * user may write) after a template. The document list shows the documents of the collections chosen in the
 * picker. The job id is kept in sessionStorage "va.draftJob"; a reload resumes polling.
 */
import { API, getJSON } from "./api.js";
import { CollectionPicker, collectionTitle, fillWritableSelect, reloadCollections, watchCollections } from "./collections.js";
import { JOB_FINISHED, JobView, focusIfIdle, postJob } from "./jobs.js";
import { citationChip, sourceButton } from "./panel.js";
import { $, announce, chosenFilesText, el, formatDate, numberFormat, plural, snippet } from "./util.js";

const drafts = {
  selection: new Set(), // doc ids chosen in "Entwürfe"
  documents: null, // the readable documents, once loaded
  shown: new Set(), // ids of the documents listed now (those of the chosen collections)
  collections: [],
  picker: null, // CollectionPicker of the document list
  templates: [],
  templatesLoaded: false,
  starting: false,
  running: false,
};
let showView = () => {}; // set by initDrafts (main.js routing)

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
  drafts.running = running;
  const button = $("drafts-start");
  button.disabled = running || drafts.starting;
  button.textContent = drafts.starting ? "Wird gestartet …" : "Entwurf erstellen";
  $("drafts-form").setAttribute("aria-busy", running || drafts.starting ? "true" : "false");
}

/** Called by the routing whenever "Entwürfe" is shown. */
export function enterDrafts() {
  if (!drafts.templatesLoaded) loadTemplates();
  reloadCollections().catch(() => {}); // grants may have changed
  loadDraftDocuments();
}

/** Switch to "Entwürfe" with this document (and only this one) chosen. */
export function summarizeDocument(doc) {
  drafts.selection = new Set([String(doc.id)]);
  if (doc.collection && drafts.picker) drafts.picker.include(doc.collection); // its collection is listed
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
  if (drafts.templatesLoaded) return;
  drafts.templatesLoaded = true;
  drafts.templates = Array.isArray(list) ? list : [];
  select.replaceChildren(...drafts.templates.map((t) => el("option", { value: t.id, text: t.title || t.id })));
  const preferred = drafts.templates.find((t) => t.id === "zusammenfassung") || drafts.templates[0];
  if (preferred) select.value = preferred.id;
  describeTemplate();
}

function describeTemplate() {
  const template = drafts.templates.find((t) => t.id === $("drafts-template").value);
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
  drafts.documents = Array.isArray(documents) ? documents : [];
  const known = new Set(drafts.documents.map((doc) => String(doc.id)));
  for (const id of [...drafts.selection]) if (!known.has(id)) drafts.selection.delete(id);
  renderDraftDocuments();
}

/** The documents chosen and listed now (a document of a collection not chosen in the picker is not sent). */
function chosenDocIds() {
  return [...drafts.selection].filter((id) => drafts.shown.has(id));
}

/** The document checklist: the documents of the collections chosen in the picker. */
function renderDraftDocuments() {
  if (!drafts.documents) return;
  const list = $("drafts-doc-list");
  const picker = drafts.picker;
  const documents = drafts.documents.filter((doc) => !picker || picker.has(doc.collection));
  drafts.shown = new Set(documents.map((doc) => String(doc.id)));
  const several = drafts.collections.length > 1;
  const items = documents.map((doc) => {
    const id = String(doc.id);
    const title = doc.title || doc.source || id;
    const inputId = `draft-doc-${id.replace(/[^\w-]/g, "_")}`;
    const box = el("input", {
      type: "checkbox", id: inputId, value: id, "data-testid": "drafts-doc-checkbox", dataset: { docId: id },
    });
    box.checked = drafts.selection.has(id);
    box.addEventListener("change", () => {
      if (box.checked) drafts.selection.add(id);
      else drafts.selection.delete(id);
      updateDraftSelectionStatus(documents.length);
    });
    const meta = [several ? collectionTitle(drafts.collections, doc.collection) : "",
      doc.source && doc.source !== title ? doc.source : "", doc.pages ? plural(doc.pages, "Seite", "Seiten") : ""]
      .filter(Boolean).join(" · ");
    return el("li", { class: "checklist__item", "data-testid": "drafts-doc-option", dataset: { docId: id } },
      box,
      el("label", { for: inputId, class: "checklist__label" },
        el("span", { class: "checklist__title", text: title }),
        meta ? el("span", { class: "checklist__meta", text: meta }) : null));
  });
  list.replaceChildren(...items);
  list.hidden = !items.length;
  const status = $("drafts-docs-status");
  if (picker && picker.isEmpty()) status.textContent = "Keine Sammlung ausgewählt. Bitte wählen Sie oben mindestens eine Sammlung.";
  else if (!items.length) status.textContent = "In den gewählten Sammlungen gibt es keine Dokumente. Sie können unten Dateien auswählen.";
  else updateDraftSelectionStatus(documents.length);
}

function updateDraftSelectionStatus(count) {
  const chosen = chosenDocIds().length;
  $("drafts-docs-status").textContent = `${plural(count, "Dokument", "Dokumente")} verfügbar, ${numberFormat.format(chosen)} ausgewählt.`;
}

function showDraftFiles() {
  const files = [...($("drafts-files").files || [])];
  $("drafts-files-chosen").textContent = chosenFilesText(files);
  $("drafts-files-clear").hidden = !files.length;
}

async function startDraft(event) {
  event.preventDefault();
  if (drafts.running || drafts.starting) return;
  const status = $("drafts-form-status");
  const docIds = chosenDocIds();
  const files = [...($("drafts-files").files || [])];
  const template = $("drafts-template").value;
  const lengthInput = document.querySelector('input[name="drafts-length"]:checked');
  const length = lengthInput ? lengthInput.value : "kurz";
  const form = $("drafts-form-select").value || null;
  const collection = $("drafts-upload-collection").value;
  status.classList.remove("form-status--error");
  if (!template) {
    status.textContent = "Die Vorlagen sind noch nicht geladen. Bitte versuchen Sie es gleich noch einmal.";
    status.classList.add("form-status--error");
    if (!drafts.templatesLoaded) loadTemplates();
    return;
  }
  if (!docIds.length && !files.length) {
    status.textContent = "Bitte wählen Sie mindestens ein Dokument aus oder fügen Sie eine Datei hinzu.";
    status.classList.add("form-status--error");
    const first = $("drafts-doc-list").querySelector("input");
    (first || $("drafts-files")).focus();
    return;
  }
  if (files.length && !collection) {
    status.textContent = "Bitte wählen Sie die Sammlung, in die die hochgeladenen Dateien eingelesen werden.";
    status.classList.add("form-status--error");
    $("drafts-upload-collection").focus();
    return;
  }
  let body;
  if (files.length) {
    body = new FormData();
    body.append("collection", collection);
    for (const file of files) body.append("files", file, file.name);
    body.append("template", template);
    body.append("length", length);
    if (form) body.append("form", form);
    for (const id of docIds) body.append("doc_ids", id);
  } else {
    body = { doc_ids: docIds, template, length, form };
  }
  drafts.starting = true;
  setDraftsRunning(false);
  status.textContent = files.length ? "Dateien werden hochgeladen, der Auftrag wird gestartet …" : "Der Auftrag wird gestartet …";
  let job;
  try {
    job = await postJob(files.length ? API.summaryUploads : API.summaries, body);
  } catch (err) {
    drafts.starting = false;
    setDraftsRunning(false);
    status.textContent = err.message;
    status.classList.add("form-status--error");
    return;
  }
  drafts.starting = false;
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
    return el("li", {}, sourceButton({
      kind: "citation", item: source, testid: "drafts-source-item", meta,
      snippetText: source.quote ? `„${snippet(source.quote)}“` : null,
    }));
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
  // optional parts are null: leave them out (replaceChildren would write a null as the text "null")
  result.replaceChildren(...[header, ...sections, droppedNote, closing, sourcesBox, downloads].filter(Boolean));
  result.hidden = false;
}

/** showView: the routing of main.js (used by summarizeDocument). */
export function initDrafts({ showView: show }) {
  showView = show;
  drafts.picker = new CollectionPicker({ prefix: "drafts", onChange: renderDraftDocuments });
  watchCollections((list, err) => {
    drafts.collections = list || [];
    fillWritableSelect({ select: $("drafts-upload-collection"), hint: $("drafts-no-write"),
      controls: [$("drafts-files")] }, list, err);
    renderDraftDocuments();
  });
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

/** After a reload: continue with the draft job remembered in sessionStorage. */
export function resumeDraftJob() {
  draftJob.resume();
}
