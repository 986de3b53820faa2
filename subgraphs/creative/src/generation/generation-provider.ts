/** What a provider is asked to make: one image per call. */
export interface GenerationJob {
  prompt: string;
  styleGuidance: string | null;
  seed: number;
  /** Brand colours as #RRGGBB, primary first. */
  palette: string[];
  width: number;
  height: number;
  phase: "SAMPLES" | "FINAL";
  /** The registry's model name and version, for providers that serve several. */
  model: { name: string; version: string };
  /** For the final phase: the selected sample's bytes. */
  sourceImage?: Buffer;
}

export interface GeneratedImage {
  bytes: Buffer;
  mimeType: string;
  width: number;
  height: number;
}

/** A source of generated images: the built-in procedural one, or a model server over HTTP. */
export interface GenerationProvider {
  readonly name: string;
  generate(job: GenerationJob): Promise<GeneratedImage>;
}

/** Providers by the name the model registry's `provider` field uses. */
export type GenerationProviders = Map<string, GenerationProvider>;
