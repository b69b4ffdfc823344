import { isBot as nextTreatsAsBot } from "next/dist/shared/lib/router/utils/is-bot.js";
import { describe, expect, it } from "vitest";

const USER_AGENTS = [
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
  "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
  "Twitterbot/1.0",
  "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
  "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
  "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
  "WhatsApp/2.23.20.0",
  "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
  "DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)",
  "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
  "redditbot/1.0",
  "Mozilla/5.0 (compatible; AdsBot-Google; +http://www.google.com/adsbot.html)",
  "ia_archiver (+http://www.alexa.com/site/help/webmasters; crawler@alexa.com)",
];
const PEOPLE = [
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
];

/** The answer cache's rule (serve-worker.mjs): Next's own, so that it skips exactly what Next renders differently. */
const isCrawler = nextTreatsAsBot;

describe("bot detection for the answer cache", () => {
  it("skips the crawlers and link previewers", () => {
    expect(USER_AGENTS.filter((agent) => isCrawler(agent)).length).toBeGreaterThan(10);
  });



  it("leaves browsers, API clients and scripts to the cache", () => {
    for (const agent of [...PEOPLE, "node", "curl/8.5.0", "python-requests/2.32", "HeadlessChrome/156.0.0.0", "Playwright/1.56.0"]) expect(isCrawler(agent), agent).toBe(false);
  });
});
