/** Terms always refused, whatever the deployment adds (CONTENT_DENYLIST). */
const BASE_DENYLIST = [
  "child sexual",
  "csam",
  "beheading",
  "gore",
  "nazi propaganda",
  "revenge porn",
  "non-consensual",
];

export interface ContentVerdict {
  allowed: boolean;
  reason: string | null;
}

function normalise(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A rule check before any work or charge: whole-word matches against the denylist. */
export function checkContent(texts: (string | null | undefined)[], extraDenylist: string[]): ContentVerdict {
  const haystack = ` ${normalise(texts.filter(Boolean).join(" "))} `;
  for (const term of [...BASE_DENYLIST, ...extraDenylist]) {
    const needle = normalise(term);
    if (needle && haystack.includes(` ${needle} `)) {
      return { allowed: false, reason: `The prompt was refused by the content-safety check (matched "${term}").` };
    }
  }
  return { allowed: true, reason: null };
}
