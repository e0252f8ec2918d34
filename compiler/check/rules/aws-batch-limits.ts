import type { PipelineAst, TargetDecl } from '../../ast/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import {
  AWS_PLATFORMS,
  AWS_PROBLEM_CODES,
  awsBatchProblems,
  describeAwsProblem,
  fargateSizeFor,
  isFargateSize,
  mebibytesOf,
  SCHEDULING_PRIORITY_MAX,
  SHARE_IDENTIFIER_MAX,
  type AwsPlatform,
} from '../../targets/aws-batch-limits.js';
import type { Rule } from '../rule.js';
import { needs } from './resources-satisfiable.js';

function optionOf(target: TargetDecl, name: string) {
  const o = target.options.find((x) => x.name.value === name);
  const v = o?.value.value;
  return o && v && 'value' in v ? { value: v.value, span: o.value.span } : undefined;
}

function platformOf(target: TargetDecl): AwsPlatform {
  const v = optionOf(target, 'platform')?.value;
  return AWS_PLATFORMS.find((p) => p === v) ?? 'ec2';
}

/** Fargate runs only its own vCPU/memory pairs: a request between them is billed as the next. */
function fargateRounding(
  method: string,
  need: ReturnType<typeof needs>,
  target: TargetDecl,
): Diagnostic[] {
  const memoryMiB = mebibytesOf(need.memoryBytes.value);
  const size = fargateSizeFor(need.cpus.value, memoryMiB);
  if (!size || isFargateSize(need.cpus.value, memoryMiB)) return [];
  return [
    {
      code: 'AUG4018',
      severity: 'warning',
      message: `method \`${method}\`: Fargate offers no size with ${need.cpus.value} vCPU and ${memoryMiB} MiB; its jobs get ${size.vcpu} vCPU and ${size.memoryMiB} MiB`,
      span: need.memoryBytes.span,
      related: [{ span: target.name.span, message: 'target aws-batch (fargate) declared here' }],
      help: `ask for a size Fargate offers (e.g. \`cpus = ${size.vcpu}  memory = ${size.memoryMiB}MiB\`) to see what you pay for`,
    },
  ];
}

/** Each method's resources judged as AWS Batch would judge the job that runs it. */
function methodProblems(ast: PipelineAst, target: TargetDecl): Diagnostic[] {
  const platform = platformOf(target);
  return ast.methods.flatMap((m) => {
    const need = needs(ast, m);
    const values = {
      cpus: need.cpus.value,
      memoryBytes: need.memoryBytes.value,
      gpus: need.gpus.value,
      walltimeSeconds: need.walltimeSeconds.value,
    };
    const problems = awsBatchProblems(values, platform);
    const rounded =
      platform === 'fargate' && !problems.some((p) => p.kind === 'fargate-size')
        ? fargateRounding(m.name.value, need, target)
        : [];
    return problems
      .map((p): Diagnostic => {
        const key =
          p.kind === 'walltime'
            ? 'walltimeSeconds'
            : p.kind === 'fargate-gpu'
              ? 'gpus'
              : 'memoryBytes';
        const { message, help } = describeAwsProblem(p);
        return {
          code: AWS_PROBLEM_CODES[p.kind],
          severity: 'error',
          message: `method \`${m.name.value}\`: ${message}`,
          span: need[key].span,
          related: [
            { span: target.name.span, message: `target aws-batch (${platform}) declared here` },
          ],
          help,
        };
      })
      .concat(rounded);
  });
}

function optionRanges(target: TargetDecl): Diagnostic[] {
  const out: Diagnostic[] = [];
  const priority = optionOf(target, 'scheduling_priority');
  if (typeof priority?.value === 'number' && priority.value > SCHEDULING_PRIORITY_MAX)
    out.push({
      code: 'AUG4017',
      severity: 'error',
      message: `\`scheduling_priority\` is ${priority.value}; AWS Batch takes 0..${SCHEDULING_PRIORITY_MAX}`,
      span: priority.span,
    });
  const share = optionOf(target, 'share_identifier');
  if (typeof share?.value === 'string' && share.value.length > SHARE_IDENTIFIER_MAX)
    out.push({
      code: 'AUG4017',
      severity: 'error',
      message: `\`share_identifier\` has ${share.value.length} characters; AWS Batch takes at most ${SHARE_IDENTIFIER_MAX}`,
      span: share.span,
    });
  return out;
}

/** A pipeline declared for AWS Batch asks for nothing the service refuses. */
export const awsBatchLimitsRule: Rule = {
  name: 'aws-batch-limits',
  codes: ['AUG4014', 'AUG4015', 'AUG4016', 'AUG4017', 'AUG4018'],
  check(ast) {
    return ast.targets
      .filter((t) => t.name.value === 'aws-batch')
      .flatMap((t) => [...optionRanges(t), ...methodProblems(ast, t)]);
  },
};
