/** A message that was not posted, or (`uncertain`) may have been: the request went out but no answer came back. */
export class ChannelPostError extends Error {
  constructor(
    message: string,
    readonly uncertain: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ChannelPostError';
  }
}
