import { describe, expect, it } from 'vitest';
import { extractJob } from '../../../src/core/extract/job';
import { extractResume } from '../../../src/core/extract/resume';
import { keywordCoverage } from '../../../src/core/ats/keywords';
import { applyJobCorrections } from '../../../src/core/corrections/corrections';
import { skillKind } from '../../../src/core/taxonomy';
import { parseText } from '../../../src/core/parse/text';
import { scoreMatch } from '../../../src/core/score';
import {
  DEGREE_REQUIREMENT,
  degreesMetBy,
  findDegrees,
  textMeetsDegree,
  type AskedDegree,
} from '../../../src/core/taxonomy/degrees';

/** Generated degree wordings: every level, spelling and joiner, with and without "degree" and a field. */
function askedWordings(): [string, AskedDegree][] {
  const levels: [AskedDegree, string[]][] = [
    ['bachelor', ["Bachelor's", 'Bachelors', 'Bachelor’s', 'BSc', 'B.Sc.', 'BS', 'BA', 'B.S.']],
    ['master', ["Master's", 'Masters', 'Master', 'MSc', 'M.Sc.', 'MS', 'MA', 'MBA']],
    ['doctorate', ['PhD', 'Ph.D.', 'doctorate']],
  ];
  const wordings: [string, AskedDegree][] = [];
  for (const [level, spellings] of levels) {
    for (const spelling of spellings) {
      wordings.push([`${spelling} degree`, level]);
      wordings.push([`${spelling} degree in Accounting`, level]);
      wordings.push([`${spelling} in Nursing`, level]);
    }
  }
  wordings.push(['BS/MS degree', 'bachelor'], ['MSc or MBA', 'master'], ['BS MS or PhD', 'bachelor']);
  wordings.push(
    ['Master of Science', 'master'],
    ['PhD', 'doctorate'],
    ["Bachelor's or Master's degree", 'bachelor'],
  );
  wordings.push(['university degree', 'any'], ['degree in Hospitality Management', 'any']);
  wordings.push(['High School Diploma', 'none'], ['GED', 'none'], ['BS or higher', 'bachelor']);
  return wordings;
}

describe('degrees a posting asks for', () => {
  it('reads every generated wording as one degree of the lowest level it names', () => {
    for (const [wording, level] of askedWordings()) {
      const sentence = `- ${wording} or equivalent experience`;
      const found = findDegrees(sentence);
      expect(
        found.map((mention) => mention.asked),
        sentence,
      ).toEqual([level]);
      expect(sentence.slice(found[0]!.start, found[0]!.end)).toBe(found[0]!.surface);
    }
  });

  it('ignores look-alikes: software, roles, amounts, the programme offered and negations', () => {
    const notAsked = [
      'Daily use of MS Office and MS SQL Server',
      'Experience as a Scrum Master in two teams',
      'You will master our tools quickly',
      'Work with a high degree of autonomy',
      'A 360 degree view of the customer',
      'Latency under 200 ms',
      'There are two PhD students in the lab',
      'The scholarship for the PhD degree is funded for three years',
      'You are not required to have a degree',
      'Our BA team supports the sales floor',
    ];
    for (const sentence of notAsked) expect(findDegrees(sentence), sentence).toEqual([]);
  });

  it('a higher degree meets every lower one', () => {
    const met = degreesMetBy('master');
    expect(met[0]).toEqual({ name: DEGREE_REQUIREMENT.master, exact: true });
    expect(new Set(met.map((degree) => degree.name))).toEqual(
      new Set([
        DEGREE_REQUIREMENT.master,
        DEGREE_REQUIREMENT.bachelor,
        DEGREE_REQUIREMENT.associate,
        DEGREE_REQUIREMENT.any,
        DEGREE_REQUIREMENT.none,
      ]),
    );
    expect(degreesMetBy('bachelor').map((met) => met.name)).not.toContain(DEGREE_REQUIREMENT.master);
    expect(textMeetsDegree('M.Sc. in Chemistry, 2019', DEGREE_REQUIREMENT.bachelor)).toBe(true);
    expect(textMeetsDegree('B.Sc. in Chemistry, 2019', DEGREE_REQUIREMENT.doctorate)).toBe(false);
  });
});

/** A generated posting for any occupation with a degree line in the given section. */
function posting(title: string, section: string, degreeLine: string, skill: string): string {
  return `${title}\n\nAbout us\nWe are a regional firm with a PhD team of advisers.\n\n${section}\n- ${degreeLine}\n- ${skill}\n\nBenefits\n- Tuition support towards a Master's degree`;
}

describe('degree requirements in a job', () => {
  const occupations: [string, string][] = [
    ['Staff Accountant', 'QuickBooks'],
    ['Registered Nurse', 'BLS'],
    ['Data Analyst', 'SQL'],
  ];

  it('a degree in a requirements list is required, in a preferred list nice-to-have, elsewhere nothing', () => {
    for (const [title, skill] of occupations) {
      const must = extractJob(
        parseText(posting(title, 'Requirements', "Bachelor's degree in a related field", skill)),
      );
      const degree = must.required.find((requirement) => requirement.kind === 'degree');
      expect(degree?.skill, title).toBe(DEGREE_REQUIREMENT.bachelor);
      expect(degree?.surface).toBe("Bachelor's degree");
      expect(must.degree).toBe('bachelor');
      // The company blurb ("PhD team") and the benefit ("towards a Master's degree") ask for nothing.
      const names = [...must.required, ...must.preferred].map((requirement) => requirement.skill);
      expect(names).not.toContain(DEGREE_REQUIREMENT.master);
      expect(names).not.toContain(DEGREE_REQUIREMENT.doctorate);

      const nice = extractJob(parseText(posting(title, 'Nice to have', 'MSc or MBA', skill)));
      expect(nice.preferred.map((requirement) => requirement.skill)).toContain(DEGREE_REQUIREMENT.master);
      expect(nice.required.map((requirement) => requirement.skill)).not.toContain(DEGREE_REQUIREMENT.master);
    }
  });

  it("a resume's education proves the degree, with the education line as evidence", () => {
    const job = parseText(
      posting('Staff Accountant', 'Requirements', 'BS/BA degree in Accounting', 'QuickBooks'),
    );
    const spec = extractJob(job);
    const holder = parseText(
      'Jo Reyes\n\nExperience\nStaff Accountant, Harbor Books (2019 - Present)\n- Closed the books monthly in QuickBooks\n\nEducation\nMaster of Science in Accounting, State University, 2018',
    );
    const without = parseText(
      'Jo Reyes\n\nExperience\nStaff Accountant, Harbor Books (2019 - Present)\n- Closed the books monthly in QuickBooks',
    );
    const row = (resume: ReturnType<typeof parseText>) =>
      scoreMatch({ resume, profile: extractResume(resume), job, spec }).requirements.find(
        (requirement) => requirement.skill === DEGREE_REQUIREMENT.bachelor,
      );
    const proven = row(holder);
    expect(proven?.matched).toBe(true);
    expect(proven?.via).toBe('implied');
    expect(proven?.evidence?.text).toMatch(/Master of Science in Accounting/);
    expect(row(without)?.matched).toBe(false);

    const coverage = keywordCoverage(holder.text, { spec, text: job.text });
    expect(coverage.rows.find((keyword) => keyword.skill === DEGREE_REQUIREMENT.bachelor)?.resumeCount).toBe(
      1,
    );
    expect(
      keywordCoverage(without.text, { spec, text: job.text }).rows.find(
        (keyword) => keyword.skill === DEGREE_REQUIREMENT.bachelor,
      )?.resumeCount,
    ).toBe(0);
  });

  it('the Education component scores the degree: the skill bar neither counts it nor hides it', () => {
    const job = parseText('Office Assistant\n\nRequirements\n- High School Diploma or GED\n- Bookkeeping');
    const spec = extractJob(job);
    const resume = parseText(
      'Sam Lee\n\nExperience\nClerk, City Library (2020 - Present)\n- Kept the bookkeeping',
    );
    const result = scoreMatch({ resume, profile: extractResume(resume), job, spec });
    const rows = result.requirements.filter((row) => row.importance === 'required');
    expect(rows.map((row) => row.skill)).toContain(DEGREE_REQUIREMENT.none);
    expect(rows.find((row) => row.skill === DEGREE_REQUIREMENT.none)?.matched).toBe(false);
    // One of two rows ✓, yet the skill part is Bookkeeping's alone; the breakdown says why.
    expect(result.skillRows?.requiredSkills?.share).toBeCloseTo(0.5);
    expect(result.components.requiredSkills).toBeCloseTo(0.75);
    expect(result.skillRows?.requiredSkills?.note).toMatch(/the degree is scored under Education/);

    const degreeOnly = extractJob(parseText('Research Fellow\n\nRequirements\n- A PhD'));
    expect(degreeOnly.required.map((requirement) => requirement.kind)).toEqual(['degree']);
    const alone = scoreMatch({ resume, profile: extractResume(resume), job, spec: degreeOnly });
    expect(alone.weights.requiredSkills).toBe(0);
  });
});

describe('a degree requirement keeps its kind wherever it is named', () => {
  it('moved by the person (job corrections) or named by a model, it is still a degree', () => {
    const spec = extractJob(parseText("Analyst\n\nRequirements\n- Master's degree\n- SQL"));
    const moved = applyJobCorrections(spec, { required: ['SQL'], preferred: [DEGREE_REQUIREMENT.master] });
    expect(moved.preferred[0]?.kind).toBe('degree');
    expect(skillKind(DEGREE_REQUIREMENT.doctorate)).toBe('degree');
    expect(skillKind('SQL')).not.toBe('degree');
  });
});
