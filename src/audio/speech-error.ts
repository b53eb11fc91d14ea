import { BriefError } from '../errors/brief-error.js';

/** Speech failed: the engine could not be reached, refused, or sent what cannot be spoken; the message names the engine and what it sent. */
export class SpeechError extends BriefError {}
