import type { JsonSchema } from "@gen/spec";

/** What the prose of one parameter's `describe` yields. */
export interface ProseExtraction {
  /** Schema keywords found (maxLength, maxItems, default, enum, x-gen-* media constraints). */
  schema: JsonSchema;
  /** Number of constraints extracted. */
  extracted: number;
  /** Sentences that look like constraints but match no known pattern. */
  notUnderstood: string[];
  /** Plain descriptive sentences (kept as the description). */
  description: string[];
  /** Options allowed only under a condition ("1080P (when duration is 6s)"). */
  conditional: ConditionalOption[];
}

/** One option the prose allows only when another field has a value. */
export interface ConditionalOption {
  value: string;
  when: Record<string, string>;
  /** The prose it came from, for messages. */
  text: string;
}

type Rule = {
  re: RegExp;
  apply: (
    m: RegExpMatchArray,
    out: JsonSchema,
    ctx: { type: string; keywords?: readonly string[]; conditional: ConditionalOption[] },
  ) => number | string;
};

/** `1080P (when duration is 6s)`: an option with its condition. */
const CONDITIONAL_OPTION = /^(.+?)\s*\(when ([A-Za-z_][\w.]*) is ([^()]+?)\)$/i;

const num = (s: string | undefined) => Number(s);

/** Known prose patterns. `apply` returns the count of constraints, or a reason it could not use them. */
const RULES: Rule[] = [
  {
    re: /^Maximum string length:?\s*(\d+)$/i,
    apply: (m, out) => {
      out.maxLength = num(m[1]);
      return 1;
    },
  },
  {
    re: /^Minimum string length:?\s*(\d+)$/i,
    apply: (m, out) => {
      out.minLength = num(m[1]);
      return 1;
    },
  },
  {
    re: /^Maximum (\d+) (?:file|image|item|video)\(?s?\)?$/i,
    apply: (m, out, ctx) => {
      if (ctx.type !== "array") return "a file count on a non-array parameter";
      out.maxItems = num(m[1]);
      return 1;
    },
  },
  {
    re: /^Minimum (\d+) (?:file|image|item|video)\(?s?\)?$/i,
    apply: (m, out, ctx) => {
      if (ctx.type !== "array") return "a file count on a non-array parameter";
      out.minItems = num(m[1]);
      return 1;
    },
  },
  {
    re: /^Default is (.+)$/i,
    apply: (m, out, ctx) => {
      const value = (m[1] as string).trim();
      if (ctx.keywords && !ctx.keywords.includes(value))
        return `default "${value}" is not one of the options`;
      out.default = value;
      return 1;
    },
  },
  {
    // Options some of which hold only under a condition; the plain list is checked like below.
    re: /^Options:\s*(.*\(when [^()]+\).*)$/i,
    apply: (m, out, ctx) => {
      const options: string[] = [];
      for (const item of splitList(m[1] as string)) {
        const c = CONDITIONAL_OPTION.exec(item);
        if (!c) {
          if (/[()]/.test(item))
            return `option "${item}" has a condition that is not "(when FIELD is VALUE)"`;
          options.push(item);
          continue;
        }
        options.push(c[1]!.trim());
        ctx.conditional.push({ value: c[1]!.trim(), when: { [c[2]!]: c[3]!.trim() }, text: item });
      }
      if (!ctx.keywords) out.enum = options;
      else if (!(options.length === ctx.keywords.length && options.every((o) => ctx.keywords?.includes(o))))
        return `options (${options.join(", ")}) differ from keywords (${ctx.keywords.join(", ")})`;
      return ctx.conditional.length;
    },
  },
  {
    re: /^Options:\s*([^()]+)$/i,
    apply: (m, out, ctx) => {
      const options = splitList(m[1] as string);
      if (!ctx.keywords) {
        out.enum = options;
        return 1;
      }
      const same = options.length === ctx.keywords.length && options.every((o) => ctx.keywords?.includes(o));
      return same ? 0 : `options (${options.join(", ")}) differ from keywords (${ctx.keywords.join(", ")})`;
    },
  },
  {
    re: /^File size must be between ([\d.]+)\s*MB and ([\d.]+)\s*MB$/i,
    apply: (m, out) => {
      out["x-gen-file-size-mb"] = { min: num(m[1]), max: num(m[2]) };
      return 1;
    },
  },
  {
    re: /^(Image|Video) resolution must be between (\d+)x(\d+) and (\d+)x(\d+)$/i,
    apply: (m, out) => {
      out[`x-gen-${(m[1] as string).toLowerCase()}-resolution`] = {
        min: [num(m[2]), num(m[3])],
        max: [num(m[4]), num(m[5])],
      };
      return 1;
    },
  },
  {
    re: /^Aspect ratio must be between ([\d.]+):([\d.]+) and ([\d.]+):([\d.]+)$/i,
    apply: (m, out) => {
      out["x-gen-aspect-ratio"] = { min: `${m[1]}:${m[2]}`, max: `${m[3]}:${m[4]}` };
      return 1;
    },
  },
  {
    re: /^Frame rate must be between ([\d.]+) and ([\d.]+) FPS$/i,
    apply: (m, out) => {
      out["x-gen-frame-rate"] = { min: num(m[1]), max: num(m[2]) };
      return 1;
    },
  },
  {
    re: /^Duration must be between ([\d.]+) and ([\d.]+) seconds$/i,
    apply: (m, out) => {
      out["x-gen-duration-seconds"] = { min: num(m[1]), max: num(m[2]) };
      return 1;
    },
  },
  {
    re: /^Supported formats include (.+)$/i,
    apply: (m, out) => {
      out["x-gen-formats"] = splitList(m[1] as string);
      return 1;
    },
  },
];

const CONSTRAINT_WORDS =
  /\b(must|maximum|minimum|max|min|default|between|at most|at least|up to|only|options?|limit|range|supported|required|when|cannot|should)\b/i;

/**
 * Extracts schema constraints from a Media.io parameter description ("Maximum string length: 1200.",
 * "Maximum 9 file(s).", "Default is 16:9.", file-size / resolution / aspect-ratio ranges...).
 */
export function extractProseConstraints(
  describe: string,
  type: string,
  keywords?: readonly string[],
): ProseExtraction {
  const result: ProseExtraction = {
    schema: {},
    extracted: 0,
    notUnderstood: [],
    description: [],
    conditional: [],
  };
  for (const sentence of splitSentences(describe)) {
    const rule = RULES.find((r) => r.re.test(sentence));
    if (rule) {
      const outcome = rule.apply(sentence.match(rule.re) as RegExpMatchArray, result.schema, {
        type,
        ...(keywords ? { keywords } : {}),
        conditional: result.conditional,
      });
      if (typeof outcome === "number") result.extracted += outcome;
      else result.notUnderstood.push(`${sentence} (${outcome})`);
    } else if (CONSTRAINT_WORDS.test(sentence)) {
      result.notUnderstood.push(sentence);
    } else {
      result.description.push(sentence);
    }
  }
  return result;
}

/** Splits prose into sentences without the final period ("0.0 MB" stays whole). */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=\.)\s+(?=[A-Z(])/)
    .map((s) => s.trim().replace(/\.$/, "").trim())
    .filter((s) => s.length > 0);
}

function splitList(text: string): string[] {
  return text
    .split(/,\s*(?:and\s+)?|\s+and\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
