/*
 * Anmeldung: the page shows the sign-in form until /api/auth/me names the signed-in user; then the views and
 * the user's name and department in the header. A 401 from any request (session ended) shows the form again.
 */
import { API, errorMessage } from "./api.js";
import { $ } from "./util.js";

const SIGN_IN_METHODS = "api/auth/methods";

function showSignedIn(user) {
  $("login").hidden = true;
  $("site-main").hidden = false;
  $("account").hidden = false;
  $("account-name").textContent = user.display_name || user.name;
  $("account-department").textContent = user.department;
}

export function showLogin(message = "") {
  $("site-main").hidden = true;
  $("account").hidden = true;
  $("login").hidden = false;
  $("login-status").textContent = message;
  $("login-username").focus();
  showSignInMethods();
}

/** "Mit Dienstkonto anmelden" (OIDC) only where the server offers it. */
async function showSignInMethods() {
  const response = await fetch(SIGN_IN_METHODS, { headers: { Accept: "application/json" } }).catch(() => null);
  const methods = response && response.ok ? await response.json().catch(() => ({})) : {};
  $("login-oidc").hidden = methods.oidc !== true;
}

/** Resolves with the signed-in user, after showing the sign-in form as long as needed. */
export async function signedIn() {
  const response = await fetch(API.me, { headers: { Accept: "application/json" } }).catch(() => null);
  if (response && response.ok) {
    const user = await response.json();
    showSignedIn(user);
    return user;
  }
  showLogin(response ? "" : "Der Server ist nicht erreichbar. Bitte prüfen Sie die Verbindung.");
  return new Promise((resolve) => {
    $("login-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = { username: $("login-username").value.trim(), password: $("login-password").value };
      if (!body.username || !body.password) {
        $("login-status").textContent = "Bitte Benutzername und Passwort eingeben.";
        return;
      }
      $("login-button").disabled = true;
      try {
        const answer = await fetch(API.login, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify(body),
        });
        if (!answer.ok) {
          $("login-status").textContent = await errorMessage(answer);
          return;
        }
        $("login-password").value = "";
        const user = await answer.json();
        showSignedIn(user);
        resolve(user);
      } catch (_) {
        $("login-status").textContent = "Der Server ist nicht erreichbar. Bitte prüfen Sie die Verbindung.";
      } finally {
        $("login-button").disabled = false;
      }
    });
  });
}

export function initLogout() {
  // a request answered 401 (the session ended, the account was disabled): sign in again
  window.addEventListener("va:signed-out", () => window.location.reload());
  $("logout-button").addEventListener("click", async () => {
    await fetch(API.logout, { method: "POST" }).catch(() => null);
    sessionStorage.clear();
    window.location.reload();
  });
}
