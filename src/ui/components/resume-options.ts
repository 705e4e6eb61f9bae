/**
 * Fills a resume picker (<select>) with one <option> per resume, "Name — file", built with the DOM
 * API (text, never HTML: names come from resumes). An action rather than an {#each}: a library of
 * 10,000 resumes made 10,000 template effects that every update of the screen walked (measured on
 * the Match screen: ~25 ms of each update's script, and a score's reply waiting behind it). The
 * options are plain DOM; `bind:value` on the select still chooses among them. The select's first
 * option (the "Choose…" one written in the markup) is kept.
 */
import type { ResumeName } from '../../db/resumes.repo';

export function resumeOptions(
  select: HTMLSelectElement,
  names: readonly Pick<ResumeName, 'id' | 'name' | 'fileName'>[],
): { update(next: readonly Pick<ResumeName, 'id' | 'name' | 'fileName'>[]): void } {
  let shown: readonly unknown[] | undefined;
  const fill = (list: readonly Pick<ResumeName, 'id' | 'name' | 'fileName'>[]): void => {
    if (list === shown) return;
    shown = list;
    const chosen = select.value;
    const fragment = document.createDocumentFragment();
    for (const resume of list) fragment.append(new Option(`${resume.name} — ${resume.fileName}`, resume.id));
    select.length = Math.min(select.length, 1);
    select.append(fragment);
    select.value = chosen;
  };
  fill(names);
  return { update: fill };
}
