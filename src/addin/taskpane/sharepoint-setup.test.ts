import { configFileNextTo, loadSharePointSetup, saveTypedSetup, type SetupStorage } from './sharepoint-setup';

const ID = '11111111-2222-4333-8444-555555555555';

function memory(): SetupStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe('SharePoint setup at run time', () => {
  it('takes the configuration file next to the add-in before anything typed', async () => {
    const storage = memory();
    saveTypedSetup(storage, { tenant: 'other.gov.vn', clientId: ID });
    const setup = await loadSharePointSetup(() => Promise.resolve({ tenant: 'binhphuoc.gov.vn', clientId: ID, contact: 'Phòng CNTT' }), storage);
    expect(setup).toMatchObject({ source: 'file', config: { tenant: 'binhphuoc.gov.vn', clientId: ID }, contact: 'Phòng CNTT' });
  });

  it('without a file, uses what was typed once; without either, says it is missing', async () => {
    const storage = memory();
    await expect(loadSharePointSetup(() => Promise.resolve(undefined), storage)).resolves.toMatchObject({ source: 'none', problem: 'missing', config: undefined });
    expect(saveTypedSetup(storage, { tenant: ' binhphuoc.gov.vn ', clientId: ` ${ID} ` })).toMatchObject({ source: 'settings', config: { tenant: 'binhphuoc.gov.vn' } });
    await expect(loadSharePointSetup(() => Promise.resolve(undefined), storage)).resolves.toMatchObject({ source: 'settings', config: { clientId: ID } });
  });

  it('keeps nothing typed wrong, and names the wrong value', () => {
    const storage = memory();
    expect(saveTypedSetup(storage, { tenant: 'binhphuoc.gov.vn', clientId: '1234' })).toMatchObject({ problem: 'clientId', config: undefined });
    expect(saveTypedSetup(storage, { tenant: '', clientId: ID })).toMatchObject({ problem: 'tenant' });
    expect(storage.map.size).toBe(0);
  });

  it('a configuration file that is not JSON or cannot be fetched is unreadable, not missing', async () => {
    const answer = (status: number, body: string) => configFileNextTo('https://addin.example.vn/phu/taskpane.html', (input) => {
      expect(String(input)).toBe('https://addin.example.vn/phu/phu-config.json');
      return Promise.resolve(new Response(body, { status }));
    });
    await expect(loadSharePointSetup(answer(200, '{ tenant: x'), undefined)).resolves.toMatchObject({ source: 'file', problem: 'unreadable' });
    await expect(loadSharePointSetup(answer(500, ''), undefined)).resolves.toMatchObject({ source: 'file', problem: 'unreadable' });
    await expect(loadSharePointSetup(answer(404, ''), undefined)).resolves.toMatchObject({ source: 'none', problem: 'missing' });
    await expect(loadSharePointSetup(() => Promise.reject(new TypeError('offline')), undefined)).resolves.toMatchObject({ problem: 'unreadable' });
  });
});
