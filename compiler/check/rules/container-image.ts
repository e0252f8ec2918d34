import type { CommandMethodDecl, PipelineAst, TargetDecl } from '../../ast/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { containerChoiceOf } from '../../targets/container-runtime.js';
import type { Rule } from '../rule.js';

function writtenContainer(target: TargetDecl): { value: unknown; span?: Diagnostic['span'] } {
  const option = target.options.find((o) => o.name.value === 'container');
  const value = option?.value.value;
  return {
    value: value && 'value' in value ? value.value : undefined,
    ...(option ? { span: option.value.span } : {}),
  };
}

/**
 * AUG4012 (local: the image is ignored, a warning) or AUG4013 (a scheduler: refused) for each
 * command method with an image that `target` would run without a container.
 */
export function containerDiagnostics(ast: PipelineAst, target: TargetDecl): Diagnostic[] {
  const name = target.name.value;
  const written = writtenContainer(target);
  if (containerChoiceOf(name, written.value) !== 'none') return [];
  const imaged = ast.methods.filter(
    (m): m is CommandMethodDecl & { image: NonNullable<CommandMethodDecl['image']> } =>
      m.kind === 'command' && m.image !== undefined,
  );
  const local = name === 'local';
  return imaged.map((m) => ({
    code: local ? 'AUG4012' : 'AUG4013',
    severity: local ? ('warning' as const) : ('error' as const),
    message: local
      ? `target \`local\` runs method \`${m.name.value}\` without its image \`${m.image.value}\``
      : `target \`${name}\` cannot run method \`${m.name.value}\`'s image with \`container = "none"\``,
    span: m.image.span,
    ...(written.span ? { related: [{ span: written.span, message: 'set here' }] } : {}),
    notes: local
      ? ['the program runs directly on this machine: the image is ignored']
      : ['a method with an image runs only inside it'],
    help: `set \`container\` in \`target ${name}\` to apptainer, singularity${local ? ', docker or podman' : ''}, or drop \`image\``,
  }));
}

/** A target that would ignore a method's image says so, never silently. */
export const containerImageRule: Rule = {
  name: 'container-image',
  codes: ['AUG4012', 'AUG4013'],
  check(ast) {
    return ast.targets.flatMap((t) => containerDiagnostics(ast, t));
  },
};
