import { InvalidConfigurationError, loadEnvironment } from './hub-environment';

describe('loadEnvironment', () => {
  it('defaults to the embedded hub on port 4000 in development', () => {
    const environment = loadEnvironment({});
    expect(environment).toMatchObject({ NODE_ENV: 'development', PORT: 4000, HUB_DATA_DIR: './data' });
    expect(environment.DATABASE_URL).toBeUndefined();
    expect(environment.production).toBe(false);
  });

  it('reads numbers and URLs from strings', () => {
    const environment = loadEnvironment({ PORT: '8080', DATABASE_URL: 'postgres://hub@db:5432/hub', NODE_ENV: 'production' });
    expect(environment).toMatchObject({ PORT: 8080, DATABASE_URL: 'postgres://hub@db:5432/hub' });
    expect(environment.production).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT="eighty"/],
    [{ PORT: '70000' }, /PORT="70000"/],
    [{ DATABASE_URL: 'mysql://localhost/hub' }, /DATABASE_URL/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV="staging"/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ TOKEN_MAX_AGE_SECONDS: '5' }, /TOKEN_MAX_AGE_SECONDS/],
  ])('refuses %p with a message naming the setting', (source, message) => {
    expect(() => loadEnvironment(source)).toThrow(InvalidConfigurationError);
    expect(() => loadEnvironment(source)).toThrow(message);
  });

  it('ignores settings it does not know', () => {
    expect(() => loadEnvironment({ HOME: '/root', PATH: '/bin' })).not.toThrow();
  });
});
