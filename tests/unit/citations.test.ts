/** Citations of the explainer and of the report, in every style, as exact strings. */
import { describe, expect, test } from 'vitest';
import { loadData } from '../../src/data/load';
import {
  apa,
  bibtex,
  bibtexKey,
  bibtexTitle,
  chicago,
  citeAll,
  escapeBibtex,
  explainerWork,
  initials,
  mla,
  reportWork,
  sentenceCase,
  splitName,
  titleCase,
  type Work,
} from '../../src/lib/citations';

const SITE = 'https://example.org/ai-at-work/';

function report() {
  const row = loadData().sources.find((s) => s.id === 'upwork-report');
  if (!row) throw new Error('data/sources.csv has no upwork-report row');
  return reportWork(row);
}

describe('the report, read from data/sources.csv', () => {
  test('APA 7', () => {
    expect(apa(report())).toBe(
      'Burlacu, G., & Monahan, K. (2025, July 9). From tools to teammates: Navigating the new human-AI relationship. Upwork Research Institute. https://www.upwork.com/research/navigating-human-ai-relationships',
    );
  });
  test('MLA 9', () => {
    expect(mla(report())).toBe(
      'Burlacu, Gabby, and Kelly Monahan. From Tools to Teammates: Navigating the New Human-AI Relationship. Upwork Research Institute, 9 July 2025, www.upwork.com/research/navigating-human-ai-relationships.',
    );
  });
  test('Chicago bibliography entry', () => {
    expect(chicago(report())).toBe(
      'Burlacu, Gabby, and Kelly Monahan. From Tools to Teammates: Navigating the New Human-AI Relationship. Upwork Research Institute, July 9, 2025. https://www.upwork.com/research/navigating-human-ai-relationships.',
    );
  });
  test('BibTeX', () => {
    expect(bibtex(report())).toBe(
      [
        '@techreport{burlacu2025tools,',
        '  author = {Burlacu, Gabby and Monahan, Kelly},',
        '  title = {From Tools to Teammates: Navigating the New Human-{AI} Relationship},',
        '  institution = {Upwork Research Institute},',
        '  year = {2025},',
        '  month = jul,',
        '  url = {https://www.upwork.com/research/navigating-human-ai-relationships}',
        '}',
      ].join('\n'),
    );
  });
});

describe('this explainer', () => {
  const work = explainerWork(SITE);
  test('APA 7: group author, publication date, no access date', () => {
    expect(apa(work)).toBe('Tools to Teammates team. (2026, November 26). Tools to Teammates, explored. https://example.org/ai-at-work/');
  });
  test('MLA 9', () => {
    expect(mla(work)).toBe('Tools to Teammates team. Tools to Teammates, Explored. 26 Nov. 2026, example.org/ai-at-work/.');
  });
  test('Chicago bibliography entry', () => {
    expect(chicago(work)).toBe('Tools to Teammates team. “Tools to Teammates, Explored.” November 26, 2026. https://example.org/ai-at-work/.');
  });
  test('BibTeX', () => {
    expect(bibtex(work)).toBe(
      [
        '@misc{toolstoteammates2026,',
        '  author = {{Tools to Teammates team}},',
        '  title = {{Tools to Teammates}, explored},',
        '  year = {2026},',
        '  month = nov,',
        '  url = {https://example.org/ai-at-work/}',
        '}',
      ].join('\n'),
    );
  });
  test('citeAll gives the four styles, none with a date other than the publication date', () => {
    const all = citeAll(work);
    expect(Object.keys(all)).toEqual(['apa', 'mla', 'chicago', 'bibtex']);
    for (const text of Object.values(all)) {
      expect(text).not.toMatch(/accessed|retrieved/i);
      expect(new Set(text.match(/20\d\d/g))).toEqual(new Set(['2026']));
    }
  });
});

describe('names and case', () => {
  test('splitName and initials', () => {
    expect(splitName('Gabby Burlacu')).toEqual({ given: 'Gabby', family: 'Burlacu' });
    expect(splitName('Cher')).toEqual({ given: '', family: 'Cher' });
    expect(initials('Mary Ann')).toBe('M. A.');
    expect(initials('Jean-Paul')).toBe('J.-P.');
  });
  test('sentence case keeps acronyms, mixed-case words, names and subtitle starts', () => {
    expect(sentenceCase('Trust Has Shifted to the Machine — For Some')).toBe('Trust has shifted to the machine — For some');
    expect(sentenceCase('Why The iPhone Matters: A Study of AI in the UK')).toBe('Why the iPhone matters: A study of AI in the UK');
    expect(sentenceCase('A Report on Tools to Teammates', ['Tools to Teammates'])).toBe('A report on Tools to Teammates');
  });
  test('title case lowers minor words inside, never first, last or after a colon', () => {
    expect(titleCase('the state of work: a look at what AI is for')).toBe('The State of Work: A Look at What AI Is For');
    expect(titleCase('From Tools to Teammates: Navigating the New Human-AI Relationship')).toBe(
      'From Tools to Teammates: Navigating the New Human-AI Relationship',
    );
  });
});

describe('BibTeX escaping', () => {
  test('escapes every TeX special character', () => {
    expect(escapeBibtex('R&D: 50% of $5 #1 a_b ~ ^ {x} \\')).toBe(
      'R\\&D: 50\\% of \\$5 \\#1 a\\_b \\textasciitilde{} \\textasciicircum{} \\{x\\} \\textbackslash{}',
    );
  });
  test('titles brace acronyms and names after escaping', () => {
    expect(bibtexTitle('AI & Burnout: 88% of {Top} Users', ['Top Users'])).toBe('{AI} \\& Burnout: 88\\% of \\{Top\\} Users');
    expect(bibtexTitle('Life at Tools to Teammates & Co', ['Tools to Teammates'])).toBe('Life at {Tools to Teammates} \\& Co');
  });
  test('a hostile work cannot break out of its fields', () => {
    const work: Work = {
      kind: 'report',
      authors: [{ given: 'Ann', family: 'O}Neil' }, { group: 'Team #1 & Co' }, { given: 'José', family: 'Núñez' }],
      title: 'Costs } @misc{evil, title={x}',
      publisher: 'The 100% Institute',
      published: '2024-03',
      url: 'https://example.org/a b}{c\\d?q=1%20&x#y',
    };
    expect(bibtex(work)).toBe(
      [
        '@techreport{oneil2024costs,',
        "  author = {O\\}Neil, Ann and {Team \\#1 \\& Co} and Núñez, José},",
        '  title = {Costs \\} @misc\\{evil, title=\\{x\\}},',
        '  institution = {100\\% Institute},',
        '  year = {2024},',
        '  month = mar,',
        '  url = {https://example.org/a%20b%7D%7Bc%5Cd?q=1%20&x#y}',
        '}',
      ].join('\n'),
    );
  });
  test('keys come from the first author, the year and the first main word of the title', () => {
    expect(bibtexKey({ kind: 'report', authors: [{ given: 'Zoë', family: 'Ørsted-Lee' }], title: 'The Cost of Work', publisher: null, published: '2025', url: null })).toBe(
      'rstedlee2025cost',
    );
  });
});

describe('missing parts', () => {
  const bare: Work = { kind: 'report', authors: [], title: 'An Untitled Note', publisher: null, published: null, url: null };
  test('no author, date or address', () => {
    expect(apa(bare)).toBe('An untitled note. (n.d.).');
    expect(mla(bare)).toBe('An Untitled Note.');
    expect(chicago(bare)).toBe('An Untitled Note. n.d.');
    expect(bibtex(bare)).toBe('@techreport{untitled,\n  title = {An Untitled Note}\n}');
  });
  test('a month without a day, three authors', () => {
    const work: Work = {
      kind: 'report',
      authors: [splitName('Ann Lee'), splitName('Bo Chan'), splitName('Cy Diaz')],
      title: 'Work Now',
      publisher: 'Example Lab',
      published: '2025-07',
      url: 'https://example.org/r',
    };
    expect(apa(work)).toBe('Lee, A., Chan, B., & Diaz, C. (2025, July). Work now. Example Lab. https://example.org/r');
    expect(mla(work)).toBe('Lee, Ann, et al. Work Now. Example Lab, July 2025, example.org/r.');
    expect(chicago(work)).toBe('Lee, Ann, Bo Chan, and Cy Diaz. Work Now. Example Lab, July 2025. https://example.org/r.');
  });
  test('a group author that is also the publisher is named once: as author in APA, as publisher in MLA', () => {
    const work: Work = { kind: 'webpage', authors: [{ group: 'Example Lab' }], title: 'About Us', publisher: 'The Example Lab', published: '2025', url: 'https://example.org/' };
    expect(apa(work)).toBe('Example Lab. (2025). About us. https://example.org/');
    expect(mla(work)).toBe('About Us. Example Lab, 2025, example.org/.');
  });
});
