/** One way of turning text into speech: an OpenAI-compatible endpoint, or eSpeak NG on this machine. */
export interface SpeechEngine {
  /** Names the engine, model and voice in the cache key, the transcript and the run report. */
  readonly name: string;
  /** Names where the speech comes from in messages: `the speech server https://host/v1`, `eSpeak NG`. */
  readonly label: string;
  /** USD per million characters; undefined when the price is unknown, 0 for local speech. */
  readonly usdPerMillionCharacters: number | undefined;
  /** The engine's answer for `text` spoken by `voice`: a WAV file, or whatever the server sent instead. */
  synthesize(text: string, voice: string, signal?: AbortSignal): Promise<Buffer>;
  /** Fails with a one-line fix when the engine cannot run here at all, before anything is paid for. */
  assertAvailable(): Promise<void>;
}
