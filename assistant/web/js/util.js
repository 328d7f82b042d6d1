/*
 * Shared DOM and formatting helpers of the web page (no DOM access at import time).
 *
 * Security: document texts, titles, file names and model answers are untrusted. No module of this page
 * uses innerHTML/insertAdjacentHTML; every text goes through textContent / DOM nodes (see el()).
 */

/** State read by more than one module; everything else lives in the module that owns it. */
export const state = {
  view: null, // the view shown now ("chat" | "docs" | "drafts" | "batch" | "admin" | "audit"); set by main.js showView()
  user: null, // the signed-in user {name, display_name, department, role}; set by main.js init()
};

const SNIPPET_CHARS = 220;

export const numberFormat = new Intl.NumberFormat("de-DE");
const dateFormat = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short" });

export const $ = (id) => document.getElementById(id);

/** Create an element. attrs: plain attributes (strings), plus `class`, `text`, `dataset`, `on`. */
export function el(tag, attrs = {}, ...children) {
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

export function announce(message) {
  const region = $("announcer");
  region.textContent = "";
  // a fresh text node after a tick is announced reliably by screen readers
  window.setTimeout(() => { region.textContent = message; }, 50);
}

export function plural(n, one, many) {
  return `${numberFormat.format(n)} ${n === 1 ? one : many}`;
}

export function formatDate(value) {
  if (!value) return "–";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateFormat.format(date);
}

/** "S. 3" / "S. 3–5" (or with another label, e.g. "Seite"); "" without a start page. */
export function formatPages(start, end, label = "S.") {
  if (!start) return "";
  return end && end !== start ? `${label} ${start}–${end}` : `${label} ${start}`;
}

export function snippet(text) {
  const flat = String(text || "").replace(/\s+/g, " ").trim();
  return flat.length > SNIPPET_CHARS ? `${flat.slice(0, SNIPPET_CHARS).trimEnd()} …` : flat;
}

/** A file path as text with break opportunities (<wbr>) after / \\ _ - . so long names wrap cleanly. */
export function pathNode(path) {
  const fragment = document.createDocumentFragment();
  for (const part of String(path || "–").split(/(?<=[/\\_.-])/)) {
    fragment.append(part, document.createElement("wbr"));
  }
  return fragment;
}

/** The line next to a file input: "2 Dateien ausgewählt: a.pdf, b.txt" (upload form and "Entwürfe"). */
export function chosenFilesText(files) {
  return files.length
    ? `${plural(files.length, "Datei", "Dateien")} ausgewählt: ${files.map((f) => f.name).join(", ")}`
    : "Keine Datei ausgewählt.";
}
