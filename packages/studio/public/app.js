// gen studio: catalogue, generated forms, runs with live progress, previews, history, copy as code.
import { api } from "./api.js";
import { el } from "./dom.js";
import { renderForm } from "./form.js";
import { renderHistory } from "./history.js";
import { renderPreview } from "./preview.js";

const $ = (id) => document.getElementById(id);
const state = {
  catalog: null,
  current: null,
  form: null,
  run: null,
  source: null,
  lang: "typescript",
  checks: 0,
};

async function start() {
  state.catalog = await api.catalog();
  const simulated = state.catalog.vendors.some((v) => v.simulated);
  $("mode").textContent = simulated ? "simulators" : "live";
  $("mode").classList.toggle("sim", simulated);
  renderCatalogue("");
  $("search").addEventListener("input", (e) => renderCatalogue(e.target.value));
  $("run").addEventListener("click", run);
  $("cancel").addEventListener("click", () => state.run && api.cancel(state.run.id));
  $("resume").addEventListener("click", resume);
  $("copy").addEventListener("click", copyCode);
  for (const tab of document.querySelectorAll(".tab")) {
    tab.addEventListener("click", () => {
      state.lang = tab.dataset.lang;
      showCode();
    });
  }
  await refreshHistory();
  const wanted = new URLSearchParams(location.hash.slice(1));
  if (wanted.get("op")) select(wanted.get("vendor"), wanted.get("op"));
  document.body.dataset.ready = "true";
}

/** The operation's display name: the vendor's own name when it reads as words, else the summary. */
const title = (op) =>
  /\s/.test(op.name) && op.name.length >= (op.summary ?? "").length ? op.name : (op.summary ?? op.name);

const normalise = (s) =>
  String(s ?? "")
    .toLowerCase()
    .replace(/[\s_-]/g, "");

function renderCatalogue(query) {
  const key = normalise(query);
  const nav = $("catalogue");
  nav.replaceChildren();
  for (const vendor of state.catalog.vendors) {
    const ops = vendor.operations.filter((op) =>
      [vendor.id, vendor.displayName, op.id, op.name, op.summary, ...op.aliases].some((s) =>
        normalise(s).includes(key),
      ),
    );
    if (ops.length === 0) continue;
    const list = el("ul");
    for (const op of ops) {
      const tags = el(
        "span",
        { class: "tags" },
        op.task ? "task" : "sync",
        op.kind === "create" ? " · paid" : "",
      );
      const button = el(
        "button",
        { type: "button", class: "op", "data-vendor": vendor.id, "data-op": op.id },
        el("span", {}, title(op)),
        tags,
      );
      if (state.current?.op.id === op.id && state.current?.vendor.id === vendor.id)
        button.classList.add("active");
      button.addEventListener("click", () => select(vendor.id, op.id));
      list.append(el("li", {}, button));
    }
    nav.append(
      el(
        "section",
        { class: "vendor", "data-vendor": vendor.id },
        el("h3", {}, vendor.displayName, el("small", {}, ` ${vendor.packageName}`)),
        list,
      ),
    );
  }
  if (!nav.childElementCount) nav.append(el("p", { class: "meta" }, "No operation matches."));
}

function select(vendorId, opId) {
  const vendor = state.catalog.vendors.find((v) => v.id === vendorId);
  const op = vendor?.operations.find((o) => o.id === opId);
  if (!op) return;
  state.current = { vendor, op };
  history.replaceState(null, "", `#vendor=${vendor.id}&op=${op.id}`);
  for (const b of document.querySelectorAll(".op"))
    b.classList.toggle("active", b.dataset.vendor === vendorId && b.dataset.op === opId);
  $("placeholder").hidden = true;
  $("operation").hidden = false;
  $("op-title").textContent = `${vendor.displayName} · ${title(op)}`;
  const names = [op.id, op.name, ...op.aliases].filter((n, i, all) => all.indexOf(n) === i).join(", ");
  const eta = op.estimatedMs
    ? ` · usually ${Math.round(op.estimatedMs[0] / 1000)}–${Math.round(op.estimatedMs[1] / 1000)} s`
    : "";
  $("op-meta").textContent =
    `${names} · ${op.task ? "task" : "synchronous"} · ${op.kind === "create" ? "paid create" : "read"}${eta} · cost: not published in the catalog`;
  $("op-description").textContent = op.description ?? "";
  const creds =
    vendor.credentials.length === 0
      ? "no credentials needed"
      : `${vendor.credentials.join(", ")}: ${vendor.credentialsSet ? "set" : "missing in the server's environment"}`;
  $("op-creds").textContent = creds;
  $("op-creds").classList.toggle("missing", !vendor.credentialsSet);
  state.form = renderForm($("form"), op, () => void check());
  void check();
}

/**
 * Runs the SDK's validator on the server (no vendor request) and shows its messages per field.
 * Resolves to the issues of the latest edit. Run stays clickable while a check is in flight (a
 * blur fires one just before a click); `run()` waits for it.
 */
function check() {
  const { vendor, op } = state.current;
  const ticket = ++state.checks;
  document.body.dataset.checked = "false";
  state.pending = api.validate(vendor.id, op.id, state.form.readInput()).then((issues) => {
    if (ticket !== state.checks) return state.pending; // a newer edit is being checked
    state.form.showIssues(issues);
    const unplaced = issues.filter(
      (i) => !document.querySelector(`[data-field="${CSS.escape(i.field.split(/[.|]/)[0])}"]`),
    );
    $("issues-summary").textContent = issues.length
      ? `${issues.length} problem(s): ${unplaced.map((i) => `${i.field || "input"}: ${i.message}`).join("; ") || "see the fields above"}`
      : "";
    $("run").disabled = issues.length > 0;
    document.body.dataset.checked = "true";
    return issues;
  });
  return state.pending;
}

async function run() {
  const { vendor, op } = state.current;
  if ((await state.pending).length > 0) return; // refused before any request
  $("run").disabled = true;
  let refused = false;
  try {
    const { status, data } = await api.run(vendor.id, op.id, state.form.readInput());
    if (status === 422) {
      refused = true;
      state.form.showIssues(data.issues);
      $("issues-summary").textContent = `${data.issues.length} problem(s): not sent`;
      return;
    }
    showRun(data.run);
    await refreshHistory();
  } finally {
    $("run").disabled = refused;
  }
}

async function resume() {
  if (!state.run) return;
  showRun(await api.resume(state.run.id));
}

function showRun(run) {
  state.source?.close();
  state.source = null;
  updateRun(run);
  if (run.state === "running") {
    state.source = api.events(
      run.id,
      (next) => {
        $("problem")?.remove();
        updateRun(next);
        if (next.state !== "running") {
          state.source?.close();
          void refreshHistory();
        }
      },
      () =>
        showProblem(
          "Lost the connection to gen studio (retrying). The task goes on at the vendor: if gen studio " +
            "was restarted, open the link it printed and resume the task from the history.",
        ),
    );
  }
}

function updateRun(run) {
  const previous = state.run;
  state.run = run;
  const panel = $("run-panel");
  panel.hidden = false;
  panel.dataset.state = run.state;
  panel.dataset.runId = run.id;
  panel.dataset.status = run.progress?.status ?? "";
  $("run-title").textContent =
    `${run.vendor} · ${run.operation}${run.handle ? ` · task ${run.handle.taskId}` : ""}`;
  $("run-state").textContent = run.state;
  $("run-state").className = `state ${run.state}`;
  const progress = run.state === "succeeded" ? 100 : (run.progress?.progress ?? 0);
  $("progress-bar").style.width = `${progress}%`;
  $("progress-bar").dataset.progress = String(progress);
  $("run-status").textContent = run.progress
    ? `${run.progress.status} · ${progress}% · ${run.progress.polls} poll(s) · ${(run.progress.elapsedMs / 1000).toFixed(1)} s`
    : run.state === "running"
      ? "waiting for the first status…"
      : "";
  $("cancel").hidden = run.state !== "running" || !run.handle;
  $("resume").hidden = !(run.handle && (run.state === "stopped" || run.state === "failed"));
  $("run-error").hidden = !run.error;
  $("run-error").textContent = run.error
    ? `${run.error.kind ? `${run.error.kind}: ` : ""}${run.error.message}`
    : "";
  if (previous?.id !== run.id || previous?.state !== run.state) {
    renderPreview($("preview"), run.files ?? []);
    $("result-json").textContent = run.result === undefined ? "" : JSON.stringify(run.result, null, 2);
  }
  showCode();
  markHistory();
}

function showCode() {
  if ($("copy").dataset.copied !== `${state.run?.id}:${state.lang}`) $("copy").textContent = "Copy";
  for (const tab of document.querySelectorAll(".tab"))
    tab.setAttribute("aria-selected", String(tab.dataset.lang === state.lang));
  $("code-text").textContent = state.run?.code?.[state.lang] ?? "";
}

async function copyCode() {
  const text = $("code-text").textContent;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const range = document.createRange();
    range.selectNodeContents($("code-text"));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    document.execCommand("copy");
  }
  $("copy").textContent = "Copied";
  $("copy").dataset.copied = `${state.run?.id}:${state.lang}`;
}

async function refreshHistory() {
  renderHistory($("history"), await api.runs(), (run) => {
    if (state.catalog.vendors.some((v) => v.id === run.vendor)) {
      select(run.vendor, run.operation);
      state.form?.fill(run.input);
      void check();
    }
    showRun(run);
  });
  markHistory();
}

function markHistory() {
  for (const item of document.querySelectorAll("#history li"))
    item.classList.toggle("active", item.dataset.runId === state.run?.id);
}

/** Any failure the page did not handle (the server refused, the network dropped) shown at the top. */
function showProblem(message) {
  let banner = $("problem");
  if (!banner) {
    banner = el("p", { id: "problem", class: "error banner", role: "alert" });
    document.body.prepend(banner);
  }
  banner.textContent = message;
}

window.addEventListener("unhandledrejection", (event) =>
  showProblem(String(event.reason?.message ?? event.reason)),
);
start().catch((error) => showProblem(`gen studio could not start: ${error.message}`));
