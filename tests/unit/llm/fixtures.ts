/** A small synthetic resume (text + extracted profile) for the LLM tests. No real person. */
import { extractResume } from '../../../src/core/extract/resume';
import { parseText } from '../../../src/core/parse/text';
import type { Profile } from '../../../src/core/domain';

export const RESUME_TEXT = [
  'Dana Rivera',
  'Data Engineer',
  'dana.rivera@example.com',
  '',
  'Summary',
  'Data engineer who builds reliable batch pipelines.',
  '',
  'Experience',
  'Data Engineer, Northwind Analytics',
  'Mar 2019 - Present',
  '- Built ETL pipelines in Python and PostgreSQL processing 2 million rows a day',
  '- Cut report run time by 40% by rewriting SQL queries',
  '',
  'Education',
  'BSc Computer Science, Lakeside University, 2018',
  '',
  'Skills',
  'Python, PostgreSQL, Airflow, Docker',
].join('\n');

export function resumeProfile(): Profile {
  return extractResume(parseText(RESUME_TEXT, 'txt'));
}

export const guardContext = () => ({ text: RESUME_TEXT, profile: resumeProfile() });
