import { el } from "./dom.js";

/**
 * Result files (downloaded by the server through the runtime's safe download) shown in place:
 * images and diagrams as <img>, video and audio with players, anything else as a link.
 */
export function renderPreview(container, files) {
  container.replaceChildren();
  for (const file of files) {
    const type = file.contentType ?? "";
    let media;
    if (type.startsWith("image/")) media = el("img", { src: file.href, alt: "result", class: "media" });
    else if (type.startsWith("video/"))
      media = el("video", { src: file.href, controls: "", preload: "metadata", class: "media" });
    else if (type.startsWith("audio/"))
      media = el("audio", { src: file.href, controls: "", preload: "metadata", class: "media" });
    const link = el(
      "a",
      { href: file.href, download: "" },
      `${file.href.split("/").pop()} (${type || "file"}, ${file.bytes} bytes)`,
    );
    container.append(el("figure", { "data-type": type }, media ?? "", el("figcaption", {}, link)));
  }
}
