/**
 * Recognises page chrome: the lines a web page wraps around an article that are not reporting.
 *
 * Each test looks at one line as a whole, so a sentence that merely contains "read more" or
 * "source" is never taken for chrome. The label lists are generic web-page furniture (promo,
 * sharing and navigation labels), not phrases of any particular article.
 */
import { looksLikeVerb } from '../timeline/event-clause.ts';

/** Labels that stand alone on a line: the whole line is the label (case and end punctuation ignored). */
export const PAGE_LABELS: ReadonlyMap<string, string> = new Map([
  ...labels('a video promo label from the publisher\'s page', ['recommended video', 'recommended videos', 'watch', 'watch now', 'watch the video', 'video', 'play video']),
  ...labels('a link to other articles on the publisher\'s site', [
    'read more', 'read next', 'read also', 'also read', 'see also', 'related', 'related articles', 'related stories', 'continue reading',
    'related posts', 'related content', 'related reading', 'recommended', 'recommended for you', 'recommended reading',
    'more from this author', 'more stories', 'trending', 'trending now', 'most popular', 'most read', 'top stories',
    'you may also like', 'you might also like', 'continue reading', 'keep reading', 'story continues below',
    'article continues below', 'continue reading below', 'scroll to continue', 'scroll to continue with content',
  ]),
  ...labels('an advertisement label', ['advertisement', 'ad', 'ads', 'sponsored', 'sponsored content', 'paid content', 'promoted', 'partner content']),
  ...labels('a sharing button label', [
    'share', 'share this', 'share this article', 'share this story', 'share this post', 'share on facebook',
    'share on twitter', 'share on x', 'share on linkedin', 'tweet', 'email', 'print', 'copy link', 'copy link to article', 'save', 'save article',
  ]),
  ...labels('a subscription or newsletter prompt', ['subscribe', 'subscribe now', 'newsletter', 'sign up', 'sign in', 'log in', 'register']),
  ...labels('a navigation label from the web page', [
    'skip to content', 'skip to main content', 'skip to navigation', 'menu', 'home', 'search', 'back to top', 'top', 'next',
    'previous', 'next article', 'previous article', 'comments', 'leave a comment', 'loading', 'close', 'table of contents',
    'contents', 'latest articles', 'latest news', 'original article',
  ]),
  ...labels('an audio player label', ['listen', 'listen to story', 'listen to this story', 'listen to this article', 'play', 'audio']),
  ...labels('a section label from the web page', ['opinion', 'analysis', 'breaking news', 'live', 'live updates', 'exclusive', 'weather alert']),
  ...labels('an editor\'s note about the page, not reporting', ['this is a developing story', 'this story is developing', 'follow along for live coverage', 'photo credit']),
]);

function labels(detail: string, list: string[]): Array<[string, string]> {
  return list.map((label) => [label, detail]);
}

/** Labels that open a short line and are followed by the text of a link or prompt ("Read more: …"). */
const PREFIX_LABELS: ReadonlyArray<[RegExp, string]> = [
  [/^(?:read more|read next|read also|also read|related|see also|more|watch|listen)\s*[:|›»→>-]\s*\S/iu, 'a link to other articles on the publisher\'s site'],
  [/^[→»›>]?\s*continue reading\b.{0,60}$/iu, 'a link to the rest of the article on another site'],
  [/^(?:sign up|subscribe|join|get)\b.{0,80}\b(?:newsletter|inbox|updates|alerts|free)\b/iu, 'a subscription or newsletter prompt'],
  [/^sign up (?:for|to)\b/iu, 'a subscription or newsletter prompt'],
  [/^follow us on\b/iu, 'a social-media prompt'],
  [/^click here\b/iu, 'a link prompt from the web page'],
  [/^more from\s+(?:\S+\s*){1,4}$/iu, 'a link to other articles on the publisher\'s site'],
  [/^\(?more\b.{0,60}\b(?:stories|coverage|news|articles)\W*$/iu, 'a link to other articles on the publisher\'s site'],
  [/^(?:image|photo|photograph|picture|video) (?:credit|courtesy|source)s?\s*:/iu, 'a picture credit'],
  [/^(?:posted|filed|published)\s+(?:in|under)\s+\S|^(?:tags?|topics?|categories|category)\s*:\s*\S|^tagged\s+\S/iu, 'the categories and tags of the post'],
  [/^(?:\d[\d,.]*k?|no|one)\s+(?:comments?|replies|responses|shares)\W*$/iu, 'a comment count'],
  [
    /^(?:(?:share|post|tweet|email|print|copy link|save)(?:\s+(?:on|to|via)\s+(?:facebook|twitter|x|linkedin|whatsapp|reddit|email|pinterest|threads|bluesky|telegram))?\s*[|•·,]?\s*){2,}$/iu,
    'a sharing button label',
  ],
];

/** "Photo: Jane Doe/Agency", "Image: Getty Images": a picture credit naming who took it. */
function isPictureCredit(line: string): boolean {
  const credit = /^(?:photo|photograph|image|picture|illustration|video|graphic)s?\s*:\s*(.+)$/iu.exec(line.trim());
  return credit?.[1] !== undefined && isNameList(credit[1].replace(/\//gu, ' / '));
}

/** A line's words with markers, arrows and end punctuation stripped, lowercased. */
function labelKey(line: string): string {
  return line
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[^\p{L}\p{N}]+$/u, '')
    .replace(/\s+/gu, ' ');
}

function wordCount(line: string): number {
  return line.split(/\s+/u).filter((word) => word !== '').length;
}

/** "4 min read", "E Elena Volkov Apr 9, 2026 4 min read", "2 min read Original article ↗". */
const READING_TIME = /\b\d+\s*(?:min|mins|minute|minutes)\.?\s+read\b/iu;

/** Picture agencies whose names make a credit line ("Jane Doe / AFP via Getty Images"). */
const PICTURE_AGENCY = /\b(?:getty images|afp|ap|associated press|reuters|epa|shutterstock|alamy|imago|nurphoto|bloomberg|sipa|anadolu|dpa|pa images|pa wire)\b/iu;

/**
 * A navigation menu: three or more short items separated by "|", "•" or "·", each a word or
 * two starting with a capital ("Home | Tech | Business | Markets").
 */
function isMenuLine(line: string): boolean {
  const items = line.trim().split(/\s*[|•·]\s*/u).filter((item) => item !== '');
  return items.length >= 3 && items.every((item) => wordCount(item) <= 3 && /^[\p{Lu}\p{N}&]/u.test(item) && !/[.!?]$/u.test(item));
}

/** A credit for a photo: "(Photo by Jane Doe/Getty Images)", "© IMAGO / NurPhoto", "Credit: Studio". */
function isPhotoCreditLine(line: string): boolean {
  const text = line.trim();
  if (wordCount(text) > 12) return false;
  // "(AP Photo/Jane Doe, File)", "(Jane Doe via AP)": a wire photo's credit in brackets, alone.
  const bracketed = /^\(\s*([^()]+?)\s*\)$/u.exec(text)?.[1];
  if (bracketed !== undefined && PICTURE_AGENCY.test(bracketed) && (/\b(?:photo|via)\b/iu.test(bracketed) || /\//u.test(bracketed))) {
    return isNameList(bracketed.replace(/\b(?:photo|file|via)\b/giu, ' / ').replace(/[/,]/gu, ' / '));
  }
  const credit = /^[([]?\s*(?:photo(?:graph)?|picture|image|credit|photo credit)s?\s*(?:by|:)\s*(.+?)\s*[)\]]?\.?$/iu.exec(text);
  if (credit?.[1] !== undefined) return isNameList(credit[1].replace(/[/,]/gu, ' / '));
  if (/^©/u.test(text)) return isNameList(text.slice(1).replace(/[/,]/gu, ' / '));
  // "Jane Doe / AFP - Getty Images", "GETTY IMAGES NORTH AMERICA via AFP / Ethan Miller"
  return PICTURE_AGENCY.test(text) && /\//u.test(text) && isNameList(text.replace(/[/,–—-]/gu, ' / ').replace(/\bvia\b/giu, '/'));
}

/**
 * A photo caption ending in its credit ("Harbour Lights 3. Credit: Tern Games",
 * "‘The harbour at dusk’ Photo: Jane Doe"): a few words, then a credit naming who took or owns
 * the picture. The credit alone is chrome already; with it, so is the caption it closes.
 */
function isCaptionWithCredit(line: string): boolean {
  const credit = /(?:^|[.!?’'”"]\s*|\s)((?:photo(?:graph)?|picture|image|credit|photo credit)s?\s*(?:by|:)\s*[^.:]+\.?)$/iu.exec(line.trim());
  if (credit?.[1] === undefined || credit.index === 0) return false;
  return wordCount(line.slice(0, credit.index)) <= 16 && isPhotoCreditLine(credit[1]);
}

/**
 * A caption closed by a picture agency's credit after a dash ("… in Washington, D.C. - Jane
 * Doe/Getty Images North America/TNS"): the agency says it is a caption, however long the caption.
 */
function isAgencyCaption(line: string): boolean {
  const text = line.trim();
  const tail = text.slice(-90);
  const agency = /\s[-–—]\s+([^-–—]{3,80})$/u.exec(tail);
  if (agency?.[1] === undefined || !PICTURE_AGENCY.test(agency[1]) || !/\//u.test(agency[1]) || !isPhotoCreditLine(agency[1])) return false;
  // One sentence before the credit: a line holding the article's text too is not removed whole.
  const caption = text.slice(0, text.length - tail.length + agency.index);
  return !/[.!?]["”’]?\s+\p{Lu}/u.test(caption);
}

/**
 * A label a page puts before its text: "Original title:", "Headline:", or a section label of a
 * news site's house style ("What happened:", "Why it matters:", "The big picture:").
 */
const PAGE_LABEL =
  /^(?:(?:original|translated|machine[- ]translated)?\s*(?:title|headline)|what happened|why it matters|the big picture|(?:the )?bottom line|driving the news|between the lines|go deeper|key takeaways?|what['’]s next|what they['’]re saying|by the numbers|state of play|catch up quick)\s*:\s+/iu;

/**
 * The length of the page's label opening `text` ("Original title: "), or 0 when it has none. A
 * label is followed by a capital: "Bottom line: if you …" is the writer's own sentence. (The
 * capital is tested apart: under the `i` flag `\p{Lu}` matches lowercase letters too.)
 */
export function pageLabelLength(text: string): number {
  const label = PAGE_LABEL.exec(text);
  return label !== null && /^\p{Lu}/u.test(text.slice(label[0].length)) ? label[0].length : 0;
}

/** "— Jane Doe (@janedoe) October 10, 2024": the attribution under an embedded social-media post. */
function isPostAttribution(line: string): boolean {
  const post = /^(?:[—–-]\s*)?(.+?)\s*\(@\w+\)\s*(.*)$/u.exec(line.trim());
  return post?.[1] !== undefined && isNameList(post[1]) && (post[2] === '' || isDateText(post[2] ?? ''));
}

/**
 * A social-media post embedded in the page: its text, a picture link and "— Name (@handle) date"
 * run into one line. It is a third party's post, not the outlet's reporting.
 */
function isEmbeddedPost(line: string): boolean {
  return /\bpic\.twitter\.com\/\w+/u.test(line) || /[—–]\s*[^—–]{2,80}\(@\w{1,30}\)\s+\p{L}+\.?\s+\d{1,2},\s+\d{4}\s*$/u.test(line);
}

/**
 * Notices a web cache or the page puts above the article; whole sentences holding an address or
 * a time stamp, so they are read before the length and end-punctuation checks below.
 */
const PAGE_NOTICES: ReadonlyArray<[RegExp, string]> = [
  [/^(?:this is (?:google's |a |the )?cache of|it is a snapshot of the page)\b/iu, 'a web cache\'s banner, not the page'],
  [/^(?:\S+\s+){0,4}is not supported\b.{0,80}\b(?:browser|experience)\b/iu, 'a notice about the reader\'s browser'],
  [/^https?:\/\/\S+$/iu, 'a web address on its own'],
  // A link's title is short; a longer line is the link with the article's text run into it.
  [/^read (?:the )?full (?:article|story)\s*:(?:\s+\S+){0,20}\s*$/iu, 'a link to another article'],
  [/\bhit counter\b/iu, 'a web-page widget'],
  [/^about the (?:author|writer|reporter)s?\b/iu, 'a note about the author, not reporting'],
  [/\bmay (?:receive|earn|get) (?:a )?(?:small )?(?:commission|share of sales)\b/iu, 'an affiliate-link disclosure'],
  [/\((?:picture|photo|image|photograph)s?\s*:\s*[^)]{1,60}\)\W*$/iu, 'a photo caption with its credit'],
  [/^pictured\b|\b(?:is|are) pictured\b/iu, 'a photo caption'],
  // "Jane Doe / AP / AP Two men wade …": a photographer's credit run into the caption it belongs to.
  [/^(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\/\s+[^/]{1,40}\/\s+/u, 'a picture credit and its caption'],
];

const CAPTION_DATE =
  /(?:\bon\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?=\.?$)|(?:\bon\s+|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d{2}|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+(?:19|20)\d{2})(?=\s*(?:[.]?\s*$|,\s+(?:after|as|when|while)\b)))/iu;
const FINITE = /^(?:is|are|was|were|has|have|had|will|would|can|could|said|says|say)$/iu;

/**
 * A wire photo's closing place and day: a country after the place, then the full date ("… at the
 * court in New York City, U.S., October 26, 2023."). Case-sensitive: the country and month are capitalized.
 */
const CAPTION_PLACE_DATE =
  /,\s+(?:U\.S\.|U\.K\.|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)\s+\d{1,2},\s+(?:19|20)\d{2}\.?\s*$/u;

/**
 * A picture agency's caption: its place and day in capitals before a colon ("KELBY, MAINE - MAY 31:
 * The ferry chief speaks to reporters …"). A report's dateline gives the place alone.
 */
const AGENCY_CAPTION = /^\p{Lu}[\p{Lu} ,.'’]+\s[-–—]\s(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\s\d{1,2}:\s/u;

/** "is displayed", "are seen", "is inserted into": how a wire photo's caption says what the picture shows. */
const PICTURE_PRESENT = /\b(?:is|are)\s+(?:seen|displayed|shown|inserted|photographed|illustrated|reflected|projected|placed|arranged|visible|lit)\b/iu;

/**
 * A photo caption: what a picture shows, a place and "on" or a weekday and a full date with its
 * year closing it, or "on" and a weekday ending it, and no verb before that date ("Flooded streets
 * in Calder, Ore., on May 2, 2026.", "Debris on the quay in Calder on Tuesday."). A sentence of the
 * article says what happened, so it has a verb; a caption's date would become a timeline entry.
 */
export function isCaptionSentence(text: string): boolean {
  if (AGENCY_CAPTION.test(text)) return true;
  const date = CAPTION_DATE.exec(text) ?? CAPTION_PLACE_DATE.exec(text);
  if (date === null) return false;
  // A wire photo's caption is in the present, of a picture, with the day it was taken ("A game is
  // displayed in Denver on Wednesday, Jan. 19, 2022."): a report tells a dated past in the past.
  if (/\d/u.test(date[0]) && PICTURE_PRESENT.test(text.slice(0, date.index))) return true;
  const words = text.slice(0, date.index).match(/[\p{L}'’-]+/gu) ?? [];
  if (words.length < 4 || words.some((word) => FINITE.test(word) || looksLikeVerb(word))) return false;
  // A weekday alone is a weaker sign: "Flood water fills the square on Tuesday" is a sentence, so a
  // lowercase word that could be a present-tense verb ("fills") keeps it.
  return /\d/u.test(date[0]) || !words.some((word) => /^\p{Ll}{3,}s$/u.test(word) && !/(?:ss|us|is)$/u.test(word));
}

/** The plain-words reason when the whole line is a web-page label, else undefined. */
export function pageLabelDetail(line: string): string | undefined {
  if (line.length > 40 && isEmbeddedPost(line)) return 'a social-media post embedded in the page, not the outlet\'s reporting';
  const notice = PAGE_NOTICES.find(([pattern]) => pattern.test(line.trim()))?.[1];
  if (notice !== undefined) return notice;
  if (isAgencyCaption(line)) return 'a photo caption with its credit';
  // Labels and prompts are short; a long line is never one (and skipping it keeps this cheap).
  if (line.length > 160) return undefined;
  if (isCaptionWithCredit(line)) return 'a photo caption with its credit';
  const exact = PAGE_LABELS.get(labelKey(line));
  if (exact !== undefined) return exact;
  if (isPostAttribution(line)) return 'the attribution of an embedded social-media post';
  if (wordCount(line) > 16 || (/[.!?]["”’)]?$/u.test(line.trim()) && !/^sign up/iu.test(line.trim()) && !/^[([(©]|credit/iu.test(line.trim()))) return undefined;
  if (READING_TIME.test(line)) return 'a reading-time label';
  if (isMenuLine(line)) return 'a navigation menu';
  if (isDateText(line.trim().replace(/^[^\p{L}\p{N}]+/u, ''))) return 'a date stamp on its own';
  if (isPictureCredit(line) || isPhotoCreditLine(line)) return 'a picture credit';
  const trimmed = line.trim().replace(/^[^\p{L}\p{N}]+/u, '');
  return PREFIX_LABELS.find(([pattern]) => pattern.test(trimmed))?.[1];
}

/** A credit line such as "(Source: Harbor Wire)", "Source: Reuters" or "Via The Verge". */
export function isCreditLine(line: string): boolean {
  if (line.length > 120) return false;
  const match = /^[([]?\s*(?:sources?|via|credit|courtesy(?: of)?|originally (?:published|appeared) (?:in|on|at|by))\s*[:–—-]?\s*([^()[\]]+?)\s*[)\]]?\.?$/iu.exec(line.trim());
  if (match === null || match[1] === undefined) return false;
  // A credit names an outlet or two; it does not say something about them.
  return wordCount(match[1]) <= 6 && isNameList(match[1]);
}

/** Words a date or time stamp is made of ("Tue April 8, 2026 7:24 pm EDT", "2 hours ago"). */
const DATE_TOKEN =
  /^(?:\d[\d:/.-]*(?:st|nd|rd|th)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?|[ap]\.?m\.?|at|on|of|the|ago|today|yesterday|(?:hour|minute|day|week)s?)$/iu;
/** A time zone written in capitals ("EDT", "UTC"): tested apart, since under the `i` flag `\p{Lu}` matches any letter. */
const TIME_ZONE = /^\p{Lu}{2,4}$/u;

/** True when the text is only a date or time stamp. */
export function isDateText(text: string): boolean {
  const tokens = text.split(/[\s,]+/u).filter((token) => token !== '');
  return tokens.length > 0 && tokens.length <= 12 && /\d|today|yesterday/iu.test(text) && tokens.every((token) => DATE_TOKEN.test(token) || TIME_ZONE.test(token));
}

/**
 * A byline or date line: "By Jane Doe", "Last Updated on … by …", "Published: 9 April 2026",
 * "By Jane Doe | 3 March 2025". Parts separated by "|" or "•" must each be one of these or a date.
 */
export function isBylineLine(line: string): boolean {
  const text = line.trim();
  if (text.length > 240) return false;
  const parts = text.split(/\s*[|•·]\s*/u).filter((part) => part !== '');
  if (parts.some((part) => isBylinePart(part)) && parts.every((part) => isBylinePart(part) || isDateText(part))) return true;
  // "Jane Doe October 13, 2023": a name, then the date, with no "By".
  const dated = /^(.+?)\s+((?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\d{1,2})\b.*)$/iu.exec(text);
  return dated?.[1] !== undefined && dated[2] !== undefined && wordCount(dated[1]) >= 2 && wordCount(dated[1]) <= 4 && isNameList(dated[1]) && isDateText(dated[2]);
}

function isBylinePart(part: string): boolean {
  const author = /^(?:by|written by|words by|story by|reporting by|author:?|authors:?)\s+(.+)$/iu.exec(part);
  if (author !== null && author[1] !== undefined) return isNameList(author[1]);
  const dated = /^(?:last\s+)?(?:updated|published|posted|modified|first published|originally published)(?:\s+on|\s+at|:)?\s+(.+?)(?:\s+by\s+(.+))?$/iu.exec(part);
  if (dated !== null && dated[1] !== undefined) {
    return isDateText(dated[1]) && (dated[2] === undefined || isNameList(dated[2]));
  }
  const credits = /^(?:editing|edited|additional reporting) by\s+(.+)$/iu.exec(part);
  return credits?.[1] !== undefined && isNameList(credits[1]);
}

/** Words that may join or sit inside names in a byline ("Ana de la Cruz and Li Wei / Outlet"). */
const NAME_JOINERS = new Set(['and', '&', '/', ';', 'with', 'de', 'del', 'la', 'le', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'bin', 'al', 'in', 'by']);

/**
 * A list of names: at most 12 words, each capitalized or a joiner, and no sentence inside, so
 * "By Monday, the council had voted" is not taken for a byline.
 */
function isNameList(text: string): boolean {
  const words = text.replace(/[.;,]?\s*$/u, '').split(/[\s,]+/u).filter((word) => word !== '');
  if (words.length === 0 || words.length > 12) return false;
  return words.every((word) => NAME_JOINERS.has(word.toLowerCase()) || /^[\p{Lu}\p{N}@]/u.test(word));
}

/** Headings of a site-written summary: "Summary", "▼ Summary", "Key takeaways", "TL;DR"… */
export function isSummaryHeading(line: string): boolean {
  if (line.length > 40) return false;
  return /^(?:summary|article summary|quick summary|ai summary|key takeaways|takeaways|key points|highlights|at a glance|in brief|in short|tl;?dr|the gist|the short version)$/u.test(
    labelKey(line),
  );
}

/**
 * Summary headings that are never a section of the reporting, so the one paragraph under them is
 * the site's summary too. Weaker labels ("Highlights", "In brief") count only over bullet points.
 */
export function isStrongSummaryHeading(line: string): boolean {
  if (line.length > 40) return false;
  return /^(?:summary|article summary|quick summary|ai summary|key takeaways|takeaways|tl;?dr)$/u.test(labelKey(line));
}

/** Headings of an SEO question-and-answer block: "FAQ", "FAQs", "Frequently Asked Questions"… */
export function isFaqHeading(line: string): boolean {
  const text = line.trim();
  if (text.length > 120) return false;
  if (wordCount(text) > 12 || /[.!]$/u.test(text)) return false;
  return /\bFAQs?\b|\bfrequently asked questions\b|^people also ask\b|^common questions\b/iu.test(text);
}

/**
 * A blog theme's "Comments Off on <post title>" notice: on a flattened page it runs the header
 * (section, headline, date, byline) into the first sentence, so the whole sentence is chrome.
 */
const COMMENTS_OFF = /\bComments Off on\b/u;

/**
 * "Previously: <headline>": a blog's link to its earlier post on the story, whatever the headline
 * ends with. The headline's capital is tested apart: under the `i` flag `\p{Lu}` matches any letter.
 */
function isPreviousPostLink(text: string): boolean {
  const link = /^(?:previously|earlier|related|see also)\s*:\s+(\S)/iu.exec(text.trim());
  return link !== null && /^\p{Lu}/u.test(link[1] ?? '');
}

/**
 * True when a sentence is page chrome. Normalization removes chrome on lines of its own; on a saved
 * page a credit, label or caption is often glued to other text ("…on Thursday.Jane Doe / AFP"), so
 * it only shows as a sentence. The align stage leaves such sentences out, and the timeline does not
 * date them.
 */
export function isChromeSentence(text: string): boolean {
  return (
    COMMENTS_OFF.test(text) ||
    isPreviousPostLink(text) ||
    pageLabelDetail(text) !== undefined ||
    isCreditLine(text) ||
    isBylineLine(text) ||
    isCaptionSentence(text) ||
    isCreditedCaption(text) ||
    isVerblessLine(text) ||
    isLeadIn(text) ||
    isRelatedLink(text)
  );
}

/**
 * A line of four or more words with no verb, no closing stop and no figure but a year ("The
 * harbour booth at the 2019 ferry fair in Kelby"): a photo caption or a label, which states
 * nothing that happened. A sentence of the report has a verb, and a headline's verb ("Orland
 * unveils a truck", "Ferries resume sailing") keeps it, when it is one this can read: a form in
 * -ed, -s or -ing, or a common irregular one.
 */
function isVerblessLine(text: string): boolean {
  const trimmed = text.trim();
  if (/[.!?…:;”"’)]$/u.test(trimmed)) return false;
  // A row of figures ("Kelby to Ash Point...4-6 ft") is data, not a caption; a year is not a figure here.
  if (/(?<!\p{L})\d/u.test(trimmed.replace(/\b(?:19|20)\d{2}\b/gu, ''))) return false;
  const words = trimmed.match(/[\p{L}'’-]+/gu) ?? [];
  return words.length >= 4 && !words.some((word) => FINITE.test(word) || looksLikeVerb(word) || /^\p{Ll}{3,}(?:s|ing)$/u.test(word));
}

/** Last words of a body's name, not a person's: "(World Health Organization)" explains, it credits no photographer. */
const BODY_WORDS = /\b(?:organi[sz]ation|agency|center|centre|authority|council|commission|department|ministry|office|service|association|institute|university|bank|group|company|party|union|board|court|fund)\)/iu;

/**
 * A photo caption with its photographer's name in brackets at its end ("Flood water in the square
 * at Calder on Saturday. (Jane Doe)", "… (Jane Doe/Harbor Wire)"): two to four capitalized words,
 * a person's name, with at most an agency after a slash.
 */
function isCreditedCaption(text: string): boolean {
  const trimmed = text.trim().replace(/[.]$/u, '');
  if (BODY_WORDS.test(trimmed)) return false;
  const credit = /\((?:photo(?:graph)?:?\s*)?(\p{Lu}[\p{L}’'.-]+(?:\s+\p{Lu}[\p{L}’'.-]+){1,3})(?:\s*\/\s*[\p{L}][\p{L} .&-]{1,30})?\)$/u.exec(trimmed);
  if (credit === null) return false;
  // A name spelling out an abbreviation the sentence uses ("the UN … (United Nations)") explains it.
  const initials = (credit[1] ?? '').split(/\s+/u).map((word) => word.charAt(0)).join('');
  return !new RegExp(`\\b${initials}\\b`, 'u').test(trimmed.slice(0, credit.index));
}

/**
 * The headline of a link to another page, run into the text: a section label and a colon before
 * a headline with no closing stop ("Storm Tracker: Venith leaves the coast after hitting Kelby",
 * "LIVE UPDATES: …", "Photos: …"). A sentence of the report ends with a stop; a link's title does not.
 */
function isRelatedLink(text: string): boolean {
  const trimmed = text.trim();
  // A headline in square brackets, alone ("[ Judge revokes the ferry chief's bail ]"): a link a page
  // sets between its paragraphs. It has no closing stop inside; an editor's note ("[Updated …].") does.
  if (/^\[\s*\p{Lu}[^\][]{8,160}[^\][.!?]\s*\]$/u.test(trimmed)) return true;
  // A clip's title after its kind ("Newscast: This week's biggest headlines …."), stop or not: a
  // report's sentence does not open by naming a video or a podcast.
  const clip = /^(?:newscast|podcast|video|watch|listen)\s*:\s+(\S)/iu.exec(trimmed);
  if (clip !== null && /^\p{Lu}/u.test(clip[1] ?? '') && wordCount(trimmed) <= 20) return true;
  if (/[.!?”"’)]$/u.test(trimmed)) return false;
  // The label is read without case ("LIVE UPDATES:"); the capitals around it are tested apart,
  // since under the `i` flag `\p{Lu}` matches any letter.
  const link = /^((?:\S+\s+){0,4}?)(?:tracker|live(?: updates| blog)?|updates|photos|pictures|video|watch|map|maps|latest|read more|related|opinion|analysis)\s*:\s+(\S)/iu.exec(trimmed);
  if (link === null) return false;
  const before = (link[1] ?? '').split(/\s+/u).filter((word) => word !== '');
  return before.every((word) => /^\p{Lu}/u.test(word)) && /^\p{Lu}/u.test(link[2] ?? '');
}

/**
 * A few words ending in a colon, with no figure ("Integrity Guarantee:", "Per Jane Doe (via
 * Orland):"): a box label or the lead-in to a quotation split off from it, which states nothing.
 */
function isLeadIn(text: string): boolean {
  const trimmed = text.trim();
  return /:$/u.test(trimmed) && !/\d/u.test(trimmed) && trimmed.split(/\s+/u).length <= 7;
}
