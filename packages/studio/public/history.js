import { el } from "./dom.js";

/** The task history, newest first; a click opens the run (and resumes it when it was stopped). */
export function renderHistory(list, runs, open) {
  list.replaceChildren();
  if (runs.length === 0) list.append(el("li", { class: "meta" }, "No runs yet."));
  for (const run of runs) {
    const when = new Date(run.createdAt).toLocaleString();
    const button = el(
      "button",
      { type: "button" },
      el("strong", {}, `${run.vendor} · ${run.operation}`),
      el("span", { class: `state ${run.state}` }, run.state),
      el("small", {}, run.handle ? `${when} · ${run.handle.taskId}` : when),
    );
    button.addEventListener("click", () => open(run));
    list.append(el("li", { "data-run-id": run.id, "data-state": run.state }, button));
  }
}
