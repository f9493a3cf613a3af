/**
 * "Copy link to this section" buttons on the story's section headings. The copied URL carries the
 * reader's current cohort and the section's hash (…/?cohort=freelancers#trust), so a class opens
 * the section in the same state. Confirms in words on the button and in a live region.
 * Plain module: no framework code, reads the cohort from the URL the toggle keeps up to date.
 */
import { cohortFromSearch, urlWithCohort, type StoryCohort } from './cohort-url';

/** The link to a section in a cohort: the page URL without its own hash, plus ?cohort= and #id. */
export function sectionUrl(pageHref: string, cohort: StoryCohort, id: string): string {
  const url = new URL(urlWithCohort(pageHref, cohort));
  url.hash = id;
  return url.toString();
}

const SECTION_ID = /^[a-z][a-z0-9-]*$/;

export function addSectionLinks(root: ParentNode = document, status?: HTMLElement | null): void {
  for (const section of root.querySelectorAll<HTMLElement>('main section[id]')) {
    const heading = section.querySelector<HTMLElement>(':scope > h2');
    if (!heading || !SECTION_ID.test(section.id) || heading.querySelector('.section-link')) continue;
    const title = heading.textContent?.trim() || section.id;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'section-link';
    const label = document.createElement('span');
    label.textContent = 'Copy link';
    const hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = ` to this section: ${title}`;
    button.append(label, hidden);
    button.addEventListener('click', async () => {
      const url = sectionUrl(window.location.href, cohortFromSearch(window.location.search), section.id);
      let message: string;
      try {
        await navigator.clipboard.writeText(url);
        label.textContent = 'Link copied';
        message = `Link to “${title}” copied: ${url}`;
      } catch {
        label.textContent = 'Copy failed';
        message = `Could not copy. The link is ${url}`;
      }
      if (status) status.textContent = message;
      window.setTimeout(() => (label.textContent = 'Copy link'), 2500);
    });
    heading.append(button);
  }
}
