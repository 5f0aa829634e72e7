import { describe, expect, it } from "vitest";
import { EXIT_TABLE } from "../src/exit-codes.js";
import { COMMAND_HELP, MAIN_HELP } from "../src/help-text.js";
import { main } from "../src/main.js";
import { captureIo } from "./helpers/capture-io.js";
import { runGen } from "./helpers/run-gen.js";

const gen = async (...args: string[]) => {
  const io = captureIo();
  const code = await main(["node", "gen", ...args], io);
  return { code, stdout: io.out(), stderr: io.err() };
};

describe("gen help and usage errors", () => {
  it("prints the commands and the exit-code table (subprocess)", async () => {
    const r = await runGen(["--help"]);
    expect(r.code).toBe(0);
    for (const command of ["generate", "list", "call", "wait", "mock"]) expect(r.stdout).toContain(command);
    for (const [code, text] of EXIT_TABLE) expect(r.stdout).toContain(`${code}  ${text}`);
  });

  it("gives every command its own help with examples", async () => {
    for (const command of ["generate", "list", "call", "wait", "mock"]) {
      const r = await gen(command, "--help");
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: gen ${command}`);
      expect(r.stdout).toMatch(new RegExp(`Examples:\\n\\s+gen ${command}`));
    }
  });

  it("names an unknown command, flag, value or vendor in plain words (exit 2)", async () => {
    const cases: Array<[string[], string]> = [
      [["frobnicate"], 'unknown command "frobnicate"'],
      [["call", "mediaio", "x", "--frob"], "Unknown flag --frob for `gen call`"],
      [["call", "mediaio", "x", "--input"], "The flag --input needs a value"],
      [["call", "mediaio"], "gen call needs a VENDOR and an OPERATION"],
      [["call", "acme", "x"], 'Unknown vendor "acme"'],
      [["list", "acme"], 'Unknown vendor "acme"'],
      [["mock", "acme"], "Known vendors: mediaio, tomoviee, edrawmax, ima"],
      [["call", "mediaio", "t2vWanV26", "--set", "prompt"], '--set expects key=value, got "prompt"'],
      [
        ["call", "mediaio", "t2vWanV26", "--input", "missing.json"],
        "--input: cannot read the file missing.json",
      ],
      [["call", "mediaio", "t2vWanV26", "--poll-ms", "0"], "--poll-ms must be a whole number"],
      [["wait"], "gen wait needs a HANDLE.json file"],
      [["wait", "no-such-handle.json"], "Handle file not found: no-such-handle.json"],
      [["mock", "--port", "seventy"], '--port must be a whole number from 0 to 65535, got "seventy"'],
      [["generate", "--frob"], "Unknown flag --frob for `gen generate`"],
    ];
    for (const [args, message] of cases) {
      const r = await gen(...args);
      expect({ args, code: r.code, stderr: r.stderr }).toMatchObject({
        args,
        code: 2,
        stderr: expect.stringContaining(message),
      });
    }
  });

  it("every `gen call VENDOR OPERATION` example in the help names a real operation", async () => {
    const examples = [...`${MAIN_HELP}${COMMAND_HELP.call}`.matchAll(/gen call ([a-z]+) ([\w.-]+)/g)];
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const [, vendor, operation] of examples) {
      const r = await gen("list", vendor!, operation!);
      expect({ vendor, operation, code: r.code, stderr: r.stderr }).toMatchObject({ code: 0, stderr: "" });
    }
  });

  it("suggests by edit distance: a swapped operation name, a mistyped flag", async () => {
    const op = await gen("call", "mediaio", "t2vWanV62");
    expect(op.code).toBe(2);
    expect(op.stderr).toMatch(/Did you mean: t2vWanV26\b/);
    const flag = await gen("call", "mediaio", "t2vWanV26", "--wiat");
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Did you mean --wait?");
  });

  it("speaks flags, not SDK option names", async () => {
    const missing = await gen("call", "mediaio", "t2vWanV26", "--set", "prompt=x");
    expect(missing.stderr).toContain("pass --api-key");
    expect(missing.stderr).not.toContain("`apiKey` option");
    const unknown = await gen(
      "call",
      "mediaio",
      "t2vWanV26",
      "--set",
      "prompt=x",
      "--set",
      "colour=red",
      "--api-key",
      "k",
    );
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain("--extra key=value");
    expect(unknown.stderr).not.toContain("CallOptions");
  });
});
