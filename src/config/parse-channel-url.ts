import { createHash } from 'node:crypto';

export type ChannelService = 'slack' | 'discord' | 'telegram' | 'json';

/** A chat channel to post the edition to. `url` is a secret: only `label` may be printed, logged or written. */
export interface Channel {
  service: ChannelService;
  /** Where to POST, without the service prefix. */
  url: string;
  /** `slack#3f2a9c1d`: the service and a hash of the URL, to tell channels apart in records and logs. */
  label: string;
}

const PREFIXES: readonly ChannelService[] = ['slack', 'discord', 'telegram', 'json'];

/** A webhook setting as a channel, or a one-line problem that never quotes the URL (it is a secret). */
export function parseChannelUrl(raw: string): Channel | string {
  const trimmed = raw.trim();
  const prefix = /^([a-z]+)\+/.exec(trimmed)?.[1];
  if (prefix !== undefined && !PREFIXES.includes(prefix as ChannelService)) return `unknown service prefix "${prefix}+"; use slack+, discord+, telegram+ or json+`;
  const url = prefix === undefined ? trimmed : trimmed.slice(prefix.length + 1);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'a webhook is not a URL; expected e.g. https://hooks.slack.com/services/...';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `a webhook has the scheme ${parsed.protocol}; expected https: (or http: with a service prefix for a local server)`;
  const service = (prefix as ChannelService | undefined) ?? detectService(parsed);
  if (prefix === undefined && parsed.protocol !== 'https:') return 'a webhook without a service prefix must be https://';
  if (service === 'telegram' && !parsed.searchParams.get('chat_id')) return 'a Telegram webhook needs ?chat_id=<id> (https://api.telegram.org/bot<token>/sendMessage?chat_id=<id>)';
  if (service === 'telegram' && !/\/bot[^/]+\/sendMessage$/.test(parsed.pathname)) return 'a Telegram webhook must end in /bot<token>/sendMessage';
  return { service, url, label: `${service}#${createHash('sha256').update(url).digest('hex').slice(0, 8)}` };
}

// --- internal ---

function detectService(url: URL): ChannelService {
  if (url.hostname === 'hooks.slack.com') return 'slack';
  if ((url.hostname === 'discord.com' || url.hostname === 'discordapp.com') && url.pathname.startsWith('/api/webhooks/')) return 'discord';
  if (url.hostname === 'api.telegram.org') return 'telegram';
  return 'json';
}
