import { DriveError } from '../../core/ports/drive';
import { checkDriveName, graphItemPath, splitDrivePath } from './graph-path';

describe('graphItemPath', () => {
  it('addresses the root, a folder by path, and the user OneDrive', () => {
    expect(graphItemPath('b!abc', [])).toBe('drives/b!abc/root');
    expect(graphItemPath('b!abc', ['4PHU-2024', '688 Thị xã #1'])).toBe('drives/b!abc/root:/4PHU-2024/688%20Th%E1%BB%8B%20x%C3%A3%20%231:');
    expect(graphItemPath('me', ['a'])).toBe('me/drive/root:/a:');
  });
});

describe('splitDrivePath and checkDriveName', () => {
  it('splits on slashes and ignores empty parts', () => {
    expect(splitDrivePath('/a//b/')).toEqual(['a', 'b']);
    expect(splitDrivePath('')).toEqual([]);
  });
  it('refuses what SharePoint refuses', () => {
    for (const bad of ['..', 'a:b', 'a*b', 'q?', 'trailing.', 'trailing ', ' leading', 'tab\there', '']) {
      expect(() => checkDriveName(bad)).toThrow(DriveError);
    }
    expect(() => splitDrivePath('a/../b')).toThrow(DriveError);
    expect(() => checkDriveName('25216 Phường Thác Mơ.xlsx')).not.toThrow();
  });
});
