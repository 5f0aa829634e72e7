import { describe, expect, it } from "vitest";
import { HostNotAllowedError } from "../src/errors/index.js";
import { checkUrl, type HostPolicy, hostMatches } from "../src/host-policy.js";

const policy: HostPolicy = {
  hosts: [
    "api.acme.com",
    ".acme-cdn.com",
    "bücher.example",
    "203.0.113.5",
    "[2001:db8::1]",
    "up.acme.com:8443",
  ],
};
const loopback: HostPolicy = { ...policy, allowInsecureLoopback: true };

const hostile: Array<[string, string, HostPolicy?]> = [
  ["userinfo before evil host", "https://api.acme.com@evil.com/"],
  ["userinfo with password", "https://user:pass@api.acme.com/"],
  ["empty userinfo", "https://@api.acme.com/"],
  ["userinfo with encoded at", "https://api.acme.com%40evil.com/"],
  ["suffix without dot boundary", "https://evilapi.acme.com/"],
  ["suffix entry without boundary", "https://evilacme-cdn.com/x.png"],
  ["listed host as prefix", "https://api.acme.com.evil.com/"],
  ["suffix host as prefix", "https://a.acme-cdn.com.evil.com/"],
  ["bare suffix itself", "https://acme-cdn.com/"],
  ["unlisted subdomain of exact entry", "https://x.api.acme.com/"],
  ["decimal IPv4", "http://2130706433/", loopback],
  ["decimal IPv4 https", "https://2130706433/"],
  ["hex IPv4", "http://0x7f.1/", loopback],
  ["octal IPv4", "http://0177.0.0.1/", loopback],
  ["short IPv4", "http://127.1/", loopback],
  ["unlisted IPv4", "https://198.51.100.7/"],
  ["IPv6 loopback without opt-in", "https://[::1]/"],
  ["IPv4-mapped IPv6", "https://[::ffff:127.0.0.1]/"],
  ["IPv4-mapped IPv6 with opt-in", "http://[::ffff:127.0.0.1]/", loopback],
  ["unlisted IPv6", "https://[2001:db8::2]/"],
  ["ideographic full stop", "https://a。acme-cdn.com/"],
  ["full-width full stop", "https://api．acme.com/"],
  ["full-width letters", "https://ａｐｉ.acme.com/"],
  ["backslash authority trick", "https://api.acme.com\\@evil.com/"],
  ["backslash host", "https://evil.com\\.api.acme.com/"],
  ["leading whitespace", " https://api.acme.com/"],
  ["tab inside host", "https://evil.com\t.acme-cdn.com/"],
  ["newline inside host", "https://api.acme\n.com/"],
  ["fragment trick", "https://evil.com#@api.acme.com"],
  ["query trick", "https://evil.com?@api.acme.com"],
  ["javascript scheme", "javascript:alert(1)//api.acme.com"],
  ["file scheme", "file:///etc/passwd"],
  ["data scheme", "data:text/html,<script>alert(1)</script>"],
  ["ftp scheme", "ftp://api.acme.com/"],
  ["ws scheme", "wss://api.acme.com/"],
  ["http on listed host", "http://api.acme.com/"],
  ["http on loopback without opt-in", "http://127.0.0.1:8080/"],
  ["http localhost without opt-in", "http://localhost/"],
  ["non-default port", "https://api.acme.com:8443/"],
  ["listed port on other host", "https://api.acme.com:444/"],
  ["empty host", "https:///api.acme.com"],
  ["no slashes", "https:api.acme.com/"],
  ["single slash", "https:/api.acme.com/"],
  ["relative URL", "/v1/tasks"],
  ["protocol-relative", "//api.acme.com/"],
  ["empty string", ""],
  ["double dot label", "https://api..acme.com/"],
  ["percent-encoded host", "https://api%2Eacme.com/"],
  ["other loopback address", "http://127.0.0.2/", loopback],
  ["0.0.0.0", "http://0.0.0.0/", loopback],
  ["http on non-loopback with opt-in", "http://api.acme.com/", loopback],
  ["localhost subdomain", "http://evil.localhost/", loopback],
];

const legit: Array<[string, string, string, HostPolicy?]> = [
  ["exact host", "https://api.acme.com/v1/x?y=1", "api.acme.com"],
  ["upper case", "https://API.Acme.COM/v1", "api.acme.com"],
  ["trailing dot", "https://api.acme.com./v1", "api.acme.com"],
  ["explicit default port", "https://api.acme.com:443/v1", "api.acme.com"],
  ["suffix subdomain", "https://a.acme-cdn.com/f.png", "a.acme-cdn.com"],
  ["deep suffix subdomain", "https://x.y.acme-cdn.com/f.png", "x.y.acme-cdn.com"],
  ["IDN unicode", "https://bücher.example/", "xn--bcher-kva.example"],
  ["IDN punycode", "https://xn--bcher-kva.example/", "xn--bcher-kva.example"],
  ["listed IPv4", "https://203.0.113.5/x", "203.0.113.5"],
  ["listed IPv6", "https://[2001:db8::1]/x", "[2001:db8::1]"],
  ["listed host:port", "https://up.acme.com:8443/u", "up.acme.com"],
  ["harmless fragment", "https://api.acme.com/v1#part", "api.acme.com"],
  ["loopback http opt-in", "http://127.0.0.1:4010/v1", "127.0.0.1", loopback],
  ["localhost opt-in", "http://localhost:4010/", "localhost", loopback],
  ["IPv6 loopback opt-in", "http://[::1]:4010/", "[::1]", loopback],
];

describe("checkUrl", () => {
  it.each(hostile)("refuses %s: %s", (_name, url, p = policy) => {
    expect(() => checkUrl(url, p)).toThrow(HostNotAllowedError);
  });

  it.each(legit)("accepts %s: %s", (_name, url, hostname, p = policy) => {
    expect(checkUrl(url, p).hostname).toBe(hostname);
  });

  it("has at least 40 hostile cases", () => {
    expect(hostile.length).toBeGreaterThanOrEqual(40);
  });

  it("names the host and the allowed list, never the userinfo", () => {
    const error = (() => {
      try {
        checkUrl("https://secret-key:pw@evil.com/x", policy);
      } catch (e) {
        return e as HostNotAllowedError;
      }
    })();
    expect(error).toBeInstanceOf(HostNotAllowedError);
    expect(error!.host).toBe("evil.com");
    expect(error!.allowed).toContain("api.acme.com");
    expect(error!.message).toContain("evil.com");
    expect(error!.message).toContain(".acme-cdn.com");
    expect(error!.message).not.toContain("secret-key");
    expect(error!.message).not.toContain("pw");
  });

  it("drops the trailing dot in the returned URL", () => {
    expect(checkUrl("https://api.acme.com./x", policy).href).toBe("https://api.acme.com/x");
  });
});

describe("hostMatches", () => {
  it.each([
    ["api.acme.com", ["api.acme.com"], true],
    ["a.b.acme.com", [".acme.com"], true],
    ["acme.com", [".acme.com"], false],
    ["evilacme.com", [".acme.com"], false],
    ["API.ACME.COM", ["api.acme.com."], false],
    ["api.acme.com", ["API.ACME.COM."], true],
    ["a.acme.com:8443", [".acme.com"], false],
    ["1.2.3.4", [".3.4"], false],
  ] as const)("%s in %j -> %s", (host, entries, want) => {
    expect(hostMatches(host, entries)).toBe(want);
  });
});
