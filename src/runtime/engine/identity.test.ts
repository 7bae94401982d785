import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from './engine';
import { handlerCode, initRequest, invokeRequest, loadEngine, spec } from './testSupport';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

// What PyMySQL does at import (connections.py): DEFAULT_USER = getpass.getuser().
const HANDLER = `
import getpass, grp, importlib.util, os, pwd

DEFAULT_USER = getpass.getuser()

def lambda_handler(event, context):
    me = pwd.getpwuid(os.getuid())
    try:
        group = grp.getgrgid(os.getgid()).gr_name
    except KeyError as error:
        group = f"KeyError: {error}"
    try:
        login = os.getlogin()
    except OSError as error:
        login = f"OSError: {error.errno}"
    return {
        "user": DEFAULT_USER,
        "ids": [os.getuid(), os.geteuid(), os.getgid(), os.getegid(), os.getgroups()],
        "pwd": [me.pw_name, me.pw_dir, me.pw_shell, pwd.getpwnam("root").pw_uid],
        "group": group,
        "login": login,
        "home": os.environ.get("HOME"),
        "spec": importlib.util.find_spec("pwd").origin,
    }
`;

describe("Lambda's user and process identity", () => {
  it('imports code that asks who it runs as (getpass, pwd, grp) and answers as the sandbox user', () => {
    const env = spec({ code: handlerCode(HANDLER) });
    const init = engine.init(initRequest(env));
    expect(init.outcome, JSON.stringify(init)).toEqual({ status: 'success', responseJson: 'null' });
    const report = engine.invoke(invokeRequest(env, {}));
    if (report.outcome.status !== 'success') throw new Error(JSON.stringify(report.outcome));
    expect(JSON.parse(report.outcome.responseJson)).toEqual({
      user: 'sbx_user1051',
      ids: [993, 993, 990, 990, [990]],
      pwd: ['sbx_user1051', '/home/sbx_user1051', '/sbin/nologin', 0],
      group: "KeyError: 'getgrgid(): gid not found: 990'",
      login: 'OSError: 6',
      home: null,
      spec: 'built-in',
    });
    engine.destroy(env.envId);
  });
});
