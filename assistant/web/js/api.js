/*
 * Talking to the server: API urls, German error messages, JSON requests and the SSE reader.
 * The urls are relative to the page (index.html, served at /).
 */

export const API = {
  chat: "api/chat",
  documents: "api/documents",
  document: (id) => `api/documents/${encodeURIComponent(id)}`,
  health: "healthz",
  me: "api/auth/me",
  login: "api/auth/login",
  logout: "api/auth/logout",
  templates: "api/summaries/templates",
  summaries: "api/summaries", // JSON: documents already in the index
  summaryUploads: "api/summaries/uploads", // multipart: with files
  summary: (id) => `api/summaries/${encodeURIComponent(id)}`,
  batch: "api/batch", // JSON: field list and cases of documents already in the index
  batchUploads: "api/batch/uploads", // multipart: field list and case files
  batchExamples: "api/batch/examples",
  batchJob: (id) => `api/batch/${encodeURIComponent(id)}`,
  collections: "api/collections",
  collection: (name) => `api/collections/${encodeURIComponent(name)}`,
  collectionGrants: (name) => `api/collections/${encodeURIComponent(name)}/grants`,
  conversations: "api/conversations",
  conversation: (id) => `api/conversations/${encodeURIComponent(id)}`,
  adminUsers: "api/admin/users",
  adminUserDisable: (name) => `api/admin/users/${encodeURIComponent(name)}/disable`,
  adminDepartments: "api/admin/departments",
  audit: (limit) => `api/auth/audit?limit=${encodeURIComponent(limit)}`,
};

const FALLBACK_MESSAGES = {
  400: "Die Anfrage war ungültig.",
  401: "Bitte melden Sie sich an.",
  403: "Dafür fehlt Ihnen die Berechtigung.",
  404: "Nicht gefunden.",
  413: "Die Datei ist zu groß.",
  415: "Dieses Dateiformat wird nicht unterstützt.",
  422: "Die Eingabe konnte nicht verarbeitet werden.",
  429: "Der Server ist gerade ausgelastet. Bitte versuchen Sie es gleich noch einmal.",
  503: "Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es später erneut.",
};

/** German message of an error body {"error", "message"} – or a fallback for the status. */
export function messageFromBody(body, status) {
  if (body && typeof body === "object" && typeof body.message === "string" && body.message) return body.message;
  return FALLBACK_MESSAGES[status] || `Es ist ein Fehler aufgetreten (HTTP ${status}).`;
}

export async function errorMessage(response) {
  let body = null;
  try { body = await response.json(); } catch (_) { /* not JSON */ }
  return messageFromBody(body, response.status);
}

/** fetch() a JSON answer; throws an Error with a German message (no connection, HTTP error). 204 -> null. */
export async function getJSON(url, options = {}) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" }, ...options });
  } catch (_) {
    throw new Error("Der Server ist nicht erreichbar. Bitte prüfen Sie die Verbindung.");
  }
  if (response.status === 401) window.dispatchEvent(new CustomEvent("va:signed-out"));
  if (!response.ok) throw new Error(await errorMessage(response));
  if (response.status === 204) return null;
  return response.json();
}

/** A JSON request (POST, PUT, …) with a JSON answer; errors as getJSON. */
export function sendJSON(url, method, body) {
  return getJSON(url, {
    method,
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

/**
 * Read a text/event-stream body and call onEvent(name, data) for each event (data parsed as JSON).
 * Implements the parts of the SSE format the API uses: `event:`, multi-line `data:`, comments.
 */
export async function readEventStream(response, onEvent) {
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
