import { describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '../../../src/core/contracts/search-api';
import { LibraryIndex } from '../../../src/core/search/library-index';
import { SearchService } from '../../../src/core/search/service';
import { library, unitVectors } from './helpers';

const data = library(60, 4);

function fullIndex(resumes = data.resumes): LibraryIndex {
  const index = new LibraryIndex();
  for (const resume of resumes) index.upsertResume(resume);
  for (const job of data.jobs) index.upsertJob(job);
  return index;
}

describe('LibraryIndex', () => {
  it('after incremental adds, updates and deletes equals a full rebuild', () => {
    const incremental = new LibraryIndex();
    for (const job of data.jobs) incremental.upsertJob(job);
    for (const resume of data.resumes) incremental.upsertResume(resume);
    // Update: resume 0 takes resume 1's content; delete every fifth resume; re-add one.
    const updated = {
      ...data.resumes[1]!,
      id: data.resumes[0]!.id,
      name: data.resumes[0]!.name,
      updatedAt: 999,
    };
    incremental.upsertResume(updated);
    const kept = data.resumes.filter((_, index) => index % 5 !== 4);
    for (const resume of data.resumes) if (!kept.includes(resume)) incremental.removeResume(resume.id);
    incremental.upsertResume(data.resumes[4]!);
    const finalSet = [updated, ...kept.slice(1), data.resumes[4]!];
    const rebuilt = fullIndex(finalSet);
    expect(incremental.snapshot()).toEqual(rebuilt.snapshot());
  });

  it('prepares scoring data in slices up to a deadline, and ranks the same before and after', async () => {
    const index = fullIndex();
    const service = new SearchService(index);
    expect(index.unprepared).toBe(data.resumes.length);
    // A deadline already past prepares nothing.
    expect(index.prepareSome(performance.now() - 1)).toBe(data.resumes.length);
    const job = data.jobs[0]!.id;
    const cold = await service.rankJob(
      job,
      {},
      { key: 'score', direction: 'desc' },
      { offset: 0, limit: 20 },
    );
    expect(index.prepareSome(Infinity)).toBe(0);
    expect([...index.resumes.values()].every((entry) => entry.prepared !== undefined)).toBe(true);
    service.cache.clear();
    const warm = await service.rankJob(
      job,
      {},
      { key: 'score', direction: 'desc' },
      { offset: 0, limit: 20 },
    );
    expect(warm.rows.map((row) => [row.id, row.score])).toEqual(cold.rows.map((row) => [row.id, row.score]));
    // An updated resume needs preparing again; a removed one is not waited for.
    index.upsertResume({ ...data.resumes[0]!, updatedAt: 12345 });
    index.upsertResume({ ...data.resumes[1]!, updatedAt: 12345 });
    index.removeResume(data.resumes[1]!.id);
    expect(index.unprepared).toBe(1);
  });

  it('finds resumes by skill (implied ones too) and by all words', () => {
    const index = fullIndex();
    const python = index.resumesWithSkill('Python');
    expect(python.size).toBeGreaterThan(0);
    for (const id of python) expect(index.resumes.get(id)!.skills.has('python')).toBe(true);
    const words = index.resumesWithAllWords('experience summary')!;
    expect(words.size).toBeGreaterThan(0);
  });
});

describe('SearchService', () => {
  // Table score == breakdown score (a different code path) is proven in table-breakdown.test.ts.
  it('ranks one job against every resume, best first, with evidence', async () => {
    const service = new SearchService(fullIndex());
    const job = data.jobs[0]!;
    const page = await service.rankJob(
      job.id,
      {},
      { key: 'score', direction: 'desc' },
      { offset: 0, limit: 100 },
    );
    expect(page.total).toBe(data.resumes.length);
    expect(new Set(page.rows.map((row) => row.id)).size).toBe(data.resumes.length);
    expect(page.rows.map((row) => row.rank)).toEqual(page.rows.map((_, index) => index + 1));
    const raws = page.rows.map((row) => row.rawScore);
    expect(raws).toEqual([...raws].sort((a, b) => b - a));
    const withEvidence = page.rows.find((row) => row.topEvidence);
    expect(withEvidence).toBeDefined();
    const evidence = withEvidence!.topEvidence!;
    expect(evidence.text.slice(evidence.from, evidence.to).length).toBeGreaterThan(0);
  });

  it('filters by must-have skills (AND / OR), years and free text', async () => {
    const service = new SearchService(fullIndex());
    const jobId = data.jobs[0]!.id;
    const sort = { key: 'score', direction: 'desc' } as const;
    const all = await service.rankJob(jobId, { mustHave: ['Python', 'SQL'], mustHaveMode: 'all' }, sort, {
      offset: 0,
      limit: 500,
    });
    const any = await service.rankJob(jobId, { mustHave: ['Python', 'SQL'], mustHaveMode: 'any' }, sort, {
      offset: 0,
      limit: 500,
    });
    const index = service.index;
    // Exactly the resumes that qualify, counted independently from their skill sets: a filter that
    // dropped one qualifying resume (or kept one that does not) fails here.
    const skillSets = [...index.resumes.values()].map((entry) => entry.skills);
    const both = skillSets.filter((skills) => skills.has('python') && skills.has('sql')).length;
    const either = skillSets.filter((skills) => skills.has('python') || skills.has('sql')).length;
    expect(both).toBeGreaterThan(0);
    expect(either).toBeGreaterThan(both);
    expect(all.total).toBe(both);
    expect(any.total).toBe(either);
    for (const row of all.rows) {
      const skills = index.resumes.get(row.id)!.skills;
      expect(skills.has('python') && skills.has('sql')).toBe(true);
    }
    for (const row of any.rows) {
      const skills = index.resumes.get(row.id)!.skills;
      expect(skills.has('python') || skills.has('sql')).toBe(true);
    }
    const senior = await service.rankJob(jobId, { minYears: 10, maxYears: 15 }, sort, {
      offset: 0,
      limit: 500,
    });
    for (const row of senior.rows) expect(row.years >= 10 && row.years <= 15).toBe(true);
    const inRange = [...index.resumes.values()].filter(
      (entry) => entry.years >= 10 && entry.years <= 15,
    ).length;
    expect(inRange).toBeGreaterThan(0);
    expect(senior.total).toBe(inRange);
    const byYears = await service.rankJob(
      jobId,
      {},
      { key: 'years', direction: 'asc' },
      { offset: 0, limit: 500 },
    );
    const years = byYears.rows.map((row) => row.years);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });

  it('caches by normalised request, de-duplicates in flight and invalidates on any change', async () => {
    const index = fullIndex();
    const service = new SearchService(index);
    const jobId = data.jobs[1]!.id;
    const sort = { key: 'score', direction: 'desc' } as const;
    const [first, concurrent] = await Promise.all([
      service.rankJob(jobId, { mustHave: ['Python'] }, sort, { offset: 0, limit: 10 }),
      service.rankJob(jobId, { mustHave: [' python '] }, sort, { offset: 0, limit: 10 }),
    ]);
    expect(first.fromCache).toBe(false);
    expect(concurrent.fromCache).toBe(true);
    expect(service.cache.stats().deduplicated).toBe(1);
    const again = await service.rankJob(jobId, { mustHave: ['PYTHON'] }, sort, { offset: 10, limit: 10 });
    expect(again.fromCache).toBe(true);
    const searched = await service.search('  Python   Django ');
    expect((await service.search('python django')).fromCache).toBe(true);
    // Any change empties the cache: delete one resume that was in the results.
    const removed = first.rows[0]!.id;
    index.removeResume(removed);
    const after = await service.rankJob(jobId, { mustHave: ['Python'] }, sort, { offset: 0, limit: 500 });
    expect(after.fromCache).toBe(false);
    expect(after.rows.some((row) => row.id === removed)).toBe(false);
    expect(after.total).toBe(first.total - 1);
    expect((await service.search('python django')).fromCache).toBe(false);
    expect(searched.total).toBeGreaterThan(0);
  });

  it('caps pages at MAX_PAGE_SIZE', async () => {
    // More resumes than the cap, so an uncapped page would be longer.
    const many = library(MAX_PAGE_SIZE + 40, 1, 3);
    const index = new LibraryIndex();
    for (const resume of many.resumes) index.upsertResume(resume);
    for (const job of many.jobs) index.upsertJob(job);
    const service = new SearchService(index);
    const page = await service.rankJob(
      many.jobs[0]!.id,
      {},
      { key: 'score', direction: 'desc' },
      { offset: -5, limit: 10_000 },
    );
    expect(page.offset).toBe(0);
    expect(page.total).toBe(MAX_PAGE_SIZE + 40);
    expect(page.rows.length).toBe(MAX_PAGE_SIZE);
  });

  it('fuses BM25 with vectors, and finds similar candidates by vector or by text', async () => {
    const index = fullIndex();
    const dims = 8;
    const vectors = unitVectors(data.resumes.length, dims, 5);
    data.resumes.forEach((resume, position) =>
      index.setVectors({
        ownerId: resume.id,
        role: 'resume',
        modelId: 'tiny',
        dims,
        document: vectors[position]!,
        chunks: vectors[position]!,
      }),
    );
    const service = new SearchService(index);
    const textOnly = await service.similar(data.resumes[0]!.id);
    expect(textOnly.mode).toBe('text');
    expect(textOnly.hits.some((hit) => hit.id === data.resumes[0]!.id)).toBe(false);
    service.setModel('tiny');
    const similar = await service.similar(data.resumes[0]!.id);
    expect(similar.mode).toBe('hybrid');
    // The nearest vector to resume 0 among the others, by brute force.
    const nearest = data.resumes
      .slice(1)
      .map((resume, position) => ({
        id: resume.id,
        score: vectors[position + 1]!.reduce((sum, value, d) => sum + value * vectors[0]![d]!, 0),
      }))
      .sort((a, b) => b.score - a.score)[0]!;
    expect(similar.hits[0]!.id).toBe(nearest.id);
    const hybrid = await service.search(
      'python',
      { offset: 0, limit: 20 },
      { modelId: 'tiny', vector: vectors[3]! },
    );
    expect(hybrid.mode).toBe('hybrid');
    expect(hybrid.hits[0]!.vectorRank !== undefined || hybrid.hits[0]!.textRank !== undefined).toBe(true);
    const skills = await service.skills(['Python', 'Docker'], 'all');
    for (const hit of skills.hits) {
      const entry = index.resumes.get(hit.id)!;
      expect(entry.skills.has('python') && entry.skills.has('docker')).toBe(true);
    }
  });

  it("keeps only the given ids (the search box's hits), in the ranking's own order", async () => {
    const service = new SearchService(fullIndex());
    const jobId = data.jobs[0]!.id;
    const sort = { key: 'score', direction: 'desc' } as const;
    const whole = await service.rankJob(jobId, {}, sort, { offset: 0, limit: 500 });
    const picked = [whole.rows[7]!.id, whole.rows[2]!.id, whole.rows[30]!.id, 'no-such-resume'];
    const only = await service.rankJob(jobId, { ids: picked }, sort, { offset: 0, limit: 500 });
    expect(only.total).toBe(3);
    expect(only.rows.map((row) => row.id)).toEqual([
      whole.rows[2]!.id,
      whole.rows[7]!.id,
      whole.rows[30]!.id,
    ]);
    // The same ids in another order are the same request: served from the cache.
    const again = await service.rankJob(jobId, { ids: [...picked].reverse() }, sort, {
      offset: 0,
      limit: 500,
    });
    expect(again.fromCache).toBe(true);
    // No hits, no rows (not "no filter").
    expect((await service.rankJob(jobId, { ids: [] }, sort, { offset: 0, limit: 500 })).total).toBe(0);
    const jobIds = [data.jobs[1]!.id];
    const jobs = await service.rankResume(data.resumes[0]!.id, { ids: jobIds }, sort, {
      offset: 0,
      limit: 50,
    });
    expect(jobs.rows.map((row) => row.id)).toEqual(jobIds);
  });

  it('ranks every job for one resume (job-seeker view)', async () => {
    const service = new SearchService(fullIndex());
    const page = await service.rankResume(data.resumes[0]!.id);
    expect(page.total).toBe(data.jobs.length);
    expect(page.rows[0]!.name).toBe(data.jobs.find((job) => job.id === page.rows[0]!.id)!.title);
  });
});
