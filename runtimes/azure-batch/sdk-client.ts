/**
 * The only module that imports @azure/batch and (for the Batch service) @azure/identity. Tokens
 * come from DefaultAzureCredential, for the Batch resource of the account's cloud; the SDK's own
 * adapter for token credentials would ask for Azure Resource Manager's audience instead, so the
 * request is signed here. Errors leave this file as AzureBatchError, never as SDK types.
 */
import { BatchServiceClient, type BatchServiceModels } from '@azure/batch';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import {
  AzureBatchError,
  type AzureBatchClient,
  type TaskAddOutcome,
  type TaskInfo,
} from './client.js';
import type { JobAdd, TaskAdd } from './requests.js';

type Credentials = ConstructorParameters<typeof BatchServiceClient>[0];

/** The Batch resource (token audience) of the cloud an account URL belongs to. */
export function batchScopeOf(accountUrl: string): string {
  const host = new URL(accountUrl).hostname;
  if (host.endsWith('.chinacloudapi.cn')) return 'https://batch.chinacloudapi.cn/.default';
  if (host.endsWith('.usgovcloudapi.net')) return 'https://batch.core.usgovcloudapi.net/.default';
  return 'https://batch.core.windows.net//.default';
}

function signedBy(credential: TokenCredential, scope: string): Credentials {
  return {
    async signRequest(request) {
      const token = await credential.getToken(scope);
      if (!token) throw new AzureBatchError('no token for Azure Batch', 'NoToken', undefined, true);
      request.headers.set('authorization', `Bearer ${token.token}`);
      return request;
    },
  };
}

interface RestErrorShape {
  name?: string;
  code?: string;
  statusCode?: number;
  message?: string;
  body?: { code?: string; message?: { value?: string } | string };
}

/** REST errors, credential failures and dropped connections, as one error type. */
export function batchErrorOf(error: unknown, action: string): AzureBatchError {
  if (error instanceof AzureBatchError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as RestErrorShape;
  const bodyMessage = typeof e.body?.message === 'string' ? e.body.message : e.body?.message?.value;
  const code = e.body?.code ?? e.code ?? e.name;
  const status = e.statusCode;
  const text = (bodyMessage ?? e.message ?? String(error)).split('\n')[0] ?? '';
  const credential = [
    'CredentialUnavailableError',
    'AuthenticationError',
    'AggregateAuthenticationError',
  ].includes(e.name ?? '');
  const unavailable = credential || status === undefined || status === 401 || status === 403;
  if (credential)
    return new AzureBatchError(
      `cannot ${action}: no Azure credential (DefaultAzureCredential tried the environment, workload identity, managed identity and the Azure CLI): ${text}`,
      code,
      status,
      true,
    );
  const what = [code, status !== undefined ? `HTTP ${status}` : undefined]
    .filter(Boolean)
    .join(', ');
  return new AzureBatchError(
    `cannot ${action} (${what || 'error'}): ${text}`,
    code,
    status,
    unavailable,
  );
}

export function createSdkClient(accountUrl: string): AzureBatchClient {
  const credential = new DefaultAzureCredential();
  const client = new BatchServiceClient(signedBy(credential, batchScopeOf(accountUrl)), accountUrl);
  const call = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw batchErrorOf(error, action);
    }
  };
  return {
    createJob: (job: JobAdd) =>
      call(`create job \`${job.id}\``, async () => {
        await client.job.add(job as unknown as BatchServiceModels.JobAddParameter);
      }),
    addTasks: (jobId: string, tasks: readonly TaskAdd[]) =>
      call(`add tasks to job \`${jobId}\``, async () => {
        const values = tasks as unknown as BatchServiceModels.TaskAddParameter[];
        const out = await client.task.addCollection(jobId, values);
        return (out.value ?? []).map((r): TaskAddOutcome => ({
          taskId: r.taskId,
          status: r.status,
          ...(r.error ? { error: { code: r.error.code, message: r.error.message?.value } } : {}),
        }));
      }),
    patchJob: (jobId, patch) =>
      call(`update job \`${jobId}\``, async () => {
        await client.job.patch(jobId, patch);
      }),
    listTasks: (jobId: string) =>
      call(`list the tasks of job \`${jobId}\``, async () => {
        const taskListOptions = { select: 'id,displayName,state,executionInfo' };
        const out: TaskInfo[] = [];
        let page = await client.task.list(jobId, { taskListOptions });
        out.push(...(page as unknown as TaskInfo[]));
        while (page.odatanextLink) {
          page = await client.task.listNext(page.odatanextLink);
          out.push(...(page as unknown as TaskInfo[]));
        }
        return out;
      }),
    terminateJob: (jobId: string) =>
      call(`terminate job \`${jobId}\``, async () => {
        await client.job.terminate(jobId);
      }),
  };
}
