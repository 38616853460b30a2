// Runtime: Node (Vitest, happy-dom). The pure pieces of the feed: which skin and figures a platform
// gets, avatar colours and initials, and how counts are printed and pluralised.
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../core/pack/schema';
import { compactCount, compactNumber, fullCount, simDuration } from './format';
import { initialsOf } from './people';
import { atHandle, avatarColor, platformSkin, visibleMetrics } from './skin';

describe('platformSkin', () => {
  it('gives the six platforms with a look of their own their skin, and every other platform the generic one', () => {
    const skins = Object.fromEntries(PLATFORMS.map((platform) => [platform, platformSkin(platform).skin]));
    expect(skins).toEqual({
      x: 'x',
      facebook: 'facebook',
      vk: 'vk',
      telegram: 'telegram',
      weibo: 'weibo',
      youtube: 'generic',
      instagram: 'instagram',
      threads: 'generic',
      mastodon: 'generic',
      bluesky: 'generic',
      linkedin: 'generic',
    });
  });

  it('names the figures as each platform does', () => {
    expect(platformSkin('x').labels).toMatchObject({ shares: 'reposts', likes: 'likes', views: 'views' });
    expect(platformSkin('telegram').labels).toMatchObject({ shares: 'forwards', replies: 'comments' });
    expect(platformSkin('mastodon').labels).toMatchObject({ shares: 'boosts', likes: 'favourites' });
    expect(platformSkin('facebook').labels).toMatchObject({ likes: 'reactions', views: 'reach' });
    for (const platform of PLATFORMS) expect(new Set(platformSkin(platform).metrics).size).toBe(platformSkin(platform).metrics.length);
  });

  it('prints figures under everything on X alone, hides @handles on Facebook alone, and forwards news into a Telegram channel', () => {
    const where = (pick: (platform: (typeof PLATFORMS)[number]) => boolean) => PLATFORMS.filter(pick);
    expect(where((platform) => platformSkin(platform).counts === 'always')).toEqual(['x']);
    expect(where((platform) => platformSkin(platform).handles === 'none')).toEqual(['facebook']);
    expect(where((platform) => platformSkin(platform).news === 'forwarded')).toEqual(['telegram']);
  });

  it('leaves out views where they are not known, keeping the platform order', () => {
    const skin = platformSkin('x');
    expect(visibleMetrics(skin, { replies: 1, shares: 2, likes: 3, views: null }).map((metric) => metric.metric)).toEqual(['replies', 'shares', 'likes']);
    expect(visibleMetrics(skin, { replies: 1, shares: 2, likes: 3, views: 40 }).at(-1)).toEqual({ metric: 'views', label: 'views', value: 40 });
  });
});

describe('people', () => {
  it('gives the same person the same colour every time, and different people a spread of colours', () => {
    expect(avatarColor('wire-reporter')).toBe(avatarColor('wire-reporter'));
    const colours = new Set(
      ['hq-press', 'wire-reporter', 'troll-patriot', 'citizen-irena', 'student-maya', 'citizen-oleg', 'civil-protection', 'tallvik-news'].map(avatarColor),
    );
    expect(colours.size).toBeGreaterThan(3);
  });

  it('takes initials from the capitalised words of a name', () => {
    expect(initialsOf('Embassy of Azuria in Tallvik')).toBe('EA');
    expect(initialsOf('Mira Holt, Meridian Wire')).toBe('MH');
    expect(initialsOf('Посольство Азурии в Таллвике')).toBe('ПА');
    expect(initialsOf('TruthSeeker_88')).toBe('T');
    expect(initialsOf('«Arena» news')).toBe('A');
    expect(initialsOf('')).toBe('?');
  });

  it('writes handles with one @', () => {
    expect(atHandle('mira_holt')).toBe('@mira_holt');
    expect(atHandle('@mira_holt')).toBe('@mira_holt');
  });
});

describe('format', () => {
  it('prints counts compactly in the UI language', () => {
    expect(compactNumber(950, 'en')).toBe('950');
    expect(compactNumber(34_000, 'en')).toBe('34K');
    expect(compactNumber(1_250, 'en')).toBe('1.3K');
    expect(compactNumber(34_000, 'ru')).toBe('34\u00a0тыс.');
  });

  it('pluralises a compact count as the printed number reads', () => {
    // "1 тыс. подписчиков", not "1 тыс. подписчик" as 1,001 alone would give.
    expect(compactCount(1_001, 'ru')).toEqual({ count: 1000, value: '1\u00a0тыс.' });
    expect(compactCount(21, 'ru')).toEqual({ count: 21, value: '21' });
    expect(fullCount(1_001, 'en')).toEqual({ count: 1001, value: '1,001' });
  });

  it('writes a simulated minute as a duration for <time>', () => {
    expect(simDuration(0)).toBe('PT0H0M');
    expect(simDuration(95)).toBe('PT1H35M');
  });
});
