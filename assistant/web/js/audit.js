/*
 * "Protokoll" (role auditor only): the newest entries of the audit trail (GET /api/auth/audit) – who did what,
 * when, with what outcome; the trail never holds questions or document texts.
 */
import { API, getJSON } from "./api.js";
import { $, el, formatDate, numberFormat } from "./util.js";

const LIMIT = 200;
const OUTCOME_LABELS = { ok: "erfolgreich", abgelehnt: "abgelehnt", fehler: "Fehler" };

let loading = false;

export async function loadAudit() {
  if (loading) return;
  loading = true;
  const status = $("audit-status");
  const button = $("audit-reload");
  button.disabled = true;
  status.textContent = "Protokoll wird geladen …";
  let events;
  try {
    events = await getJSON(API.audit(LIMIT));
  } catch (err) {
    status.textContent = err.message;
    return;
  } finally {
    loading = false;
    button.disabled = false;
  }
  events = Array.isArray(events) ? events : [];
  const rows = events.map((event) => el("tr", {
    "data-testid": "audit-row",
    dataset: { seq: String(event.seq), action: event.action, actor: event.actor, outcome: event.outcome },
    class: event.outcome === "ok" ? "" : "audit-row--refused",
  },
  el("td", { class: "date", text: formatDate(event.at) }),
  el("td", { "data-testid": "audit-actor", text: event.actor || "–" }),
  el("td", { "data-testid": "audit-action", text: String(event.action || "").replace(/_/g, " ") }),
  el("td", { class: "path", text: event.target || "–" }),
  el("td", { "data-testid": "audit-outcome", text: OUTCOME_LABELS[event.outcome] || event.outcome })));
  if (!rows.length) rows.push(el("tr", { class: "docs-table__empty" }, el("td", { colspan: "5", text: "Das Protokoll ist leer." })));
  $("audit-body").replaceChildren(...rows);
  const shown = events.length === 1 ? "Der neueste Eintrag" : `Die ${numberFormat.format(events.length)} neuesten Einträge`;
  status.textContent = events.length
    ? `${shown} (höchstens ${numberFormat.format(LIMIT)}), geladen ${formatDate(new Date())}.`
    : "";
}

export function initAudit() {
  $("audit-reload").addEventListener("click", loadAudit);
}
