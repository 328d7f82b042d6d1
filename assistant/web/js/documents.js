/*
 * "Dokumente": the table of ingested documents the user may read (with their collection; delete where the user
 * may write, "Zusammenfassen") and the upload form into a collection the user may write (XMLHttpRequest for
 * upload progress; the server ingests before it answers).
 */
import { API, getJSON, messageFromBody } from "./api.js";
import { canWrite, collectionTitle, fillWritableSelect, reloadCollections, watchCollections } from "./collections.js";
import { summarizeDocument } from "./drafts.js";
import { forgetDocument } from "./panel.js";
import { $, chosenFilesText, el, formatDate, numberFormat, pathNode, plural } from "./util.js";

let uploading = false;
let collections = []; // the readable collections (collections.js), for titles and write permission
let shownDocuments = null; // the documents in the table (re-rendered when the collections change)
let onDocumentsChanged = () => {}; // set by initDocuments (main.js: refresh the health line)

export async function loadDocuments() {
  const status = $("docs-status");
  status.textContent = "Dokumente werden geladen…";
  reloadCollections().catch(() => {}); // grants may have changed; a failure shows at the upload form
  let documents;
  try {
    documents = await getJSON(API.documents);
  } catch (err) {
    status.textContent = err.message;
    return;
  }
  documents = Array.isArray(documents) ? documents : [];
  renderDocuments(documents);
  status.textContent = documents.length ? `${plural(documents.length, "Dokument", "Dokumente")} eingelesen.` : "";
}

/** Whether the user may delete documents of this collection (unknown collection: the server decides). */
function writable(name) {
  const collection = collections.find((c) => c.name === name);
  return !collection || canWrite(collection);
}

function renderDocuments(documents) {
  shownDocuments = documents;
  const rows = documents.map((doc) => {
    const title = doc.title || doc.source || doc.id;
    let del = null;
    if (writable(doc.collection)) {
      del = el("button", {
        type: "button", class: "button button--danger button--small", "data-testid": "document-delete",
        "aria-label": `Dokument „${title}“ löschen`, text: "Löschen",
      });
      del.addEventListener("click", () => deleteDocument(doc, title, del));
    }
    const summarize = el("button", {
      type: "button", class: "button button--secondary button--small", "data-testid": "document-summarize",
      "aria-label": `Dokument „${title}“ zusammenfassen`, text: "Zusammenfassen",
    });
    summarize.addEventListener("click", () => summarizeDocument(doc));
    const pagesText = numberFormat.format(doc.pages || 0);
    return el("tr", { "data-testid": "document-row", dataset: { docId: String(doc.id) } },
      el("th", { scope: "row", class: "docs-table__title", text: title }),
      el("td", { class: "docs-table__collection", "data-testid": "document-collection", dataset: { collection: doc.collection || "" },
        text: collectionTitle(collections, doc.collection) || "–" }),
      el("td", { class: "path", title: doc.source || "" }, pathNode(doc.source)),
      el("td", { class: "num" }, pagesText,
        doc.ocr_pages ? el("span", { class: "muted", text: ` (${numberFormat.format(doc.ocr_pages)} OCR)` }) : null),
      el("td", { class: "num", text: numberFormat.format(doc.passages || 0) }),
      el("td", { class: "date", text: formatDate(doc.ingested_at) }),
      el("td", { class: "actions" }, el("span", { class: "actions__buttons" }, summarize, del)));
  });
  if (!rows.length) {
    rows.push(el("tr", { class: "docs-table__empty" },
      el("td", { colspan: "7", text: "Keine Dokumente in den Sammlungen, die Sie lesen dürfen." })));
  }
  $("documents-body").replaceChildren(...rows);
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
  forgetDocument(doc.id);
  await loadDocuments();
  status.textContent = `Dokument „${title}“ wurde gelöscht.`;
  $("docs-table-heading").setAttribute("tabindex", "-1");
  $("docs-table-heading").focus();
  onDocumentsChanged();
}

function uploadResult(kind, label, detail) {
  return el("li", { class: `upload__result upload__result--${kind}`, "data-testid": "upload-result", dataset: { result: kind } },
    el("span", { class: "upload__result-kind", text: kind === "ingested" ? "Eingelesen" : "Übersprungen" }),
    el("span", { class: "upload__result-name", text: label }),
    detail ? el("span", { class: "upload__result-detail", text: detail }) : null);
}

function showChosenFiles() {
  $("upload-chosen").textContent = chosenFilesText([...($("upload-input").files || [])]);
}

function upload(event) {
  event.preventDefault();
  if (uploading) return;
  const input = $("upload-input");
  const status = $("upload-status");
  const results = $("upload-results");
  const files = [...(input.files || [])];
  const collection = $("upload-collection").value;
  if (!collection) {
    status.textContent = "Bitte wählen Sie die Sammlung, in die die Dateien eingelesen werden.";
    $("upload-collection").focus();
    return;
  }
  if (!files.length) {
    status.textContent = "Bitte wählen Sie zuerst eine oder mehrere Dateien aus.";
    input.focus();
    return;
  }
  const form = new FormData();
  form.append("collection", collection);
  for (const file of files) form.append("files", file, file.name);

  const progress = $("upload-progress");
  const wrap = $("upload-progress-wrap");
  const button = $("upload-button");
  uploading = true;
  button.disabled = true;
  input.disabled = true;
  $("upload-collection").disabled = true;
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
    uploading = false;
    button.disabled = false;
    input.disabled = false;
    $("upload-collection").disabled = false;
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
    forgetDocument(); // all of them: a re-upload may have replaced a cached document
    loadDocuments();
    onDocumentsChanged();
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

/** onChange: called after a document was deleted or uploaded (main.js refreshes the health line). */
export function initDocuments({ onChange }) {
  onDocumentsChanged = onChange;
  watchCollections((list, err) => {
    collections = list || [];
    if (!uploading) {
      fillWritableSelect({ select: $("upload-collection"), hint: $("upload-no-write"),
        controls: [$("upload-input"), $("upload-button")] }, list, err);
    }
    if (shownDocuments) renderDocuments(shownDocuments);
  });
  $("upload-form").addEventListener("submit", upload);
  $("upload-input").addEventListener("change", showChosenFiles);
  $("docs-reload").addEventListener("click", loadDocuments);
}
