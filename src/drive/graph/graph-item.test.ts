import { DriveError } from '../../core/ports/drive';
import { folderFromParentPath, graphItemSchema, parseGraphBody, toDriveItem } from './graph-item';

describe('toDriveItem', () => {
  it('maps a Graph file, keeping the folder it was reached through', () => {
    const item = parseGraphBody(graphItemSchema, { id: '01A', name: '25216 Phường Thác Mơ.xlsx', size: 12, eTag: '"{01A},3"', lastModifiedDateTime: '2024-07-08T01:02:03Z', webUrl: 'https://x/y', file: {}, extra: 1 }, 'file_info');
    expect(toDriveItem(item, '4PHU-2024/TK')).toEqual({ id: '01A', name: '25216 Phường Thác Mơ.xlsx', folder: '4PHU-2024/TK', isFolder: false, size: 12, modified: '2024-07-08T01:02:03Z', eTag: '"{01A},3"', location: 'https://x/y' });
  });

  it('reads the folder from parentReference when not given', () => {
    const item = parseGraphBody(graphItemSchema, { id: '01B', name: 'TK', folder: { childCount: 2 }, parentReference: { path: '/drives/b!x/root:/4PHU-2024' } }, 'file_info');
    expect(toDriveItem(item)).toMatchObject({ folder: '4PHU-2024', isFolder: true, size: 0, location: '4PHU-2024/TK' });
  });

  it('rejects a body that is not a driveItem', () => {
    expect(() => parseGraphBody(graphItemSchema, { name: 'no id' }, 'file_info')).toThrow(DriveError);
    expect(() => parseGraphBody(graphItemSchema, null, 'file_info')).toThrow(DriveError);
  });
});

describe('folderFromParentPath', () => {
  it('decodes the part after root:', () => {
    expect(folderFromParentPath('/drives/b!x/root:')).toBe('');
    expect(folderFromParentPath('/drive/root:/4PHU-2024/TK/688%20Th%E1%BB%8B%20x%C3%A3')).toBe('4PHU-2024/TK/688 Thị xã');
    expect(folderFromParentPath('/drives/x/items/01')).toBe('');
    expect(folderFromParentPath(undefined)).toBe('');
    expect(folderFromParentPath('/drive/root:/bad%E0')).toBe('bad%E0');
  });
});
