import { DEFAULT_READ_LIMITS, readLimitsFromEnv, resolveReadLimits } from './read-limits';

describe('read limits', () => {
  it('defaults: 20 MiB file, 100 MiB uncompressed, 200:1, 2 million cells, 20 MiB shared strings', () => {
    expect(DEFAULT_READ_LIMITS).toMatchObject({
      maxFileBytes: 20 * 1024 * 1024,
      maxUncompressedBytes: 100 * 1024 * 1024,
      maxCompressionRatio: 200,
      maxCellsPerSheet: 2_000_000,
      maxSharedStringsBytes: 20 * 1024 * 1024,
    });
  });

  it('applies positive overrides and ignores nonsense', () => {
    const l = resolveReadLimits({ maxFileBytes: 1000, maxCellsPerSheet: -5, maxZipEntries: Number.NaN, maxXmlDepth: Infinity });
    expect(l.maxFileBytes).toBe(1000);
    expect(l.maxCellsPerSheet).toBe(DEFAULT_READ_LIMITS.maxCellsPerSheet);
    expect(l.maxZipEntries).toBe(DEFAULT_READ_LIMITS.maxZipEntries);
    expect(l.maxXmlDepth).toBe(DEFAULT_READ_LIMITS.maxXmlDepth);
  });

  it('reads the environment: sizes in MiB (comma decimals too), counts as is, and names what is invalid', () => {
    const { limits, invalid } = readLimitsFromEnv({
      PHU_MAX_FILE_MB: '50',
      PHU_MAX_UNCOMPRESSED_MB: '0,5',
      PHU_MAX_CELLS_PER_SHEET: '5000000',
      PHU_MAX_COMPRESSION_RATIO: 'nhiều',
      PHU_MAX_XML_DEPTH: '-1',
      PHU_MAX_SHARED_STRINGS_MB: ' ',
      UNRELATED: '1',
    });
    expect(limits).toEqual({ maxFileBytes: 50 * 1024 * 1024, maxUncompressedBytes: 512 * 1024, maxCellsPerSheet: 5_000_000 });
    expect(invalid).toEqual(['PHU_MAX_COMPRESSION_RATIO', 'PHU_MAX_XML_DEPTH']);
  });
});
