/*
 * Background jobs shared by "Entwürfe" and "Auswertung": starting a job (postJob), the progress box that
 * polls it (JobView), sessionStorage helpers (a reload resumes the job) and durations.
 */
import { errorMessage, getJSON } from "./api.js";
import { $, announce, state } from "./util.js";

const POLL_MS = 1500;

const JOB_STATUS_LABELS = {
  wartend: "Wartet auf Bearbeitung",
  laeuft: "Wird bearbeitet",
  fertig: "Fertig",
  abgebrochen: "Abgebrochen",
  fehlgeschlagen: "Fehlgeschlagen",
};
export const JOB_FINISHED = new Set(["fertig", "abgebrochen", "fehlgeschlagen"]);

function formatDuration(seconds) {
  const total = Math.max(1, Math.round(seconds));
  if (total < 60) return `${total} s`;
  if (total < 3600) {
    const minutes = Math.floor(total / 60);
    const rest = total % 60;
    return rest ? `${minutes} Min. ${rest} s` : `${minutes} Min.`;
  }
  const hours = Math.floor(total / 3600);
  return `${hours} Std. ${Math.round((total % 3600) / 60)} Min.`;
}

export function sessionGet(key) {
  try { return window.sessionStorage.getItem(key); } catch (_) { return null; }
}

export function sessionSet(key, value) {
  try {
    if (value === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, value);
  } catch (_) { /* storage disabled: no resume after a reload */ }
}

/** POST a job request (JSON object or FormData); returns the job or throws an Error with a German message. */
export async function postJob(url, body) {
  const options = { method: "POST", headers: { Accept: "application/json" }, body };
  if (!(body instanceof FormData)) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  return getJSON(url, options);
}

/** Move the focus to `target` unless the user is busy elsewhere (focus on body or on a vanished control). */
export function focusIfIdle(viewName, target, previous) {
  if (state.view !== viewName) return;
  const active = document.activeElement;
  if (!active || active === document.body || active === previous || !active.isConnected || active.hidden) {
    target.setAttribute("tabindex", "-1");
    target.focus();
  }
}

/**
 * Progress box of one background job: polls GET url(id) every POLL_MS until the job has finished, shows
 * progress, message, time left and a cancel button; the id is kept in sessionStorage so a reload resumes.
 * The box's elements have the ids `${prefix}-job`, `-progress`, `-job-steps`, `-job-message`, `-job-eta`,
 * `-error` and `-cancel`.
 */
export class JobView {
  constructor({ prefix, storageKey, url, noun, steps, onUpdate, onFinished, onForget }) {
    this.prefix = prefix;
    this.storageKey = storageKey;
    this.url = url;
    this.noun = noun; // "Der Entwurf" / "Die Auswertung"
    this.steps = steps; // job -> progress text
    this.onUpdate = onUpdate; // (job) after every render
    this.onFinished = onFinished; // (job, {resumed})
    this.onForget = onForget;
    this.jobId = null;
    this.timer = null;
    this.generation = 0;
    this.failures = 0;
    this.part = (name) => $(`${prefix}-${name}`);
    this.part("cancel").addEventListener("click", () => this.cancel());
  }

  /** Follow a job just created by POST (the 202 answer). */
  start(job) {
    this.stop();
    this.jobId = job.id;
    sessionSet(this.storageKey, job.id);
    this.follow(job, false);
  }

  /** After a reload: continue with the job remembered in sessionStorage. */
  resume() {
    const id = sessionGet(this.storageKey);
    if (!id || this.jobId) return;
    this.jobId = id;
    this.poll(true);
  }

  stop() {
    this.generation += 1;
    window.clearTimeout(this.timer);
    this.timer = null;
  }

  forget() {
    this.stop();
    this.jobId = null;
    sessionSet(this.storageKey, null);
    this.part("job").hidden = true;
    if (this.onForget) this.onForget();
  }

  follow(job, resumed) {
    this.render(job);
    if (JOB_FINISHED.has(job.status)) {
      this.onFinished(job, { resumed });
      return;
    }
    const generation = this.generation;
    this.timer = window.setTimeout(() => {
      if (generation === this.generation) this.poll(false); // the job is watched now: announce its end
    }, POLL_MS);
  }

  async poll(resumed) {
    const generation = this.generation;
    const id = this.jobId;
    let response;
    try {
      response = await fetch(this.url(id), { headers: { Accept: "application/json" } });
    } catch (_) {
      response = null;
    }
    if (generation !== this.generation || id !== this.jobId) return;
    if (response && response.status === 404) {
      if (resumed) {
        this.forget(); // an old id after a server reset: nothing to show
      } else {
        this.showError(await errorMessage(response));
        this.part("cancel").hidden = true;
        this.stop();
        sessionSet(this.storageKey, null);
        this.onUpdate({ status: "fehlgeschlagen" });
      }
      return;
    }
    let job = null;
    if (response && response.ok) {
      try { job = await response.json(); } catch (_) { job = null; }
    }
    if (generation !== this.generation || id !== this.jobId) return;
    if (!job) {
      this.failures += 1;
      this.part("job-eta").textContent = "Verbindung zum Server unterbrochen – neuer Versuch …";
      this.timer = window.setTimeout(() => {
        if (generation === this.generation) this.poll(resumed);
      }, Math.min(POLL_MS * (1 + this.failures), 15000));
      return;
    }
    this.failures = 0;
    this.follow(job, resumed);
  }

  showError(message) {
    const error = this.part("error");
    error.textContent = message;
    error.hidden = !message;
  }

  render(job) {
    const box = this.part("job");
    box.hidden = false;
    box.dataset.status = job.status;
    box.dataset.jobId = job.id;
    const running = !JOB_FINISHED.has(job.status);
    const progress = this.part("progress");
    const total = Number(job.total) || 0;
    const done = Math.min(Number(job.done) || 0, total);
    if (total > 0) {
      progress.max = total;
      progress.value = job.status === "fertig" ? total : done;
    } else if (job.status === "fertig") {
      progress.max = 1;
      progress.value = 1;
    } else if (running) {
      progress.removeAttribute("value"); // indeterminate until the job knows its steps
    }
    progress.hidden = !running && job.status !== "fertig";
    const steps = this.steps(job);
    this.part("job-steps").textContent = `${JOB_STATUS_LABELS[job.status] || job.status}${steps ? ` · ${steps}` : ""}`;
    const message = running ? (job.message || "") : "";
    this.part("job-message").textContent = message ? ` – ${message}` : "";
    let eta = "";
    if (job.status === "wartend") eta = "Der Auftrag beginnt, sobald vorherige Aufträge erledigt sind.";
    else if (job.status === "laeuft") {
      eta = typeof job.seconds_left === "number" && Number.isFinite(job.seconds_left)
        ? `Noch etwa ${formatDuration(job.seconds_left)}.`
        : "Die Restzeit wird ermittelt …";
    }
    this.part("job-eta").textContent = eta;
    this.part("job-eta").hidden = !eta;
    if (job.status === "fehlgeschlagen") {
      this.showError(job.message || `${this.noun} konnte nicht erstellt werden.`);
    } else if (job.status === "abgebrochen") {
      this.showError(`${this.noun} wurde abgebrochen.`);
    } else {
      this.showError("");
    }
    const cancel = this.part("cancel");
    cancel.hidden = !running;
    if (!running) {
      cancel.disabled = false;
      cancel.textContent = "Abbrechen";
    }
    this.onUpdate(job);
  }

  async cancel() {
    if (!this.jobId) return;
    const button = this.part("cancel");
    const id = this.jobId;
    button.disabled = true;
    button.textContent = "Wird abgebrochen …";
    try {
      await getJSON(`${this.url(id)}/cancel`, { method: "POST" });
      announce("Abbruch angefordert. Der laufende Schritt wird noch beendet.");
      this.part("job-eta").textContent = "Abbruch angefordert – der laufende Schritt wird noch beendet …";
      this.part("job-eta").hidden = false;
    } catch (err) {
      button.disabled = false;
      button.textContent = "Abbrechen";
      this.showError(err.message);
    }
  }
}
