/** Bench rows for the job seeker's tools: the ATS check of one resume (optionally against a job). */
import { checkResume, ruleFixes, type AtsInput } from '../src/core/ats';
import type { JobSpec, ParsedDocument, Profile } from '../src/core/domain';
import { percentile, timeIt, timeRow, type BenchRow } from './harness';

export async function atsRows(
  log: (row: BenchRow) => void,
  resumes: ParsedDocument[],
  profiles: Profile[],
  jobs: { spec: JobSpec; text: string }[],
): Promise<void> {
  const inputs: AtsInput[] = resumes.map((document, index) => ({
    document,
    profile: profiles[index]!,
    file: { kind: document.kind, size: document.text.length, fileName: `resume-${index}` },
  }));
  let run = 0;
  const samples = await timeIt(
    () => {
      const base = inputs[run % inputs.length]!;
      // Every other check is against a job (keyword coverage is the heaviest part).
      const input = run % 2 === 0 ? { ...base, job: jobs[run % jobs.length] } : base;
      run++;
      const report = checkResume(input);
      return ruleFixes(input, report);
    },
    { warmup: 20, iterations: 400 },
  );
  log(
    timeRow(
      'ats.check',
      percentile(samples, 95),
      30,
      `p95 over ${samples.length} ATS checks with rule fixes of ${inputs.length} generated resumes, half against a job`,
    ),
  );
}
