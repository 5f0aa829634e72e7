import { EXIT_TABLE } from "./exit-codes.js";

const EXIT_CODES = EXIT_TABLE.map(([code, text]) => `  ${String(code).padStart(3)}  ${text}`).join("\n");

/** `gen --help`. */
export const MAIN_HELP: string = `gen - typed SDKs for AI media vendors, from the command line

Usage: gen <command> [options]

Commands:
  generate   regenerate the vendor packages from catalogs/ (--check: fail on drift)
  list       vendors, operations and their parameters
  call       validate and call an operation; --wait for tasks, --download results
  wait       resume waiting for a task started earlier (from its handle file)
  mock       start local vendor simulators for offline work
  mcp        serve the vendors' operations to agents (MCP, stdio or Streamable HTTP)
  studio     a local web playground: every operation as a form, run, preview, copy as code
  batch      run a JOBS.jsonl file of tasks: limits, journal, resume, results file
  worker     serve batches queued on Redis (gen batch --redis URL)

Run \`gen <command> --help\` for a command's options and examples.

Examples:
  gen list mediaio
  gen call mediaio t2v-wan-v2-6 --set prompt="a red fox in snow" --wait --download out/
  gen wait .gen-tasks/mediaio-123.json
  gen mock

Credentials come from environment variables (or flags), never from files, and are never printed;
\`gen list\` shows each vendor's variables. \`gen mock\` prints the ones its simulators accept.

Exit codes:
${EXIT_CODES}
`;

/** Per-command help, keyed by command. */
export const COMMAND_HELP: Readonly<Record<string, string>> = {
  generate: `Usage: gen generate [--check] [--strict] [--verbose] [--vendor NAME]

Regenerates packages/<vendor> from catalogs/<vendor> (run at the repository root).
  --check        do not write; exit non-zero when the generated files differ (CI drift check)
  --strict       fail (write nothing) when a warning drops or weakens what a catalog says
  --verbose      list every warning's location (default: three per kind)
  --vendor NAME  only this vendor; a new one with catalogs/NAME/openapi.yaml is added to gen.config.json

Examples:
  gen generate
  gen generate --check
  gen generate --vendor mediaio
  gen generate --vendor acme --strict
`,
  list: `Usage: gen list [VENDOR [OPERATION]] [--json]

Lists the installed vendors, their operations (generated name, vendor name, aliases) and each
parameter with its type, whether it is required, enum values, range and default.
  --json   one JSON document: { vendors: [{ id, operations: [{ id, parameters: [...] }] }] }

Examples:
  gen list
  gen list mediaio
  gen list tomoviee tm_text2video_b --json
`,
  call: `Usage: gen call VENDOR OPERATION [--input FILE.json] [--set key=value ...] [options]

Validates the input (before any request), calls the operation and prints the result. For a task
operation the task handle is saved to disk the moment the task is created, so Ctrl-C or a crash
loses nothing: resume with \`gen wait HANDLE.json\`.
OPERATION is the generated name (textToVideo), the vendor's name or an alias (text_to_video).

  -i, --input FILE     JSON object with the input
  -s, --set key=value  set one field (repeatable; dot paths for nested fields). Values become
                       numbers, booleans or JSON where the schema wants them; repeating --set
                       on an array field appends
      --extra key=value  send a body field the catalog does not know, unvalidated (repeatable)
  -w, --wait           wait for the task, with a progress bar on a terminal
  -d, --download DIR   download the result files into DIR (implies --wait)
      --handle FILE    where to save the task handle (default .gen-tasks/<vendor>-<taskId>.json)
      --timeout SEC    stop waiting after SEC seconds (the task keeps running; resume it)
      --poll-ms MS     poll the status every MS (default: the vendor's adaptive schedule)
      --estimate-cost  print the credits the call would cost and create nothing (IMA video)
      --json           JSON lines on stdout: task, progress, result (or error) events
      --base-url URL   another endpoint (a loopback URL enables plain http for simulators);
                       also from GEN_<VENDOR>_BASE_URL
      --connect-to HOST=URL
                       reach a vendor host name at a loopback twin (simulators; repeatable);
                       also from GEN_<VENDOR>_CONNECT_TO (comma-separated)
      --api-key KEY, --app-key KEY, --app-secret SECRET
                       credentials (prefer the environment variables)

Examples:
  gen call mediaio t2v-wan-v2-6 --set prompt="a red fox in snow" --wait
  gen call tomoviee tm_text2video_b --input body.json --download out/
  gen call edrawmax generate_flowchart --set prompt="user login flow" --set lang=en
  gen call ima text_to_video --set model=wan2.6 --set prompt="a lighthouse at dusk" --wait --json
`,
  wait: `Usage: gen wait HANDLE.json [options]
       gen wait VENDOR TASK_ID [options]

Resumes waiting for a task created earlier, then prints (and downloads) the result. The handle
file records the outcome when the task ends.
  -d, --download DIR   download the result files into DIR
      --timeout SEC    stop waiting after SEC seconds
      --poll-ms MS     poll the status every MS (default: the vendor's adaptive schedule)
      --json           JSON lines on stdout
      --base-url URL   override the endpoint stored in the handle file
      --connect-to HOST=URL, --api-key, --app-key, --app-secret: as for \`gen call\`

Examples:
  gen wait .gen-tasks/mediaio-6f1c.json --download out/
  gen wait tomoviee 3f2a9c --json
`,
  mcp: `Usage: gen mcp [VENDOR...] [--http [--port N]] [--operation NAME ...] [--download DIR] [--poll-ms MS]

An MCP server: one tool per operation of the installed vendor packages (or the VENDORs named).
Task operations run as MCP tasks (the task id is the vendor task handle: it survives a restart);
clients without task support get the result inside the call, with progress notifications.
  --http            Streamable HTTP on 127.0.0.1 (prints the URL) instead of stdio
  --port N          port for --http (default: any free port)
  --operation NAME  only these operations (repeatable; \`mediaio_*\`, \`t2vWanV26\`, an alias)
  --download DIR    also download every result into DIR and link the files
  --poll-ms MS      poll every MS instead of the vendor's adaptive schedule
Credentials come from the server's environment only (\`gen list\` names the variables);
GEN_<VENDOR>_BASE_URL / GEN_<VENDOR>_CONNECT_TO point it at simulators (\`gen mock\`).

Examples:
  gen mcp
  gen mcp mediaio --operation 't2v*' --download ./media
  gen mcp --http --port 3333
`,
  batch: `Usage: gen batch JOBS.jsonl [options]

Each line: {"id": "optional-key", "vendor": "mediaio", "operation": "t2vWanV26", "input": {...}}.
Every line is validated first (all bad lines reported, nothing sent). Jobs then run with per-vendor
limits; rerunning the same command resumes: finished jobs are skipped, no job is created twice.
  -o, --results FILE       results file, one JSON line per job (default JOBS.results.jsonl)
      --journal FILE       embedded journal (default <results>.journal)
  -d, --download DIR       download each job's result files into DIR/<id>/
  -c, --concurrency N      jobs in flight per vendor (default 4); VENDOR=N for one vendor
      --rate N             creates per second per vendor; VENDOR=N for one vendor
      --budget N           stop creating once N credits are spent (where the vendor states costs)
      --retry-ambiguous    create again jobs whose create may have reached the vendor unanswered
      --redis URL          queue on Redis (BullMQ) for \`gen worker\`s (or GEN_REDIS_URL)
      --name NAME          batch name on Redis (default: derived from the jobs)
      --detach             with --redis: queue and return; rerun to collect results
      --timeout SECONDS    per-task wait limit (embedded)
      --poll-ms MS         fixed poll interval (embedded) / state refresh (Redis)
      --json               print the summary as JSON

See docs/batch.md for what is guaranteed.
`,
  worker: `Usage: gen worker --redis URL [options]

Serves the batches queued with \`gen batch --redis URL\` until Ctrl-C. Credentials come from this
worker's environment. A job whose worker dies resumes on another worker after --lock-ms.
      --redis URL          Redis to serve (or GEN_REDIS_URL)
      --vendor NAME        only this vendor's queue (repeatable; default every vendor)
  -c, --concurrency N      jobs in flight per vendor in this process (default 50)
      --lock-ms MS         job lock (default 30000)
      --poll-ms MS         fixed poll interval
      --json               one JSON line per job event
`,
  mock: `Usage: gen mock [VENDOR...] [--port N]

Starts the vendor simulators on 127.0.0.1 for offline work and prints their base URLs and the
environment lines to paste (simulator credentials, GEN_<VENDOR>_BASE_URL and, for result or
upload hosts, GEN_<VENDOR>_CONNECT_TO). The SDKs read GEN_<VENDOR>_BASE_URL themselves.
Stays up until Ctrl-C.
  --port N      first port to use (the next vendors take N+1, N+2, ...; their file and upload
                hosts follow, the same on every start); default: any free port
  --task-ms MS  how long simulated tasks take (default 1000)
  --json        one JSON line per simulator: { vendor, baseUrl, env }, then { type: "ready" }

Examples:
  gen mock
  gen mock mediaio ima --port 4010
`,
  studio: `Usage: gen studio [--port N] [--mock] [--data-dir DIR]

Serves a local web playground on 127.0.0.1: every installed vendor's operations with search, a
form per operation (checked as you type with the SDK's own messages), runs with live progress,
cancel and previews, a task history that survives restarts, and "copy as code". Open the printed
URL: it holds a token made at each start, without which every request is refused. Credentials
stay in this process (environment variables, as for \`gen call\`); the page never sees them.
  --port N        port on 127.0.0.1 (default: any free port)
  --mock          start every vendor's simulator in-process and use it (no credentials needed)
  --task-ms MS    with --mock: how long simulated tasks take (default 4000)
  --data-dir DIR  history, results and uploads (default $GEN_STUDIO_DIR, else
                  $XDG_DATA_HOME/gen/studio, else ~/.local/share/gen/studio)
  --poll-ms MS    poll every MS instead of each vendor's schedule (--mock: 500)
  --json          print { type: "ready", url } once listening

Examples:
  gen studio --mock
  gen studio --port 4321
`,
};
