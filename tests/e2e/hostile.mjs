// A hostile volume for the end-to-end suites (Chromium and Firefox): the modern excerpt
// renamed to a volume of its own, with markup that would run if anything let it through
// (script elements, javascript: and data: targets, on* attributes, SVG, an iframe). Each
// payload sets window.__pwned, so a test asserts that it stays undefined.

export const HOSTILE_MARKUP = [
  `<script>window.__pwned = "script"</script>`,
  `<ref target="javascript:window.__pwned='ref'">a reference</ref>`,
  `<hi rend="italic" onmouseover="window.__pwned='attr'" onclick="window.__pwned='attr'">hover me</hi>`,
  `<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned='svg'"><script>window.__pwned='svg script'</script></svg>`,
  `<iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:parent.__pwned='iframe'"></iframe>`,
  `<graphic url="javascript:window.__pwned='graphic'"/>`,
  `<ref target="data:text/html,&lt;script&gt;parent.__pwned='data'&lt;/script&gt;">data</ref>`,
].join(" ");

/** The excerpt's TEI as volume frus1999v99, the hostile markup opening Document 74's first paragraph. */
export function hostileVolume(excerpt) {
  const xml = excerpt
    .replaceAll("frus1981-88v03", "frus1999v99")
    .replace(/(<div[^>]*xml:id="d74"[\s\S]*?<p[^>]*>)/, `$1${HOSTILE_MARKUP} `);
  if (!xml.includes("__pwned")) throw new Error("the hostile markup found no place in the volume");
  return xml;
}

/** What the rendered document holds that could run: none of it may be there. */
export function whatCouldRun() {
  return {
    pwned: window.__pwned,
    active: document.querySelectorAll("main script, main iframe, main object, main embed, main foreignObject").length,
    handlers: [...document.querySelectorAll("main *")].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith("on")),
    hrefs: [...document.querySelectorAll("main a[href]")].map((a) => a.getAttribute("href")).filter((h) => !/^(\/|#|https?:\/\/)/.test(h)),
  };
}
