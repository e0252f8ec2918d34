import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ATTEMPTS, s3ClientSettings } from '../../../engine/storage/s3-config.js';
import { parseS3Uri } from '../../../engine/storage/s3-uri.js';

describe('s3ClientSettings', () => {
  it('defaults to us-east-1, virtual-hosted style and standard retries with enough attempts', () => {
    expect(s3ClientSettings({})).toEqual({
      region: 'us-east-1',
      forcePathStyle: false,
      maxAttempts: DEFAULT_MAX_ATTEMPTS,
      retryMode: 'standard',
    });
  });

  it('takes the endpoint from AWS_ENDPOINT_URL_S3, then AWS_ENDPOINT_URL, with path style', () => {
    const both = { AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9000', AWS_ENDPOINT_URL: 'http://x:1' };
    expect(s3ClientSettings(both)).toMatchObject({
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
    });
    expect(s3ClientSettings({ AWS_ENDPOINT_URL: 'http://ceph:7480' })).toMatchObject({
      endpoint: 'http://ceph:7480',
      forcePathStyle: true,
    });
  });

  it('lets AUGC_S3_FORCE_PATH_STYLE override, and reads region, attempts and retry mode', () => {
    const env = {
      AWS_ENDPOINT_URL_S3: 'https://s3.example',
      AUGC_S3_FORCE_PATH_STYLE: '0',
      AWS_REGION: 'eu-west-3',
      AWS_MAX_ATTEMPTS: '3',
      AWS_RETRY_MODE: 'adaptive',
    };
    expect(s3ClientSettings(env)).toEqual({
      region: 'eu-west-3',
      endpoint: 'https://s3.example',
      forcePathStyle: false,
      maxAttempts: 3,
      retryMode: 'adaptive',
    });
    expect(s3ClientSettings({ AUGC_S3_FORCE_PATH_STYLE: '1' }).forcePathStyle).toBe(true);
    expect(s3ClientSettings({ AWS_MAX_ATTEMPTS: 'lots' }).maxAttempts).toBe(DEFAULT_MAX_ATTEMPTS);
    expect(s3ClientSettings({ AWS_DEFAULT_REGION: 'ap-south-1' }).region).toBe('ap-south-1');
  });
});

describe('parseS3Uri', () => {
  it('splits bucket and key prefix', () => {
    expect(parseS3Uri('s3://my-bucket')).toEqual({
      ok: true,
      location: { bucket: 'my-bucket', prefix: '' },
    });
    expect(parseS3Uri('s3://my-bucket/runs//a/')).toEqual({
      ok: true,
      location: { bucket: 'my-bucket', prefix: 'runs/a/' },
    });
  });

  it('refuses bad buckets and dot segments', () => {
    expect(parseS3Uri('s3:///x').ok).toBe(false);
    expect(parseS3Uri('s3://Upper/x').ok).toBe(false);
    expect(parseS3Uri('s3://bucket/a/../b')).toMatchObject({ ok: false });
  });
});
