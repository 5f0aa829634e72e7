// Calls to the studio server. The session cookie (HttpOnly) is sent by the browser; the page never
// holds the token or any vendor credential.

async function request(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  const data = await res.json().catch(() => ({}));
  if (!res.ok && res.status !== 422) throw new Error(data.error ?? `${method} ${path}: HTTP ${res.status}`);
  return { status: res.status, data };
}

export const api = {
  catalog: () => request("GET", "/api/catalog").then((r) => r.data),
  runs: () => request("GET", "/api/runs").then((r) => r.data.runs),
  validate: (vendor, operation, input) =>
    request("POST", "/api/validate", { vendor, operation, input }).then((r) => r.data.issues),
  run: (vendor, operation, input) => request("POST", "/api/runs", { vendor, operation, input }),
  cancel: (id) => request("POST", `/api/runs/${id}/cancel`),
  resume: (id) => request("POST", `/api/runs/${id}/resume`).then((r) => r.data.run),
  upload: async (file) => {
    const res = await fetch(`/api/uploads?name=${encodeURIComponent(file.name)}`, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: file,
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(data.error ?? `upload failed: HTTP ${res.status}`);
    return data.path;
  },
  /** Server-sent events of a run: `state` and `progress`, each carrying the whole run record. */
  events: (id, onRun, onLost) => {
    const source = new EventSource(`/api/runs/${id}/events`);
    const handle = (event) => onRun(JSON.parse(event.data), event.type);
    source.addEventListener("state", handle);
    source.addEventListener("progress", handle);
    source.addEventListener("error", () => onLost(source));
    return source;
  },
};
