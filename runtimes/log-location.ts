/**
 * Where a cloud service keeps the output of the container a worker runs in, as the container's
 * own environment tells it, so that the attempt's records can name it. On AWS Batch (ECS) the
 * task metadata endpoint (v4) gives the `awslogs` group and stream; elsewhere there is none.
 */
type Env = Readonly<Record<string, string | undefined>>;

interface EcsContainerMetadata {
  LogDriver?: string;
  LogOptions?: Record<string, string | undefined>;
}

/** A CloudWatch Logs location as augc prints it (and `augc status --task` shows). */
export function cloudWatchLocation(group: string, stream: string, region?: string): string {
  const where = region ? ` (${region})` : '';
  return `CloudWatch Logs group ${group}, stream ${stream}${where}`;
}

/** The log location the container's environment names, or undefined (never throws). */
export async function serviceLogLocation(env: Env): Promise<string | undefined> {
  const uri = env['ECS_CONTAINER_METADATA_URI_V4'];
  if (uri === undefined || uri === '') return undefined;
  try {
    const response = await fetch(uri, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) return undefined;
    const meta = (await response.json()) as EcsContainerMetadata;
    const group = meta.LogOptions?.['awslogs-group'];
    const stream = meta.LogOptions?.['awslogs-stream'];
    if (meta.LogDriver !== 'awslogs' || !group || !stream) return undefined;
    return cloudWatchLocation(group, stream, meta.LogOptions?.['awslogs-region']);
  } catch {
    // The records simply name no stream; the run goes on.
    return undefined;
  }
}
