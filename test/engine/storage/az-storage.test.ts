/**
 * What is particular to az://: the URI's rules, the endpoint setting (a real feature for
 * sovereign clouds and Azurite, https only), tokens that come from the standard credential chain
 * (and only for the storage audience), and a store that refuses us reported as such, not as a
 * missing file.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { blobEndpointOf, maxTriesOf } from '../../../engine/storage/az-config.js';
import { parseAzUri } from '../../../engine/storage/az-uri.js';
import { openStorage } from '../../../engine/storage/open-storage.js';
import { isStorageUnavailable } from '../../../engine/storage/storage-error.js';
import { startBlobStore, type TestBlobStore } from '../../azure/blob-store.js';

describe('az:// URIs', () => {
  it('splits account, container and prefix', () => {
    expect(parseAzUri('az://acct01/runs/a/b/')).toEqual({
      ok: true,
      location: { account: 'acct01', container: 'runs', prefix: 'a/b/' },
    });
    expect(parseAzUri('az://acct01/runs')).toMatchObject({ ok: true, location: { prefix: '' } });
  });

  it.each([
    ['az://Acct/runs/x', /storage account/],
    ['az://ab/runs/x', /storage account/],
    ['az://acct01', /blob container/],
    ['az://acct01/Runs/x', /blob container/],
    ['az://acct01/a--b/x', /blob container/],
    ['az://acct01/runs/../x', /`\.\.` segment/],
  ])('refuses %s', (uri, why) => {
    const parsed = parseAzUri(uri);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(why);
    const opened = openStorage(uri);
    expect(opened.ok).toBe(false);
  });
});

describe('the blob endpoint setting', () => {
  it('defaults to the public cloud and fills in the account', () => {
    expect(blobEndpointOf('acct01', {})).toEqual({
      ok: true,
      url: 'https://acct01.blob.core.windows.net',
    });
    const china = { AUGC_AZURE_BLOB_ENDPOINT: 'https://{account}.blob.core.chinacloudapi.cn/' };
    expect(blobEndpointOf('acct01', china)).toEqual({
      ok: true,
      url: 'https://acct01.blob.core.chinacloudapi.cn',
    });
    const azurite = { AUGC_AZURE_BLOB_ENDPOINT: 'https://127.0.0.1:10000/{account}' };
    expect(blobEndpointOf('devstoreaccount1', azurite)).toMatchObject({
      url: 'https://127.0.0.1:10000/devstoreaccount1',
    });
  });

  it('refuses plain http and non-URLs', () => {
    const http = blobEndpointOf('a', { AUGC_AZURE_BLOB_ENDPOINT: 'http://127.0.0.1:1/{account}' });
    expect(http).toMatchObject({
      ok: false,
      message: expect.stringMatching(/must be an https URL/),
    });
    expect(blobEndpointOf('a', { AUGC_AZURE_BLOB_ENDPOINT: 'not a url' }).ok).toBe(false);
    expect(maxTriesOf({ AUGC_AZURE_MAX_TRIES: '3' })).toBe(3);
    expect(maxTriesOf({ AUGC_AZURE_MAX_TRIES: 'x' })).toBe(8);
  });
});

describe('az:// against Azurite', () => {
  let blobs: TestBlobStore;
  const container = 'augc-az-only';

  beforeAll(async () => {
    blobs = await startBlobStore();
    await blobs.createContainer(container);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await blobs.stop();
  });

  it('gets its tokens from the managed-identity endpoint, for the storage audience only', async () => {
    for (const [k, v] of Object.entries(blobs.env)) vi.stubEnv(k, v);
    const uri = `az://${blobs.account}/${container}/t-${randomBytes(3).toString('hex')}`;
    const opened = openStorage(uri);
    if (!opened.ok) throw new Error(opened.message);
    await opened.storage.writeAtomic('x.txt', 'hi');
    expect(await opened.storage.readText('x.txt')).toBe('hi');
    // Every token this process was issued (its credential caches them) is for storage.
    expect(new Set(blobs.tokens.issued)).toEqual(new Set(['https://storage.azure.com']));
  });

  it('reports a missing container as an unreachable store, not as a missing file', async () => {
    for (const [k, v] of Object.entries(blobs.env)) vi.stubEnv(k, v);
    const opened = openStorage(`az://${blobs.account}/no-such-container/x`);
    if (!opened.ok) throw new Error(opened.message);
    const error: unknown = await opened.storage.writeAtomic('a.txt', 'x').catch((e: unknown) => e);
    expect(isStorageUnavailable(error)).toBe(true);
    expect(String(error)).toMatch(
      /cannot write `az:\/\/devstoreaccount1\/no-such-container\/x\/a\.txt` \(ContainerNotFound, HTTP 404\)/,
    );
  });

  it('reports an endpoint that is not https before sending anything', async () => {
    vi.stubEnv('AUGC_AZURE_BLOB_ENDPOINT', 'http://127.0.0.1:9/{account}');
    const opened = openStorage(`az://${blobs.account}/${container}/x`);
    if (!opened.ok) throw new Error(opened.message);
    const error: unknown = await opened.storage.readText('a.txt').catch((e: unknown) => e);
    expect(isStorageUnavailable(error)).toBe(true);
    expect(String(error)).toMatch(/must be an https URL/);
  });
});
