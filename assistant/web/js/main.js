/*
 * Verwaltungsassistent – Web-Chat für Sachbearbeiterinnen und Sachbearbeiter.
 * Native ES modules (ES2020), no build step, no external resources. Served at / (index.html) and /static/;
 * this module is the only one index.html loads (<script type="module" src="static/js/main.js">).
 *
 * Modules (static/js/):
 *   util.js       $, el(), announce, formatting, the shared `state` (current view)
 *   api.js        API urls, German error messages, getJSON, the SSE reader
 *   panel.js      the Fundstelle side panel, citation chips and source buttons that open it
 *   collections.js the readable collections, the collection picker, the <select> of writable collections
 *   chat.js       "Recherche": question, conversation (stored on the server), streamed answers
 *   history.js    "Verlauf": the stored conversations beside "Recherche" (reopen, rename, delete)
 *   documents.js  "Dokumente": document table, upload into a collection
 *   jobs.js       background jobs (JobView, postJob), sessionStorage helpers, durations
 *   drafts.js     "Entwürfe"
 *   batch.js      "Auswertung"
 *   admin.js      "Verwaltung" (role admin): accounts, collections and their grants
 *   audit.js      "Protokoll" (role auditor): the newest entries of the audit trail
 *   auth.js       sign-in form, the user in the header, sign-out
 *   main.js       views / hash routing (the views a role may see), health line, wiring
 *
 * Security: document texts, titles, file names and model answers are untrusted. No module uses
 * innerHTML/insertAdjacentHTML; every text goes through textContent / DOM nodes (see el() in util.js).
 *
 * Stable test selectors (data-testid) – keep them when changing the markup:
 *   nav-chat, nav-docs              header buttons switching the views "Recherche" / "Dokumente"
 *   nav-drafts, nav-batch           header buttons for the views "Entwürfe" / "Auswertung"
 *   nav-admin, nav-audit            "Verwaltung" (role admin only) / "Protokoll" (role auditor only; auditors see
 *                                   no other view)
 *   chat-view, docs-view            the view sections (also drafts-view, batch-view below)
 *   conversation                    scrollable conversation log
 *   question-input                  question textarea (Enter sends, Shift+Enter newline)
 *   ask-button                      "Fragen"
 *   new-chat-button                 "Neues Gespräch" (empties the log, aborts a running answer; the server
 *                                   conversation is created with the next question)
 *   chat-collections                <details> collection picker of the search; chat-collections-summary,
 *                                   chat-collections-all; inside: collection-option <li> / collection-checkbox
 *                                   (data-collection = name); the same for drafts-collections in "Entwürfe"
 *   composer-status                 hint when no collection is chosen
 *   history, history-list           "Verlauf": stored conversations; history-empty, history-status
 *   history-item                    <li> per conversation (data-conversation-id); history-open (aria-current="true"
 *                                   for the one shown) with history-title; history-rename, history-delete;
 *                                   history-rename-form / -input / -save / -cancel while renaming
 *   user-message                    a question bubble
 *   answer                          an answer block; attributes:
 *                                     data-state = "pending" | "streaming" | "done" | "error"
 *                                     data-status = "beantwortet" | "nichts_gefunden" (once known)
 *   answer-pending                  "Antwort wird erstellt…" indicator (until the first token)
 *   answer-text                     the answer text (aria-live, aria-busy while streaming)
 *   citation-chip                   focusable <button> for a verified [n] marker; data-number = n
 *                                   (chat answers and draft sections; a click opens the Fundstelle panel)
 *   answer-error                    German error message inside an answer block
 *   answer-meta                     timing line below a finished answer ("Gefragt am …" for a stored one)
 *   answer-withheld                 notice instead of a stored answer whose source is no longer readable
 *                                   (the answer has data-status="zurueckgehalten"; stored ones data-stored="true")
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
 *   document-row                    <tr> per document; data-doc-id; document-collection its "Sammlung" cell
 *                                   (data-collection = name)
 *   document-delete                 "Löschen" button in a row (only where the user may write the collection)
 *   document-summarize              "Zusammenfassen" button in a row (opens "Entwürfe" with the document chosen)
 *   upload-form, upload-input, upload-button, upload-progress, upload-status, upload-results
 *   upload-collection               <select> of the collections the user may write (required)
 *   upload-no-write                 hint when there is none (upload disabled)
 *   upload-result                   <li> per file; data-result = "ingested" | "skipped"
 *   health-status                   footer status line
 *   login-view, login-form, login-username, login-password, login-button, login-status   the sign-in form
 *   account, account-name, account-department, logout-button   the signed-in user in the header
 *
 * Entwürfe (summaries / drafts; job id kept in sessionStorage "va.draftJob", a reload resumes polling):
 *   drafts-view, drafts-form
 *   drafts-docs-status              loading / error line of the document list
 *   drafts-doc-list                 <ul> of documents; drafts-doc-option = <li> per document (data-doc-id),
 *   drafts-doc-checkbox             its checkbox (data-doc-id)
 *   drafts-files, drafts-files-chosen, drafts-files-clear   optional files uploaded with the request
 *   drafts-upload-collection        <select> of the collection they go to; drafts-no-write when there is none
 *   drafts-collections              collection picker of the document list (see chat-collections)
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
 *
 * Verwaltung (role admin):
 *   admin-view
 *   admin-users-table, admin-users-status, admin-users-reload
 *   admin-user-row                  <tr> per account (data-name); admin-user-state "aktiv" | "gesperrt";
 *                                   admin-user-disable "Sperren" (not for the own account)
 *   admin-user-form                 admin-user-name, -display, -department (datalist of departments), -role,
 *                                   -password, admin-user-submit, admin-user-status
 *   admin-collections-table, admin-collections-status
 *   admin-collection-row            <tr> per collection (data-name); admin-collection-grants (admin-collection-grant
 *                                   per grant), admin-collection-edit, admin-collection-delete
 *   admin-collection-form           admin-collection-name, -title, grant rows, admin-collection-grant-add,
 *                                   admin-collection-submit, admin-collection-status
 *   admin-grants-editor             form editing a collection's grants (data-collection); admin-grants-add,
 *                                   admin-grants-save (PUT), admin-grants-cancel, admin-grants-status
 *   grant-row                       one grant: grant-kind (department | user | everyone), grant-subject,
 *                                   grant-permission (read | write | manage), grant-remove
 *
 * Protokoll (role auditor):
 *   audit-view, audit-table, audit-status, audit-reload
 *   audit-row                       <tr> per event (data-seq, data-action, data-actor, data-outcome);
 *                                   audit-actor, audit-action, audit-outcome
 */
import { enterAdmin, initAdmin } from "./admin.js";
import { API, getJSON } from "./api.js";
import { initAudit, loadAudit } from "./audit.js";
import { initLogout, signedIn } from "./auth.js";
import { enterBatch, initBatch, resumeBatchJob } from "./batch.js";
import { focusQuestion, initChat } from "./chat.js";
import { initDocuments, loadDocuments } from "./documents.js";
import { enterDrafts, initDrafts, resumeDraftJob } from "./drafts.js";
import { initHistory, loadHistory } from "./history.js";
import { closePanel, initPanel } from "./panel.js";
import { $, plural, state } from "./util.js";

/** View name -> location hash. */
const VIEWS = {
  chat: "", docs: "#dokumente", drafts: "#entwuerfe", batch: "#auswertung", admin: "#verwaltung", audit: "#protokoll",
};
/** The views each role may see (auditors read the audit trail, never documents); the first one is the start. */
const WORK_VIEWS = ["chat", "docs", "drafts", "batch"];
const ROLE_VIEWS = { user: WORK_VIEWS, admin: [...WORK_VIEWS, "admin"], auditor: ["audit"] };

function allowedViews() {
  return ROLE_VIEWS[state.user && state.user.role] || WORK_VIEWS;
}

// ------------------------------------------------------------------ views
function viewOfHash(hash) {
  return Object.keys(VIEWS).find((name) => VIEWS[name] && VIEWS[name] === hash) || "chat";
}

function showView(view) {
  const allowed = allowedViews();
  if (!allowed.includes(view)) view = allowed[0];
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
  else if (view === "admin") enterAdmin();
  else if (view === "audit") loadAudit();
  const hash = VIEWS[view];
  if (window.location.hash !== hash) {
    window.history.replaceState(null, "", hash || window.location.pathname + window.location.search);
  }
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
  } catch (_) {
    line.textContent = "Server nicht erreichbar.";
    line.classList.add("health--warn");
  }
}

// ------------------------------------------------------------------ wiring
function init(user) {
  state.user = user;
  const allowed = allowedViews();
  for (const button of document.querySelectorAll(".views__button")) button.hidden = !allowed.includes(button.dataset.view);
  $("skip-link").hidden = !allowed.includes("chat");
  for (const button of document.querySelectorAll(".views__button")) {
    button.addEventListener("click", () => showView(button.dataset.view));
  }
  initPanel();
  if (allowed.includes("chat")) {
    initChat({ onChange: loadHistory });
    initHistory();
    initDocuments({ onChange: loadHealth });
    initDrafts({ showView });
    initBatch();
  }
  if (allowed.includes("admin")) initAdmin();
  if (allowed.includes("audit")) initAudit();
  window.addEventListener("hashchange", () => showView(viewOfHash(window.location.hash)));

  showView(viewOfHash(window.location.hash));
  loadHealth();
  if (allowed.includes("drafts")) resumeDraftJob();
  if (allowed.includes("batch")) resumeBatchJob();
  if (!$("view-chat").hidden) focusQuestion();
}

// module scripts run after the document has been parsed (like `defer`): the elements exist
initLogout();
signedIn().then(init);
