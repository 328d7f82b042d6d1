/*
 * "Verwaltung" (role admin only): accounts (list, add, disable) and collections with their grants (list, create,
 * edit the grants, delete). The server checks every request; its German message is shown where one fails.
 */
import { API, getJSON, sendJSON } from "./api.js";
import { collectionLabel, reloadCollections } from "./collections.js";
import { $, announce, el, formatDate, numberFormat, state } from "./util.js";

const ROLE_LABELS = { user: "Sachbearbeitung", admin: "Verwaltung", auditor: "Prüfung (Protokoll)" };
const PERMISSION_LABELS = { read: "lesen", write: "lesen und schreiben", manage: "verwalten" };
const KIND_LABELS = { department: "Abteilung", user: "Person", everyone: "Alle Angemeldeten" };

const admin = {
  users: [],
  collections: [],
  editing: null, // name of the collection whose grants are edited
  editRows: null, // GrantRows of the editor
  newRows: null, // GrantRows of the form "Sammlung anlegen"
  loaded: false,
};

function setStatus(id, message, { error = false } = {}) {
  const line = $(id);
  line.textContent = message;
  line.classList.toggle("form-status--error", error);
}

// ------------------------------------------------------------------ grant rows (create form and editor)
let rowCounter = 0;

/** Editable grant rows in a <ul>: for whom (department, person, everyone), who, permission; remove button. */
class GrantRows {
  constructor(list) {
    this.list = list;
  }

  set(grants) {
    this.list.replaceChildren();
    for (const grant of grants) this.add(grant);
    this.renumber();
  }

  add(grant = { permission: "read", department: "" }, { focus = false } = {}) {
    const n = ++rowCounter;
    const kind = grant.everyone ? "everyone" : grant.user ? "user" : "department";
    const kindSelect = el("select", { id: `grant-kind-${n}`, "data-testid": "grant-kind" },
      ...Object.entries(KIND_LABELS).map(([value, text]) => el("option", { value, text })));
    kindSelect.value = kind;
    const subject = el("input", { id: `grant-subject-${n}`, "data-testid": "grant-subject", autocomplete: "off", maxlength: "120" });
    subject.value = grant.department || grant.user || "";
    const permission = el("select", { id: `grant-permission-${n}`, "data-testid": "grant-permission" },
      ...Object.entries(PERMISSION_LABELS).map(([value, text]) => el("option", { value, text })));
    permission.value = grant.permission || "read";
    const remove = el("button", { type: "button", class: "button button--secondary button--small", "data-testid": "grant-remove", text: "Entfernen" });
    const row = el("li", { class: "grant-row", "data-testid": "grant-row" },
      el("label", { for: kindSelect.id, class: "grant-row__label", "data-role": "kind-label", text: "Für" }), kindSelect,
      el("label", { for: subject.id, class: "grant-row__label", "data-role": "subject-label", text: "Name" }), subject,
      el("label", { for: permission.id, class: "grant-row__label", text: "Recht" }), permission,
      remove);
    const update = () => {
      const everyone = kindSelect.value === "everyone";
      subject.hidden = everyone;
      row.querySelector("[data-role=subject-label]").hidden = everyone;
      row.querySelector("[data-role=subject-label]").textContent = kindSelect.value === "user" ? "Benutzername" : "Abteilung";
      subject.setAttribute("list", kindSelect.value === "user" ? "admin-users-list" : "admin-departments-list");
    };
    kindSelect.addEventListener("change", update);
    remove.addEventListener("click", () => {
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      this.renumber();
      const target = next ? next.querySelector("select") : this.list.closest("form, section").querySelector("[data-role=grant-add]");
      if (target) target.focus();
    });
    update();
    this.list.append(row);
    this.renumber();
    if (focus) kindSelect.focus();
  }

  /** Row numbers in the accessible names ("Freigabe 2: Recht"). */
  renumber() {
    [...this.list.children].forEach((row, i) => {
      for (const select of row.querySelectorAll("select, input")) {
        const label = row.querySelector(`label[for="${select.id}"]`);
        select.setAttribute("aria-label", `Freigabe ${i + 1}: ${label ? label.textContent : ""}`);
      }
      row.querySelector("[data-testid=grant-remove]").setAttribute("aria-label", `Freigabe ${i + 1} entfernen`);
    });
    const empty = this.list.parentElement.querySelector("[data-role=grants-empty]");
    if (empty) empty.hidden = this.list.children.length > 0;
  }

  /** The grants as the API takes them; throws an Error (German) for a row without a name. */
  value() {
    return [...this.list.children].map((row, i) => {
      const kind = row.querySelector("[data-testid=grant-kind]").value;
      const subject = row.querySelector("[data-testid=grant-subject]");
      const permission = row.querySelector("[data-testid=grant-permission]").value;
      if (kind === "everyone") return { permission, everyone: true };
      const who = subject.value.trim();
      if (!who) {
        subject.focus();
        throw new Error(`Freigabe ${i + 1}: Bitte ${kind === "user" ? "einen Benutzernamen" : "eine Abteilung"} angeben.`);
      }
      return kind === "user" ? { permission, user: who } : { permission, department: who };
    });
  }
}

function grantText(grant) {
  const who = grant.everyone ? "Alle Angemeldeten" : grant.user ? `Person ${grant.user}` : `Abteilung ${grant.department}`;
  return `${who}: ${PERMISSION_LABELS[grant.permission] || grant.permission}`;
}

// ------------------------------------------------------------------ accounts
async function loadUsers() {
  setStatus("admin-users-status", "Konten werden geladen …");
  try {
    const users = await getJSON(API.adminUsers);
    admin.users = Array.isArray(users) ? users : [];
  } catch (err) {
    setStatus("admin-users-status", err.message, { error: true });
    return;
  }
  renderUsers();
  setStatus("admin-users-status", "");
}

function renderUsers() {
  const rows = admin.users.map((user) => {
    const self = state.user && state.user.name === user.name;
    let action = null;
    if (!user.disabled && !self) {
      action = el("button", {
        type: "button", class: "button button--danger button--small", "data-testid": "admin-user-disable",
        "aria-label": `Konto „${user.name}“ sperren`, text: "Sperren",
      });
      action.addEventListener("click", () => disableUser(user, action));
    }
    return el("tr", { "data-testid": "admin-user-row", dataset: { name: user.name } },
      el("th", { scope: "row", text: user.name }),
      el("td", { text: user.display_name || "–" }),
      el("td", { text: user.department || "–" }),
      el("td", { text: ROLE_LABELS[user.role] || user.role }),
      el("td", { "data-testid": "admin-user-state", class: user.disabled ? "state state--off" : "state",
        text: user.disabled ? "gesperrt" : "aktiv" }),
      el("td", { class: "date", text: formatDate(user.created_at) }),
      el("td", { class: "actions" }, action || (self ? el("span", { class: "muted", text: "Ihr Konto" }) : null)));
  });
  $("admin-users-body").replaceChildren(...rows);
  $("admin-users-list").replaceChildren(...admin.users.map((u) => el("option", { value: u.name })));
}

async function loadDepartments() {
  let departments;
  try {
    departments = await getJSON(API.adminDepartments);
  } catch (_) {
    return; // only suggestions; the form works without them
  }
  $("admin-departments-list").replaceChildren(
    ...(Array.isArray(departments) ? departments : []).map((name) => el("option", { value: name })));
}

async function disableUser(user, button) {
  if (!window.confirm(`Konto „${user.name}“ sperren? Anmeldungen und API-Schlüssel enden sofort.`)) return;
  button.disabled = true;
  try {
    await getJSON(API.adminUserDisable(user.name), { method: "POST" });
  } catch (err) {
    button.disabled = false;
    setStatus("admin-users-status", err.message, { error: true });
    return;
  }
  await loadUsers();
  setStatus("admin-users-status", `Das Konto „${user.name}“ ist gesperrt.`);
  announce(`Das Konto „${user.name}“ ist gesperrt.`);
}

async function addUser(event) {
  event.preventDefault();
  const body = {
    name: $("admin-user-name").value.trim(),
    display_name: $("admin-user-display").value.trim(),
    department: $("admin-user-department").value.trim(),
    role: $("admin-user-role").value,
    password: $("admin-user-password").value,
  };
  const missing = [[body.name, "admin-user-name", "einen Benutzernamen"], [body.department, "admin-user-department", "eine Abteilung"],
    [body.password, "admin-user-password", "ein erstes Passwort"]].find(([value]) => !value);
  if (missing) {
    setStatus("admin-user-status", `Bitte geben Sie ${missing[2]} an.`, { error: true });
    $(missing[1]).focus();
    return;
  }
  const button = $("admin-user-submit");
  button.disabled = true;
  let created;
  try {
    created = await sendJSON(API.adminUsers, "POST", body);
  } catch (err) {
    setStatus("admin-user-status", err.message, { error: true });
    return;
  } finally {
    button.disabled = false;
  }
  $("admin-user-form").reset();
  setStatus("admin-user-status", `Das Konto „${created.name}“ wurde angelegt. Teilen Sie der Person das erste Passwort auf sicherem Weg mit.`);
  announce(`Das Konto „${created.name}“ wurde angelegt.`);
  await Promise.all([loadUsers(), loadDepartments()]);
}

// ------------------------------------------------------------------ collections
async function loadAdminCollections() {
  setStatus("admin-collections-status", "Sammlungen werden geladen …");
  let list;
  try {
    list = await reloadCollections(); // the pickers of the other views get the change too
  } catch (err) {
    setStatus("admin-collections-status", err.message, { error: true });
    return;
  }
  admin.collections = list;
  renderCollections();
  setStatus("admin-collections-status", "");
}

function renderCollections() {
  const rows = admin.collections.map((collection) => {
    const edit = el("button", {
      type: "button", class: "button button--secondary button--small", "data-testid": "admin-collection-edit",
      "aria-label": `Freigaben der Sammlung „${collection.name}“ bearbeiten`, text: "Freigaben bearbeiten",
    });
    edit.addEventListener("click", () => editGrants(collection));
    let del = null;
    if (collection.name !== "allgemein") {
      del = el("button", {
        type: "button", class: "button button--danger button--small", "data-testid": "admin-collection-delete",
        "aria-label": `Sammlung „${collection.name}“ löschen`, text: "Löschen",
      });
      del.addEventListener("click", () => deleteCollection(collection, del));
    }
    const grants = Array.isArray(collection.grants) ? collection.grants : [];
    return el("tr", { "data-testid": "admin-collection-row", dataset: { name: collection.name } },
      el("th", { scope: "row", text: collection.name }),
      el("td", { text: collection.title || "–" }),
      el("td", { class: "num", text: numberFormat.format(collection.documents || 0) }),
      el("td", { "data-testid": "admin-collection-grants" }, grants.length
        ? el("ul", { class: "grant-list" }, ...grants.map((g) => el("li", { "data-testid": "admin-collection-grant", text: grantText(g) })))
        : el("span", { class: "muted", text: "keine (niemand hat Zugriff)" })),
      el("td", { text: collection.created_by || "–" }),
      el("td", { class: "actions" }, el("span", { class: "actions__buttons" }, edit, del)));
  });
  if (!rows.length) rows.push(el("tr", { class: "docs-table__empty" }, el("td", { colspan: "6", text: "Noch keine Sammlungen." })));
  $("admin-collections-body").replaceChildren(...rows);
}

async function createCollection(event) {
  event.preventDefault();
  const name = $("admin-collection-name").value.trim();
  if (!name) {
    setStatus("admin-collection-status", "Bitte geben Sie einen Namen für die Sammlung an.", { error: true });
    $("admin-collection-name").focus();
    return;
  }
  let grants;
  try {
    grants = admin.newRows.value();
  } catch (err) {
    setStatus("admin-collection-status", err.message, { error: true });
    return;
  }
  const button = $("admin-collection-submit");
  button.disabled = true;
  let created;
  try {
    created = await sendJSON(API.collections, "POST", { name, title: $("admin-collection-title").value.trim(), grants });
  } catch (err) {
    setStatus("admin-collection-status", err.message, { error: true });
    return;
  } finally {
    button.disabled = false;
  }
  $("admin-collection-form").reset();
  admin.newRows.set([{ permission: "read", department: "" }]);
  setStatus("admin-collection-status", `Die Sammlung „${collectionLabel(created)}“ wurde angelegt.`);
  announce(`Die Sammlung „${created.name}“ wurde angelegt.`);
  await loadAdminCollections();
}

function editGrants(collection) {
  admin.editing = collection.name;
  $("admin-grants-heading").textContent = `Freigaben der Sammlung „${collectionLabel(collection)}“`;
  admin.editRows.set(Array.isArray(collection.grants) ? collection.grants : []);
  setStatus("admin-grants-status", "");
  $("admin-grants-editor").dataset.collection = collection.name;
  $("admin-grants-editor").hidden = false;
  $("admin-grants-heading").focus();
}

function closeEditor() {
  const name = admin.editing;
  admin.editing = null;
  $("admin-grants-editor").hidden = true;
  const opener = name && $("admin-collections-body").querySelector(
    `tr[data-name="${CSS.escape(name)}"] [data-testid=admin-collection-edit]`);
  if (opener) opener.focus();
}

async function saveGrants(event) {
  event.preventDefault();
  const name = admin.editing;
  if (!name) return;
  let grants;
  try {
    grants = admin.editRows.value();
  } catch (err) {
    setStatus("admin-grants-status", err.message, { error: true });
    return;
  }
  const button = $("admin-grants-save");
  button.disabled = true;
  try {
    await sendJSON(API.collectionGrants(name), "PUT", { grants });
  } catch (err) {
    setStatus("admin-grants-status", err.message, { error: true });
    return;
  } finally {
    button.disabled = false;
  }
  await loadAdminCollections();
  closeEditor();
  setStatus("admin-collections-status", `Die Freigaben der Sammlung „${name}“ wurden gespeichert.`);
  announce(`Die Freigaben der Sammlung „${name}“ wurden gespeichert.`);
}

async function deleteCollection(collection, button) {
  const count = collection.documents || 0;
  const question = count
    ? `Sammlung „${collection.name}“ mit ihren ${numberFormat.format(count)} Dokumenten wirklich löschen?`
    : `Sammlung „${collection.name}“ wirklich löschen?`;
  if (!window.confirm(question)) return;
  button.disabled = true;
  try {
    await getJSON(API.collection(collection.name), { method: "DELETE" });
  } catch (err) {
    button.disabled = false;
    setStatus("admin-collections-status", err.message, { error: true });
    return;
  }
  if (admin.editing === collection.name) closeEditor();
  await loadAdminCollections();
  setStatus("admin-collections-status", `Die Sammlung „${collection.name}“ wurde gelöscht.`);
  $("admin-collections-heading").focus();
}

// ------------------------------------------------------------------ wiring
/** Called by the routing whenever "Verwaltung" is shown. */
export function enterAdmin() {
  loadUsers();
  loadDepartments();
  loadAdminCollections();
}

export function initAdmin() {
  admin.newRows = new GrantRows($("admin-collection-grants"));
  admin.newRows.set([{ permission: "read", department: "" }]);
  admin.editRows = new GrantRows($("admin-grants-rows"));
  $("admin-user-form").addEventListener("submit", addUser);
  $("admin-collection-form").addEventListener("submit", createCollection);
  $("admin-collection-grant-add").addEventListener("click", () => admin.newRows.add(undefined, { focus: true }));
  $("admin-grants-editor").addEventListener("submit", saveGrants);
  $("admin-grants-add").addEventListener("click", () => admin.editRows.add(undefined, { focus: true }));
  $("admin-grants-cancel").addEventListener("click", closeEditor);
  $("admin-users-reload").addEventListener("click", loadUsers);
}
