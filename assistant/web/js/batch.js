/*
 * "Auswertung": the same fields read from many case files (a YAML field list; a folder or single files uploaded,
 * or the documents of chosen collections already in the index). The job id is kept in sessionStorage
 * "va.batchJob", the field list in "va.batchSchema".
 */
import { API, getJSON } from "./api.js";
import { CollectionPicker } from "./collections.js";
import { JOB_FINISHED, JobView, focusIfIdle, postJob, sessionGet, sessionSet } from "./jobs.js";
import { $, announce, el, numberFormat, pathNode, plural } from "./util.js";

const SUPPORTED_SUFFIXES = [".pdf", ".md", ".markdown", ".txt", ".text", ".html", ".htm", ".docx"];

const euroFormat = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" });

const batch = {
  examples: null, // [{file, name, yaml}] once loaded
  starting: false,
  running: false,
  detailOpener: null, // the value button whose Fundstelle is shown in batch-detail
  picker: null, // CollectionPicker of the documents analysed from the index
  documents: null, // the readable documents of the index, once loaded
};

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
  batch.running = running;
  const button = $("batch-start");
  button.disabled = running || batch.starting;
  button.textContent = batch.starting ? "Wird gestartet …" : "Auswertung starten";
  $("batch-form").setAttribute("aria-busy", running || batch.starting ? "true" : "false");
}

/** Called by the routing whenever "Auswertung" is shown. */
export function enterBatch() {
  if (!batch.examples) loadExamples();
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
  if (batch.examples) return;
  batch.examples = Array.isArray(list) ? list : [];
  select.replaceChildren(...batch.examples.map((example, i) =>
    el("option", { value: String(i), text: example.name ? `${example.name} (${example.file})` : example.file })));
  select.disabled = !batch.examples.length;
  $("batch-example-load").disabled = !batch.examples.length;
  status.textContent = batch.examples.length ? "" : "Keine Beispiele vorhanden.";
}

function loadExample() {
  const example = (batch.examples || [])[Number($("batch-example-select").value)];
  if (!example) return;
  const textarea = $("batch-schema");
  const current = textarea.value.trim();
  const isExample = batch.examples.some((e) => e.yaml.trim() === current);
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

/** The case of a path's parts: its sub-folder, or the file's name without its suffix. */
function caseName(parts) {
  return parts.length > 1 ? parts[0] : parts[0].replace(/\.[^.]*$/, "");
}

/** The chosen case files as [{file, name}] (name = path sent to the server) plus the files left out. */
function chosenBatchFiles() {
  const folder = [...($("batch-folder-input").files || [])];
  const single = [...($("batch-files-input").files || [])];
  const skipped = [];
  const keep = (name) => {
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
    if (keep(name)) chosen.push({ file, name });
  }
  for (const file of single) if (keep(file.name)) chosen.push({ file, name: file.name });
  return { chosen, skipped };
}

function showBatchFiles() {
  const { chosen, skipped } = chosenBatchFiles();
  const line = $("batch-chosen");
  const parts = relativeParts(chosen.map((c) => c.name));
  const cases = new Map();
  parts.forEach((p) => {
    const name = caseName(p);
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

function batchSource() {
  return $("batch-source-index").checked ? "index" : "upload";
}

function switchBatchSource() {
  const fromIndex = batchSource() === "index";
  $("batch-index-source").hidden = !fromIndex;
  $("batch-upload-source").hidden = fromIndex;
  if (fromIndex && !batch.documents) loadBatchDocuments();
  else showIndexCases();
}

async function loadBatchDocuments() {
  $("batch-index-chosen").textContent = "Dokumente werden geladen …";
  try {
    const list = await getJSON(API.documents);
    batch.documents = Array.isArray(list) ? list : [];
  } catch (err) {
    $("batch-index-chosen").textContent = `Die Dokumente konnten nicht geladen werden: ${err.message}`;
    return;
  }
  showIndexCases();
}

/** The documents of the chosen collections as cases [{name, doc_ids}]: the same rule as for uploaded files
 * (documents in one sub-folder are one case, any other document is a case of its own). */
function indexCases() {
  const documents = (batch.documents || []).filter((doc) => !batch.picker || batch.picker.has(doc.collection));
  const parts = relativeParts(documents.map((doc) => doc.source));
  const cases = new Map();
  documents.forEach((doc, i) => {
    const name = caseName(parts[i]);
    if (!cases.has(name)) cases.set(name, []);
    cases.get(name).push(doc.id);
  });
  return [...cases.entries()].sort((a, b) => a[0].localeCompare(b[0], "de")).map(([name, ids]) => ({ name, doc_ids: ids }));
}

function showIndexCases() {
  if (!batch.documents) return;
  const cases = indexCases();
  const documents = cases.reduce((sum, c) => sum + c.doc_ids.length, 0);
  const names = cases.map((c) => c.name);
  const shown = names.length > 12 ? [...names.slice(0, 12), `… und ${numberFormat.format(names.length - 12)} weitere`] : names;
  $("batch-index-chosen").textContent = cases.length
    ? `${plural(cases.length, "Fall", "Fälle")} mit ${plural(documents, "Dokument", "Dokumenten")}: ${shown.join(", ")}.`
    : "Die gewählten Sammlungen enthalten keine Dokumente.";
}

async function startBatch(event) {
  event.preventDefault();
  if (batch.running || batch.starting) return;
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
  let url;
  let body;
  if (batchSource() === "index") {
    const cases = indexCases();
    if (!cases.length) {
      fail("Bitte wählen Sie Sammlungen mit eingelesenen Dokumenten aus.", $("batch-collections-summary"));
      return;
    }
    [url, body] = [API.batch, { schema, cases }];
  } else {
    const { chosen } = chosenBatchFiles();
    if (!chosen.length) {
      fail("Bitte wählen Sie einen Ordner oder Dateien mit Fallakten aus.", $("batch-folder-input"));
      return;
    }
    body = new FormData();
    body.append("schema", schema);
    for (const { file, name } of chosen) body.append("files", file, name);
    url = API.batchUploads;
  }
  batch.starting = true;
  setBatchRunning(false);
  status.textContent = url === API.batch ? "Die Auswertung wird gestartet …" : "Fallakten werden hochgeladen, die Auswertung wird gestartet …";
  let job;
  try {
    job = await postJob(url, body);
  } catch (err) {
    batch.starting = false;
    setBatchRunning(false);
    fail(err.message);
    return;
  }
  batch.starting = false;
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
    ...fields.map((f) => el("th", { scope: "col", title: f.frage || "", text: f.einheit ? `${f.name} (${f.einheit})` : f.name }))));
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
      const confidence = cell && cell.confidence === "sicher" ? "sicher" : "prüfen";
      const td = el("td", {
        "data-testid": "batch-cell",
        class: confidence === "prüfen" ? "cell--review" : "",
        title: confidence === "prüfen" ? `Prüfen: ${(cell && cell.review) || "Bitte prüfen."}` : "",
        dataset: { field: field.name, status: cell ? cell.status : "nicht_gefunden", confidence },
      });
      if (cell && cell.status === "gefunden") {
        const shown = formatCellValue(cell.value, field.typ) || cell.raw || "–";
        if (confidence === "prüfen") td.append(el("span", { class: "cell-flag", "aria-hidden": "true", text: "prüfen" }));
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
    row.dataset.review = String(row.querySelectorAll(".cell--review").length);
    return row;
  });
  if (!rows.length) {
    rows.push(el("tr", {}, el("td", { colspan: String(fields.length + 1), class: "docs-table__empty", text: "Keine Fälle." })));
  }
  $("batch-table").replaceChildren(head, el("tbody", {}, ...rows));
  const toReview = $("batch-table").querySelectorAll("td.cell--review").length;
  $("batch-review-count").textContent = `${toReview} von ${cases.length * fields.length} Zellen zu prüfen`;
  applyReviewFilter();
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

/** With "Nur Fälle mit zu prüfenden Zellen", rows whose cells are all sure are hidden. */
function applyReviewFilter() {
  const only = $("batch-review-only").checked;
  for (const row of $("batch-table").querySelectorAll("tr[data-testid=batch-row]")) {
    row.hidden = only && row.dataset.review === "0";
  }
}

function showBatchDetail(button, item, field, cell, shown) {
  for (const other of $("batch-table").querySelectorAll(".cell-value.is-selected")) other.classList.remove("is-selected");
  button.classList.add("is-selected");
  const citation = cell.citation;
  $("batch-detail-heading").textContent = `Fundstelle: ${field.name} – ${item.case}`;
  $("batch-detail-value").textContent = shown;
  $("batch-detail-raw").textContent = cell.raw || "–";
  $("batch-detail-confidence").textContent = cell.confidence === "sicher" ? "sicher" : `prüfen – ${cell.review || "bitte prüfen"}`;
  $("batch-detail-title").textContent = citation ? (citation.title || "–") : "–";
  $("batch-detail-source").replaceChildren(pathNode(citation ? citation.source : ""));
  $("batch-detail-page").textContent = citation && citation.page ? String(citation.page) : "–";
  $("batch-detail-quote").textContent = citation && citation.quote ? citation.quote : "Zu diesem Wert ist keine Fundstelle gespeichert.";
  const detail = $("batch-detail");
  detail.hidden = false;
  batch.detailOpener = button;
  detail.scrollIntoView({ block: "nearest" });
}

function closeBatchDetail() {
  $("batch-detail").hidden = true;
  const opener = batch.detailOpener;
  batch.detailOpener = null;
  if (opener) {
    opener.classList.remove("is-selected");
    if (opener.isConnected) opener.focus();
  }
}

export function initBatch() {
  $("batch-form").addEventListener("submit", startBatch);
  batch.picker = new CollectionPicker({ prefix: "batch", onChange: showIndexCases });
  for (const radio of document.querySelectorAll('input[name="batch-source"]')) radio.addEventListener("change", switchBatchSource);
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
  $("batch-review-only").addEventListener("change", applyReviewFilter);
  $("batch-detail").addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      closeBatchDetail();
    }
  });
  setBatchRunning(false);
}

/** After a reload: continue with the batch job remembered in sessionStorage. */
export function resumeBatchJob() {
  batchJob.resume();
}
