/*
 * "Verlauf" beside "Recherche": the user's conversations on the server (GET /api/conversations, most recently
 * used first). A click reopens one (chat.js shows its stored questions and answers); each can be renamed in a
 * small form in its place and deleted after a confirmation. "Neues Gespräch" (chat.js) starts an empty one.
 */
import { API, getJSON, sendJSON } from "./api.js";
import { activeConversation, openConversation, startNewConversation } from "./chat.js";
import { $, announce, el, formatDate, plural } from "./util.js";

const UNTITLED = "Gespräch ohne Titel";

const history = {
  conversations: [],
  renaming: null, // id of the conversation whose title is being edited
  request: 0, // bumped by every load so a late answer is dropped
  loadFailed: false, // the status line shows that the last load failed
};

function titleOf(conversation) {
  return (conversation.title || "").trim() || UNTITLED;
}

function setStatus(message) {
  $("history-status").textContent = message;
}

/** Load the list again (after a question, a new conversation, a rename or delete). */
export async function loadHistory() {
  const request = ++history.request;
  let list;
  try {
    list = await getJSON(API.conversations);
  } catch (err) {
    if (request === history.request) {
      history.loadFailed = true;
      setStatus(`Der Verlauf konnte nicht geladen werden: ${err.message}`);
    }
    return;
  }
  if (request !== history.request) return;
  if (history.loadFailed) setStatus("");
  history.loadFailed = false;
  history.conversations = Array.isArray(list) ? list : [];
  renderHistory();
}

function renderHistory() {
  const list = $("history-list");
  // a title being edited keeps what was typed so far
  const editing = list.querySelector("[data-testid=history-rename-input]");
  const typed = editing ? editing.value : null;
  const active = activeConversation();
  const items = history.conversations.map((conversation) => (conversation.id === history.renaming
    ? renameItem(conversation, typed)
    : conversationItem(conversation, conversation.id === active)));
  list.replaceChildren(...items);
  list.hidden = !items.length;
  $("history-empty").hidden = items.length > 0;
  const input = list.querySelector("[data-testid=history-rename-input]");
  if (input && !editing) {
    input.focus();
    input.select();
  }
}

function conversationItem(conversation, current) {
  const title = titleOf(conversation);
  const open = el("button", {
    type: "button", class: "history__open", "data-testid": "history-open", "aria-current": current ? "true" : null,
  },
  el("span", { class: "history__title", "data-testid": "history-title", text: title }),
  el("span", { class: "history__meta",
    text: `${formatDate(conversation.updated_at)} · ${plural(conversation.turns || 0, "Frage", "Fragen")}` }));
  open.addEventListener("click", () => reopen(conversation, open));
  const rename = el("button", {
    type: "button", class: "history__action", "data-testid": "history-rename",
    "aria-label": `Gespräch „${title}“ umbenennen`, text: "Umbenennen",
  });
  rename.addEventListener("click", () => {
    history.renaming = conversation.id;
    renderHistory();
  });
  const del = el("button", {
    type: "button", class: "history__action history__action--danger", "data-testid": "history-delete",
    "aria-label": `Gespräch „${title}“ löschen`, text: "Löschen",
  });
  del.addEventListener("click", () => remove(conversation, del));
  return el("li", {
    class: current ? "history__item is-current" : "history__item", "data-testid": "history-item",
    dataset: { conversationId: conversation.id },
  }, open, el("div", { class: "history__actions" }, rename, del));
}

function renameItem(conversation, typed) {
  const inputId = `history-rename-${conversation.id}`;
  const input = el("input", {
    id: inputId, class: "history__input", "data-testid": "history-rename-input", maxlength: "80", required: true,
    autocomplete: "off",
  });
  input.value = typed !== null ? typed : (conversation.title || "");
  const cancel = el("button", {
    type: "button", class: "history__action", "data-testid": "history-rename-cancel", text: "Abbrechen",
  });
  cancel.addEventListener("click", () => stopRenaming(conversation.id));
  const form = el("form", { class: "history__rename", "data-testid": "history-rename-form", novalidate: true },
    el("label", { for: inputId, class: "history__label", text: "Neuer Titel" }),
    input,
    el("div", { class: "history__actions" },
      el("button", { type: "submit", class: "history__action", "data-testid": "history-rename-save", text: "Speichern" }),
      cancel));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    rename(conversation, input);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      stopRenaming(conversation.id);
    }
  });
  return el("li", { class: "history__item", "data-testid": "history-item", dataset: { conversationId: conversation.id } }, form);
}

/** Leave the rename form; the focus goes back to the conversation's "Umbenennen". */
function stopRenaming(id) {
  history.renaming = null;
  renderHistory();
  const item = $("history-list").querySelector(`[data-conversation-id="${CSS.escape(id)}"] [data-testid=history-rename]`);
  if (item) item.focus();
}

async function rename(conversation, input) {
  const title = input.value.replace(/\s+/g, " ").trim();
  if (!title) {
    setStatus("Bitte geben Sie einen Titel ein.");
    input.focus();
    return;
  }
  input.disabled = true;
  try {
    await sendJSON(API.conversation(conversation.id), "PUT", { title });
  } catch (err) {
    input.disabled = false;
    setStatus(err.message);
    input.focus();
    return;
  }
  history.conversations = history.conversations.map((c) => (c.id === conversation.id ? { ...c, title } : c));
  stopRenaming(conversation.id);
  announce(`Gespräch umbenannt in „${title}“.`);
}

async function reopen(conversation, button) {
  setStatus("Gespräch wird geöffnet …");
  button.disabled = true;
  try {
    await openConversation(conversation.id);
  } catch (err) {
    setStatus(err.message);
    button.disabled = false;
    loadHistory(); // it may be gone (deleted elsewhere, expired)
    return;
  }
  setStatus("");
  announce(`Gespräch „${titleOf(conversation)}“ geöffnet.`);
  $("frage").focus();
}

async function remove(conversation, button) {
  const title = titleOf(conversation);
  if (!window.confirm(`Gespräch „${title}“ wirklich löschen?`)) return;
  button.disabled = true;
  try {
    await getJSON(API.conversation(conversation.id), { method: "DELETE" });
  } catch (err) {
    button.disabled = false;
    setStatus(err.message);
    return;
  }
  history.conversations = history.conversations.filter((c) => c.id !== conversation.id);
  if (activeConversation() === conversation.id) startNewConversation({ focus: false }); // reloads the list
  else renderHistory();
  setStatus(`Gespräch „${title}“ wurde gelöscht.`);
  $("history-heading").focus();
}

export function initHistory() {
  loadHistory();
}
