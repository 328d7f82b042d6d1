/*
 * Sammlungen: the collections the user may read (GET /api/collections, loaded once and shared by every view),
 * the picker of the collections to work in ("Recherche", "Entwürfe") and the <select> of the collections an
 * upload may go to (write or manage permission).
 */
import { API, getJSON } from "./api.js";
import { $, el } from "./util.js";

let loading = null; // Promise<collections[]>
const watchers = new Set(); // (collections | null, error | null) => void

export function loadCollections() {
  if (!loading) {
    const request = getJSON(API.collections).then((list) => (Array.isArray(list) ? list : []));
    request.catch(() => { if (loading === request) loading = null; }); // retry next time
    loading = request;
  }
  return loading;
}

/** Call render(collections, null) now and after every reload (render(null, error) when loading failed). */
export function watchCollections(render) {
  watchers.add(render);
  loadCollections().then((list) => render(list, null), (err) => render(null, err));
}

/** Load the collections again (after a change in "Verwaltung", on entering a view) and tell every watcher. */
export async function reloadCollections() {
  loading = null;
  let list;
  try {
    list = await loadCollections();
  } catch (err) {
    for (const render of watchers) render(null, err);
    throw err;
  }
  for (const render of watchers) render(list, null);
  return list;
}

export function canWrite(collection) {
  return collection.permission === "write" || collection.permission === "manage";
}

/** "Bauamt (bauamt)" – or only the name where the title is the name. */
export function collectionLabel(collection) {
  const title = (collection.title || "").trim();
  return title && title !== collection.name ? `${title} (${collection.name})` : collection.name;
}

/** The title (or name) of a collection by its name, from a loaded list. */
export function collectionTitle(collections, name) {
  const found = (collections || []).find((c) => c.name === name);
  return found ? (found.title || found.name) : name;
}

/**
 * A compact multi-select (checkboxes in a <details>) of the readable collections; all are chosen at first, and
 * while all are chosen, collections added later are chosen too. Markup (index.html): <details id="{prefix}-collections">
 * (class picker--up: the list opens above it as an overlay) with <summary id="{prefix}-collections-summary">, a
 * container id="{prefix}-collections-options" and a button id="{prefix}-collections-all".
 */
export class CollectionPicker {
  constructor({ prefix, onChange = () => {} }) {
    this.prefix = prefix;
    this.onChange = onChange;
    this.summary = $(`${prefix}-collections-summary`);
    this.options = $(`${prefix}-collections-options`);
    this.collections = [];
    this.chosen = null; // Set of names, or null: all
    this.loaded = false;
    const root = $(`${prefix}-collections`);
    // Esc closes the open list (focus back on its summary); an overlay list also closes on a click elsewhere
    root.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && root.open) {
        event.preventDefault();
        event.stopPropagation();
        root.open = false;
        this.summary.focus();
      }
    });
    if (root.classList.contains("picker--up")) {
      document.addEventListener("click", (event) => {
        if (root.open && !root.contains(event.target)) root.open = false;
      });
    }
    $(`${prefix}-collections-all`).addEventListener("click", () => {
      this.chosen = null;
      this.render();
      this.onChange();
    });
    watchCollections((list, err) => {
      if (list) {
        this.collections = list;
        this.loaded = true;
        if (this.chosen) {
          const known = new Set(list.map((c) => c.name));
          for (const name of [...this.chosen]) if (!known.has(name)) this.chosen.delete(name);
        }
        this.render();
      } else {
        this.options.replaceChildren(el("p", { class: "picker__error", role: "alert",
          text: `Die Sammlungen konnten nicht geladen werden: ${err.message}` }));
        this.summary.textContent = "Sammlungen: alle";
      }
      this.onChange();
    });
  }

  has(name) {
    return this.chosen === null || this.chosen.has(name);
  }

  /** The chosen names, or null when all readable collections are chosen (then requests name none). */
  selection() {
    if (this.chosen === null || this.chosen.size === this.collections.length) return null;
    return this.collections.map((c) => c.name).filter((name) => this.chosen.has(name));
  }

  /** Whether nothing is chosen (while the list is known and not empty). */
  isEmpty() {
    return this.chosen !== null && this.chosen.size === 0 && this.collections.length > 0;
  }

  /** Choose this collection too (e.g. the one of a document picked elsewhere). */
  include(name) {
    if (this.has(name)) return;
    this.chosen.add(name);
    this.render();
    this.onChange();
  }

  toggle(name, checked) {
    if (this.chosen === null) this.chosen = new Set(this.collections.map((c) => c.name));
    if (checked) this.chosen.add(name);
    else this.chosen.delete(name);
    if (this.chosen.size === this.collections.length) this.chosen = null;
    this.updateSummary();
    this.onChange();
  }

  render() {
    const items = this.collections.map((collection) => {
      const id = `${this.prefix}-collection-${collection.name.replace(/[^\w-]/g, "_")}`;
      const box = el("input", {
        type: "checkbox", id, value: collection.name, "data-testid": "collection-checkbox",
        dataset: { collection: collection.name },
      });
      box.checked = this.has(collection.name);
      box.addEventListener("change", () => this.toggle(collection.name, box.checked));
      return el("li", { class: "picker__item", "data-testid": "collection-option", dataset: { collection: collection.name } },
        box, el("label", { for: id, text: collectionLabel(collection) }));
    });
    if (!items.length) items.push(el("li", { class: "picker__empty", text: "Sie dürfen keine Sammlung lesen." }));
    this.options.replaceChildren(el("ul", { class: "picker__list" }, ...items));
    this.updateSummary();
  }

  updateSummary() {
    const total = this.collections.length;
    const chosen = this.selection();
    let text;
    if (!this.loaded) text = "Sammlungen: werden geladen …";
    else if (!total) text = "Sammlungen: keine";
    else if (chosen === null) text = total === 1 ? `Sammlung: ${collectionLabel(this.collections[0])}` : `Sammlungen: alle (${total})`;
    else if (!chosen.length) text = "Sammlungen: keine ausgewählt";
    else if (chosen.length === 1) text = `Sammlung: ${collectionTitle(this.collections, chosen[0])}`;
    else text = `Sammlungen: ${chosen.length} von ${total}`;
    this.summary.textContent = text;
  }
}

const NO_WRITE = "Sie haben in keiner Sammlung Schreibrecht. Hochladen ist daher nicht möglich; bitte wenden Sie sich "
  + "an die Verwaltung, wenn Sie Dokumente einlesen möchten.";

/**
 * Fill a <select> with the collections the user may write. With none (or when the list could not be loaded):
 * the hint is shown and `controls` are disabled. With more than one, the user chooses (a first empty option),
 * unless the choice so far still fits. Returns whether there is a collection to upload into.
 */
export function fillWritableSelect({ select, hint, controls = [] }, collections, error = null) {
  const writable = (collections || []).filter(canWrite);
  const previous = select.value;
  const options = writable.map((c) => el("option", { value: c.name, text: collectionLabel(c) }));
  if (writable.length > 1) options.unshift(el("option", { value: "", text: "– Sammlung wählen –" }));
  select.replaceChildren(...options);
  if (writable.some((c) => c.name === previous)) select.value = previous;
  const any = writable.length > 0;
  select.disabled = !any;
  hint.textContent = error ? `Die Sammlungen konnten nicht geladen werden: ${error.message}` : NO_WRITE;
  hint.hidden = any;
  for (const control of controls) control.disabled = !any;
  return any;
}
