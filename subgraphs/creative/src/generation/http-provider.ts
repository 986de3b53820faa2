import type { GeneratedImage, GenerationJob, GenerationProvider } from "./generation-provider";

export interface HttpProviderOptions {
  url: string;
  token: string | null;
  timeoutMs: number;
}

/**
 * A model server over HTTP. Contract: POST `url` with JSON
 * `{ model, version, prompt, styleGuidance, seed, palette, width, height, phase, sourceImage? (base64) }`;
 * the answer is the image bytes with their `content-type`.
 */
export function createHttpProvider(opts: HttpProviderOptions): GenerationProvider {
  return {
    name: "http",
    async generate(job: GenerationJob): Promise<GeneratedImage> {
      const response = await fetch(opts.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "image/png, image/jpeg, image/webp",
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        },
        body: JSON.stringify({
          model: job.model.name,
          version: job.model.version,
          prompt: job.prompt,
          styleGuidance: job.styleGuidance,
          seed: job.seed,
          palette: job.palette,
          width: job.width,
          height: job.height,
          phase: job.phase,
          sourceImage: job.sourceImage?.toString("base64"),
        }),
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      if (!response.ok) {
        throw new Error(`model server answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
      }
      const mimeType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
      if (!mimeType.startsWith("image/"))
        throw new Error(`model server sent ${mimeType || "no content type"}, not an image`);
      const bytes = Buffer.from(await response.arrayBuffer());
      if (bytes.length === 0) throw new Error("model server sent an empty image");
      return { bytes, mimeType, width: job.width, height: job.height };
    },
  };
}
