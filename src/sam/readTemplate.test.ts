import { describe, expect, it } from 'vitest';
import { readSamTemplate } from './readTemplate';
import { TemplateError } from './templateFile';

const read = (
  text: string,
  parameterOverrides: Record<string, string> = {},
  templatePath = 'template.yaml',
) =>
  readSamTemplate({
    templatePath,
    text,
    files: { 'src/app.py': 'def handler(e, c):\n    return 1\n' },
    parameterOverrides,
  });

const fn = (props: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: app.handler
      Runtime: python3.13
${props}`;

const errorOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof TemplateError) return error.message;
    throw error;
  }
  throw new Error('no TemplateError');
};

describe('intrinsics', () => {
  it('evaluates conditions, If with AWS::NoValue, FindInMap, Split, Select, Join and Sub of attributes', () => {
    const app = read(`Parameters:
  Env: { Type: String, Default: test }
Mappings:
  Sizes:
    test: { memory: 256 }
Conditions:
  IsTest: !Equals [!Ref Env, test]
  NotProd: !Not [!Equals [!Ref Env, prod]]
  Both: !And [!Condition IsTest, !Or [!Condition NotProd, !Equals [a, b]]]
Resources:
  Queue:
    Type: AWS::SQS::Queue
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: app.handler
      Runtime: python3.13
      MemorySize: !FindInMap [Sizes, !Ref Env, memory]
      Environment:
        Variables:
          BOTH: !If [Both, "yes", "no"]
          GONE: !If [IsTest, !Ref AWS::NoValue, "kept"]
          THIRD: !Select [2, !Split [",", "a,b,c"]]
          ARN: !Sub "\${Queue.Arn}|\${Queue}"
          JOINED: !Join ["", [!GetAtt Queue.QueueName, "-x"]]
`);
    const draft = app.workspace.functions.Fn;
    expect(draft?.memorySize).toBe(256);
    expect(draft?.environment).toEqual({
      BOTH: 'yes',
      THIRD: 'c',
      ARN: 'arn:aws:sqs:us-east-1:123456789012:sam-app-Queue|https://sqs.us-east-1.amazonaws.com/123456789012/sam-app-Queue',
      JOINED: 'sam-app-Queue-x',
    });
  });
});

describe('template errors: file, line and reason', () => {
  it.each([
    ['a YAML syntax error', 'Resources:\n  Fn: [1,\n', /^template\.yaml:3: /],
    ['an unknown tag', fn('      Timeout: !Bogus 3\n'), /^template\.yaml:9: unknown tag !Bogus$/],
    [
      'no Resources',
      'Transform: AWS::Serverless-2016-10-31\n',
      /^template\.yaml:1: the template has no Resources$/,
    ],
    [
      'an unknown reference',
      fn('      Timeout: !Ref Nope\n'),
      /^template\.yaml:9: !Ref Nope: no parameter or resource has that name$/,
    ],
    [
      'an unknown attribute',
      `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n${fn('      Description: !GetAtt Q.Nope\n').replace(/^Transform.*\nResources:\n/, '')}`,
      /!GetAtt Q\.Nope: the lab does not know this attribute$/,
    ],
    [
      'an unsupported function',
      fn('      Description: !GetAZs ""\n'),
      /Fn::GetAZs is not supported by the lab$/,
    ],
    [
      'an undefined condition',
      fn('      Timeout: !If [Missing, 1, 2]\n'),
      /condition Missing is not defined under Conditions$/,
    ],
    [
      'a resource without Type',
      'Resources:\n  Fn:\n    Properties: {}\n',
      /^template\.yaml:3: resource Fn has no Type$/,
    ],
  ])('%s', (_what, text, message) => {
    expect(errorOf(() => read(text))).toMatch(message);
  });

  it('checks parameters: no default, overrides of undeclared names, allowed values', () => {
    const text = `Parameters:\n  Stage: { Type: String, AllowedValues: [dev, prod] }\n${fn('').replace('Transform: AWS::Serverless-2016-10-31\n', '')}`;
    expect(errorOf(() => read(text))).toContain(
      'parameter Stage has no Default; give it with --parameter-overrides Stage=...',
    );
    expect(errorOf(() => read(text, { Stage: 'qa' }))).toContain(
      'parameter Stage is "qa", not one of dev, prod',
    );
    expect(errorOf(() => read(text, { Stage: 'dev', Other: '1' }))).toContain(
      'names Other, which the template does not declare',
    );
    expect(read(text, { Stage: 'prod' }).workspace.functions.Fn?.handler).toBe('app.handler');
  });

  it('reads a JSON template, and gives its line too', () => {
    const json = JSON.stringify(
      {
        Resources: {
          Fn: {
            Type: 'AWS::Serverless::Function',
            Properties: { CodeUri: 'src/', Handler: 'app.handler', Runtime: 'python3.13' },
          },
        },
      },
      null,
      2,
    );
    expect(Object.keys(read(json, {}, 'template.json').workspace.functions)).toEqual(['Fn']);
    expect(
      errorOf(() => read('{\n  "Resources": {\n    "Fn": {"Type": 1,}\n  }\n}', {}, 'template.json')),
    ).toMatch(/^template\.json:3: /);
  });
});

describe('disabled events', () => {
  it('a disabled SQS event becomes a disabled mapping; a disabled schedule is named in a warning', () => {
    const app = read(
      fn(`      Events:
        Jobs:
          Type: SQS
          Properties: { Queue: arn:aws:sqs:us-east-1:123456789012:jobs, Enabled: false }
        Tick:
          Type: Schedule
          Properties: { Schedule: rate(1 minute), Enabled: false }
`),
    );
    expect(app.extras.Fn?.mappings[0]?.params).toMatchObject({
      EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:jobs',
      Enabled: false,
    });
    expect(app.warnings.map((w) => w.message)).toEqual([
      'Tick: a disabled Schedule event is not simulated; it is built enabled.',
    ]);
  });
});

describe('what the lab does not simulate', () => {
  it('is one warning per resource type or property, naming every resource it concerns; the rest is read', () => {
    const app = read(`Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Tracing: Active
Resources:
  A:
    Type: AWS::Serverless::Function
    Properties: { Runtime: python3.13, Handler: a.h, InlineCode: "def h(e, c): pass" }
  B:
    Type: AWS::Serverless::Function
    Properties: { Runtime: nodejs20.x, Handler: a.h, InlineCode: "x" }
  C:
    Type: AWS::Serverless::Function
    Properties: { Runtime: python3.13, Handler: a.h, InlineCode: "def h(e, c): pass" }
  Q1: { Type: AWS::StepFunctions::StateMachine }
  Q2: { Type: AWS::StepFunctions::StateMachine }
`);
    expect(Object.keys(app.workspace.functions)).toEqual(['A', 'C']);
    expect(app.warnings.map((w) => [w.subject, w.logicalIds])).toEqual([
      ['Function property Tracing', ['A', 'C']],
      ['AWS::StepFunctions::StateMachine', ['Q1', 'Q2']],
      ['Function with Runtime nodejs20.x', ['B']],
    ]);
  });
});
