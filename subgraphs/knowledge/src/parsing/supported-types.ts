export const SUPPORTED_MIME_TYPES = [
  "text/plain",
  "text/markdown",
  "text/html",
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
] as const;

export type SupportedMimeType = (typeof SUPPORTED_MIME_TYPES)[number];

/** Types whose content arrives as text in the API; the others arrive base64-encoded. */
export const TEXT_MIME_TYPES: ReadonlySet<string> = new Set(["text/plain", "text/markdown", "text/html"]);

/** Maps a Content-Type header (parameters stripped, common aliases folded) to a supported type. */
export function supportedMimeType(contentType: string | null | undefined): SupportedMimeType | null {
  const bare = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  const alias: Record<string, SupportedMimeType> = {
    "text/x-markdown": "text/markdown",
    "application/xhtml+xml": "text/html",
  };
  const type = alias[bare] ?? bare;
  return (SUPPORTED_MIME_TYPES as readonly string[]).includes(type) ? (type as SupportedMimeType) : null;
}
