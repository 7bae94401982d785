/**
 * The second edition's corrections stay corrected: each wrong or dated claim (issue #19, listed in
 * lessons/README.md under CHANGES) must not come back, and the corrected fact must be taught where
 * the learner meets the topic.
 */
import { describe, expect, it } from 'vitest';
import { readContentFiles } from './loadLessons';

const files = readContentFiles();

function text(path: string): string {
  const t = files.get(`lessons/${path}`);
  if (t === undefined) throw new Error(`no lessons/${path}`);
  return flat(t);
}

/** One line of prose: block-quote markers and line breaks become single spaces. */
function flat(t: string): string {
  return t.replace(/\n>\s?/g, ' ').replace(/\s+/g, ' ');
}

/** Every lesson, quiz, exercise, demo and plan text (not code; not the README, which quotes the old claims). */
function allProse(): [string, string][] {
  return [...files.entries()]
    .filter(([p]) => /\.(md|yaml)$/.test(p) && p !== 'lessons/README.md')
    .map(([p, t]): [string, string] => [p, flat(t)]);
}

interface Correction {
  readonly id: string;
  /** A wrong claim, anywhere in the prose. */
  readonly never: RegExp;
  /** Where the corrected fact must be taught, and how it reads. */
  readonly taught: readonly (readonly [string, RegExp])[];
}

const CORRECTIONS: readonly Correction[] = [
  {
    id: '1 module-level clients do not shorten a cold start',
    never:
      /(text: (Creating|Create|Initialise) clients outside the handler, correct: true)|create SDK clients outside the handler, and use provisioned/,
    taught: [
      ['07-cold-starts/lesson.md', /does not shorten a cold start/],
      ['03-execution-environment/lesson.md', /speeds up warm requests, not cold starts/],
      ['11-patterns-and-review/quizzes.yaml', /cold request still pays for them/],
    ],
  },
  {
    id: '2 a bare Java function starts in a quarter of a second',
    never: /Java function \*\*1 to 10 seconds\*\*/,
    taught: [['07-cold-starts/lesson.md', /`java21` function in about \*\*0\.2 to 0\.25 s\*\*/]],
  },
  {
    id: '3 VPC endpoints are not a cold-start mitigation',
    never: /\| VPC endpoints \| reach AWS services/,
    taught: [['07-cold-starts/lesson.md', /\*\*VPC endpoints\*\* fix reachability and NAT cost/]],
  },
  {
    id: '4 Init is billed for on-demand .zip functions since 1 August 2025',
    never: /(?<!says )Init (is|phase is) (free|not billed)|cost nothing but a little care/,
    taught: [
      ['03-execution-environment/lesson.md', /Since \*\*1 August 2025\*\*, Init is billed/],
      ['07-cold-starts/lesson.md', /Since \*\*1 August 2025\*\*, the Init phase/],
    ],
  },
  {
    id: '5 not every service bills per request',
    never: /bill(ed)? per request in all three|All three services bill per request/,
    taught: [
      ['10-api-gateway/lesson.md', /DynamoDB per request only in on-demand/],
      ['11-patterns-and-review/lesson.md', /DynamoDB per request only in on-demand/],
    ],
  },
  {
    id: '6 29 s is a default that Regional and private REST APIs can raise',
    never: /waits (at most|29 s at most)|29 s whatever the function's timeout;/,
    taught: [
      ['10-api-gateway/lesson.md', /Since June 2024 a Regional or private REST API/],
      ['demos/api-timeout.yaml', /by default/],
    ],
  },
  {
    id: '7 bundling boto3 is a trade-off',
    never: /Bundling your own copy only makes the package bigger/,
    taught: [['07-cold-starts/exercises/cold-start-latency/exercise.yaml', /pin the SDK version/]],
  },
  {
    id: '8 the Serverless Application Repository is not a layer registry',
    never: /Application Repository lists ready-made/,
    taught: [['08-layers/lesson.md', /catalogues whole serverless applications/]],
  },
  {
    id: '9 runtimes and SnapStart are current',
    never: /Java and \.NET offer SnapStart|SnapStart \(Java only\)/,
    taught: [
      ['03-execution-environment/lesson.md', /`python3\.14`.*`nodejs24\.x`.*`java25`/],
      ['03-execution-environment/lesson.md', /SnapStart also supports Python 3\.12\+ and \.NET 8\+/],
    ],
  },
  {
    id: '10 more memory helps CPU-bound code only up to one vCPU for one thread',
    never: /Doubling the memory often halves the duration/,
    taught: [['04-configuration/lesson.md', /\*\*one thread\*\*/]],
  },
  {
    id: '12 concurrent requests need environments; S3 sends one record; the VPC FAQ points at VPC content',
    never: /Each event gets an instance of your function|The event may hold \*\*several records\*\*/,
    taught: [
      ['01-serverless/lesson.md', /requests \*\*in flight at once\*\*/],
      ['02-handler/lesson.md', /S3 sends one record per notification/],
    ],
  },
];

describe('second-edition corrections', () => {
  it.each(CORRECTIONS.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const offenders = allProse()
      .filter(([, t]) => c.never.test(t))
      .map(([p]) => p);
    expect(offenders).toEqual([]);
    for (const [path, pattern] of c.taught) expect(text(path), path).toMatch(pattern);
  });

  it('the VPC FAQ entry links only lessons that talk about VPCs', () => {
    const faq = files.get('lessons/faq.yaml') ?? '';
    const entry = faq.slice(faq.indexOf('id: vpc-timeouts'), faq.indexOf('id: lambda-calling-lambda'));
    const linked = [...(entry.match(/lessons: \[([^\]]*)\]/)?.[1] ?? '').matchAll(/[\w-]+/g)].map(
      (m) => m[0],
    );
    expect(linked.length).toBeGreaterThan(0);
    for (const lesson of linked) expect(text(`${lesson}/lesson.md`), lesson).toMatch(/VPC/);
  });

  it('every dated claim of the course text carries an "updated since the course text" note', () => {
    for (const path of [
      '03-execution-environment/lesson.md',
      '07-cold-starts/lesson.md',
      '08-layers/lesson.md',
      '10-api-gateway/lesson.md',
    ])
      expect(text(path), path).toContain('Updated since the course text');
  });
});

/** What the lab simulates, taught where the learner meets it (issue #19, "teach what the lab simulates"). */
const TOPICS: readonly (readonly [string, string, RegExp])[] = [
  [
    'Init billing with the REPORT line',
    '03-execution-environment/lesson.md',
    /### Reading a REPORT line.*Init is billed/,
  ],
  ['6 MB and 1 MB payloads', '06-event-sources/lesson.md', /\*\*6 MB\*\*.*\*\*1 MB\*\*/],
  ['scaling rate', '04-configuration/lesson.md', /\*\*1,000 execution environments every 10 seconds\*\*/],
  ['SQS batch size and window', '06-event-sources/lesson.md', /\*\*10,000\*\*.*batching\s+window/],
  [
    'versions, aliases, weighted canary',
    '07-cold-starts/lesson.md',
    /## Versions and aliases.*weighted alias.*canary release/,
  ],
  ['stages in practice', '10-api-gateway/lesson.md', /### Stages in practice.*Stage variables/],
  [
    'power tuning and what-if',
    '04-configuration/lesson.md',
    /\*\*Power tuning\*\*.*\*\*What-if\*\*.*lab-open world=cpu-bound/,
  ],
  ['concurrency visualizer', '04-configuration/lesson.md', /lab-viz kind=concurrency/],
  ['API flow visualizer', '10-api-gateway/lesson.md', /lab-viz kind=api-flow/],
];

describe('second-edition topics', () => {
  it.each(TOPICS.map(([name, path, re]) => [name, path, re] as const))(
    '%s is taught in %s',
    (_name, path, re) => {
      expect(text(path)).toMatch(re);
    },
  );

  it('offers every scripted demo for self-study in the lesson it belongs to', () => {
    const demos = [...files.keys()].filter((p) => /^lessons\/demos\/[^/]+\.yaml$/.test(p));
    expect(demos.length).toBeGreaterThan(0);
    for (const demo of demos) {
      const id = demo.replace(/^lessons\/demos\/|\.yaml$/g, '');
      const lesson = files.get(demo)?.match(/^lesson: (\S+)$/m)?.[1];
      expect(text(`${lesson}/lesson.md`), id).toContain(`lab-demo id=${id}`);
    }
  });
});
